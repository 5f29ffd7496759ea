#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/connection.hpp"
#include "db/sms_code_repository.hpp"

namespace mmx::db {

// A code whose delivery was claimed and has not succeeded.
struct ClaimedDelivery {
    std::string mobile;
    std::int64_t codeId = 0;
    std::int64_t createdAt = 0;  // the send's time, as the throttle recorded it
    SendThrottle previous;       // the throttle before this send
};

// The codes to deliver once the transaction that stored them has committed
// (schema/014_sms_outbox.sql). A row is claimed once, by one request, and only the
// claimant sends: however often a transaction around it is retried, a code goes out once.
class SmsOutboxRepository {
  public:
    explicit SmsOutboxRepository(Connection& db) : db_(db) {}

    // Inside the transaction that stored the code and recorded the send.
    std::int64_t add(std::string_view mobile, std::int64_t codeId, std::int64_t now,
                     const SendThrottle& previous);
    // Outside any transaction: true for the one caller that moves the row from pending.
    bool claim(std::int64_t id);
    void markDelivered(std::int64_t id, std::int64_t now);

    // Inside the transaction that gives the throttle back: the claimed row, locked.
    std::optional<ClaimedDelivery> lockClaimed(std::int64_t id);
    void markFailed(std::int64_t id, std::int64_t now);

  private:
    Connection& db_;
};

}  // namespace mmx::db
