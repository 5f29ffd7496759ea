#include "services/sms_codes.hpp"

#include <iostream>
#include <optional>
#include <utility>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/rate_window.hpp"
#include "db/sms_code_repository.hpp"
#include "db/sms_outbox_repository.hpp"
#include "services/limits.hpp"

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

// A committed send waiting for delivery.
struct PendingDelivery {
    std::int64_t outboxId = 0;
    SmsMessage message;
};

// Delivery failed: the throttle and the daily count are given back and the code removed,
// in one transaction, so the user can ask again at once.
void giveBackFailedSend(Services& services, std::int64_t outboxId, std::string_view mobile) {
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::SmsCodeRepository codes(services.db);
        db::SmsOutboxRepository outbox(services.db);
        codes.lockThrottle(mobile);
        if (const auto claimed = outbox.lockClaimed(outboxId)) {
            codes.giveBackSend(mobile, claimed->createdAt, claimed->previous, claimed->codeId);
            outbox.markFailed(outboxId, nowMs());
        }
        transaction.commit();
    });
}

// After commit, never inside a transaction: the gateway may take seconds, and no retry of
// the transaction that recorded the send can reach this call a second time.
void deliverOnce(Services& services, const PendingDelivery& pending) {
    db::SmsOutboxRepository outbox(services.db);
    if (!outbox.claim(pending.outboxId)) return;  // someone else has it: sent once only
    try {
        services.sms->send(pending.message);
    } catch (const std::exception& error) {
        std::cerr << "sms delivery failed: " << error.what() << std::endl;
        try {
            giveBackFailedSend(services, pending.outboxId, pending.message.mobile);
        } catch (const std::exception& giveBack) {
            // The throttle stays taken: the user waits out the interval, no worse than that.
            std::cerr << "sms throttle not given back: " << giveBack.what() << std::endl;
        }
        throw ApiError(ErrorCode::ServerError, "短信发送失败，请稍后再试");
    }
    try {
        outbox.markDelivered(pending.outboxId, nowMs());
    } catch (const db::DbError& error) {
        // The code went out: the answer is a success whatever became of the mark.
        std::cerr << "sms outbox: delivered row not marked: " << error.what() << std::endl;
    }
}

bool isProven(const db::StoredCode& stored, std::int64_t now) {
    return !stored.consumed && stored.provenUntil > now;
}

ApiError notProven() {
    return ApiError(ErrorCode::CodeExpired, "请先验证手机验证码");
}

// A match of `code` against the newest live code; `prove` also marks it proven.
std::int64_t matchCode(Services& services, std::string_view mobile, CodePurpose purpose,
                       std::string_view code, bool prove) {
    return db::withTransaction(services.db, [&](db::Transaction& transaction) {
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
        if (prove) codes.markProven(stored->id, now + services.config.codeProvenSeconds * 1000LL);
        transaction.commit();
        return stored->id;
    });
}

}  // namespace

std::string_view purposeName(CodePurpose purpose) {
    for (const auto& [value, name] : kPurposeNames) {
        if (value == purpose) return name;
    }
    return "register";
}

void limitCodeTraffic(Services& services, std::string_view address) {
    countOrRefuse(services, "code-ip", address, services.config.codeIpLimit);
}

std::optional<CodePurpose> purposeNamed(std::string_view name) {
    for (const auto& [value, known] : kPurposeNames) {
        if (known == name) return value;
    }
    return std::nullopt;
}

void sendCode(Services& services, std::string_view mobile, CodePurpose purpose, bool deliver) {
    const Config& config = services.config;
    const auto pending = db::withTransaction(
        services.db, [&](db::Transaction& transaction) -> std::optional<PendingDelivery> {
            db::SmsCodeRepository codes(services.db);
            const std::int64_t now = nowMs();
            const db::SendThrottle throttle = codes.lockThrottle(mobile);
            const std::int64_t nextAllowed =
                throttle.lastSentAt + config.smsIntervalSeconds * 1000LL;
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
            const std::int64_t codeId = codes.insertCode(
                mobile, purposeName(purpose), codeHash(services, mobile, purpose, code), now,
                now + config.smsCodeTtlSeconds * 1000LL);
            if (!deliver) {
                transaction.commit();
                return std::nullopt;
            }
            PendingDelivery delivery{
                db::SmsOutboxRepository(services.db).add(mobile, codeId, now, throttle),
                SmsMessage{std::string(mobile), code, std::string(purposeName(purpose)),
                           codeText(code, purpose, config.smsCodeTtlSeconds), now}};
            transaction.commit();
            return delivery;
        });
    if (pending) deliverOnce(services, *pending);
}

std::int64_t checkCode(Services& services, std::string_view mobile, CodePurpose purpose,
                       std::string_view code) {
    return matchCode(services, mobile, purpose, code, false);
}

std::int64_t proveCode(Services& services, std::string_view mobile, CodePurpose purpose,
                       std::string_view code) {
    return matchCode(services, mobile, purpose, code, true);
}

std::int64_t provenCode(Services& services, std::string_view mobile, CodePurpose purpose) {
    return db::withTransaction(services.db, [&](db::Transaction& transaction) {
        const auto stored =
            db::SmsCodeRepository(services.db).lockNewest(mobile, purposeName(purpose));
        transaction.commit();
        if (!stored || !isProven(*stored, nowMs())) throw notProven();
        return stored->id;
    });
}

void consumeProvenCode(Services& services, std::string_view mobile, CodePurpose purpose,
                       std::int64_t codeId) {
    db::SmsCodeRepository codes(services.db);
    const std::int64_t now = nowMs();
    const auto stored = codes.lockNewest(mobile, purposeName(purpose));
    if (!stored || stored->id != codeId || !isProven(*stored, now)) throw notProven();
    codes.consume(stored->id, now);
}

void consumeCheckedCode(Services& services, std::string_view mobile, CodePurpose purpose,
                        std::int64_t codeId) {
    db::SmsCodeRepository codes(services.db);
    const std::int64_t now = nowMs();
    const auto stored = codes.lockNewest(mobile, purposeName(purpose));
    // Used meanwhile by another request, replaced by a newer code, or out of time.
    if (!stored || stored->id != codeId || stored->consumed || stored->expiresAt <= now) {
        throw ApiError(ErrorCode::CodeExpired, "验证码已失效，请重新获取");
    }
    codes.consume(stored->id, now);
}

}  // namespace mmx::services
