-- 0014: a bulk mode for the sales aggregates of 0012, for an import of many lines in one transaction.
--
-- 0012 keeps every aggregate exact per row: each line written takes its whole order's contribution out
-- (BEFORE) and puts it back (AFTER), about eight upserts a line, most of an import's time. In bulk mode (a row
-- in sales_bulk, set inside the import's transaction by data.BeginSalesBulkTx) an order's contribution is
-- taken out once, the first time the order or one of its lines changes in a way the figures see, and the
-- order is noted in sales_bulk_orders; nothing else is written per row. data.FlushSalesBulkTx, in the same
-- transaction before it commits, puts back the contribution of every noted order from its final state, set
-- based, with the fact views' expressions (sales_bulk_order_facts below, sales_line_facts), then empties both
-- tables. Outside bulk mode the 0012 triggers run as before: they are the same triggers with one more
-- condition. The 반품 (sales_claims) and refund (sales_refunds) triggers are per line or per return and stay
-- as they are; the one claim statement inside an order trigger (a deleted line's claim) moves to its own
-- trigger.
-- One fix on the way: 0012's sales_line_delete_after put an order's figures back after the delete of a line
-- that did not count, whose before trigger had taken nothing out (the order then counted twice); it now has
-- the before trigger's condition.

-- Bulk mode is on while this table has its row (only inside a transaction: the flush removes it).
CREATE TABLE IF NOT EXISTS sales_bulk (
    id INTEGER PRIMARY KEY CHECK (id = 1)
) STRICT;

-- The orders whose contribution bulk mode has taken out and the flush puts back.
CREATE TABLE IF NOT EXISTS sales_bulk_orders (
    order_id INTEGER PRIMARY KEY
) STRICT;

-- The 0012 triggers, again, doing nothing in bulk mode.
DROP TRIGGER IF EXISTS sales_line_insert_before;
CREATE TRIGGER IF NOT EXISTS sales_line_insert_before BEFORE INSERT ON order_lines
WHEN NOT EXISTS (SELECT 1 FROM sales_bulk) AND (new.status IN (SELECT status FROM sales_counted_status) AND EXISTS (SELECT 1 FROM order_lines o WHERE o.order_id = new.order_id AND o.status IN (SELECT status FROM sales_counted_status))) BEGIN
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
DROP TRIGGER IF EXISTS sales_line_insert_after;
CREATE TRIGGER IF NOT EXISTS sales_line_insert_after AFTER INSERT ON order_lines
WHEN NOT EXISTS (SELECT 1 FROM sales_bulk) AND (new.status IN (SELECT status FROM sales_counted_status)) BEGIN
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
DROP TRIGGER IF EXISTS sales_line_update_before;
CREATE TRIGGER IF NOT EXISTS sales_line_update_before BEFORE UPDATE ON order_lines
WHEN NOT EXISTS (SELECT 1 FROM sales_bulk) AND (old.status IS NOT new.status OR old.qty IS NOT new.qty OR old.amount IS NOT new.amount
    OR old.product_ref IS NOT new.product_ref OR old.option_id IS NOT new.option_id OR old.order_id IS NOT new.order_id) BEGIN
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
DROP TRIGGER IF EXISTS sales_line_update_after;
CREATE TRIGGER IF NOT EXISTS sales_line_update_after AFTER UPDATE ON order_lines
WHEN NOT EXISTS (SELECT 1 FROM sales_bulk) AND (old.status IS NOT new.status OR old.qty IS NOT new.qty OR old.amount IS NOT new.amount
    OR old.product_ref IS NOT new.product_ref OR old.option_id IS NOT new.option_id OR old.order_id IS NOT new.order_id) BEGIN
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
DROP TRIGGER IF EXISTS sales_line_delete_before;
CREATE TRIGGER IF NOT EXISTS sales_line_delete_before BEFORE DELETE ON order_lines
WHEN NOT EXISTS (SELECT 1 FROM sales_bulk) AND (old.status IN (SELECT status FROM sales_counted_status)) BEGIN
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
DROP TRIGGER IF EXISTS sales_line_delete_after;
CREATE TRIGGER IF NOT EXISTS sales_line_delete_after AFTER DELETE ON order_lines
WHEN NOT EXISTS (SELECT 1 FROM sales_bulk) AND (old.status IN (SELECT status FROM sales_counted_status)) BEGIN
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
END;
DROP TRIGGER IF EXISTS sales_order_update_before;
CREATE TRIGGER IF NOT EXISTS sales_order_update_before BEFORE UPDATE ON orders
WHEN NOT EXISTS (SELECT 1 FROM sales_bulk) AND (old.paid_at IS NOT new.paid_at OR old.ordered_at IS NOT new.ordered_at
    OR old.payment_method IS NOT new.payment_method OR old.source IS NOT new.source OR old.channel IS NOT new.channel
    OR old.country IS NOT new.country OR old.address IS NOT new.address OR old.buyer_id IS NOT new.buyer_id
    OR old.buyer_name IS NOT new.buyer_name OR old.buyer_phone IS NOT new.buyer_phone
    OR old.shipping_fee IS NOT new.shipping_fee) BEGIN
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
DROP TRIGGER IF EXISTS sales_order_update_after;
CREATE TRIGGER IF NOT EXISTS sales_order_update_after AFTER UPDATE ON orders
WHEN NOT EXISTS (SELECT 1 FROM sales_bulk) AND (old.paid_at IS NOT new.paid_at OR old.ordered_at IS NOT new.ordered_at
    OR old.payment_method IS NOT new.payment_method OR old.source IS NOT new.source OR old.channel IS NOT new.channel
    OR old.country IS NOT new.country OR old.address IS NOT new.address OR old.buyer_id IS NOT new.buyer_id
    OR old.buyer_name IS NOT new.buyer_name OR old.buyer_phone IS NOT new.buyer_phone
    OR old.shipping_fee IS NOT new.shipping_fee) BEGIN
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
DROP TRIGGER IF EXISTS sales_order_delete_before;
CREATE TRIGGER IF NOT EXISTS sales_order_delete_before BEFORE DELETE ON orders
WHEN NOT EXISTS (SELECT 1 FROM sales_bulk) BEGIN
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
-- A deleted line's 반품 row goes with it, in either mode (0012 did it inside sales_line_delete_after).
CREATE TRIGGER IF NOT EXISTS sales_line_delete_claim AFTER DELETE ON order_lines BEGIN
    DELETE FROM sales_claims WHERE line_id = old.id;
END;

-- The order facts (0012's sales_order_facts, the same expressions) of the orders bulk mode noted, for the
-- flush, read from the noted orders (CROSS JOIN keeps that order): a filter on sales_order_facts is not
-- pushed into its GROUP BY and would read every counted line of the store.
CREATE VIEW IF NOT EXISTS sales_bulk_order_facts AS
SELECT o.id AS order_id,
    date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset) AS day,
    o.payment_method AS payment, o.source AS source, o.channel AS channel,
    CASE WHEN o.country <> 'KR' THEN '해외'
        ELSE substr(trim(o.address), 1, instr(trim(o.address) || ' ', ' ') - 1) END AS region,
    CAST(strftime('%H', o.ordered_at, c.day_offset) AS INTEGER) AS hour,
    CASE WHEN o.buyer_id <> '' THEN 'i:' || o.buyer_id ELSE 'n:' || o.buyer_name || '|' || o.buyer_phone END AS buyer,
    count(*) AS lines, sum(l.qty) AS qty, sum(l.amount) AS gross, o.shipping_fee AS shipping
FROM sales_bulk_orders d CROSS JOIN orders o ON o.id = d.order_id CROSS JOIN sales_config c
    CROSS JOIN order_lines l ON l.order_id = o.id
WHERE l.status IN (SELECT status FROM sales_counted_status)
GROUP BY o.id;

-- Bulk mode: the first time an order is touched, its contribution (its order figures and the item figures of
-- its counted lines, as 0012's order delete takes them out) leaves the tables before the row changes, and
-- the order is noted. A line that does not count, inserted or deleted, changes nothing.
CREATE TRIGGER IF NOT EXISTS sales_bulk_line_insert BEFORE INSERT ON order_lines
WHEN EXISTS (SELECT 1 FROM sales_bulk) AND NOT EXISTS (SELECT 1 FROM sales_bulk_orders d WHERE d.order_id = new.order_id)
    AND (new.status IN (SELECT status FROM sales_counted_status))
    AND EXISTS (SELECT 1 FROM order_lines o WHERE o.order_id = new.order_id AND o.status IN (SELECT status FROM sales_counted_status)) BEGIN
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
CREATE TRIGGER IF NOT EXISTS sales_bulk_line_insert_new BEFORE INSERT ON order_lines
WHEN EXISTS (SELECT 1 FROM sales_bulk) AND NOT EXISTS (SELECT 1 FROM sales_bulk_orders d WHERE d.order_id = new.order_id)
    AND (new.status IN (SELECT status FROM sales_counted_status))
    AND NOT EXISTS (SELECT 1 FROM order_lines o WHERE o.order_id = new.order_id AND o.status IN (SELECT status FROM sales_counted_status)) BEGIN
    INSERT OR IGNORE INTO sales_bulk_orders (order_id) VALUES (new.order_id);
END;
CREATE TRIGGER IF NOT EXISTS sales_bulk_line_update_old BEFORE UPDATE ON order_lines
WHEN EXISTS (SELECT 1 FROM sales_bulk) AND NOT EXISTS (SELECT 1 FROM sales_bulk_orders d WHERE d.order_id = old.order_id)
    AND (old.status IS NOT new.status OR old.qty IS NOT new.qty OR old.amount IS NOT new.amount
    OR old.product_ref IS NOT new.product_ref OR old.option_id IS NOT new.option_id OR old.order_id IS NOT new.order_id) BEGIN
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
        SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), coalesce(l.product_ref, 0), coalesce(l.option_id, 0), -1, -1 * l.qty, -1 * l.amount
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.order_id AND l.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
    INSERT INTO sales_month_item (month, ref, option, lines, qty, gross)
        SELECT substr(date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), 1, 7), coalesce(l.product_ref, 0), coalesce(l.option_id, 0), -1, -1 * l.qty, -1 * l.amount
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.order_id AND l.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
    INSERT OR IGNORE INTO sales_bulk_orders (order_id) VALUES (old.order_id);
