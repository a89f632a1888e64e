-- 0005: overseas shipping. Destination countries with their zone and usual delivery days, an editable rate
-- table (service × zone × weight band), and per order the shipment: service, weight, fee, the addressee in
-- Latin letters, and the customs items for the CN22/CN23 declaration. The rates seeded here are examples
-- for the seller to replace with the post office's current table.

CREATE TABLE shipping_countries (
    code     TEXT PRIMARY KEY, -- ISO 3166 alpha-2
    name_ko  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    zone     INTEGER NOT NULL CHECK (zone BETWEEN 1 AND 4),
    days_min INTEGER NOT NULL CHECK (days_min > 0),
    days_max INTEGER NOT NULL CHECK (days_max >= days_min)
) STRICT, WITHOUT ROWID;
INSERT INTO shipping_countries VALUES
    ('JP', '일본', 'Japan', 1, 2, 3), ('CN', '중국', 'China', 1, 3, 5), ('TW', '대만', 'Taiwan', 1, 2, 4),
    ('HK', '홍콩', 'Hong Kong', 1, 2, 4), ('VN', '베트남', 'Viet Nam', 2, 3, 6), ('TH', '태국', 'Thailand', 2, 3, 6),
    ('SG', '싱가포르', 'Singapore', 2, 3, 5), ('MY', '말레이시아', 'Malaysia', 2, 4, 6), ('PH', '필리핀', 'Philippines', 2, 4, 7),
    ('ID', '인도네시아', 'Indonesia', 2, 4, 7), ('AU', '호주', 'Australia', 3, 4, 7), ('NZ', '뉴질랜드', 'New Zealand', 3, 5, 8),
    ('CA', '캐나다', 'Canada', 3, 5, 8), ('GB', '영국', 'United Kingdom', 3, 4, 7), ('DE', '독일', 'Germany', 3, 4, 7),
    ('FR', '프랑스', 'France', 3, 4, 7), ('US', '미국', 'United States', 4, 5, 8);

CREATE TABLE shipping_rates (
    service   TEXT NOT NULL CHECK (service IN ('EMS', 'EMS_PREMIUM', 'K_PACKET')),
    zone      INTEGER NOT NULL CHECK (zone BETWEEN 1 AND 4),
    max_grams INTEGER NOT NULL CHECK (max_grams > 0), -- the band: up to this weight
    fee       INTEGER NOT NULL CHECK (fee >= 0),
    PRIMARY KEY (service, zone, max_grams)
) STRICT, WITHOUT ROWID;
-- EMS and EMS 프리미엄: 0.5 kg steps up to 30 kg
WITH RECURSIVE band(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM band WHERE n < 60),
    zone(z, base, step) AS (VALUES (1, 21500, 2000), (2, 24000, 2800), (3, 31500, 4800), (4, 34000, 5700))
INSERT INTO shipping_rates SELECT 'EMS', z, n * 500, base + step * (n - 1) FROM band, zone;
INSERT INTO shipping_rates SELECT 'EMS_PREMIUM', zone, max_grams, (fee * 12 / 10 + 99) / 100 * 100
    FROM shipping_rates WHERE service = 'EMS';
-- K-Packet: 100 g steps up to 2 kg
WITH RECURSIVE band(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM band WHERE n < 20),
    zone(z, base, step) AS (VALUES (1, 4500, 600), (2, 5500, 800), (3, 8000, 1300), (4, 8500, 1500))
INSERT INTO shipping_rates SELECT 'K_PACKET', z, n * 100, base + step * (n - 1) FROM band, zone;

CREATE TABLE overseas_shipments (
    order_id     INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    country      TEXT NOT NULL REFERENCES shipping_countries (code),
    service      TEXT NOT NULL CHECK (service IN ('EMS', 'EMS_PREMIUM', 'K_PACKET')),
    weight_grams INTEGER NOT NULL CHECK (weight_grams > 0),
    fee          INTEGER NOT NULL CHECK (fee >= 0),
    days_min     INTEGER NOT NULL,
    days_max     INTEGER NOT NULL,
    category     TEXT NOT NULL DEFAULT 'SALE' CHECK (category IN ('GIFT', 'DOCUMENTS', 'SAMPLE', 'RETURNED', 'SALE', 'OTHER')),
    name_en      TEXT NOT NULL,
    address_en   TEXT NOT NULL,
    city         TEXT NOT NULL DEFAULT '',
    state        TEXT NOT NULL DEFAULT '',
    postcode     TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    customs_id   TEXT NOT NULL DEFAULT '',
    tracking_no  TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE customs_items (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES overseas_shipments (order_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    description TEXT NOT NULL CHECK (description <> ''),
    hs_code     TEXT NOT NULL DEFAULT '',
    qty         INTEGER NOT NULL CHECK (qty > 0),
    net_grams   INTEGER NOT NULL CHECK (net_grams > 0),
    value_cents INTEGER NOT NULL CHECK (value_cents >= 0),
    origin      TEXT NOT NULL CHECK (origin <> '')
) STRICT;
CREATE INDEX customs_items_order ON customs_items (order_id, position);
