#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "db/connection.hpp"

namespace mmx::db {

// upload: who stored each file under the upload directory, by its path there.
class UploadRepository {
  public:
    explicit UploadRepository(Connection& db) : db_(db) {}

    void record(std::string_view name, std::int64_t ownerId, std::string_view kind,
                std::int64_t now);
    // The uploader of the file, or nullopt when no upload recorded it.
    std::optional<std::int64_t> ownerOf(std::string_view name);

  private:
    Connection& db_;
};

}  // namespace mmx::db
