#include "core/collection_rules.hpp"

#include <algorithm>
#include <set>

namespace mmx {

IdDiff diffIds(const std::vector<std::int64_t>& phone, const std::vector<std::int64_t>& server) {
    const std::set<std::int64_t> held(phone.begin(), phone.end());
    const std::set<std::int64_t> kept(server.begin(), server.end());
    IdDiff diff;
    std::set_difference(kept.begin(), kept.end(), held.begin(), held.end(),
                        std::back_inserter(diff.added));
    std::set_difference(held.begin(), held.end(), kept.begin(), kept.end(),
                        std::back_inserter(diff.removed));
    return diff;
}

bool maySee(Relation relation, const ShareSwitches& switches, Collection collection) {
    if (relation == Relation::Self) return true;
    if (relation != Relation::Friend) return false;
    switch (collection) {
        case Collection::Favorites:
            return switches.favorites;
        case Collection::Fans:
            return switches.fans;
        case Collection::Visits:
            return switches.visits;
    }
    return false;
}

VisibleCounts visibleCounts(Relation relation, const ShareSwitches& switches) {
    return {maySee(relation, switches, Collection::Favorites),
            maySee(relation, switches, Collection::Fans),
            maySee(relation, switches, Collection::Visits)};
}

std::optional<bool> messageSwitch(std::int64_t value) {
    if (value == kMessagesOff) return false;
    if (value == kMessagesOn) return true;
    return std::nullopt;
}

std::optional<bool> phoneMessageSwitch(std::int64_t value) {
    if (value == 1) return true;
    return messageSwitch(value);
}

}  // namespace mmx
