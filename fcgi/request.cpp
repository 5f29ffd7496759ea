#include "fcgi/request.hpp"

#include "core/api_error.hpp"

namespace mmx {

const Identity& Request::actor() const {
    if (!identity) throw ApiError(ErrorCode::AuthRequired, "请先登录");
    return *identity;
}

std::optional<std::string_view> Request::param(std::string_view name) const {
    for (const auto& [key, value] : params) {
        if (key == name) return std::string_view(value);
    }
    return std::nullopt;
}

std::vector<std::string> Request::paramList(std::string_view name) const {
    std::vector<std::string> values;
    for (const auto& [key, value] : params) {
        if (key != name) continue;
        std::string_view rest = value;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            std::string_view item = rest.substr(0, comma);
            while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
            while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
            if (!item.empty()) values.emplace_back(item);
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
    }
    return values;
}

const UploadedFile* Request::file(std::string_view field) const {
    for (const auto& f : files) {
        if (f.field == field) return &f;
    }
    return nullptr;
}

}  // namespace mmx
