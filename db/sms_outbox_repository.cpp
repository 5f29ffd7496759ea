#include "db/sms_outbox_repository.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kAdd =
    "INSERT INTO sms_outbox (mobile, code_id, state, created_at, previous_sent_at,"
    " previous_day_index, previous_day_count) VALUES (?, ?, 'pending', ?, ?, ?, ?)";
constexpr std::string_view kClaim =
    "UPDATE sms_outbox SET state = 'sending' WHERE id = ? AND state = 'pending'";
constexpr std::string_view kMarkDelivered =
    "UPDATE sms_outbox SET state = 'delivered', finished_at = ? WHERE id = ? AND state = 'sending'";
constexpr std::string_view kLockClaimed =
    "SELECT mobile, code_id, created_at, previous_sent_at, previous_day_index,"
    " previous_day_count FROM sms_outbox WHERE id = ? AND state = 'sending' FOR UPDATE";
constexpr std::string_view kMarkFailed =
    "UPDATE sms_outbox SET state = 'failed', finished_at = ? WHERE id = ?";

}  // namespace

std::int64_t SmsOutboxRepository::add(std::string_view mobile, std::int64_t codeId,
                                      std::int64_t now, const SendThrottle& previous) {
    return static_cast<std::int64_t>(db_.execute(kAdd, {mobile, codeId, now, previous.lastSentAt,
                                                        previous.dayIndex, previous.dayCount})
                                         .insertId);
}

bool SmsOutboxRepository::claim(std::int64_t id) {
    return db_.execute(kClaim, {id}).affectedRows == 1;
}

void SmsOutboxRepository::markDelivered(std::int64_t id, std::int64_t now) {
    db_.execute(kMarkDelivered, {now, id});
}

std::optional<ClaimedDelivery> SmsOutboxRepository::lockClaimed(std::int64_t id) {
    const auto row = db_.queryOne(kLockClaimed, {id});
    if (!row) return std::nullopt;
    return ClaimedDelivery{row->str(0), row->i64(1), row->i64(2),
                           SendThrottle{row->i64(3), row->i64(4), row->i64(5)}};
}

void SmsOutboxRepository::markFailed(std::int64_t id, std::int64_t now) {
    db_.execute(kMarkFailed, {now, id});
}

}  // namespace mmx::db
