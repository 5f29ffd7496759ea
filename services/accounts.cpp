#include "services/accounts.hpp"

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "db/session_repository.hpp"
#include "services/limits.hpp"
#include "services/passwords.hpp"
#include "services/sessions.hpp"

namespace mmx::services {
namespace {

constexpr std::string_view kLoginPerAddress = "login-ip";
constexpr std::string_view kBadCredentials = "用户名或密码错误";

// Ends every session of the user and stores the new hash, in one transaction.
void replacePassword(Services& services, std::int64_t userId, const std::string& newHash) {
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::UserRepository(services.db).setPasswordHash(userId, newHash, nowMs());
        db::SessionRepository(services.db).revokeAll(userId);
        transaction.commit();
    });
}

}  // namespace

SignedIn login(Services& services, const SignIn& signIn) {
    countOrRefuse(services, kLoginPerAddress, signIn.address, services.config.loginIpLimit);

    db::UserRepository users(services.db);
    db::SessionRepository sessions(services.db);
    const auto credentials = signIn.userId ? users.findCredentialsById(*signIn.userId)
                                           : users.findCredentials(signIn.loginName);
    // Tries are counted per account, whatever spelling of its name found it. Only
    // failures count, so correct logins running at once never refuse each other; a
    // burst of guesses can pass the check together, but no more of them than there
    // are workers, each of which serves one request at a time.
    const PasswordTry attempt{
        credentials     ? passwordAccountKey(credentials->id)
        : signIn.userId ? "id:" + std::to_string(*signIn.userId)
                        : "name:" + signIn.loginName,
        signIn.address, signIn.client,
        // Asked for an unknown name too, so that both cost the same.
        sessions.isKnownClient(credentials ? credentials->id : 0, signIn.client)};
    admitPasswordTry(services, attempt);
    const bool verified =
        credentials ? verifyPasswordLimited(services, credentials->passwordHash, signIn.password)
                    : (verifyAgainstDummy(services, signIn.password), false);
    if (!verified) {
        countWrongPassword(services, attempt);
        throw ApiError(ErrorCode::BadCredentials, std::string(kBadCredentials));
    }
    clearPasswordTries(services, attempt);
    if (passwordNeedsRehash(credentials->passwordHash)) {
        users.setPasswordHash(credentials->id, hashPasswordLimited(services, signIn.password),
                              nowMs());
    }
    Identity identity = openSession(services, credentials->id, signIn.client);
    sessions.rememberClient(credentials->id, signIn.client, nowMs());
    auto profile = users.findProfile(credentials->id);
    if (!profile) throw ApiError(ErrorCode::BadCredentials, std::string(kBadCredentials));
    return SignedIn{std::move(identity), std::move(*profile)};
}

void signOut(Services& services, std::int64_t userId, std::string_view client) {
    db::SessionRepository(services.db).revoke(userId, client);
}

void changePassword(Services& services, const Identity& actor, std::string_view address,
                    std::string_view oldPassword, std::string_view newPassword) {
    // The session's client has logged in to this account: it is the owner's own.
    const PasswordTry attempt{passwordAccountKey(actor.userId), std::string(address), actor.client,
                              true};
    admitPasswordTry(services, attempt);

    const auto credentials = db::UserRepository(services.db).findCredentialsById(actor.userId);
    if (!credentials || !verifyPasswordLimited(services, credentials->passwordHash, oldPassword)) {
        countWrongPassword(services, attempt);
        throw ApiError(ErrorCode::BadCredentials, "原密码错误");
    }
    clearPasswordTries(services, attempt);
    replacePassword(services, actor.userId, hashPasswordLimited(services, newPassword));
}

}  // namespace mmx::services
