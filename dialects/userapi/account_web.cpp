// Version 2 of the user API (/userweb/…). Translation only: every rule is the services'; no
// SQL and no repository here.
#include <unordered_map>
#include <utility>

#include "core/api_error.hpp"
#include "core/mcode.hpp"
#include "core/text.hpp"
#include "core/third_party.hpp"
#include "core/visibility.hpp"
#include "dialects/userapi/account_parts.hpp"
#include "dialects/userapi/common.hpp"
#include "handlers/params.hpp"
#include "services/account_kinds.hpp"
#include "services/friends.hpp"
#include "services/people.hpp"
#include "services/photo_from_url.hpp"
#include "services/profiles.hpp"
#include "services/third_party.hpp"

namespace mmx::dialects::userapi::account {
namespace {

constexpr PageLimits kFriendPage{500, 500};
constexpr std::size_t kMaxRemarkChars = 32;
constexpr std::size_t kMaxUrlChars = 2000;

// A `{uid}` in the path names whose things these are: only one's own.
void requireOwnPath(const Request& request) {
    if (requireId(request, "uid") != request.actor().userId) {
        throw ApiError(ErrorCode::Forbidden, "只能查看或修改自己的好友");
    }
}

// The person fields of version 2, as much as `visibility` shows: the ways to reach someone
// (mobile, MMX code, QR card) only to oneself and friends; the e-mail (`email`, "" when there
// is none) only to its owner. The house keeps no birthday: it is "".
void writePerson(JsonObject out, const db::UserProfile& profile, Visibility visibility,
                 const std::string& email = "") {
    using db::ProfileField;
    const auto& sex = profile[ProfileField::Sex];
    if (sex == "1" || sex == "2") {
        out.set("gender", *sex == "1" ? 1 : 2);
    } else {
        out.setNull("gender");
    }
    const bool contact = visibility.contact;
    out.set("mcode", contact ? profile.mcode : "");
    out.set("qrcode", contact ? profile.qcodeUrl.value_or("") : "");
    out.set("phone_no", contact && isOwnMobile(profile.mobile) ? profile.mobile : "");
    out.set("email", visibility.ownerFields ? email : "");
    out.set("portrait_url", profile[ProfileField::UserPhoto].value_or(""));
    if (profile.cityId) {
        out.set("city_id", *profile.cityId);
    } else {
        out.setNull("city_id");
    }
    out.set("city_name", profile[ProfileField::City].value_or(""));
    out.set("name", profile[ProfileField::NickName].value_or(""));
    out.set("birthday", "");
}

services::ThirdSignIn providerSignIn(const Request& request, Provider provider,
                                     std::string_view openId) {
    if (!isOpenIdText(openId)) throwBadParam("用户标识须为1到128个字母、数字或 _-.=+/");
    services::ThirdSignIn signIn;
    signIn.presented.provider = provider;
    signIn.presented.openId = std::string(openId);
    signIn.presented.accessToken =
        optionalText(request, nameIn(request, {"access_token", "assess_token", "accessToken"}),
                     1024)
            .value_or("");
    signIn.presented.code = optionalText(request, "code", 1024).value_or("");
    // Named as this phone names it (the house's own message names its accessToken).
    if (signIn.presented.accessToken.empty() && signIn.presented.code.empty()) {
        throwBadParam(provider == Provider::Weibo ? "缺少参数 code" : "缺少参数 access_token");
    }
    signIn.address = request.remoteAddr;
    signIn.client = request.client;
    return signIn;
}

Response providerInfo(Services& services, const services::ThirdSignIn& signIn) {
    const services::ProviderUser user = services::thirdInfo(services, signIn);
    return ok([&](JsonObject root) { root.setJson("userinfo", user.infoJson); });
}

Response success(const std::function<void(JsonObject)>& more = {}) {
    return ok([&](JsonObject root) {
        root.set("is_success", true);
        if (more) more(root);
    });
}

}  // namespace

// The friends a page at a time (`offset`, `count`), grouped by the initial of the name shown.
Response webFriends(Services& services, const Request& request) {
    requireOwnPath(request);
    const std::int64_t me = request.actor().userId;
    const Page page = readPage(request, kFriendPage);
    const services::FriendPage listed =
        services::friendsAtoZ(services, me, page.offset, page.count);
    std::vector<std::int64_t> ids;
    for (const auto& listedFriend : listed.friends) ids.push_back(listedFriend.entry.card.id);
    std::unordered_map<std::int64_t, db::UserProfile> profiles;
    if (!ids.empty()) {
        for (auto& found : services::readFriends(services, me, ids)) {
            profiles.emplace(found.entry.card.id, std::move(found.profile));
        }
    }
    return ok([&](JsonObject root) {
        root.set("total_num", listed.total);
        JsonObject groups = root.object("friends");
        const auto& friends = listed.friends;
        for (std::size_t i = 0; i < friends.size();) {
            const char initial = friends[i].initial;
            JsonArray group = groups.array(std::string_view(&initial, 1));
            for (; i < friends.size() && friends[i].initial == initial; ++i) {
                const db::FriendEntry& entry = friends[i].entry;
                const auto profile = profiles.find(entry.card.id);
                if (profile == profiles.end()) continue;  // no longer a friend
                JsonObject item = group.addObject();
                item.set("friend_id", entry.card.id)
                    .set("friend_name", entry.remark.value_or(entry.card.nickName));
                writePerson(item, profile->second, visibilityOf(Relation::Friend));
            }
        }
    });
}

// `key`: a mainland mobile (of a user who may be found by it) or an MMX code.
Response webSearch(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::string key = requireText(request, "key", 1, 20);
    if (!isMainlandMobile(key) && !isMcode(key)) throwBadParam("只能按手机号或喵喵号查找");
    const services::SearchHit hit =
        services::search(services, actor.userId, request.remoteAddr, key);
    const services::ProfileView view = services::readProfile(services, actor, hit.card.id);
    const std::string email =
        view.visibility.ownerFields ? services::emailOf(services, hit.card.id) : std::string();
    return ok([&](JsonObject root) {
        root.set("user_id", hit.card.id);
        writePerson(root, view.profile, view.visibility, email);
    });
}

Response webRemark(Services& services, const Request& request) {
    requireOwnPath(request);
    const std::int64_t other = requireId(request, "friend_id");
    auto remark = optionalText(request, "remark", kMaxRemarkChars);
    if (!remark) throwBadParam("缺少参数 remark");
    if (remark->empty()) remark.reset();
    services::setFriendRemark(services, request.actor().userId, other, remark);
    return success();
}

Response qqInfo(Services& services, const Request& request) {
    const std::string openId = requireText(request, "openid", 1, 128);
    return providerInfo(services, providerSignIn(request, Provider::QQ, openId));
}

// The notes name the Weibo token `code`: the phone's Weibo SDK hands it an access token, and
// the house holds no Weibo secret to exchange a code with. Weibo checks it as any token.
Response weiboInfo(Services& services, const Request& request) {
    const std::string openId = requireText(request, "uid", 1, 128);
    services::ThirdSignIn signIn = providerSignIn(request, Provider::Weibo, openId);
    if (signIn.presented.accessToken.empty()) {
        signIn.presented.accessToken = std::exchange(signIn.presented.code, std::string());
    }
    return providerInfo(services, signIn);
}

Response wechatInfo(Services& services, const Request& request) {
    const std::string openId = requireText(request, "open_id", 1, 128);
    return providerInfo(services, providerSignIn(request, Provider::WeChat, openId));
}

Response imgUpload(Services& services, const Request& request) {
    const std::string url = services::uploadPictureFromUrl(
        services, request.actor().userId, requireText(request, "url", 1, kMaxUrlChars));
    return success([&](JsonObject root) { root.set("url", url); });
}

Response quickModifyImg(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    if (requireId(request, "user_id") != me) {
        throw ApiError(ErrorCode::Forbidden, "只能修改自己的头像");
    }
    services::setPhotoFromUrl(services, me, requireText(request, "url", 1, kMaxUrlChars));
    return success();
}

// `phone` (the phone's own number) is not needed: the actor is the token's user.
Response selectPhones(Services& services, const Request& request) {
    const auto sent = request.paramList("phone_list");
    if (sent.empty()) throwBadParam("缺少参数 phone_list");
    if (sent.size() > services::kMaxContactsPerSort) throwBadParam("参数 phone_list 最多500个号码");
    const services::SortedContacts sorted =
        services::sortContacts(services, request.actor().userId, request.remoteAddr, sent);
    return ok([&](JsonObject root) {
        for (const auto& [key, phones] : {std::pair{"platform_friend", &sorted.friends},
                                          std::pair{"platform_notfriend", &sorted.others},
                                          std::pair{"notplatform", &sorted.outside}}) {
            JsonArray list = root.array(key);
            for (const auto& phone : *phones) list.add(phone);
        }
    });
}

}  // namespace mmx::dialects::userapi::account
