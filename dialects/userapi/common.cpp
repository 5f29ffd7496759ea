#include "dialects/userapi/common.hpp"

#include "dialects/userapi/userapi.hpp"

namespace mmx::dialects::userapi {

int errFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::BadParam:
            return 1001;
        case ErrorCode::AuthRequired:
            return 1002;
        case ErrorCode::TokenInvalid:
            return 1003;
        case ErrorCode::TokenExpired:
            return 1004;
        case ErrorCode::BadCredentials:
            return 1005;
        case ErrorCode::Forbidden:
            return 1006;
        case ErrorCode::NotFound:
            return 1007;
        case ErrorCode::MethodNotAllowed:
            return 1008;
        case ErrorCode::Conflict:
            return 1009;
        case ErrorCode::BadCode:
            return 1010;
        case ErrorCode::CodeExpired:
            return 1011;
        case ErrorCode::RateLimited:
            return 1012;
        case ErrorCode::BodyTooLarge:
            return 1013;
        case ErrorCode::ServerError:
            return 1099;
    }
    return 1099;
}

Response ok(const std::function<void(JsonObject)>& build) {
    return jsonAnswer([&](JsonObject root) {
        root.set("err", 0);
        if (build) build(root);
    });
}

Response refused(const ApiError& error) {
    return jsonAnswer([&](JsonObject root) {
        root.set("err", errFor(error.code()));
        root.set("msg", error.info());
        if (error.code() == ErrorCode::RateLimited) {
            root.set("retryAfter", error.retryAfterSeconds());
        }
    });
}

Response fault() {
    return jsonAnswer([](JsonObject root) {
        root.set("err", errFor(ErrorCode::ServerError));
        root.set("msg", "服务器繁忙，请稍后再试");
    });
}

Dialect dialect() {
    Dialect d;
    d.name = "userapi";
    for (auto part : {accountRoutes, shopRoutes}) {
        for (DialectRoute& route : part()) d.routes.push_back(std::move(route));
    }
    d.refusal = refused;
    d.fault = fault;
    return d;
}

}  // namespace mmx::dialects::userapi
