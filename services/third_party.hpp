#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/identity.hpp"
#include "db/third_party_repository.hpp"
#include "db/user_repository.hpp"
#include "services/services.hpp"
#include "services/third_party_providers.hpp"

// Signing in with QQ, WeChat, Weibo or Alipay, and binding those accounts to an MMX
// account. Nothing a phone says about a provider account is trusted before the provider
// has confirmed it (services/third_party_providers).
namespace mmx::services {

struct ThirdSignIn {
    ProviderCredentials presented;
    std::string address;  // the client's address
    std::string client;   // its `client` header
};

struct ThirdSignedIn {
    Identity identity;  // the new session
    db::UserProfile profile;
    bool registered = false;  // this login made the account
};

// Verifies with the provider, then signs in to the account bound to the provider account,
// making it on the first login (nickname and avatar from the provider; the avatar fetched
// after the account is committed, and a failed fetch leaves the account without one). Two
// first logins at once make one account. RATE_LIMITED past MMX_THIRD_LOGIN_IP_LIMIT a
// client address per 15 minutes; FORBIDDEN for a disabled account; the provider's refusals
// as verifyWithProvider's.
ThirdSignedIn thirdLogin(Services& services, const ThirdSignIn& signIn);

// The provider's user info for a token it confirms (counted as a thirdLogin).
ProviderUser thirdInfo(Services& services, const ThirdSignIn& signIn);

// Binds the verified provider account to the actor's account: CONFLICT when it is bound
// to an account (this one included) or the actor holds an account of that provider.
void bindThird(Services& services, const Identity& actor, const ThirdSignIn& signIn);

// Removes the actor's binding of `provider`: NOT_FOUND when there is none, CONFLICT when
// it is the account's last way to sign in (no mobile of its own, no other binding), also
// when two unbinds of one account run at once.
void unbindThird(Services& services, const Identity& actor, Provider provider);

// The actor's bindings, by provider.
std::vector<db::ThirdPartyBinding> thirdBindings(Services& services, const Identity& actor);

}  // namespace mmx::services
