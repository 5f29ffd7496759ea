-- Friends and finding people: MMX codes, QR cards, privacy switches, friendships,
-- friend requests and blocks. Times are epoch milliseconds.

ALTER TABLE users
    ADD mcode VARCHAR(10) NULL UNIQUE,
    ADD qcode_url VARCHAR(255) NULL,
    ADD friend_policy TINYINT NOT NULL DEFAULT 2,       -- 1 anyone, 2 confirm, 3 nobody
    ADD findable_by_mobile TINYINT NOT NULL DEFAULT 1;

-- Accounts made before MMX codes existed get one each: id -> 10000000 + (id * k) mod 9e7
-- is one-to-one (k is prime to 9e7), eight digits, and consecutive ids land far apart.
-- New accounts draw theirs at random (db/user_repository.cpp) and retry on a clash.
UPDATE users SET mcode = CAST(10000000 + MOD(id * 69069851, 90000000) AS CHAR) WHERE mcode IS NULL;

ALTER TABLE users MODIFY mcode VARCHAR(10) NOT NULL;

-- Two rows per friendship, one per direction; both present iff the two are friends.
-- `remark` is the row owner's private name for the friend.
CREATE TABLE friendships (
    user_id    BIGINT UNSIGNED NOT NULL,
    friend_id  BIGINT UNSIGNED NOT NULL,
    remark     VARCHAR(32)     NULL,
    created_at BIGINT          NOT NULL,
    PRIMARY KEY (user_id, friend_id),
    KEY ix_friendships_friend (friend_id),
    CONSTRAINT fk_friendships_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_friendships_friend FOREIGN KEY (friend_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_blocks (
    blocker_id BIGINT UNSIGNED NOT NULL,
    blocked_id BIGINT UNSIGNED NOT NULL,
    created_at BIGINT          NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id),
    KEY ix_user_blocks_blocked (blocked_id),
    CONSTRAINT fk_user_blocks_blocker FOREIGN KEY (blocker_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_blocks_blocked FOREIGN KEY (blocked_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per (requester, target): asking again after a refusal, or asking twice,
-- turns the same row back to pending with the new remark and time.
-- state: 1 pending, 2 accepted, 3 refused.
CREATE TABLE friend_requests (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    requester_id BIGINT UNSIGNED NOT NULL,
    target_id    BIGINT UNSIGNED NOT NULL,
    remark       VARCHAR(64)     NULL,
    state        TINYINT         NOT NULL,
    created_at   BIGINT          NOT NULL,
    updated_at   BIGINT          NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_friend_requests_pair (requester_id, target_id),
    KEY ix_friend_requests_target (target_id, state, updated_at),
    KEY ix_friend_requests_requester_time (requester_id, updated_at),
    CONSTRAINT fk_friend_requests_requester FOREIGN KEY (requester_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_friend_requests_target FOREIGN KEY (target_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
