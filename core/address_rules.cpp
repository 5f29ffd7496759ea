#include "core/address_rules.hpp"

namespace mmx {

bool isPostcode(std::string_view text) {
    if (text.size() != 6) return false;
    for (const char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

}  // namespace mmx
