package data

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestProductCountsMatchList: every way CountProducts counts (the search index's own count, the codes'
// ranges, each partial index, the kept total, the intersection in Go, the join) gives the number of rows
// ListProducts returns and the number a plain reading of the filter gives, on a store without statistics
// and again with them (their plans differ; the answers must not).
func TestProductCountsMatchList(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "sellerdesk.db"), testClock())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	type product struct {
		id, category    int64
		code, name      string
		status          string
		low, archived   bool
		optionCodes     []string
		categoryParents []int64 // the category and those above it
	}
	var products []product
	var top, child, other int64
	err = s.Write(ctx, func(tx *Tx) error {
		var err error
		if top, err = SaveCategoryTx(ctx, tx, CategoryRecord{Name: "의류"}); err != nil {
			return err
		}
		if child, err = SaveCategoryTx(ctx, tx, CategoryRecord{ParentID: top, Name: "상의"}); err != nil {
			return err
		}
		if other, err = SaveCategoryTx(ctx, tx, CategoryRecord{Name: "리빙"}); err != nil {
			return err
		}
		cats := [][]int64{{top}, {child, top}, {other}, nil}
		names := []string{"린넨 셔츠 %d", "머그컵 %d", "수건 %d", "셔츠형 원피스 %d", "컵받침 %d"}
		statuses := []string{"SALE", "SUSPENSION", "SALE", "OUTOFSTOCK"}
		for i := 0; i < 60; i++ {
			p := product{code: fmt.Sprintf("P%04d", i), name: fmt.Sprintf(names[i%len(names)], i),
				status: statuses[i%len(statuses)], low: i%3 == 0, categoryParents: cats[i%len(cats)]}
			if len(p.categoryParents) > 0 {
				p.category = p.categoryParents[0]
			}
			p.optionCodes = []string{p.code + "-1", p.code + "-2"}
			p.id, err = InsertProductTx(ctx, tx, ProductRecord{Code: p.code, Name: p.name, CategoryID: p.category,
				Price: 1000, Status: p.status, TaxType: "TAX", OptionKind: "SINGLE", OptionGroups: "[]"},
				ProductCaches{LowStock: p.low, OptionCount: 2})
			if err != nil {
				return err
			}
			opts := []OptionRecord{{Code: p.optionCodes[0], Position: 0, Usable: true}, {Code: p.optionCodes[1], Position: 1, Usable: true}}
			if err := InsertOptionsTx(ctx, tx, p.id, opts); err != nil {
				return err
			}
			if err := SetSearchTx(ctx, tx, p.id, p.name, append([]string{p.code}, p.optionCodes...)); err != nil {
				return err
			}
			products = append(products, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Write(ctx, func(tx *Tx) error {
		for i := range products {
			if i%7 == 0 {
				products[i].archived = true
				if err := SetProductArchivedTx(ctx, tx, products[i].id, true); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// matches is the filter read plainly; the searches are chosen so that "contains" is exactly what the
	// search index answers (a name's letters, the start of a product or option code)
	matches := func(p product, q ProductQuery) bool {
		switch q.Search {
		case "":
		case "P001", "P0012-1":
			if !strings.HasPrefix(p.code, q.Search) && !slices.ContainsFunc(p.optionCodes, func(c string) bool {
				return strings.HasPrefix(c, q.Search)
			}) {
				return false
			}
		default:
			if !strings.Contains(p.name, q.Search) {
				return false
			}
		}
		return p.archived == q.Archived &&
			(q.Category == 0 || slices.Contains(p.categoryParents, q.Category)) &&
			(q.Status == "" || p.status == q.Status) &&
			(!q.LowStock || p.low) &&
			(q.IDs == nil || slices.Contains(q.IDs, p.id))
	}
	chosen := []int64{products[1].id, products[2].id, products[3].id, products[7].id, products[9].id}
	check := func(t *testing.T) {
		for _, search := range []string{"", "셔츠", "컵", "P001", "P0012-1"} {
			for _, cat := range []int64{0, top, child, other} {
				for _, status := range []string{"", "SALE", "SUSPENSION"} {
					for _, low := range []bool{false, true} {
						for _, archived := range []bool{false, true} {
							for _, ids := range [][]int64{nil, chosen} {
								q := ProductQuery{Search: search, Category: cat, Status: status, LowStock: low,
									Archived: archived, IDs: ids}
								switch cat {
								case top:
									q.CategoryIDs = []int64{top, child}
								case 0:
								default:
									q.CategoryIDs = []int64{cat}
								}
								want := 0
								for _, p := range products {
									if matches(p, q) {
										want++
									}
								}
								n, err := CountProducts(ctx, s.Read(), q)
								if err != nil {
									t.Fatal(err)
								}
								rows, err := ListProducts(ctx, s.Read(), q)
								if err != nil {
									t.Fatal(err)
								}
								if n != want || len(rows) != want {
									t.Errorf("%+v: count %d, list %d, want %d", q, n, len(rows), want)
								}
							}
						}
					}
				}
			}
		}
	}
	t.Run("NoStatistics", check)
	if err := s.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	var analyzed int
	if err := s.Read().QueryRowContext(ctx, `SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'products'`).Scan(&analyzed); err != nil || analyzed == 0 {
		t.Fatalf("products analyzed: %d rows of statistics (%v)", analyzed, err)
	}
	t.Run("Statistics", check)
}
