#pragma once

#include "dialects/dialect.hpp"

// The first social app's phones: /login, /register, /logout, /user, /group, /group_user and
// /friend, JSON or form bodies, answers {"state": 1 success / 2 failure / 0 fault,
// "message": ...}, the session in the mmx_session cookie.
namespace mmx::dialects::classic {

Dialect dialect();

}  // namespace mmx::dialects::classic
