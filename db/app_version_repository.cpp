#include "db/app_version_repository.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kAdd =
    "INSERT INTO app_version (platform, version, remark, published_at, file_name, size, sha256)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kLatest =
    "SELECT platform, version, remark, published_at, file_name, size, sha256 FROM app_version"
    " WHERE platform = ? ORDER BY published_at DESC, id DESC LIMIT 1";

#define MMX_VERSION_JSON                                                                  \
    "SELECT JSON_OBJECT('id', id, 'sys', platform, 'version', version, 'remark', remark," \
    " 'time', published_at, 'packet', CONCAT(?, '/download/', file_name), 'size', size,"  \
    " 'sha256', sha256) FROM app_version"
constexpr std::string_view kJson = MMX_VERSION_JSON " WHERE id = ?";
// Backwards along ix_app_version_latest (platform, published_at, id).
constexpr std::string_view kPage =
    MMX_VERSION_JSON " WHERE platform = ? ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?";
constexpr std::string_view kCount = "SELECT COUNT(*) FROM app_version WHERE platform = ?";

}  // namespace

std::int64_t AppVersionRepository::add(const AppVersion& version) {
    return static_cast<std::int64_t>(
        db_.execute(kAdd, {version.platform, version.version, version.remark, version.publishedAt,
                           version.fileName, version.size, version.sha256})
            .insertId);
}

std::optional<std::string> AppVersionRepository::json(std::int64_t id, const std::string& baseUrl) {
    const auto row = db_.queryOne(kJson, {baseUrl, id});
    if (!row) return std::nullopt;
    return row->str(0);
}

JsonPage AppVersionRepository::page(std::int64_t platform, const std::string& baseUrl,
                                    std::int64_t offset, std::int64_t count) {
    JsonPage page;
    for (const auto& row : db_.query(kPage, {baseUrl, platform, count, offset})) {
        page.items.push_back(row.str(0));
    }
    page.total = db_.queryOne(kCount, {platform})->i64(0);
    return page;
}

std::optional<AppVersion> AppVersionRepository::latest(std::int64_t platform) {
    const auto row = db_.queryOne(kLatest, {platform});
    if (!row) return std::nullopt;
    return AppVersion{row->i64(0), row->str(1), row->str(2), row->i64(3),
                      row->str(4), row->i64(5), row->str(6)};
}

}  // namespace mmx::db
