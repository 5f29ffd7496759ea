#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/connection.hpp"

namespace mmx::db {

// The profile fields of the userVO, in the order of their columns.
enum class ProfileField {
    Sex,
    Age,
    Country,
    Province,
    City,
    District,
    Street,
    Company,
    Occupation,
    Role,
    Degrees,
    School,
    NickName,
    Signature,
    UserPhoto,
};
inline constexpr std::size_t kProfileFieldCount = 15;

// One value per ProfileField; nullopt is "not set" when read and "leave unchanged" when written.
using ProfileValues = std::array<std::optional<std::string>, kProfileFieldCount>;

struct UserProfile {
    std::int64_t id = 0;
    std::string mobile;
    ProfileValues fields;
    std::string mcode;
    std::optional<std::string> qcodeUrl;
    std::optional<std::int64_t> cityId;  // when the city is one of the app's cities

    const std::optional<std::string>& operator[](ProfileField f) const {
        return fields[static_cast<std::size_t>(f)];
    }
};

// The columns a UserProfile is read from, in profileFromRow's order; shared by every
// query that loads a profile (the session check loads the actor's with its session).
#define MMX_USER_PROFILE_COLUMNS                                                   \
    "users.id, users.mobile, users.sex, users.age, users.country, users.province," \
    " users.city, users.district, users.street, users.company, users.occupation,"  \
    " users.role, users.degrees, users.school, users.nick_name, users.signature,"  \
    " users.user_photo, users.mcode, users.qcode_url, users.city_id"

// A profile from MMX_USER_PROFILE_COLUMNS, starting at column `first` of `row`.
UserProfile profileFromRow(const Row& row, std::size_t first);

struct Credentials {
    std::int64_t id = 0;
    std::string passwordHash;
};

class UserRepository {
  public:
    explicit UserRepository(Connection& db) : db_(db) {}

    // By mobile, user name or e-mail.
    std::optional<Credentials> findCredentials(std::string_view loginName);
    std::optional<std::int64_t> findIdByMobile(std::string_view mobile);
    std::optional<Credentials> findCredentialsById(std::int64_t userId);
    std::optional<UserProfile> findProfile(std::int64_t userId);

    // Throws DuplicateKey when the mobile is taken. Draws the account's MMX code,
    // drawing again when it clashes with another account's.
    std::int64_t create(std::string_view mobile, std::string_view passwordHash, std::int64_t now);
    // Only while the user has none; false when another request made one first.
    bool setQcodeUrl(std::int64_t userId, std::string_view url);
    // A City change also sets city_id: the city of that name among the app's cities, or
    // none when the name is not one of them. A NickName change also stores the name's
    // A-Z list key (core/pinyin's friendListKey), which it returns (nullopt: unchanged).
    std::optional<std::string> updateProfile(std::int64_t userId, const ProfileValues& changes,
                                             std::int64_t now);
    // The name of one of the app's cities; nullopt for an unknown id.
    std::optional<std::string> cityName(std::int64_t cityId);
    void setPasswordHash(std::int64_t userId, std::string_view passwordHash, std::int64_t now);

  private:
    Connection& db_;
};

}  // namespace mmx::db
