// /user/user!personal, !verifyCode, !sendBindCode, !bindPhone, !setUserName,
// !sendDestroyCode, !destroy, !photoFromUrl: thin adapters over services/account_life,
// services/profiles and services/photo_from_url.
#include "handlers/user_life.hpp"

#include "core/api_error.hpp"
#include "handlers/params.hpp"
#include "services/account_kinds.hpp"
#include "services/account_life.hpp"
#include "services/personal_json.hpp"
#include "services/photo_from_url.hpp"
#include "services/profiles.hpp"

namespace mmx::user {
namespace {

constexpr Names kPhoneNames = {"phone", "userVO.userMobile"};
constexpr Names kCodeNames = {"code", "validateCode"};
constexpr Names kPasswordNames = {"password", "userVO.password"};
constexpr Names kUserNameNames = {"userName", "account"};
constexpr Names kUrlNames = {"url", "portrait"};

std::string readMobile(const Request& request) {
    return requireMobile(request, nameIn(request, kPhoneNames));
}

std::string readCode(const Request& request) {
    return requireText(request, nameIn(request, kCodeNames), 1, 16);
}

std::string readUrl(const Request& request) {
    return requireText(request, nameIn(request, kUrlNames), 1, 2000);
}

}  // namespace

// Without `attr` it reads; `attr` 1–4 changes one field: 1 name, 2 portrait (a picture
// URL, fetched as photoFromUrl does), 3 gender (1 male, 2 female), 4 city (a city id).
Response personal(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const auto attr = optionalInt(request, "attr", 1, 4);
    if (!attr) {
        const services::ProfileView view = services::readProfile(services, actor, actor.userId);
        Response response("获取个人信息成功");
        services::writePersonal(response.data().object("info"), view.profile,
                                services::emailOf(services, actor.userId));
        return response;
    }
    if (request.method != Method::Post) throwBadParam("修改个人信息须用 POST");
    db::ProfileValues changes;
    std::optional<std::int64_t> cityId;
    Response response("修改个人信息成功");
    switch (*attr) {
        case 1:
            changes[static_cast<std::size_t>(db::ProfileField::NickName)] =
                requireText(request, "name", 1, 30);
            break;
        case 2: {
            const std::string url =
                services::setPhotoFromUrl(services, actor.userId, readUrl(request));
            response.data().set("portrait", url);
            return response;
        }
        case 3: {
            const auto gender = optionalInt(request, "gender", 1, 2);
            if (!gender) throwBadParam("缺少参数 gender");
            changes[static_cast<std::size_t>(db::ProfileField::Sex)] = std::to_string(*gender);
            break;
        }
        default:
            cityId = requireId(request, "city");
            break;
    }
    services::updateProfile(services, actor.userId, changes, cityId);
    return response;
}

Response verifyCode(Services& services, const Request& request) {
    const std::string mobile = readMobile(request);
    const std::string code = readCode(request);
    const auto purposeText = optionalText(request, "purpose", 16);
    const auto purpose = services::purposeNamed(purposeText.value_or("register"));
    if (!purpose) throwBadParam("参数 purpose 只能是 register、reset、bind 或 destroy");
    services::verifyCode(services, request.remoteAddr, mobile, *purpose, code);
    return Response("验证码正确");
}

Response sendBindCode(Services& services, const Request& request) {
    services::sendBindCode(services, request.remoteAddr, readMobile(request));
    return Response("验证码已发送到新手机");
}

Response bindPhone(Services& services, const Request& request) {
    const std::string mobile = readMobile(request);
    const std::string code = readCode(request);
    services::bindPhone(services, request.actor(), request.remoteAddr, mobile, code);
    Response response("绑定手机成功");
    response.data().set("phone", mobile);
    return response;
}

Response setUserName(Services& services, const Request& request) {
    const auto name = firstOf(request, kUserNameNames);
    if (!name) throwBadParam("缺少参数 userName");
    services::setUserName(services, request.actor(), name->value);
    Response response("设置用户名成功");
    response.data().set("userName", name->value);
    return response;
}

Response sendDestroyCode(Services& services, const Request& request) {
    services::sendDestroyCode(services, request.actor(), request.remoteAddr);
    return Response("注销账号的验证码已发送到手机");
}

Response destroy(Services& services, const Request& request) {
    const std::string password = requirePassword(request, nameIn(request, kPasswordNames));
    const std::string code = readCode(request);
    services::destroyAccount(services, request.actor(), request.remoteAddr, password, code);
    Response response("账号已注销");
    response.markSessionEnded();
    return response;
}

Response photoFromUrl(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    // The shop app names the user too (user_id): only one's own avatar.
    if (const auto target = optionalId(request, {"user_id", "userId"});
        target && *target != actor.userId) {
        throw ApiError(ErrorCode::Forbidden, "只能修改自己的头像");
    }
    const std::string url = services::setPhotoFromUrl(services, actor.userId, readUrl(request));
    Response response("上传用户头像成功");
    response.data().set("userPhoto", url);
    return response;
}

}  // namespace mmx::user
