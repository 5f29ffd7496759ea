#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/connection.hpp"

namespace mmx::db {

// One of a shop's goods. Money in fen; `pics` and `basic` are the stored JSON arrays.
struct Goods {
    std::int64_t id = 0;
    std::int64_t shopId = 0;
    std::string desp;
    std::int64_t price = 0;
    std::optional<std::int64_t> promot;
    std::string pics;
    std::string basic;
    std::int64_t status = 0;
    std::int64_t publishedAt = 0;  // epoch ms
};

struct Fit {
    std::int64_t id = 0;
    std::string picUrl;
};

// goods and goods_fit.
class GoodsRepository {
  public:
    explicit GoodsRepository(Connection& db) : db_(db) {}

    // A shop's goods on sale, newest first, ties by id.
    std::vector<Goods> shopPage(std::int64_t shopId, std::int64_t offset, std::int64_t count);
    // Up to `perShop` newest goods on sale of each shop, by shop in the order given.
    std::vector<Goods> newestOfShops(const std::vector<std::int64_t>& shopIds,
                                     std::int64_t perShop);
    std::optional<Goods> byId(std::int64_t goodsId);
    // The goods of this barcode: one on sale first, then the newest.
    std::optional<Goods> byBarcode(std::string_view barcode);
    // The goods that exist among `ids`, in the order given.
    std::vector<Goods> byIds(const std::vector<std::int64_t>& ids);

    std::vector<Fit> fitsPage(std::int64_t goodsId, std::int64_t offset, std::int64_t count);
    std::int64_t addFit(std::int64_t goodsId, std::int64_t userId, std::string_view picUrl,
                        std::string_view description, std::int64_t now);

  private:
    Connection& db_;
};

// `ids` as a JSON array parameter for JSON_TABLE.
std::string jsonIdArray(const std::vector<std::int64_t>& ids);

}  // namespace mmx::db
