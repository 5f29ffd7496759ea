#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "db/app_version_repository.hpp"
#include "services/services.hpp"

namespace mmx::services {

// Platforms as the app names them (`sys`).
inline constexpr std::int64_t kPlatformAndroid = 1;
inline constexpr std::int64_t kPlatformIos = 2;

struct AppPackage {
    std::int64_t platform = 0;
    std::string version;      // 1..32 of [0-9A-Za-z._-], e.g. 2.3.1
    std::string remark;       // what is new, shown to the user
    std::string packagePath;  // the .apk (Android) or .ipa (iOS) to publish
};

// Publishes a package: copies it into the download directory (MMX_DOWNLOAD_DIR) as
// mmx-<android|ios>-<version>.<apk|ipa>, with its size and SHA-256, and records the
// version. The copy is made and hashed before the transaction; a version the platform
// already has is CONFLICT and leaves the published one untouched.
db::AppVersion publishAppVersion(Services& services, const AppPackage& package);

// Publishes a package uploaded through nginx (`packagePath` is the body file nginx wrote,
// of any name): the same rules, but the file is moved into the download directory
// (hashed as it is read, never held in memory) instead of copied. `withinTransaction`
// runs in the transaction that records the version (the staff's audit entry), with its
// id; when anything fails the package placed is removed again and the transaction rolls
// back.
db::AppVersion publishUploadedAppVersion(
    Services& services, const AppPackage& package,
    const std::function<void(std::int64_t versionId)>& withinTransaction);

// The newest version of a platform; nullopt when none was published yet.
std::optional<db::AppVersion> latestAppVersion(Services& services, std::int64_t platform);

// Where phones fetch a package: nginx serves the download directory at /download/.
std::string packageUrl(const Config& config, const std::string& fileName);

}  // namespace mmx::services
