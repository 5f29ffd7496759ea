#pragma once

#include <any>
#include <cstdint>
#include <string>

namespace mmx {

// Who is calling, once the token has been checked. The actor of every action.
struct Identity {
    std::int64_t userId = 0;
    std::string client;
    std::string accessToken;
    std::int64_t expireMs = 0;  // the server's expiry of the session
    // What the authenticator loaded about the actor along with the session, for
    // handlers to reuse instead of reading it again (its type is the handlers' own).
    std::any actor;
};

}  // namespace mmx
