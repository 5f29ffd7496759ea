#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"

// /app/system!… — health.
namespace mmx::system {

// Answers without touching the database: health checks, and the benchmark's baseline.
Response ping(const Request& request);

}  // namespace mmx::system
