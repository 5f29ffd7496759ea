// /user/user!registerByName: a thin adapter over services/account_kinds.
#include "handlers/user_kinds.hpp"

#include "handlers/params.hpp"
#include "services/account_kinds.hpp"

namespace mmx::user {
namespace {

constexpr Names kUserNameNames = {"userName", "userVO.userName", "username"};
constexpr Names kEmailNames = {"email", "userVO.email"};
constexpr Names kPasswordNames = {"password", "userVO.password"};
constexpr Names kNickNameNames = {"nickname", "nickName", "userVO.nickName"};

}  // namespace

Response registerByName(Services& services, const Request& request) {
    services::OpenRegistration registration;
    if (const auto name = firstOf(request, kUserNameNames)) {
        registration.userName = requireText(request, name->name, 1, 64);
    }
    if (const auto email = firstOf(request, kEmailNames)) {
        registration.email = requireText(request, email->name, 1, 254);
    }
    registration.password = requirePassword(request, nameIn(request, kPasswordNames));
    if (const auto nick = firstOf(request, kNickNameNames)) {
        registration.nickName = requireText(request, nick->name, 1, 30);
    }
    registration.address = request.remoteAddr;
    const std::int64_t userId = services::registerWithoutCode(services, registration);
    Response response("用户注册成功");
    response.data().object("userVO").set("userId", userId);
    return response;
}

}  // namespace mmx::user
