-- 0012: sales aggregates (매출). Every figure of the 매출 screen, the dashboard and the reports is read from
-- small daily tables instead of a million order lines. Triggers keep them current in the same transaction
-- as the write that changes a line, an order or a return (import, status move, manual order, refund), so no
-- area has to remember to call the sales code. `sellerdesk check` compares them with a recomputation from
-- the lines (the sales_*_facts views below are that recomputation, and the one definition of each figure).

-- The seller's local day: the offset the store's UTC times are moved by before their date is taken.
CREATE TABLE IF NOT EXISTS sales_config (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    day_offset  TEXT NOT NULL DEFAULT '+540 minutes' -- KST, no daylight saving
) STRICT;
INSERT OR IGNORE INTO sales_config (id) VALUES (1);

-- The line statuses that count as sold: app/orders Sold, the one definition (`sellerdesk check` and a test
-- of app/sales prove this table equals it).
CREATE TABLE IF NOT EXISTS sales_counted_status (status TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
INSERT OR IGNORE INTO sales_counted_status VALUES ('PAYED'), ('DELIVERING'), ('DELIVERED'), ('PURCHASE_DECIDED'),
    ('EXCHANGED'), ('RETURNED');

-- One row per local day, payment method, source and channel: orders (with at least one counted line),
-- counted lines, quantity, 결제금액 and the orders' shipping fees.
CREATE TABLE IF NOT EXISTS sales_day (
    day      TEXT NOT NULL,
    payment  TEXT NOT NULL,
    source   TEXT NOT NULL,
    channel  TEXT NOT NULL,
    orders   INTEGER NOT NULL DEFAULT 0,
    lines    INTEGER NOT NULL DEFAULT 0,
    qty      INTEGER NOT NULL DEFAULT 0,
    gross    INTEGER NOT NULL DEFAULT 0,
    shipping INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, payment, source, channel)
) STRICT, WITHOUT ROWID;

-- Per local day, region (the address's first word; 해외 abroad) and hour the order came in.
CREATE TABLE IF NOT EXISTS sales_day_place (
    day     TEXT NOT NULL,
    region  TEXT NOT NULL,
    hour    INTEGER NOT NULL,
    orders  INTEGER NOT NULL DEFAULT 0,
    gross   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, region, hour)
) STRICT, WITHOUT ROWID;

-- Per local day and buyer (구매자 ID, else name and phone): for distinct buyers, new vs returning, top buyers.
CREATE TABLE IF NOT EXISTS sales_day_buyer (
    day     TEXT NOT NULL,
    buyer   TEXT NOT NULL,
    orders  INTEGER NOT NULL DEFAULT 0,
    gross   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, buyer)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sales_day_buyer_first ON sales_day_buyer (buyer, day) WHERE orders > 0;

-- Per local day and product line (order_products id) and option: lines, quantity, 결제금액.
CREATE TABLE IF NOT EXISTS sales_day_item (
    day     TEXT NOT NULL,
    ref     INTEGER NOT NULL,
    option  INTEGER NOT NULL,
    lines   INTEGER NOT NULL DEFAULT 0,
    qty     INTEGER NOT NULL DEFAULT 0,
    gross   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, ref, option)
) STRICT, WITHOUT ROWID;

-- The same per month ('YYYY-MM'), so a year's ranking reads twelve months instead of 365 days.
CREATE TABLE IF NOT EXISTS sales_month_item (
    month   TEXT NOT NULL,
    ref     INTEGER NOT NULL,
    option  INTEGER NOT NULL,
    lines   INTEGER NOT NULL DEFAULT 0,
    qty     INTEGER NOT NULL DEFAULT 0,
    gross   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, ref, option)
) STRICT, WITHOUT ROWID;

