#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mmx {

struct UrlFetchLimits {
    std::int64_t maxBytes = 3 * 1024 * 1024;
    long timeoutMs = 5000;  // connect and transfer, all hops together
    int maxRedirects = 3;
    // Hosts fetched whatever their address, matched against the URL's host text exactly
    // (MMX_FETCH_ALLOWED_HOSTS; empty in production).
    std::vector<std::string> allowedHosts;
};

// Why a fetch was refused; what() is for the log only.
class UrlFetchRefused : public std::runtime_error {
  public:
    enum class Reason { BadUrl, ForbiddenAddress, TooLarge, Failed };
    UrlFetchRefused(Reason reason, const std::string& what)
        : std::runtime_error(what), reason_(reason) {}
    Reason reason() const { return reason_; }

  private:
    Reason reason_;
};

// GETs `url` (http or https only) and answers its body. Each hop's host is resolved
// first, every address it has must pass isPublicFetchAddress (core/fetch_address.hpp)
// unless the host is allow-listed, and the connection is pinned to the checked address
// (and checked again as the socket opens), so a second DNS answer cannot slip a private
// address in. Redirects are followed here, each hop checked the same way, at most
// `maxRedirects`. No proxy from the environment is used. Throws UrlFetchRefused.
std::string fetchUrl(std::string_view url, const UrlFetchLimits& limits);

}  // namespace mmx
