#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace mmx {

// The stable machine-readable failure codes of the envelope (PRODUCT.md).
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
// seed's clients read `success`; protocol faults get the status that fits.
int httpStatusFor(ErrorCode code);

// The one error type handlers throw; the loop turns it into the envelope.
class ApiError : public std::runtime_error {
  public:
    ApiError(ErrorCode code, std::string info)
        : std::runtime_error(info), code_(code), info_(std::move(info)) {}

    ErrorCode code() const { return code_; }
    const std::string& info() const { return info_; }

  private:
    ErrorCode code_;
    std::string info_;
};

// Shorthand for the most common failure: a parameter that is missing or wrong.
[[noreturn]] void throwBadParam(std::string info);

}  // namespace mmx
