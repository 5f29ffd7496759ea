// App packages: publishing one (the console and scripts/admin) and the latest per platform.
#include "services/app_versions.hpp"

#include "adapters/package_store.hpp"
#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/feedback_rules.hpp"

namespace mmx::services {
namespace {

constexpr std::size_t kMaxVersionChars = 32;
constexpr std::size_t kMaxRemarkChars = 2000;

bool isVersionText(const std::string& version) {
    if (version.empty() || version.size() > kMaxVersionChars) return false;
    for (const char c : version) {
        const bool plain = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                           (c >= 'A' && c <= 'Z') || c == '.' || c == '_' || c == '-';
        if (!plain) return false;
    }
    return true;
}

const char* platformName(std::int64_t platform) {
    return platform == kPlatformAndroid ? "android" : "ios";
}

const char* packageExtension(std::int64_t platform) {
    return platform == kPlatformAndroid ? ".apk" : ".ipa";
}

void checkPackage(const AppPackage& package) {
    if (package.platform != kPlatformAndroid && package.platform != kPlatformIos) {
        throwBadParam("参数 sys 必须是 1 (Android) 或 2 (iOS)");
    }
    if (!isVersionText(package.version)) {
        throwBadParam("参数 version 必须是1到32个字母、数字、点、下划线或连字符");
    }
    if (const auto problem = feedbackTextProblem(package.remark, kMaxRemarkChars)) {
        throwBadParam("参数 remark 版本说明" + *problem);
    }
}

using PlacePackage = StoredPackage (*)(const std::filesystem::path&, const std::string&,
                                       const std::filesystem::path&);

// Places the package (outside any transaction: hashing a large file holds no row), then
// records it; a refusal after placing removes what was placed.
db::AppVersion publish(Services& services, const AppPackage& package, PlacePackage place,
                       const std::function<void(std::int64_t)>& withinTransaction) {
    db::AppVersion version{package.platform,
                           package.version,
                           package.remark,
                           nowMs(),
                           std::string("mmx-") + platformName(package.platform) + "-" +
                               package.version + packageExtension(package.platform),
                           0,
                           ""};
    StoredPackage stored;
    try {
        stored = place(services.config.downloadDir, version.fileName, package.packagePath);
    } catch (const PackageExists&) {
        throw ApiError(ErrorCode::Conflict, "这个版本的安装包已经发布过");
    } catch (const std::runtime_error&) {
        throwBadParam("无法读取安装包或写入下载目录");
    }
    if (stored.size == 0) {
        removePackage(services.config.downloadDir, version.fileName);
        throwBadParam("缺少文件 package");
    }
    version.size = stored.size;
    version.sha256 = stored.sha256;
    try {
        db::withTransaction(services.db, [&](db::Transaction& transaction) {
            const std::int64_t id = db::AppVersionRepository(services.db).add(version);
            if (withinTransaction) withinTransaction(id);
            transaction.commit();
        });
    } catch (const db::DuplicateKey&) {
        removePackage(services.config.downloadDir, version.fileName);
        throw ApiError(ErrorCode::Conflict, "这个版本已经发布过");
    } catch (...) {
        removePackage(services.config.downloadDir, version.fileName);
        throw;
    }
    return version;
}

}  // namespace

db::AppVersion publishAppVersion(Services& services, const AppPackage& package) {
    checkPackage(package);
    const std::string extension = packageExtension(package.platform);
    if (!package.packagePath.ends_with(extension)) {
        throwBadParam(std::string("安装包必须是 ") + extension + " 文件");
    }
    return publish(services, package, storePackage, nullptr);
}

db::AppVersion publishUploadedAppVersion(
    Services& services, const AppPackage& package,
    const std::function<void(std::int64_t versionId)>& withinTransaction) {
    checkPackage(package);
    return publish(services, package, movePackage, withinTransaction);
}

std::optional<db::AppVersion> latestAppVersion(Services& services, std::int64_t platform) {
    return db::AppVersionRepository(services.db).latest(platform);
}

std::string packageUrl(const Config& config, const std::string& fileName) {
    return config.publicBaseUrl + "/download/" + fileName;
}

}  // namespace mmx::services
