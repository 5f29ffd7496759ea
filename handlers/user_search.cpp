// /user/user!readUsers, !search, !selectPhones: thin adapters over services/people.
#include "handlers/user_search.hpp"

#include <set>

#include "core/api_error.hpp"
#include "core/mcode.hpp"
#include "core/text.hpp"
#include "handlers/params.hpp"
#include "handlers/user_card.hpp"
#include "services/people.hpp"

namespace mmx::user {

Response readUsers(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const auto ids = requireIds(request, {"userId", "uid", "userID"}, services::kMaxCardsPerRead);
    const auto cards = services::readCards(services, me, request.remoteAddr, ids);
    Response response("获取用户信息成功");
    JsonArray list = response.data().array("userList");
    for (const auto& card : cards) writeUserCard(list.addObject(), card);
    return response;
}

Response search(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const std::string keyword = requireText(request, "keyword", 1, 20);
    if (!isMainlandMobile(keyword) && !isMcode(keyword)) {
        throwBadParam("参数 keyword 必须是手机号或喵喵号");
    }
    const services::SearchHit hit = services::search(services, me, request.remoteAddr, keyword);
    Response response("查找用户成功");
    JsonObject user = response.data().object("user");
    writeUserCard(user, hit.card);
    user.set("isFriend", hit.isFriend);
    return response;
}

Response selectPhones(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const auto sent = request.paramList("phone_list");
    if (sent.empty()) throwBadParam("缺少参数 phone_list");
    if (sent.size() > services::kMaxContactsPerSort) {
        throwBadParam("参数 phone_list 最多500个号码");
    }
    const services::SortedContacts sorted =
        services::sortContacts(services, me, request.remoteAddr, sent);
    Response response("号码查询成功");
    JsonObject data = response.data();
    for (const auto& [key, phones] : {std::pair{"platform_friend", &sorted.friends},
                                      std::pair{"platform_notfriend", &sorted.others},
                                      std::pair{"notplatform", &sorted.outside}}) {
        JsonArray list = data.array(key);
        for (const auto& phone : *phones) list.add(phone);
    }
    return response;
}

}  // namespace mmx::user
