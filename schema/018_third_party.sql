-- Third-party login (QQ, WeChat, Weibo, Alipay): which provider account signs in to
-- which MMX account. `provider` is the app's login mode (4 QQ, 5 WeChat, 6 Weibo,
-- 7 Alipay); `open_id` the provider's id of the user for our app, compared exactly.
-- One provider account belongs to one MMX account, and an MMX account holds at most one
-- account of each provider. An account made by third-party login has no mobile of its
-- own: its users.mobile is a stand-in 'third:<random>' that no phone number can be, and
-- its password hash '!' verifies no password.
CREATE TABLE third_party_accounts (
    provider   TINYINT UNSIGNED NOT NULL,
    open_id    VARCHAR(128)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    user_id    BIGINT UNSIGNED  NOT NULL,
    created_at BIGINT           NOT NULL,
    PRIMARY KEY (provider, open_id),
    UNIQUE KEY uk_third_party_user_provider (user_id, provider),
    CONSTRAINT fk_third_party_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
