-- 0006: returns and exchanges (반품·교환). The policy is one row; a request covers lines of one order, moves
-- through an explicit state machine recorded in its history, and its lines carry the inspection outcome and
-- whether their stock went back (once).

CREATE TABLE return_policy (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    window_days           INTEGER NOT NULL DEFAULT 7 CHECK (window_days > 0),
    defect_months         INTEGER NOT NULL DEFAULT 3 CHECK (defect_months > 0),
    defect_known_days     INTEGER NOT NULL DEFAULT 30 CHECK (defect_known_days > 0),
    return_fee            INTEGER NOT NULL DEFAULT 3000 CHECK (return_fee >= 0), -- one way
    both_ways             INTEGER NOT NULL DEFAULT 0, -- change of mind pays both ways
    charge_free_shipping  INTEGER NOT NULL DEFAULT 1, -- and the original shipping when it was free
    exchange_fee          INTEGER NOT NULL DEFAULT 6000 CHECK (exchange_fee >= 0),
    non_returnable        TEXT NOT NULL DEFAULT '[]', -- JSON array of category ids
    notes                 TEXT NOT NULL DEFAULT '',
    updated_at            TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO return_policy (id) VALUES (1);

CREATE TABLE rt_counters (
    day  TEXT PRIMARY KEY,
    last INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE returns (
    id              INTEGER PRIMARY KEY,
    rt_no           TEXT NOT NULL UNIQUE,
    order_id        INTEGER NOT NULL REFERENCES orders (id),
    kind            TEXT NOT NULL CHECK (kind IN ('RETURN', 'EXCHANGE')),
    reason          TEXT NOT NULL,
    fault           TEXT NOT NULL CHECK (fault IN ('BUYER', 'SELLER')),
    method          TEXT NOT NULL CHECK (method IN ('PICKUP', 'DESIGNATED', 'CUSTOMER', 'STORE')),
    state           TEXT NOT NULL,
    held_from       TEXT NOT NULL DEFAULT '', -- the state a 보류 returns to
    note            TEXT NOT NULL DEFAULT '',
    tracking_no     TEXT NOT NULL DEFAULT '',
    outside_window  INTEGER NOT NULL DEFAULT 0,
    refund          INTEGER NOT NULL DEFAULT 0,
    refund_note     TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX returns_order ON returns (order_id);
CREATE INDEX returns_state ON returns (state, id);

CREATE TABLE return_lines (
    id                    INTEGER PRIMARY KEY,
    return_id             INTEGER NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    order_line_id         INTEGER NOT NULL REFERENCES order_lines (id),
    qty                   INTEGER NOT NULL CHECK (qty > 0),
    replacement_option_id INTEGER REFERENCES product_options (id),
    inspection            TEXT NOT NULL DEFAULT '' CHECK (inspection IN ('', 'GOOD', 'DISPOSE', 'SUPPLIER')),
    restocked             INTEGER NOT NULL DEFAULT 0,
    replacement_shipped   INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX return_lines_return ON return_lines (return_id);
CREATE INDEX return_lines_order_line ON return_lines (order_line_id);

CREATE TABLE return_history (
    id         INTEGER PRIMARY KEY,
    return_id  INTEGER NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    from_state TEXT NOT NULL DEFAULT '',
    to_state   TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL
) STRICT;
CREATE INDEX return_history_return ON return_history (return_id, id);
