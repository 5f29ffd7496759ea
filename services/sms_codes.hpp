#pragma once

#include <string_view>

#include "db/connection.hpp"
#include "services/services.hpp"

namespace mmx::services {

enum class CodePurpose { Register, Reset };

std::string_view purposeName(CodePurpose purpose);

// Generates and stores (hashed) a code for `mobile`, after the per-mobile throttle (one
// per interval, a daily cap), commits, and only then delivers it, once (an outbox row
// claimed by this call). Throws RATE_LIMITED, or SERVER_ERROR when delivery failed, in
// which case the throttle and the daily count are given back and the code removed, so
// the user can ask again at once. With `deliver` false the code is recorded but never
// sent: the caller answers as if it went out.
void sendCode(Services& services, std::string_view mobile, CodePurpose purpose, bool deliver);

// Inside the caller's transaction: checks `code` against the live code of (mobile,
// purpose) and consumes it when it matches. A wrong code is counted and the transaction
// committed before BAD_CODE is thrown, so that the count survives; too many wrong tries
// burn the code. Throws CODE_EXPIRED when there is no live code.
void consumeCode(Services& services, db::Transaction& transaction, std::string_view mobile,
                 CodePurpose purpose, std::string_view code);

}  // namespace mmx::services