-- Refunds of returns completed here, on the day they were completed.
CREATE TABLE IF NOT EXISTS sales_refunds (
    return_id INTEGER PRIMARY KEY,
    day       TEXT NOT NULL,
    amount    INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS sales_refunds_day ON sales_refunds (day);

-- Lines that became 반품 (an import of 반품완료, or a return completed here), on the day they became it. A
-- line no completed return of this desk covers is refunded by its amount on this day (see app/sales).
CREATE TABLE IF NOT EXISTS sales_claims (
    line_id INTEGER PRIMARY KEY,
    day     TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS sales_claims_day ON sales_claims (day);

-- The facts, one definition each: what a line and an order contribute. The triggers write the same
-- expressions for one line or one order; the check recomputes every table from these views.
CREATE VIEW IF NOT EXISTS sales_line_facts AS
SELECT l.id AS line_id, l.order_id AS order_id,
    date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day,
    coalesce(l.product_ref, 0) AS ref, coalesce(l.option_id, 0) AS option, l.qty AS qty, l.amount AS gross
FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN sales_config c
WHERE l.status IN (SELECT status FROM sales_counted_status);

CREATE VIEW IF NOT EXISTS sales_order_facts AS
SELECT o.id AS order_id,
    date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day,
    o.payment_method AS payment, o.source AS source, o.channel AS channel,
    CASE WHEN o.country <> 'KR' THEN '해외'
        ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
    CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
    CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
    count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
WHERE l.status IN (SELECT status FROM sales_counted_status)
GROUP BY o.id;


-- Triggers. A change takes the old contribution out before the row changes (BEFORE) and puts the new one in
-- after (AFTER), each read with the same expressions as the views: whatever the write, the tables stay equal
-- to the views. A line that does not count changes nothing and costs one WHEN.
CREATE TRIGGER IF NOT EXISTS sales_line_insert_before BEFORE INSERT ON order_lines
WHEN new.status IN (SELECT status FROM sales_counted_status) AND EXISTS (SELECT 1 FROM order_lines o WHERE o.order_id = new.order_id AND o.status IN (SELECT status FROM sales_counted_status)) BEGIN
    INSERT INTO sales_day (day, payment, source, channel, orders, lines, qty, gross, shipping)
        SELECT day, payment, source, channel, -1, -1 * lines, -1 * qty, -1 * gross, -1 * shipping FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = new.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, lines = lines + excluded.lines,
            qty = qty + excluded.qty, gross = gross + excluded.gross, shipping = shipping + excluded.shipping;
    INSERT INTO sales_day_place (day, region, hour, orders, gross)
        SELECT day, region, hour, -1, -1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = new.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_buyer (day, buyer, orders, gross)
        SELECT day, buyer, -1, -1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = new.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
END;
CREATE TRIGGER IF NOT EXISTS sales_line_insert_after AFTER INSERT ON order_lines
WHEN new.status IN (SELECT status FROM sales_counted_status) BEGIN
    INSERT INTO sales_day (day, payment, source, channel, orders, lines, qty, gross, shipping)
        SELECT day, payment, source, channel, 1, 1 * lines, 1 * qty, 1 * gross, 1 * shipping FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = new.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, lines = lines + excluded.lines,
            qty = qty + excluded.qty, gross = gross + excluded.gross, shipping = shipping + excluded.shipping;
    INSERT INTO sales_day_place (day, region, hour, orders, gross)
        SELECT day, region, hour, 1, 1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = new.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_buyer (day, buyer, orders, gross)
        SELECT day, buyer, 1, 1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = new.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_item (day, ref, option, lines, qty, gross)
        SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), coalesce(new.product_ref, 0), coalesce(new.option_id, 0), 1, 1 * new.qty, 1 * new.amount
        FROM orders o JOIN sales_config c WHERE o.id = new.order_id AND new.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
    INSERT INTO sales_month_item (month, ref, option, lines, qty, gross)
        SELECT substr(date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), 1, 7), coalesce(new.product_ref, 0), coalesce(new.option_id, 0), 1, 1 * new.qty, 1 * new.amount
        FROM orders o JOIN sales_config c WHERE o.id = new.order_id AND new.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
