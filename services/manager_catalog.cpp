#include "services/manager_catalog.hpp"

#include <filesystem>

#include "adapters/file_store.hpp"
#include "core/api_error.hpp"
#include "core/chat_rules.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/shop_search_keys.hpp"
#include "db/json_ids.hpp"
#include "db/upload_repository.hpp"
#include "services/images.hpp"

namespace mmx::services {
namespace {

constexpr std::int64_t kPictureMaxBytes = 3 * 1024 * 1024;

[[noreturn]] void notFound(const char* what) {
    throw ApiError(ErrorCode::NotFound, std::string(what) + "不存在");
}

[[noreturn]] void stillInUse(std::string info) {
    throw ApiError(ErrorCode::Conflict, std::move(info));
}

std::filesystem::path catalogDirectory(const Services& services) {
    return std::filesystem::path(services.config.uploadDir) / "shop";
}

// A stored catalog picture's path under the shop folder, from its public URL.
std::optional<std::string> catalogPicturePath(const Services& services, std::string_view url) {
    const std::string prefix = services.config.publicBaseUrl + "/upload/shop/";
    if (url.substr(0, prefix.size()) != prefix) return std::nullopt;
    const std::string_view path = url.substr(prefix.size());
    if (path.empty() || path.size() > 120 || path.find("..") != std::string_view::npos ||
        path.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_./") !=
            std::string_view::npos) {
        return std::nullopt;
    }
    return std::string(path);
}

void requireCity(db::CatalogRepository& catalog, std::int64_t cityId) {
    if (!catalog.lockCity(cityId)) throwBadParam("参数 city 不是已有的城市");
}

void requireCategory(db::CatalogRepository& catalog, std::int64_t categoryId) {
    if (!catalog.lockCategory(categoryId)) throwBadParam("参数 category 不是已有的分类");
}

void checkDates(const std::string& begin, const std::string& end) {
    if (end < begin) throwBadParam("参数 et 不能早于 bt");
}

}  // namespace

// ---- cities

db::JsonPage listCities(Services& services, std::int64_t offset, std::int64_t count) {
    return db::CatalogRepository(services.db).cities(offset, count);
}

std::string addCity(Services& services, const Staff& staff, const std::string& name,
                    std::int64_t sort) {
    try {
        return db::withTransaction(services.db, [&](db::Transaction& transaction) {
            db::CatalogRepository catalog(services.db);
            const std::int64_t id = catalog.addCity(name, sort);
            std::string after = *catalog.lockCity(id);
            audit(services, staff, "city.add", "city", id, std::nullopt, after);
            transaction.commit();
            return after;
        });
    } catch (const db::DuplicateKey&) {
        throw ApiError(ErrorCode::Conflict, "城市名已存在").with("field", std::string("name"));
    }
}

std::string updateCity(Services& services, const Staff& staff, std::int64_t cityId,
                       const db::CityFields& fields) {
    try {
        return db::withTransaction(services.db, [&](db::Transaction& transaction) {
            db::CatalogRepository catalog(services.db);
            auto before = catalog.lockCity(cityId);
            if (!before) notFound("城市");
            catalog.updateCity(cityId, fields);
            std::string after = *catalog.lockCity(cityId);
            audit(services, staff, "city.update", "city", cityId, std::move(before), after);
            transaction.commit();
            return after;
        });
    } catch (const db::DuplicateKey&) {
        throw ApiError(ErrorCode::Conflict, "城市名已存在").with("field", std::string("name"));
    }
}

void deleteCity(Services& services, const Staff& staff, std::int64_t cityId) {
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::CatalogRepository catalog(services.db);
        auto before = catalog.lockCity(cityId);
        if (!before) notFound("城市");
        if (const std::int64_t shops = catalog.shopsInCity(cityId); shops > 0) {
            throw ApiError(ErrorCode::Conflict,
                           "城市里还有" + std::to_string(shops) + "家商店，不能删除")
                .with("shops", shops);
        }
        catalog.deleteCity(cityId);
        audit(services, staff, "city.delete", "city", cityId, std::move(before), std::nullopt);
        transaction.commit();
    });
}

