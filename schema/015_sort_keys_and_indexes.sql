-- Reads whose cost stays put however long a user's history grows: every list is
-- read through an index in the order it returns, and a conversation's history
-- never walks messages sent before the reader's first one.

-- The seq of the first message delivered to the line's owner: a member who joined
-- a group late received nothing before it, so the history stops there instead of
-- probing the group's whole past. Set when the line is made, never changed.
ALTER TABLE chat_inbox ADD COLUMN first_seq BIGINT NOT NULL DEFAULT 1;

-- Lines made before this migration: the smallest seq that reached their owner
-- (a message that reached nobody is no bound; 1 is the conversation's first seq).
UPDATE chat_inbox i
    JOIN (SELECT f.user_id, m.conversation_id, MIN(m.seq) AS first_seq
            FROM chat_feed f JOIN chat_messages m ON m.id = f.message_id
           WHERE f.kind = 1
           GROUP BY f.user_id, m.conversation_id) d
      ON d.user_id = i.user_id AND d.conversation_id = i.conversation_id
    SET i.first_seq = d.first_seq;

-- The seqs (gap_from, gap_to] never reached the line's owner: sent while they were
-- out of the group, the last time they left and came back. The history skips them
-- (two ranges of the seq index) instead of probing each. 0, 0: no gap.
ALTER TABLE chat_inbox
    ADD COLUMN gap_from BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN gap_to BIGINT NOT NULL DEFAULT 0;

-- The chat list's order (newest first, then conversation id ascending), read
-- forwards from the index: no sort over every line the user ever had. It serves
-- everything the old (user_id, updated_at) key did, so that one goes.
ALTER TABLE chat_inbox
    ADD KEY ix_chat_inbox_list (user_id, updated_at DESC, conversation_id),
    DROP KEY ix_chat_inbox_recent;

-- Requests one received, newest first (updated_at, then id, both descending).
ALTER TABLE friend_requests ADD KEY ix_friend_requests_target_time (target_id, updated_at);

-- The A-Z friend list's order, stored: a key per user for their nickname, and on
-- each friendship the key of the name its owner sees (the remark when there is
-- one, else the friend's nickname's key). The key is the group ('A'..'Z', '[' for
-- '#') followed by core/pinyin's sort key, compared byte by byte (VARBINARY: no
-- collation, no padding), so (sort_key, friend_id) is exactly the list's order.
-- ICU computes the keys: NULL means "not computed yet", filled by build/mmx-sort-keys,
-- which scripts/migrate runs after the files (rows made before this migration).
ALTER TABLE users ADD COLUMN name_sort_key VARBINARY(512) NULL;

-- The list's total, stored: counting 3,000 friendship rows per page read cost more
-- than the page. Recounted from the rows whenever a friendship starts or ends.
ALTER TABLE users ADD COLUMN friend_count INT NOT NULL DEFAULT 0;
UPDATE users u
    JOIN (SELECT user_id, COUNT(*) AS n FROM friendships GROUP BY user_id) c ON c.user_id = u.id
    SET u.friend_count = c.n;
ALTER TABLE friendships
    ADD COLUMN sort_key VARBINARY(512) NULL,
    ADD KEY ix_friendships_sorted (user_id, sort_key, friend_id);
