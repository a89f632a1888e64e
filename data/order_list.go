package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// OrderLineQuery filters the order list. Zero values filter nothing.
type OrderLineQuery struct {
	Search        string
	Statuses      []string // order_lines.status codes
	Placing       string   // NOT_YET or OK, with PAYED
	Claims        []string // order_lines.claim codes (the app's: CANCEL_REQUEST …)
	From, To      time.Time
	PaymentMethod string
	Channel       string
	Overseas      int // 0 all, 1 domestic only, 2 overseas only
	Unmatched     bool
	IDs           []int64
	Limit, Offset int

	fromUnindexed bool // From is a window of a name search, not the seller's filter
}

// OrderListRow is a line as the list shows it, with its order's fields.
type OrderListRow struct {
	LineID, OrderID            int64
	ProductOrderNo, OrderNo    string
	OrderedAt                  time.Time
	BuyerName, RecipientName   string
	RecipientPhone, BuyerPhone string
	ProductName, OptionInfo    string
	ProductCode, OptionCode    string
	OptionID                   int64
	Qty, Amount                int64
	Status, Placing            string
	PaymentMethod, Channel     string
	Courier, TrackingNo        string
	Country                    string
	Claim                      string // the line's claim code, '' for none
}

// orderSearch is what the seller typed, read for the kinds of lookup it can be. A line matches when it has
// the exact number, or a phone ending in the four digits, or every word (each in a name or in the product).
type orderSearch struct {
	exact string   // 주문번호, 상품주문번호 or 송장번호, typed whole
	tail  string   // the last four digits of a phone
	words []string // FTS5 phrases, one per word, over letter pairs (or single letters)
	// inNames and inProducts say, per word, whether any name or any product has it (see resolve); a word
	// found in only one of them is looked up there alone, which keeps product words off the name index.
	inNames, inProducts []bool
	resolved            bool
	// fromRowid, when set, bounds the name index to lines with this id or more (see windowedPage)
	fromRowid int64
}

func (s orderSearch) nameMatch(w string) string {
	if !strings.Contains(w, " ") && len([]rune(w)) == 1 {
		return `name_chars : "` + w + `"`
	}
	return `name_pairs : "` + w + `"`
}

func (s orderSearch) productMatch(w string) string {
	if !strings.Contains(w, " ") && len([]rune(w)) == 1 {
		return `product_chars : "` + w + `"`
	}
	return `product_pairs : "` + w + `"`
}

// resolve asks the two word indexes whether each word occurs in them at all (one cheap probe each).
func (s orderSearch) resolve(ctx context.Context, db Querier) (orderSearch, error) {
	if s.resolved {
		return s, nil
	}
	s.inNames, s.inProducts = make([]bool, len(s.words)), make([]bool, len(s.words))
	for i, w := range s.words {
		for _, probe := range []struct {
			query string
			found *bool
		}{
			{`SELECT EXISTS (SELECT 1 FROM order_search WHERE order_search MATCH ?)`, &s.inNames[i]},
			{`SELECT EXISTS (SELECT 1 FROM order_product_search WHERE order_product_search MATCH ?)`, &s.inProducts[i]},
		} {
			match := s.nameMatch(w)
			if strings.Contains(probe.query, "order_product_search") {
				match = s.productMatch(w)
			}
			if err := db.QueryRowContext(ctx, probe.query, match).Scan(probe.found); err != nil {
				return s, fmt.Errorf("data: order search: %w", err)
			}
		}
	}
	s.resolved = true
	return s, nil
}

func parseOrderSearch(s string) (orderSearch, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return orderSearch{}, false
	}
	var out orderSearch
	if !strings.ContainsFunc(s, unicode.IsSpace) && len(s) >= 6 && !strings.ContainsFunc(s, func(r rune) bool { return r > unicode.MaxASCII }) {
		out.exact = s
	}
	if d := digitsOf(s); len(d) >= 4 && len(d) <= 11 && len(d) == len(strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		return r
	}, s)) {
		out.tail = d[len(d)-4:] // digits, maybe with dashes: a phone number or its end
	}
	for _, w := range strings.Fields(s) {
		wr := normalize(w)
		switch {
		case len(wr) == 1:
			out.words = append(out.words, string(wr))
		case len(wr) > 1:
			out.words = append(out.words, letters(string(wr), 2))
		}
	}
	return out, out.exact != "" || out.tail != "" || len(out.words) > 0
}

