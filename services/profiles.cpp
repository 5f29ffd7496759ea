#include "services/profiles.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "adapters/file_store.hpp"
#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "db/account_kind_repository.hpp"
#include "db/friend_repository.hpp"
#include "db/relation_repository.hpp"
#include "db/upload_repository.hpp"
#include "services/qr_cards.hpp"

namespace mmx::services {
namespace {

constexpr std::string_view kPhotoFolder = "images/userPhoto";

std::filesystem::path photoDirectory(const Services& services) {
    return std::filesystem::path(services.config.uploadDir) / kPhotoFolder;
}

// The file behind one of our own photo URLs, if it is one.
std::optional<std::filesystem::path> ownPhotoFile(const Services& services, std::string_view url) {
    const std::string prefix =
        services.config.publicBaseUrl + "/upload/" + std::string(kPhotoFolder) + "/";
    if (url.substr(0, prefix.size()) != prefix) return std::nullopt;
    const std::string_view name = url.substr(prefix.size());
    if (name.empty() || name.find('/') != std::string_view::npos || name.front() == '.')
        return std::nullopt;
    return photoDirectory(services) / std::string(name);
}

// The actor's own profile: the one the session check loaded with the session, else read.
std::optional<db::UserProfile> ownProfile(Services& services, const Identity& actor) {
    if (const auto* loaded = std::any_cast<db::UserProfile>(&actor.actor)) return *loaded;
    return db::UserRepository(services.db).findProfile(actor.userId);
}

}  // namespace

ProfileView readProfile(Services& services, const Identity& actor, std::int64_t target,
                        const std::vector<db::ProfileField>& only) {
    const Relation relation = db::RelationRepository(services.db).relationOf(actor.userId, target);
    const Visibility visibility = visibilityOf(relation);
    if (!visibility.found) throw ApiError(ErrorCode::NotFound, "用户不存在");
    auto profile = relation == Relation::Self ? ownProfile(services, actor)
                                              : db::UserRepository(services.db).findProfile(target);
    if (!profile) throw ApiError(ErrorCode::NotFound, "用户不存在");
    // Accounts older than QR cards get theirs when their owner reads the profile: reads
    // of another user never write.
    if (relation == Relation::Self) profile->qcodeUrl = ensureQrCard(services, *profile);
    if (!only.empty()) {
        db::ProfileValues asked;
        for (const db::ProfileField field : only) {
            const auto i = static_cast<std::size_t>(field);
            asked[i] = std::move(profile->fields[i]);
        }
        profile->fields = std::move(asked);
    }
    return ProfileView{std::move(*profile), visibility, only};
}

void updateProfile(Services& services, std::int64_t me, db::ProfileValues changes,
                   std::optional<std::int64_t> cityId, const db::ProfileValues& expected) {
    db::UserRepository users(services.db);
    if (cityId) {
        auto name = users.cityName(*cityId);
        if (!name) throwBadParam("参数 cityId 不是已开通的城市");
        changes[static_cast<std::size_t>(db::ProfileField::City)] = std::move(name);
    }
    const bool compareFirst = std::any_of(expected.begin(), expected.end(),
                                          [](const auto& value) { return value.has_value(); });
    if (compareFirst) {
        db::withTransaction(services.db, [&](db::Transaction& transaction) {
            const auto stored = db::AccountKindRepository(services.db).lockProfile(me);
            if (!stored) throw ApiError(ErrorCode::NotFound, "用户不存在");
            for (std::size_t i = 0; i < expected.size(); ++i) {
                if (expected[i] && *expected[i] != stored->fields[i].value_or("")) {
                    throw ApiError(ErrorCode::Conflict, "原数据已被修改");
                }
            }
            const auto nameKey = users.updateProfile(me, changes, nowMs());
            if (nameKey) db::FriendRepository(services.db).followNickname(me, *nameKey);
            transaction.commit();
        });
        return;
    }
    if (!changes[static_cast<std::size_t>(db::ProfileField::NickName)]) {
        users.updateProfile(me, changes, nowMs());
        return;
    }
    // A new nickname reorders the friend lists that show it: the user's row first,
    // then the friendships, in one transaction (the order a remark change locks in).
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        const auto nameKey = users.updateProfile(me, changes, nowMs());
        db::FriendRepository(services.db).followNickname(me, nameKey.value_or(std::string()));
        transaction.commit();
    });
}

std::string replacePhoto(Services& services, std::int64_t me, const CleanedImage& image) {
    db::UserRepository users(services.db);
    const auto before = users.findProfile(me);
    if (!before) throw ApiError(ErrorCode::NotFound, "用户不存在");

    const std::string name =
        std::to_string(me) + "_" + randomHex(12) + "." + std::string(image.type.extension);
    const auto stored = writeFileAtomically(photoDirectory(services), name, image.bytes);
    const std::string url =
        services.config.publicBaseUrl + "/upload/" + std::string(kPhotoFolder) + "/" + name;
    try {
        db::ProfileValues changes;
        changes[static_cast<std::size_t>(db::ProfileField::UserPhoto)] = url;
        db::UploadRepository(services.db)
            .record(std::string(kPhotoFolder) + "/" + name, me, "photo", nowMs());
        users.updateProfile(me, changes, nowMs());
    } catch (...) {
        std::filesystem::remove(stored);  // a failed upload leaves no file behind
        throw;
    }
    if (const auto& old = (*before)[db::ProfileField::UserPhoto]) removePhotoFile(services, *old);
    return url;
}

void removePhotoFile(const Services& services, std::string_view url) {
    if (const auto file = ownPhotoFile(services, url)) {
        std::error_code ignored;
        std::filesystem::remove(*file, ignored);
    }
}

}  // namespace mmx::services
