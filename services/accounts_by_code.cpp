// The use cases that an SMS code opens: registering, and resetting a forgotten password.
#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "db/session_repository.hpp"
#include "services/accounts.hpp"
#include "services/limits.hpp"
#include "services/passwords.hpp"
#include "services/qr_cards.hpp"
#include "services/sms_codes.hpp"

namespace mmx::services {
namespace {

constexpr std::string_view kCodesPerAddress = "code-ip";
constexpr std::string_view kMobileTaken = "该手机号已注册";

void limitCodeTraffic(Services& services, std::string_view address) {
    countOrRefuse(services, kCodesPerAddress, address, services.config.codeIpLimit);
}

}  // namespace

void sendRegisterCode(Services& services, std::string_view address, std::string_view mobile) {
    limitCodeTraffic(services, address);
    if (db::UserRepository(services.db).findIdByMobile(mobile)) {
        throw ApiError(ErrorCode::Conflict, std::string(kMobileTaken));
    }
    sendCode(services, mobile, CodePurpose::Register, true);
}

std::int64_t registerAccount(Services& services, std::string_view address, std::string_view mobile,
                             std::string_view password, std::string_view code) {
    limitCodeTraffic(services, address);
    if (db::UserRepository(services.db).findIdByMobile(mobile)) {
        throw ApiError(ErrorCode::Conflict, std::string(kMobileTaken));
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
            throw ApiError(ErrorCode::Conflict, std::string(kMobileTaken));
        }
    });
    if (const auto profile = db::UserRepository(services.db).findProfile(userId)) {
        ensureQrCard(services, *profile);
    }
    return userId;
}

void sendResetCode(Services& services, std::string_view address, std::string_view mobile) {
    limitCodeTraffic(services, address);
    // An unknown mobile gets the same answer and the same throttle, and no message:
    // this route must not tell who has an account.
    const bool known = db::UserRepository(services.db).findIdByMobile(mobile).has_value();
    sendCode(services, mobile, CodePurpose::Reset, known);
}

void resetPassword(Services& services, std::string_view address, std::string_view mobile,
                   std::string_view password, std::string_view code) {
    limitCodeTraffic(services, address);
    std::int64_t resetUser = 0;
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        consumeCode(services, transaction, mobile, CodePurpose::Reset, code);
        const auto userId = db::UserRepository(services.db).findIdByMobile(mobile);
        if (!userId) throw ApiError(ErrorCode::CodeExpired, "验证码已失效，请重新获取");
        // Hashed only once the code has matched, as in registerAccount.
        const std::string passwordHash = hashPasswordLimited(services, password);
        db::UserRepository(services.db).setPasswordHash(*userId, passwordHash, nowMs());
        db::SessionRepository(services.db).revokeAll(*userId);
        transaction.commit();
        resetUser = *userId;
    });
    // The owner proved the mobile: whatever strangers tried before starts over.
    clearEveryPasswordTry(services, passwordAccountKey(resetUser));
}

}  // namespace mmx::services
