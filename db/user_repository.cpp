#include "db/user_repository.hpp"

#include "core/pinyin.hpp"
#include "db/new_account.hpp"

namespace mmx::db {
namespace {

// Reads, which may be sent again after a lost connection (db::Idempotent).
constexpr Idempotent kFindCredentials{
    "SELECT id, password_hash FROM users WHERE mobile = ? OR user_name = ? OR email = ? LIMIT 1"};
constexpr Idempotent kFindCredentialsById{"SELECT id, password_hash FROM users WHERE id = ?"};
constexpr Idempotent kFindIdByMobile{"SELECT id FROM users WHERE mobile = ?"};
constexpr Idempotent kFindProfile{"SELECT " MMX_USER_PROFILE_COLUMNS " FROM users WHERE id = ?"};
constexpr std::string_view kSetQcodeUrl =
    "UPDATE users SET qcode_url = ? WHERE id = ? AND qcode_url IS NULL";
// NULL leaves a column as it is: one statement serves every combination of fields sent.
constexpr std::string_view kUpdateProfile =
    "UPDATE users SET sex = COALESCE(?, sex), age = COALESCE(?, age),"
    " country = COALESCE(?, country), province = COALESCE(?, province),"
    " city = COALESCE(?, city),"
    " city_id = IF(? IS NULL, city_id, (SELECT c.id FROM city c WHERE c.name = ?)),"
    " district = COALESCE(?, district),"
    " street = COALESCE(?, street), company = COALESCE(?, company),"
    " occupation = COALESCE(?, occupation), role = COALESCE(?, role),"
    " degrees = COALESCE(?, degrees), school = COALESCE(?, school),"
    " nick_name = COALESCE(?, nick_name), signature = COALESCE(?, signature),"
    " user_photo = COALESCE(?, user_photo), name_sort_key = COALESCE(?, name_sort_key),"
    " updated_at = ? WHERE id = ?";
constexpr std::string_view kCityName = "SELECT name FROM city WHERE id = ?";
constexpr std::string_view kSetPasswordHash =
    "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?";

Param optional(const std::optional<std::string>& value) {
    if (!value) return nullptr;
    return std::string_view(*value);
}

}  // namespace

std::optional<Credentials> UserRepository::findCredentials(std::string_view loginName) {
    const auto row = db_.queryOne(kFindCredentials, {loginName, loginName, loginName});
    if (!row) return std::nullopt;
    return Credentials{row->i64(0), row->str(1)};
}

std::optional<Credentials> UserRepository::findCredentialsById(std::int64_t userId) {
    const auto row = db_.queryOne(kFindCredentialsById, {userId});
    if (!row) return std::nullopt;
    return Credentials{row->i64(0), row->str(1)};
}

std::optional<std::int64_t> UserRepository::findIdByMobile(std::string_view mobile) {
    const auto row = db_.queryOne(kFindIdByMobile, {mobile});
    if (!row) return std::nullopt;
    return row->i64(0);
}

UserProfile profileFromRow(const Row& row, std::size_t first) {
    UserProfile profile;
    profile.id = row.i64(first);
    profile.mobile = row.str(first + 1);
    for (std::size_t i = 0; i < kProfileFieldCount; ++i) profile.fields[i] = row.opt(first + 2 + i);
    profile.mcode = row.str(first + kProfileFieldCount + 2);
    profile.qcodeUrl = row.opt(first + kProfileFieldCount + 3);
    profile.cityId = row.optI64(first + kProfileFieldCount + 4);
    return profile;
}

std::optional<UserProfile> UserRepository::findProfile(std::int64_t userId) {
    const auto row = db_.queryOne(kFindProfile, {userId});
    if (!row) return std::nullopt;
    return profileFromRow(*row, 0);
}

std::int64_t UserRepository::create(std::string_view mobile, std::string_view passwordHash,
                                    std::int64_t now) {
    // A new account is shown by its masked number until its owner picks a nickname.
    const std::string nickName =
        std::string(mobile.substr(0, 3)) + "****" + std::string(mobile.substr(mobile.size() - 4));
    NewAccount account;
    account.mobile = mobile;
    account.passwordHash = passwordHash;
    account.nickName = nickName;
    return insertAccount(db_, account, now);
}

bool UserRepository::setQcodeUrl(std::int64_t userId, std::string_view url) {
    return db_.execute(kSetQcodeUrl, {url, userId}).affectedRows > 0;
}

std::optional<std::string> UserRepository::updateProfile(std::int64_t userId,
                                                         const ProfileValues& c, std::int64_t now) {
    const auto& nickName = c[static_cast<std::size_t>(ProfileField::NickName)];
    const std::optional<std::string> nameKey =
        nickName ? std::optional<std::string>(friendListKey(*nickName)) : std::nullopt;
    db_.execute(kUpdateProfile, {optional(c[0]),
                                 optional(c[1]),
                                 optional(c[2]),
                                 optional(c[3]),
                                 optional(c[4]),
                                 optional(c[4]),
                                 optional(c[4]),
                                 optional(c[5]),
                                 optional(c[6]),
                                 optional(c[7]),
                                 optional(c[8]),
                                 optional(c[9]),
                                 optional(c[10]),
                                 optional(c[11]),
                                 optional(c[12]),
                                 optional(c[13]),
                                 optional(c[14]),
                                 optional(nameKey),
                                 now,
                                 userId});
    return nameKey;
}

std::optional<std::string> UserRepository::cityName(std::int64_t cityId) {
    const auto row = db_.queryOne(kCityName, {cityId});
    if (!row) return std::nullopt;
    return row->str(0);
}

void UserRepository::setPasswordHash(std::int64_t userId, std::string_view passwordHash,
                                     std::int64_t now) {
    db_.execute(kSetPasswordHash, {passwordHash, now, userId});
}

}  // namespace mmx::db