// cond is the search's WHERE term and its arguments. walk writes the terms unindexable (+x), so SQLite walks
// the list's order and stops after a page, which pays when matches are many; walking, a name test asks the
// FTS index about one line at a time (it seeks to the rowid) instead of listing every match first.
func (s orderSearch) cond(walk bool) (string, []any) {
	plus := ""
	if walk {
		plus = "+"
	}
	var alts []string
	var args []any
	names := func(match string) string {
		args = append(args, match)
		if s.fromRowid > 0 {
			args = append(args, s.fromRowid)
			return plus + `l.id IN (SELECT rowid FROM order_search WHERE order_search MATCH ? AND rowid >= ?)`
		}
		return plus + `l.id IN (SELECT rowid FROM order_search WHERE order_search MATCH ?)`
	}
	products := func(match string) string {
		args = append(args, match)
		return plus + `l.product_ref IN (SELECT rowid FROM order_product_search WHERE order_product_search MATCH ?)`
	}
	if s.exact != "" {
		alts = append(alts, plus+`l.id IN (SELECT id FROM order_lines WHERE product_order_no = ?
			UNION ALL SELECT l2.id FROM orders o2 JOIN order_lines l2 ON l2.order_id = o2.id WHERE o2.order_no = ?
			UNION ALL SELECT id FROM order_lines WHERE tracking_no IN (?, replace(?, '-', '')) AND tracking_no <> '')`)
		args = append(args, s.exact, s.exact, s.exact, s.exact)
	}
	if s.tail != "" {
		alts = append(alts, names(`tails : "`+s.tail+`"`))
	}
	if len(s.words) > 0 {
		// Words only names have go into one name query, words only products have into one product query
		// (both AND-ed inside the index); a word in both keeps its OR; a word in neither matches nothing.
		var nameOnly, productOnly, both []string
		none := false
		for i, w := range s.words {
			inN, inP := true, true
			if s.resolved {
				inN, inP = s.inNames[i], s.inProducts[i]
			}
			switch {
			case inN && inP:
				both = append(both, w)
			case inN:
				nameOnly = append(nameOnly, s.nameMatch(w))
			case inP:
				productOnly = append(productOnly, s.productMatch(w))
			default:
				none = true
			}
		}
		var all []string
		if none {
			// One word is in no name and no product: nothing matches. No term is built, so no argument is
			// added for the other words (a kept argument would shift every later placeholder).
			alts = append(alts, "0")
			return "(" + strings.Join(alts, " OR ") + ")", args
		}
		if len(nameOnly) > 0 {
			all = append(all, names(strings.Join(nameOnly, " AND ")))
		}
		if len(productOnly) > 0 {
			all = append(all, products(strings.Join(productOnly, " AND ")))
		}
		for _, w := range both {
			n := names(s.nameMatch(w))
			p := products(s.productMatch(w))
			all = append(all, "("+n+" OR "+p+")")
		}
		alts = append(alts, "("+strings.Join(all, " AND ")+")")
	}
	return "(" + strings.Join(alts, " OR ") + ")", args
}

// nameMatchOnly is the FTS query for a search that is only a name or phone lookup, for the quick count
// check; "" when the search has other parts.
func (s orderSearch) nameMatchOnly() string {
	if s.exact != "" {
		return ""
	}
	var terms []string
	if s.tail != "" {
		terms = append(terms, `tails : "`+s.tail+`"`)
	}
	for _, w := range s.words {
		if !strings.Contains(w, " ") && len([]rune(w)) == 1 {
			terms = append(terms, `name_chars : "`+w+`"`)
		} else {
			terms = append(terms, `name_pairs : "`+w+`"`)
		}
	}
	if len(terms) != 1 {
		return ""
	}
	return terms[0]
}

// code is a status or placing code written into SQL as a literal, so SQLite can use the partial index of
// new orders (a bound parameter cannot match a partial index's WHERE); only the letters of a code pass. The
// codes themselves are the caller's (app/orders), never a list kept here.
func code(s string) string {
	return "'" + strings.Map(func(r rune) rune {
		if r == '_' || (r >= 'A' && r <= 'Z') {
			return r
		}
		return -1
	}, s) + "'"
}

