#include "services/shop_json.hpp"

#include <rapidjson/document.h>

#include <cstdlib>
#include <string>

#include "core/clock.hpp"
#include "core/geo.hpp"
#include "core/goods_rules.hpp"
#include "core/money.hpp"

namespace mmx::shop {
namespace {

void setDecimal(JsonObject& object, std::string_view key, const std::string& decimal) {
    if (decimal.find('.') == std::string::npos) {
        object.set(key, static_cast<std::int64_t>(std::strtoll(decimal.c_str(), nullptr, 10)));
    } else {
        object.set(key, std::strtod(decimal.c_str(), nullptr));
    }
}

rapidjson::Document parseArray(std::string_view json) {
    rapidjson::Document document;
    document.Parse(json.data(), json.size());
    if (document.HasParseError() || !document.IsArray()) document.SetArray();
    return document;
}

}  // namespace

void setYuan(JsonObject& object, std::string_view key, std::int64_t fen) {
    setDecimal(object, key, yuanText(fen));
}

void setKilometres(JsonObject& object, std::string_view key, std::int64_t meters) {
    setDecimal(object, key, kilometresText(meters));
}

void setPictures(JsonObject& object, std::string_view key, std::string_view picsJson) {
    JsonArray array = object.array(key);
    const rapidjson::Document pics = parseArray(picsJson);
    for (const auto& pic : pics.GetArray()) {
        if (pic.IsString()) array.add(std::string_view(pic.GetString(), pic.GetStringLength()));
    }
}

std::string firstPicture(std::string_view picsJson) {
    const rapidjson::Document pics = parseArray(picsJson);
    for (const auto& pic : pics.GetArray()) {
        if (pic.IsString()) return std::string(pic.GetString(), pic.GetStringLength());
    }
    return {};
}

void setPromot(JsonObject& object, std::string_view key, const std::optional<std::int64_t>& fen) {
    if (fen) {
        setYuan(object, key, *fen);
    } else {
        object.setNull(key);
    }
}

void writeShopInfo(JsonObject object, const db::ShopInfo& shop) {
    object.set("id", shop.card.id)
        .set("name", shop.card.name)
        .set("fans", shop.card.fans)
        .set("customers", shop.card.customers)
        .set("isFans", shop.isFan);
    setPictures(object, "picList", shop.card.pics);
    object.set("address", shop.address)
        .set("long", shop.longitude)
        .set("lat", shop.latitude)
        .set("hours", shop.hours)
        .set("phone", shop.phone)
        .set("intro", shop.intro);
}

void writeShopActivity(JsonObject object, const db::Activity& activity) {
    object.set("id", activity.id)
        .set("title", activity.title)
        .set("content", activity.content)
        .set("bt", activity.beginDate)
        .set("et", activity.endDate);
}

void writeShopCard(JsonObject object, const db::ShopCard& card) {
    object.set("id", card.id).set("name", card.name);
    setPictures(object, "picList", card.pics);
    if (card.meters) setKilometres(object, "distance", *card.meters);
    object.set("fans", card.fans).set("customers", card.customers);
}

void writeGoodsCard(JsonObject object, const db::Goods& goods, std::int64_t now) {
    object.set("id", goods.id);
    setYuan(object, "price", goods.price);
    setPromot(object, "promot", goods.promot);
    object.set("pic", firstPicture(goods.pics))
        .set("time", goods.publishedAt)
        .set("isNew", now - goods.publishedAt <= kGoodsNewForMs);
}

void writeGoodsDetail(JsonObject object, const db::Goods& goods) {
    object.set("id", goods.id).set("shop_id", goods.shopId).set("desp", goods.desp);
    setYuan(object, "price", goods.price);
    setPromot(object, "promot", goods.promot);
    setPictures(object, "picList", goods.pics);
    JsonArray basic = object.array("basic");
    const rapidjson::Document items = parseArray(goods.basic);
    for (const auto& item : items.GetArray()) {
        if (!item.IsObject() || !item.HasMember("key") || !item.HasMember("value") ||
            !item["key"].IsString() || !item["value"].IsString()) {
            continue;
        }
        basic.addObject()
            .set("key", std::string_view(item["key"].GetString(), item["key"].GetStringLength()))
            .set("value",
                 std::string_view(item["value"].GetString(), item["value"].GetStringLength()));
    }
    object.set("status", goods.status);
}

void writeCityActivity(JsonObject object, const db::Activity& activity) {
    object.set("actID", activity.id)
        .set("title", activity.title)
        .set("content", activity.content)
        .set("bt", activity.beginDate)
        .set("et", activity.endDate)
        .set("shopID", activity.shopId)
        .set("shopName", activity.shopName)
        .set("shopPic", activity.shopPic);
}

}  // namespace mmx::shop
