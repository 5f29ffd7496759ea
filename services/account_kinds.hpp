#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "services/services.hpp"

// Accounts without a mobile: made by user name or by e-mail with no SMS code (the older
// phones know no codes), which only an operator who turned it on allows.
namespace mmx::services {

struct OpenRegistration {
    std::optional<std::string> userName;  // exactly one of userName and email
    std::optional<std::string> email;
    std::string password;  // already checked for length by the caller
    std::optional<std::string> nickName;
    std::string address;  // the client's, for the per-address limit
};

// The new account's user id. FORBIDDEN while MMX_OPEN_REGISTRATION is off; BAD_PARAM for a
// malformed name or address; RATE_LIMITED past MMX_OPEN_REGISTRATION_IP_LIMIT tries an hour
// from the address (every try counts, refused ones too); CONFLICT when the name or address
// is taken. Without a nickname the account shows its user name (or the address's local part).
std::int64_t registerWithoutCode(Services& services, const OpenRegistration& registration);

// The open account known by this user name; NOT_FOUND when there is none.
std::int64_t userIdByName(Services& services, std::string_view userName);

// The user name of an account, empty when it has none.
std::string userNameOf(Services& services, std::int64_t userId);

// The open account known by this e-mail address (the older phones that name users by their
// address); NOT_FOUND when there is none.
std::int64_t userIdByEmail(Services& services, std::string_view email);

// The e-mail address of each of `userIds` that has one, by user id; one read for them all.
std::map<std::int64_t, std::string> emailsOf(Services& services,
                                             const std::vector<std::int64_t>& userIds);

// The e-mail address of one account, empty when it has none.
std::string emailOf(Services& services, std::int64_t userId);

}  // namespace mmx::services
