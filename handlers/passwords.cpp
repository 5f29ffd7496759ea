#include "handlers/passwords.hpp"

#include "core/crypto.hpp"

namespace mmx {

std::string hashPasswordLimited(Services& services, std::string_view password) {
    const auto lease = services.hashSlots.acquire();
    return hashPassword(password);
}

bool verifyPasswordLimited(Services& services, const std::string& storedHash,
                           std::string_view password) {
    const auto lease = services.hashSlots.acquire();
    return verifyPassword(storedHash, password);
}

void verifyAgainstDummy(Services& services, std::string_view password) {
    // Made once per worker, with today's limits, from a password nobody knows.
    static const std::string dummy = hashPasswordLimited(services, randomHex(16));
    verifyPasswordLimited(services, dummy, password);
}

}  // namespace mmx
