// Shops, goods and activities, for site staff: written into the tables the app's shop
// routes read, under the parameter names those routes use (sid, gid, actID, city,
// category, long, lat, picList, desp, promot, bt, et).
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <cstdlib>

#include "core/api_error.hpp"
#include "core/geo.hpp"
#include "core/text.hpp"
#include "handlers/manager.hpp"
#include "handlers/manager_common.hpp"
#include "handlers/params.hpp"
#include "services/manager_catalog.hpp"

namespace mmx::manager {
namespace {

constexpr Names kShopNames{"sid", "id"};
constexpr Names kGoodsNames{"gid", "id"};
constexpr Names kActivityNames{"actID", "id"};
constexpr std::size_t kMaxPictures = 9;
constexpr std::int64_t kMaxFen = 100'000'000'00;  // a hundred million yuan
constexpr std::size_t kMaxBasicItems = 30;

std::optional<double> optionalDegrees(const Request& request, std::string_view name, double limit) {
    const auto raw = request.param(name);
    if (!raw) return std::nullopt;
    const std::string text(trim(*raw));
    char* end = nullptr;
    const double value = text.empty() || text.size() > 32 ? NAN : std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value) ||
        std::fabs(value) > limit) {
        throwBadParam("参数 " + std::string(name) + " 必须是-" + std::to_string(int(limit)) + "到" +
                      std::to_string(int(limit)) + "之间的度数");
    }
    return value;
}

// `long` and `lat` together: both or neither.
void readPlace(const Request& request, db::ShopFields& fields, bool required) {
    fields.longitude = optionalDegrees(request, "long", 180);
    fields.latitude = optionalDegrees(request, "lat", 90);
    if (fields.longitude.has_value() != fields.latitude.has_value() ||
        (required && !fields.longitude)) {
        throwBadParam(std::string(fields.longitude ? "缺少参数 lat" : "缺少参数 long") +
                      " （long 和 lat 必须一起传）");
    }
}

// Pictures sent as repeated `picList` (one empty value clears them): each a stored catalog
// picture. nullopt when the parameter is absent.
std::optional<std::string> optionalPictures(const Services& services, const Request& request) {
    if (!request.param("picList")) return std::nullopt;
    std::vector<std::string> urls;
    for (auto& url : request.paramList("picList")) {
        const std::string_view trimmed = trim(url);
        if (!trimmed.empty()) urls.emplace_back(trimmed);
    }
    if (urls.size() > kMaxPictures) throwBadParam("参数 picList 最多9张图片");
    return services::requireCatalogPictures(services, urls, "picList");
}

db::ShopFields readShop(const Services& services, const Request& request, bool adding) {
    db::ShopFields f;
    if (adding || request.param("name")) f.name = requireText(request, "name", 1, 64);
    f.cityId = adding ? requireId(request, "city") : optionalId(request, "city");
    f.categoryId = adding ? requireId(request, "category") : optionalId(request, "category");
    readPlace(request, f, adding);
    f.address = optionalText(request, "address", 255);
    f.hours = optionalText(request, "hours", 64);
    f.phone = optionalText(request, "phone", 32);
    f.intro = optionalText(request, "intro", 2000);
    f.recommendWord = optionalText(request, "recommendWord", 64);
    if (const auto rank = request.param("recommendRank"); rank && trim(*rank).empty()) {
        f.clearRecommendRank = true;
    } else {
        f.recommendRank = optionalInt(request, "recommendRank", 1, 1000000);
    }
    f.pics = optionalPictures(services, request);
    return f;
}

