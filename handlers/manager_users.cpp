// Users, site roles, groups, the audit log and the site's figures, for site staff.
#include "core/api_error.hpp"
#include "handlers/manager.hpp"
#include "handlers/manager_common.hpp"
#include "handlers/params.hpp"
#include "services/manager.hpp"
#include "services/manager_desk.hpp"

namespace mmx::manager {
namespace {

constexpr Names kUserNames{"userId", "id"};
constexpr Names kGroupNames{"groupId", "id"};

std::optional<SiteRole> optionalRole(const Request& request, std::string_view name) {
    const auto raw = request.param(name);
    if (!raw || raw->empty()) return std::nullopt;
    const auto role = parseSiteRole(*raw);
    if (!role) throwBadParam("参数 " + std::string(name) + " 必须是 owner、deputy、admin 或 none");
    return role;
}

Response userAnswer(const char* info, const std::string& json) {
    return objectAnswer(info, "user", json);
}

}  // namespace

Response userSearch(Services& services, const Request& request) {
    services::requireStaff(services, request.actor().userId, ManagerAction::ViewUsers);
    const std::string query = optionalText(request, "q", 64).value_or("");
    const auto role = optionalRole(request, "siteRole");
    const Page page = readPage(request, kManagerPage);
    return pageAnswer("查询用户成功", "userList",
                      services::searchUsers(services, query, role, page.offset, page.count));
}

Response userInfo(Services& services, const Request& request) {
    services::requireStaff(services, request.actor().userId, ManagerAction::ViewUsers);
    return userAnswer("获取用户成功", services::userInfo(services, requireId(request, kUserNames)));
}

Response userDisable(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::DisableUsers);
    return userAnswer("已停用该用户", services::setUserDisabled(
                                          services, staff, requireId(request, kUserNames), true));
}

Response userEnable(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::DisableUsers);
    return userAnswer("已启用该用户", services::setUserDisabled(
                                          services, staff, requireId(request, kUserNames), false));
}

Response userSetSiteRole(Services& services, const Request& request) {
    // The least any role change needs; the change itself is checked against the target.
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::GrantAdmin);
    const std::int64_t userId = requireId(request, kUserNames);
    if (!request.param("siteRole")) throwBadParam("缺少参数 siteRole");
    const auto role = optionalRole(request, "siteRole");
    if (!role) throwBadParam("参数 siteRole 必须是 owner、deputy、admin 或 none");
    return userAnswer("已修改站点角色", services::setSiteRole(services, staff, userId, *role));
}

Response groupList(Services& services, const Request& request) {
    services::requireStaff(services, request.actor().userId, ManagerAction::ViewGroups);
    const std::string name = optionalText(request, "groupName", 30).value_or("");
    const Page page = readPage(request, kManagerPage);
    return pageAnswer("获取群列表成功", "groupList",
                      services::listGroups(services, name, page.offset, page.count));
}

Response groupInfo(Services& services, const Request& request) {
    services::requireStaff(services, request.actor().userId, ManagerAction::ViewGroups);
    return objectAnswer("获取群信息成功", "group",
                        services::groupInfo(services, requireId(request, kGroupNames)));
}

Response groupDelete(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::DeleteGroups);
    const std::int64_t groupId = requireId(request, kGroupNames);
    services::deleteGroup(services, staff, groupId);
    Response response("群已删除");
    response.data().set("groupId", groupId);
    return response;
}

Response statsOverview(Services& services, const Request& request) {
    services::requireStaff(services, request.actor().userId, ManagerAction::ViewStats);
    const db::SiteFigures figures = services::siteFigures(services);
    Response response("获取统计成功");
    response.data()
        .set("users", figures.users)
        .set("newUsersToday", figures.newUsersToday)
        .set("activeUsersToday", figures.activeUsersToday)
        .set("messagesToday", figures.messagesToday)
        .set("shops", figures.shops)
        .set("goods", figures.goods)
        .set("openFeedback", services::openFeedbackThreads(services));
    return response;
}

Response auditList(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::ReadAudit);
    db::AuditFilter filter;
    filter.staffId = optionalId(request, "staffId");
    filter.action = optionalText(request, "action", 32);
    filter.objectType = optionalText(request, "objectType", 16);
    filter.objectId = optionalId(request, "objectId");
    constexpr std::int64_t kLatest = 4102444800000;  // 2100-01-01, ms
    filter.fromMs = optionalInt(request, "from", 0, kLatest);
    filter.toMs = optionalInt(request, "to", 0, kLatest);
    if (filter.action && filter.action->empty()) filter.action.reset();
    if (filter.objectType && filter.objectType->empty()) filter.objectType.reset();
    const Page page = readPage(request, kManagerPage);
    return pageAnswer("获取操作记录成功", "auditList",
                      services::auditLog(services, staff, filter, page.offset, page.count));
}

}  // namespace mmx::manager