// where builds the WHERE clause; every value is a bound parameter. walk: see orderSearch.cond. When the
// query searches and walk is off, the other filters are written unindexable so SQLite starts from the
// search's few matches rather than from, say, every line of one payment method.
func (q OrderLineQuery) where(walk bool, s orderSearch, searching bool) (string, []any) {
	var conds []string
	var args []any
	plus := ""
	if walk || searching {
		plus = "+"
	}
	if searching {
		c, a := s.cond(walk)
		conds = append(conds, c)
		args = append(args, a...)
	}
	switch len(q.Statuses) {
	case 0:
	case 1:
		conds = append(conds, plus+"l.status = "+code(q.Statuses[0]))
	default:
		var codes []string
		for _, st := range q.Statuses {
			codes = append(codes, code(st))
		}
		conds = append(conds, plus+"l.status IN ("+strings.Join(codes, ", ")+")")
	}
	if q.Placing != "" {
		conds = append(conds, plus+"l.placing = "+code(q.Placing))
	}
	if len(q.Claims) > 0 {
		var codes []string
		for _, c := range q.Claims {
			codes = append(codes, code(c))
		}
		conds = append(conds, plus+"l.claim IN ("+strings.Join(codes, ", ")+")")
	}
	if !q.From.IsZero() {
		if q.fromUnindexed {
			conds = append(conds, "+l.ordered_at >= ?") // the search's few ids lead, not the date range
		} else {
			conds = append(conds, "l.ordered_at >= ?")
		}
		args = append(args, timeText(q.From))
	}
	if !q.To.IsZero() {
		conds = append(conds, "l.ordered_at < ?")
		args = append(args, timeText(q.To))
	}
	if q.PaymentMethod != "" {
		conds = append(conds, plus+"l.payment_method = ?")
		args = append(args, q.PaymentMethod)
	}
	if q.Channel != "" {
		conds = append(conds, plus+"l.channel = ?")
		args = append(args, q.Channel)
	}
	switch q.Overseas {
	case 1:
		conds = append(conds, "l.overseas = 0")
	case 2:
		conds = append(conds, "l.overseas = 1")
	}
	if q.Unmatched {
		conds = append(conds, "l.option_id IS NULL")
	}
	if len(q.IDs) > 0 {
		conds = append(conds, "l.id IN ("+placeholders(len(q.IDs))+")")
		args = append(args, anys(q.IDs)...)
	}
	if len(conds) == 0 {
		return "1", nil
	}
	return strings.Join(conds, " AND "), args
}

// CountCap is where counting stops: a query with more matches counts as CountCap+1 ("10,000건 이상").
// Counting a few hundred thousand matches exactly costs more than the list itself, and no seller scrolls
// past ten thousand lines; they narrow the search instead.
const CountCap = 10000

// search reads and resolves the query's search.
func (q OrderLineQuery) search(ctx context.Context, db Querier) (orderSearch, bool, error) {
	s, ok := parseOrderSearch(q.Search)
	if !ok {
		return s, false, nil
	}
	s, err := s.resolve(ctx, db)
	return s, true, err
}

// windowAbove is the match count from which a name search looks at recent weeks first (windowedPage).
var windowAbove = 2000

// walkAbove is the match count from which the list walks its order instead of sorting the matches: past
// it, a page of newest lines is found sooner by walking the date index than by sorting every match.
const walkAbove = CountCap

// ListOrderLines reads one page of lines, newest order first.
func ListOrderLines(ctx context.Context, db Querier, q OrderLineQuery) ([]OrderListRow, error) {
	return listOrderLines(ctx, db, q, -1)
}

// ListOrderLinesCounted is ListOrderLines when the caller already counted the matches (the screen counts
// first), which tells it how to read them.
func ListOrderLinesCounted(ctx context.Context, db Querier, q OrderLineQuery, count int) ([]OrderListRow, error) {
	return listOrderLines(ctx, db, q, count)
}

func listOrderLines(ctx context.Context, db Querier, q OrderLineQuery, count int) ([]OrderListRow, error) {
	if count < 0 {
		var err error
		if count, err = CountOrderLines(ctx, db, q); err != nil {
			return nil, err
		}
	}
	s, searching, err := q.search(ctx, db)
	if err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	walk := count > walkAbove
	// Windows pay when a page's worth of matches lies within the last weeks: not for a rare name.
	if searching && s.usesNames() && count > windowAbove {
		if rows, ok, err := windowedPage(ctx, db, q, s, limit, walk); err != nil || ok {
			return rows, err
		}
	}
	where, args := q.where(walk, s, searching)
	return readPage(ctx, db, where, args, limit, q.Offset)
}