END;
CREATE TRIGGER IF NOT EXISTS sales_line_update_before BEFORE UPDATE ON order_lines
WHEN old.status IS NOT new.status OR old.qty IS NOT new.qty OR old.amount IS NOT new.amount
    OR old.product_ref IS NOT new.product_ref OR old.option_id IS NOT new.option_id OR old.order_id IS NOT new.order_id BEGIN
    INSERT INTO sales_day (day, payment, source, channel, orders, lines, qty, gross, shipping)
        SELECT day, payment, source, channel, -1, -1 * lines, -1 * qty, -1 * gross, -1 * shipping FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, lines = lines + excluded.lines,
            qty = qty + excluded.qty, gross = gross + excluded.gross, shipping = shipping + excluded.shipping;
    INSERT INTO sales_day_place (day, region, hour, orders, gross)
        SELECT day, region, hour, -1, -1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_buyer (day, buyer, orders, gross)
        SELECT day, buyer, -1, -1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day (day, payment, source, channel, orders, lines, qty, gross, shipping)
        SELECT day, payment, source, channel, -1, -1 * lines, -1 * qty, -1 * gross, -1 * shipping FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = new.order_id AND new.order_id <> old.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, lines = lines + excluded.lines,
            qty = qty + excluded.qty, gross = gross + excluded.gross, shipping = shipping + excluded.shipping;
    INSERT INTO sales_day_place (day, region, hour, orders, gross)
        SELECT day, region, hour, -1, -1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = new.order_id AND new.order_id <> old.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_buyer (day, buyer, orders, gross)
        SELECT day, buyer, -1, -1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = new.order_id AND new.order_id <> old.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_item (day, ref, option, lines, qty, gross)
        SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), coalesce(old.product_ref, 0), coalesce(old.option_id, 0), -1, -1 * old.qty, -1 * old.amount
        FROM orders o JOIN sales_config c WHERE o.id = old.order_id AND old.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
    INSERT INTO sales_month_item (month, ref, option, lines, qty, gross)
        SELECT substr(date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), 1, 7), coalesce(old.product_ref, 0), coalesce(old.option_id, 0), -1, -1 * old.qty, -1 * old.amount
        FROM orders o JOIN sales_config c WHERE o.id = old.order_id AND old.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
END;
CREATE TRIGGER IF NOT EXISTS sales_line_update_after AFTER UPDATE ON order_lines
WHEN old.status IS NOT new.status OR old.qty IS NOT new.qty OR old.amount IS NOT new.amount
    OR old.product_ref IS NOT new.product_ref OR old.option_id IS NOT new.option_id OR old.order_id IS NOT new.order_id BEGIN
    INSERT INTO sales_day (day, payment, source, channel, orders, lines, qty, gross, shipping)
        SELECT day, payment, source, channel, 1, 1 * lines, 1 * qty, 1 * gross, 1 * shipping FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = new.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, lines = lines + excluded.lines,
            qty = qty + excluded.qty, gross = gross + excluded.gross, shipping = shipping + excluded.shipping;
    INSERT INTO sales_day_place (day, region, hour, orders, gross)
        SELECT day, region, hour, 1, 1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = new.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_buyer (day, buyer, orders, gross)
        SELECT day, buyer, 1, 1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = new.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day (day, payment, source, channel, orders, lines, qty, gross, shipping)
        SELECT day, payment, source, channel, 1, 1 * lines, 1 * qty, 1 * gross, 1 * shipping FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.order_id AND new.order_id <> old.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, lines = lines + excluded.lines,
            qty = qty + excluded.qty, gross = gross + excluded.gross, shipping = shipping + excluded.shipping;
    INSERT INTO sales_day_place (day, region, hour, orders, gross)
        SELECT day, region, hour, 1, 1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.order_id AND new.order_id <> old.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_buyer (day, buyer, orders, gross)
        SELECT day, buyer, 1, 1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.order_id AND new.order_id <> old.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_item (day, ref, option, lines, qty, gross)
        SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), coalesce(new.product_ref, 0), coalesce(new.option_id, 0), 1, 1 * new.qty, 1 * new.amount
        FROM orders o JOIN sales_config c WHERE o.id = new.order_id AND new.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
    INSERT INTO sales_month_item (month, ref, option, lines, qty, gross)
        SELECT substr(date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), 1, 7), coalesce(new.product_ref, 0), coalesce(new.option_id, 0), 1, 1 * new.qty, 1 * new.amount
        FROM orders o JOIN sales_config c WHERE o.id = new.order_id AND new.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
