#pragma once

// What the group handlers share: the member-id lists and the texts they read, and
// writing id lists.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "handlers/params.hpp"

namespace mmx::group {

// The most ids one addMembers / removeMembers / create may name.
inline constexpr std::size_t kMaxIdsPerRequest = 500;

// Member ids under either of the app's names for them.
inline constexpr Names kMemberNames = {"memberId", "member_list"};

// A text parameter where empty means "not sent" (为空表示不设置).
std::optional<std::string> optionalNonEmptyText(const Request& request, std::string_view name,
                                                std::size_t maxChars);

// `logo`: an http(s) URL of at most 255 characters; nullopt when absent or empty.
std::optional<std::string> readLogo(const Request& request);

}  // namespace mmx::group
