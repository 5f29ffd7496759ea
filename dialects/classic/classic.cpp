// Translation only: every rule is the services' (the same the /user/… and /chat/… routes
// call); no SQL and no repository here.
#include "dialects/classic/classic.hpp"

#include "dialects/request_names.hpp"
#include "dialects/session_cookie.hpp"
#include "handlers/group_common.hpp"
#include "handlers/params.hpp"
#include "services/account_kinds.hpp"
#include "services/accounts.hpp"
#include "services/friends.hpp"
#include "services/group_members.hpp"
#include "services/groups.hpp"
#include "services/profiles.hpp"

namespace mmx::dialects::classic {
namespace {

constexpr std::string_view kName = "classic";
constexpr int kStateFault = 0;
constexpr int kStateSuccess = 1;
constexpr int kStateFailure = 2;
constexpr std::size_t kMaxGroupNameChars = 30;

Response stateAnswer(int state, std::string_view message) {
    return jsonAnswer([&](JsonObject root) {
        root.set("state", state);
        root.set("message", message);
    });
}

Response success(std::string_view message) {
    return stateAnswer(kStateSuccess, message);
}

// A `user_id` in the body names the actor: it must be the session's user.
void requireSelf(const Request& request) {
    if (const auto named = optionalId(request, "user_id");
        named && *named != request.actor().userId) {
        throw ApiError(ErrorCode::Forbidden, "user_id 与登录用户不符");
    }
}

// A user name in the body (`username`, `name`) must be the session's user's.
void requireOwnName(Services& services, const Request& request, std::string_view param) {
    const auto named = optionalText(request, param, 254);
    if (named && !named->empty() &&
        *named != services::userNameOf(services, request.actor().userId)) {
        throw ApiError(ErrorCode::Forbidden, "用户名与登录用户不符");
    }
}

Response login(Services& services, const Request& request) {
    services::SignIn signIn;
    signIn.loginName = requireText(request, "username", 1, 254);
    signIn.password = requirePassword(request, "password");
    signIn.address = request.remoteAddr;
    signIn.client = newDialectClient(kName);
    const services::SignedIn signedIn = services::login(services, signIn);
    Response response = jsonAnswer([&](JsonObject root) {
        root.set("state", kStateSuccess);
        root.set("message", "登录成功");
        root.set("user_id", signedIn.identity.userId);
    });
    response.addHeader(
        "Set-Cookie",
        sessionCookieFor(signedIn.identity, std::int64_t{services.config.sessionTtlDays} * 86400));
    return response;
}

Response registerAccount(Services& services, const Request& request) {
    services::OpenRegistration registration;
    registration.userName = requireText(request, "username", 1, 64);
    registration.password = requirePassword(request, "password");
    if (request.param("nickname")) registration.nickName = requireText(request, "nickname", 1, 30);
    registration.address = request.remoteAddr;
    const std::int64_t userId = services::registerWithoutCode(services, registration);
    return jsonAnswer([&](JsonObject root) {
        root.set("state", kStateSuccess);
        root.set("message", "注册成功");
        root.set("user_id", userId);
    });
}

Response logout(Services& services, const Request& request) {
    requireOwnName(services, request, "username");
    services::signOut(services, request.actor().userId, request.actor().client);
    Response response = success("已退出登录");
    response.addHeader("Set-Cookie", clearedSessionCookie());
    return response;
}

// With old_password it changes the password (and ends every session, this one too);
// otherwise it changes the nickname.
Response updateUser(Services& services, const Request& request) {
    requireOwnName(services, request, "name");
    if (request.param("old_password")) {
        const std::string oldPassword = requirePassword(request, "old_password");
        const std::string newPassword = requirePassword(request, "new_password");
        services::changePassword(services, request.actor(), request.remoteAddr, oldPassword,
                                 newPassword);
        Response response = success("密码修改成功，请重新登录");
        response.addHeader("Set-Cookie", clearedSessionCookie());
        return response;
    }
    db::ProfileValues changes;
    changes[static_cast<std::size_t>(db::ProfileField::NickName)] =
        requireText(request, "nickname", 1, 30);
    services::updateProfile(services, request.actor().userId, changes);
    return success("昵称修改成功");
}

Response addGroup(Services& services, const Request& request) {
    requireSelf(request);
    const std::int64_t creator = request.actor().userId;
    services::requireGroupCreator(services, creator);
    services::NewGroup group;
    group.name = requireText(request, "group_name", 1, kMaxGroupNameChars);
    group.logo = group::readLogo(request);
    const services::CreatedGroup created = services::createGroup(services, creator, group);
    return jsonAnswer([&](JsonObject root) {
        root.set("state", kStateSuccess);
        root.set("message", "创建群组成功");
        root.set("group_id", created.groupId);
    });
}

Response updateGroup(Services& services, const Request& request) {
    requireSelf(request);
    const Request named = withNames(request, {{"group_logo", "logo"}});
    const std::int64_t groupId = requireId(named, "group_id");
    const auto name = group::optionalNonEmptyText(named, "group_name", kMaxGroupNameChars);
    const auto logo = group::readLogo(named);
    if (!name && !logo) throwBadParam("缺少参数 group_name 或 group_logo");
    services::updateGroup(services, request.actor().userId, groupId, name, logo);
    return success("修改群组信息成功");
}

Response deleteGroup(Services& services, const Request& request) {
    requireSelf(request);
    services::deleteGroup(services, request.actor().userId, requireId(request, "group_id"));
    return success("删除群组成功");
}

Response addMembers(Services& services, const Request& request) {
    requireSelf(request);
    const std::int64_t groupId = requireId(request, "group_id");
    const auto ids = requireIds(request, {"member_list"}, group::kMaxIdsPerRequest);
    const auto result = services::addGroupMembers(services, request.actor().userId, groupId, ids);
    return success(result.added.empty() ? "没有新成员加入" : "添加群成员成功");
}

Response removeMembers(Services& services, const Request& request) {
    requireSelf(request);
    const std::int64_t groupId = requireId(request, "group_id");
    const auto ids = requireIds(request, {"member_list"}, group::kMaxIdsPerRequest);
    const auto result =
        services::removeGroupMembers(services, request.actor().userId, groupId, ids);
    return success(result.removed.empty() ? "没有成员被移除" : "移除群成员成功");
}

Response deleteFriend(Services& services, const Request& request) {
    requireSelf(request);
    const std::string friendName = requireText(request, "friend_name", 1, 64);
    services::unfriend(services, request.actor().userId,
                       services::userIdByName(services, friendName));
    return success("删除好友成功");
}

}  // namespace

Dialect dialect() {
    using enum DialectAccess;
    Dialect d;
    d.name = std::string(kName);
    // clang-format off
    d.routes = {
        {Method::Post,   "/login",      Open,    login},
        {Method::Post,   "/register",   Open,    registerAccount},
        {Method::Post,   "/logout",     Session, logout},
        {Method::Put,    "/user",       Session, updateUser},
        {Method::Post,   "/group",      Session, addGroup},
        {Method::Put,    "/group",      Session, updateGroup},
        {Method::Delete, "/group",      Session, deleteGroup},
        {Method::Post,   "/group_user", Session, addMembers},
        {Method::Delete, "/group_user", Session, removeMembers},
        {Method::Delete, "/friend",     Session, deleteFriend},
    };
    // clang-format on
    d.refusal = [](const ApiError& error) { return stateAnswer(kStateFailure, error.info()); };
    d.fault = [] { return stateAnswer(kStateFault, "服务器异常，请稍后再试"); };
    return d;
}

}  // namespace mmx::dialects::classic
