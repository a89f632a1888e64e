-- 0001: the foundation. Key/value settings and the store profile used on PDFs and emails.

CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- One row: the seller's own business, printed on purchase orders, labels and emails.
CREATE TABLE store_profile (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    name               TEXT NOT NULL DEFAULT '',
    owner              TEXT NOT NULL DEFAULT '',
    business_no        TEXT NOT NULL DEFAULT '',
    mail_order_no      TEXT NOT NULL DEFAULT '',
    address            TEXT NOT NULL DEFAULT '',
    phone              TEXT NOT NULL DEFAULT '',
    email              TEXT NOT NULL DEFAULT '',
    return_postcode    TEXT NOT NULL DEFAULT '',
    return_address     TEXT NOT NULL DEFAULT '',
    updated_at         TEXT NOT NULL
) STRICT;
