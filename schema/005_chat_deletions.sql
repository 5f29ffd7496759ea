-- Chat deletions: a phone that already synced a chat must
-- learn that it went, with its picture or with its group, through the same
-- feed that brought it.
--
-- A deleted chat leaves a tombstone: the feed row that announces the deletion
-- (kind 3) outlives the message and is rendered from the tombstone, and the
-- chat list subtracts the tombstones above a reader's read_seq from the unread
-- count (seqs are not renumbered, so last_seq - read_seq alone would keep
-- counting a deleted chat). Deletions are rare; the count is one probe of
-- ix_chat_deleted_seq that finds nothing for almost every conversation.
CREATE TABLE chat_deleted_messages (
    message_id      BIGINT UNSIGNED NOT NULL,
    conversation_id VARCHAR(48) CHARACTER SET ascii NOT NULL,
    seq             BIGINT          NOT NULL,
    deleted_at      BIGINT          NOT NULL,
    PRIMARY KEY (message_id),
    KEY ix_chat_deleted_seq (conversation_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Feed kinds: 1 a message, 2 its recall, 3 its deletion (message_id names the
-- tombstone), 4 the deletion of a group (message_id NULL, group_id set).
ALTER TABLE chat_feed
    MODIFY message_id BIGINT UNSIGNED NULL,
    ADD COLUMN group_id BIGINT UNSIGNED NULL;

-- Who holds a line of a conversation: a deleted group's lines are found here
-- (former members included), then removed by primary key.
ALTER TABLE chat_inbox ADD KEY ix_chat_inbox_conversation (conversation_id);

-- Groups deleted before this migration left their lines behind, nameless.
DELETE i FROM chat_inbox i
    LEFT JOIN chat_groups g ON g.id = i.group_id
    WHERE i.group_id IS NOT NULL AND g.id IS NULL;
