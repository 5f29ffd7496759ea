#include "services/account_life.hpp"

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/third_party.hpp"
#include "core/user_name.hpp"
#include "db/account_life_repository.hpp"
#include "db/user_repository.hpp"
#include "services/accounts.hpp"
#include "services/passwords.hpp"
#include "services/profiles.hpp"

namespace mmx::services {
namespace {

constexpr std::string_view kMobileTaken = "该手机号已被其他账号绑定";

std::string ownMobile(Services& services, const Identity& actor) {
    auto mobile = db::AccountLifeRepository(services.db).mobileOf(actor.userId);
    if (!mobile) throw ApiError(ErrorCode::NotFound, "用户不存在");
    // An account made by user name or e-mail has no mobile, one made by a third-party
    // login a stand-in: no phone to send a code to.
    if (!isOwnMobile(*mobile)) throw ApiError(ErrorCode::Conflict, "请先绑定手机号");
    return std::move(*mobile);
}

}  // namespace

void verifyCode(Services& services, std::string_view address, std::string_view mobile,
                CodePurpose purpose, std::string_view code) {
    limitCodeTraffic(services, address);
    proveCode(services, mobile, purpose, code);
}

CodePurpose purposeForMobile(Services& services, std::string_view mobile) {
    return db::UserRepository(services.db).findIdByMobile(mobile) ? CodePurpose::Reset
                                                                  : CodePurpose::Register;
}

void sendCodeFor(Services& services, std::string_view address, std::string_view mobile,
                 std::optional<CodePurpose> purpose) {
    // Looked up only when the phone named no purpose (value_or would always ask the database).
    switch (purpose ? *purpose : purposeForMobile(services, mobile)) {
        case CodePurpose::Register:
            sendRegisterCode(services, address, mobile);
            return;
        case CodePurpose::Reset:
            sendResetCode(services, address, mobile);
            return;
        case CodePurpose::Bind:
            sendBindCode(services, address, mobile);
            return;
        case CodePurpose::Destroy:
            break;
    }
    throwBadParam("注销账号的验证码须登录后获取");
}

void sendBindCode(Services& services, std::string_view address, std::string_view mobile) {
    limitCodeTraffic(services, address);
    if (db::UserRepository(services.db).findIdByMobile(mobile)) {
        throw ApiError(ErrorCode::Conflict, std::string(kMobileTaken));
    }
    sendCode(services, mobile, CodePurpose::Bind, true);
}

void bindPhone(Services& services, const Identity& actor, std::string_view address,
               std::string_view mobile, std::string_view code) {
    limitCodeTraffic(services, address);
    if (db::UserRepository(services.db).findIdByMobile(mobile)) {
        throw ApiError(ErrorCode::Conflict, std::string(kMobileTaken));
    }
    const std::int64_t codeId = checkCode(services, mobile, CodePurpose::Bind, code);
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        consumeCheckedCode(services, mobile, CodePurpose::Bind, codeId);
        db::AccountLifeRepository accounts(services.db);
        try {
            accounts.setMobile(actor.userId, mobile, nowMs());
        } catch (const db::DuplicateKey&) {
            throw ApiError(ErrorCode::Conflict, std::string(kMobileTaken));
        }
        accounts.revokeOtherSessions(actor.userId, actor.client);
        transaction.commit();
    });
}

void setUserName(Services& services, const Identity& actor, std::string_view userName) {
    if (const auto problem = userNameProblem(userName)) throwBadParam(*problem);
    try {
        if (!db::AccountLifeRepository(services.db).setUserName(actor.userId, userName, nowMs())) {
            throw ApiError(ErrorCode::Conflict, "用户名已设置，不能再修改");
        }
    } catch (const db::DuplicateKey&) {
        throw ApiError(ErrorCode::Conflict, "该用户名已被使用");
    }
}

std::optional<std::string> recordLoginDevice(Services& services, std::int64_t userId,
                                             std::string_view client,
                                             std::optional<std::string_view> dev) {
    return db::AccountLifeRepository(services.db).swapLastDevice(userId, client, dev);
}

void sendDestroyCode(Services& services, const Identity& actor, std::string_view address) {
    limitCodeTraffic(services, address);
    sendCode(services, ownMobile(services, actor), CodePurpose::Destroy, true);
}

void destroyAccount(Services& services, const Identity& actor, std::string_view address,
                    std::string_view password, std::string_view code) {
    limitCodeTraffic(services, address);
    const std::string mobile = ownMobile(services, actor);
    db::AccountLifeRepository accounts(services.db);
    if (accounts.ownsGroup(actor.userId)) {
        throw ApiError(ErrorCode::Conflict, "请先将你创建的群转让给其他成员，再注销账号");
    }
    // The password is checked (and hashed) before any row is locked.
    const PasswordTry attempt{passwordAccountKey(actor.userId), std::string(address), actor.client,
                              true};
    admitPasswordTry(services, attempt);
    const auto credentials = db::UserRepository(services.db).findCredentialsById(actor.userId);
    if (!credentials || !verifyPasswordLimited(services, credentials->passwordHash, password)) {
        countWrongPassword(services, attempt);
        throw ApiError(ErrorCode::BadCredentials, "密码错误");
    }
    clearPasswordTries(services, attempt);
    const auto before = db::UserRepository(services.db).findProfile(actor.userId);
    const std::int64_t codeId = checkCode(services, mobile, CodePurpose::Destroy, code);
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        consumeCheckedCode(services, mobile, CodePurpose::Destroy, codeId);
        // Asked again: a group may have been made while the password was hashed.
        if (accounts.ownsGroup(actor.userId)) {
            throw ApiError(ErrorCode::Conflict, "请先将你创建的群转让给其他成员，再注销账号");
        }
        accounts.close(actor.userId, nowMs());
        transaction.commit();
    });
    // The avatar goes with the account, once the closing is committed.
    if (before) {
        if (const auto& photo = (*before)[db::ProfileField::UserPhoto]) {
            removePhotoFile(services, *photo);
        }
    }
}

}  // namespace mmx::services
