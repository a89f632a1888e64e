package data

// The contact list: its filters, its search (a Hangul part, one letter, a phone tail, an email) and its counts.

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// CustomerQuery filters the contact list. Zero values filter nothing.
type CustomerQuery struct {
	Search             string
	Tag                string
	LastFrom, LastTo   time.Time // last order within [LastFrom, LastTo)
	MinTotal, MaxTotal int64     // 누적 구매액; MaxTotal 0 is no upper bound
	Consent            string    // YES, NO, NONE (no record), or "" for all
	HasEmail           bool
	IDs                []int64
	Limit, Offset      int
}

// customerSearch is what the seller typed, read as lookups: an FTS5 query over customer_search for parts
// of names (letter pairs), the last four digits of a phone and words of an email, and the single letters
// looked up in customer_letters. ok is false when nothing searchable was typed.
type customerSearch struct {
	match   string   // FTS5 query, "" for none
	letters []string // each a single letter every match has in its names
}

func (c customerSearch) ok() bool { return c.match != "" || len(c.letters) > 0 }

func customerMatch(s string) customerSearch {
	var terms []string
	var cs customerSearch
	for _, w := range strings.Fields(strings.TrimSpace(s)) {
		switch {
		case strings.Contains(w, "@") || (strings.Contains(w, ".") && !strings.ContainsFunc(w, func(r rune) bool { return r > unicode.MaxASCII })):
			var toks []string
			for _, t := range strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				toks = append(toks, t)
			}
			if len(toks) > 0 {
				terms = append(terms, `emails : "`+strings.Join(toks, " ")+`" *`)
			}
		case phoneish(w):
			d := digitsOf(w)
			terms = append(terms, `tails : "`+d[len(d)-4:]+`"`)
		default:
			rs := normalize(w)
			switch {
			case len(rs) == 1:
				cs.letters = append(cs.letters, string(rs))
			case len(rs) > 1:
				terms = append(terms, `(name_pairs : "`+letters(string(rs), 2)+`" OR emails : "`+string(rs)+`" *)`)
			}
		}
	}
	cs.match = strings.Join(terms, " AND ")
	return cs
}

// walkOver is how many matches make the list walk its own order probing each contact, rather than collect
// the matches and sort them.
const walkOver = 2000

func (q CustomerQuery) where() (string, []any) { return q.whereWalk(false) }

// whereWalk writes the query's conditions; walk writes the search unindexable (+c.id), so SQLite walks the
// list's order and stops after a page, which pays when a search matches many contacts (one Hangul letter).
func (q CustomerQuery) whereWalk(walk bool) (string, []any) {
	conds := []string{"c.merged_into IS NULL"}
	var args []any
	if cs := customerMatch(q.Search); cs.ok() {
		col := "c.id"
		if walk {
			col = "+c.id"
		}
		if cs.match != "" {
			conds = append(conds, col+" IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)")
			args = append(args, cs.match)
		}
		for _, l := range cs.letters {
			if cs.match == "" && !walk && len(cs.letters) == 1 {
				// a rare letter alone: its contacts are one range of the letters table
				conds = append(conds, "c.id IN (SELECT customer_id FROM customer_letters WHERE letter = ?)")
			} else {
				// probed for each contact the list walks or the other lookups found
				conds = append(conds, "EXISTS (SELECT 1 FROM customer_letters l WHERE l.letter = ? AND l.customer_id = c.id)")
			}
			args = append(args, l)
		}
	} else if strings.TrimSpace(q.Search) != "" {
		conds = append(conds, "0")
	}
	if q.Tag != "" {
		conds = append(conds, "EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag = ?)")
		args = append(args, q.Tag)
	}
	if !q.LastFrom.IsZero() {
		conds = append(conds, "c.last_order_at >= ?")
		args = append(args, timeText(q.LastFrom))
	}
	if !q.LastTo.IsZero() {
		conds = append(conds, "c.last_order_at < ? AND c.last_order_at <> ''")
		args = append(args, timeText(q.LastTo))
	}
	if q.MinTotal > 0 {
		conds = append(conds, "c.total_amount >= ?")
		args = append(args, q.MinTotal)
	}
	if q.MaxTotal > 0 {
		conds = append(conds, "c.total_amount <= ?")
		args = append(args, q.MaxTotal)
	}
	switch q.Consent {
	case "YES", "NO":
		conds = append(conds, "c.consent = ? AND c.consent <> ''") // the second term lets the partial index serve
		args = append(args, q.Consent)
	case "NONE":
		conds = append(conds, "c.consent = ''")
	}
	if q.HasEmail {
		conds = append(conds, "c.email <> ''")
	}
	if len(q.IDs) > 0 {
		conds = append(conds, "c.id IN ("+placeholders(len(q.IDs))+")")
		args = append(args, anys(q.IDs)...)
	}
	return strings.Join(conds, " AND "), args
}

