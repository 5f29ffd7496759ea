#include "adapters/url_fetch.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>

#include "core/fetch_address.hpp"

namespace mmx {
namespace {

using Reason = UrlFetchRefused::Reason;

struct Target {
    std::string url;
    std::string host;  // as the URL spells it, without IPv6 brackets
    long port = 0;
};

std::string urlPart(CURLU* handle, CURLUPart part) {
    char* value = nullptr;
    if (curl_url_get(handle, part, &value, 0) != CURLUE_OK || value == nullptr) return {};
    std::string text(value);
    curl_free(value);
    return text;
}

Target parseTarget(std::string_view url) {
    const std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle(curl_url(), curl_url_cleanup);
    if (!handle || url.size() > 2000 ||
        curl_url_set(handle.get(), CURLUPART_URL, std::string(url).c_str(), 0) != CURLUE_OK) {
        throw UrlFetchRefused(Reason::BadUrl, "unparsable url");
    }
    std::string scheme = urlPart(handle.get(), CURLUPART_SCHEME);
    std::transform(scheme.begin(), scheme.end(), scheme.begin(), ::tolower);
    if (scheme != "http" && scheme != "https") {
        throw UrlFetchRefused(Reason::BadUrl, "scheme " + scheme);
    }
    if (!urlPart(handle.get(), CURLUPART_USER).empty()) {
        throw UrlFetchRefused(Reason::BadUrl, "credentials in url");
    }
    Target target;
    target.url = urlPart(handle.get(), CURLUPART_URL);
    target.host = urlPart(handle.get(), CURLUPART_HOST);
    if (target.host.size() > 2 && target.host.front() == '[' && target.host.back() == ']') {
        target.host = target.host.substr(1, target.host.size() - 2);
    }
    const std::string port = urlPart(handle.get(), CURLUPART_PORT);
    target.port = port.empty() ? (scheme == "https" ? 443 : 80) : std::stol(port);
    if (target.host.empty()) throw UrlFetchRefused(Reason::BadUrl, "no host");
    return target;
}

std::string addressText(const sockaddr* address) {
    char text[INET6_ADDRSTRLEN] = {};
    if (address->sa_family == AF_INET) {
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text,
                  sizeof text);
    } else if (address->sa_family == AF_INET6) {
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text,
                  sizeof text);
    }
    return text;
}

// The one address the hop will connect to: every address of the host is checked, so a
// host that answers one public and one private address is refused whole.
std::string resolveChecked(const Target& target, bool allowListed) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(target.host.c_str(), nullptr, &hints, &found) != 0 || found == nullptr) {
        throw UrlFetchRefused(Reason::Failed, "cannot resolve " + target.host);
    }
    const std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> list(found, freeaddrinfo);
    std::string chosen;
    for (const addrinfo* entry = found; entry != nullptr; entry = entry->ai_next) {
        const std::string address = addressText(entry->ai_addr);
        if (!allowListed && !isPublicFetchAddress(address)) {
            throw UrlFetchRefused(Reason::ForbiddenAddress, target.host + " is " + address);
        }
        if (chosen.empty() && !address.empty()) chosen = address;
    }
    if (chosen.empty()) throw UrlFetchRefused(Reason::Failed, "no address for " + target.host);
    return chosen;
}

struct HopState {
    std::string body;
    std::int64_t maxBytes = 0;
    bool tooLarge = false;
    std::string pinned;  // the checked address the socket must connect to
    bool wrongAddress = false;
};

std::size_t collectBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto* state = static_cast<HopState*>(user);
    const std::size_t bytes = size * count;
    if (static_cast<std::int64_t>(state->body.size() + bytes) > state->maxBytes) {
        state->tooLarge = true;
        return 0;  // aborts the transfer
    }
    state->body.append(data, bytes);
    return bytes;
}

// The last word before connect(): the socket goes only to the address that was checked.
curl_socket_t openCheckedSocket(void* user, curlsocktype, curl_sockaddr* address) {
    auto* state = static_cast<HopState*>(user);
    if (addressText(&address->addr) != state->pinned) {
        state->wrongAddress = true;
        return CURL_SOCKET_BAD;
    }
    return socket(address->family, address->socktype, address->protocol);
}

struct HopResult {
    long status = 0;
    std::optional<std::string> location;
    std::string body;
};

HopResult fetchHop(const Target& target, const std::string& address, long timeoutMs,
                   std::int64_t maxBytes) {
    const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(),
                                                                   curl_easy_cleanup);
    if (!curl) throw UrlFetchRefused(Reason::Failed, "curl init failed");
    const bool v6 = address.find(':') != std::string::npos;
    const std::string resolve = target.host + ":" + std::to_string(target.port) + ":" +
                                (v6 ? "[" + address + "]" : address);
    const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> pin(
        curl_slist_append(nullptr, resolve.c_str()), curl_slist_free_all);
    HopState state;
    state.maxBytes = maxBytes;
    state.pinned = address;
    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, target.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_RESOLVE, pin.get());
    curl_easy_setopt(h, CURLOPT_PROXY, "");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, timeoutMs);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeoutMs);
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(maxBytes));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collectBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &state);
    curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, openCheckedSocket);
    curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, &state);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "MMX-avatar-fetch/1");
    const CURLcode result = curl_easy_perform(h);
    if (state.tooLarge || result == CURLE_FILESIZE_EXCEEDED) {
        throw UrlFetchRefused(Reason::TooLarge, "body over the cap");
    }
    if (state.wrongAddress) {
        throw UrlFetchRefused(Reason::ForbiddenAddress, "connect to an unchecked address");
    }
    if (result != CURLE_OK) {
        throw UrlFetchRefused(Reason::Failed, curl_easy_strerror(result));
    }
    HopResult hop;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &hop.status);
    char* location = nullptr;
    if (curl_easy_getinfo(h, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location) {
        hop.location = location;
    }
    hop.body = std::move(state.body);
    return hop;
}

}  // namespace

std::string fetchUrl(std::string_view url, const UrlFetchLimits& limits) {
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(limits.timeoutMs);
    std::string next(url);
    for (int hop = 0; hop <= limits.maxRedirects; ++hop) {
        const Target target = parseTarget(next);
        const bool allowListed = std::find(limits.allowedHosts.begin(), limits.allowedHosts.end(),
                                           target.host) != limits.allowedHosts.end();
        const std::string address = resolveChecked(target, allowListed);
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                              deadline - std::chrono::steady_clock::now())
                              .count();
        if (left <= 0) throw UrlFetchRefused(Reason::Failed, "timed out");
        HopResult result = fetchHop(target, address, static_cast<long>(left), limits.maxBytes);
        if (result.status >= 300 && result.status < 400) {
            if (!result.location) throw UrlFetchRefused(Reason::Failed, "redirect without target");
            next = std::move(*result.location);
            continue;
        }
        if (result.status != 200) {
            throw UrlFetchRefused(Reason::Failed, "status " + std::to_string(result.status));
        }
        return std::move(result.body);
    }
    throw UrlFetchRefused(Reason::Failed, "too many redirects");
}

}  // namespace mmx
