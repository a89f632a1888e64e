package data

import (
	"context"
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
	From, To      time.Time
	PaymentMethod string
	Channel       string
	Overseas      int // 0 all, 1 domestic only, 2 overseas only
	Unmatched     bool
	IDs           []int64
	Limit, Offset int
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
}

// orderSearch is what the seller typed, read for the kinds of lookup it can be.
type orderSearch struct {
	exact string // 주문번호, 상품주문번호 or 송장번호, typed whole
	match string // an FTS5 query over names, product words and phone tails
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
	var terms []string
	if d := digitsOf(s); len(d) >= 4 && len(d) == len(strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		return r
	}, s)) && len(d) <= 11 {
		// digits, maybe with dashes: the last four of a phone number
		terms = append(terms, `tails : "`+d[len(d)-4:]+`"`)
	}
	rs := normalize(s)
	switch {
	case len(rs) == 1:
		terms = append(terms, `{name_chars product_chars} : "`+string(rs)+`"`)
	case len(rs) > 1:
		// every word of what was typed must appear, each as a phrase of its letter pairs
		var words []string
		for _, w := range strings.Fields(s) {
			wr := normalize(w)
			switch {
			case len(wr) == 1:
				words = append(words, `{name_chars product_chars} : "`+string(wr)+`"`)
			case len(wr) > 1:
				words = append(words, `{name_pairs product_pairs} : "`+letters(string(wr), 2)+`"`)
			}
		}
		if len(words) > 0 {
			terms = append(terms, "("+strings.Join(words, " AND ")+")")
		}
	}
	out.match = strings.Join(terms, " OR ")
	return out, out.exact != "" || out.match != ""
}

// searchIDs is the subquery of line ids the search finds, and its arguments.
func (s orderSearch) idsSQL() (string, []any) {
	var parts []string
	var args []any
	if s.exact != "" {
		parts = append(parts,
			`SELECT id FROM order_lines WHERE product_order_no = ?`,
			`SELECT l.id FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.order_no = ?`,
			`SELECT id FROM order_lines WHERE tracking_no = ? AND tracking_no <> ''`)
		args = append(args, s.exact, s.exact, s.exact)
	}
	if s.match != "" {
		parts = append(parts, `SELECT rowid FROM order_search WHERE order_search MATCH ?`)
		args = append(args, s.match)
	}
	return strings.Join(parts, " UNION "), args
}

func (q OrderLineQuery) where() (string, []any, bool) {
	var conds []string
	var args []any
	searched := false
	if s, ok := parseOrderSearch(q.Search); ok {
		sub, a := s.idsSQL()
		conds = append(conds, "l.id IN ("+sub+")")
		args = append(args, a...)
		searched = true
	}
	if len(q.Statuses) > 0 {
		conds = append(conds, "l.status IN ("+placeholders(len(q.Statuses))+")")
		for _, st := range q.Statuses {
			args = append(args, st)
		}
	}
	if q.Placing != "" {
		conds = append(conds, "l.placing = ?")
		args = append(args, q.Placing)
	}
	if !q.From.IsZero() {
		conds = append(conds, "l.ordered_at >= ?")
		args = append(args, timeText(q.From))
	}
	if !q.To.IsZero() {
		conds = append(conds, "l.ordered_at < ?")
		args = append(args, timeText(q.To))
	}
	if q.PaymentMethod != "" {
		conds = append(conds, "o.payment_method = ?")
		args = append(args, q.PaymentMethod)
	}
	if q.Channel != "" {
		conds = append(conds, "o.channel = ?")
		args = append(args, q.Channel)
	}
	switch q.Overseas {
	case 1:
		conds = append(conds, "o.country = 'KR'")
	case 2:
		conds = append(conds, "o.country <> 'KR'")
	}
	if q.Unmatched {
		conds = append(conds, "l.option_id IS NULL")
	}
	if len(q.IDs) > 0 {
		conds = append(conds, "l.id IN ("+placeholders(len(q.IDs))+")")
		for _, id := range q.IDs {
			args = append(args, id)
		}
	}
	if len(conds) == 0 {
		return "1", nil, false
	}
	return strings.Join(conds, " AND "), args, searched
}

// ListOrderLines reads one page of lines, newest order first.
func ListOrderLines(ctx context.Context, db Querier, q OrderLineQuery) ([]OrderListRow, error) {
	where, args, _ := q.where()
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	args = append(args, limit, q.Offset)
	rows, err := db.QueryContext(ctx, `SELECT l.id, o.id, l.product_order_no, o.order_no, l.ordered_at, o.buyer_name,
		o.recipient_name, o.recipient_phone1, o.buyer_phone, l.product_name, l.option_info, l.product_code,
		l.option_code, coalesce(l.option_id, 0), l.qty, l.amount, l.status, l.placing, o.payment_method, o.channel,
		l.courier, l.tracking_no, o.country
		FROM order_lines l JOIN orders o ON o.id = l.order_id
		WHERE `+where+` ORDER BY l.ordered_at DESC, l.id DESC LIMIT ? OFFSET ?`, args...)
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
			&r.Courier, &r.TrackingNo, &r.Country); err != nil {
			return nil, fmt.Errorf("data: list order lines: %w", err)
		}
		r.OrderedAt = parseStoreTime(ordered)
		out = append(out, r)
	}
	return out, rows.Err()
}

// CountOrderLines counts the lines the query finds.
func CountOrderLines(ctx context.Context, db Querier, q OrderLineQuery) (int, error) {
	where, args, _ := q.where()
	join := ""
	if strings.Contains(where, "o.") {
		join = " JOIN orders o ON o.id = l.order_id"
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM order_lines l`+join+` WHERE `+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("data: count order lines: %w", err)
	}
	return n, nil
}

// OrderLineIDs lists the ids of every line the query finds (for batch actions on a whole filter).
func OrderLineIDs(ctx context.Context, db Querier, q OrderLineQuery) ([]int64, error) {
	where, args, _ := q.where()
	rows, err := db.QueryContext(ctx, `SELECT l.id FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE `+where+
		` ORDER BY l.ordered_at DESC, l.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("data: order line ids: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
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
