#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/identity.hpp"
#include "core/image_cleaner.hpp"
#include "core/visibility.hpp"
#include "db/user_repository.hpp"
#include "services/services.hpp"

// Profiles: one user's profile as another sees it, the owner's edits, and the avatar.
namespace mmx::services {

struct ProfileView {
    db::UserProfile profile;
    Visibility visibility;  // how much of it the reader may see
    // The fields the reader asked for (the account app's GetMessage data_type); empty: all. The
    // others are left out of `profile`.
    std::vector<db::ProfileField> only = {};
};

// `target`'s profile as `actor` may see it: NOT_FOUND for an unknown user and for one who
// has blocked the actor. The owner's own read makes the QR card an older account lacks.
// With `only`, the profile holds those fields alone.
ProfileView readProfile(Services& services, const Identity& actor, std::int64_t target,
                        const std::vector<db::ProfileField>& only = {});

// Stores the fields that are set in `changes`; the others stay as they are.
// `cityId`, when given, must be one of the app's cities (BAD_PARAM otherwise): it sets the
// city by id, its name in place of any `city` text sent.
// `expected`, when any of its fields is set, makes the change a compare-and-set: each set
// field must equal the stored value (an unset stored value equals ""), read under the row's
// lock, or nothing changes and the answer is CONFLICT 原数据已被修改.
void updateProfile(Services& services, std::int64_t me, db::ProfileValues changes,
                   std::optional<std::int64_t> cityId = std::nullopt,
                   const db::ProfileValues& expected = {});

// Stores `image` as the user's avatar and answers its URL; the previous avatar's file, when
// it is one of ours, is removed. NOT_FOUND for an unknown user.
std::string replacePhoto(Services& services, std::int64_t me, const CleanedImage& image);

// Removes the file behind one of our own avatar URLs; another URL is left alone.
void removePhotoFile(const Services& services, std::string_view url);

}  // namespace mmx::services
