#include "db/sms_code_repository.hpp"

namespace mmx::db {
namespace {

// Takes the row's exclusive lock at once, made or found. INSERT IGNORE would take a
// shared lock on a row another send had just made, and two sends holding it could then
// only deadlock when each asked for the exclusive one.
constexpr std::string_view kEnsureThrottle =
    "INSERT INTO sms_throttle (mobile, last_sent_at, day_index, day_count)"
    " VALUES (?, 0, 0, 0) ON DUPLICATE KEY UPDATE mobile = mobile";
constexpr std::string_view kLockThrottle =
    "SELECT last_sent_at, day_index, day_count FROM sms_throttle WHERE mobile = ? FOR UPDATE";
constexpr std::string_view kRecordSend =
    "UPDATE sms_throttle SET last_sent_at = ?, day_index = ?, day_count = ? WHERE mobile = ?";
constexpr std::string_view kInsertCode =
    "INSERT INTO sms_codes (mobile, purpose, code_hash, created_at, expires_at)"
    " VALUES (?, ?, ?, ?, ?)";
constexpr std::string_view kLockNewest =
    "SELECT id, code_hash, expires_at, wrong_tries, consumed_at IS NOT NULL,"
    " COALESCE(verified_until, 0) FROM sms_codes"
    " WHERE mobile = ? AND purpose = ? ORDER BY id DESC LIMIT 1 FOR UPDATE";
constexpr std::string_view kRecordWrongTry =
    "UPDATE sms_codes SET wrong_tries = wrong_tries + 1,"
    " consumed_at = IF(?, ?, consumed_at) WHERE id = ?";
constexpr std::string_view kRestoreThrottle =
    "UPDATE sms_throttle SET last_sent_at = ?, day_index = ?, day_count = ?"
    " WHERE mobile = ? AND last_sent_at = ?";
constexpr std::string_view kRemoveUndelivered =
    "DELETE FROM sms_codes WHERE id = ? AND consumed_at IS NULL";
constexpr std::string_view kConsume = "UPDATE sms_codes SET consumed_at = ? WHERE id = ?";
constexpr std::string_view kMarkProven = "UPDATE sms_codes SET verified_until = ? WHERE id = ?";

}  // namespace

SendThrottle SmsCodeRepository::lockThrottle(std::string_view mobile) {
    db_.execute(kEnsureThrottle, {mobile});
    const auto row = db_.queryOne(kLockThrottle, {mobile});
    if (!row) return {};
    return SendThrottle{row->i64(0), row->i64(1), row->i64(2)};
}

void SmsCodeRepository::recordSend(std::string_view mobile, std::int64_t now, std::int64_t dayIndex,
                                   std::int64_t dayCount) {
    db_.execute(kRecordSend, {now, dayIndex, dayCount, mobile});
}

std::int64_t SmsCodeRepository::insertCode(std::string_view mobile, std::string_view purpose,
                                           std::string_view codeHash, std::int64_t now,
                                           std::int64_t expiresAt) {
    return static_cast<std::int64_t>(
        db_.execute(kInsertCode, {mobile, purpose, codeHash, now, expiresAt}).insertId);
}

void SmsCodeRepository::giveBackSend(std::string_view mobile, std::int64_t sentAt,
                                     const SendThrottle& previous, std::int64_t codeId) {
    db_.execute(kRestoreThrottle,
                {previous.lastSentAt, previous.dayIndex, previous.dayCount, mobile, sentAt});
    db_.execute(kRemoveUndelivered, {codeId});
}

std::optional<StoredCode> SmsCodeRepository::lockNewest(std::string_view mobile,
                                                        std::string_view purpose) {
    const auto row = db_.queryOne(kLockNewest, {mobile, purpose});
    if (!row) return std::nullopt;
    return StoredCode{row->i64(0), row->str(1),      row->i64(2),
                      row->i64(3), row->i64(4) != 0, row->i64(5)};
}

void SmsCodeRepository::recordWrongTry(std::int64_t codeId, bool burn, std::int64_t now) {
    db_.execute(kRecordWrongTry, {std::int64_t{burn ? 1 : 0}, now, codeId});
}

void SmsCodeRepository::consume(std::int64_t codeId, std::int64_t now) {
    db_.execute(kConsume, {now, codeId});
}

void SmsCodeRepository::markProven(std::int64_t codeId, std::int64_t until) {
    db_.execute(kMarkProven, {until, codeId});
}

}  // namespace mmx::db
