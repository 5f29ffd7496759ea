#include "services/groups.hpp"

#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/group_logos.hpp"
#include "services/chat_membership.hpp"
#include "services/group_access.hpp"

namespace mmx::services {
namespace {

constexpr std::int64_t kPreviewMembers = 9;
constexpr std::string_view kNameTaken = "群名称已存在";
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

// The URL of a built-in logo picked at random, its file made on first use.
std::string randomBuiltInLogo(const Services& services) {
    const std::size_t index = randombytes_uniform(static_cast<std::uint32_t>(kBuiltInLogoCount));
    const std::string name = builtInLogoName(index);
    ensureLogoFile(std::filesystem::path(services.config.uploadDir) / kLogoFolder, name, index);
    return services.config.publicBaseUrl + "/upload/" + std::string(kLogoFolder) + "/" + name;
}

// The users of `ids` that exist, added as plain members; the cap holds for the whole list.
void addInitialMembers(db::GroupRepository& groups, CreatedGroup& created,
                       const std::vector<std::int64_t>& ids, std::int64_t cap, std::int64_t now) {
    for (const db::Candidate& candidate : groups.candidates(created.groupId, ids)) {
        (candidate.exists ? created.added : created.unknown).push_back(candidate.userId);
    }
    if (!withinMemberCap(1, static_cast<std::int64_t>(created.added.size()), cap)) {
        throw ApiError(ErrorCode::Conflict, "群成员不能超过" + std::to_string(cap) + "人");
    }
    groups.addMembers(created.groupId, created.added, GroupRole::Member, now);
}

}  // namespace

void requireGroupCreator(Services& services, std::int64_t userId) {
    requireAllowed(GroupActor{db::GroupRepository(services.db).siteRoleOf(userId), GroupRole::None},
                   GroupAction::Create, "只有站长、副站长或管理员可以创建群");
}

CreatedGroup createGroup(Services& services, std::int64_t creator, NewGroup group) {
    requireGroupCreator(services, creator);
    std::erase(group.memberIds, creator);  // the creator joins as the owner
    // Picked, and its file made, before the transaction: no file work while rows are locked.
    const std::string logo = group.logo ? *group.logo : randomBuiltInLogo(services);
    const std::int64_t cap = services.config.groupMaxMembers;
    db::GroupRepository groups(services.db);
    return db::withTransaction(services.db, [&](db::Transaction& transaction) {
        const std::int64_t now = nowMs();
        CreatedGroup created;
        created.logo = logo;
        try {
            created.groupId = groups.create(group.name, logo, creator, cap, now);
        } catch (const db::DuplicateKey&) {
            throw ApiError(ErrorCode::Conflict, std::string(kNameTaken));
        }
        groups.addMember(created.groupId, creator, GroupRole::Owner, now);
        addInitialMembers(groups, created, group.memberIds, cap, now);
        transaction.commit();
        return created;
    });
}

void updateGroup(Services& services, std::int64_t actor, std::int64_t groupId,
                 const std::optional<std::string>& name, const std::optional<std::string>& logo) {
    db::GroupRepository groups(services.db);
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        requireGroup(groups, groupId, true);
        requireAllowed(actorIn(groups, groupId, actor), GroupAction::Update,
                       "只有群主、群管理员或站点管理人员可以修改群资料");
        try {
            groups.update(groupId, name, logo);
        } catch (const db::DuplicateKey&) {
            throw ApiError(ErrorCode::Conflict, std::string(kNameTaken));
        }
        transaction.commit();
    });
}

void deleteGroup(Services& services, std::int64_t actor, std::int64_t groupId) {
    db::GroupRepository groups(services.db);
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        requireGroup(groups, groupId, true);
        requireAllowed(actorIn(groups, groupId, actor), GroupAction::Delete,
                       "只有群主或站长可以删除群");
        // Members, then the chat (conversation, feed counters, chat lists), as a send
        // to the group takes them; then the group goes.
        closeGroupChat(services, groupId, groups.lockMembers(groupId));
        groups.remove(groupId);
        transaction.commit();
    });
}

GroupView groupInfo(Services& services, std::int64_t reader, std::int64_t groupId) {
    db::GroupRepository groups(services.db);
    GroupView view;
    view.group = requireGroup(groups, groupId, false);
    view.mine = groups.membership(groupId, reader);
    view.myRole = view.mine ? view.mine->role : GroupRole::None;
    requireAllowed(GroupActor{groups.siteRoleOf(reader), view.myRole}, GroupAction::ViewInfo,
                   "不是该群成员");
    view.memberCount = groups.memberCount(groupId);
    return view;
}

MyGroups myGroups(Services& services, std::int64_t userId, std::int64_t offset,
                  std::int64_t count) {
    db::GroupRepository groups(services.db);
    MyGroups mine;
    mine.groups = groups.groupsOf(userId, offset, count);
    std::vector<std::int64_t> pageIds;
    for (const auto& summary : mine.groups) pageIds.push_back(summary.id);
    for (auto& preview : groups.previewsFor(pageIds, kPreviewMembers)) {
        mine.previews[preview.groupId].push_back(std::move(preview));
    }
    mine.total = groups.groupCountOf(userId);
    return mine;
}

}  // namespace mmx::services
