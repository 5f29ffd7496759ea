#include "dialects/picchat/common.hpp"

#include <algorithm>
#include <string>

#include "dialects/picchat/picchat.hpp"
#include "services/account_kinds.hpp"

namespace mmx::dialects::picchat {
namespace {

constexpr std::size_t kMaxIdDigits = 18;

Dialect dialectOf(Ack ack, std::vector<DialectRoute> routes) {
    Dialect d;
    d.name = std::string(kName);
    d.sessionCookie = std::string(kCookie);
    d.routes = std::move(routes);
    d.refusal = [ack](const ApiError& error) { return refused(ack, error); };
    d.fault = [ack] { return fault(ack); };
    return d;
}

std::vector<DialectRoute> joined(std::vector<DialectRoute> first, std::vector<DialectRoute> then) {
    for (DialectRoute& route : then) first.push_back(std::move(route));
    return first;
}

}  // namespace

Response ok(Ack ack, const std::function<void(JsonObject)>& build) {
    return jsonAnswer([&](JsonObject root) {
        root.setNull("err");
        if (ack == Ack::With) root.set("ack", true);
        if (build) build(root);
    });
}

Response refused(Ack ack, const ApiError& error) {
    return jsonAnswer([&](JsonObject root) {
        JsonObject err = root.object("err");
        err.set("code", codeName(error.code()));
        err.set("message", error.info());
        if (ack == Ack::With) root.set("ack", false);
        if (error.code() == ErrorCode::RateLimited) {
            root.set("retryAfter", error.retryAfterSeconds());
        }
    });
}

Response fault(Ack ack) {
    return refused(ack, ApiError(ErrorCode::ServerError, "服务器繁忙，请稍后再试"));
}

std::int64_t userIdOf(Services& services, std::string_view text, std::string_view param) {
    const bool digits =
        !text.empty() && text.size() <= kMaxIdDigits &&
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits) {
        const std::int64_t id = std::stoll(std::string(text));
        if (id > 0) return id;
    } else if (text.find('@') != std::string_view::npos && text.size() <= 254) {
        return services::userIdByEmail(services, text);
    }
    throwBadParam("参数 " + std::string(param) + " 必须是用户的邮箱或数字id");
}

std::int64_t requireUser(Services& services, const Request& request, std::string_view param) {
    const auto text = request.param(param);
    if (!text || text->empty()) throwBadParam("缺少参数 " + std::string(param));
    return userIdOf(services, *text, param);
}

void requireSelf(Services& services, const Request& request, std::string_view param) {
    const auto text = request.param(param);
    if (!text || text->empty()) return;
    std::int64_t named = 0;
    try {
        named = userIdOf(services, *text, param);
    } catch (const ApiError& error) {
        if (error.code() != ErrorCode::NotFound) throw;
    }
    if (named != request.actor().userId) {
        throw ApiError(ErrorCode::Forbidden, "参数 " + std::string(param) + " 与登录用户不符");
    }
}

Dialect people() {
    return dialectOf(Ack::Without, joined(userRoutes(), friendRoutes()));
}

Dialect pictures() {
    return dialectOf(Ack::With, joined(chatRoutes(), pictureRoutes()));
}

}  // namespace mmx::dialects::picchat
