#include "db/relation_repository.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kRelation =
    "SELECT EXISTS(SELECT 1 FROM user_blocks WHERE blocker_id = ? AND blocked_id = ?),"
    " EXISTS(SELECT 1 FROM friendships WHERE user_id = ? AND friend_id = ?)";

}  // namespace

Relation RelationRepository::relationOf(std::int64_t viewerId, std::int64_t viewedId) {
    if (viewerId == viewedId) return Relation::Self;
    const auto row = db_.queryOne(kRelation, {viewedId, viewerId, viewerId, viewedId});
    if (row->i64(0) != 0) return Relation::BlockedByThem;
    return row->i64(1) != 0 ? Relation::Friend : Relation::Stranger;
}

}  // namespace mmx::db
