#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

// The pure rules of third-party login: which providers there are, which base URLs may be
// called, when a binding may go, and the text forms Alipay signs.
namespace mmx {

// The login modes of the app: 4 QQ, 5 WeChat, 6 Weibo, 7 Alipay.
enum class Provider : int { QQ = 4, WeChat = 5, Weibo = 6, Alipay = 7 };

std::optional<Provider> providerOfMode(std::int64_t mode);
std::string_view providerName(Provider provider);

// Why a provider's base URL may not be used: nullopt when it may. https always;
// http only to a loopback host (127.0.0.1, [::1], localhost) and only with `loopbackHttp`
// (the test stacks' fake provider). No credentials, query or fragment.
std::optional<std::string> providerBaseUrlProblem(std::string_view url, bool loopbackHttp);

// Whether a provider binding may be removed: the account must keep another way to sign
// in, another binding or a mobile of its own (which signs in by an SMS code reset).
bool mayUnbindThird(int otherBindings, bool hasOwnMobile);

// Whether a users.mobile value is a phone number, not the stand-in an account made by
// third-party login, or a closed one, carries ("third:…", "closed:…").
bool isOwnMobile(std::string_view mobile);

// The stand-in mobile of an account made by third-party login: unique, never a phone
// number, at most 20 characters.
std::string standInMobile(std::string_view randomHex);

// A provider's user id as the phone sends it: 1 to 128 of A-Z a-z 0-9 _ - . = + /.
bool isOpenIdText(std::string_view text);

// The first nickname of an account made by third-party login: the provider's, trimmed and
// cut to `maxChars` characters, when it is well-formed UTF-8 that can be shown; else
// `fallback`.
std::string firstNickName(std::string_view providerNick, std::size_t maxChars,
                          std::string_view fallback);

// Alipay's text to sign: every parameter but `sign`, sorted by name, as name=value joined
// by '&' (values raw, not URL-encoded), empty values left out.
std::string alipaySignContent(const std::map<std::string, std::string>& params);

// The raw text of the value of top-level member `key` of a JSON object, exactly as it
// stands in `body` (Alipay signs the text of its `…_response` member, not a re-encoding).
// nullopt when there is no such member or the text is not a well-formed object.
std::optional<std::string_view> rawJsonMember(std::string_view body, std::string_view key);

// QQ answers oauth2.0/me as JSONP, `callback( {...} );`, unless asked for fmt=json: the
// object inside either form.
std::string_view unwrapJsonp(std::string_view body);

}  // namespace mmx
