-- A code the phone proved (the user API's vercode) stays usable for a few minutes by the
-- step that follows (register, reset the password) without the code being sent again:
-- the moment until which it counts as proven.
ALTER TABLE sms_codes
    ADD COLUMN verified_until BIGINT NULL;
