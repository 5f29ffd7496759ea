#include "handlers/system.hpp"

namespace mmx::system {

Response ping(const Request&) {
    return Response("服务正常");
}

}  // namespace mmx::system
