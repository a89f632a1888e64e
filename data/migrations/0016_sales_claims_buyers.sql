-- 0016: 반품 refunds on the claim's own day, summed per day; distinct buyers counted without a DISTINCT.
--
-- (1) Claims. 0012 put a line that became 반품 (an import of 반품완료, or a return completed here) on the day
-- its status was written: a year of 반품완료 imported today all landed on today. A line now counts on its
-- claim's own day, claim_at (0011: the 클레임 요청일 the file gives), and only without one on the day it became
-- 반품. Each sales_claims row also keeps what it refunds (the line's 최종 상품별 총 주문금액) and its order's
-- payment method, source and channel, kept current by the triggers below when any of them changes, and
-- sales_claim_day sums the rows per day, payment, source and channel: a year of refunds reads a few hundred
-- rows instead of joining 100,000 claimed lines to their orders. A claimed line that a return completed here
-- covers is refunded by that return (sales_refunds), not by its amount: the reader subtracts those few
-- (data.SalesRefunds). The check (data.SalesMismatches) recomputes every column of both tables.
--
-- (2) Buyers. sales_day_buyer.prev is, on a row with orders, the buyer's previous day with orders ('' when
-- none: the buyer's first order ever). The distinct buyers of [from, to] are then the rows of those days whose
-- prev is before from (each buyer's first row in the period), and the new buyers those whose prev is '';
-- sales_day_buyer_prevs counts the rows by day and prev, so a period's counts add a few hundred rows instead
-- of a DISTINCT over every buyer's row (seconds for a year of 380,000 buyers). The top buyers sum only the
-- buyers with a row whose prev is inside the period (they bought on several days of it); the others are
-- their one row (data.SalesTopBuyers). Triggers on sales_day_buyer itself keep prev and the counts when a
-- row gains or loses its last order, whoever writes the row (0012's per-row triggers, 0014/0015's bulk
-- flush, a rebuild); the check recomputes prev with a window over the rows, and the counts from prev.
--
-- Nothing here touches the 0012/0014 triggers on order_lines and orders that keep the daily tables: only the
-- two 반품 triggers of 0012 (sales_claim_insert, sales_claim_update) are made again, and new triggers are
-- added on sales_claims, sales_day_buyer, orders (payment method, source, channel) and order_lines (a claimed
-- line's amount, claim day or order).

-- (1) claims
DROP TRIGGER IF EXISTS sales_claim_insert;
DROP TRIGGER IF EXISTS sales_claim_update;

ALTER TABLE sales_claims ADD COLUMN amount INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales_claims ADD COLUMN payment TEXT NOT NULL DEFAULT '';
ALTER TABLE sales_claims ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE sales_claims ADD COLUMN channel TEXT NOT NULL DEFAULT '';

-- the rows already there: the claim's own day where the line has one, what each refunds and its order's
UPDATE sales_claims SET
    day = CASE WHEN f.claim_at <> '' THEN date(f.claim_at, f.day_offset) ELSE sales_claims.day END,
    amount = f.amount, payment = f.payment_method, source = f.source, channel = f.channel
FROM (SELECT l.id, l.claim_at, l.amount, o.payment_method, o.source, o.channel, c.day_offset
    FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN sales_config c) f
WHERE f.id = sales_claims.line_id;

CREATE TABLE IF NOT EXISTS sales_claim_day (
    day      TEXT NOT NULL,
    payment  TEXT NOT NULL,
    source   TEXT NOT NULL,
    channel  TEXT NOT NULL,
    lines    INTEGER NOT NULL DEFAULT 0,
    amount   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, payment, source, channel)
) STRICT, WITHOUT ROWID;
INSERT INTO sales_claim_day (day, payment, source, channel, lines, amount)
    SELECT day, payment, source, channel, count(*), sum(amount) FROM sales_claims GROUP BY 1, 2, 3, 4;

-- sales_claim_day follows sales_claims row by row (never write sales_claims with INSERT OR REPLACE: its
-- implicit delete fires no trigger)
CREATE TRIGGER IF NOT EXISTS sales_claim_day_insert AFTER INSERT ON sales_claims BEGIN
    INSERT INTO sales_claim_day (day, payment, source, channel, lines, amount)
        VALUES (new.day, new.payment, new.source, new.channel, 1, new.amount)
        ON CONFLICT DO UPDATE SET lines = lines + 1, amount = amount + excluded.amount;
END;
CREATE TRIGGER IF NOT EXISTS sales_claim_day_delete AFTER DELETE ON sales_claims BEGIN
    UPDATE sales_claim_day SET lines = lines - 1, amount = amount - old.amount
        WHERE day = old.day AND payment = old.payment AND source = old.source AND channel = old.channel;
END;
CREATE TRIGGER IF NOT EXISTS sales_claim_day_update AFTER UPDATE ON sales_claims BEGIN
    UPDATE sales_claim_day SET lines = lines - 1, amount = amount - old.amount
        WHERE day = old.day AND payment = old.payment AND source = old.source AND channel = old.channel;
    INSERT INTO sales_claim_day (day, payment, source, channel, lines, amount)
        VALUES (new.day, new.payment, new.source, new.channel, 1, new.amount)
        ON CONFLICT DO UPDATE SET lines = lines + 1, amount = amount + excluded.amount;
END;

-- a line written as 반품: on its claim's day, else on the day it became 반품 (the transaction's time, which
-- every write stamps as updated_at)
CREATE TRIGGER IF NOT EXISTS sales_claim_insert AFTER INSERT ON order_lines WHEN new.status = 'RETURNED' BEGIN
    INSERT OR IGNORE INTO sales_claims (line_id, day, amount, payment, source, channel)
        SELECT new.id, date(CASE WHEN new.claim_at <> '' THEN new.claim_at ELSE new.updated_at END, c.day_offset),
            new.amount, o.payment_method, o.source, o.channel
        FROM sales_config c JOIN orders o ON o.id = new.order_id;
END;
-- a line that stops being 반품 leaves; one that becomes 반품 comes in; a 반품 line whose claim day, amount or
-- order changes is written again (a claim day that goes empty keeps the day it had)
CREATE TRIGGER IF NOT EXISTS sales_claim_update AFTER UPDATE OF status, claim_at, amount, order_id ON order_lines
WHEN (old.status = 'RETURNED' OR new.status = 'RETURNED') AND (old.status IS NOT new.status
    OR old.claim_at IS NOT new.claim_at OR old.amount IS NOT new.amount OR old.order_id IS NOT new.order_id) BEGIN
    DELETE FROM sales_claims WHERE line_id = new.id AND new.status <> 'RETURNED';
    INSERT INTO sales_claims (line_id, day, amount, payment, source, channel)
        SELECT new.id, date(CASE WHEN new.claim_at <> '' THEN new.claim_at ELSE new.updated_at END, c.day_offset),
            new.amount, o.payment_method, o.source, o.channel
        FROM sales_config c JOIN orders o ON o.id = new.order_id WHERE new.status = 'RETURNED'
        ON CONFLICT (line_id) DO UPDATE SET
            day = CASE WHEN new.claim_at <> '' OR old.status IS NOT new.status THEN excluded.day ELSE sales_claims.day END,
            amount = excluded.amount, payment = excluded.payment, source = excluded.source, channel = excluded.channel
        WHERE sales_claims.day IS NOT excluded.day OR sales_claims.amount IS NOT excluded.amount
            OR sales_claims.payment IS NOT excluded.payment OR sales_claims.source IS NOT excluded.source
            OR sales_claims.channel IS NOT excluded.channel;
END;
-- an order whose payment method, source or channel changes moves its 반품 lines' refunds with it
CREATE TRIGGER IF NOT EXISTS sales_claim_order AFTER UPDATE OF payment_method, source, channel ON orders
WHEN old.payment_method IS NOT new.payment_method OR old.source IS NOT new.source OR old.channel IS NOT new.channel BEGIN
    UPDATE sales_claims SET payment = new.payment_method, source = new.source, channel = new.channel
        WHERE line_id IN (SELECT id FROM order_lines WHERE order_id = new.id AND status = 'RETURNED');
END;

-- (2) buyers
ALTER TABLE sales_day_buyer ADD COLUMN prev TEXT NOT NULL DEFAULT '';
UPDATE sales_day_buyer SET prev = w.prev
FROM (SELECT day, buyer, lag(day, 1, '') OVER (PARTITION BY buyer ORDER BY day) AS prev
    FROM sales_day_buyer WHERE orders > 0) w
WHERE w.day = sales_day_buyer.day AND w.buyer = sales_day_buyer.buyer AND w.prev <> '';
-- (orders and gross in the index so that the counts and the top buyers read it alone: buyer, the key's other
-- column, is in every entry of a WITHOUT ROWID table's index)
CREATE INDEX IF NOT EXISTS sales_day_buyer_prev ON sales_day_buyer (day, prev, orders, gross) WHERE orders > 0;

-- How many buyers' rows have each day and prev: the counts of a period add these (a few hundred rows a year,
-- at most a day for every pair of days) instead of reading every buyer's row.
CREATE TABLE IF NOT EXISTS sales_day_buyer_prevs (
    day     TEXT NOT NULL,
    prev    TEXT NOT NULL,
    buyers  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, prev)
) STRICT, WITHOUT ROWID;
INSERT INTO sales_day_buyer_prevs (day, prev, buyers)
    SELECT day, prev, count(*) FROM sales_day_buyer WHERE orders > 0 GROUP BY 1, 2;

