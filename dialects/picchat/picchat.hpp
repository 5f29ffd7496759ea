#pragma once

#include "dialects/dialect.hpp"

// The picture-chat app's phones: /users/…, /friends/…, /chats/… and /pics/… with their HTTP
// methods, JSON (or form, or query) bodies under the phone's own names, users known by e-mail
// address, answers {"err": null, …} on success and {"err": {"code", "message"}} on refusal,
// the session in the picchat_session cookie set at user-login. The chats and pics routes also
// answer "ack" (true on success, false on refusal), so they are a table of their own.
namespace mmx::dialects::picchat {

// The users and friends routes: answers without `ack`.
Dialect people();

// The chats and pics routes: answers with `ack`.
Dialect pictures();

}  // namespace mmx::dialects::picchat
