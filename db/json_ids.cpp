#include "db/json_ids.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace mmx::db {

std::string jsonTextArray(const std::vector<std::string>& texts) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartArray();
    for (const auto& item : texts) {
        writer.String(item.data(), static_cast<rapidjson::SizeType>(item.size()));
    }
    writer.EndArray();
    return buffer.GetString();
}

}  // namespace mmx::db