// `basic`: a JSON array of {"key": text, "value": text}.
std::optional<std::string> optionalBasic(const Request& request) {
    const auto raw = request.param("basic");
    if (!raw) return std::nullopt;
    rapidjson::Document parsed;
    parsed.Parse<rapidjson::kParseIterativeFlag>(raw->data(), raw->size());
    const auto bad = [] {
        throwBadParam("参数 basic 必须是 [{\"key\":\"…\",\"value\":\"…\"}] 形式的JSON数组");
    };
    if (parsed.HasParseError() || !parsed.IsArray()) bad();
    if (parsed.Size() > kMaxBasicItems) throwBadParam("参数 basic 最多30项");
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartArray();
    for (const auto& item : parsed.GetArray()) {
        if (!item.IsObject() || !item.HasMember("key") || !item.HasMember("value") ||
            !item["key"].IsString() || !item["value"].IsString()) {
            bad();
        }
        const std::string_view key(item["key"].GetString(), item["key"].GetStringLength());
        const std::string_view value(item["value"].GetString(), item["value"].GetStringLength());
        if (textProblem(key, 1, 32) || textProblem(value, 0, 255)) {
            throwBadParam("参数 basic 的 key 须为1到32个字符、value 至多255个字符的可显示文本");
        }
        writer.StartObject();
        writer.Key("key");
        writer.String(key.data(), static_cast<rapidjson::SizeType>(key.size()));
        writer.Key("value");
        writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
        writer.EndObject();
    }
    writer.EndArray();
    return std::string(buffer.GetString(), buffer.GetSize());
}

db::GoodsFields readGoods(const Services& services, const Request& request, bool adding) {
    db::GoodsFields f;
    f.desp = optionalText(request, "desp", 255);
    f.price = optionalInt(request, "price", 0, kMaxFen);
    if (adding && !f.price) throwBadParam("缺少参数 price");
    if (const auto promot = request.param("promot"); promot && trim(*promot).empty()) {
        f.clearPromot = true;
    } else {
        f.promot = optionalInt(request, "promot", 0, kMaxFen);
    }
    f.status = optionalInt(request, "status", 0, 2);
    if (const auto barcode = optionalText(request, "barcode", 32)) {
        if (barcode->empty()) {
            f.clearBarcode = true;
        } else if (barcode->find_first_not_of(
                       "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-") !=
                   std::string::npos) {
            throwBadParam("参数 barcode 只能含字母、数字和-");
        } else {
            f.barcode = barcode;
        }
    }
    f.basic = optionalBasic(request);
    f.pics = optionalPictures(services, request);
    return f;
}

bool isCalendarDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    const int year = std::atoi(std::string(text.substr(0, 4)).c_str());
    const int month = std::atoi(std::string(text.substr(5, 2)).c_str());
    const int day = std::atoi(std::string(text.substr(8, 2)).c_str());
    constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 2000 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
    const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    return day <= (month == 2 && !leap ? 28 : kDays[month - 1]);
}

std::optional<std::string> optionalDate(const Request& request, std::string_view name,
                                        bool required) {
    const auto raw = request.param(name);
    if (!raw) {
        if (required) throwBadParam("缺少参数 " + std::string(name));
        return std::nullopt;
    }
    const std::string_view text = trim(*raw);
    if (!isCalendarDate(text))
        throwBadParam("参数 " + std::string(name) + " 必须是 YYYY-MM-DD 日期");
    return std::string(text);
}

db::ActivityFields readActivity(const Request& request, bool adding) {
    db::ActivityFields f;
    if (adding || request.param("title")) f.title = requireText(request, "title", 1, 64);
    if (adding || request.param("content")) f.content = requireText(request, "content", 1, 2000);
    f.beginDate = optionalDate(request, "bt", adding);
    f.endDate = optionalDate(request, "et", adding);
    return f;
}

Response deleted(const char* info, std::string_view key, std::int64_t id) {
    Response response(info);
    response.data().set(key, id);
    return response;
}

}  // namespace

Response shopList(Services& services, const Request& request) {
    services::requireStaff(services, request.actor().userId, ManagerAction::ViewCatalog);
    services::ShopQuery query;
    query.cityId = optionalId(request, "city");
    query.categoryId = optionalId(request, "category");
    query.name = optionalText(request, "name", 64);
    if (query.name && query.name->empty()) query.name.reset();
    const Page page = readPage(request, kManagerPage);
    return pageAnswer("获取商店列表成功", "shopList",
                      services::listShops(services, query, page.offset, page.count));
}

