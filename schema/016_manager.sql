-- The manager side: site staff (站长 owner, 副站长 deputy, 管理员 admin) run the platform
-- through /manager/... routes. Every time is epoch milliseconds.

-- A disabled account cannot log in and has no sessions until it is enabled again.
-- site_role is indexed so that "every owner" is one locked index range (the last owner
-- is never demoted, also under concurrent demotions); nick_name so that staff search
-- by its prefix; created_at for the count of today's new users.
ALTER TABLE users
    ADD COLUMN disabled_at BIGINT NULL,
    ADD KEY ix_users_site_role (site_role),
    ADD KEY ix_users_nick_name (nick_name),
    ADD KEY ix_users_created (created_at);

-- The figures of today (stats!overview) are index ranges, not scans of all history.
ALTER TABLE chat_messages ADD KEY ix_chat_messages_sent (sent_at);
ALTER TABLE known_clients ADD KEY ix_known_clients_login (last_login_at);

-- Every write of the manager routes, in the transaction of the write: who, when, what,
-- on which object, and the object before and after (JSON objects; NULL before an add and
-- after a delete).
CREATE TABLE manager_audit (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    staff_id     BIGINT UNSIGNED NOT NULL,
    action       VARCHAR(32)     CHARACTER SET ascii NOT NULL,
    object_type  VARCHAR(16)     CHARACTER SET ascii NOT NULL,
    object_id    BIGINT          NOT NULL,
    before_json  LONGTEXT        NULL,
    after_json   LONGTEXT        NULL,
    created_at   BIGINT          NOT NULL,
    PRIMARY KEY (id),
    KEY ix_audit_staff (staff_id, id),
    KEY ix_audit_action (action, id),
    KEY ix_audit_object (object_type, object_id, id),
    KEY ix_audit_time (created_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
