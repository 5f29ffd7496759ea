#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace mmx {

// The stable machine-readable failure codes of the envelope (docs/api.md).
enum class ErrorCode {
    BadParam,
    AuthRequired,
    TokenInvalid,
    TokenExpired,
    BadCredentials,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    Conflict,
    BadCode,
    CodeExpired,
    RateLimited,
    BodyTooLarge,
    ServerError,
};

std::string_view codeName(ErrorCode code);

// The HTTP status a failure travels with: business outcomes are 200 because the
// the app's clients read `success`; protocol faults get the status that fits.
int httpStatusFor(ErrorCode code);

// The one error type handlers throw; the loop turns it into the envelope.
class ApiError : public std::runtime_error {
  public:
    ApiError(ErrorCode code, std::string info)
        : std::runtime_error(info), code_(code), info_(std::move(info)) {}

    ErrorCode code() const { return code_; }
    const std::string& info() const { return info_; }
    // How long the caller should wait before trying again (RATE_LIMITED), whole seconds.
    std::int64_t retryAfterSeconds() const { return retryAfterSeconds_; }

    // Details the answer carries in `data` (the counts behind a CONFLICT, the parameter a
    // BAD_PARAM is about), each a number or a text.
    using Detail = std::pair<std::string, std::variant<std::int64_t, std::string>>;
    ApiError& with(std::string key, std::int64_t value) {
        details_.emplace_back(std::move(key), value);
        return *this;
    }
    ApiError& with(std::string key, std::string value) {
        details_.emplace_back(std::move(key), std::move(value));
        return *this;
    }
    const std::vector<Detail>& details() const { return details_; }

  private:
    friend ApiError rateLimited(std::string info, std::int64_t retryAfterMs);

    ErrorCode code_;
    std::string info_;
    std::int64_t retryAfterSeconds_ = 1;
    std::vector<Detail> details_;
};

// RATE_LIMITED, telling the caller to wait `retryAfterMs` (rounded up to whole seconds,
// at least one).
ApiError rateLimited(std::string info, std::int64_t retryAfterMs);

// Shorthand for the most common failure: a parameter that is missing or wrong.
[[noreturn]] void throwBadParam(std::string info);

}  // namespace mmx
