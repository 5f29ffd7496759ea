#pragma once

#include <string>

#include "core/third_party.hpp"
#include "services/services.hpp"

// Asking QQ, WeChat, Weibo or Alipay who a token belongs to, before anything it says is
// trusted. Every call is made outside any transaction, within the configured timeout.
namespace mmx::services {

// What the phone hands over: the provider's id of the user, and the provider's token
// (`accessToken`) or the code its flow gave the phone (`code`, WeChat and Alipay).
struct ProviderCredentials {
    Provider provider = Provider::QQ;
    std::string openId;
    std::string accessToken;
    std::string code;
};

// The provider's word on the user, once the token was found valid, issued to our app and
// belonging to `openId`.
struct ProviderUser {
    std::string openId;
    std::string nickName;
    std::string avatarUrl;
    std::string infoJson;  // the provider's user info object, as it answered it
};

// BAD_PARAM when the provider is not configured or the phone sent neither token nor a
// code the provider takes; BAD_CREDENTIALS (第三方账号验证失败) when the provider refuses
// the token, it was issued to another app, it belongs to another user, or an Alipay
// answer's signature does not verify; SERVER_ERROR when the provider cannot be reached
// in time or answers nonsense.
ProviderUser verifyWithProvider(const Services& services, const ProviderCredentials& presented);

}  // namespace mmx::services
