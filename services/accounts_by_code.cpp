// The use cases that an SMS code opens: registering, and resetting a forgotten password.
#include <optional>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "db/session_repository.hpp"
#include "services/accounts.hpp"
#include "services/passwords.hpp"
#include "services/qr_cards.hpp"
#include "services/sms_codes.hpp"

namespace mmx::services {
namespace {

constexpr std::string_view kMobileTaken = "该手机号已注册";

// The code a write may spend: its text checked now, or a proof made by verifyCode before.
struct CodeInHand {
    std::int64_t id = 0;
    bool proven = false;
};

CodeInHand holdCode(Services& services, std::string_view mobile, CodePurpose purpose,
                    std::optional<std::string_view> code) {
    if (code) return {checkCode(services, mobile, purpose, *code), false};
    return {provenCode(services, mobile, purpose), true};
}

// Inside the transaction that writes what the code allows.
void spendCode(Services& services, std::string_view mobile, CodePurpose purpose,
               const CodeInHand& held) {
    if (held.proven) {
        consumeProvenCode(services, mobile, purpose, held.id);
    } else {
        consumeCheckedCode(services, mobile, purpose, held.id);
    }
}

std::int64_t registerWith(Services& services, std::string_view address, std::string_view mobile,
                          std::string_view password, std::optional<std::string_view> code) {
    limitCodeTraffic(services, address);
    if (db::UserRepository(services.db).findIdByMobile(mobile)) {
        throw ApiError(ErrorCode::Conflict, std::string(kMobileTaken));
    }
    // The code is checked before the password is hashed, so a guessed code costs no hash.
    // The hash (which may wait for a slot) runs outside any transaction, and the code is
    // consumed in the transaction that creates the account: if the hash is refused or the
    // write fails, nothing was consumed and the same code works on the next try.
    const CodeInHand held = holdCode(services, mobile, CodePurpose::Register, code);
    const std::string passwordHash = hashPasswordLimited(services, password);
    const std::int64_t userId = db::withTransaction(services.db, [&](db::Transaction& transaction) {
        spendCode(services, mobile, CodePurpose::Register, held);
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

void resetWith(Services& services, std::string_view address, std::string_view mobile,
               std::string_view password, std::optional<std::string_view> code) {
    limitCodeTraffic(services, address);
    std::int64_t resetUser = 0;
    // As in registerAccount: checked first (a guess costs no hash), hashed outside any
    // transaction, consumed with the write, so a failed write leaves the code usable.
    const CodeInHand held = holdCode(services, mobile, CodePurpose::Reset, code);
    if (!db::UserRepository(services.db).findIdByMobile(mobile)) {
        throw ApiError(ErrorCode::CodeExpired, "验证码已失效，请重新获取");
    }
    const std::string passwordHash = hashPasswordLimited(services, password);
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        spendCode(services, mobile, CodePurpose::Reset, held);
        const auto userId = db::UserRepository(services.db).findIdByMobile(mobile);
        if (!userId) throw ApiError(ErrorCode::CodeExpired, "验证码已失效，请重新获取");
        db::UserRepository(services.db).setPasswordHash(*userId, passwordHash, nowMs());
        db::SessionRepository(services.db).revokeAll(*userId);
        transaction.commit();
        resetUser = *userId;
    });
    // The owner proved the mobile: whatever strangers tried before starts over.
    clearEveryPasswordTry(services, passwordAccountKey(resetUser));
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
    return registerWith(services, address, mobile, password, code);
}

std::int64_t registerByProvenCode(Services& services, std::string_view address,
                                  std::string_view mobile, std::string_view password) {
    return registerWith(services, address, mobile, password, std::nullopt);
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
    resetWith(services, address, mobile, password, code);
}

void resetPasswordByProvenCode(Services& services, std::string_view address,
                               std::string_view mobile, std::string_view password) {
    resetWith(services, address, mobile, password, std::nullopt);
}

}  // namespace mmx::services
