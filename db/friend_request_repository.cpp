#include "db/friend_request_repository.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kState =
    "SELECT state FROM friend_requests WHERE requester_id = ? AND target_id = ?";
constexpr std::string_view kCountPendingIncoming =
    "SELECT COUNT(*) FROM friend_requests WHERE target_id = ? AND state = 1";
constexpr std::string_view kUpsert =
    "INSERT INTO friend_requests (requester_id, target_id, remark, state, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE remark = VALUES(remark),"
    " state = VALUES(state), updated_at = VALUES(updated_at)";
constexpr std::string_view kAnswer =
    "UPDATE friend_requests SET state = ?, updated_at = ?"
    " WHERE requester_id = ? AND target_id = ? AND state = 1";
constexpr std::string_view kRefuseBetween =
    "UPDATE friend_requests SET state = 3, updated_at = ? WHERE state = 1 AND"
    " ((requester_id = ? AND target_id = ?) OR (requester_id = ? AND target_id = ?))";
// Each half reads its own index; together they cannot need more than offset + count rows.
constexpr std::string_view kList =
    "SELECT r.id, r.incoming, " MMX_USER_CARD_COLUMNS
    ","
    " r.remark, r.state, r.updated_at FROM ("
    " (SELECT id, 0 AS incoming, target_id AS other_id, remark, state, updated_at"
    "  FROM friend_requests WHERE requester_id = ? ORDER BY updated_at DESC, id DESC LIMIT ?)"
    " UNION ALL"
    " (SELECT id, 1 AS incoming, requester_id AS other_id, remark, state, updated_at"
    "  FROM friend_requests WHERE target_id = ? ORDER BY updated_at DESC, id DESC LIMIT ?)"
    ") r JOIN users u ON u.id = r.other_id"
    " ORDER BY r.updated_at DESC, r.id DESC LIMIT ? OFFSET ?";

Param optionalText(const std::optional<std::string>& value) {
    return value ? Param(std::string_view(*value)) : Param(nullptr);
}

}  // namespace

const std::string_view FriendRequestRepository::kListStatement = kList;

std::optional<RequestState> FriendRequestRepository::state(std::int64_t requesterId,
                                                           std::int64_t targetId) {
    const auto row = db_.queryOne(kState, {requesterId, targetId});
    if (!row) return std::nullopt;
    return static_cast<RequestState>(row->i64(0));
}

std::int64_t FriendRequestRepository::countPendingIncoming(std::int64_t targetId) {
    return db_.queryOne(kCountPendingIncoming, {targetId})->i64(0);
}

void FriendRequestRepository::upsert(std::int64_t requesterId, std::int64_t targetId,
                                     const std::optional<std::string>& remark, RequestState state,
                                     std::int64_t now) {
    db_.execute(kUpsert, {requesterId, targetId, optionalText(remark),
                          static_cast<std::int64_t>(state), now, now});
}

bool FriendRequestRepository::answer(std::int64_t requesterId, std::int64_t targetId,
                                     RequestState state, std::int64_t now) {
    return db_.execute(kAnswer, {static_cast<std::int64_t>(state), now, requesterId, targetId})
               .affectedRows > 0;
}

void FriendRequestRepository::refuseBetween(std::int64_t a, std::int64_t b, std::int64_t now) {
    db_.execute(kRefuseBetween, {now, a, b, b, a});
}

std::vector<FriendRequestEntry> FriendRequestRepository::list(std::int64_t userId,
                                                              std::int64_t offset,
                                                              std::int64_t count) {
    const std::int64_t window = offset + count;
    std::vector<FriendRequestEntry> entries;
    for (const auto& row : db_.query(kList, {userId, window, userId, window, count, offset})) {
        entries.push_back(FriendRequestEntry{row.i64(0), row.i64(1) == 1, readUserCard(row, 2),
                                             row.opt(7), static_cast<RequestState>(row.i64(8)),
                                             row.i64(9)});
    }
    return entries;
}

}  // namespace mmx::db
