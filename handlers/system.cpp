#include "handlers/system.hpp"

namespace mmx::system {

Response ping(const Request&) { return Response("pong"); }

}  // namespace mmx::system