// windowedPage reads a walked page that searches names by looking at the newest lines first: a week, a
// month, a quarter back from the newest order. Within a window the name index is read only from the
// window's first line id on, instead of listing every line whose name has, say, the letter 홍. When a
// window holds the whole page, the page is exact (every line outside it is older); otherwise ok is false
// and the caller reads the page without a window.
func windowedPage(ctx context.Context, db Querier, q OrderLineQuery, s orderSearch, limit int, walk bool) ([]OrderListRow, bool, error) {
	var newest string
	if err := db.QueryRowContext(ctx, `SELECT coalesce(max(ordered_at), '') FROM order_lines`).Scan(&newest); err != nil || newest == "" {
		return nil, false, err
	}
	end, err := time.Parse(TimeLayout, newest)
	if err != nil {
		return nil, false, nil
	}
	for _, days := range []int{7, 31, 92} {
		from := end.AddDate(0, 0, -days)
		if !q.From.IsZero() && q.From.After(from) {
			return nil, false, nil // the query's own date range is narrower: no window needed
		}
		var minID sql.NullInt64
		// (without INDEXED BY, SQLite answers min(id) by walking the table in id order, with statistics too:
		// BenchmarkLookup/name-part 17–20 ms with it, 483–525 ms without, 2026-12-03)
		if err := db.QueryRowContext(ctx, `SELECT min(id) FROM order_lines INDEXED BY order_lines_ordered WHERE ordered_at >= ?`, timeText(from)).Scan(&minID); err != nil {
			return nil, false, fmt.Errorf("data: list order lines: %w", err)
		}
		if !minID.Valid {
			continue
		}
		wq := q
		wq.From, wq.fromUnindexed = from, !walk
		ws := s
		ws.fromRowid = minID.Int64
		where, args := wq.where(walk, ws, true)
		rows, err := readPage(ctx, db, where, args, limit, q.Offset)
		if err != nil {
			return nil, false, err
		}
		if len(rows) == limit {
			return rows, true, nil
		}
	}
	return nil, false, nil
}

// inAnyProduct reports whether some word of the search also occurs in product names.
func (s orderSearch) inAnyProduct() bool {
	for i := range s.words {
		if !s.resolved || s.inProducts[i] {
			return true
		}
	}
	return false
}

// usesNames reports whether the search looks in the name index.
func (s orderSearch) usesNames() bool {
	if s.tail != "" {
		return true
	}
	for i := range s.words {
		if !s.resolved || s.inNames[i] {
			return true
		}
	}
	return false
}

