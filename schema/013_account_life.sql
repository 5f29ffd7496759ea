-- The rest of an account's life: the device each login came from, and accounts closed by
-- their owners (the row stays, so the messages they sent keep a sender; its mobile and
-- user name are freed for new accounts).
ALTER TABLE sessions ADD COLUMN dev VARCHAR(64) NULL;

ALTER TABLE users
    ADD COLUMN last_dev  VARCHAR(64) NULL,
    ADD COLUMN closed_at BIGINT      NULL;
