#pragma once

// What one user sees of another. Every read of another user (a profile, a card in a
// list, a search hit) asks this one policy, so privacy has a single place to change.

namespace mmx {

// How the viewer stands to the user viewed.
enum class Relation {
    Self,           // one's own account
    Friend,         // friends on both sides
    Stranger,       // anyone else
    BlockedByThem,  // the user viewed has blocked the viewer
};

struct Visibility {
    bool found;        // the viewer learns that the account exists at all
    bool contact;      // mobile number, MMX code and QR card: the ways to reach someone
    bool ownerFields;  // what only the account's owner sees (street address, ...)
};

constexpr Visibility visibilityOf(Relation relation) {
    switch (relation) {
        case Relation::Self:
            return {true, true, true};
        case Relation::Friend:
            return {true, true, false};
        case Relation::Stranger:
            return {true, false, false};
        case Relation::BlockedByThem:
            break;
    }
    return {false, false, false};
}

}  // namespace mmx
