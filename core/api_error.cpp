#include "core/api_error.hpp"

#include <algorithm>

namespace mmx {

std::string_view codeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::BadParam:
            return "BAD_PARAM";
        case ErrorCode::AuthRequired:
            return "AUTH_REQUIRED";
        case ErrorCode::TokenInvalid:
            return "TOKEN_INVALID";
        case ErrorCode::TokenExpired:
            return "TOKEN_EXPIRED";
        case ErrorCode::BadCredentials:
            return "BAD_CREDENTIALS";
        case ErrorCode::Forbidden:
            return "FORBIDDEN";
        case ErrorCode::NotFound:
            return "NOT_FOUND";
        case ErrorCode::MethodNotAllowed:
            return "METHOD_NOT_ALLOWED";
        case ErrorCode::Conflict:
            return "CONFLICT";
        case ErrorCode::BadCode:
            return "BAD_CODE";
        case ErrorCode::CodeExpired:
            return "CODE_EXPIRED";
        case ErrorCode::RateLimited:
            return "RATE_LIMITED";
        case ErrorCode::BodyTooLarge:
            return "BODY_TOO_LARGE";
        case ErrorCode::ServerError:
            return "SERVER_ERROR";
    }
    return "SERVER_ERROR";
}

int httpStatusFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::MethodNotAllowed:
            return 405;
        case ErrorCode::BodyTooLarge:
            return 413;
        case ErrorCode::ServerError:
            return 500;
        default:
            return 200;
    }
}

ApiError rateLimited(std::string info, std::int64_t retryAfterMs) {
    ApiError error(ErrorCode::RateLimited, std::move(info));
    error.retryAfterSeconds_ = std::max<std::int64_t>(1, (retryAfterMs + 999) / 1000);
    return error;
}

void throwBadParam(std::string info) {
    throw ApiError(ErrorCode::BadParam, std::move(info));
}

}  // namespace mmx
