#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mmx::db {

// Ids as the one JSON array parameter a set-based statement reads with JSON_TABLE, in the
// order given ("[3,1,2]"). Ids are digits only, so nothing needs escaping.
inline std::string idsJson(const std::vector<std::int64_t>& ids) {
    std::string json = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0) json += ',';
        json += std::to_string(ids[i]);
    }
    json += ']';
    return json;
}

// Texts as one JSON array ("[\"a\",\"b\"]"), for JSON_TABLE or a JSON column.
std::string jsonTextArray(const std::vector<std::string>& texts);

}  // namespace mmx::db
