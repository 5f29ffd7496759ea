-- Feedback threads as the staff see them: one row per user who ever wrote feedback,
-- kept with the thread (in the same transaction as each message, under the user's row
-- lock). `open` is 1 while the last message is the user's (nobody has answered it yet),
-- so the staff's list (unanswered first, newest first) and the count of open threads
-- are index ranges, whatever the number of messages.
CREATE TABLE feedback_thread (
    user_id         BIGINT UNSIGNED NOT NULL,
    last_id         BIGINT UNSIGNED NOT NULL,
    last_direction  TINYINT         NOT NULL,
    last_at         BIGINT          NOT NULL,
    open            TINYINT         NOT NULL,
    PRIMARY KEY (user_id),
    KEY ix_feedback_thread_order (open, last_at, user_id),
    CONSTRAINT fk_feedback_thread_user FOREIGN KEY (user_id) REFERENCES users (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The threads written before this table existed.
INSERT INTO feedback_thread (user_id, last_id, last_direction, last_at, open)
SELECT f.user_id, f.id, f.direction, f.created_at, f.direction = 1
FROM user_feedback f
WHERE f.id = (SELECT g.id FROM user_feedback g WHERE g.user_id = f.user_id
              ORDER BY g.created_at DESC, g.id DESC LIMIT 1);

