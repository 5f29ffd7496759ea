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

namespace mmx::group {

// The most ids one addMembers / removeMembers / create may name.
inline constexpr std::size_t kMaxIdsPerRequest = 500;

// The repeated/comma-separated ids of `name`, each a positive integer, duplicates
// dropped, order kept. Empty when absent and not required.
std::vector<std::int64_t> readIds(const Request& request, std::string_view name, bool required);

// A text parameter where empty means "not sent" (为空表示不设置).
std::optional<std::string> optionalNonEmptyText(const Request& request, std::string_view name,
                                                std::size_t maxChars);

// `logo`: an http(s) URL of at most 255 characters; nullopt when absent or empty.
std::optional<std::string> readLogo(const Request& request);

void writeIds(JsonArray array, const std::vector<std::int64_t>& ids);

}  // namespace mmx::group
