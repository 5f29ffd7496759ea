#include "handlers/group_common.hpp"

#include <sodium.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/api_error.hpp"
#include "core/crypto.hpp"
#include "core/group_logos.hpp"
#include "core/text.hpp"
#include "handlers/params.hpp"

namespace mmx::group {
namespace {

constexpr std::string_view kLogoFolder = "images/groupLogo";

// Written under a temporary name and renamed: two workers making the same logo
// at once both succeed, and nginx never serves half a file.
void ensureLogoFile(const std::filesystem::path& directory, const std::string& name,
                    std::size_t index) {
    const auto final = directory / name;
    if (std::filesystem::exists(final)) return;
    std::filesystem::create_directories(directory);
    const auto temporary = directory / ("." + name + "." + randomHex(6) + ".part");
    {
        const std::string bytes = builtInLogoPng(index);
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush()) {
            std::filesystem::remove(temporary);
            throw std::runtime_error("cannot write group logo " + temporary.string());
        }
    }
    std::filesystem::rename(temporary, final);
}

}  // namespace

db::GroupRecord requireGroup(db::GroupRepository& groups, std::int64_t groupId, bool lock) {
    auto group = lock ? groups.lock(groupId) : groups.find(groupId);
    if (!group) throw ApiError(ErrorCode::NotFound, "群组不存在");
    return *group;
}

GroupActor actorIn(db::GroupRepository& groups, std::int64_t groupId, std::int64_t userId) {
    return GroupActor{groups.siteRoleOf(userId), groups.roleOf(groupId, userId)};
}

void requireAllowed(GroupActor actor, GroupAction action, std::string_view info, GroupRole target) {
    if (!groupActionAllowed(actor, action, target)) {
        throw ApiError(ErrorCode::Forbidden, std::string(info));
    }
}

std::vector<std::int64_t> readIds(const Request& request, std::string_view name, bool required) {
    std::vector<std::int64_t> ids;
    for (const std::string& raw : request.paramList(name)) {
        const std::string_view text = trim(raw);
        if (text.empty()) continue;
        const auto id = parseInt64(text);
        if (!id || *id <= 0) throwBadParam("参数 " + std::string(name) + " 必须是正整数");
        if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
        if (ids.size() > kMaxIdsPerRequest) {
            throwBadParam("参数 " + std::string(name) + " 一次最多" +
                          std::to_string(kMaxIdsPerRequest) + "个");
        }
    }
    if (required && ids.empty()) throwBadParam("缺少参数 " + std::string(name));
    return ids;
}

std::optional<std::string> optionalNonEmptyText(const Request& request, std::string_view name,
                                                std::size_t maxChars) {
    auto value = optionalText(request, name, maxChars);
    if (value && value->empty()) return std::nullopt;
    return value;
}

std::optional<std::string> readLogo(const Request& request) {
    auto logo = optionalNonEmptyText(request, "logo", 255);
    if (logo && logo->rfind("http://", 0) != 0 && logo->rfind("https://", 0) != 0) {
        throwBadParam("参数 logo 必须是http或https地址");
    }
    return logo;
}

std::string randomBuiltInLogo(const Services& services) {
    const std::size_t index = randombytes_uniform(static_cast<std::uint32_t>(kBuiltInLogoCount));
    const std::string name = builtInLogoName(index);
    ensureLogoFile(std::filesystem::path(services.config.uploadDir) / kLogoFolder, name, index);
    return services.config.publicBaseUrl + "/upload/" + std::string(kLogoFolder) + "/" + name;
}

void writeIds(JsonArray array, const std::vector<std::int64_t>& ids) {
    for (const std::int64_t id : ids) array.add(id);
}

}  // namespace mmx::group
