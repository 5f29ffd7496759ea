#include "dialects/dialect.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <iostream>

#include "dialects/session_cookie.hpp"
#include "fcgi/identity_headers.hpp"
#include "fcgi/router.hpp"
#include "handlers/authenticate.hpp"
#include "services/contention.hpp"

namespace mmx::dialects {
namespace {

struct Match {
    const Dialect* dialect = nullptr;
    const DialectRoute* route = nullptr;  // null when only the path matched
    std::string allowed;                  // the methods the path takes, for `Allow`
    std::vector<std::pair<std::string, std::string>> captured;  // the `{name}` segments
};

std::string_view nextSegment(std::string_view& path) {
    const std::size_t slash = path.find('/');
    const std::string_view segment = path.substr(0, slash);
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    return segment;
}

bool isPattern(std::string_view path) {
    return path.find('{') != std::string_view::npos;
}

// The route for (method, path) in whichever dialect serves that method there: exact paths
// first, then patterns, in the dialects' order.
Match find(const std::vector<Dialect>& dialects, Method method, std::string_view path) {
    Match match;
    std::vector<std::pair<std::string, std::string>> captured;
    for (const bool patterns : {false, true}) {
        for (const Dialect& dialect : dialects) {
            for (const DialectRoute& route : dialect.routes) {
                if (isPattern(route.path) != patterns) continue;
                if (patterns ? !pathFits(route.path, path, captured) : route.path != path) continue;
                // Dialects may share a path under different methods (PUT /user is the
                // first social app's, POST /user the action phone's).
                if (match.dialect == nullptr) match.dialect = &dialect;
                if (!match.allowed.empty()) match.allowed += ", ";
                match.allowed += methodName(route.method);
                if (route.method == method) {
                    match.dialect = &dialect;
                    match.route = &route;
                    match.captured = std::move(captured);
                    return match;
                }
            }
        }
        if (match.dialect != nullptr) return match;
    }
    return match;
}

Response answer(Services& services, const Dialect& dialect, const Match& match, Request& request) {
    const DialectRoute& route = *match.route;
    try {
        if (!match.captured.empty()) {
            request.params.insert(request.params.begin(), match.captured.begin(),
                                  match.captured.end());
        }
        switch (route.access) {
            case DialectAccess::Open:
                break;
            case DialectAccess::Session:
                request.identity =
                    sessionFromCookie(services, request.cookieHeader, dialect.sessionCookie);
                break;
            case DialectAccess::Client:
            case DialectAccess::Headers:
                if (!isValidClient(request.client)) {
                    throw ApiError(ErrorCode::BadParam, "缺少或无效的请求头 client");
                }
                if (route.access == DialectAccess::Headers) {
                    request.identity = authenticate(services, request);
                }
                break;
        }
        Response response = route.handler(services, request);
        if (route.access == DialectAccess::Headers && !response.endsSession()) {
            addIdentityHeaders(response, *request.identity);
        }
        if (services.config.secureCookies) response.makeCookiesSecure();
        return response;
    } catch (const ApiError& error) {
        return dialect.refusal(error);
    } catch (const std::exception& error) {
        if (services::isLockContention(error)) {
            std::cerr << "route " << request.path << " gave up on lock contention: " << error.what()
                      << std::endl;
            return dialect.refusal(rateLimited("服务器繁忙，请稍后再试", 1000));
        }
        std::cerr << "route " << request.path << " failed: " << error.what() << std::endl;
        return dialect.fault();
    }
}

}  // namespace

bool pathFits(std::string_view pattern, std::string_view path,
              std::vector<std::pair<std::string, std::string>>& captured) {
    captured.clear();
    if (pattern.empty() || path.empty() || pattern.front() != '/' || path.front() != '/') {
        return false;
    }
    pattern.remove_prefix(1);
    path.remove_prefix(1);
    while (true) {
        const bool lastWanted = pattern.find('/') == std::string_view::npos;
        const bool lastGiven = path.find('/') == std::string_view::npos;
        const std::string_view wanted = nextSegment(pattern);
        const std::string_view given = nextSegment(path);
        if (wanted.size() > 2 && wanted.front() == '{' && wanted.back() == '}') {
            if (given.empty()) return false;
            captured.emplace_back(std::string(wanted.substr(1, wanted.size() - 2)),
                                  std::string(given));
        } else if (wanted != given) {
            return false;
        }
        if (lastWanted || lastGiven) return lastWanted && lastGiven;
    }
}

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
            return answer(services, *match.dialect, match, request);
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
