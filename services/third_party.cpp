#include "services/third_party.hpp"

#include <iostream>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "db/session_repository.hpp"
#include "services/limits.hpp"
#include "services/photo_from_url.hpp"
#include "services/sessions.hpp"

namespace mmx::services {
namespace {

constexpr std::string_view kThirdLoginPerAddress = "third-login-ip";
constexpr std::size_t kNickNameChars = 20;

int modeOf(Provider provider) {
    return static_cast<int>(provider);
}

// The provider's nickname as the account's first one, within the profile's limit; the
// provider's name when it gave none that can be shown.
std::string nickNameFrom(const ProviderUser& user, Provider provider) {
    return firstNickName(user.nickName, kNickNameChars,
                         std::string(providerName(provider)) + "用户");
}

struct FoundOrMade {
    std::int64_t userId = 0;
    bool made = false;
};

FoundOrMade findOrMakeAccount(Services& services, const ProviderCredentials& presented,
                              const ProviderUser& user) {
    db::ThirdPartyRepository accounts(services.db);
    const int mode = modeOf(presented.provider);
    if (const auto userId = accounts.findUser(mode, presented.openId)) return {*userId, false};
    FoundOrMade result;
    try {
        db::withTransaction(services.db, [&](db::Transaction& transaction) {
            result.userId = accounts.createAccount(mode, presented.openId,
                                                   nickNameFrom(user, presented.provider), nowMs());
            transaction.commit();
        });
        result.made = true;
    } catch (const db::DuplicateKey&) {
        // A first login of the same provider account committed first: it is this one's.
        const auto userId = accounts.findUser(mode, presented.openId);
        if (!userId) throw ApiError(ErrorCode::Conflict, "该第三方账号无法登录，请稍后再试");
        result.userId = *userId;
    }
    return result;
}

void takeAvatar(Services& services, std::int64_t userId, const std::string& url) {
    if (url.empty()) return;
    try {
        setPhotoFromUrl(services, userId, url);
    } catch (const std::exception& error) {
        std::cerr << "third-party avatar of user " << userId << " not taken: " << error.what()
                  << std::endl;
    }
}

}  // namespace

ThirdSignedIn thirdLogin(Services& services, const ThirdSignIn& signIn) {
    countOrRefuse(services, kThirdLoginPerAddress, signIn.address,
                  services.config.thirdLoginIpLimit);
    const ProviderUser user = verifyWithProvider(services, signIn.presented);
    const FoundOrMade account = findOrMakeAccount(services, signIn.presented, user);
    if (account.made) takeAvatar(services, account.userId, user.avatarUrl);
    Identity identity = openSession(services, account.userId, signIn.client);
    db::SessionRepository(services.db).rememberClient(account.userId, signIn.client, nowMs());
    auto profile = db::UserRepository(services.db).findProfile(account.userId);
    if (!profile) throw ApiError(ErrorCode::BadCredentials, "第三方账号验证失败");
    return ThirdSignedIn{std::move(identity), std::move(*profile), account.made};
}

ProviderUser thirdInfo(Services& services, const ThirdSignIn& signIn) {
    countOrRefuse(services, kThirdLoginPerAddress, signIn.address,
                  services.config.thirdLoginIpLimit);
    return verifyWithProvider(services, signIn.presented);
}

void bindThird(Services& services, const Identity& actor, const ThirdSignIn& signIn) {
    countOrRefuse(services, kThirdLoginPerAddress, signIn.address,
                  services.config.thirdLoginIpLimit);
    verifyWithProvider(services, signIn.presented);
    try {
        db::ThirdPartyRepository(services.db)
            .bind(actor.userId, modeOf(signIn.presented.provider), signIn.presented.openId,
                  nowMs());
    } catch (const db::DuplicateKey& error) {
        const bool ownKind = std::string_view(error.what()).find("uk_third_party_user_provider") !=
                             std::string_view::npos;
        throw ApiError(ErrorCode::Conflict,
                       ownKind ? "你已绑定过该平台的账号，请先解绑" : "该第三方账号已绑定其他账号");
    } catch (const db::ForeignKeyMissing&) {
        throw ApiError(ErrorCode::NotFound, "用户不存在");
    }
}

void unbindThird(Services& services, const Identity& actor, Provider provider) {
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::ThirdPartyRepository accounts(services.db);
        const auto mobile = accounts.lockUser(actor.userId);
        if (!mobile) throw ApiError(ErrorCode::NotFound, "用户不存在");
        const auto bindings = accounts.bindingsOf(actor.userId);
        int others = 0;
        bool bound = false;
        for (const auto& binding : bindings) {
            if (binding.provider == modeOf(provider)) {
                bound = true;
            } else {
                ++others;
            }
        }
        if (!bound) throw ApiError(ErrorCode::NotFound, "未绑定该平台的账号");
        if (!mayUnbindThird(others, isOwnMobile(*mobile))) {
            throw ApiError(ErrorCode::Conflict, "这是该账号唯一的登录方式，请先绑定手机号");
        }
        accounts.unbind(actor.userId, modeOf(provider));
        transaction.commit();
    });
}

std::vector<db::ThirdPartyBinding> thirdBindings(Services& services, const Identity& actor) {
    return db::ThirdPartyRepository(services.db).bindingsOf(actor.userId);
}

}  // namespace mmx::services
