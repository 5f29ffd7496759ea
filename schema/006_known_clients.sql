-- The app installs that have logged in to an account: a stranger's wrong passwords may
-- close an account's login to unknown clients, never to the owner's own phones.
CREATE TABLE known_clients (
    user_id        BIGINT UNSIGNED NOT NULL,
    client         VARCHAR(64)     NOT NULL,
    first_login_at BIGINT          NOT NULL,
    last_login_at  BIGINT          NOT NULL,
    PRIMARY KEY (user_id, client),
    CONSTRAINT fk_known_clients_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every client with a session today has logged in before.
INSERT INTO known_clients (user_id, client, first_login_at, last_login_at)
    SELECT user_id, client, created_at, created_at FROM sessions;