// readPage reads one page of lines that match where, newest first.
func readPage(ctx context.Context, db Querier, where string, args []any, limit, offset int) ([]OrderListRow, error) {
	args = append(args, limit, offset)
	// The page's ids are found in order_lines alone; only those rows are joined to their orders.
	rows, err := db.QueryContext(ctx, `SELECT l.id, o.id, l.product_order_no, o.order_no, l.ordered_at, o.buyer_name,
		o.recipient_name, o.recipient_phone1, o.buyer_phone, l.product_name, l.option_info, l.product_code,
		l.option_code, coalesce(l.option_id, 0), l.qty, l.amount, l.status, l.placing, o.payment_method, o.channel,
		l.courier, l.tracking_no, o.country, l.claim
		FROM (SELECT l.id FROM order_lines l WHERE `+where+` ORDER BY l.ordered_at DESC, l.id DESC LIMIT ? OFFSET ?) AS page
		JOIN order_lines l ON l.id = page.id JOIN orders o ON o.id = l.order_id
		ORDER BY l.ordered_at DESC, l.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("data: list order lines: %w", err)
	}
	defer rows.Close()
	var out []OrderListRow
	for rows.Next() {
		var r OrderListRow
		var ordered string
		if err := rows.Scan(&r.LineID, &r.OrderID, &r.ProductOrderNo, &r.OrderNo, &ordered, &r.BuyerName,
			&r.RecipientName, &r.RecipientPhone, &r.BuyerPhone, &r.ProductName, &r.OptionInfo, &r.ProductCode,
			&r.OptionCode, &r.OptionID, &r.Qty, &r.Amount, &r.Status, &r.Placing, &r.PaymentMethod, &r.Channel,
			&r.Courier, &r.TrackingNo, &r.Country, &r.Claim); err != nil {
			return nil, fmt.Errorf("data: list order lines: %w", err)
		}
		r.OrderedAt = parseStoreTime(ordered)
		out = append(out, r)
	}
	return out, rows.Err()
}

// newOrdersIndexStatus and newOrdersIndexPlacing are what migration 0003's partial index order_lines_new is
// defined on (WHERE status = 'PAYED' AND placing = 'NOT_YET'). They are the store's physical design, not a
// rule: what a status means is app/orders' to say, and the codes a query filters by come from there in
// OrderLineQuery.Statuses; a query that asks for exactly these is pointed at the index.
const newOrdersIndexStatus, newOrdersIndexPlacing = "PAYED", "NOT_YET"

// CountOrderLines counts the lines the query finds, up to CountCap+1; the whole book is counted exactly.
func CountOrderLines(ctx context.Context, db Querier, q OrderLineQuery) (int, error) {
	s, searching, err := q.search(ctx, db)
	if err != nil {
		return 0, err
	}
	where, args := q.where(false, s, searching)
	from := "order_lines l"
	if !searching && len(q.Statuses) == 1 && q.Statuses[0] == newOrdersIndexStatus && q.Placing == newOrdersIndexPlacing {
		// 신규주문: SQLite's planner prefers the wider status index, with statistics too:
		// BenchmarkLookup/new-orders 1.3–1.4 ms with INDEXED BY, 24–26 ms without (2026-12-03)
		from = "order_lines l INDEXED BY order_lines_new"
	}
	query := `SELECT count(*) FROM (SELECT 1 FROM ` + from + ` WHERE ` + where + ` LIMIT ` + fmt.Sprint(CountCap+1) + `)`
	if where == "1" {
		query = `SELECT n FROM order_line_count`
	}
	// A search that is only a name: when the name index alone has more than CountCap matches (it streams
	// them, so stopping early is cheap), the answer is CountCap+1 without touching the lines.
	if searching && s.nameMatchOnly() != "" && q.onlySearch() {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM order_search WHERE order_search MATCH ? LIMIT `+
			fmt.Sprint(CountCap+1)+`)`, s.nameMatchOnly()).Scan(&n); err != nil {
			return 0, fmt.Errorf("data: count order lines: %w", err)
		}
		if n > CountCap || !s.inAnyProduct() {
			return n, nil // one index row per line: the name index's count is the answer
		}
	}
	var n int
	if err := db.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("data: count order lines: %w", err)
	}
	return n, nil
}

// onlySearch reports whether the query filters by nothing but its search.
func (q OrderLineQuery) onlySearch() bool {
	q.Search, q.Limit, q.Offset = "", 0, 0
	return q.From.IsZero() && q.To.IsZero() && len(q.Statuses) == 0 && q.Placing == "" && len(q.Claims) == 0 && q.PaymentMethod == "" &&
		q.Channel == "" && q.Overseas == 0 && !q.Unmatched && len(q.IDs) == 0
}

// OrderLineIDs lists the ids of every line the query finds (for batch actions on a whole filter).
func OrderLineIDs(ctx context.Context, db Querier, q OrderLineQuery) ([]int64, error) {
	s, searching, err := q.search(ctx, db)
	if err != nil {
		return nil, err
	}
	where, args := q.where(false, s, searching)
	rows, err := db.QueryContext(ctx, `SELECT l.id FROM order_lines l WHERE `+where+
		` ORDER BY l.ordered_at DESC, l.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("data: order line ids: %w", err)
	}
	return scanIDs(rows)
}

// DistinctOrderValues lists the payment methods or channels in use, for the filter drop-downs.
func DistinctOrderValues(ctx context.Context, db Querier, column string) ([]string, error) {
	if column != "payment_method" && column != "channel" {
		return nil, fmt.Errorf("data: no filter values for %q", column)
	}
	rows, err := db.QueryContext(ctx, `SELECT DISTINCT `+column+` FROM orders WHERE `+column+` <> '' ORDER BY 1`)
	if err != nil {
		return nil, fmt.Errorf("data: %s values: %w", column, err)
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
