#include "dialects/actions/answers.hpp"

#include <iostream>

#include "dialects/dialect.hpp"
#include "services/contention.hpp"

namespace mmx::dialects::actions {

Action actionNamed(std::string_view name) {
    if (name == "Login") return Action::Login;
    if (name == "Logon") return Action::Logon;
    if (name == "Update") return Action::Update;
    if (name == "GetMessage") return Action::GetMessage;
    return Action::Unknown;
}

std::string_view messFor(Action action, ErrorCode code) {
    switch (code) {
        case ErrorCode::AuthRequired:
            return "session missing";
        case ErrorCode::TokenInvalid:
            return "session invalid";
        case ErrorCode::TokenExpired:
            return "session expired";
        case ErrorCode::RateLimited:
            return "too many requests";
        default:
            break;
    }
    switch (action) {
        case Action::Login:
            if (code == ErrorCode::BadParam) return "id error";
            if (code == ErrorCode::Forbidden) return "account disabled";
            return "password error";
        case Action::Logon:
            if (code == ErrorCode::BadParam) return "username format error";
            if (code == ErrorCode::Conflict) return "username exists";
            if (code == ErrorCode::Forbidden) return "registration closed";
            return "create user fail";
        case Action::Update:
            if (code == ErrorCode::BadParam) return "data format error";
            if (code == ErrorCode::Conflict) return "old data error";
            if (code == ErrorCode::Forbidden || code == ErrorCode::NotFound) return "id error";
            return "server error";
        case Action::GetMessage:
            if (code == ErrorCode::BadParam) return "data format error";
            if (code == ErrorCode::NotFound || code == ErrorCode::Forbidden) return "id error";
            return "get data false";
        case Action::Unknown:
            break;
    }
    return "unknown action";
}

std::string_view faultMessFor(Action action) {
    switch (action) {
        case Action::Logon:
            return "create user fail";
        case Action::GetMessage:
            return "get data false";
        case Action::Login:
        case Action::Update:
        case Action::Unknown:
            break;
    }
    return "server error";
}

Response answer(bool success, std::string_view mess, const std::function<void(JsonObject)>& build) {
    return jsonAnswer([&](JsonObject root) {
        root.set("StatusCode", 0);
        JsonObject body = root.object("Response");
        body.set("success", success);
        body.set("mess", mess);
        if (build) build(body);
    });
}

Response failure(Action action, std::string_view mess, std::int64_t retryAfterSeconds) {
    return answer(false, mess, [&](JsonObject body) {
        if (action == Action::Logon) body.set("id", "");
        if (action == Action::GetMessage) {
            body.array("data_type");
            body.array("data");
        }
        if (retryAfterSeconds > 0) body.set("retry_after", retryAfterSeconds);
    });
}

Response refusal(Action action, const ApiError& error) {
    return failure(action, messFor(action, error.code()),
                   error.code() == ErrorCode::RateLimited ? error.retryAfterSeconds() : 0);
}

Response guarded(Action action, std::string_view path, const std::function<Response()>& work) {
    try {
        return work();
    } catch (const ApiError& error) {
        return refusal(action, error);
    } catch (const std::exception& error) {
        if (services::isLockContention(error)) {
            std::cerr << "route " << path << " gave up on lock contention: " << error.what()
                      << std::endl;
            return failure(action, "server busy", 1);
        }
        std::cerr << "route " << path << " failed: " << error.what() << std::endl;
        return failure(action, faultMessFor(action));
    }
}

}  // namespace mmx::dialects::actions
