-- 0013: customers (고객), their consent to advertising (광고성 정보 수신 동의) and mail: the outbox, campaigns
-- and the conversations fetched over IMAP. Contacts are built from orders by a sync that reads orders past a
-- watermark (customer_sync), so an order import pays nothing for them; a status or amount change on a line
-- already synced is noted by a one-row trigger (customer_dirty) and settled by the next sync.

CREATE TABLE customers (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    source          TEXT NOT NULL DEFAULT 'ORDERS' CHECK (source IN ('ORDERS', 'MANUAL', 'IMPORT', 'MAIL')),
    merged_into     INTEGER REFERENCES customers (id), -- set while merged into another contact (undoable)
    -- figures derived from the orders, settled by the sync
    first_order_at  TEXT NOT NULL DEFAULT '',
    last_order_at   TEXT NOT NULL DEFAULT '',
    last_paid_at    TEXT NOT NULL DEFAULT '',
    order_count     INTEGER NOT NULL DEFAULT 0,
    total_amount    INTEGER NOT NULL DEFAULT 0, -- 누적 구매액: lines in the sold set
    return_count    INTEGER NOT NULL DEFAULT 0,
    -- the latest email consent record, copied here so the list filters by it (consent_records is the truth)
    consent         TEXT NOT NULL DEFAULT '' CHECK (consent IN ('', 'YES', 'NO')),
    consent_at      TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX customers_last ON customers (last_order_at, id) WHERE merged_into IS NULL;
CREATE INDEX customers_total ON customers (total_amount, id) WHERE merged_into IS NULL;
CREATE INDEX customers_consent ON customers (consent, last_order_at) WHERE merged_into IS NULL;
CREATE INDEX customers_email ON customers (email) WHERE email <> '';
CREATE INDEX customers_merged ON customers (merged_into) WHERE merged_into IS NOT NULL;

-- The number of live contacts (not merged away), kept by triggers: the unfiltered list's count reads one row.
CREATE TABLE customer_count (n INTEGER NOT NULL) STRICT;
INSERT INTO customer_count VALUES (0);
CREATE TRIGGER customers_counted AFTER INSERT ON customers WHEN NEW.merged_into IS NULL
BEGIN UPDATE customer_count SET n = n + 1; END;
CREATE TRIGGER customers_uncounted AFTER DELETE ON customers WHEN OLD.merged_into IS NULL
BEGIN UPDATE customer_count SET n = n - 1; END;
CREATE TRIGGER customers_merged AFTER UPDATE OF merged_into ON customers
    WHEN (OLD.merged_into IS NULL) <> (NEW.merged_into IS NULL)
BEGIN UPDATE customer_count SET n = n + CASE WHEN NEW.merged_into IS NULL THEN 1 ELSE -1 END; END;

-- A buyer as the orders name them: 'id:<구매자ID>' when the file had one, else 'np:<name>|<phone digits>'.
-- A contact owns one or more keys; a merge moves keys, a split gives a key a contact of its own.
-- name and phone are the buyer's on the key's latest order, what the contact is found by.
CREATE TABLE customer_keys (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    name        TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    seen_at     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX customer_keys_customer ON customer_keys (customer_id);

-- Which key each synced order belongs to (the orders table is not touched). One B-tree, no foreign keys:
-- it is written for every order of a million-line store, and a row whose order is gone joins nothing.
CREATE TABLE customer_orders (
    key_id   INTEGER NOT NULL,
    order_id INTEGER NOT NULL,
    PRIMARY KEY (key_id, order_id)
) STRICT, WITHOUT ROWID;

-- Names, phones, emails and addresses entered by hand, imported from a contact file or learnt from mail;
-- those seen on orders are read from the orders themselves.
CREATE TABLE customer_details (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('NAME', 'PHONE', 'EMAIL', 'ADDRESS')),
    value       TEXT NOT NULL CHECK (value <> ''),
    source      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    UNIQUE (customer_id, kind, value)
) STRICT;
CREATE INDEX customer_details_value ON customer_details (kind, value);

CREATE TABLE customer_tags (
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    tag         TEXT NOT NULL CHECK (tag <> ''),
    PRIMARY KEY (customer_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_tags_tag ON customer_tags (tag, customer_id);

-- Consent is a record, never a flag alone: yes or no, the channel, when the customer said it, how, and
-- when the confirmation mail the law asks for within 14 days was sent. The latest record counts.
CREATE TABLE consent_records (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    channel      TEXT NOT NULL DEFAULT 'EMAIL' CHECK (channel IN ('EMAIL')),
    granted      INTEGER NOT NULL CHECK (granted IN (0, 1)),
    at           TEXT NOT NULL,
    method       TEXT NOT NULL CHECK (method <> ''),
    note         TEXT NOT NULL DEFAULT '',
    confirmed_at TEXT NOT NULL DEFAULT '',
    recorded_at  TEXT NOT NULL
) STRICT;
CREATE INDEX consent_records_customer ON consent_records (customer_id, at, id);
CREATE INDEX consent_records_unconfirmed ON consent_records (id) WHERE confirmed_at = '';

-- A merge and what it moved (JSON of row ids by table), so it can be undone exactly.
CREATE TABLE customer_merges (
    id        INTEGER PRIMARY KEY,
    into_id   INTEGER NOT NULL REFERENCES customers (id),
    from_id   INTEGER NOT NULL REFERENCES customers (id),
    moved     TEXT NOT NULL,
    at        TEXT NOT NULL,
    undone_at TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE customer_sync (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    last_order_id INTEGER NOT NULL DEFAULT 0,
    synced_at     TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO customer_sync (id) VALUES (1);

CREATE TABLE customer_dirty (order_id INTEGER PRIMARY KEY) STRICT, WITHOUT ROWID;
CREATE TRIGGER customer_line_changed AFTER UPDATE OF status, amount ON order_lines
    WHEN OLD.status IS NOT NEW.status OR OLD.amount IS NOT NEW.amount
BEGIN
    INSERT OR IGNORE INTO customer_dirty VALUES (NEW.order_id);
END;
CREATE TRIGGER customer_return_added AFTER INSERT ON returns
BEGIN
    INSERT OR IGNORE INTO customer_dirty VALUES (NEW.order_id);
END;

-- Lookup words per contact (rowid = customers.id): names as letters and pairs, the last four digits of
-- each phone, and email words.
CREATE VIRTUAL TABLE customer_search USING fts5 (name_chars, name_pairs, tails, emails,
    tokenize = 'unicode61 remove_diacritics 0');

-- The seller's mailbox. The password is never here: it lives in the OS keyring.
CREATE TABLE mail_account (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    provider          TEXT NOT NULL DEFAULT '',
    address           TEXT NOT NULL DEFAULT '',
    display_name      TEXT NOT NULL DEFAULT '',
    username          TEXT NOT NULL DEFAULT '',
    smtp_host         TEXT NOT NULL DEFAULT '',
    smtp_port         INTEGER NOT NULL DEFAULT 465,
    smtp_security     TEXT NOT NULL DEFAULT 'SSL' CHECK (smtp_security IN ('SSL', 'STARTTLS', 'NONE')),
    imap_host         TEXT NOT NULL DEFAULT '',
    imap_port         INTEGER NOT NULL DEFAULT 993,
    imap_security     TEXT NOT NULL DEFAULT 'SSL' CHECK (imap_security IN ('SSL', 'STARTTLS', 'NONE')),
    sent_folder       TEXT NOT NULL DEFAULT 'Sent',
    server_saves_sent INTEGER NOT NULL DEFAULT 1,
    per_minute        INTEGER NOT NULL DEFAULT 20 CHECK (per_minute > 0),
    per_day           INTEGER NOT NULL DEFAULT 300 CHECK (per_day > 0),
    updated_at        TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE mail_campaigns (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('AD', 'INFO')),
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    categories  TEXT NOT NULL DEFAULT '', -- the confirmed top-level categories, for the 6-month exception
    coupon      TEXT NOT NULL DEFAULT '',
    state       TEXT NOT NULL DEFAULT 'SENDING' CHECK (state IN ('SENDING', 'PAUSED', 'DONE')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- Every mail leaves from here: stored whole with its own Message-ID before it is sent, then
-- QUEUED → SENDING → SENT | FAILED, or CHECK (확인 필요) when it may have been sent but cannot be proven.
CREATE TABLE mail_outbox (
    id          INTEGER PRIMARY KEY,
    message_id  TEXT NOT NULL UNIQUE,
    campaign_id INTEGER REFERENCES mail_campaigns (id),
    customer_id INTEGER REFERENCES customers (id) ON DELETE SET NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('AD', 'INFO', 'TRANSACTIONAL', 'CONSENT', 'NOTICE', 'REPLY', 'TEST')),
    to_addr     TEXT NOT NULL,
    to_name     TEXT NOT NULL DEFAULT '',
    subject     TEXT NOT NULL,
    raw         BLOB NOT NULL,
    state       TEXT NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'CHECK')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    next_try_at TEXT NOT NULL,
    claimed_by  TEXT NOT NULL DEFAULT '',
    claimed_at  TEXT NOT NULL DEFAULT '',
    accepted_at TEXT NOT NULL DEFAULT '',
    sent_at     TEXT NOT NULL DEFAULT '',
    last_error  TEXT NOT NULL DEFAULT '',
    consent_id  INTEGER REFERENCES consent_records (id) ON DELETE SET NULL, -- a confirmation mail's record
    after_id    INTEGER REFERENCES mail_outbox (id), -- sent only once this one is SENT (an ad after its §50⑧ notice)
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_try_at, id);
CREATE INDEX mail_outbox_campaign ON mail_outbox (campaign_id, state);
CREATE INDEX mail_outbox_sent ON mail_outbox (sent_at) WHERE sent_at <> '';
CREATE INDEX mail_outbox_customer ON mail_outbox (customer_id, id);

-- Recipients a campaign skipped, with the reason (no lawful basis, no address, notice not sent …).
CREATE TABLE mail_skipped (
    campaign_id INTEGER NOT NULL REFERENCES mail_campaigns (id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    reason      TEXT NOT NULL,
    PRIMARY KEY (campaign_id, customer_id)
) STRICT, WITHOUT ROWID;

-- Where the last fetch of a folder stopped: its UIDVALIDITY and highest UID seen.
CREATE TABLE mail_folders (
    name         TEXT PRIMARY KEY,
    uid_validity INTEGER NOT NULL,
    last_uid     INTEGER NOT NULL DEFAULT 0,
    fetched_at   TEXT NOT NULL DEFAULT ''
) STRICT, WITHOUT ROWID;

CREATE TABLE mail_threads (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER REFERENCES customers (id) ON DELETE SET NULL,
    subject     TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '', -- the other party
    last_at     TEXT NOT NULL,
    unread      INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX mail_threads_last ON mail_threads (last_at, id);
CREATE INDEX mail_threads_customer ON mail_threads (customer_id, last_at);
CREATE INDEX mail_threads_address ON mail_threads (address);

CREATE TABLE mail_messages (
    id           INTEGER PRIMARY KEY,
    thread_id    INTEGER NOT NULL REFERENCES mail_threads (id) ON DELETE CASCADE,
    direction    TEXT NOT NULL CHECK (direction IN ('IN', 'OUT')),
    message_id   TEXT NOT NULL DEFAULT '',
    in_reply_to  TEXT NOT NULL DEFAULT '',
    refs         TEXT NOT NULL DEFAULT '',
    from_addr    TEXT NOT NULL DEFAULT '',
    from_name    TEXT NOT NULL DEFAULT '',
    to_addr      TEXT NOT NULL DEFAULT '',
    subject      TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL,
    folder       TEXT NOT NULL DEFAULT '',
    uid_validity INTEGER NOT NULL DEFAULT 0,
    uid          INTEGER NOT NULL DEFAULT 0,
    outbox_id    INTEGER REFERENCES mail_outbox (id) ON DELETE SET NULL,
    unsubscribe  INTEGER NOT NULL DEFAULT 0 -- 1 when this message withdrew consent
) STRICT;
CREATE INDEX mail_messages_thread ON mail_messages (thread_id, at);
CREATE INDEX mail_messages_msgid ON mail_messages (message_id) WHERE message_id <> '';
CREATE UNIQUE INDEX mail_messages_uid ON mail_messages (folder, uid_validity, uid) WHERE uid > 0;
