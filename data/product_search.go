package data

// The product search index (product_search, FTS5): what a product is found by (its name and codes as single
// letters and letter pairs) and its tags (status and categories as words), and how the seller's typing becomes
// an FTS5 query.

import (
	"context"
	"fmt"
	"strings"
	"unicode"
)

// productTags, followed by a product id, is the search entry's tags of that product: its status, its
// category and every category above it as words ("ssale c12 c3"; c0 without a category), so the index
// answers a search with those filters by itself.
const productTags = `SELECT ` + tagsOfP + ` FROM products p LEFT JOIN category_tags ct ON ct.category_id = p.category_id
	WHERE p.id = `

// productTagsOfRow is productTags for the product of the search row being updated.
const productTagsOfRow = productTags + `product_search.rowid`

// tagsOfP is the tags expression over products p joined with category_tags ct (migration 0008).
const tagsOfP = `'s' || lower(p.status) || ' ' || coalesce(ct.tags, 'c0')`

// RefreshCategoryTagsTx rewrites the search tags of every product in these categories, after a category
// moved to another parent and their ancestors changed.
func RefreshCategoryTagsTx(ctx context.Context, tx *Tx, categoryIDs []int64) error {
	if len(categoryIDs) == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE product_search SET tags = (`+productTagsOfRow+`)
		WHERE rowid IN (SELECT id FROM products WHERE category_id IN (`+placeholders(len(categoryIDs))+`))`, anys(categoryIDs)...)
	if err != nil {
		return fmt.Errorf("data: search tags of moved categories: %w", err)
	}
	return nil
}

// refreshTagsTx rewrites a product's tags after its status or category changed.
func refreshTagsTx(ctx context.Context, tx *Tx, id int64) error {
	if tx.stageProductSearch {
		return nil // the flush writes every staged product's tags from its row as it is then
	}
	if _, err := tx.ExecContext(ctx, `UPDATE product_search SET tags = (`+productTagsOfRow+`) WHERE rowid = ?`, id); err != nil {
		return fmt.Errorf("data: product %d search tags: %w", id, err)
	}
	return nil
}

// StageProductSearch makes this transaction queue product search entries in a temporary table;
// FlushProductSearchTx writes them all in one statement. A bulk import needs it: once the FTS index is
// written in a transaction, SQLite flushes it on every later statement, which for 30,000 products costs more
// than the rest of the import.
func (t *Tx) StageProductSearch(ctx context.Context) error {
	if _, err := t.ExecContext(ctx, productStage); err != nil {
		return fmt.Errorf("data: stage product search: %w", err)
	}
	t.stageProductSearch = true
	return nil
}

const productStage = `CREATE TEMP TABLE IF NOT EXISTS product_search_stage (product_id INTEGER PRIMARY KEY,
	name_chars TEXT, code_chars TEXT, name_pairs TEXT, code_pairs TEXT)`

// FlushProductSearchTx writes the staged product search entries (with each product's tags as they are now)
// and stops staging.
func FlushProductSearchTx(ctx context.Context, tx *Tx) error {
	tx.stageProductSearch = false
	for _, q := range []string{
		productStage,
		`DELETE FROM product_search WHERE rowid IN (SELECT product_id FROM temp.product_search_stage)`,
		`INSERT INTO product_search (rowid, name_chars, code_chars, name_pairs, code_pairs, tags)
			SELECT s.product_id, s.name_chars, s.code_chars, s.name_pairs, s.code_pairs,
				` + tagsOfP + `
			FROM temp.product_search_stage s JOIN products p ON p.id = s.product_id
			LEFT JOIN category_tags ct ON ct.category_id = p.category_id ORDER BY s.product_id`,
		`DELETE FROM temp.product_search_stage`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("data: flush product search: %w", err)
		}
	}
	return nil
}

// SetSearchTx writes a product's search entry (no delete first: for a product that has none yet).
func SetSearchTx(ctx context.Context, tx *Tx, id int64, name string, codes []string) error {
	code := strings.Join(codes, " ")
	if tx.stageProductSearch {
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO temp.product_search_stage VALUES (?, ?, ?, ?, ?)`,
			id, letters(name, 1), letters(code, 1), letters(name, 2), pairsOfEach(codes))
		if err != nil {
			return fmt.Errorf("data: stage product %d search: %w", id, err)
		}
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO product_search (rowid, name_chars, code_chars, name_pairs, code_pairs, tags)
		VALUES (?, ?, ?, ?, ?, (`+productTags+`?))`, id, letters(name, 1), letters(code, 1), letters(name, 2), pairsOfEach(codes), id)
	if err != nil {
		return fmt.Errorf("data: product %d search: %w", id, err)
	}
	return nil
}

// normalize keeps the letters and digits of s, lower-cased: what search compares.
func normalize(s string) []rune {
	var out []rune
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			out = append(out, r)
		}
	}
	return out
}

// letters writes s as space-separated pieces of n letters: n=1 single letters, n=2 overlapping pairs.
func letters(s string, n int) string {
	rs := normalize(s)
	if n == 1 || len(rs) < 2 {
		parts := make([]string, len(rs))
		for i, r := range rs {
			parts[i] = string(r)
		}
		return strings.Join(parts, " ")
	}
	parts := make([]string, 0, len(rs)-1)
	for i := 0; i+1 < len(rs); i++ {
		parts = append(parts, string(rs[i:i+2]))
	}
	return strings.Join(parts, " ")
}

// pairsOfEach writes the pairs of each code on its own, so a search never matches across two codes.
func pairsOfEach(codes []string) string {
	parts := make([]string, 0, len(codes))
	for _, c := range codes {
		if p := letters(c, 2); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ǁ ") // a letter nobody types keeps pairs of two codes from touching
}

// searchMatch turns what the seller typed into an FTS5 query: one letter looks among single letters,
// longer text is a phrase of its letter pairs. ok is false when nothing searchable was typed.
func searchMatch(query string) (match string, ok bool) {
	rs := normalize(query)
	switch len(rs) {
	case 0:
		return "", false
	case 1:
		return `{name_chars code_chars} : "` + string(rs) + `"`, true
	}
	return `{name_pairs code_pairs} : "` + letters(string(rs), 2) + `"`, true
}
