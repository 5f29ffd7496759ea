#include "dialects/dialect.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <iostream>

#include "dialects/session_cookie.hpp"

namespace mmx::dialects {
namespace {

struct Match {
    const Dialect* dialect = nullptr;
    const DialectRoute* route = nullptr;  // null when only the path matched
    std::string allowed;                  // the methods the path takes, for `Allow`
};

Match find(const std::vector<Dialect>& dialects, Method method, std::string_view path) {
    Match match;
    for (const Dialect& dialect : dialects) {
        for (const DialectRoute& route : dialect.routes) {
            if (route.path != path) continue;
            match.dialect = &dialect;
            if (!match.allowed.empty()) match.allowed += ", ";
            match.allowed += methodName(route.method);
            if (route.method == method) {
                match.route = &route;
                return match;
            }
        }
    }
    return match;
}

Response answer(Services& services, const Dialect& dialect, const DialectRoute& route,
                Request& request) {
    try {
        if (route.access == DialectAccess::Session) {
            request.identity = sessionFromCookie(services, request.cookieHeader);
        }
        return route.handler(services, request);
    } catch (const ApiError& error) {
        return dialect.refusal(error);
    } catch (const std::exception& error) {
        std::cerr << "route " << request.path << " failed: " << error.what() << std::endl;
        return dialect.fault();
    }
}

}  // namespace

std::function<std::optional<Response>(Request&)> dialectFallback(Services& services,
                                                                 std::vector<Dialect> dialects) {
    return
        [&services, dialects = std::move(dialects)](Request& request) -> std::optional<Response> {
            const Match match = find(dialects, request.method, request.path);
            if (match.dialect == nullptr) return std::nullopt;
            if (match.route == nullptr) {
                // A protocol fault, answered like every other one (nginx's 413 and 502 too):
                // the house envelope, whatever the dialect.
                Response refused = Response::failure(ErrorCode::MethodNotAllowed, "请求方法不支持");
                refused.addHeader("Allow", match.allowed);
                return refused;
            }
            return answer(services, *match.dialect, *match.route, request);
        };
}

Response jsonAnswer(const std::function<void(JsonObject)>& build) {
    rapidjson::Document document;
    document.SetObject();
    build(JsonObject(document, document.GetAllocator()));
    rapidjson::StringBuffer text;
    rapidjson::Writer<rapidjson::StringBuffer> writer(text);
    document.Accept(writer);
    Response response;
    response.replaceBody(text.GetString());
    return response;
}

}  // namespace mmx::dialects
