-- Shop discovery: the cities the app runs in, a two-level category tree, shops with
-- their place on the map, goods, activities, who is in a shop now and where a user
-- has been.
--
-- Times are epoch milliseconds; money is integer fen (分); activity dates are China
-- calendar dates. A shop's `location` is POINT(longitude, latitude) in SRID 0 so that
-- the SPATIAL index answers MBRContains over a bounding box in degrees.
CREATE TABLE city (
    id    INT UNSIGNED NOT NULL AUTO_INCREMENT,
    name  VARCHAR(32)  NOT NULL,
    sort  INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uq_city_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- parent_id NULL: a top category; otherwise a child of one (two levels).
CREATE TABLE shop_category (
    id         INT UNSIGNED NOT NULL AUTO_INCREMENT,
    parent_id  INT UNSIGNED NULL,
    name       VARCHAR(32)  NOT NULL,
    pic        VARCHAR(255) NOT NULL DEFAULT '',
    sort       INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uq_category_name (parent_id, name),
    KEY ix_category_parent (parent_id, sort, id),
    CONSTRAINT fk_category_parent FOREIGN KEY (parent_id) REFERENCES shop_category (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- pics: a JSON array of picture URLs, the first one the shop's face.
-- recommend_rank: set for the city's recommended brands (smallest first), recommend_word
-- their slogan. fans: maintained by the fan routes (a later change).
CREATE TABLE shop (
    id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    city_id         INT UNSIGNED    NOT NULL,
    category_id     INT UNSIGNED    NOT NULL,
    name            VARCHAR(64)     NOT NULL,
    pics            TEXT            NOT NULL DEFAULT '[]',
    address         VARCHAR(255)    NOT NULL DEFAULT '',
    location        POINT           NOT NULL,  -- SRID 0 (the default)
    hours           VARCHAR(64)     NOT NULL DEFAULT '',
    phone           VARCHAR(32)     NOT NULL DEFAULT '',
    intro           TEXT            NOT NULL DEFAULT '',
    fans            INT UNSIGNED    NOT NULL DEFAULT 0,
    recommend_rank  INT             NULL,
    recommend_word  VARCHAR(64)     NOT NULL DEFAULT '',
    created_at      BIGINT          NOT NULL,
    PRIMARY KEY (id),
    SPATIAL KEY sx_shop_location (location),
    KEY ix_shop_city_fans (city_id, fans, id),
    KEY ix_shop_city_recommend (city_id, recommend_rank),
    CONSTRAINT fk_shop_city FOREIGN KEY (city_id) REFERENCES city (id),
    CONSTRAINT fk_shop_category FOREIGN KEY (category_id) REFERENCES shop_category (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What a name search looks up (core/shop_search_keys.hpp): every suffix of the name in
-- lower case, and every suffix of its full pinyin and of its pinyin initials that starts
-- on a syllable. A query is a prefix of one of them, so `name_key LIKE 'q%'` is one range
-- of the primary key. Written with the shop, by the code that writes shops.
CREATE TABLE shop_name_key (
    city_id   INT UNSIGNED    NOT NULL,
    name_key  VARCHAR(64)     NOT NULL,
    shop_id   BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (city_id, name_key, shop_id),
    KEY ix_name_key_shop (shop_id, name_key),
    CONSTRAINT fk_name_key_shop FOREIGN KEY (shop_id) REFERENCES shop (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE shop_fan (
    user_id     BIGINT UNSIGNED NOT NULL,
    shop_id     BIGINT UNSIGNED NOT NULL,
    created_at  BIGINT          NOT NULL,
    PRIMARY KEY (user_id, shop_id),
    CONSTRAINT fk_fan_shop FOREIGN KEY (shop_id) REFERENCES shop (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who is in a shop now: one row per (shop, user), its time the last enter or poll. A row
-- older than MMX_PRESENCE_TIMEOUT_SECONDS no longer counts; exit deletes it.
CREATE TABLE shop_presence (
    shop_id    BIGINT UNSIGNED NOT NULL,
    user_id    BIGINT UNSIGNED NOT NULL,
    seen_at    BIGINT          NOT NULL,
    PRIMARY KEY (shop_id, user_id),
    KEY ix_presence_shop_seen (shop_id, seen_at),
    CONSTRAINT fk_presence_shop FOREIGN KEY (shop_id) REFERENCES shop (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Where a user has been: one row per (user, shop), its time the latest enter.
CREATE TABLE shop_visit (
    user_id     BIGINT UNSIGNED NOT NULL,
    shop_id     BIGINT UNSIGNED NOT NULL,
    visited_at  BIGINT          NOT NULL,
    PRIMARY KEY (user_id, shop_id),
    KEY ix_visit_user_time (user_id, visited_at, shop_id),
    CONSTRAINT fk_visit_shop FOREIGN KEY (shop_id) REFERENCES shop (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- price and promot in fen; promot NULL: no promotion. status 1 on sale, 0 or 2 off sale.
-- basic: a JSON array of {"key","value"}. barcode: the product's code, shared by every
-- shop that sells it.
CREATE TABLE goods (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    shop_id       BIGINT UNSIGNED NOT NULL,
    barcode       VARCHAR(32)     NULL,
    desp          VARCHAR(255)    NOT NULL DEFAULT '',
    price         BIGINT          NOT NULL,
    promot        BIGINT          NULL,
    pics          TEXT            NOT NULL DEFAULT '[]',
    basic         TEXT            NOT NULL DEFAULT '[]',
    status        TINYINT         NOT NULL DEFAULT 1,
    published_at  BIGINT          NOT NULL,
    PRIMARY KEY (id),
    KEY ix_goods_shop_published (shop_id, published_at, id),
    KEY ix_goods_barcode (barcode, status, published_at),
    CONSTRAINT fk_goods_shop FOREIGN KEY (shop_id) REFERENCES shop (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Customers' try-on pictures of goods: an upload of theirs, with a description.
CREATE TABLE goods_fit (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    goods_id     BIGINT UNSIGNED NOT NULL,
    user_id      BIGINT UNSIGNED NOT NULL,
    pic_url      VARCHAR(255)    NOT NULL,
    description  VARCHAR(255)    NOT NULL DEFAULT '',
    created_at   BIGINT          NOT NULL,
    PRIMARY KEY (id),
    KEY ix_fit_goods (goods_id, id),
    CONSTRAINT fk_fit_goods FOREIGN KEY (goods_id) REFERENCES goods (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A shop's activity, valid from begin_date to end_date (China dates, both included).
-- city_id is the shop's, so that a city's activities are one index range.
CREATE TABLE activity (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    shop_id     BIGINT UNSIGNED NOT NULL,
    city_id     INT UNSIGNED    NOT NULL,
    title       VARCHAR(64)     NOT NULL,
    content     TEXT            NOT NULL,
    begin_date  DATE            NOT NULL,
    end_date    DATE            NOT NULL,
    PRIMARY KEY (id),
    KEY ix_activity_shop (shop_id, end_date),
    KEY ix_activity_city (city_id, end_date, id),
    CONSTRAINT fk_activity_shop FOREIGN KEY (shop_id) REFERENCES shop (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