END;
CREATE TRIGGER IF NOT EXISTS sales_bulk_line_update_new BEFORE UPDATE ON order_lines
WHEN EXISTS (SELECT 1 FROM sales_bulk) AND NOT EXISTS (SELECT 1 FROM sales_bulk_orders d WHERE d.order_id = new.order_id)
    AND (old.order_id IS NOT new.order_id AND (old.status IS NOT new.status OR old.qty IS NOT new.qty OR old.amount IS NOT new.amount
    OR old.product_ref IS NOT new.product_ref OR old.option_id IS NOT new.option_id OR old.order_id IS NOT new.order_id)) BEGIN
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
CREATE TRIGGER IF NOT EXISTS sales_bulk_line_delete BEFORE DELETE ON order_lines
WHEN EXISTS (SELECT 1 FROM sales_bulk) AND NOT EXISTS (SELECT 1 FROM sales_bulk_orders d WHERE d.order_id = old.order_id)
    AND (old.status IN (SELECT status FROM sales_counted_status)) BEGIN
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
        SELECT date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), coalesce(l.product_ref, 0), coalesce(l.option_id, 0), -1, -1 * l.qty, -1 * l.amount
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.order_id AND l.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
    INSERT INTO sales_month_item (month, ref, option, lines, qty, gross)
        SELECT substr(date(CASE WHEN o.paid_at <> '' THEN o.paid_at ELSE o.ordered_at END, c.day_offset), 1, 7), coalesce(l.product_ref, 0), coalesce(l.option_id, 0), -1, -1 * l.qty, -1 * l.amount
        FROM orders o JOIN sales_config c JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = old.order_id AND l.status IN (SELECT status FROM sales_counted_status)
        ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, qty = qty + excluded.qty, gross = gross + excluded.gross;
    INSERT OR IGNORE INTO sales_bulk_orders (order_id) VALUES (old.order_id);