// ---- categories

db::JsonPage listCategories(Services& services, std::optional<std::int64_t> parentId,
                            std::int64_t offset, std::int64_t count) {
    return db::CatalogRepository(services.db).categories(parentId, offset, count);
}

std::string addCategory(Services& services, const Staff& staff,
                        std::optional<std::int64_t> parentId, const std::string& name,
                        const std::string& pic, std::int64_t sort) {
    try {
        return db::withTransaction(services.db, [&](db::Transaction& transaction) {
            db::CatalogRepository catalog(services.db);
            if (parentId) {
                const auto parent = catalog.lockCategory(*parentId);
                if (!parent) throwBadParam("参数 parentId 不是已有的分类");
                if (parent->parentId) throwBadParam("参数 parentId 必须是一级分类（分类只有两级）");
            }
            const std::int64_t id = catalog.addCategory(parentId, name, pic, sort);
            std::string after = catalog.lockCategory(id)->json;
            audit(services, staff, "category.add", "category", id, std::nullopt, after);
            transaction.commit();
            return after;
        });
    } catch (const db::DuplicateKey&) {
        throw ApiError(ErrorCode::Conflict, "同级已有这个分类名")
            .with("field", std::string("name"));
    }
}

std::string updateCategory(Services& services, const Staff& staff, std::int64_t categoryId,
                           const db::CategoryFields& fields) {
    try {
        return db::withTransaction(services.db, [&](db::Transaction& transaction) {
            db::CatalogRepository catalog(services.db);
            auto before = catalog.lockCategory(categoryId);
            if (!before) notFound("分类");
            catalog.updateCategory(categoryId, fields);
            std::string after = catalog.lockCategory(categoryId)->json;
            audit(services, staff, "category.update", "category", categoryId, before->json, after);
            transaction.commit();
            return after;
        });
    } catch (const db::DuplicateKey&) {
        throw ApiError(ErrorCode::Conflict, "同级已有这个分类名")
            .with("field", std::string("name"));
    }
}

void deleteCategory(Services& services, const Staff& staff, std::int64_t categoryId) {
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::CatalogRepository catalog(services.db);
        auto before = catalog.lockCategory(categoryId);
        if (!before) notFound("分类");
        if (const std::int64_t using_ = catalog.categoryDependents(categoryId); using_ > 0) {
            stillInUse("分类下还有子分类或商店，不能删除");
        }
        catalog.deleteCategory(categoryId);
        audit(services, staff, "category.delete", "category", categoryId, before->json,
              std::nullopt);
        transaction.commit();
    });
}

// ---- shops

db::JsonPage listShops(Services& services, const db::CatalogRepository::ShopQuery& query,
                       std::int64_t offset, std::int64_t count) {
    return db::CatalogRepository(services.db).shops(query, offset, count);
}

std::string shopInfo(Services& services, std::int64_t shopId) {
    auto json = db::CatalogRepository(services.db).shopJson(shopId);
    if (!json) notFound("商店");
    return std::move(*json);
}

std::string addShop(Services& services, const Staff& staff, const db::ShopFields& fields) {
    // The name keys are made before the transaction: nothing slow holds a lock.
    const auto keys = shopNameKeys(*fields.name);
    return db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::CatalogRepository catalog(services.db);
        requireCity(catalog, *fields.cityId);
        requireCategory(catalog, *fields.categoryId);
        const std::int64_t id = catalog.addShop(fields, nowMs());
        catalog.replaceNameKeys(id, *fields.cityId, keys);
        std::string after = catalog.lockShop(id)->json;
        audit(services, staff, "shop.add", "shop", id, std::nullopt, after);
        transaction.commit();
        return after;
    });
}

