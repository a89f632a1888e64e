package catalog

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"sellerdesk/data"
)

// The speed targets of the catalog, on a store of 100,000 products and 500,000 options:
// the list's first page and any search < 20 ms, opening a 300-combination product < 50 ms.
// go test -run '^$' -bench . -benchtime 20x ./app/catalog/

const benchProducts = 100_000

// benchStore opens the big store, built once and kept in the temp folder for later runs.
func benchStore(b *testing.B) (*Service, int64) {
	b.Helper()
	path := filepath.Join(os.TempDir(), "sellerdesk-bench-catalog-v10.db")
	if _, err := os.Stat(path); err != nil {
		if err := prepareBenchStore(path); err != nil {
			os.Remove(path)
			b.Fatal(err)
		}
	}
	store, err := data.Open(context.Background(), path, data.WithClock(testClock.Now))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	s := New(store, filepath.Dir(path), slog.New(slog.NewTextHandler(io.Discard, nil)))
	big, err := s.ProductByCode(context.Background(), "BIG-300")
	if err != nil {
		b.Fatal(err)
	}
	return s, big.ID
}

// prepareBenchStore makes the benchmark store at path: the v9 store (the same rows, without statistics)
// copied when an earlier run left it in the temp folder, else built, and then given statistics by
// Store.Optimize, as a seller's store gets them, so the plans measured are the ones a seller gets.
func prepareBenchStore(path string) error {
	part := path + ".part"
	os.Remove(part)
	if err := copyFile(filepath.Join(os.TempDir(), "sellerdesk-bench-catalog-v9.db"), part); err != nil {
		if err := buildBenchStore(part); err != nil {
			os.Remove(part)
			return err
		}
	}
	ctx := context.Background()
	store, err := data.Open(ctx, part, data.WithClock(testClock.Now))
	if err != nil {
		return err
	}
	err = store.Optimize(ctx)
	if cerr := store.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(part)
		return err
	}
	return os.Rename(part, path)
}

// copyFile copies a closed store file (its WAL was checkpointed into it when it closed).
func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

