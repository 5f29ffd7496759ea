// mmx-demo-data: loads the demo data set a newcomer can use, idempotently, into the
// database of the environment (scripts/demo-data runs it against a stack):
//   the launch cities, a two-level category tree with pictures, shops around Shenzhen
//   and Guangzhou at real-looking coordinates (ids 1..N: a second run adds only the
//   missing ones), goods with prices, pictures and `basic` attributes, and activities
//   valid around today (China dates).
// Pictures are solid-colour PNGs made here with libvips, under MMX_UPLOAD_DIR/shop/.
//
//   mmx-demo-data [--shops N]      (default 300; the bench loads 10000 and 100000)
//
// Every statement is prepared; the shops go in 1000 at a time as JSON_TABLE rows.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <vips/vips.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "core/china_time.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/shop_search_keys.hpp"
#include "db/connection.hpp"

namespace {

using mmx::db::Connection;

constexpr std::string_view kAddCity = "INSERT IGNORE INTO city (name, sort) VALUES (?, ?)";
constexpr std::string_view kCityId = "SELECT id FROM city WHERE name = ?";
constexpr std::string_view kAddTopCategory =
    "INSERT INTO shop_category (parent_id, name, pic, sort)"
    " SELECT NULL, ?, ?, ? FROM DUAL WHERE NOT EXISTS"
    " (SELECT 1 FROM shop_category WHERE parent_id IS NULL AND name = ?)";
constexpr std::string_view kTopCategoryId =
    "SELECT id FROM shop_category WHERE parent_id IS NULL AND name = ?";
constexpr std::string_view kAddChildCategory =
    "INSERT IGNORE INTO shop_category (parent_id, name, pic, sort) VALUES (?, ?, ?, ?)";
constexpr std::string_view kChildCategoryId =
    "SELECT id FROM shop_category WHERE parent_id = ? AND name = ?";
constexpr std::string_view kAddShops =
    "INSERT IGNORE INTO shop (id, city_id, category_id, name, pics, address, location, hours,"
    " phone, intro, fans, recommend_rank, recommend_word, created_at)"
    " SELECT j.id, j.city, j.category, j.name, j.pics, j.address, POINT(j.lon, j.lat), j.hours,"
    " j.phone, j.intro, j.fans, j.rank_, j.word, ? FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    " id BIGINT PATH '$.id', city INT PATH '$.city', category INT PATH '$.category',"
    " name VARCHAR(64) PATH '$.name', pics TEXT PATH '$.pics', address VARCHAR(255) PATH "
    "'$.address',"
    " lon DOUBLE PATH '$.lon', lat DOUBLE PATH '$.lat', hours VARCHAR(64) PATH '$.hours',"
    " phone VARCHAR(32) PATH '$.phone', intro TEXT PATH '$.intro', fans INT PATH '$.fans',"
    " rank_ INT PATH '$.rank', word VARCHAR(64) PATH '$.word')) AS j";
constexpr std::string_view kAddNameKeys =
    "INSERT IGNORE INTO shop_name_key (city_id, name_key, shop_id)"
    " SELECT j.city, j.name_key, j.shop FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    " city INT PATH '$[0]', name_key VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
    " PATH '$[1]', shop BIGINT PATH '$[2]')) AS j";
constexpr std::string_view kHasGoods = "SELECT 1 FROM goods WHERE shop_id = ? LIMIT 1";
constexpr std::string_view kAddGoods =
    "INSERT INTO goods (shop_id, barcode, desp, price, promot, pics, basic, status, published_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)";
constexpr std::string_view kHasActivity = "SELECT 1 FROM activity WHERE shop_id = ? LIMIT 1";
constexpr std::string_view kAddActivity =
    "INSERT INTO activity (shop_id, city_id, title, content, begin_date, end_date)"
    " VALUES (?, ?, ?, ?, ?, ?)";

struct Place {
    const char* city;
    double lon, lat;
    std::vector<const char*> districts;
};
const std::vector<Place> kPlaces = {
    {"深圳", 114.0579, 22.5431, {"福田", "南山", "罗湖", "宝安", "龙华"}},
    {"广州", 113.3245, 23.1291, {"天河", "越秀", "海珠", "番禺", "白云"}},
};
const std::vector<const char*> kOtherCities = {"北京", "上海", "杭州"};

struct TopCategory {
    const char* name;
    std::vector<const char*> children;
};
const std::vector<TopCategory> kCategories = {
    {"美食", {"咖啡", "奶茶", "火锅", "快餐"}},
    {"服饰", {"女装", "男装", "童装", "鞋包"}},
    {"生活", {"便利店", "超市", "药店", "花店"}},
};
const std::vector<const char*> kBrands = {"星巴克", "瑞幸",     "喜茶",   "海底捞", "麦当劳",
                                          "优衣库", "无印良品", "屈臣氏", "全家",   "永辉",
                                          "老百姓", "花点时间", "太平鸟", "安踏",   "奈雪"};

std::string picturePath(const mmx::Config& config, int colour) {
    return config.uploadDir + "/shop/demo_" + std::to_string(colour) + ".png";
}

std::string pictureUrl(const mmx::Config& config, int colour) {
    return config.publicBaseUrl + "/upload/shop/demo_" + std::to_string(colour) + ".png";
}

constexpr int kColours = 12;

// Solid-colour 240x240 PNGs, made once.
void makePictures(const mmx::Config& config) {
    std::filesystem::create_directories(config.uploadDir + "/shop");
    for (int colour = 0; colour < kColours; ++colour) {
        const std::string path = picturePath(config, colour);
        if (std::filesystem::exists(path)) continue;
        constexpr int kSide = 240;
        std::vector<unsigned char> pixels(kSide * kSide * 3);
        for (std::size_t i = 0; i < pixels.size(); i += 3) {
            pixels[i] = static_cast<unsigned char>(60 + colour * 16);
            pixels[i + 1] = static_cast<unsigned char>(200 - colour * 12);
            pixels[i + 2] = static_cast<unsigned char>((colour * 97) % 256);
        }
        VipsImage* image = vips_image_new_from_memory(pixels.data(), pixels.size(), kSide, kSide, 3,
                                                      VIPS_FORMAT_UCHAR);
        if (image == nullptr || vips_pngsave(image, path.c_str(), nullptr) != 0) {
            throw std::runtime_error("cannot write " + path);
        }
        g_object_unref(image);
    }
}

std::string jsonText(const rapidjson::StringBuffer& buffer) {
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::string picsJson(const mmx::Config& config, std::mt19937& random, int count) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartArray();
    for (int i = 0; i < count; ++i) writer.String(pictureUrl(config, random() % kColours));
    writer.EndArray();
    return jsonText(buffer);
}

struct Ids {
    std::vector<std::int64_t> cities;      // per kPlaces
    std::vector<std::int64_t> categories;  // children
};

Ids loadCitiesAndCategories(Connection& db, const mmx::Config& config) {
    Ids ids;
    int sort = 0;
    for (const auto& place : kPlaces) {
        db.execute(kAddCity, {std::string_view(place.city), std::int64_t{sort++}});
        ids.cities.push_back(db.queryOne(kCityId, {std::string_view(place.city)})->i64(0));
    }
    for (const char* city : kOtherCities) {
        db.execute(kAddCity, {std::string_view(city), std::int64_t{sort++}});
    }
    int colour = 0;
    for (const auto& top : kCategories) {
        const std::string pic = pictureUrl(config, colour++ % kColours);
        const std::string_view name(top.name);
        db.execute(kAddTopCategory, {name, std::string_view(pic), std::int64_t{colour}, name});
        const std::int64_t parent = db.queryOne(kTopCategoryId, {name})->i64(0);
        for (const char* child : top.children) {
            const std::string childPic = pictureUrl(config, colour++ % kColours);
            db.execute(kAddChildCategory, {parent, std::string_view(child),
                                           std::string_view(childPic), std::int64_t{colour}});
            ids.categories.push_back(
                db.queryOne(kChildCategoryId, {parent, std::string_view(child)})->i64(0));
        }
    }
    return ids;
}

// Shops [from, to), 1000 to a statement, their name keys beside them.
void loadShops(Connection& db, const mmx::Config& config, const Ids& ids, std::int64_t from,
               std::int64_t to) {
    constexpr std::int64_t kBatch = 1000;
    for (std::int64_t start = from; start < to; start += kBatch) {
        rapidjson::StringBuffer shops, keys;
        rapidjson::Writer<rapidjson::StringBuffer> shopWriter(shops), keyWriter(keys);
        shopWriter.StartArray();
        keyWriter.StartArray();
        for (std::int64_t id = start; id < std::min(to, start + kBatch); ++id) {
            std::mt19937 random(static_cast<unsigned>(id));
            const std::size_t placeIndex = id % kPlaces.size();
            const Place& place = kPlaces[placeIndex];
            std::normal_distribution<double> spread(0.0, 0.08);  // about 8 km
            const char* district = place.districts[random() % place.districts.size()];
            const std::string name = std::string(kBrands[random() % kBrands.size()]) + "(" +
                                     district + std::to_string(id) + "店)";
            const std::int64_t category = ids.categories[random() % ids.categories.size()];
            shopWriter.StartObject();
            shopWriter.Key("id");
            shopWriter.Int64(id);
            shopWriter.Key("city");
            shopWriter.Int64(ids.cities[placeIndex]);
            shopWriter.Key("category");
            shopWriter.Int64(category);
            shopWriter.Key("name");
            shopWriter.String(name);
            shopWriter.Key("pics");
            shopWriter.String(picsJson(config, random, 3));
            shopWriter.Key("address");
            shopWriter.String(std::string(place.city) + district + "区" +
                              std::to_string(1 + random() % 300) + "号");
            shopWriter.Key("lon");
            shopWriter.Double(place.lon + spread(random));
            shopWriter.Key("lat");
            shopWriter.Double(place.lat + spread(random));
            shopWriter.Key("hours");
            shopWriter.String("10:00-22:00");
            shopWriter.Key("phone");
            shopWriter.String("0755-" + std::to_string(80000000 + id % 10000000));
            shopWriter.Key("intro");
            shopWriter.String(name + "，欢迎光临。");
            shopWriter.Key("fans");
            shopWriter.Int64(random() % 5000);
            shopWriter.Key("rank");
            if (id <= 10) {
                shopWriter.Int64(id);
            } else {
                shopWriter.Null();
            }
            shopWriter.Key("word");
            shopWriter.String(id <= 10 ? "人气推荐" : "");
            shopWriter.EndObject();
            for (const auto& key : mmx::shopNameKeys(name)) {
                keyWriter.StartArray();
                keyWriter.Int64(ids.cities[placeIndex]);
                keyWriter.String(key);
                keyWriter.Int64(id);
                keyWriter.EndArray();
            }
        }
        shopWriter.EndArray();
        keyWriter.EndArray();
        const std::string shopJson = jsonText(shops), keyJson = jsonText(keys);
        mmx::db::withTransaction(db, [&](mmx::db::Transaction& transaction) {
            db.execute(kAddShops, {mmx::nowMs(), std::string_view(shopJson)});
            db.execute(kAddNameKeys, {std::string_view(keyJson)});
            transaction.commit();
        });
        std::cerr << "\r  shops " << std::min(to, start + kBatch) - 1 << " / " << to - 1
                  << std::flush;
    }
    std::cerr << "\n";
}

// Goods and an activity for the demo shops (the first 300), once each.
void loadGoodsAndActivities(Connection& db, const mmx::Config& config, const Ids& ids,
                            std::int64_t shops) {
    const std::int64_t now = mmx::nowMs();
    const std::string yesterday = mmx::chinaDate(now - mmx::kDayMs);
    const std::string nextWeek = mmx::chinaDate(now + 7 * mmx::kDayMs);
    for (std::int64_t shop = 1; shop <= std::min<std::int64_t>(shops, 300); ++shop) {
        std::mt19937 random(static_cast<unsigned>(shop * 7919));
        mmx::db::withTransaction(db, [&](mmx::db::Transaction& transaction) {
            if (!db.queryOne(kHasGoods, {shop})) {
                for (int i = 0; i < 6; ++i) {
                    const std::int64_t price = 990 + static_cast<std::int64_t>(random() % 50000);
                    const std::string barcode = "69" + std::to_string(100000000 + shop * 10 + i);
                    const std::string desp =
                        "商品" + std::to_string(shop) + "-" + std::to_string(i);
                    const std::string pics = picsJson(config, random, 2);
                    const std::string basic =
                        R"([{"key":"款式","value":"宽松"},{"key":"产地","value":"广东"}])";
                    const mmx::db::Param promot =
                        i % 2 == 0 ? mmx::db::Param(price * 8 / 10) : mmx::db::Param(nullptr);
                    db.execute(kAddGoods,
                               {shop, std::string_view(barcode), std::string_view(desp), price,
                                promot, std::string_view(pics), std::string_view(basic),
                                now - static_cast<std::int64_t>(i) * 3 * mmx::kDayMs});
                }
            }
            if (!db.queryOne(kHasActivity, {shop})) {
                db.execute(kAddActivity,
                           {shop, ids.cities[shop % kPlaces.size()], std::string_view("满100减20"),
                            std::string_view("本周全场满100元减20元"), std::string_view(yesterday),
                            std::string_view(nextWeek)});
            }
            transaction.commit();
        });
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::int64_t shops = 300;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--shops" && i + 1 < argc) {
            shops = std::strtoll(argv[++i], nullptr, 10);
        } else {
            std::cerr << "usage: mmx-demo-data [--shops N]\n";
            return 2;
        }
    }
    if (shops < 0 || shops > 10'000'000) {
        std::cerr << "--shops: 0 to 10000000\n";
        return 2;
    }
    try {
        if (VIPS_INIT(argv[0]) != 0) throw std::runtime_error("cannot start libvips");
        const mmx::Config config = mmx::loadConfigFromEnvironment();
        Connection db(config);
        makePictures(config);
        const Ids ids = loadCitiesAndCategories(db, config);
        loadShops(db, config, ids, 1, shops + 1);
        loadGoodsAndActivities(db, config, ids, shops);
        std::cerr << "demo data: " << shops << " shops in " << kPlaces.size() << " cities\n";
    } catch (const std::exception& error) {
        std::cerr << "mmx-demo-data: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
