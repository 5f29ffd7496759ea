#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace mmx {

using HttpParams = std::vector<std::pair<std::string, std::string>>;

// A third-party provider that could not be asked: down, slow past the timeout, or an
// answer too large. what() is for the log only.
class ProviderUnreachable : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct ProviderReply {
    long status = 0;
    std::string body;
};

// Calls a provider's API: GET with `params` as the query string, or POST with them as a
// form body, URL-encoded. http(s) only, no redirects followed, no proxy from the
// environment, at most 1 MB read, `timeoutMs` for connect and transfer together. The base
// URL comes from the configuration, which checked it (core/third_party.hpp).
ProviderReply callProvider(bool post, const std::string& url, const HttpParams& params,
                           long timeoutMs);

}  // namespace mmx
