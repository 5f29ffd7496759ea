#include "handlers/manager_common.hpp"

#include "core/api_error.hpp"
#include "handlers/manager.hpp"

namespace mmx::manager {

Response pageAnswer(const char* info, std::string_view listKey, const db::JsonPage& page) {
    Response response(info);
    JsonObject data = response.data();
    JsonArray list = data.array(listKey);
    for (const auto& item : page.items) list.addJson(item);
    data.set("total", page.total);
    return response;
}

Response objectAnswer(const char* info, std::string_view key, std::string_view json) {
    Response response(info);
    response.data().setJson(key, json);
    return response;
}

std::optional<std::string> badParamField(std::string_view info) {
    for (const std::string_view lead : {"缺少参数 ", "缺少文件 ", "参数 "}) {
        if (info.substr(0, lead.size()) != lead) continue;
        const std::string_view rest = info.substr(lead.size());
        const auto end = rest.find_first_of(" /");
        const std::string_view name = rest.substr(0, end);
        if (!name.empty()) return std::string(name);
    }
    return std::nullopt;
}

Handler bind(Services& services, Response (*handler)(Services&, const Request&)) {
    return [&services, handler](const Request& request) {
        try {
            return handler(services, request);
        } catch (ApiError& error) {
            if (error.code() == ErrorCode::BadParam) {
                if (auto field = badParamField(error.info()))
                    error.with("field", std::move(*field));
            }
            throw;
        }
    };
}

}  // namespace mmx::manager
