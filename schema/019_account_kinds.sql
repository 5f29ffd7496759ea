-- Accounts made without a mobile: by user name (the older phones' Logon and /register) or by
-- e-mail. Such an account has no mobile until its owner binds one; NULLs never clash in a
-- unique key, so any number of them may wait. E-mail addresses compare without case
-- (the table's collation).
ALTER TABLE users
    MODIFY COLUMN mobile VARCHAR(20) NULL,
    ADD COLUMN email VARCHAR(254) NULL,
    ADD UNIQUE KEY uk_users_email (email);
