#pragma once

#include <initializer_list>
#include <string_view>
#include <utility>

#include "fcgi/request.hpp"

namespace mmx::dialects {

// A copy of `request` whose parameters named as a pair's first are named as its second:
// a dialect's spelling turned into the one a shared reader takes.
Request withNames(const Request& request,
                  std::initializer_list<std::pair<std::string_view, std::string_view>> renames);

}  // namespace mmx::dialects
