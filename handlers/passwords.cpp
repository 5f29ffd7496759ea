#include "handlers/passwords.hpp"

#include "core/crypto.hpp"
#include "fcgi/api_error.hpp"

namespace mmx {
namespace {

// How long an admitted request may wait for a hash slot before it is turned away.
constexpr std::chrono::milliseconds kHashPatience{10000};

HashSlots::Lease hashSlot(Services& services) {
    auto lease = services.hashSlots.acquire(kHashPatience);
    if (!lease) throw ApiError(ErrorCode::RateLimited, "登录请求过多，请稍后再试");
    return std::move(*lease);
}

}  // namespace

std::string hashPasswordLimited(Services& services, std::string_view password) {
    const auto lease = hashSlot(services);
    return services.hasher.run([password] { return hashPassword(password); });
}

bool verifyPasswordLimited(Services& services, const std::string& storedHash,
                           std::string_view password) {
    const auto lease = hashSlot(services);
    return services.hasher.run([&] { return verifyPassword(storedHash, password); });
}

void verifyAgainstDummy(Services& services, std::string_view password) {
    verifyPasswordLimited(services, std::string(kDummyPasswordHash), password);
}

}  // namespace mmx
