-- Codes are delivered after the transaction that throttles and stores them has committed:
-- one row per code to deliver, claimed by the request that sends it and marked with the
-- outcome, so that no retry of that transaction can send a code twice. The code itself is
-- never kept here (only its hash, in sms_codes): a row left 'sending' by a worker that died
-- is not sent again, and the user asks again once the interval has passed.
-- previous_* are the throttle's values before this send, given back when delivery fails.
CREATE TABLE sms_outbox (
    id                 BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    mobile             VARCHAR(20)     NOT NULL,
    code_id            BIGINT UNSIGNED NOT NULL,
    state              ENUM('pending', 'sending', 'delivered', 'failed') NOT NULL,
    created_at         BIGINT          NOT NULL,
    finished_at        BIGINT          NULL,
    previous_sent_at   BIGINT          NOT NULL,
    previous_day_index INT             NOT NULL,
    previous_day_count INT             NOT NULL,
    PRIMARY KEY (id),
    KEY ix_sms_outbox_state (state, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
