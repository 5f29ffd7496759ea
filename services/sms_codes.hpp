#pragma once

#include <optional>
#include <string_view>

#include "db/connection.hpp"
#include "services/services.hpp"

namespace mmx::services {

enum class CodePurpose { Register, Reset, Bind, Destroy };

std::string_view purposeName(CodePurpose purpose);

// The purpose named `name` (register, reset, bind, destroy), or nullopt.
std::optional<CodePurpose> purposeNamed(std::string_view name);

// Generates and stores (hashed) a code for `mobile`, after the per-mobile throttle (one
// per interval, a daily cap), commits, and only then delivers it, once (an outbox row
// claimed by this call). Throws RATE_LIMITED, or SERVER_ERROR when delivery failed, in
// which case the throttle and the daily count are given back and the code removed, so
// the user can ask again at once. With `deliver` false the code is recorded but never
// sent: the caller answers as if it went out.
void sendCode(Services& services, std::string_view mobile, CodePurpose purpose, bool deliver);

// Counts one call of a code route (send, check, spend) from `address` against the one
// per-address limit they share (MMX_CODE_IP_LIMIT); RATE_LIMITED past it.
void limitCodeTraffic(Services& services, std::string_view address);

// Checks `code` against the live code of (mobile, purpose) in a transaction of its own,
// and returns the code's id without consuming it. A wrong code is counted (and too many
// wrong tries burn the code) before BAD_CODE is thrown. Throws CODE_EXPIRED when there
// is no live code.
std::int64_t checkCode(Services& services, std::string_view mobile, CodePurpose purpose,
                       std::string_view code);

// Inside the caller's transaction, the one that writes what the code allows: consumes the
// code checkCode returned, unless another request used it meanwhile or a newer code
// replaced it (CODE_EXPIRED). The consumption commits with the write or not at all, so a
// write that fails leaves the code usable.
void consumeCheckedCode(Services& services, std::string_view mobile, CodePurpose purpose,
                        std::int64_t codeId);

// checkCode, and on a match the code is proven: for MMX_CODE_PROVEN_SECONDS it may be spent
// without its text (provenCode, consumeProvenCode) by the step that follows, once.
std::int64_t proveCode(Services& services, std::string_view mobile, CodePurpose purpose,
                       std::string_view code);

// The id of the newest code of (mobile, purpose) when it was proven and is neither spent nor
// out of its proven time; CODE_EXPIRED otherwise (nothing proven, a newer code sent since).
std::int64_t provenCode(Services& services, std::string_view mobile, CodePurpose purpose);

// consumeCheckedCode for a code provenCode returned: inside the caller's transaction, under
// the code's lock, it must still be the newest, unspent and within its proven time
// (CODE_EXPIRED otherwise), so two requests never spend one proof.
void consumeProvenCode(Services& services, std::string_view mobile, CodePurpose purpose,
                       std::int64_t codeId);

}  // namespace mmx::services
