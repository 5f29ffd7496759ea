#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/identity.hpp"
#include "services/services.hpp"
#include "services/sms_codes.hpp"

// The rest of an account's life: checking a code before using it, moving the account to
// a new mobile, the user name chosen once, the device of each login, and closing the
// account. Every code route is throttled as registering is (per client address, and per
// mobile by sendCode).
namespace mmx::services {

// Checks `code` for (mobile, purpose) without spending it: BAD_CODE (counted as a wrong
// try, the same tries a spend has), CODE_EXPIRED when none is live. A match proves the code
// (services/sms_codes proveCode): registering or resetting the password may then spend it
// with the mobile alone, once, within MMX_CODE_PROVEN_SECONDS.
void verifyCode(Services& services, std::string_view address, std::string_view mobile,
                CodePurpose purpose, std::string_view code);

// The purpose a code for `mobile` serves when the phone does not say (the user API's one
// gencode): reset when an account has the mobile, register when none has.
CodePurpose purposeForMobile(Services& services, std::string_view mobile);

// A code for `mobile` of `purpose` (purposeForMobile when none): the same answer whether an
// account has the mobile or not; bind refuses a taken mobile as sendBindCode does.
void sendCodeFor(Services& services, std::string_view address, std::string_view mobile,
                 std::optional<CodePurpose> purpose);

// A code to the new mobile; CONFLICT when an account (this one included) has it.
void sendBindCode(Services& services, std::string_view address, std::string_view mobile);
// Moves the account to `mobile` once its code matches; every other session of the account
// ends, the caller's stays. CONFLICT when another account has the mobile.
void bindPhone(Services& services, const Identity& actor, std::string_view address,
               std::string_view mobile, std::string_view code);

// Sets the user name once (core/user_name.hpp decides its form: BAD_PARAM). CONFLICT when
// one is set already or another account has it, compared ignoring case.
void setUserName(Services& services, const Identity& actor, std::string_view userName);

// Records the device of a login that just opened the session of (user, client); answers
// the device of the login before it.
std::optional<std::string> recordLoginDevice(Services& services, std::int64_t userId,
                                             std::string_view client,
                                             std::optional<std::string_view> dev);

// A code of purpose destroy to the account's own mobile.
void sendDestroyCode(Services& services, const Identity& actor, std::string_view address);
// Closes the account once its password and a destroy code match (db/account_life's close):
// BAD_CREDENTIALS for a wrong password, BAD_CODE / CODE_EXPIRED for the code, CONFLICT
// while it owns a group. All or nothing.
void destroyAccount(Services& services, const Identity& actor, std::string_view address,
                    std::string_view password, std::string_view code);

}  // namespace mmx::services
