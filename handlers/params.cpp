#include "handlers/params.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_set>

#include "core/api_error.hpp"
#include "core/text.hpp"

namespace mmx {
namespace {

constexpr std::size_t kMinPassword = 8;
constexpr std::size_t kMaxPassword = 128;

std::string named(std::string_view name) {
    return "参数 " + std::string(name) + " ";
}

std::optional<double> parseDegrees(std::string_view text) {
    if (text.empty() || text.size() > 32) return std::nullopt;
    const std::string copy(text);
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace

std::optional<std::string> textProblem(std::string_view value, std::size_t minChars,
                                       std::size_t maxChars) {
    const auto length = utf8Length(value);
    if (!length) return "不是有效的UTF-8文本";
    if (auto problem = displayTextProblem(value)) return problem;
    if (*length < minChars)
        return minChars == 1 ? "不能为空" : "至少" + std::to_string(minChars) + "个字符";
    if (*length > maxChars) return "不能超过" + std::to_string(maxChars) + "个字符";
    return std::nullopt;
}

std::optional<std::int64_t> optionalId(const Request& request, std::string_view name) {
    const auto raw = request.param(name);
    if (!raw || trim(*raw).empty()) return std::nullopt;
    const auto id = parseInt64(trim(*raw));
    if (!id || *id <= 0) throwBadParam(named(name) + "必须是正整数");
    return id;
}

std::int64_t requireId(const Request& request, std::string_view name) {
    const auto id = optionalId(request, name);
    if (!id) throwBadParam("缺少参数 " + std::string(name));
    return *id;
}

std::optional<std::int64_t> optionalInt(const Request& request, std::string_view name,
                                        std::int64_t min, std::int64_t max) {
    const auto raw = request.param(name);
    if (!raw) return std::nullopt;
    const auto value = parseInt64(trim(*raw));
    if (!value || *value < min || *value > max) {
        throwBadParam(named(name) + "必须是" + std::to_string(min) + "到" + std::to_string(max) +
                      "之间的整数");
    }
    return value;
}

std::optional<std::string> optionalText(const Request& request, std::string_view name,
                                        std::size_t maxChars) {
    const auto raw = request.param(name);
    if (!raw) return std::nullopt;
    const std::string_view value = trim(*raw);
    if (const auto problem = textProblem(value, 0, maxChars)) throwBadParam(named(name) + *problem);
    return std::string(value);
}

std::string requireText(const Request& request, std::string_view name, std::size_t minChars,
                        std::size_t maxChars) {
    const auto raw = request.param(name);
    if (!raw) throwBadParam("缺少参数 " + std::string(name));
    const std::string_view value = trim(*raw);
    if (const auto problem = textProblem(value, minChars, maxChars)) {
        throwBadParam(named(name) + *problem);
    }
    return std::string(value);
}

std::string requireMobile(const Request& request, std::string_view name) {
    const auto raw = request.param(name);
    if (!raw || trim(*raw).empty()) throwBadParam("缺少参数 " + std::string(name));
    const std::string_view mobile = trim(*raw);
    if (!isMainlandMobile(mobile)) throwBadParam(named(name) + "不是有效的手机号");
    return std::string(mobile);
}

std::string requirePassword(const Request& request, std::string_view name) {
    const auto raw = request.param(name);
    if (!raw || raw->empty()) throwBadParam("缺少参数 " + std::string(name));
    // Passwords are taken byte for byte: no trimming, any printable characters.
    if (raw->size() < kMinPassword || raw->size() > kMaxPassword) {
        throwBadParam(named(name) + "长度必须在8到128个字符之间");
    }
    for (const char c : *raw) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            throwBadParam(named(name) + "含有控制字符");
    }
    return std::string(*raw);
}

}  // namespace mmx

namespace mmx {

std::optional<NamedValue> firstOf(const Request& request, Names names) {
    for (const char* name : names) {
        if (const auto value = request.param(name)) return NamedValue{name, *value};
    }
    return std::nullopt;
}

std::string_view nameIn(const Request& request, Names names) {
    const auto found = firstOf(request, names);
    return found ? found->name : std::string_view(*names.begin());
}

std::optional<std::int64_t> optionalId(const Request& request, Names names) {
    const auto found = firstOf(request, names);
    return found ? optionalId(request, found->name) : std::nullopt;
}

std::int64_t requireId(const Request& request, Names names) {
    const auto id = optionalId(request, names);
    if (!id) throwBadParam("缺少参数 " + std::string(*names.begin()));
    return *id;
}

std::vector<std::int64_t> readIds(const Request& request, Names names, std::size_t maxIds) {
    const auto found = firstOf(request, names);
    std::vector<std::int64_t> ids;
    if (!found) return ids;
    const std::string name(found->name);
    std::unordered_set<std::int64_t> seen;
    for (std::string item : request.paramList(name)) {
        std::erase_if(item, [](char c) { return c == '[' || c == ']' || c == ' '; });
        if (item.empty()) continue;
        const auto id = parseInt64(item);
        if (!id || *id <= 0) throwBadParam(named(name) + "必须是正整数");
        if (!seen.insert(*id).second) continue;
        if (ids.size() == maxIds) {
            throwBadParam(named(name) + "一次最多" + std::to_string(maxIds) + "个");
        }
        ids.push_back(*id);
    }
    return ids;
}

std::vector<std::int64_t> requireIds(const Request& request, Names names, std::size_t maxIds) {
    auto ids = readIds(request, names, maxIds);
    if (ids.empty()) throwBadParam("缺少参数 " + std::string(*names.begin()));
    return ids;
}

Page readPage(const Request& request, PageLimits limits) {
    Page page;
    page.offset = optionalInt(request, "offset", 0, 1000000).value_or(0);
    page.count = optionalInt(request, "count", 1, limits.maxCount).value_or(limits.defaultCount);
    return page;
}

void refuseOnlyUnknown(const Request& request, Names known) {
    if (request.params.empty() || firstOf(request, known)) return;
    std::string unknown;
    for (const auto& [name, value] : request.params) {
        if (unknown.find(name) != std::string::npos) continue;
        if (!unknown.empty()) unknown += "、";
        unknown += name;
        if (unknown.size() > 200) break;
    }
    throwBadParam("不认识的参数 " + unknown);
}

std::optional<GeoPoint> optionalPoint(const Request& request) {
    const auto longText = request.param("long");
    const auto latText = request.param("lat");
    if (!longText && !latText) return std::nullopt;
    if (!longText || !latText) throwBadParam("参数 long 和 lat 必须一起传");
    const auto longitude = parseDegrees(*longText);
    const auto latitude = parseDegrees(*latText);
    if (!longitude || !latitude || !isValidCoordinate(*longitude, *latitude)) {
        throwBadParam("参数 long/lat 必须是经度 -180~180、纬度 -90~90");
    }
    return GeoPoint{*longitude, *latitude};
}

}  // namespace mmx