std::string updateShop(Services& services, const Staff& staff, std::int64_t shopId,
                       const db::ShopFields& fields) {
    const std::optional<std::vector<std::string>> keys =
        fields.name ? std::optional(shopNameKeys(*fields.name)) : std::nullopt;
    return db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::CatalogRepository catalog(services.db);
        auto before = catalog.lockShop(shopId);
        if (!before) notFound("商店");
        if (fields.cityId) requireCity(catalog, *fields.cityId);
        if (fields.categoryId) requireCategory(catalog, *fields.categoryId);
        catalog.updateShop(shopId, fields);
        const std::int64_t cityId = fields.cityId.value_or(before->cityId);
        if (keys) {
            catalog.replaceNameKeys(shopId, cityId, *keys);
        } else if (cityId != before->cityId) {
            catalog.replaceNameKeys(shopId, cityId, shopNameKeys(before->name));
        }
        if (cityId != before->cityId) catalog.moveActivities(shopId, cityId);
        std::string after = catalog.lockShop(shopId)->json;
        audit(services, staff, "shop.update", "shop", shopId, before->json, after);
        transaction.commit();
        return after;
    });
}

void deleteShop(Services& services, const Staff& staff, std::int64_t shopId, bool cascade) {
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::CatalogRepository catalog(services.db);
        auto before = catalog.lockShop(shopId);
        if (!before) notFound("商店");
        const db::ShopDependents hanging = catalog.shopDependents(shopId);
        if (!cascade && (hanging.fans > 0 || hanging.goods > 0 || hanging.activities > 0)) {
            throw ApiError(ErrorCode::Conflict, "商店还有" + std::to_string(hanging.fans) +
                                                    "个粉丝、" + std::to_string(hanging.goods) +
                                                    "件商品、" +
                                                    std::to_string(hanging.activities) +
                                                    "个活动；确认一并删除请传 cascade=1")
                .with("fans", hanging.fans)
                .with("goods", hanging.goods)
                .with("activities", hanging.activities);
        }
        catalog.deleteShop(shopId);
        audit(services, staff, cascade ? "shop.deleteCascade" : "shop.delete", "shop", shopId,
              before->json, std::nullopt);
        transaction.commit();
    });
}

// ---- goods

db::JsonPage listGoods(Services& services, std::int64_t shopId, std::int64_t offset,
                       std::int64_t count) {
    db::CatalogRepository catalog(services.db);
    if (!catalog.shopJson(shopId)) notFound("商店");
    return catalog.goods(shopId, offset, count);
}

std::string goodsInfo(Services& services, std::int64_t goodsId) {
    auto json = db::CatalogRepository(services.db).goodsJson(goodsId);
    if (!json) notFound("商品");
    return std::move(*json);
}

std::string addGoods(Services& services, const Staff& staff, std::int64_t shopId,
                     const db::GoodsFields& fields) {
    return db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::CatalogRepository catalog(services.db);
        // The shop's row is held so that it is not deleted under its new goods.
        if (!catalog.lockShop(shopId)) throwBadParam("参数 sid 不是已有的商店");
        const std::int64_t id = catalog.addGoods(shopId, fields, nowMs());
        std::string after = *catalog.lockGoods(id);
        audit(services, staff, "goods.add", "goods", id, std::nullopt, after);
        transaction.commit();
        return after;
    });
}

std::string updateGoods(Services& services, const Staff& staff, std::int64_t goodsId,
                        const db::GoodsFields& fields) {
    return db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::CatalogRepository catalog(services.db);
        auto before = catalog.lockGoods(goodsId);
        if (!before) notFound("商品");
        catalog.updateGoods(goodsId, fields);
        std::string after = *catalog.lockGoods(goodsId);
        audit(services, staff, "goods.update", "goods", goodsId, std::move(before), after);
        transaction.commit();
        return after;
    });
}