END;
CREATE TRIGGER IF NOT EXISTS sales_line_delete_before BEFORE DELETE ON order_lines
WHEN old.status IN (SELECT status FROM sales_counted_status) BEGIN
    INSERT INTO sales_day (day, payment, source, channel, orders, lines, qty, gross, shipping)
        SELECT day, payment, source, channel, -1, -1 * lines, -1 * qty, -1 * gross, -1 * shipping FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, lines = lines + excluded.lines,
            qty = qty + excluded.qty, gross = gross + excluded.gross, shipping = shipping + excluded.shipping;
    INSERT INTO sales_day_place (day, region, hour, orders, gross)
        SELECT day, region, hour, -1, -1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_buyer (day, buyer, orders, gross)
        SELECT day, buyer, -1, -1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_item (day, ref, option, lines, qty, gross)
        SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), coalesce(old.product_ref, 0), coalesce(old.option_id, 0), -1, -1 * old.qty, -1 * old.amount
        FROM orders o JOIN sales_config c WHERE o.id = old.order_id AND old.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
    INSERT INTO sales_month_item (month, ref, option, lines, qty, gross)
        SELECT substr(date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), 1, 7), coalesce(old.product_ref, 0), coalesce(old.option_id, 0), -1, -1 * old.qty, -1 * old.amount
        FROM orders o JOIN sales_config c WHERE o.id = old.order_id AND old.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
END;
CREATE TRIGGER IF NOT EXISTS sales_line_delete_after AFTER DELETE ON order_lines BEGIN
    INSERT INTO sales_day (day, payment, source, channel, orders, lines, qty, gross, shipping)
        SELECT day, payment, source, channel, 1, 1 * lines, 1 * qty, 1 * gross, 1 * shipping FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, lines = lines + excluded.lines,
            qty = qty + excluded.qty, gross = gross + excluded.gross, shipping = shipping + excluded.shipping;
    INSERT INTO sales_day_place (day, region, hour, orders, gross)
        SELECT day, region, hour, 1, 1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_buyer (day, buyer, orders, gross)
        SELECT day, buyer, 1, 1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.order_id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    DELETE FROM sales_claims WHERE line_id = old.id;