END;
CREATE TRIGGER IF NOT EXISTS sales_bulk_order_update BEFORE UPDATE ON orders
WHEN EXISTS (SELECT 1 FROM sales_bulk) AND NOT EXISTS (SELECT 1 FROM sales_bulk_orders d WHERE d.order_id = old.id)
    AND (old.paid_at IS NOT new.paid_at OR old.ordered_at IS NOT new.ordered_at
    OR old.payment_method IS NOT new.payment_method OR old.source IS NOT new.source OR old.channel IS NOT new.channel
    OR old.country IS NOT new.country OR old.address IS NOT new.address OR old.buyer_id IS NOT new.buyer_id
    OR old.buyer_name IS NOT new.buyer_name OR old.buyer_phone IS NOT new.buyer_phone
    OR old.shipping_fee IS NOT new.shipping_fee) BEGIN
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
    INSERT OR IGNORE INTO sales_bulk_orders (order_id) VALUES (old.id);
END;
CREATE TRIGGER IF NOT EXISTS sales_bulk_order_delete BEFORE DELETE ON orders
WHEN EXISTS (SELECT 1 FROM sales_bulk) AND NOT EXISTS (SELECT 1 FROM sales_bulk_orders d WHERE d.order_id = old.id) BEGIN
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
    INSERT OR IGNORE INTO sales_bulk_orders (order_id) VALUES (old.id);
END;
