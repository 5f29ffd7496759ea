#include "db/upload_repository.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kRecord =
    "INSERT INTO upload (name, owner_id, kind, created_at) VALUES (?, ?, ?, ?)";
constexpr std::string_view kOwnerOf = "SELECT owner_id FROM upload WHERE name = ?";

}  // namespace

void UploadRepository::record(std::string_view name, std::int64_t ownerId, std::string_view kind,
                              std::int64_t now) {
    db_.execute(kRecord, {name, ownerId, kind, now});
}

std::optional<std::int64_t> UploadRepository::ownerOf(std::string_view name) {
    const auto row = db_.queryOne(kOwnerOf, {name});
    if (!row) return std::nullopt;
    return row->i64(0);
}

}  // namespace mmx::db
