#include "services/sms_codes.hpp"

#include <iostream>
#include <utility>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/rate_window.hpp"
#include "db/sms_code_repository.hpp"

namespace mmx::services {
namespace {

constexpr std::pair<CodePurpose, std::string_view> kPurposeNames[] = {
    {CodePurpose::Register, "register"},
    {CodePurpose::Reset, "reset"},
    {CodePurpose::Bind, "bind"},
    {CodePurpose::Destroy, "destroy"},
};

std::string codeText(const std::string& code, CodePurpose purpose, int ttlSeconds) {
    const std::string minutes = std::to_string(ttlSeconds / 60);
    const std::string what = purpose == CodePurpose::Register ? "注册"
                             : purpose == CodePurpose::Reset  ? "重置密码"
                             : purpose == CodePurpose::Bind   ? "绑定手机"
                                                              : "注销账号";
    return "【MMX】您的" + what + "验证码是" + code + "，" + minutes + "分钟内有效。请勿告诉他人。";
}

// The code hash is keyed by the mobile and purpose too, so a hash is useless elsewhere.
std::string codeHash(const Services& services, std::string_view mobile, CodePurpose purpose,
                     std::string_view code) {
    std::string material(mobile);
    material += '|';
    material += purposeName(purpose);
    material += '|';
    material += code;
    return secretHash(material, services.config.secret);
}

}  // namespace

std::string_view purposeName(CodePurpose purpose) {
    for (const auto& [value, name] : kPurposeNames) {
        if (value == purpose) return name;
    }
    return "register";
}

std::optional<CodePurpose> purposeNamed(std::string_view name) {
    for (const auto& [value, known] : kPurposeNames) {
        if (known == name) return value;
    }
    return std::nullopt;
}

void sendCode(Services& services, std::string_view mobile, CodePurpose purpose, bool deliver) {
    const Config& config = services.config;
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::SmsCodeRepository codes(services.db);
        const std::int64_t now = nowMs();
        const db::SendThrottle throttle = codes.lockThrottle(mobile);
        const std::int64_t nextAllowed = throttle.lastSentAt + config.smsIntervalSeconds * 1000LL;
        if (now < nextAllowed) {
            throw rateLimited("验证码发送过于频繁，请稍后再试", nextAllowed - now);
        }
        const std::int64_t today = chinaDayIndex(now);
        const std::int64_t sentToday = throttle.dayIndex == today ? throttle.dayCount : 0;
        if (sentToday >= config.smsDailyLimit) {
            throw rateLimited("今日验证码发送次数已达上限", chinaDayEndMs(now) - now);
        }
        codes.recordSend(mobile, now, today, sentToday + 1);
        // An undelivered code is stored too: checking it then fails exactly as a wrong
        // guess at a delivered one does, so no answer tells which mobiles exist.
        const std::string code = newSmsCode();
        codes.insertCode(mobile, purposeName(purpose), codeHash(services, mobile, purpose, code),
                         now, now + config.smsCodeTtlSeconds * 1000LL);
        if (!deliver) {
            transaction.commit();
            return;
        }
        // Delivered before commit: a failed delivery rolls back the throttle and the code.
        try {
            services.sms->send(SmsMessage{std::string(mobile), code,
                                          std::string(purposeName(purpose)),
                                          codeText(code, purpose, config.smsCodeTtlSeconds), now});
        } catch (const std::runtime_error& error) {
            std::cerr << "sms delivery failed: " << error.what() << std::endl;
            throw ApiError(ErrorCode::ServerError, "短信发送失败，请稍后再试");
        }
        transaction.commit();
    });
}

namespace {

// The live code of (mobile, purpose) matched against `code`: its id, or BAD_CODE (the
// wrong try counted and committed) or CODE_EXPIRED.
std::int64_t matchCode(Services& services, db::Transaction& transaction, std::string_view mobile,
                       CodePurpose purpose, std::string_view code) {
    db::SmsCodeRepository codes(services.db);
    const std::int64_t now = nowMs();
    const auto stored = codes.lockNewest(mobile, purposeName(purpose));
    if (!stored || stored->consumed || stored->expiresAt <= now ||
        stored->wrongTries >= services.config.smsMaxWrongTries) {
        throw ApiError(ErrorCode::CodeExpired, "验证码已失效，请重新获取");
    }
    if (!constantTimeEquals(stored->codeHash, codeHash(services, mobile, purpose, code))) {
        const bool burn = stored->wrongTries + 1 >= services.config.smsMaxWrongTries;
        codes.recordWrongTry(stored->id, burn, now);
        transaction.commit();
        throw ApiError(ErrorCode::BadCode, "验证码错误");
    }
    return stored->id;
}

}  // namespace

void consumeCode(Services& services, db::Transaction& transaction, std::string_view mobile,
                 CodePurpose purpose, std::string_view code) {
    const std::int64_t codeId = matchCode(services, transaction, mobile, purpose, code);
    db::SmsCodeRepository(services.db).consume(codeId, nowMs());
}

void checkCode(Services& services, db::Transaction& transaction, std::string_view mobile,
               CodePurpose purpose, std::string_view code) {
    matchCode(services, transaction, mobile, purpose, code);
}

}  // namespace mmx::services
