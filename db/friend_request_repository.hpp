#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/connection.hpp"
#include "db/user_card.hpp"

namespace mmx::db {

enum class RequestState { Pending = 1, Accepted = 2, Refused = 3 };

struct FriendRequestEntry {
    std::int64_t id = 0;
    bool incoming = false;  // the other user asked the reader
    UserCard other;
    std::optional<std::string> remark;
    RequestState state = RequestState::Pending;
    std::int64_t time = 0;  // when it was last sent or answered
};

// friend_requests: one row per (requester, target), reused when asked again.
class FriendRequestRepository {
  public:
    explicit FriendRequestRepository(Connection& db) : db_(db) {}

    std::optional<RequestState> state(std::int64_t requesterId, std::int64_t targetId);
    std::int64_t countPendingIncoming(std::int64_t targetId);
    // Creates the request or turns the pair's row back to pending with this remark and time.
    void upsert(std::int64_t requesterId, std::int64_t targetId,
                const std::optional<std::string>& remark, RequestState state, std::int64_t now);
    // Answers a pending request; false when there was none.
    bool answer(std::int64_t requesterId, std::int64_t targetId, RequestState state,
                std::int64_t now);
    // Refuses whatever is pending between the two, either way (a block ends it).
    void refuseBetween(std::int64_t a, std::int64_t b, std::int64_t now);
    // Both directions, newest first. kListStatement is its SQL (user, window, user,
    // window, count, offset), for the test that proves each half reads an index in order.
    static const std::string_view kListStatement;
    std::vector<FriendRequestEntry> list(std::int64_t userId, std::int64_t offset,
                                         std::int64_t count);

  private:
    Connection& db_;
};

}  // namespace mmx::db
