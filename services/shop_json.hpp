#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "db/activity_repository.hpp"
#include "db/goods_repository.hpp"
#include "db/shop_repository.hpp"
#include "fcgi/response.hpp"

// The JSON shapes of shops, goods and activities: the house's shop routes and the user-API
// phone's dialect answer the same fields from the same rows.
namespace mmx::shop {

// Yuan from fen as a JSON number the way the app shows it (12.8, 99): whole yuan as an
// integer, otherwise the double nearest the exact decimal, which RapidJSON writes back
// as that decimal (tests/unit/shop_format_test.cpp checks every amount to a million yuan).
void setYuan(JsonObject& object, std::string_view key, std::int64_t fen);
// Kilometres from metres, at most two decimals, written the same way.
void setKilometres(JsonObject& object, std::string_view key, std::int64_t meters);
// A stored JSON array of picture URLs as an array of strings (nothing else is copied).
void setPictures(JsonObject& object, std::string_view key, std::string_view picsJson);
// The first picture of a stored array, "" when there is none.
std::string firstPicture(std::string_view picsJson);

// A promotion price in yuan, or null when there is none.
void setPromot(JsonObject& object, std::string_view key, const std::optional<std::int64_t>& fen);

void writeShopCard(JsonObject object, const db::ShopCard& card);
void writeShopInfo(JsonObject object, const db::ShopInfo& shop);
void writeShopActivity(JsonObject object, const db::Activity& activity);
void writeGoodsCard(JsonObject object, const db::Goods& goods, std::int64_t now);
void writeGoodsDetail(JsonObject object, const db::Goods& goods);
void writeCityActivity(JsonObject object, const db::Activity& activity);

}  // namespace mmx::shop