-- A row that gains its first order takes the buyer's previous day as its prev and becomes the prev of the
-- buyer's next day; a row that loses its last order hands its prev on to the next day. (Setting prev does
-- not fire these triggers again: they watch orders.) sales_day_buyer_prevs follows every row that has
-- orders: counted in when it is inserted with orders, moved when its prev or its having orders changes
-- (sales_buyer_prevs_update, which the prev updates here fire too), counted out when it is deleted.
CREATE TRIGGER IF NOT EXISTS sales_buyer_prevs_update AFTER UPDATE OF orders, prev ON sales_day_buyer
WHEN (old.orders > 0) <> (new.orders > 0) OR old.prev IS NOT new.prev BEGIN
    UPDATE sales_day_buyer_prevs SET buyers = buyers - 1 WHERE day = old.day AND prev = old.prev AND old.orders > 0;
    INSERT INTO sales_day_buyer_prevs (day, prev, buyers) SELECT new.day, new.prev, 1 WHERE new.orders > 0
        ON CONFLICT DO UPDATE SET buyers = buyers + 1;
END;
CREATE TRIGGER IF NOT EXISTS sales_buyer_prev_insert AFTER INSERT ON sales_day_buyer WHEN new.orders > 0 BEGIN
    INSERT INTO sales_day_buyer_prevs (day, prev, buyers) VALUES (new.day, new.prev, 1)
        ON CONFLICT DO UPDATE SET buyers = buyers + 1;
    UPDATE sales_day_buyer SET prev = coalesce((SELECT max(e.day) FROM sales_day_buyer e
            WHERE e.buyer = new.buyer AND e.orders > 0 AND e.day < new.day), '')
        WHERE day = new.day AND buyer = new.buyer;
    UPDATE sales_day_buyer SET prev = new.day
        WHERE buyer = new.buyer AND day = (SELECT min(e.day) FROM sales_day_buyer e
            WHERE e.buyer = new.buyer AND e.orders > 0 AND e.day > new.day);
