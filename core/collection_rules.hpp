#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/visibility.hpp"

// A user's collections (fan shops, favourite goods, shop visits): what a phone's local
// copy lacks or holds too many of, and which of them another user may see.
namespace mmx {

// The phone's list against the server's: `added` the server has and the phone lacks,
// `removed` the phone has and the server does not; each ascending, each id once.
struct IdDiff {
    std::vector<std::int64_t> added;
    std::vector<std::int64_t> removed;
};
IdDiff diffIds(const std::vector<std::int64_t>& phone, const std::vector<std::int64_t>& server);

// The three switches a user sets for friends (all on by default).
struct ShareSwitches {
    bool favorites = true;
    bool fans = true;
    bool visits = true;
};

enum class Collection { Favorites, Fans, Visits };

// Whether a viewer standing in `relation` may see that collection of the owner's:
// the owner always; a friend while its switch is on; nobody else.
bool maySee(Relation relation, const ShareSwitches& switches, Collection collection);

// The counts a viewer may see, each or none (nullopt: hidden from that viewer).
struct VisibleCounts {
    bool favorites = false;
    bool fans = false;
    bool visits = false;
    bool any() const { return favorites || fans || visits; }
};
VisibleCounts visibleCounts(Relation relation, const ShareSwitches& switches);

// The app's message switch of a fan shop: 0 off, 2 on (1 is not a value it sends).
std::optional<bool> messageSwitch(std::int64_t value);
inline constexpr std::int64_t kMessagesOff = 0;
inline constexpr std::int64_t kMessagesOn = 2;
// The user-API phone's message switch: 0 off and 2 on as its notes say, and 1 on as well
// (a phone that sends the switch as a boolean's number); anything else is no value.
std::optional<bool> phoneMessageSwitch(std::int64_t value);

}  // namespace mmx
