#include "handlers/group_common.hpp"

#include <algorithm>

#include "core/api_error.hpp"
#include "core/text.hpp"
#include "handlers/params.hpp"

namespace mmx::group {

// Not params.hpp's readIds: that one words its refusals otherwise and takes "[1,2]",
// so the group routes would answer differently.
std::vector<std::int64_t> readIds(const Request& request, std::string_view name, bool required) {
    std::vector<std::int64_t> ids;
    for (const std::string& raw : request.paramList(name)) {
        const std::string_view text = trim(raw);
        if (text.empty()) continue;
        const auto id = parseInt64(text);
        if (!id || *id <= 0) throwBadParam("参数 " + std::string(name) + " 必须是正整数");
        if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
        if (ids.size() > kMaxIdsPerRequest) {
            throwBadParam("参数 " + std::string(name) + " 一次最多" +
                          std::to_string(kMaxIdsPerRequest) + "个");
        }
    }
    if (required && ids.empty()) throwBadParam("缺少参数 " + std::string(name));
    return ids;
}

std::optional<std::string> optionalNonEmptyText(const Request& request, std::string_view name,
                                                std::size_t maxChars) {
    auto value = optionalText(request, name, maxChars);
    if (value && value->empty()) return std::nullopt;
    return value;
}

std::optional<std::string> readLogo(const Request& request) {
    auto logo = optionalNonEmptyText(request, "logo", 255);
    if (logo && logo->rfind("http://", 0) != 0 && logo->rfind("https://", 0) != 0) {
        throwBadParam("参数 logo 必须是http或https地址");
    }
    return logo;
}

void writeIds(JsonArray array, const std::vector<std::int64_t>& ids) {
    for (const std::int64_t id : ids) array.add(id);
}

}  // namespace mmx::group
