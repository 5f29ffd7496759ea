#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "db/connection.hpp"
#include "db/goods_repository.hpp"

namespace mmx::db {

// goods_favorite: a user's favourite goods.
class FavoriteRepository {
  public:
    explicit FavoriteRepository(Connection& db) : db_(db) {}

    // Locks the user's row until the transaction ends (the cap on favourites per user).
    void lockUser(std::int64_t userId);
    std::int64_t countOfUser(std::int64_t userId);

    // True when a row was added; a repeat changes nothing. ForeignKeyMissing when there
    // is no such goods.
    bool add(std::int64_t userId, std::int64_t goodsId, std::int64_t now);
    bool remove(std::int64_t userId, std::int64_t goodsId);

    // Every favourite of the user (at most the cap), ascending.
    std::vector<std::int64_t> goodsIds(std::int64_t userId);
    // The user's favourites among `goodsIds`, in the order given.
    std::vector<Goods> favorites(std::int64_t userId, const std::vector<std::int64_t>& goodsIds);
    // The user's favourites, newest first (ties by goods id). kPageStatement is its SQL
    // (user, offset, count), for the test that proves it is read through an index in order.
    static const std::string_view kPageStatement;
    std::vector<Goods> page(std::int64_t userId, std::int64_t offset, std::int64_t count);

  private:
    Connection& db_;
};

}  // namespace mmx::db
