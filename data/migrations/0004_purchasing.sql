-- 0004: purchase orders (발주서) to suppliers, their lines and receipts. A PO number (PO-YYYYMMDD-NNN) is
-- never reused: each day's last number is kept even when a PO is cancelled.

CREATE TABLE po_counters (
    day  TEXT PRIMARY KEY, -- YYYYMMDD in the seller's time
    last INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE purchase_orders (
    id               INTEGER PRIMARY KEY,
    po_no            TEXT NOT NULL UNIQUE CHECK (po_no <> ''),
    supplier_id      INTEGER NOT NULL REFERENCES suppliers (id),
    status           TEXT NOT NULL CHECK (status IN ('DRAFT', 'ORDERED', 'PARTIAL', 'RECEIVED', 'CANCELED')),
    ordered_on       TEXT NOT NULL, -- YYYY-MM-DD, the seller's calendar day
    due_on           TEXT NOT NULL DEFAULT '',
    dropship         INTEGER NOT NULL DEFAULT 0, -- the supplier ships to our customers directly
    deliver_name     TEXT NOT NULL DEFAULT '',
    deliver_phone    TEXT NOT NULL DEFAULT '',
    deliver_postcode TEXT NOT NULL DEFAULT '',
    deliver_address  TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX purchase_orders_supplier ON purchase_orders (supplier_id);
CREATE INDEX purchase_orders_status ON purchase_orders (status, id);

CREATE TABLE po_lines (
    id            INTEGER PRIMARY KEY,
    po_id         INTEGER NOT NULL REFERENCES purchase_orders (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL DEFAULT 0,
    option_id     INTEGER REFERENCES product_options (id) ON DELETE SET NULL,
    order_line_id INTEGER REFERENCES order_lines (id), -- the customer's line, for dropship
    name          TEXT NOT NULL CHECK (name <> ''),
    option_label  TEXT NOT NULL DEFAULT '',
    code          TEXT NOT NULL DEFAULT '',
    qty           INTEGER NOT NULL CHECK (qty > 0),
    unit_cost     INTEGER NOT NULL CHECK (unit_cost >= 0), -- 단가 without VAT
    tax_free      INTEGER NOT NULL DEFAULT 0,
    received      INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= qty)
) STRICT;
CREATE INDEX po_lines_po ON po_lines (po_id, position);
CREATE INDEX po_lines_order_line ON po_lines (order_line_id) WHERE order_line_id IS NOT NULL;

CREATE TABLE po_history (
    id          INTEGER PRIMARY KEY,
    po_id       INTEGER NOT NULL REFERENCES purchase_orders (id) ON DELETE CASCADE,
    from_status TEXT NOT NULL DEFAULT '',
    to_status   TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL
) STRICT;
CREATE INDEX po_history_po ON po_history (po_id, id);
