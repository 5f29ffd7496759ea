#include "services/passwords.hpp"

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "services/limits.hpp"

namespace mmx::services {
namespace {

// How long an admitted request may wait for a hash slot before it is turned away.
constexpr std::chrono::milliseconds kHashPatience{10000};
// A refused hash is worth trying again about when the queue has moved on.
constexpr std::int64_t kHashRetryMs = 2000;

constexpr std::string_view kTriesPerAddress = "pw-addr";
constexpr std::string_view kTriesPerAccount = "pw-account";
constexpr std::string_view kTriesPerClient = "pw-client";
constexpr std::int64_t kAccountWindowMs = 60 * kMinuteMs;

HashSlots::Lease hashSlot(Services& services) {
    auto lease = services.hashSlots.acquire(kHashPatience);
    if (!lease) throw rateLimited("登录请求过多，请稍后再试", kHashRetryMs);
    return std::move(*lease);
}

// Keys under one account start with "<account>@" (addresses) or "<account>#" (clients),
// so that a reset can clear them all by prefix.
std::string addressKey(const PasswordTry& attempt) {
    return attempt.account + "@" + attempt.address;
}

std::string clientKey(const PasswordTry& attempt) {
    return attempt.account + "#" + attempt.client;
}

db::RateWindow later(const db::RateWindow& a, const db::RateWindow& b) {
    return a.expiresAt >= b.expiresAt ? a : b;
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

std::string passwordAccountKey(std::int64_t userId) {
    return "uid:" + std::to_string(userId);
}

void admitPasswordTry(Services& services, const PasswordTry& attempt) {
    const Config& config = services.config;
    const auto perAddress = hitsOf(services, kTriesPerAddress, addressKey(attempt));
    const auto perAccount = hitsOf(services, kTriesPerAccount, attempt.account);
    const bool addressClosed = perAddress.hits >= config.loginFailLimit;
    const bool accountClosed = perAccount.hits >= config.accountFailLimit;
    if (!addressClosed && !accountClosed) return;
    if (attempt.knownClient) {
        const auto perClient = hitsOf(services, kTriesPerClient, clientKey(attempt));
        if (perClient.hits < config.loginFailLimit) return;
        refuseUntilEnd(perClient);
    }
    if (addressClosed && accountClosed) refuseUntilEnd(later(perAddress, perAccount));
    refuseUntilEnd(addressClosed ? perAddress : perAccount);
}

void countWrongPassword(Services& services, const PasswordTry& attempt) {
    countHit(services, kTriesPerAddress, addressKey(attempt), kLimitWindowMs);
    countHit(services, kTriesPerAccount, attempt.account, kAccountWindowMs);
    countHit(services, kTriesPerClient, clientKey(attempt), kLimitWindowMs);
}

void clearPasswordTries(Services& services, const PasswordTry& attempt) {
    forgive(services, kTriesPerAccount, attempt.account);
    forgive(services, kTriesPerAddress, addressKey(attempt));
    forgive(services, kTriesPerClient, clientKey(attempt));
}

void clearEveryPasswordTry(Services& services, std::string_view account) {
    forgive(services, kTriesPerAccount, account);
    forgiveEvery(services, kTriesPerAddress, std::string(account) + "@");
    forgiveEvery(services, kTriesPerClient, std::string(account) + "#");
}

}  // namespace mmx::services
