// Fan shops: concern and unconcern, the phone's diff and info, news, message switches.
#include "core/api_error.hpp"
#include "core/china_time.hpp"
#include "core/clock.hpp"
#include "core/goods_rules.hpp"
#include "services/collections.hpp"

namespace mmx::services {
namespace {

[[noreturn]] void noSuchShop() {
    throw ApiError(ErrorCode::NotFound, "没有这个商店");
}

}  // namespace

void concernShop(Services& services, std::int64_t me, std::int64_t shopId) {
    const int cap = services.config.maxFanShops;
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::FanRepository fans(services.db);
        // Always the user first, then the shop: no two concerns wait on each other.
        fans.lockUser(me);
        if (!fans.lockShop(shopId)) noSuchShop();
        if (!fans.isFan(me, shopId) && fans.countOfUser(me) >= cap) {
            throw ApiError(ErrorCode::Conflict,
                           "粉丝店已达上限" + std::to_string(cap) + "家，请先取消关注一些");
        }
        fans.add(me, shopId, nowMs());
        transaction.commit();
    });
}

void unconcernShop(Services& services, std::int64_t me, std::int64_t shopId) {
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::FanRepository fans(services.db);
        if (!fans.lockShop(shopId)) noSuchShop();
        fans.remove(me, shopId);
        transaction.commit();
    });
}

IdDiff diffFanShops(Services& services, std::int64_t me, const std::vector<std::int64_t>& held) {
    return diffIds(held, db::FanRepository(services.db).shopIds(me));
}

std::vector<db::FanShop> fanShopsInfo(Services& services, std::int64_t me,
                                      const std::vector<std::int64_t>& shopIds) {
    return db::FanRepository(services.db).fanShops(me, shopIds);
}

std::vector<db::ShopNews> shopNews(Services& services, const std::vector<std::int64_t>& shopIds) {
    const std::int64_t now = nowMs();
    return db::FanRepository(services.db).news(shopIds, chinaDate(now), now - kGoodsNewForMs);
}

void setFanMessages(Services& services, std::int64_t me, std::optional<std::int64_t> shopId,
                    bool on) {
    db::FanRepository fans(services.db);
    if (!shopId) {
        fans.setAllMessages(me, on);
        return;
    }
    if (!fans.isFan(me, *shopId)) throw ApiError(ErrorCode::NotFound, "你不是这家商店的粉丝");
    fans.setMessages(me, *shopId, on);
}

}  // namespace mmx::services
