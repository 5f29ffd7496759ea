#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/connection.hpp"

namespace mmx::db {

struct SendThrottle {
    std::int64_t lastSentAt = 0;
    std::int64_t dayIndex = 0;
    std::int64_t dayCount = 0;
};

struct StoredCode {
    std::int64_t id = 0;
    std::string codeHash;
    std::int64_t expiresAt = 0;
    std::int64_t wrongTries = 0;
    bool consumed = false;
    std::int64_t provenUntil = 0;  // 0: never proven
};

// Every method here runs inside the caller's transaction: the locks are what make a
// throttle decision and a code check safe against a concurrent request.
class SmsCodeRepository {
  public:
    explicit SmsCodeRepository(Connection& db) : db_(db) {}

    SendThrottle lockThrottle(std::string_view mobile);
    void recordSend(std::string_view mobile, std::int64_t now, std::int64_t dayIndex,
                    std::int64_t dayCount);
    // Returns the code's id.
    std::int64_t insertCode(std::string_view mobile, std::string_view purpose,
                            std::string_view codeHash, std::int64_t now, std::int64_t expiresAt);
    // A send whose delivery failed: the throttle goes back to `previous` when the send at
    // `sentAt` is still the last one, and the undelivered code is removed (an older live
    // code of the mobile is the newest again, as if this send had never happened).
    // The caller holds the throttle's lock (lockThrottle).
    void giveBackSend(std::string_view mobile, std::int64_t sentAt, const SendThrottle& previous,
                      std::int64_t codeId);

    // The newest code of (mobile, purpose), locked.
    std::optional<StoredCode> lockNewest(std::string_view mobile, std::string_view purpose);
    void recordWrongTry(std::int64_t codeId, bool burn, std::int64_t now);
    void consume(std::int64_t codeId, std::int64_t now);
    // The code was proven by its owner: spendable without its text until `until`.
    void markProven(std::int64_t codeId, std::int64_t until);

  private:
    Connection& db_;
};

}  // namespace mmx::db
