#pragma once

// The picture check moved to services/images.hpp; this name stays for the routes
// that still call it from here.
#include "services/images.hpp"

namespace mmx {

using services::requireCleanImage;

}  // namespace mmx