Response shopInfo(Services& services, const Request& request) {
    services::requireStaff(services, request.actor().userId, ManagerAction::ViewCatalog);
    return objectAnswer("获取商店成功", "shop",
                        services::shopInfo(services, requireId(request, kShopNames)));
}

Response shopAdd(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::EditShops);
    const db::ShopFields fields = readShop(services, request, true);
    return objectAnswer("已添加商店", "shop", services::addShop(services, staff, fields));
}

Response shopUpdate(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::EditShops);
    const std::int64_t shopId = requireId(request, kShopNames);
    const db::ShopFields fields = readShop(services, request, false);
    return objectAnswer("已修改商店", "shop",
                        services::updateShop(services, staff, shopId, fields));
}

Response shopDelete(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::EditShops);
    const std::int64_t shopId = requireId(request, kShopNames);
    const bool cascade = optionalInt(request, "cascade", 0, 1).value_or(0) == 1;
    services::deleteShop(services, staff, shopId, cascade);
    return deleted("已删除商店", "sid", shopId);
}

Response goodsList(Services& services, const Request& request) {
    services::requireStaff(services, request.actor().userId, ManagerAction::ViewCatalog);
    const std::int64_t shopId = requireId(request, "sid");
    const Page page = readPage(request, kManagerPage);
    return pageAnswer("获取商品列表成功", "goodsList",
                      services::listGoods(services, shopId, page.offset, page.count));
}

Response goodsInfo(Services& services, const Request& request) {
    services::requireStaff(services, request.actor().userId, ManagerAction::ViewCatalog);
    return objectAnswer("获取商品成功", "goods",
                        services::goodsInfo(services, requireId(request, kGoodsNames)));
}

Response goodsAdd(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::EditShops);
    const std::int64_t shopId = requireId(request, "sid");
    const db::GoodsFields fields = readGoods(services, request, true);
    return objectAnswer("已添加商品", "goods", services::addGoods(services, staff, shopId, fields));
}

Response goodsUpdate(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::EditShops);
    const std::int64_t goodsId = requireId(request, kGoodsNames);
    const db::GoodsFields fields = readGoods(services, request, false);
    return objectAnswer("已修改商品", "goods",
                        services::updateGoods(services, staff, goodsId, fields));
}

Response goodsDelete(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::EditShops);
    const std::int64_t goodsId = requireId(request, kGoodsNames);
    services::deleteGoods(services, staff, goodsId);
    return deleted("已删除商品", "gid", goodsId);
}

Response activityList(Services& services, const Request& request) {
    services::requireStaff(services, request.actor().userId, ManagerAction::ViewCatalog);
    services::ActivityQuery query;
    query.shopId = optionalId(request, "sid");
    query.cityId = optionalId(request, "city");
    const Page page = readPage(request, kManagerPage);
    return pageAnswer("获取活动列表成功", "activityList",
                      services::listActivities(services, query, page.offset, page.count));
}

Response activityAdd(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::EditShops);
    const std::int64_t shopId = requireId(request, "sid");
    const db::ActivityFields fields = readActivity(request, true);
    return objectAnswer("已添加活动", "activity",
                        services::addActivity(services, staff, shopId, fields));
}

Response activityUpdate(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::EditShops);
    const std::int64_t activityId = requireId(request, kActivityNames);
    const db::ActivityFields fields = readActivity(request, false);
    return objectAnswer("已修改活动", "activity",
                        services::updateActivity(services, staff, activityId, fields));
}

Response activityDelete(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::EditShops);
    const std::int64_t activityId = requireId(request, kActivityNames);
    services::deleteActivity(services, staff, activityId);
    return deleted("已删除活动", "actID", activityId);
}

}  // namespace mmx::manager
