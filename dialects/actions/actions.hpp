#pragma once

#include "dialects/dialect.hpp"

// The action phone: one route, POST /user, whose JSON body's `Action` (Login, Logon, Update,
// GetMessage) names the use case; answers {"StatusCode": 0, "Response": {"success": …,
// "mess": "…", …}} with the phone's own English `mess` lines; the session in the session_id
// cookie, handed out afresh by every Update.
namespace mmx::dialects::actions {

Dialect dialect();

}  // namespace mmx::dialects::actions
