package data

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Sales figures are read from the daily tables the triggers of the sales migration keep (see
// migrations/0012_sales.sql). Days are the seller's local days as 'YYYY-MM-DD' text; a range is [From, To]
// inclusive. The rules (what counts, on which day) live in the migration's views and in app/sales.

// SalesRange is a closed range of local days, 'YYYY-MM-DD'.
type SalesRange struct{ From, To string }

// SalesDayRow is one day, payment method, source and channel of sales_day.
type SalesDayRow struct {
	Day, Payment, Source, Channel       string
	Orders, Lines, Qty, Gross, Shipping int64
}

// SalesDays reads sales_day over r, rows with nothing in them left out.
func SalesDays(ctx context.Context, q Querier, r SalesRange) ([]SalesDayRow, error) {
	rows, err := q.QueryContext(ctx, `SELECT day, payment, source, channel, orders, lines, qty, gross, shipping
		FROM sales_day WHERE day >= ? AND day <= ? AND (orders <> 0 OR lines <> 0 OR gross <> 0 OR shipping <> 0)
		ORDER BY day`, r.From, r.To)
	if err != nil {
		return nil, fmt.Errorf("data: sales days: %w", err)
	}
	defer rows.Close()
	var out []SalesDayRow
	for rows.Next() {
		var d SalesDayRow
		if err := rows.Scan(&d.Day, &d.Payment, &d.Source, &d.Channel, &d.Orders, &d.Lines, &d.Qty, &d.Gross, &d.Shipping); err != nil {
			return nil, fmt.Errorf("data: sales days: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// SalesPlaceRow is one day, region and hour of sales_day_place.
type SalesPlaceRow struct {
	Day, Region   string
	Hour          int
	Orders, Gross int64
}

// SalesPlaces reads sales_day_place over r.
func SalesPlaces(ctx context.Context, q Querier, r SalesRange) ([]SalesPlaceRow, error) {
	rows, err := q.QueryContext(ctx, `SELECT day, region, hour, orders, gross FROM sales_day_place
		WHERE day >= ? AND day <= ? AND orders <> 0`, r.From, r.To)
	if err != nil {
		return nil, fmt.Errorf("data: sales places: %w", err)
	}
	defer rows.Close()
	var out []SalesPlaceRow
	for rows.Next() {
		var p SalesPlaceRow
		if err := rows.Scan(&p.Day, &p.Region, &p.Hour, &p.Orders, &p.Gross); err != nil {
			return nil, fmt.Errorf("data: sales places: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// SalesItemRow is what one product line (product name + option text) and option sold over a range, with
// the catalogue's product, category and cost when the line is linked to an option.
type SalesItemRow struct {
	Ref, OptionID           int64
	ProductName, OptionInfo string
	ProductID, CategoryID   int64
	Cost                    int64 // 0: unknown
	Lines, Qty, Gross       int64
}

// SalesItems sums what each product line and option sold over r: whole months from sales_month_item, the
// days of a month r covers only in part from sales_day_item.
func SalesItems(ctx context.Context, q Querier, r SalesRange) ([]SalesItemRow, error) {
	parts, args := itemParts(r)
	rows, err := q.QueryContext(ctx, `SELECT s.ref, s.option, coalesce(op.product_name, ''), coalesce(op.option_info, ''),
			coalesce(p.id, 0), coalesce(p.category_id, 0), coalesce(p.cost, 0), s.lines, s.qty, s.gross
		FROM (SELECT ref, option, sum(lines) AS lines, sum(qty) AS qty, sum(gross) AS gross FROM (`+parts+`)
			GROUP BY ref, option HAVING sum(lines) <> 0 OR sum(gross) <> 0) s
		LEFT JOIN order_products op ON op.id = s.ref
		LEFT JOIN product_options po ON po.id = s.option
		LEFT JOIN products p ON p.id = po.product_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("data: sales items: %w", err)
	}
	defer rows.Close()
	var out []SalesItemRow
	for rows.Next() {
		var it SalesItemRow
		if err := rows.Scan(&it.Ref, &it.OptionID, &it.ProductName, &it.OptionInfo, &it.ProductID, &it.CategoryID,
			&it.Cost, &it.Lines, &it.Qty, &it.Gross); err != nil {
			return nil, fmt.Errorf("data: sales items: %w", err)
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// itemParts splits r into the whole months inside it and the days left at either end, as a UNION ALL of
// the item tables.
func itemParts(r SalesRange) (string, []any) {
	const days = `SELECT ref, option, lines, qty, gross FROM sales_day_item WHERE day >= ? AND day <= ?`
	from, err1 := time.Parse(time.DateOnly, r.From)
	to, err2 := time.Parse(time.DateOnly, r.To)
	if err1 != nil || err2 != nil || to.Before(from) {
		return days, []any{r.From, r.To}
	}
	first := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	if !first.Equal(from) {
		first = first.AddDate(0, 1, 0) // the first whole month starts after from
	}
	end := time.Date(to.Year(), to.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0) // month after to's
	if !end.AddDate(0, 0, -1).Equal(to) {
		end = end.AddDate(0, -1, 0) // to's month is partial: whole months end before it
	}
	if !first.Before(end) {
		return days, []any{r.From, r.To}
	}
	var parts []string
	var args []any
	if from.Before(first) {
		parts, args = append(parts, days), append(args, r.From, first.AddDate(0, 0, -1).Format(time.DateOnly))
	}
	parts = append(parts, `SELECT ref, option, lines, qty, gross FROM sales_month_item WHERE month >= ? AND month <= ?`)
	args = append(args, first.Format("2006-01"), end.AddDate(0, -1, 0).Format("2006-01"))
	if end.AddDate(0, 0, -1).Before(to) {
		parts, args = append(parts, days), append(args, end.Format(time.DateOnly), r.To)
	}
	return strings.Join(parts, " UNION ALL "), args
}

// SalesItemDays sums sales_day_item per day over r, for the products given by their order_products ids (all
// when refs is empty): the trend of one product.
func SalesItemDays(ctx context.Context, q Querier, r SalesRange, refs []int64) (map[string][2]int64, error) {
	query := `SELECT day, sum(qty), sum(gross) FROM sales_day_item WHERE day >= ? AND day <= ?`
	args := []any{r.From, r.To}
	if len(refs) > 0 {
		query += ` AND ref IN (` + placeholders(len(refs)) + `)`
		args = append(args, anys(refs)...)
	}
	rows, err := q.QueryContext(ctx, query+` GROUP BY day`, args...)
	if err != nil {
		return nil, fmt.Errorf("data: sales item days: %w", err)
	}
	defer rows.Close()
	out := map[string][2]int64{}
	for rows.Next() {
		var day string
		var qty, gross int64
		if err := rows.Scan(&day, &qty, &gross); err != nil {
			return nil, fmt.Errorf("data: sales item days: %w", err)
		}
		out[day] = [2]int64{qty, gross}
	}
	return out, rows.Err()
}

// SalesBuyerCounts counts the distinct buyers with an order in r, and of them those whose first order ever
// is in r (new buyers). Each buyer's first row in r is the one whose previous day with orders (prev,
// migration 0016) lies before r; a new buyer's has none. sales_day_buyer_prevs counts the rows by day and
// prev: a year's count adds a few hundred of its rows, however many buyers the year had.
func SalesBuyerCounts(ctx context.Context, q Querier, r SalesRange) (buyers, newBuyers int64, err error) {
	if err = q.QueryRowContext(ctx, `SELECT coalesce(sum(buyers), 0), coalesce(sum(CASE WHEN prev = '' THEN buyers END), 0)
		FROM sales_day_buyer_prevs WHERE day >= ?1 AND day <= ?2 AND prev < ?1`, r.From, r.To).Scan(&buyers, &newBuyers); err != nil {
		return 0, 0, fmt.Errorf("data: sales buyers: %w", err)
	}
	return buyers, newBuyers, nil
}

// SalesBuyerRow is one buyer's orders and 결제금액 over a range.
type SalesBuyerRow struct {
	Buyer         string // 'i:' + 구매자 ID, or 'n:' + name + '|' + phone
	Orders, Gross int64
	First         string // the buyer's first day with an order, ever
}

// SalesTopBuyers lists the buyers with the most 결제금액 in r, at most limit (ties by buyer). A buyer with one
// day of orders in r is that day's row; only the buyers with several days in r (a row whose previous day
// with orders, prev, is inside r) are summed. So the ranking reads the period's rows once for the top
// single-day buyers and sums the few who came back, instead of grouping every buyer of the period.
func SalesTopBuyers(ctx context.Context, q Querier, r SalesRange, limit int) ([]SalesBuyerRow, error) {
	rows, err := q.QueryContext(ctx, `WITH m AS MATERIALIZED (SELECT DISTINCT buyer FROM sales_day_buyer INDEXED BY sales_day_buyer_prev
			WHERE day >= ?1 AND day <= ?2 AND orders > 0 AND prev >= ?1),
		t AS (SELECT s.buyer, sum(s.orders) AS orders, sum(s.gross) AS gross FROM m CROSS JOIN sales_day_buyer s
				WHERE s.buyer = m.buyer AND s.day >= ?1 AND s.day <= ?2 AND s.orders > 0 GROUP BY s.buyer
			UNION ALL
			SELECT * FROM (SELECT buyer, orders, gross FROM sales_day_buyer
				WHERE day >= ?1 AND day <= ?2 AND orders > 0 AND prev < ?1 AND buyer NOT IN m
				ORDER BY gross DESC, buyer LIMIT ?3))
		SELECT t.buyer, t.orders, t.gross,
			(SELECT min(e.day) FROM sales_day_buyer e WHERE e.buyer = t.buyer AND e.orders > 0)
		FROM t ORDER BY t.gross DESC, t.buyer LIMIT ?3`, r.From, r.To, limit)
	if err != nil {
		return nil, fmt.Errorf("data: top buyers: %w", err)
	}
	defer rows.Close()
	var out []SalesBuyerRow
	for rows.Next() {
		var b SalesBuyerRow
		if err := rows.Scan(&b.Buyer, &b.Orders, &b.Gross, &b.First); err != nil {
			return nil, fmt.Errorf("data: top buyers: %w", err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// SalesRefundRow is the refunds of one day, payment method, source and channel.
type SalesRefundRow struct {
	Day                      string
	Payment, Source, Channel string
	Amount                   int64
}

// salesRefundParts are the refunds of a range (?1..?2), as rows of day, payment, source, channel and amount:
// the returns completed here (sales_refunds, few), the 반품 lines by day (sales_claim_day, migration 0016),
// less the 반품 lines a return completed here covers (refunded by that return instead; read from the
// completed returns, few, not from the lines).
const salesRefundParts = `SELECT s.day, o.payment_method, o.source, o.channel, s.amount
		FROM sales_refunds s JOIN returns r ON r.id = s.return_id JOIN orders o ON o.id = r.order_id
		WHERE s.day >= ?1 AND s.day <= ?2
	UNION ALL
	SELECT day, payment, source, channel, amount FROM sales_claim_day WHERE day >= ?1 AND day <= ?2 AND amount <> 0
	UNION ALL
	SELECT c.day, c.payment, c.source, c.channel, -c.amount
		FROM (SELECT DISTINCT rl.order_line_id AS id FROM returns r JOIN return_lines rl ON rl.return_id = r.id
			WHERE r.kind = 'RETURN' AND r.state = 'DONE') d CROSS JOIN sales_claims c ON c.line_id = d.id
		WHERE c.day >= ?1 AND c.day <= ?2`

// SalesRefunds sums the refunds whose day is in r by day, payment method, source and channel: the returns
// completed here on the day they were completed, and the 반품 lines no completed return of this desk
// covers, by their amount, on their claim's day.
func SalesRefunds(ctx context.Context, q Querier, r SalesRange) ([]SalesRefundRow, error) {
	rows, err := q.QueryContext(ctx, `SELECT day, payment_method, source, channel, sum(amount) FROM (`+salesRefundParts+`)
		GROUP BY 1, 2, 3, 4 HAVING sum(amount) <> 0`, r.From, r.To)
	if err != nil {
		return nil, fmt.Errorf("data: sales refunds: %w", err)
	}
	defer rows.Close()
	var out []SalesRefundRow
	for rows.Next() {
		var x SalesRefundRow
		if err := rows.Scan(&x.Day, &x.Payment, &x.Source, &x.Channel, &x.Amount); err != nil {
			return nil, fmt.Errorf("data: sales refunds: %w", err)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// SalesRefundTotal is the sum of SalesRefunds over r.
func SalesRefundTotal(ctx context.Context, q Querier, r SalesRange) (int64, error) {
	var total int64
	if err := q.QueryRowContext(ctx, `SELECT coalesce(sum(amount), 0) FROM (`+salesRefundParts+`)`, r.From, r.To).Scan(&total); err != nil {
		return 0, fmt.Errorf("data: sales refunds: %w", err)
	}
	return total, nil
}

// CategoryRow is a category of the tree.
type CategoryRow struct {
	ID, ParentID int64
	Name         string
}

// SalesCategories lists every category with its parent (0 at the top).
func SalesCategories(ctx context.Context, q Querier) ([]CategoryRow, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, coalesce(parent_id, 0), name FROM categories ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("data: categories: %w", err)
	}
	defer rows.Close()
	var out []CategoryRow
	for rows.Next() {
		var c CategoryRow
		if err := rows.Scan(&c.ID, &c.ParentID, &c.Name); err != nil {
			return nil, fmt.Errorf("data: categories: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SalesCountedStatuses reads the statuses the triggers count as sold.
func SalesCountedStatuses(ctx context.Context, q Querier) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT status FROM sales_counted_status ORDER BY status`)
	if err != nil {
		return nil, fmt.Errorf("data: counted statuses: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// SalesDayOffset is the offset the store's UTC times are moved by to give the seller's local day, in
// minutes (540 for KST).
func SalesDayOffset(ctx context.Context, q Querier) (int, error) {
	var s string
	if err := q.QueryRowContext(ctx, `SELECT day_offset FROM sales_config WHERE id = 1`).Scan(&s); err != nil {
		return 0, fmt.Errorf("data: sales day offset: %w", err)
	}
	var m int
	if _, err := fmt.Sscanf(strings.TrimSpace(s), "%d minutes", &m); err != nil {
		return 0, fmt.Errorf("data: sales day offset %q: %w", s, err)
	}
	return m, nil
}

// salesRecomputed lists, per aggregate table, the query that recomputes it from the lines and the columns
// compared. Mismatches come back as 'table key: stored ≠ recomputed'.
var salesRecomputed = []struct {
	table, key, values, recompute string
}{
	{"sales_day", "day || '/' || payment || '/' || source || '/' || channel", "orders, lines, qty, gross, shipping",
		`SELECT day, payment, source, channel, count(*) AS orders, sum(lines) AS lines, sum(qty) AS qty,
			sum(gross) AS gross, sum(shipping) AS shipping FROM sales_order_facts GROUP BY 1, 2, 3, 4`},
	{"sales_day_place", "day || '/' || region || '/' || hour", "orders, gross",
		`SELECT day, region, hour, count(*) AS orders, sum(gross) AS gross FROM sales_order_facts GROUP BY 1, 2, 3`},
	{"sales_day_buyer", "day || '/' || buyer", "orders, gross",
		`SELECT day, buyer, count(*) AS orders, sum(gross) AS gross FROM sales_order_facts GROUP BY 1, 2`},
	{"sales_day_item", "day || '/' || ref || '/' || option", "lines, qty, gross",
		`SELECT day, ref, option, count(*) AS lines, sum(qty) AS qty, sum(gross) AS gross FROM sales_line_facts GROUP BY 1, 2, 3`},
	{"sales_month_item", "month || '/' || ref || '/' || option", "lines, qty, gross",
		`SELECT substr(day, 1, 7) AS month, ref, option, count(*) AS lines, sum(qty) AS qty, sum(gross) AS gross
			FROM sales_line_facts GROUP BY 1, 2, 3`},
}

// SalesMismatches recomputes every daily table from the order lines (the migration's fact views) and the
// refund tables from the returns and lines, and lists where the stored figures differ (at most limit). An
// empty list means the aggregates equal the recomputation.
//
// returned is the 반품 status code (app/orders StatusReturned): the lines that must each have a claim row.
func SalesMismatches(ctx context.Context, q Querier, limit int, returned string) ([]string, error) {
	var out []string
	// a bulk step (0014) left unflushed: its orders' figures are out of the tables
	on, pending, err := SalesBulkPending(ctx, q)
	if err != nil {
		return nil, err
	}
	if on || pending > 0 {
		out = append(out, fmt.Sprintf("sales_bulk: %t, %d ≠ false, 0", on, pending))
	}
	for _, t := range salesRecomputed {
		cols := strings.Split(t.values, ", ")
		keys := keyCols(t.key)
		var sCols, fCols, sZero, sSum, fSum, differ []string
		for _, c := range cols {
			sCols, fCols = append(sCols, c+" AS s_"+c), append(fCols, c+" AS f_"+c)
			sZero = append(sZero, "0")
			sSum, fSum = append(sSum, "sum(s_"+c+")"), append(fSum, "sum(f_"+c+")")
			differ = append(differ, fmt.Sprintf("sum(s_%s) <> sum(f_%s)", c, c))
		}
		// both directions in one pass: the stored rows and the recomputed facts side by side, grouped by key
		// (a join of the two, each hundreds of thousands of rows without an index, never ended on a million
		// lines): a stored row the lines do not explain, a fact the table lacks, or a figure that differs
		query := fmt.Sprintf(`SELECT %s AS k, CASE WHEN sum(ns) = 0 THEN '' ELSE %s END, CASE WHEN sum(nf) = 0 THEN '' ELSE %s END
			FROM (SELECT %s, 1 AS ns, %s, 0 AS nf, %s FROM %s WHERE %s
				UNION ALL
				SELECT %s, 0, %s, 1, %s FROM (%s))
			GROUP BY %s HAVING sum(ns) <> sum(nf) OR %s
			LIMIT ?`,
			t.key, concat(sSum), concat(fSum),
			keys, strings.Join(sCols, ", "), strings.Join(zeroAs(cols, "f_"), ", "), t.table, nonZero(cols),
			keys, strings.Join(sZero, ", "), strings.Join(fCols, ", "), t.recompute,
			keys, strings.Join(differ, " OR "))
		rows, err := q.QueryContext(ctx, query, limit-len(out))
		if err != nil {
			return nil, fmt.Errorf("data: sales check %s: %w", t.table, err)
		}
		for rows.Next() {
			var k, sv, fv string
			if err := rows.Scan(&k, &sv, &fv); err != nil {
				rows.Close()
				return nil, fmt.Errorf("data: sales check %s: %w", t.table, err)
			}
			out = append(out, fmt.Sprintf("%s %s: %s ≠ %s", t.table, k, sv, fv))
		}
		rows.Close()
		if len(out) >= limit {
			return out, nil
		}
	}
	// refunds: every completed return here has its row with its amount, and nothing else has one; every 반품
	// line has its claim row and nothing else has one, with the line's amount, its order's payment, source and
	// channel, and its claim's day where it has one (0016); sales_claim_day is the claims summed by day
	for _, check := range []string{
		`SELECT 'sales_refunds ' || coalesce(r.id, s.return_id) || ': ' ||
			coalesce(s.amount, '-') || ' ≠ ' || coalesce(r.refund, '-')
		FROM (SELECT id, refund FROM returns WHERE kind = 'RETURN' AND state = 'DONE') r
		FULL JOIN sales_refunds s ON s.return_id = r.id
		WHERE r.id IS NULL OR s.return_id IS NULL OR r.refund <> s.amount LIMIT ?2`,
		`SELECT 'sales_claims ' || coalesce(l.id, c.line_id) || ': ' || (c.line_id IS NOT NULL) || ' ≠ ' || (l.id IS NOT NULL)
		FROM (SELECT id FROM order_lines WHERE status = ?1) l FULL JOIN sales_claims c ON c.line_id = l.id
		WHERE l.id IS NULL OR c.line_id IS NULL LIMIT ?2`,
		`SELECT 'sales_claims ' || c.line_id || ': ' || c.day || ',' || c.amount || ',' || c.payment || ',' || c.source || ',' || c.channel
			|| ' ≠ ' || CASE WHEN l.claim_at <> '' THEN date(l.claim_at, g.day_offset) ELSE c.day END || ',' || l.amount || ','
			|| o.payment_method || ',' || o.source || ',' || o.channel
		FROM sales_claims c JOIN order_lines l ON l.id = c.line_id JOIN orders o ON o.id = l.order_id JOIN sales_config g
		WHERE c.amount <> l.amount OR c.payment <> o.payment_method OR c.source <> o.source OR c.channel <> o.channel
			OR (l.claim_at <> '' AND c.day <> date(l.claim_at, g.day_offset)) LIMIT ?2`,
		`WITH f AS (SELECT day, payment, source, channel, count(*) AS lines, sum(amount) AS amount FROM sales_claims GROUP BY 1, 2, 3, 4),
			s AS (SELECT * FROM sales_claim_day WHERE lines <> 0 OR amount <> 0)
		SELECT 'sales_claim_day ' || k || ': ' || sv || ' ≠ ' || fv FROM (
			SELECT s.day || '/' || s.payment || '/' || s.source || '/' || s.channel AS k, s.lines || ',' || s.amount AS sv,
				coalesce(f.lines || ',' || f.amount, '') AS fv
			FROM s LEFT JOIN f USING (day, payment, source, channel) WHERE coalesce(f.lines, 0) <> s.lines OR coalesce(f.amount, 0) <> s.amount
			UNION ALL
			SELECT f.day || '/' || f.payment || '/' || f.source || '/' || f.channel, '', f.lines || ',' || f.amount
			FROM f LEFT JOIN s USING (day, payment, source, channel) WHERE s.lines IS NULL) LIMIT ?2`,
		// the rows with orders counted by day and prev
		`WITH f AS (SELECT day, prev, count(*) AS buyers FROM sales_day_buyer WHERE orders > 0 GROUP BY 1, 2),
			s AS (SELECT * FROM sales_day_buyer_prevs WHERE buyers <> 0)
		SELECT 'sales_day_buyer_prevs ' || k || ': ' || sv || ' ≠ ' || fv FROM (
			SELECT s.day || '/' || s.prev AS k, s.buyers AS sv, coalesce(f.buyers, '') AS fv
			FROM s LEFT JOIN f USING (day, prev) WHERE coalesce(f.buyers, 0) <> s.buyers
			UNION ALL
			SELECT f.day || '/' || f.prev, '', f.buyers FROM f LEFT JOIN s USING (day, prev) WHERE s.buyers IS NULL) LIMIT ?2`,
		// each buyer's previous day with orders (0016), recomputed with a window over the rows
		`SELECT 'sales_day_buyer ' || s.day || '/' || s.buyer || ': prev ' || s.prev || ' ≠ ' || w.prev
		FROM sales_day_buyer s JOIN (SELECT day, buyer, lag(day, 1, '') OVER (PARTITION BY buyer ORDER BY day) AS prev
			FROM sales_day_buyer WHERE orders > 0) w ON w.day = s.day AND w.buyer = s.buyer
		WHERE s.prev <> w.prev LIMIT ?2`,
	} {
		if len(out) >= limit {
			return out, nil
		}
		rows, err := q.QueryContext(ctx, check, returned, limit-len(out))
		if err != nil {
			return nil, fmt.Errorf("data: sales check refunds: %w", err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				rows.Close()
				return nil, fmt.Errorf("data: sales check refunds: %w", err)
			}
			out = append(out, s)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("data: sales check refunds: %w", err)
		}
	}
	return out, nil
}

func nonZero(cols []string) string {
	var parts []string
	for _, c := range cols {
		parts = append(parts, c+" <> 0")
	}
	return strings.Join(parts, " OR ")
}

func concat(cols []string) string { return strings.Join(cols, " || ',' || ") }

// zeroAs is "0 AS <prefix><col>" for each column.
func zeroAs(cols []string, prefix string) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = "0 AS " + prefix + c
	}
	return out
}

// keyCols turns "day || '/' || payment" into "day, payment".
func keyCols(key string) string {
	var cols []string
	for _, p := range strings.Split(key, " || '/' || ") {
		cols = append(cols, p)
	}
	return strings.Join(cols, ", ")
}

// SalesCost sums over r the 결제금액 and 원가 × 수량 of the lines whose product has a 원가, and the 결제금액 of
// the lines without one (not linked to an option, or 원가 0).
func SalesCost(ctx context.Context, q Querier, r SalesRange) (costedGross, cost, uncostedGross int64, err error) {
	parts, args := itemParts(r)
	err = q.QueryRowContext(ctx, `SELECT coalesce(sum(CASE WHEN p.cost > 0 THEN s.gross END), 0),
			coalesce(sum(CASE WHEN p.cost > 0 THEN s.qty * p.cost END), 0),
			coalesce(sum(CASE WHEN coalesce(p.cost, 0) = 0 THEN s.gross END), 0)
		FROM (SELECT option, sum(qty) AS qty, sum(gross) AS gross FROM (`+parts+`) GROUP BY option) s
		LEFT JOIN product_options po ON po.id = s.option
		LEFT JOIN products p ON p.id = po.product_id`, args...).Scan(&costedGross, &cost, &uncostedGross)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("data: sales cost: %w", err)
	}
	return costedGross, cost, uncostedGross, nil
}

// RebuildSalesTx empties the sales tables and fills them again from the lines and returns, as migration
// 0012 first did: the way back when a check finds them different. Refund days come from the returns'
// histories; a 반품 line's day is its claim's own day (claim_at), else the day its history says it became 반품.
// returned is the 반품 status code (app/orders StatusReturned).
func RebuildSalesTx(ctx context.Context, tx *Tx, returned string) error {
	for _, q := range []string{
		`DELETE FROM sales_day`, `DELETE FROM sales_day_place`, `DELETE FROM sales_day_buyer`, `DELETE FROM sales_day_buyer_prevs`, `DELETE FROM sales_day_item`,
		`DELETE FROM sales_month_item`, `DELETE FROM sales_refunds`, `DELETE FROM sales_claims`, `DELETE FROM sales_claim_day`,
		`DELETE FROM sales_bulk`, `DELETE FROM sales_bulk_orders`,
		`INSERT INTO sales_day (day, payment, source, channel, orders, lines, qty, gross, shipping)
			SELECT day, payment, source, channel, count(*), sum(lines), sum(qty), sum(gross), sum(shipping)
			FROM sales_order_facts GROUP BY 1, 2, 3, 4`,
		`INSERT INTO sales_day_place (day, region, hour, orders, gross)
			SELECT day, region, hour, count(*), sum(gross) FROM sales_order_facts GROUP BY 1, 2, 3`,
		`INSERT INTO sales_day_buyer (day, buyer, orders, gross)
			SELECT day, buyer, count(*), sum(gross) FROM sales_order_facts GROUP BY 1, 2`,
		`INSERT INTO sales_day_item (day, ref, option, lines, qty, gross)
			SELECT day, ref, option, count(*), sum(qty), sum(gross) FROM sales_line_facts GROUP BY 1, 2, 3`,
		`INSERT INTO sales_month_item (month, ref, option, lines, qty, gross)
			SELECT substr(day, 1, 7), ref, option, count(*), sum(qty), sum(gross) FROM sales_line_facts GROUP BY 1, 2, 3`,
		`INSERT INTO sales_refunds (return_id, day, amount)
			SELECT r.id, date(coalesce((SELECT max(h.at) FROM return_history h WHERE h.return_id = r.id AND h.to_state = 'DONE'),
				r.updated_at), c.day_offset), r.refund
			FROM returns r JOIN sales_config c WHERE r.kind = 'RETURN' AND r.state = 'DONE'`,
		`INSERT INTO sales_claims (line_id, day, amount, payment, source, channel)
			SELECT l.id, date(CASE WHEN l.claim_at <> '' THEN l.claim_at
					ELSE coalesce((SELECT max(h.at) FROM order_status_history h WHERE h.line_id = l.id AND h.to_status = ?1),
						l.updated_at) END, c.day_offset),
				l.amount, o.payment_method, o.source, o.channel
			FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN sales_config c WHERE l.status = ?1`,
	} {
		var args []any
		if strings.Contains(q, "?1") {
			args = append(args, returned)
		}
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("data: rebuild sales: %w", err)
		}
	}
	return nil
}

// SetSalesClaimDayTx puts a 반품 line's refund on the day it was claimed ('YYYY-MM-DD', local) instead of
// the day its status was written: for the demo store, which writes a year of history in one transaction.
func SetSalesClaimDayTx(ctx context.Context, tx *Tx, lineID int64, day string) error {
	if _, err := tx.ExecContext(ctx, `UPDATE sales_claims SET day = ? WHERE line_id = ?`, day, lineID); err != nil {
		return fmt.Errorf("data: sales claim day: %w", err)
	}
	return nil
}

// SetSalesRefundDayTx puts a completed return's refund on the day it was completed ('YYYY-MM-DD', local),
// for the demo store as SetSalesClaimDayTx.
func SetSalesRefundDayTx(ctx context.Context, tx *Tx, returnID int64, day string) error {
	if _, err := tx.ExecContext(ctx, `UPDATE sales_refunds SET day = ? WHERE return_id = ?`, day, returnID); err != nil {
		return fmt.Errorf("data: sales refund day: %w", err)
	}
	return nil
}
