#pragma once

#include <cstdint>

#include "core/visibility.hpp"
#include "db/connection.hpp"

namespace mmx::db {

// How one user stands to another, for the visibility policy: one indexed read.
class RelationRepository {
  public:
    explicit RelationRepository(Connection& db) : db_(db) {}

    Relation relationOf(std::int64_t viewerId, std::int64_t viewedId);

  private:
    Connection& db_;
};

}  // namespace mmx::db