END;
CREATE TRIGGER IF NOT EXISTS sales_buyer_prev_update AFTER UPDATE OF orders ON sales_day_buyer
WHEN (old.orders > 0) <> (new.orders > 0) BEGIN
    UPDATE sales_day_buyer SET prev = coalesce((SELECT max(e.day) FROM sales_day_buyer e
            WHERE e.buyer = new.buyer AND e.orders > 0 AND e.day < new.day), '')
        WHERE day = new.day AND buyer = new.buyer;
    UPDATE sales_day_buyer SET prev = CASE WHEN new.orders > 0 THEN new.day
            ELSE coalesce((SELECT max(e.day) FROM sales_day_buyer e WHERE e.buyer = new.buyer AND e.orders > 0 AND e.day < new.day), '') END
        WHERE buyer = new.buyer AND day = (SELECT min(e.day) FROM sales_day_buyer e
            WHERE e.buyer = new.buyer AND e.orders > 0 AND e.day > new.day);
END;
CREATE TRIGGER IF NOT EXISTS sales_buyer_prev_delete AFTER DELETE ON sales_day_buyer WHEN old.orders > 0 BEGIN
    UPDATE sales_day_buyer_prevs SET buyers = buyers - 1 WHERE day = old.day AND prev = old.prev;
    UPDATE sales_day_buyer SET prev = coalesce((SELECT max(e.day) FROM sales_day_buyer e
            WHERE e.buyer = old.buyer AND e.orders > 0 AND e.day < old.day), '')
        WHERE buyer = old.buyer AND day = (SELECT min(e.day) FROM sales_day_buyer e
            WHERE e.buyer = old.buyer AND e.orders > 0 AND e.day > old.day);
END;
