package data

import (
	"context"
	"fmt"
	"strings"
)

// ProductListRow is one line of the product list.
type ProductListRow struct {
	ID          int64
	Code        string
	Name        string
	CategoryID  int64
	Price       int64
	TotalStock  int64
	Status      string
	Thumb       string
	LowStock    bool
	OptionCount int
	Archived    bool
}

// ProductQuery narrows and orders the product list. Zero values mean "no filter".
type ProductQuery struct {
	Search      string  // any part of the name or of a code
	Category    int64   // this category and everything below it: a word of the search tags
	CategoryIDs []int64 // Category and every category below it, for the filters on the product row
	Status      string
	LowStock    bool
	Archived    bool
	IDs         []int64
	OrderBy     string // created (registration: the id), updated, code, name, category, price, stock, status
	Desc        bool
	Offset      int
	Limit       int

	codePrefix string // set by resolveCode: the search is the start of product or option codes
}

// rareMatches is how many search matches are few enough to sort directly.
const rareMatches = 2000

var orderColumns = map[string]string{
	"created": "p.id", "updated": "p.updated_at", "code": "p.code", "name": "p.name", "category": "p.category_id",
	"price": "p.price", "stock": "p.total_stock", "status": "p.status",
}

// where builds the WHERE clause and its arguments; every value is a bound parameter. For the list
// (ordered) query the search, category and status terms are written +x so SQLite walks the sort order's
// index and stops after one page instead of sorting every match; the count query lets it use those
// indexes. Statistics do not bring the planner to this by itself: with them and without the +, the first
// page took 31–46 ms instead of 11–12 (BenchmarkSearchHangul2), 64–92 instead of 5–5.5 (FilterCategory),
// 81–106 instead of 18–28 (FilterStatus) (2026-12-03).
func (q ProductQuery) where(ordered bool) (string, []any) {
	return q.whereExcept(ordered, false)
}

// whereExcept is where, leaving out the search term when the query joins the search index itself.
func (q ProductQuery) whereExcept(ordered, noSearch bool) (string, []any) {
	conds := []string{"p.archived_at IS NULL"}
	if q.Archived {
		conds[0] = "p.archived_at IS NOT NULL"
	}
	var args []any
	plus := ""
	if ordered {
		plus = "+"
	}
	if q.codePrefix != "" && !noSearch {
		lo, hi := prefixRange(q.codePrefix)
		conds = append(conds, `(p.code >= ? AND p.code < ? OR p.id IN (SELECT product_id FROM product_options WHERE code >= ? AND code < ?))`)
		args = append(args, lo, hi, lo, hi)
	} else if match, ok := searchMatch(q.Search); ok && !noSearch {
		match, _ = q.filteredMatch(match, false)
		conds = append(conds, plus+`p.id IN (SELECT rowid FROM product_search WHERE product_search MATCH ?)`)
		args = append(args, match)
	}
	if len(q.CategoryIDs) > 0 {
		conds = append(conds, plus+"p.category_id IN ("+placeholders(len(q.CategoryIDs))+")")
		args = append(args, anys(q.CategoryIDs)...)
	}
	if q.Status != "" {
		conds = append(conds, plus+"p.status = ?")
		args = append(args, q.Status)
	}
	if q.LowStock {
		conds = append(conds, "p.low_stock = 1")
	}
	if len(q.IDs) > 0 {
		conds = append(conds, "p.id IN ("+placeholders(len(q.IDs))+")")
		args = append(args, anys(q.IDs)...)
	}
	return strings.Join(conds, " AND "), args
}

// filteredMatch adds the query's category and status filters to a search's FTS query as tag words, so the
// index alone answers a search inside categories and a status; ok is false when a filter cannot be a tag
// (low stock, chosen ids, the archive).
//
// The list passes withStatus false: its own SQL tests the status of the few rows it reads, which costs less
// than intersecting with a status word that most products share.
func (q ProductQuery) filteredMatch(match string, withStatus ...bool) (string, bool) {
	if q.LowStock || len(q.IDs) > 0 || q.Archived {
		return match, false
	}
	out := "(" + match + ")"
	if q.Category != 0 {
		out += fmt.Sprintf(" AND tags : c%d", q.Category) // a product's tags name every category above it
	}
	if q.Status != "" && (len(withStatus) == 0 || withStatus[0]) {
		// 판매중 is most products: "not the other two" reads two short word lists instead of a long one
		switch q.Status {
		case "SALE":
			out += " NOT tags : ssuspension NOT tags : soutofstock"
		default:
			out += " AND tags : s" + strings.ToLower(strings.Map(func(r rune) rune {
				if (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') {
					return r
				}
				return -1
			}, q.Status))
		}
	}
	return out, true
}

