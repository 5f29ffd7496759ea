#include "db/app_version_repository.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kAdd =
    "INSERT INTO app_version (platform, version, remark, published_at, file_name, size, sha256)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kLatest =
    "SELECT platform, version, remark, published_at, file_name, size, sha256 FROM app_version"
    " WHERE platform = ? ORDER BY published_at DESC, id DESC LIMIT 1";

}  // namespace

void AppVersionRepository::add(const AppVersion& version) {
    db_.execute(kAdd, {version.platform, version.version, version.remark, version.publishedAt,
                       version.fileName, version.size, version.sha256});
}

std::optional<AppVersion> AppVersionRepository::latest(std::int64_t platform) {
    const auto row = db_.queryOne(kLatest, {platform});
    if (!row) return std::nullopt;
    return AppVersion{row->i64(0), row->str(1), row->str(2), row->i64(3),
                      row->str(4), row->i64(5), row->str(6)};
}

}  // namespace mmx::db
