#pragma once

// What the group handlers share: reading the group and the actor's standing in
// it, refusing, the member-id lists, and the built-in logos.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/group_rules.hpp"
#include "db/group_repository.hpp"
#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

namespace mmx::group {

// The most ids one addMembers / removeMembers / create may name.
inline constexpr std::size_t kMaxIdsPerRequest = 500;

// The group, or NOT_FOUND. `lock` holds its row until the transaction ends.
db::GroupRecord requireGroup(db::GroupRepository& groups, std::int64_t groupId, bool lock);

GroupActor actorIn(db::GroupRepository& groups, std::int64_t groupId, std::int64_t userId);

// FORBIDDEN with `info` unless allowed.
void requireAllowed(GroupActor actor, GroupAction action, std::string_view info,
                    GroupRole target = GroupRole::None);

// The repeated/comma-separated ids of `name`, each a positive integer, duplicates
// dropped, order kept. Empty when absent and not required.
std::vector<std::int64_t> readIds(const Request& request, std::string_view name, bool required);

// A text parameter where empty means "not sent" (seed 003: 为空表示不设置).
std::optional<std::string> optionalNonEmptyText(const Request& request, std::string_view name,
                                                std::size_t maxChars);

// `logo`: an http(s) URL of at most 255 characters; nullopt when absent or empty.
std::optional<std::string> readLogo(const Request& request);

// The URL of a built-in logo picked at random, its file made on first use.
std::string randomBuiltInLogo(const Services& services);

void writeIds(JsonArray array, const std::vector<std::int64_t>& ids);

}  // namespace mmx::group
