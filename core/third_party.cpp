#include "core/third_party.hpp"

#include <cctype>

#include "core/text.hpp"

namespace mmx {
namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The end (one past) of the JSON value that starts at `at`, scanning strings and nesting;
// npos when it never ends.
std::size_t valueEnd(std::string_view body, std::size_t at) {
    if (at >= body.size()) return std::string_view::npos;
    if (body[at] == '"') {
        for (std::size_t i = at + 1; i < body.size(); ++i) {
            if (body[i] == '\\') {
                ++i;
            } else if (body[i] == '"') {
                return i + 1;
            }
        }
        return std::string_view::npos;
    }
    if (body[at] == '{' || body[at] == '[') {
        int depth = 0;
        for (std::size_t i = at; i < body.size(); ++i) {
            const char c = body[i];
            if (c == '"') {
                const std::size_t end = valueEnd(body, i);
                if (end == std::string_view::npos) return end;
                i = end - 1;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) return i + 1;
            }
        }
        return std::string_view::npos;
    }
    std::size_t i = at;
    while (i < body.size() && body[i] != ',' && body[i] != '}' && body[i] != ']') ++i;
    return i;
}

std::size_t skipSpace(std::string_view body, std::size_t at) {
    while (at < body.size() && std::isspace(static_cast<unsigned char>(body[at]))) ++at;
    return at;
}

}  // namespace

std::optional<Provider> providerOfMode(std::int64_t mode) {
    if (mode < 4 || mode > 7) return std::nullopt;
    return static_cast<Provider>(mode);
}

std::string_view providerName(Provider provider) {
    switch (provider) {
        case Provider::QQ:
            return "QQ";
        case Provider::WeChat:
            return "微信";
        case Provider::Weibo:
            return "微博";
        case Provider::Alipay:
            return "支付宝";
    }
    return "";
}

std::optional<std::string> providerBaseUrlProblem(std::string_view url, bool loopbackHttp) {
    const std::string text = lower(url);
    std::string_view rest;
    if (startsWith(text, "https://")) {
        rest = std::string_view(url).substr(8);
    } else if (startsWith(text, "http://")) {
        rest = std::string_view(url).substr(7);
    } else {
        return "must start with https://";
    }
    const std::size_t slash = rest.find('/');
    const std::string_view authority = rest.substr(0, slash);
    if (authority.empty()) return "has no host";
    if (authority.find('@') != std::string_view::npos) return "must not carry credentials";
    if (url.find_first_of("?# ") != std::string_view::npos) {
        return "must not carry a query, fragment or space";
    }
    if (startsWith(text, "http://")) {
        std::string host = lower(authority);
        if (startsWith(host, "[")) {
            host = host.substr(0, host.find(']') + 1);
        } else {
            host = host.substr(0, host.find(':'));
        }
        const bool loopback = host == "127.0.0.1" || host == "[::1]" || host == "localhost";
        if (!loopback) return "must be https (http only for a loopback test provider)";
        if (!loopbackHttp) return "http is taken only with MMX_THIRD_PARTY_LOOPBACK_HTTP=1";
    }
    return std::nullopt;
}

bool mayUnbindThird(int otherBindings, bool hasOwnMobile) {
    return otherBindings > 0 || hasOwnMobile;
}

bool isOwnMobile(std::string_view mobile) {
    if (mobile.empty()) return false;
    for (const char c : mobile) {
        if (!std::isdigit(static_cast<unsigned char>(c)) && c != '+') return false;
    }
    return true;
}

std::string standInMobile(std::string_view randomHex) {
    return "third:" + std::string(randomHex.substr(0, 14));
}

bool isOpenIdText(std::string_view text) {
    if (text.empty() || text.size() > 128) return false;
    for (const char c : text) {
        if (!std::isalnum(static_cast<unsigned char>(c)) &&
            std::string_view("_-.=+/").find(c) == std::string_view::npos) {
            return false;
        }
    }
    return true;
}

std::string firstNickName(std::string_view providerNick, std::size_t maxChars,
                          std::string_view fallback) {
    std::string_view name = trim(providerNick);
    if (!utf8Length(name)) return std::string(fallback);
    std::size_t chars = 0;
    std::size_t end = 0;
    while (end < name.size() && chars < maxChars) {
        ++end;
        while (end < name.size() && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) ++end;
        ++chars;
    }
    name = trim(name.substr(0, end));
    if (name.empty() || displayTextProblem(name)) return std::string(fallback);
    return std::string(name);
}

std::string alipaySignContent(const std::map<std::string, std::string>& params) {
    std::string content;
    for (const auto& [name, value] : params) {
        if (name == "sign" || value.empty()) continue;
        if (!content.empty()) content += '&';
        content += name;
        content += '=';
        content += value;
    }
    return content;
}

std::optional<std::string_view> rawJsonMember(std::string_view body, std::string_view key) {
    std::size_t at = skipSpace(body, 0);
    if (at >= body.size() || body[at] != '{') return std::nullopt;
    at = skipSpace(body, at + 1);
    while (at < body.size() && body[at] == '"') {
        const std::size_t nameEnd = valueEnd(body, at);
        if (nameEnd == std::string_view::npos) return std::nullopt;
        const std::string_view name = body.substr(at + 1, nameEnd - at - 2);
        at = skipSpace(body, nameEnd);
        if (at >= body.size() || body[at] != ':') return std::nullopt;
        at = skipSpace(body, at + 1);
        const std::size_t end = valueEnd(body, at);
        if (end == std::string_view::npos) return std::nullopt;
        if (name == key) {
            const std::string_view value = body.substr(at, end - at);
            if (value.empty() || value.front() != '{') return std::nullopt;
            return value;
        }
        at = skipSpace(body, end);
        if (at < body.size() && body[at] == ',') at = skipSpace(body, at + 1);
    }
    return std::nullopt;
}

std::string_view unwrapJsonp(std::string_view body) {
    const std::size_t open = body.find('{');
    const std::size_t close = body.rfind('}');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
        return body;
    }
    return body.substr(open, close - open + 1);
}

}  // namespace mmx
