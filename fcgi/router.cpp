#include "fcgi/router.hpp"

#include <iostream>

#include "db/connection.hpp"
#include "fcgi/identity_headers.hpp"

namespace mmx {

void addIdentityHeaders(Response& response, const Identity& identity) {
    response.addHeader("uid", std::to_string(identity.userId));
    response.addHeader("accessToken", identity.accessToken);
    response.addHeader("client", identity.client);
    response.addHeader("expire", std::to_string(identity.expireMs));
}

void RouteTable::add(Route route) {
    index_.emplace(route.path, routes_.size());
    routes_.push_back(std::move(route));
}

const Route* RouteTable::find(std::string_view path) const {
    const auto found = index_.find(std::string(path));
    return found == index_.end() ? nullptr : &routes_[found->second];
}

Dispatcher::Dispatcher(RouteTable routes, Authenticator authenticate, Fallback fallback)
    : routes_(std::move(routes)),
      authenticate_(std::move(authenticate)),
      fallback_(std::move(fallback)) {}

Response Dispatcher::dispatch(Request& request) const {
    const Route* route = routes_.find(request.path);
    if (route == nullptr && fallback_) {
        if (auto answered = fallback_(request)) return std::move(*answered);
    }
    if (route == nullptr) {
        Response response = Response::failure(ErrorCode::NotFound, "接口不存在");
        response.setStatus(404);
        return response;
    }
    const bool methodAllowed =
        request.method == Method::Post ||
        (request.method == Method::Get && route->methods == Methods::GetOrPost);
    if (!methodAllowed) {
        Response response = Response::failure(ErrorCode::MethodNotAllowed, "请求方法不支持");
        response.addHeader("Allow", route->methods == Methods::GetOrPost ? "GET, POST" : "POST");
        return response;
    }
    try {
        return call(*route, request);
    } catch (const ApiError& error) {
        return Response::failure(error);
    } catch (const db::Deadlock& error) {
        // Contention that outlasted the transaction's retries: the work is undone and
        // the caller may simply try again.
        std::cerr << "route " << request.path << " gave up on lock contention: " << error.what()
                  << std::endl;
        return Response::failure(rateLimited("服务器繁忙，请稍后再试", 1000));
    } catch (const std::exception& error) {
        std::cerr << "route " << request.path << " failed: " << error.what() << std::endl;
        return Response::failure(ErrorCode::ServerError, "服务器繁忙，请稍后再试");
    }
}

Response Dispatcher::call(const Route& route, Request& request) const {
    if (route.access != Access::Open && !isValidClient(request.client)) {
        throw ApiError(ErrorCode::BadParam, "缺少或无效的请求头 client");
    }
    if (route.access == Access::User) request.identity = authenticate_(request);

    Response response = route.handler(request);
    if (request.identity && response.success() && !response.endsSession()) {
        addIdentityHeaders(response, *request.identity);
    }
    return response;
}

}  // namespace mmx