// prefixRange is the [lo, hi) range of strings that start with prefix, for a B-tree index.
func prefixRange(prefix string) (string, string) { return prefix, prefix + string(rune(0x10FFFF)) }

// codeLike reports whether a search looks like a code: one word of ASCII letters, digits, - _ . / with at
// least one digit (P0123, HR-0027-03), which a seller types from its start.
func codeLike(s string) bool {
	digit := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '-', r == '_', r == '.', r == '/':
		default:
			return false
		}
	}
	return digit
}

// resolveCode turns a code-like search into a prefix search on the product and option codes' own indexes
// when some code starts with it (as typed, or in capitals). Letter-pair search over dense codes such as
// P01230…P01239 reads long lists for every pair; the B-tree reads only the matching range. A code-like
// search that starts no code (a part from the middle, or "500ml" in a name) keeps the letter-pair search.
func (q ProductQuery) resolveCode(ctx context.Context, db Querier) (ProductQuery, error) {
	term := strings.TrimSpace(q.Search)
	if !codeLike(term) {
		return q, nil
	}
	for _, prefix := range []string{term, strings.ToUpper(term)} {
		lo, hi := prefixRange(prefix)
		var found bool
		err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM products WHERE code >= ? AND code < ?)
			OR EXISTS (SELECT 1 FROM product_options WHERE code >= ? AND code < ?)`, lo, hi, lo, hi).Scan(&found)
		if err != nil {
			return q, fmt.Errorf("data: code search: %w", err)
		}
		if found {
			q.codePrefix = prefix
			return q, nil
		}
	}
	return q, nil
}

// ListProducts reads one page of the product list.
func ListProducts(ctx context.Context, db Querier, q ProductQuery) ([]ProductListRow, error) {
	q, err := q.resolveCode(ctx, db)
	if err != nil {
		return nil, err
	}
	// Walking the sort order's index pays off when matches are common; a rare search term (a code) is
	// faster the other way round: fetch its few matches, then sort them.
	ordered := true
	if q.codePrefix != "" {
		ordered = false
	} else if match, ok := searchMatch(q.Search); ok {
		match, _ = q.filteredMatch(match, false)
		var hits int // counted only as far as the choice needs
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM product_search WHERE product_search MATCH ? LIMIT ?)`,
			match, rareMatches+1).Scan(&hits); err != nil {
			return nil, fmt.Errorf("data: list products: %w", err)
		}
		ordered = hits > rareMatches
	}
	where, args := q.where(ordered)
	col, ok := orderColumns[q.OrderBy]
	if !ok {
		col = orderColumns["updated"]
	}
	dir := "ASC"
	if q.Desc {
		dir = "DESC"
	}
	query := `SELECT p.id, p.code, p.name, coalesce(p.category_id, 0), p.price, p.total_stock, p.status, p.thumb,
		p.low_stock, p.option_count, p.archived_at IS NOT NULL
		FROM products p WHERE ` + where + ` ORDER BY ` + col + ` ` + dir + `, p.id ` + dir
	if q.Limit > 0 {
		query += ` LIMIT ? OFFSET ?`
		args = append(args, q.Limit, q.Offset)
	}
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("data: list products: %w", err)
	}
	defer rows.Close()
	var out []ProductListRow
	for rows.Next() {
		var r ProductListRow
		if err := rows.Scan(&r.ID, &r.Code, &r.Name, &r.CategoryID, &r.Price, &r.TotalStock, &r.Status, &r.Thumb,
			&r.LowStock, &r.OptionCount, &r.Archived); err != nil {
			return nil, fmt.Errorf("data: list products: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// CountProducts counts the rows ListProducts would return without a limit.
func CountProducts(ctx context.Context, db Querier, q ProductQuery) (int, error) {
	var n int
	q, err := q.resolveCode(ctx, db)
	if err != nil {
		return 0, err
	}
	match, searching := searchMatch(q.Search)
	filtered := len(q.CategoryIDs) > 0 || q.Status != "" || q.LowStock || len(q.IDs) > 0
	tagged, taggable := q.filteredMatch(match)
	switch {
	case searching && filtered && taggable:
		// category and status are words of the search index: it counts the matches by itself; only the
		// few archived ones among them are read and taken off
		err = db.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM product_search WHERE product_search MATCH ?) -
			(SELECT count(*) FROM products p WHERE p.archived_at IS NOT NULL
				AND EXISTS (SELECT 1 FROM product_search WHERE product_search MATCH ? AND rowid = p.id))`, tagged, tagged).Scan(&n)
	case q.codePrefix != "":
		// the codes' ranges are few rows; the other filters are tested on each
		where, args := q.where(false)
		err = db.QueryRowContext(ctx, `SELECT count(*) FROM products p WHERE `+where, args...).Scan(&n)
	case searching && !filtered && !q.Archived:
		// The search index counts its matches without touching the products; only the few archived products
		// are asked whether they match, and taken off.
		err = db.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM product_search WHERE product_search MATCH ?) -
			(SELECT count(*) FROM products p WHERE p.archived_at IS NOT NULL
				AND EXISTS (SELECT 1 FROM product_search WHERE product_search MATCH ? AND rowid = p.id))`, match, match).Scan(&n)
	case q.LowStock && !searching && !q.Archived && len(q.CategoryIDs) == 0 && len(q.IDs) == 0 && q.Status == "":
		// 재고부족 alone: its own partial index holds exactly those products, and the planner picks it
		where, args := q.where(false)
		err = db.QueryRowContext(ctx, `SELECT count(*) FROM products p WHERE `+where, args...).Scan(&n)
	case len(q.CategoryIDs) > 0 && !searching && !q.Archived:
		// A category's live products are one range of their own index, which also holds status and low
		// stock, so the count reads nothing else. Even with statistics the planner reads the wide rows
		// through products_category instead: BenchmarkFilterCategory 5.1–5.5 ms with INDEXED BY, 53–76 ms
		// without (2026-12-03).
		where, args := q.where(false)
		err = db.QueryRowContext(ctx, `SELECT count(*) FROM products p INDEXED BY products_live_category WHERE `+where, args...).Scan(&n)
	case !searching && !filtered && !q.Archived:
		// the whole live catalog: kept by triggers (migration 0009)
		err = db.QueryRowContext(ctx, `SELECT n FROM live_product_count`).Scan(&n)
	case !searching && !q.Archived && len(q.IDs) == 0:
		// A status (with or without 재고부족): counting reads the whole narrow live-category index, which
		// holds status and low stock, instead of every wide product row. Even with statistics the planner
		// reads the rows through products_status: BenchmarkFilterStatus 18–19 ms with this index, 23–32 with
		// the wider products_live, 44–62 without INDEXED BY (2026-12-03).
		where, args := q.where(false)
		err = db.QueryRowContext(ctx, `SELECT count(*) FROM products p INDEXED BY products_live_category WHERE `+where, args...).Scan(&n)
	case searching && len(q.CategoryIDs) > 0 && !q.Archived:
		n, err = countSearchInCategories(ctx, db, q)
	case searching && !q.Archived:
		// Search with filters: the planner starts from the search index's matches and tests the filters on each.
		where, args := q.whereExcept(false, true)
		err = db.QueryRowContext(ctx, `SELECT count(*) FROM product_search s JOIN products p ON p.id = s.rowid
			WHERE product_search MATCH ? AND `+where, append([]any{match}, args...)...).Scan(&n)
	default:
		// chosen ids (the planner looks each up by its key) and the archive
		where, args := q.where(false)
		err = db.QueryRowContext(ctx, `SELECT count(*) FROM products p WHERE `+where, args...).Scan(&n)
	}
	if err != nil {
		return 0, fmt.Errorf("data: count products: %w", err)
	}
	return n, nil
}

// ProductIDs lists the ids matching q in list order, without paging (exports).
func ProductIDs(ctx context.Context, db Querier, q ProductQuery) ([]int64, error) {
	q.Limit, q.Offset = 0, 0
	rows, err := ListProducts(ctx, db, q)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	return ids, nil
}

// countSearchInCategories counts search matches inside categories by intersecting two cheap id lists: the
// search index's matches and the categories' live products (read from their own covering index, with the
// status and low-stock filters applied there). SQLite's own plans for this mix read every matching wide row,
// with statistics too: BenchmarkSearchCategoryLowStock 32–43 ms with INDEXED BY, 91–121 ms without
// (2026-12-03).
func countSearchInCategories(ctx context.Context, db Querier, q ProductQuery) (int, error) {
	match, _ := searchMatch(q.Search)
	hits := map[int64]bool{}
	rows, err := db.QueryContext(ctx, `SELECT rowid FROM product_search WHERE product_search MATCH ?`, match)
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
		hits[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	rest := q
	rest.Search = ""
	where, args := rest.where(false)
	rows, err = db.QueryContext(ctx, `SELECT p.id FROM products p INDEXED BY products_live_category WHERE `+where, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
		if hits[id] {
			n++
		}
	}
	return n, rows.Err()
}
