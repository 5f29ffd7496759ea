#pragma once

#include <cstdint>
#include <vector>

#include "db/block_repository.hpp"
#include "services/services.hpp"

// The block list: a blocked user cannot invite me, message me or find me.
namespace mmx::services {

// Blocks `other` for `me`: ends a friendship and any pending request between them, in one
// transaction. BAD_PARAM for oneself, NOT_FOUND for an unknown user; blocking twice is one.
void block(Services& services, std::int64_t me, std::int64_t other);

// NOT_FOUND when `other` was not blocked.
void unblock(Services& services, std::int64_t me, std::int64_t other);

// Newest first.
std::vector<db::BlockedEntry> blocked(Services& services, std::int64_t me, std::int64_t offset,
                                      std::int64_t count);

}  // namespace mmx::services
