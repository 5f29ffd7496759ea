-- Accounts, sessions, SMS codes and the counters behind rate limits.
-- Every time is epoch milliseconds (BIGINT), the API's own unit.

CREATE TABLE users (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    mobile        VARCHAR(20)  NOT NULL,
    user_name     VARCHAR(64)  NULL,
    password_hash VARCHAR(255) NOT NULL,
    nick_name     VARCHAR(30)  NULL,
    sex           TINYINT      NULL,
    age           SMALLINT     NULL,
    country       VARCHAR(16)  NULL,
    province      VARCHAR(16)  NULL,
    city          VARCHAR(16)  NULL,
    district      VARCHAR(16)  NULL,
    street        VARCHAR(100) NULL,
    company       VARCHAR(100) NULL,
    occupation    VARCHAR(50)  NULL,
    role          VARCHAR(50)  NULL,
    degrees       VARCHAR(20)  NULL,
    school        VARCHAR(100) NULL,
    signature     VARCHAR(140) NULL,
    user_photo    VARCHAR(255) NULL,
    created_at    BIGINT       NOT NULL,
    updated_at    BIGINT       NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_users_mobile (mobile),
    UNIQUE KEY uk_users_user_name (user_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci AUTO_INCREMENT=100001;

-- One session per (user, client install): a new login from the same client replaces it.
CREATE TABLE sessions (
    user_id    BIGINT UNSIGNED NOT NULL,
    client     VARCHAR(64)     NOT NULL,
    token_hash CHAR(64)        CHARACTER SET ascii NOT NULL,
    created_at BIGINT          NOT NULL,
    expires_at BIGINT          NOT NULL,
    PRIMARY KEY (user_id, client),
    CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Codes are kept hashed; only the newest one of a (mobile, purpose) is live.
CREATE TABLE sms_codes (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    mobile        VARCHAR(20)     NOT NULL,
    purpose       VARCHAR(16)     NOT NULL,
    code_hash     CHAR(64)        CHARACTER SET ascii NOT NULL,
    created_at    BIGINT          NOT NULL,
    expires_at    BIGINT          NOT NULL,
    wrong_tries   INT             NOT NULL DEFAULT 0,
    consumed_at   BIGINT          NULL,
    PRIMARY KEY (id),
    KEY ix_sms_codes_mobile_purpose (mobile, purpose, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Send throttle per mobile: the row is locked while a send is decided.
CREATE TABLE sms_throttle (
    mobile       VARCHAR(20) NOT NULL,
    last_sent_at BIGINT      NOT NULL,
    day_index    INT         NOT NULL,
    day_count    INT         NOT NULL,
    PRIMARY KEY (mobile)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Fixed-window counters; the bucket names its window, old rows are swept.
CREATE TABLE rate_counters (
    bucket     VARCHAR(160) NOT NULL,
    hits       INT          NOT NULL,
    expires_at BIGINT       NOT NULL,
    PRIMARY KEY (bucket),
    KEY ix_rate_counters_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
