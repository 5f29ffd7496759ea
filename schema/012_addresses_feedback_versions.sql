-- Delivery addresses of a user: at most 4 (the service counts them under the user's row
-- lock), exactly one of them the default while there are any.
CREATE TABLE user_address (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    user_id     BIGINT UNSIGNED NOT NULL,
    name        VARCHAR(64)     NOT NULL,
    phone       VARCHAR(16)     NOT NULL,
    address     VARCHAR(400)    NOT NULL,
    postcode    CHAR(6)         NULL,
    is_default  TINYINT(1)      NOT NULL DEFAULT 0,
    created_at  BIGINT          NOT NULL,
    PRIMARY KEY (id),
    KEY ix_address_user (user_id, id),
    CONSTRAINT fk_address_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A user's feedback thread: direction 1 from the user, 2 a staff reply to the user
-- (staff_id: who replied, when known).
CREATE TABLE user_feedback (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    user_id     BIGINT UNSIGNED NOT NULL,
    direction   TINYINT         NOT NULL,
    content     VARCHAR(2000)   NOT NULL,
    staff_id    BIGINT UNSIGNED NULL,
    created_at  BIGINT          NOT NULL,
    PRIMARY KEY (id),
    KEY ix_feedback_user_time (user_id, created_at, id),
    CONSTRAINT fk_feedback_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Published app packages: platform 1 Android, 2 iOS. file_name is under the download
-- directory nginx serves at /download/; size in bytes, sha256 in lowercase hex.
CREATE TABLE app_version (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    platform      TINYINT         NOT NULL,
    version       VARCHAR(32)     NOT NULL,
    remark        VARCHAR(2000)   NOT NULL,
    published_at  BIGINT          NOT NULL,
    file_name     VARCHAR(128)    NOT NULL,
    size          BIGINT          NOT NULL,
    sha256        CHAR(64)        NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_app_version (platform, version),
    KEY ix_app_version_latest (platform, published_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
