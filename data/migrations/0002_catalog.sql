-- 0002: the catalog. Categories (a tree), suppliers, products, their options (one row per sellable
-- combination), images, and the stock ledger in which every change of stock is a movement.

CREATE TABLE categories (
    id         INTEGER PRIMARY KEY,
    parent_id  INTEGER REFERENCES categories (id),
    name       TEXT NOT NULL CHECK (name <> ''),
    created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX categories_sibling_name ON categories (coalesce(parent_id, 0), name);

CREATE TABLE suppliers (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE CHECK (name <> ''),
    contact_person TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT '',
    lead_time_days INTEGER NOT NULL DEFAULT 0 CHECK (lead_time_days >= 0),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

CREATE TABLE products (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name            TEXT NOT NULL CHECK (name <> ''),
    category_id     INTEGER REFERENCES categories (id),
    supplier_id     INTEGER REFERENCES suppliers (id),
    price           INTEGER NOT NULL CHECK (price > 0),
    cost            INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),
    status          TEXT NOT NULL CHECK (status IN ('SALE', 'SUSPENSION', 'OUTOFSTOCK')),
    status_auto     INTEGER NOT NULL DEFAULT 0,
    detail          TEXT NOT NULL DEFAULT '',
    weight_grams    INTEGER NOT NULL DEFAULT 0 CHECK (weight_grams >= 0),
    hs_code         TEXT NOT NULL DEFAULT '',
    origin_code     TEXT NOT NULL DEFAULT '',
    tax_type        TEXT NOT NULL DEFAULT 'TAX' CHECK (tax_type IN ('TAX', 'DUTYFREE', 'SMALL')),
    allow_backorder INTEGER NOT NULL DEFAULT 0,
    option_kind     TEXT NOT NULL DEFAULT 'NONE' CHECK (option_kind IN ('NONE', 'SINGLE', 'COMBINATION')),
    option_groups   TEXT NOT NULL DEFAULT '[]', -- JSON: [{"Name": "색상", "Values": ["빨강", "파랑"]}]
    -- caches the list sorts and filters on, kept in step with the options in the same transaction
    total_stock     INTEGER NOT NULL DEFAULT 0,
    low_stock       INTEGER NOT NULL DEFAULT 0,
    option_count    INTEGER NOT NULL DEFAULT 0,
    thumb           TEXT NOT NULL DEFAULT '',
    sold_qty        INTEGER NOT NULL DEFAULT 0,
    archived_at     TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
-- the live catalog in its default order, covering what the list filters on, so counting and the first
-- page read the index only
CREATE INDEX products_live ON products (updated_at, id, category_id, status, low_stock) WHERE archived_at IS NULL;
CREATE INDEX products_archived ON products (id) WHERE archived_at IS NOT NULL;
-- live products by category, covering the other filters, so a category's count reads only its own entries
CREATE INDEX products_live_category ON products (category_id, status, low_stock) WHERE archived_at IS NULL;
CREATE INDEX products_updated ON products (updated_at, id);
CREATE INDEX products_name ON products (name, id);
CREATE INDEX products_price ON products (price, id);
CREATE INDEX products_stock ON products (total_stock, id);
CREATE INDEX products_status ON products (status, id);
CREATE INDEX products_category ON products (category_id, id);
CREATE INDEX products_supplier ON products (supplier_id);
CREATE INDEX products_low_stock ON products (updated_at, id) WHERE low_stock = 1 AND archived_at IS NULL;

-- One row per sellable combination. A product without options has one row with no values.
-- removed = 1: the combination no longer exists on the product but keeps its stock history.
CREATE TABLE product_options (
    id            INTEGER PRIMARY KEY,
    product_id    INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    code          TEXT CHECK (code IS NULL OR code <> ''),
    option_values TEXT NOT NULL DEFAULT '[]', -- JSON array, one value per option group
    position      INTEGER NOT NULL DEFAULT 0,
    extra_price   INTEGER NOT NULL DEFAULT 0,
    stock         INTEGER NOT NULL DEFAULT 0, -- always SUM(stock_movements.delta) of the option
    safety_stock  INTEGER NOT NULL DEFAULT 0 CHECK (safety_stock >= 0),
    usable        INTEGER NOT NULL DEFAULT 1,
    removed       INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX product_options_code ON product_options (code) WHERE code IS NOT NULL;
CREATE INDEX product_options_product ON product_options (product_id, position);

CREATE TABLE stock_movements (
    id          INTEGER PRIMARY KEY,
    option_id   INTEGER NOT NULL REFERENCES product_options (id) ON DELETE CASCADE,
    delta       INTEGER NOT NULL,
    stock_after INTEGER NOT NULL,
    reason      TEXT NOT NULL CHECK (reason IN ('RECEIVE', 'SALE', 'RETURN', 'ADJUST', 'BULK')),
    note        TEXT NOT NULL DEFAULT '',
    source_ref  TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL
) STRICT;
CREATE INDEX stock_movements_option ON stock_movements (option_id, id);
CREATE INDEX stock_movements_source ON stock_movements (source_ref) WHERE source_ref <> '';

CREATE TABLE product_images (
    id         INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    file       TEXT NOT NULL,
    thumb      TEXT NOT NULL,
    position   INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX product_images_product ON product_images (product_id, position);

-- Search: names and codes are indexed as overlapping two-letter pieces (bigrams: 오버핏셔츠 → 오버 버핏 핏셔
-- 셔츠), so any part of a Hangul name of two or more letters is one phrase query on the index, and as single
-- letters for one-letter searches. Spaces and punctuation are left out, so 오버핏셔츠 also finds
-- "오버핏 셔츠". Maintained by the store's Go code.
CREATE VIRTUAL TABLE product_search USING fts5 (name_chars, code_chars, name_pairs, code_pairs,
    tokenize = 'unicode61 remove_diacritics 0');
