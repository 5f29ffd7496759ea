#pragma once

#include <functional>
#include <string_view>

#include "core/api_error.hpp"
#include "fcgi/response.hpp"

// The action phone's answers: {"StatusCode": 0, "Response": {"success", "mess", …}}, and the
// `mess` line each refusal is told with.
namespace mmx::dialects::actions {

inline constexpr std::string_view kName = "actions";
inline constexpr std::string_view kSessionCookieName = "session_id";

// The use case a body's Action names; Unknown for any other (or none).
enum class Action { Login, Logon, Update, GetMessage, Unknown };

Action actionNamed(std::string_view name);

// The `mess` of a refusal of `code` while doing `action`: the phone's own lines where it has
// one ("password error", "old data error", …), else one of this dialect's (docs/api.md).
std::string_view messFor(Action action, ErrorCode code);

// The `mess` of a fault (anything but a refusal) while doing `action`.
std::string_view faultMessFor(Action action);

// {"StatusCode": 0, "Response": {"success": success, "mess": mess, …what `build` adds}}.
Response answer(bool success, std::string_view mess,
                const std::function<void(JsonObject)>& build = {});

// The failure `action` answers with `mess`: with the empty fields its success would carry
// (Logon's "id": "", GetMessage's "data_type": [] and "data": []), and "retry_after" when
// the phone may try again later.
Response failure(Action action, std::string_view mess, std::int64_t retryAfterSeconds = 0);

// The failure of a refusal while doing `action`.
Response refusal(Action action, const ApiError& error);

// `work`'s answer, or the failure `action` answers for what it threw: a refusal, lock
// contention (the work was undone: "server busy"), or a fault (logged, never shown).
Response guarded(Action action, std::string_view path, const std::function<Response()>& work);

}  // namespace mmx::dialects::actions
