// mmx-admin: what the staff do before the manager console exists, through the same
// service functions the console will call, against the database of the environment
// (scripts/admin runs it with a stack's env.sh):
//
//   mmx-admin publish-version <sys 1|2> <version> <package file> <remark>
//   mmx-admin reply-feedback <user id or mobile> <text>
//   mmx-admin site-role <mobile> <owner|deputy|admin|none>
//
// Prints what it did on stdout; a refusal is printed on stderr with exit status 1, a
// usage error with 2.
#include <cstring>
#include <iostream>
#include <optional>
#include <string>

#include "core/api_error.hpp"
#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "db/user_repository.hpp"
#include "services/app_versions.hpp"
#include "services/feedback.hpp"
#include "services/manager.hpp"

namespace {

int usage() {
    std::cerr << "usage: mmx-admin publish-version <sys 1|2> <version> <package file> <remark>\n"
                 "       mmx-admin reply-feedback <user id or mobile> <text>\n"
                 "       mmx-admin site-role <mobile> <owner|deputy|admin|none>\n";
    return 2;
}

int publishVersion(mmx::Services& services, int argc, char** argv) {
    if (argc != 6) return usage();
    const auto platform = mmx::parseInt64(argv[2]);
    if (!platform) return usage();
    const auto published =
        mmx::services::publishAppVersion(services, {*platform, argv[3], argv[5], argv[4]});
    std::cout << "published " << published.version << " for sys " << published.platform << ": "
              << mmx::services::packageUrl(services.config, published.fileName) << " ("
              << published.size << " bytes, sha256 " << published.sha256 << ")\n";
    return 0;
}

std::optional<std::int64_t> userIdOf(mmx::Services& services, const std::string& who) {
    if (mmx::isMainlandMobile(who)) {
        return mmx::db::UserRepository(services.db).findIdByMobile(who);
    }
    const auto id = mmx::parseInt64(who);
    if (!id || *id <= 0) return std::nullopt;
    return id;
}

int replyFeedback(mmx::Services& services, int argc, char** argv) {
    if (argc != 4) return usage();
    const auto userId = userIdOf(services, argv[2]);
    if (!userId) {
        std::cerr << "no user " << argv[2] << '\n';
        return 1;
    }
    mmx::services::replyToFeedback(services, *userId, argv[3]);
    std::cout << "replied to the feedback of user " << *userId << '\n';
    return 0;
}

// As /manager/user!setSiteRole does it (the target's sessions end, the site keeps an
// owner, an audit entry), with the command line as the staff member: an owner's powers,
// staff id 0.
int siteRole(mmx::Services& services, int argc, char** argv) {
    if (argc != 4 || !mmx::isMainlandMobile(argv[2])) return usage();
    const auto role = mmx::parseSiteRole(argv[3]);
    if (!role) return usage();
    const auto userId = mmx::db::UserRepository(services.db).findIdByMobile(argv[2]);
    if (!userId) {
        std::cerr << "no user registered with " << argv[2] << '\n';
        return 1;
    }
    const mmx::services::Staff commandLine{mmx::services::kCommandLineStaff, mmx::SiteRole::Owner,
                                           mmx::ManagerAccess::Allowed};
    mmx::services::setSiteRole(services, commandLine, *userId, *role);
    std::cout << "user " << *userId << " (" << argv[2] << "): site role " << argv[3] << '\n';
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    try {
        mmx::initCrypto(mmx::PasswordHashCost::Interactive);
        mmx::Services services(mmx::loadConfigFromEnvironment());
        if (std::strcmp(argv[1], "publish-version") == 0) {
            return publishVersion(services, argc, argv);
        }
        if (std::strcmp(argv[1], "reply-feedback") == 0) return replyFeedback(services, argc, argv);
        if (std::strcmp(argv[1], "site-role") == 0) return siteRole(services, argc, argv);
        return usage();
    } catch (const mmx::ApiError& refusal) {
        std::cerr << mmx::codeName(refusal.code()) << ": " << refusal.info() << '\n';
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "mmx-admin: " << error.what() << '\n';
        return 1;
    }
}