END;
CREATE TRIGGER IF NOT EXISTS sales_order_update_before BEFORE UPDATE ON orders
WHEN old.paid_at IS NOT new.paid_at OR old.ordered_at IS NOT new.ordered_at
    OR old.payment_method IS NOT new.payment_method OR old.source IS NOT new.source OR old.channel IS NOT new.channel
    OR old.country IS NOT new.country OR old.address IS NOT new.address OR old.buyer_id IS NOT new.buyer_id
    OR old.buyer_name IS NOT new.buyer_name OR old.buyer_phone IS NOT new.buyer_phone
    OR old.shipping_fee IS NOT new.shipping_fee BEGIN
    INSERT INTO sales_day (day, payment, source, channel, orders, lines, qty, gross, shipping)
        SELECT day, payment, source, channel, -1, -1 * lines, -1 * qty, -1 * gross, -1 * shipping FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, lines = lines + excluded.lines,
            qty = qty + excluded.qty, gross = gross + excluded.gross, shipping = shipping + excluded.shipping;
    INSERT INTO sales_day_place (day, region, hour, orders, gross)
        SELECT day, region, hour, -1, -1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_buyer (day, buyer, orders, gross)
        SELECT day, buyer, -1, -1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_item (day, ref, option, lines, qty, gross)
        SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), coalesce(l.product_ref, 0), coalesce(l.option_id, 0), -1, -1 * l.qty, -1 * l.amount
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.id AND l.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
    INSERT INTO sales_month_item (month, ref, option, lines, qty, gross)
        SELECT substr(date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), 1, 7), coalesce(l.product_ref, 0), coalesce(l.option_id, 0), -1, -1 * l.qty, -1 * l.amount
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.id AND l.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
END;
CREATE TRIGGER IF NOT EXISTS sales_order_update_after AFTER UPDATE ON orders
WHEN old.paid_at IS NOT new.paid_at OR old.ordered_at IS NOT new.ordered_at
    OR old.payment_method IS NOT new.payment_method OR old.source IS NOT new.source OR old.channel IS NOT new.channel
    OR old.country IS NOT new.country OR old.address IS NOT new.address OR old.buyer_id IS NOT new.buyer_id
    OR old.buyer_name IS NOT new.buyer_name OR old.buyer_phone IS NOT new.buyer_phone
    OR old.shipping_fee IS NOT new.shipping_fee BEGIN
    INSERT INTO sales_day (day, payment, source, channel, orders, lines, qty, gross, shipping)
        SELECT day, payment, source, channel, 1, 1 * lines, 1 * qty, 1 * gross, 1 * shipping FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, lines = lines + excluded.lines,
            qty = qty + excluded.qty, gross = gross + excluded.gross, shipping = shipping + excluded.shipping;
    INSERT INTO sales_day_place (day, region, hour, orders, gross)
        SELECT day, region, hour, 1, 1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_buyer (day, buyer, orders, gross)
        SELECT day, buyer, 1, 1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_item (day, ref, option, lines, qty, gross)
        SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), coalesce(l.product_ref, 0), coalesce(l.option_id, 0), 1, 1 * l.qty, 1 * l.amount
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.id AND l.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
    INSERT INTO sales_month_item (month, ref, option, lines, qty, gross)
        SELECT substr(date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), 1, 7), coalesce(l.product_ref, 0), coalesce(l.option_id, 0), 1, 1 * l.qty, 1 * l.amount
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.id AND l.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
END;
CREATE TRIGGER IF NOT EXISTS sales_order_delete_before BEFORE DELETE ON orders BEGIN
    INSERT INTO sales_day (day, payment, source, channel, orders, lines, qty, gross, shipping)
        SELECT day, payment, source, channel, -1, -1 * lines, -1 * qty, -1 * gross, -1 * shipping FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, lines = lines + excluded.lines,
            qty = qty + excluded.qty, gross = gross + excluded.gross, shipping = shipping + excluded.shipping;
    INSERT INTO sales_day_place (day, region, hour, orders, gross)
        SELECT day, region, hour, -1, -1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_buyer (day, buyer, orders, gross)
        SELECT day, buyer, -1, -1 * gross FROM (SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day, o.payment_method AS payment, o.source AS source, o.channel AS channel,
            CASE WHEN o.country <> 'KR' THEN '해외'
                ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
            CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
            CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
            count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.id AND l.status IN (SELECT status FROM sales_counted_status) GROUP BY o.id) WHERE 1
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, gross = gross + excluded.gross;
    INSERT INTO sales_day_item (day, ref, option, lines, qty, gross)
        SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), coalesce(l.product_ref, 0), coalesce(l.option_id, 0), -1, -1 * l.qty, -1 * l.amount
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.id AND l.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
    INSERT INTO sales_month_item (month, ref, option, lines, qty, gross)
        SELECT substr(date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), 1, 7), coalesce(l.product_ref, 0), coalesce(l.option_id, 0), -1, -1 * l.qty, -1 * l.amount
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.id AND l.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
END;
-- 반품 lines, on the day they became 반품 (the transaction's time, which every write stamps as updated_at)
CREATE TRIGGER IF NOT EXISTS sales_claim_insert AFTER INSERT ON order_lines WHEN new.status = 'RETURNED' BEGIN
    INSERT OR IGNORE INTO sales_claims (line_id, day) SELECT new.id, date(new.updated_at, c.day_offset) FROM sales_config c;
END;
CREATE TRIGGER IF NOT EXISTS sales_claim_update AFTER UPDATE OF status ON order_lines
WHEN old.status IS NOT new.status AND (old.status = 'RETURNED' OR new.status = 'RETURNED') BEGIN
    DELETE FROM sales_claims WHERE line_id = new.id AND new.status <> 'RETURNED';
    INSERT OR IGNORE INTO sales_claims (line_id, day)
        SELECT new.id, date(new.updated_at, c.day_offset) FROM sales_config c WHERE new.status = 'RETURNED';
END;

-- Refunds: a return (not an exchange) completed here, on the day it was completed; a later change of the
-- amount keeps that day.
CREATE TRIGGER IF NOT EXISTS sales_refund_insert AFTER INSERT ON returns
WHEN new.kind = 'RETURN' AND new.state = 'DONE' BEGIN
    INSERT OR REPLACE INTO sales_refunds (return_id, day, amount)
        SELECT new.id, date(new.updated_at, c.day_offset), new.refund FROM sales_config c;
END;
CREATE TRIGGER IF NOT EXISTS sales_refund_update AFTER UPDATE ON returns
WHEN old.state IS NOT new.state OR old.refund IS NOT new.refund OR old.kind IS NOT new.kind BEGIN
    DELETE FROM sales_refunds WHERE return_id = new.id AND NOT (new.kind = 'RETURN' AND new.state = 'DONE');
    INSERT INTO sales_refunds (return_id, day, amount)
        SELECT new.id, date(new.updated_at, c.day_offset), new.refund FROM sales_config c
        WHERE new.kind = 'RETURN' AND new.state = 'DONE'
        ON CONFLICT (return_id) DO UPDATE SET amount = excluded.amount;
END;
CREATE TRIGGER IF NOT EXISTS sales_refund_delete AFTER DELETE ON returns BEGIN
    DELETE FROM sales_refunds WHERE return_id = old.id;
END;

-- What the store held before this step: filled once from the views (a new store has nothing to fill).
INSERT INTO sales_day (day, payment, source, channel, orders, lines, qty, gross, shipping)
    SELECT day, payment, source, channel, count(*), sum(lines), sum(qty), sum(gross), sum(shipping)
    FROM sales_order_facts WHERE 1 GROUP BY 1, 2, 3, 4
    ON CONFLICT DO NOTHING;
INSERT INTO sales_day_place (day, region, hour, orders, gross)
    SELECT day, region, hour, count(*), sum(gross) FROM sales_order_facts WHERE 1 GROUP BY 1, 2, 3
    ON CONFLICT DO NOTHING;
INSERT INTO sales_day_buyer (day, buyer, orders, gross)
    SELECT day, buyer, count(*), sum(gross) FROM sales_order_facts WHERE 1 GROUP BY 1, 2
    ON CONFLICT DO NOTHING;
INSERT INTO sales_day_item (day, ref, option, lines, qty, gross)
    SELECT day, ref, option, count(*), sum(qty), sum(gross) FROM sales_line_facts WHERE 1 GROUP BY 1, 2, 3
    ON CONFLICT DO NOTHING;
INSERT INTO sales_month_item (month, ref, option, lines, qty, gross)
    SELECT substr(day, 1, 7), ref, option, count(*), sum(qty), sum(gross) FROM sales_line_facts WHERE 1 GROUP BY 1, 2, 3
    ON CONFLICT DO NOTHING;
INSERT OR IGNORE INTO sales_refunds (return_id, day, amount)
    SELECT r.id, date(coalesce((SELECT max(h.at) FROM return_history h WHERE h.return_id = r.id AND h.to_state = 'DONE'),
        r.updated_at), c.day_offset), r.refund
    FROM returns r JOIN sales_config c WHERE r.kind = 'RETURN' AND r.state = 'DONE';
INSERT OR IGNORE INTO sales_claims (line_id, day)
    SELECT l.id, date(coalesce((SELECT max(h.at) FROM order_status_history h WHERE h.line_id = l.id AND h.to_status = 'RETURNED'),
        l.updated_at), c.day_offset)
    FROM order_lines l JOIN sales_config c WHERE l.status = 'RETURNED';
