#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/group_rules.hpp"
#include "db/connection.hpp"

namespace mmx::db {

struct GroupRecord {
    std::int64_t id = 0;
    std::string name;
    std::string logo;
    std::int64_t ownerId = 0;
    std::int64_t maxMembers = 0;
    std::int64_t createdAt = 0;
};

struct Membership {
    GroupRole role = GroupRole::None;
    std::optional<std::string> showName;
    int messageRemainMode = 1;
    std::int64_t joinedAt = 0;
};

// A member as group!members shows them: the membership and the public card.
struct MemberCard {
    std::int64_t userId = 0;
    GroupRole role = GroupRole::None;
    std::optional<std::string> showName;
    std::int64_t joinedAt = 0;
    std::optional<std::string> nickName;
    std::optional<std::string> userPhoto;
    std::optional<std::string> sex;
    std::optional<std::string> signature;
};

// One of a user's groups, for the chat list.
struct GroupSummary {
    std::int64_t id = 0;
    std::string name;
    std::string logo;
    GroupRole myRole = GroupRole::None;
    int messageRemainMode = 1;
    std::int64_t memberCount = 0;
};

// One member shown in a group's preview on the chat list.
struct PreviewMember {
    std::int64_t groupId = 0;
    std::int64_t userId = 0;
    std::string name;  // the show name in the group, else the nickname
    std::string logo;  // the user's photo
};

// chat_groups, group_members, and users.site_role.
// What one asked id is to a group: its role there (None when no member) and whether
// such a user exists at all.
struct Candidate {
    std::int64_t userId = 0;
    GroupRole role = GroupRole::None;
    bool exists = false;
};

class GroupRepository {
  public:
    explicit GroupRepository(Connection& db) : db_(db) {}

    SiteRole siteRoleOf(std::int64_t userId);

    std::optional<GroupRecord> find(std::int64_t groupId);
    // As find, and holds the group's row until the transaction ends: every change
    // of a group's membership takes this lock first, so checks and writes agree.
    std::optional<GroupRecord> lock(std::int64_t groupId);

    // Throw DuplicateKey when the name is taken.
    std::int64_t create(std::string_view name, std::string_view logo, std::int64_t ownerId,
                        std::int64_t maxMembers, std::int64_t now);
    void update(std::int64_t groupId, const std::optional<std::string>& name,
                const std::optional<std::string>& logo);
    // The member ids, ascending, each row locked for update (before a delete).
    std::vector<std::int64_t> lockMembers(std::int64_t groupId);
    void remove(std::int64_t groupId);
    void setOwner(std::int64_t groupId, std::int64_t ownerId);

    std::optional<Membership> membership(std::int64_t groupId, std::int64_t userId);
    GroupRole roleOf(std::int64_t groupId, std::int64_t userId);
    std::int64_t memberCount(std::int64_t groupId);
    void addMember(std::int64_t groupId, std::int64_t userId, GroupRole role, std::int64_t now);
    void removeMember(std::int64_t groupId, std::int64_t userId);
    // Set-based, one statement each however many ids: each of `ids` in the order
    // given with its role and existence; the users of `ids` added (ascending, one
    // joined_at); the memberships of `ids` removed (ascending).
    std::vector<Candidate> candidates(std::int64_t groupId, const std::vector<std::int64_t>& ids);
    void addMembers(std::int64_t groupId, const std::vector<std::int64_t>& ids, GroupRole role,
                    std::int64_t now);
    void removeMembers(std::int64_t groupId, const std::vector<std::int64_t>& ids);
    void setRole(std::int64_t groupId, std::int64_t userId, GroupRole role);
    // nullopt leaves a setting as it is.
    void updateSettings(std::int64_t groupId, std::int64_t userId,
                        const std::optional<std::string>& showName,
                        std::optional<int> messageRemainMode);

    // Owner first, then admins, then members by join time.
    std::vector<MemberCard> members(std::int64_t groupId, std::int64_t offset, std::int64_t count);
    // The user's groups by id, `count` of them after the first `offset`.
    std::vector<GroupSummary> groupsOf(std::int64_t userId, std::int64_t offset,
                                       std::int64_t count);
    // How many groups the user is in.
    std::int64_t groupCountOf(std::int64_t userId);
    // The first `perGroup` members (in members() order) of each of `groupIds`.
    std::vector<PreviewMember> previewsFor(const std::vector<std::int64_t>& groupIds,
                                           std::int64_t perGroup);

  private:
    Connection& db_;
};

}  // namespace mmx::db
