// Credentials, codes and sessions: login, register, passwords, sign-out.
#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "db/session_repository.hpp"
#include "db/user_repository.hpp"
#include "fcgi/router.hpp"
#include "handlers/params.hpp"
#include "handlers/user.hpp"
#include "handlers/user_vo.hpp"
#include "services/limits.hpp"
#include "services/passwords.hpp"
#include "services/qr_cards.hpp"
#include "services/sessions.hpp"
#include "services/sms_codes.hpp"

namespace mmx::user {
namespace {

constexpr std::string_view kLoginPerAddress = "login-ip";
constexpr std::string_view kCodesPerAddress = "code-ip";
constexpr std::string_view kBadCredentials = "用户名或密码错误";

void limitCodeTraffic(Services& services, const Request& request) {
    countOrRefuse(services, kCodesPerAddress, request.remoteAddr, services.config.codeIpLimit);
}

std::string requireCode(const Request& request, std::string_view name) {
    return requireText(request, name, 1, 16);
}

// Ends every session of the user and stores the new hash, in one transaction.
void replacePassword(Services& services, std::int64_t userId, const std::string& newHash) {
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::UserRepository(services.db).setPasswordHash(userId, newHash, nowMs());
        db::SessionRepository(services.db).revokeAll(userId);
        transaction.commit();
    });
}

}  // namespace

Response login(Services& services, const Request& request) {
    const std::string loginName = requireText(request, "userVO.userName", 1, 64);
    const std::string password = requirePassword(request, "userVO.password");
    countOrRefuse(services, kLoginPerAddress, request.remoteAddr, services.config.loginIpLimit);

    db::UserRepository users(services.db);
    db::SessionRepository sessions(services.db);
    const auto credentials = users.findCredentials(loginName);
    // Tries are counted per account, whatever spelling of its name found it. Only
    // failures count, so correct logins running at once never refuse each other; a
    // burst of guesses can pass the check together, but no more of them than there
    // are workers, each of which serves one request at a time.
    const PasswordTry attempt{
        credentials ? passwordAccountKey(credentials->id) : "name:" + loginName, request.remoteAddr,
        request.client,
        // Asked for an unknown name too, so that both cost the same.
        sessions.isKnownClient(credentials ? credentials->id : 0, request.client)};
    admitPasswordTry(services, attempt);
    const bool verified = credentials
                              ? verifyPasswordLimited(services, credentials->passwordHash, password)
                              : (verifyAgainstDummy(services, password), false);
    if (!verified) {
        countWrongPassword(services, attempt);
        throw ApiError(ErrorCode::BadCredentials, std::string(kBadCredentials));
    }
    clearPasswordTries(services, attempt);
    if (passwordNeedsRehash(credentials->passwordHash)) {
        users.setPasswordHash(credentials->id, hashPasswordLimited(services, password), nowMs());
    }
    const Identity identity = services::openSession(services, credentials->id, request.client);
    sessions.rememberClient(credentials->id, request.client, nowMs());
    const auto profile = users.findProfile(credentials->id);
    if (!profile) throw ApiError(ErrorCode::BadCredentials, std::string(kBadCredentials));

    Response response("登录成功");
    writeUserVO(response.data().object("userVO"), *profile, visibilityOf(Relation::Self));
    addIdentityHeaders(response, identity);
    return response;
}

Response sendRegisterCode(Services& services, const Request& request) {
    const std::string mobile = requireMobile(request, "userVO.userMobile");
    limitCodeTraffic(services, request);
    if (db::UserRepository(services.db).findIdByMobile(mobile)) {
        throw ApiError(ErrorCode::Conflict, "该手机号已注册");
    }
    sendCode(services, mobile, CodePurpose::Register, true);
    return Response("验证码已发送到手机");
}

