-- Chat: pictures that chats hang on, conversations with a
-- sequence number each, messages stored once, and a feed per user that `sync`
-- reads. Every time is epoch milliseconds.
--
-- How a message travels: the send locks its conversation's row to take the next
-- `seq`, stores the message once, and appends one row to the feed of every
-- recipient (the sender included, for the sender's other phones). For a group of
-- N members that is N feed rows plus N inbox rows and one message: the feed is
-- what makes `sync` exact and one indexed read, N is capped by the group size
-- (500), and a member who leaves keeps the rows already delivered while getting
-- no new ones. Copying the body per member instead would multiply the largest
-- column by N for nothing.

-- Pictures: a user's picture; chats may be attached to it.
CREATE TABLE chat_pictures (
    id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    owner_id   BIGINT UNSIGNED NOT NULL,
    pic_url    VARCHAR(255)    NOT NULL,
    created_at BIGINT          NOT NULL,
    PRIMARY KEY (id),
    KEY ix_chat_pictures_owner (owner_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per conversation ('u<low>_<high>' between two users, 'g<id>' of a
-- group); the row lock taken to bump `last_seq` orders the conversation's sends.
CREATE TABLE chat_conversations (
    id       VARCHAR(48) CHARACTER SET ascii NOT NULL,
    last_seq BIGINT          NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Exactly one of to_user_id / group_id is set. A recalled message keeps its
-- place (seq) but loses its content.
CREATE TABLE chat_messages (
    id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    conversation_id VARCHAR(48) CHARACTER SET ascii NOT NULL,
    seq             BIGINT          NOT NULL,
    sender_id       BIGINT UNSIGNED NOT NULL,
    to_user_id      BIGINT UNSIGNED NULL,
    group_id        BIGINT UNSIGNED NULL,
    msg_type        VARCHAR(8) CHARACTER SET ascii NOT NULL,  -- text | voice | image
    content         TEXT            NULL,
    url             VARCHAR(255)    NULL,
    duration        INT             NULL,                     -- seconds, voice only
    pic_id          BIGINT UNSIGNED NULL,
    client_msg_id   VARCHAR(64) CHARACTER SET ascii NULL,
    sent_at         BIGINT          NOT NULL,
    recalled_at     BIGINT          NULL,
    recalled_by     BIGINT UNSIGNED NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_chat_messages_seq (conversation_id, seq),
    -- A retry with the same clientMsgId meets the first message here.
    UNIQUE KEY uk_chat_messages_client (sender_id, client_msg_id),
    KEY ix_chat_messages_picture (pic_id, id),
    CONSTRAINT fk_chat_messages_picture FOREIGN KEY (pic_id) REFERENCES chat_pictures (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Each user's next feed position. Allocated under this row's lock, held to the
-- end of the sending transaction: a feed row with a smaller feed_seq is always
-- committed before a larger one exists, so a cursor can never pass a row that
-- commits later (an AUTO_INCREMENT id gives no such promise).
CREATE TABLE chat_feed_counters (
    user_id       BIGINT UNSIGNED NOT NULL,
    last_feed_seq BIGINT          NOT NULL,
    PRIMARY KEY (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- What reached a user, in order: kind 1 a message, 2 the recall of one.
-- A poll is one range read of the primary key.
CREATE TABLE chat_feed (
    user_id    BIGINT UNSIGNED NOT NULL,
    feed_seq   BIGINT          NOT NULL,
    message_id BIGINT UNSIGNED NOT NULL,
    kind       TINYINT         NOT NULL,
    PRIMARY KEY (user_id, feed_seq),
    -- who received a message: read/recall/history permission and recall fan-out
    KEY ix_chat_feed_message (message_id, user_id, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A user's chat list: per conversation the newest seq delivered to them, the
-- seq they have read (unread = last_seq - read_seq) and the last message.
CREATE TABLE chat_inbox (
    user_id         BIGINT UNSIGNED NOT NULL,
    conversation_id VARCHAR(48) CHARACTER SET ascii NOT NULL,
    peer_user_id    BIGINT UNSIGNED NULL,
    group_id        BIGINT UNSIGNED NULL,
    read_seq        BIGINT          NOT NULL,
    last_seq        BIGINT          NOT NULL,
    last_message_id BIGINT UNSIGNED NULL,
    updated_at      BIGINT          NOT NULL,
    PRIMARY KEY (user_id, conversation_id),
    KEY ix_chat_inbox_recent (user_id, updated_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
