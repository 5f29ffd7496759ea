#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "db/connection.hpp"

namespace mmx::db {

struct AppVersion {
    std::int64_t platform = 0;  // 1 Android, 2 iOS
    std::string version;
    std::string remark;
    std::int64_t publishedAt = 0;  // epoch ms
    std::string fileName;          // under the download directory
    std::int64_t size = 0;         // bytes
    std::string sha256;            // lowercase hex
};

// app_version: the packages published for each platform.
class AppVersionRepository {
  public:
    explicit AppVersionRepository(Connection& db) : db_(db) {}

    // Throws DuplicateKey when the platform already has this version.
    void add(const AppVersion& version);
    std::optional<AppVersion> latest(std::int64_t platform);

  private:
    Connection& db_;
};

}  // namespace mmx::db