Response registerUser(Services& services, const Request& request) {
    const std::string mobile = requireMobile(request, "userVO.userMobile");
    const std::string password = requirePassword(request, "userVO.password");
    const std::string code = requireCode(request, "telSecurityCode");
    limitCodeTraffic(services, request);
    if (db::UserRepository(services.db).findIdByMobile(mobile)) {
        throw ApiError(ErrorCode::Conflict, "该手机号已注册");
    }
    // The code is checked before the password is hashed, so a guessed code costs no
    // hash; a refused hash rolls the consumption back and leaves the code usable.
    const std::int64_t userId = db::withTransaction(services.db, [&](db::Transaction& transaction) {
        consumeCode(services, transaction, mobile, CodePurpose::Register, code);
        const std::string passwordHash = hashPasswordLimited(services, password);
        try {
            const std::int64_t id =
                db::UserRepository(services.db).create(mobile, passwordHash, nowMs());
            transaction.commit();
            return id;
        } catch (const db::DuplicateKey&) {
            throw ApiError(ErrorCode::Conflict, "该手机号已注册");
        }
    });
    if (const auto profile = db::UserRepository(services.db).findProfile(userId)) {
        ensureQrCard(services, *profile);
    }
    Response response("用户注册成功");
    response.data().object("userVO").set("userId", userId);
    return response;
}

Response sendValidateCodeByRetreve(Services& services, const Request& request) {
    const std::string mobile = requireMobile(request, "userVO.userMobile");
    limitCodeTraffic(services, request);
    // An unknown mobile gets the same answer and the same throttle, and no message:
    // this route must not tell who has an account.
    const bool known = db::UserRepository(services.db).findIdByMobile(mobile).has_value();
    sendCode(services, mobile, CodePurpose::Reset, known);
    return Response("重置密码的验证码已发送到指定手机");
}

Response noLoginUpdatePassword(Services& services, const Request& request) {
    const std::string mobile = requireMobile(request, "userVO.userMobile");
    const std::string password = requirePassword(request, "userVO.password");
    const std::string code = requireCode(request, "validateCode");
    limitCodeTraffic(services, request);
    std::int64_t resetUser = 0;
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        consumeCode(services, transaction, mobile, CodePurpose::Reset, code);
        const auto userId = db::UserRepository(services.db).findIdByMobile(mobile);
        if (!userId) throw ApiError(ErrorCode::CodeExpired, "验证码已失效，请重新获取");
        // Hashed only once the code has matched, as in registerUser.
        const std::string passwordHash = hashPasswordLimited(services, password);
        db::UserRepository(services.db).setPasswordHash(*userId, passwordHash, nowMs());
        db::SessionRepository(services.db).revokeAll(*userId);
        transaction.commit();
        resetUser = *userId;
    });
    // The owner proved the mobile: whatever strangers tried before starts over.
    clearEveryPasswordTry(services, passwordAccountKey(resetUser));
    return Response("重置密码成功");
}

Response updatePassword(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::string oldPassword = requirePassword(request, "oldPassword");
    const std::string newPassword = requirePassword(request, "userVO.password");
    // The session's client has logged in to this account: it is the owner's own.
    const PasswordTry attempt{passwordAccountKey(actor.userId), request.remoteAddr, actor.client,
                              true};
    admitPasswordTry(services, attempt);

    const auto credentials = db::UserRepository(services.db).findCredentialsById(actor.userId);
    if (!credentials || !verifyPasswordLimited(services, credentials->passwordHash, oldPassword)) {
        countWrongPassword(services, attempt);
        throw ApiError(ErrorCode::BadCredentials, "原密码错误");
    }
    clearPasswordTries(services, attempt);
    replacePassword(services, actor.userId, hashPasswordLimited(services, newPassword));
    Response response("用户密码修改成功");
    response.markSessionEnded();
    return response;
}

Response signOut(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    db::SessionRepository(services.db).revoke(actor.userId, actor.client);
    Response response("用户注销成功");
    response.markSessionEnded();
    return response;
}

}  // namespace mmx::user
