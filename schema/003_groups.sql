-- Groups (create, add members, setingGroup) and the site roles
-- that stand above them. Every time is epoch milliseconds.

-- Site staff: 'owner' (站长), 'deputy' (副站长), 'admin' (管理员); NULL is none.
-- Granted by scripts/admin site-role.
ALTER TABLE users ADD site_role VARCHAR(8) NULL;

-- The name is unique (trimmed by the server; the collation makes the comparison
-- case-insensitive): two creates racing for one name meet at this key.
CREATE TABLE chat_groups (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    name        VARCHAR(30)     NOT NULL,
    logo        VARCHAR(255)    NOT NULL,
    owner_id    BIGINT UNSIGNED NOT NULL,
    max_members INT             NOT NULL,
    created_at  BIGINT          NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_chat_groups_name (name),
    KEY ix_chat_groups_owner (owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per membership. role: 'owner' | 'admin' | 'member'; exactly one owner
-- per group, the same user as chat_groups.owner_id. message_remain_mode: 1 receive
-- and notify, 2 receive silently.
CREATE TABLE group_members (
    group_id            BIGINT UNSIGNED NOT NULL,
    user_id             BIGINT UNSIGNED NOT NULL,
    role                VARCHAR(8)      NOT NULL,
    show_name           VARCHAR(50)     NULL,
    message_remain_mode TINYINT         NOT NULL DEFAULT 1,
    joined_at           BIGINT          NOT NULL,
    PRIMARY KEY (group_id, user_id),
    KEY ix_group_members_user (user_id),
    CONSTRAINT fk_group_members_group FOREIGN KEY (group_id) REFERENCES chat_groups (id) ON DELETE CASCADE,
    CONSTRAINT fk_group_members_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
