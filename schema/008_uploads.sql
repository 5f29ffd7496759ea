-- Who uploaded each stored file. A chat picture or a message may carry only a
-- file its sender uploaded: the URL alone (which anyone who saw the file knows)
-- no longer attaches someone else's file. Files stored before this migration
-- have no row and can no longer be attached; phones upload them again.
--
-- name: the path under the upload directory ("chat/202611/100001_ab12.jpg").
-- kind: image | voice (chat media), photo (profile photos).
CREATE TABLE upload (
    name       VARCHAR(160) CHARACTER SET ascii NOT NULL,
    owner_id   BIGINT UNSIGNED NOT NULL,
    kind       VARCHAR(8) CHARACTER SET ascii NOT NULL,
    created_at BIGINT          NOT NULL,
    PRIMARY KEY (name),
    KEY ix_upload_owner (owner_id, created_at),
    CONSTRAINT fk_upload_owner FOREIGN KEY (owner_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