void deleteGoods(Services& services, const Staff& staff, std::int64_t goodsId) {
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::CatalogRepository catalog(services.db);
        auto before = catalog.lockGoods(goodsId);
        if (!before) notFound("商品");
        catalog.deleteGoods(goodsId);
        audit(services, staff, "goods.delete", "goods", goodsId, std::move(before), std::nullopt);
        transaction.commit();
    });
}

// ---- activities

db::JsonPage listActivities(Services& services, const db::CatalogRepository::ActivityQuery& query,
                            std::int64_t offset, std::int64_t count) {
    return db::CatalogRepository(services.db).activities(query, offset, count);
}

std::string addActivity(Services& services, const Staff& staff, std::int64_t shopId,
                        const db::ActivityFields& fields) {
    checkDates(*fields.beginDate, *fields.endDate);
    return db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::CatalogRepository catalog(services.db);
        const auto shop = catalog.lockShop(shopId);
        if (!shop) throwBadParam("参数 sid 不是已有的商店");
        const std::int64_t id = catalog.addActivity(shopId, shop->cityId, fields);
        std::string after = catalog.lockActivity(id)->json;
        audit(services, staff, "activity.add", "activity", id, std::nullopt, after);
        transaction.commit();
        return after;
    });
}

std::string updateActivity(Services& services, const Staff& staff, std::int64_t activityId,
                           const db::ActivityFields& fields) {
    return db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::CatalogRepository catalog(services.db);
        auto before = catalog.lockActivity(activityId);
        if (!before) notFound("活动");
        checkDates(fields.beginDate.value_or(before->beginDate),
                   fields.endDate.value_or(before->endDate));
        catalog.updateActivity(activityId, fields);
        std::string after = catalog.lockActivity(activityId)->json;
        audit(services, staff, "activity.update", "activity", activityId, before->json, after);
        transaction.commit();
        return after;
    });
}

void deleteActivity(Services& services, const Staff& staff, std::int64_t activityId) {
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::CatalogRepository catalog(services.db);
        auto before = catalog.lockActivity(activityId);
        if (!before) notFound("活动");
        catalog.deleteActivity(activityId);
        audit(services, staff, "activity.delete", "activity", activityId, before->json,
              std::nullopt);
        transaction.commit();
    });
}

// ---- pictures

StoredPicture uploadCatalogPicture(Services& services, const Staff& staff,
                                   const std::string& bytes) {
    if (bytes.size() > static_cast<std::size_t>(kPictureMaxBytes))
        throwBadParam("参数 file 图片不能大于3M");
    const CleanedImage image = [&] {
        try {
            return requireCleanImage(services, bytes, "图片只能是jpg、png、bmp、gif格式");
        } catch (const ApiError& refused) {
            throwBadParam("参数 file " + refused.info());
        }
    }();
    const std::string month = mediaMonthFolder(nowMs());
    const std::string name = "m" + std::to_string(staff.userId) + "_" + randomHex(12) + "." +
                             std::string(image.type.extension);
    const auto stored = writeFileAtomically(catalogDirectory(services) / month, name, image.bytes);
    try {
        db::UploadRepository(services.db)
            .record("shop/" + month + "/" + name, staff.userId, "shop", nowMs());
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(stored, ignored);  // a failed upload leaves no file behind
        throw;
    }
    return {services.config.publicBaseUrl + "/upload/shop/" + month + "/" + name, image.width,
            image.height, static_cast<std::int64_t>(image.bytes.size())};
}

std::string requireCatalogPictures(const Services& services, const std::vector<std::string>& urls,
                                   std::string_view param) {
    for (const auto& url : urls) {
        const auto path = catalogPicturePath(services, url);
        std::error_code ignored;
        if (!path ||
            !std::filesystem::is_regular_file(catalogDirectory(services) / *path, ignored)) {
            throwBadParam("参数 " + std::string(param) + " 必须是 media!upload 返回的图片地址");
        }
    }
    return db::jsonTextArray(urls);
}

}  // namespace mmx::services
