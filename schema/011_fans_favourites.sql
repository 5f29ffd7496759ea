-- A user's fan shops, favourite goods, and what friends may see of them.
--
-- shop_fan (schema/009) gains the per-shop message switch: 2 the shop's messages are
-- pushed, 0 they are not (the values the app sends). Its time index lists a user's fan
-- shops newest first a page at a time.
ALTER TABLE shop_fan
    ADD msg_enable TINYINT NOT NULL DEFAULT 2,
    ADD KEY ix_fan_user_time (user_id, created_at, shop_id);

-- Favourite goods: one row per (user, goods), its time when it was favourited.
CREATE TABLE goods_favorite (
    user_id     BIGINT UNSIGNED NOT NULL,
    goods_id    BIGINT UNSIGNED NOT NULL,
    created_at  BIGINT          NOT NULL,
    PRIMARY KEY (user_id, goods_id),
    KEY ix_favorite_user_time (user_id, created_at, goods_id),
    CONSTRAINT fk_favorite_goods FOREIGN KEY (goods_id) REFERENCES goods (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What a user's friends may see: their favourite goods, fan shops and shop visits
-- (1 visible to friends, 0 hidden). Strangers never see them.
ALTER TABLE users
    ADD favorite_enable TINYINT NOT NULL DEFAULT 1,
    ADD fans_enable TINYINT NOT NULL DEFAULT 1,
    ADD visit_enable TINYINT NOT NULL DEFAULT 1;
