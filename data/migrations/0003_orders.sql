-- 0003: orders. An order (주문번호) groups the lines of one checkout; an order line (상품주문번호) is the unit
-- Smart Store tracks, ships and claims, so statuses, couriers and tracking numbers live on the line.

CREATE TABLE orders (
    id                  INTEGER PRIMARY KEY,
    order_no            TEXT NOT NULL UNIQUE CHECK (order_no <> ''),
    source              TEXT NOT NULL DEFAULT 'SMARTSTORE' CHECK (source IN ('SMARTSTORE', 'MANUAL')),
    ordered_at          TEXT NOT NULL,
    paid_at             TEXT NOT NULL DEFAULT '',
    buyer_name          TEXT NOT NULL DEFAULT '',
    buyer_id            TEXT NOT NULL DEFAULT '',
    buyer_phone         TEXT NOT NULL DEFAULT '',
    recipient_name      TEXT NOT NULL DEFAULT '',
    recipient_phone1    TEXT NOT NULL DEFAULT '',
    recipient_phone2    TEXT NOT NULL DEFAULT '',
    postcode            TEXT NOT NULL DEFAULT '',
    address             TEXT NOT NULL DEFAULT '',
    address_detail      TEXT NOT NULL DEFAULT '',
    delivery_message    TEXT NOT NULL DEFAULT '',
    payment_method      TEXT NOT NULL DEFAULT '',
    channel             TEXT NOT NULL DEFAULT '',
    shipping_fee        INTEGER NOT NULL DEFAULT 0 CHECK (shipping_fee >= 0),
    shipping_fee_extra  INTEGER NOT NULL DEFAULT 0 CHECK (shipping_fee_extra >= 0), -- 제주/도서 추가배송비
    shipping_discount   INTEGER NOT NULL DEFAULT 0 CHECK (shipping_discount >= 0),
    country             TEXT NOT NULL DEFAULT 'KR', -- ISO 3166 alpha-2; anything else is overseas
    customs_id          TEXT NOT NULL DEFAULT '',   -- 개인통관고유부호
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX orders_ordered ON orders (ordered_at, id);
CREATE INDEX orders_buyer ON orders (buyer_name);
CREATE INDEX orders_recipient ON orders (recipient_name);

-- Each distinct product name and option text an order line names, so a product word is looked up among a few
-- thousand names instead of a million lines; lines point here with product_ref.
CREATE TABLE order_products (
    id           INTEGER PRIMARY KEY,
    product_name TEXT NOT NULL,
    option_info  TEXT NOT NULL,
    UNIQUE (product_name, option_info)
) STRICT;
CREATE VIRTUAL TABLE order_product_search USING fts5 (product_chars, product_pairs,
    tokenize = 'unicode61 remove_diacritics 0');

-- Manual (phone, counter) orders are numbered M-YYYYMMDD-NNN by day; a number is never reused.
CREATE TABLE order_counters (
    day  TEXT PRIMARY KEY,
    last INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE order_lines (
    id               INTEGER PRIMARY KEY,
    product_order_no TEXT NOT NULL UNIQUE CHECK (product_order_no <> ''),
    order_id         INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_code     TEXT NOT NULL DEFAULT '', -- 판매자 상품코드
    option_code      TEXT NOT NULL DEFAULT '', -- 옵션관리코드
    option_id        INTEGER REFERENCES product_options (id) ON DELETE SET NULL,
    product_name     TEXT NOT NULL DEFAULT '',
    option_info      TEXT NOT NULL DEFAULT '',
    product_ref      INTEGER REFERENCES order_products (id),
    qty              INTEGER NOT NULL CHECK (qty > 0),
    unit_price       INTEGER NOT NULL DEFAULT 0,
    option_price     INTEGER NOT NULL DEFAULT 0,
    discount         INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
    amount           INTEGER NOT NULL DEFAULT 0, -- 최종 상품별 총 주문금액
    status           TEXT NOT NULL,
    placing          TEXT NOT NULL DEFAULT 'NOT_YET' CHECK (placing IN ('NOT_YET', 'OK')),
    courier          TEXT NOT NULL DEFAULT '',
    tracking_no      TEXT NOT NULL DEFAULT '',
    shipped_at       TEXT NOT NULL DEFAULT '',
    cancel_reason    TEXT NOT NULL DEFAULT '',
    -- 1 while the line holds stock (a 판매 movement was written and not yet given back)
    stock_taken      INTEGER NOT NULL DEFAULT 0,
    -- the order's time, payment method, channel and destination, copied from the order so the list's
    -- filters, order and counts read one table's indexes
    ordered_at       TEXT NOT NULL,
    payment_method   TEXT NOT NULL DEFAULT '',
    channel          TEXT NOT NULL DEFAULT '',
    overseas         INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX order_lines_order ON order_lines (order_id);
CREATE INDEX order_lines_ordered ON order_lines (ordered_at, id);
-- by state in date order, with placing so 신규주문 / 발주확인 read the index alone
CREATE INDEX order_lines_status ON order_lines (status, ordered_at, placing);
-- the lines waiting for 발주확인: the list a seller opens first every morning
CREATE INDEX order_lines_new ON order_lines (ordered_at, id) WHERE status = 'PAYED' AND placing = 'NOT_YET';
-- by product, covering the filters a product search is combined with
CREATE INDEX order_lines_product ON order_lines (product_ref, ordered_at, status, channel, payment_method);
CREATE INDEX order_lines_payment ON order_lines (payment_method, ordered_at);
CREATE INDEX order_lines_channel ON order_lines (channel, ordered_at);
CREATE INDEX order_lines_overseas ON order_lines (ordered_at) WHERE overseas = 1;
CREATE INDEX order_lines_tracking ON order_lines (tracking_no) WHERE tracking_no <> '';
CREATE INDEX order_lines_unmatched ON order_lines (id) WHERE option_id IS NULL;
CREATE INDEX order_lines_option ON order_lines (option_id);

CREATE TABLE order_status_history (
    id          INTEGER PRIMARY KEY,
    line_id     INTEGER NOT NULL REFERENCES order_lines (id) ON DELETE CASCADE,
    from_status TEXT NOT NULL DEFAULT '',
    to_status   TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '', -- import file name, or 'manual'
    at          TEXT NOT NULL
) STRICT;
CREATE INDEX order_status_history_line ON order_status_history (line_id, id);

-- What the seller mapped an unmatched line to, remembered for the next import: the key is the line's
-- 판매자 상품코드, 옵션관리코드 and 옵션정보 as the file gave them.
CREATE TABLE order_code_mappings (
    product_code TEXT NOT NULL,
    option_code  TEXT NOT NULL,
    option_info  TEXT NOT NULL,
    option_id    INTEGER NOT NULL REFERENCES product_options (id) ON DELETE CASCADE,
    PRIMARY KEY (product_code, option_code, option_info)
) STRICT, WITHOUT ROWID;

-- Lookup words, one row per line (rowid = order_lines.id): buyer and recipient names as single letters and
-- overlapping pairs, like product_search, and the last four digits of every phone. Product words go through
-- order_products; order numbers and tracking numbers by their own B-tree indexes.
CREATE VIRTUAL TABLE order_search USING fts5 (name_chars, name_pairs, tails,
    tokenize = 'unicode61 remove_diacritics 0');

-- The number of lines, kept by triggers: counting a million index entries for the unfiltered list costs
-- more than the whole first page.
CREATE TABLE order_line_count (n INTEGER NOT NULL) STRICT;
INSERT INTO order_line_count VALUES (0);
CREATE TRIGGER order_lines_counted AFTER INSERT ON order_lines BEGIN UPDATE order_line_count SET n = n + 1; END;
CREATE TRIGGER order_lines_uncounted AFTER DELETE ON order_lines BEGIN UPDATE order_line_count SET n = n - 1; END;