// ListCustomers reads a page of the contact list, the most recent buyers first (contacts without orders
// after them, newest first).
func ListCustomers(ctx context.Context, db Querier, q CustomerQuery) ([]CustomerRecord, error) {
	walk := false
	if cs := customerMatch(q.Search); cs.ok() && len(q.IDs) == 0 {
		n, err := countMatchesUpTo(ctx, db, cs, walkOver+1)
		if err != nil {
			return nil, err
		}
		walk = n > walkOver
	}
	where, args := q.whereWalk(walk)
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	order := `c.last_order_at DESC, c.id DESC`
	if (q.MinTotal > 0 || q.MaxTotal > 0) && q.Search == "" {
		// few contacts above an amount: read them by the amount's index and sort them, rather than walk
		// every contact in date order looking for them
		n, err := CountCustomers(ctx, db, q)
		if err != nil {
			return nil, err
		}
		if n < 5000 {
			order = `+c.last_order_at DESC, c.id DESC`
		}
	}
	rows, err := db.QueryContext(ctx, `SELECT `+customerCols+` FROM customers c WHERE `+where+`
		ORDER BY `+order+` LIMIT ? OFFSET ?`, append(args, limit, q.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("data: list customers: %w", err)
	}
	defer rows.Close()
	var out []CustomerRecord
	for rows.Next() {
		c, err := scanCustomer(rows)
		if err != nil {
			return nil, fmt.Errorf("data: list customers: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CountCustomers counts the contacts the query matches.
func CountCustomers(ctx context.Context, db Querier, q CustomerQuery) (int, error) {
	where, args := q.where()
	var n int
	if cs := customerMatch(q.Search); cs.ok() && where == func() string { w, _ := (CustomerQuery{Search: q.Search}).where(); return w }() {
		// a search alone: the lookup tables hold live contacts only, so their count is the answer
		if cs.match == "" && len(cs.letters) == 1 {
			return countLetter(ctx, db, cs.letters[0])
		}
		if len(cs.letters) == 0 {
			return countMatches(ctx, db, cs.match)
		}
	}
	if (CustomerQuery{Consent: "NONE"}).sameFilters(q) {
		// most contacts have no record: all of them less the few that have one
		if err := db.QueryRowContext(ctx, `SELECT (SELECT n FROM customer_count) - (SELECT count(*) FROM customers
			WHERE consent IN ('YES', 'NO') AND merged_into IS NULL AND consent <> '')`).Scan(&n); err != nil {
			return 0, fmt.Errorf("data: count customers: %w", err)
		}
		return n, nil
	}
	if len(args) == 0 && where == "c.merged_into IS NULL" {
		if err := db.QueryRowContext(ctx, `SELECT n FROM customer_count`).Scan(&n); err != nil {
			return 0, fmt.Errorf("data: count customers: %w", err)
		}
		return n, nil
	}
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM customers c WHERE `+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("data: count customers: %w", err)
	}
	return n, nil
}

// CustomerIDs lists the ids the query matches (a campaign's recipients), in list order.
func CustomerIDs(ctx context.Context, db Querier, q CustomerQuery) ([]int64, error) {
	where, args := q.where()
	rows, err := db.QueryContext(ctx, `SELECT c.id FROM customers c WHERE `+where+` ORDER BY c.last_order_at DESC, c.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("data: customer ids: %w", err)
	}
	return scanIDs(rows)
}

// countMatches counts the contacts an FTS query matches, from the lookup index alone.
func countMatches(ctx context.Context, db Querier, match string) (int, error) {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM customer_search WHERE customer_search MATCH ?`, match).Scan(&n); err != nil {
		return 0, fmt.Errorf("data: count customers: %w", err)
	}
	return n, nil
}

// countLetter counts the live contacts with a letter in their names: one range of the letters table.
func countLetter(ctx context.Context, db Querier, letter string) (int, error) {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM customer_letters WHERE letter = ?`, letter).Scan(&n); err != nil {
		return 0, fmt.Errorf("data: count customers: %w", err)
	}
	return n, nil
}

// countMatchesUpTo counts a search's matches, stopping at limit (the list only asks whether they are many):
// the FTS part's when there is one, else the first letter's.
func countMatchesUpTo(ctx context.Context, db Querier, cs customerSearch, limit int) (int, error) {
	q, arg := `SELECT count(*) FROM (SELECT 1 FROM customer_search WHERE customer_search MATCH ? LIMIT ?)`, cs.match
	if cs.match == "" {
		q, arg = `SELECT count(*) FROM (SELECT 1 FROM customer_letters WHERE letter = ? LIMIT ?)`, cs.letters[0]
	}
	var n int
	if err := db.QueryRowContext(ctx, q, arg, limit).Scan(&n); err != nil {
		return 0, fmt.Errorf("data: count customers: %w", err)
	}
	return n, nil
}

// sameFilters reports whether q filters exactly as f does (paging aside).
func (f CustomerQuery) sameFilters(q CustomerQuery) bool {
	q.Limit, q.Offset = 0, 0
	return f.Search == q.Search && f.Tag == q.Tag && f.LastFrom.Equal(q.LastFrom) && f.LastTo.Equal(q.LastTo) &&
		f.MinTotal == q.MinTotal && f.MaxTotal == q.MaxTotal && f.Consent == q.Consent && f.HasEmail == q.HasEmail &&
		len(f.IDs) == 0 && len(q.IDs) == 0
}