func buildBenchStore(path string) error {
	ctx := context.Background()
	store, err := data.Open(ctx, path, data.WithClock(testClock.Now))
	if err != nil {
		return err
	}
	defer store.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	adjectives := []string{"오버핏", "슬림핏", "린넨", "코튼", "울", "데님", "니트", "경량", "기모", "쿨링", "빈티지", "베이직"}
	items := []string{"셔츠", "티셔츠", "팬츠", "슬랙스", "가디건", "후드", "점퍼", "코트", "원피스", "스커트", "머그컵", "에코백", "양말", "수건"}
	return store.Write(ctx, func(tx *data.Tx) error {
		for _, name := range []string{"의류", "잡화", "리빙"} {
			top, _ := data.SaveCategoryTx(ctx, tx, data.CategoryRecord{Name: name})
			for i := 0; i < 5; i++ {
				data.SaveCategoryTx(ctx, tx, data.CategoryRecord{ParentID: top, Name: fmt.Sprintf("%s %d", name, i)})
			}
		}
		insP, err := tx.PrepareContext(ctx, `INSERT INTO products (id, code, name, category_id, price, cost, status,
			option_kind, option_groups, total_stock, low_stock, option_count, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, 0, 'SALE', 'SINGLE', '[{"Name":"색상","Values":["A","B","C","D","E"]}]', ?, ?, 5, ?, ?)`)
		if err != nil {
			return err
		}
		insO, err := tx.PrepareContext(ctx, `INSERT INTO product_options (product_id, code, option_values, position, stock, safety_stock)
			VALUES (?, ?, ?, ?, ?, 3)`)
		if err != nil {
			return err
		}
		for i := 1; i <= benchProducts; i++ {
			name := fmt.Sprintf("%s %s %d", adjectives[rng.IntN(len(adjectives))], items[rng.IntN(len(items))], i)
			code := fmt.Sprintf("P%06d", i)
			var stocks [5]int64
			total, low := int64(0), false
			for j := range stocks {
				stocks[j] = int64(rng.IntN(30))
				total += stocks[j]
				low = low || stocks[j] <= 3
			}
			at := fmt.Sprintf("2026-%02d-%02dT10:00:00.000Z", 1+i%12, 1+i%28)
			if _, err := insP.ExecContext(ctx, i, code, name, 2+rng.IntN(17), 5000+rng.IntN(100)*500, total, low, at, at); err != nil {
				return err
			}
			for j, st := range stocks {
				if _, err := insO.ExecContext(ctx, i, fmt.Sprintf("%s-%d", code, j), fmt.Sprintf(`["%c"]`, 'A'+j), j, st); err != nil {
					return err
				}
			}
			codes := []string{code}
			for j := range stocks {
				codes = append(codes, fmt.Sprintf("%s-%d", code, j))
			}
			if err := data.SetSearchTx(ctx, tx, int64(i), name, codes); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO stock_movements (option_id, delta, stock_after, reason, at)
			SELECT id, stock, stock, 'RECEIVE', '2026-01-01T00:00:00.000Z' FROM product_options`); err != nil {
			return err
		}
		big := Product{Code: "BIG-300", Name: "300조합 상품", Price: 10000, Status: StatusSale, TaxType: Taxable,
			OptionKind: OptionsCombination, OptionGroups: []OptionGroup{
				{"색상", []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}},
				{"사이즈", []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}},
				{"소재", []string{"x", "y", "z"}}}}
		big.Options = CombineOptions(big.OptionKind, big.OptionGroups, nil)
		for i := range big.Options {
			big.Options[i].Stock = 5
		}
		// no ANALYZE here: prepareBenchStore gives the store its statistics the way a seller's store gets them
		_, err = saveProductTx(ctx, tx, big, "bench", ReasonReceive, "")
		return err
	})
}

func benchList(b *testing.B, f ListFilter) {
	s, _ := benchStore(b)
	ctx := context.Background()
	f.Limit = 50
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.CountProducts(ctx, f); err != nil {
			b.Fatal(err)
		}
		rows, err := s.ListProducts(ctx, f)
		if err != nil || len(rows) == 0 {
			b.Fatalf("rows %d err %v", len(rows), err)
		}
	}
}

func BenchmarkListFirstPage(b *testing.B)    { benchList(b, ListFilter{Sort: SortUpdated, Desc: true}) }
func BenchmarkListSortByName(b *testing.B)   { benchList(b, ListFilter{Sort: SortName}) }
func BenchmarkSearchHangul2(b *testing.B)    { benchList(b, ListFilter{Query: "셔츠"}) }
func BenchmarkSearchHangul4(b *testing.B)    { benchList(b, ListFilter{Query: "오버핏 셔츠"}) }
func BenchmarkSearchHangul1(b *testing.B)    { benchList(b, ListFilter{Query: "컵"}) }
func BenchmarkSearchCode(b *testing.B)       { benchList(b, ListFilter{Query: "P0123"}) }
func BenchmarkSearchOptionCode(b *testing.B) { benchList(b, ListFilter{Query: "P054321-3"}) }
func BenchmarkFilterCategory(b *testing.B)   { benchList(b, ListFilter{CategoryID: 1}) }
func BenchmarkFilterLowStock(b *testing.B)   { benchList(b, ListFilter{LowStock: true}) }
func BenchmarkSearchWithFilters(b *testing.B) {
	benchList(b, ListFilter{Query: "셔츠", CategoryID: 1, Status: StatusSale})
}

// The filters below are not on the README's list; each reads the catalog another way (see CountProducts).
func BenchmarkFilterStatus(b *testing.B) { benchList(b, ListFilter{Status: StatusSale}) }
func BenchmarkFilterLowStockStatus(b *testing.B) {
	benchList(b, ListFilter{LowStock: true, Status: StatusSale})
}
func BenchmarkSearchLowStock(b *testing.B) { benchList(b, ListFilter{Query: "셔츠", LowStock: true}) }
func BenchmarkSearchCategoryLowStock(b *testing.B) {
	benchList(b, ListFilter{Query: "셔츠", CategoryID: 1, LowStock: true})
}

func BenchmarkOpenProduct300(b *testing.B) {
	s, id := benchStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p, err := s.Product(ctx, id)
		if err != nil || len(p.Options) != 300 {
			b.Fatalf("options %d err %v", len(p.Options), err)
		}
	}
}
