-- 0015: the order import's bulk mode without per-line insert triggers.
--
-- In 0014's bulk mode every line an import inserts still runs four triggers on order_lines: the two per-row
-- ones of 0012 (whose WHEN is false in bulk mode) and the two bulk ones that take the order's contribution out
-- and note it. SQLite sets up each trigger's frame before it reads the WHEN, so the four cost about a fifth
-- of the time of the line inserts of an import of 100,000 new lines (2 s of CPU) even when they do nothing. An import (data.BeginSalesImportTx) therefore
-- drops those four insert triggers inside its transaction and notes each order itself, once, before the
-- first line it inserts into it: an order the import created is noted as it is (nothing of it is counted
-- yet); an order that was there before is noted through the view below, whose trigger takes its
-- contribution out as sales_bulk_line_insert did. The flush (data.FlushSalesBulkTx) puts the triggers back,
-- with the text they had, before it adds the noted orders' figures back; a transaction that fails rolls the
-- drop back with everything else. Updates and deletes keep their 0012/0014 triggers.

-- Inserting an order id here, in bulk mode, takes the order's contribution out (its order figures and the
-- item figures of its counted lines) and notes it, unless it is noted already. Outside bulk mode it does
-- nothing.
CREATE VIEW IF NOT EXISTS sales_bulk_note AS SELECT 0 AS order_id WHERE 0;

CREATE TRIGGER IF NOT EXISTS sales_bulk_note_order INSTEAD OF INSERT ON sales_bulk_note
WHEN EXISTS (SELECT 1 FROM sales_bulk) AND NOT EXISTS (SELECT 1 FROM sales_bulk_orders d WHERE d.order_id = new.order_id) BEGIN
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
    INSERT INTO sales_day_item (day, ref, option, lines, qty, gross)
        SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), coalesce(l.product_ref, 0), coalesce(l.option_id, 0), -1, -1 * l.qty, -1 * l.amount
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = new.order_id AND l.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
    INSERT INTO sales_month_item (month, ref, option, lines, qty, gross)
        SELECT substr(date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), 1, 7), coalesce(l.product_ref, 0), coalesce(l.option_id, 0), -1, -1 * l.qty, -1 * l.amount
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = new.order_id AND l.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
    INSERT OR IGNORE INTO sales_bulk_orders (order_id) VALUES (new.order_id);
END;
