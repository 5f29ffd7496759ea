#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "db/connection.hpp"
#include "db/manager_repository.hpp"

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

    // Throws DuplicateKey when the platform already has this version. Returns its id.
    std::int64_t add(const AppVersion& version);
    std::optional<AppVersion> latest(std::int64_t platform);

    // The staff's view, JSON objects with `packet` = baseUrl + "/download/" + file name:
    // one version, and a platform's versions newest first.
    std::optional<std::string> json(std::int64_t id, const std::string& baseUrl);
    JsonPage page(std::int64_t platform, const std::string& baseUrl, std::int64_t offset,
                  std::int64_t count);

  private:
    Connection& db_;
};

}  // namespace mmx::db
