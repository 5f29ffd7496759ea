#include "adapters/provider_http.hpp"

#include <curl/curl.h>

#include <memory>

namespace mmx {
namespace {

constexpr std::size_t kMaxReplyBytes = 1024 * 1024;

struct Collected {
    std::string body;
    bool tooLarge = false;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
    auto* out = static_cast<Collected*>(user);
    const std::size_t bytes = size * count;
    if (out->body.size() + bytes > kMaxReplyBytes) {
        out->tooLarge = true;
        return 0;
    }
    out->body.append(data, bytes);
    return bytes;
}

std::string encode(CURL* curl, const HttpParams& params) {
    std::string text;
    for (const auto& [name, value] : params) {
        if (!text.empty()) text += '&';
        const std::unique_ptr<char, decltype(&curl_free)> n(
            curl_easy_escape(curl, name.data(), static_cast<int>(name.size())), curl_free);
        const std::unique_ptr<char, decltype(&curl_free)> v(
            curl_easy_escape(curl, value.data(), static_cast<int>(value.size())), curl_free);
        if (!n || !v) throw ProviderUnreachable("cannot encode parameters");
        text += n.get();
        text += '=';
        text += v.get();
    }
    return text;
}

}  // namespace

ProviderReply callProvider(bool post, const std::string& url, const HttpParams& params,
                           long timeoutMs) {
    const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(),
                                                                   curl_easy_cleanup);
    if (!curl) throw ProviderUnreachable("curl init failed");
    CURL* h = curl.get();
    const std::string form = encode(h, params);
    const std::string target = post || form.empty() ? url : url + "?" + form;
    Collected collected;
    curl_easy_setopt(h, CURLOPT_URL, target.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_PROXY, "");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, timeoutMs);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeoutMs);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &collected);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "MMX-server/1");
    if (post) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, form.c_str());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(form.size()));
    }
    const CURLcode result = curl_easy_perform(h);
    if (collected.tooLarge) throw ProviderUnreachable("answer over 1 MB");
    if (result != CURLE_OK) throw ProviderUnreachable(curl_easy_strerror(result));
    ProviderReply reply;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply.status);
    reply.body = std::move(collected.body);
    return reply;
}

}  // namespace mmx
