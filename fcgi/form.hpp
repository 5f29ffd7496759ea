#pragma once

#include <cgicc/CgiInput.h>

#include "fcgi/request.hpp"

namespace mmx {

// Reads the query string or body behind `input` into the request's parameters and
// files, with cgicc. Throws on malformed input (cgicc throws on short reads and bad
// parts); the caller answers BAD_PARAM for that request alone.
void parseForm(cgicc::CgiInput& input, Request& request);

}  // namespace mmx
