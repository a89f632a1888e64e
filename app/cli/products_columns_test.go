package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/catalog"
)

// removeColumns deletes the columns whose titles start with each header, as a seller does in Excel.
func removeColumns(t *testing.T, path string, headers ...string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sh := f.GetSheetName(0)
	for _, h := range headers {
		rows, _ := f.GetRows(sh)
		col := -1
		for i, title := range rows[0] {
			if strings.HasPrefix(title, h) {
				col = i
			}
		}
		if col < 0 {
			t.Fatalf("no column %s in %v", h, rows[0])
		}
		name, _ := excelize.ColumnNumberToName(col + 1)
		if err := f.RemoveCol(sh, name); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// catalogFacts reads every product's supplier, cost and weight, by code.
func catalogFacts(t *testing.T, db string) map[string][3]int64 {
	t.Helper()
	d := openDesk(t, db)
	defer d.Close()
	ps, err := d.Catalog.ExportProducts(context.Background(), catalog.ListFilter{Sort: catalog.SortCode})
	if err != nil {
		t.Fatal(err)
	}
	facts := map[string][3]int64{}
	for _, p := range ps {
		facts[p.Code] = [3]int64{p.SupplierID, p.Cost, p.WeightGrams}
	}
	return facts
}

// TestImportProductsMissingColumns: an export whose 공급업체, 원가 and 무게 columns the seller deleted
// changes only the price the seller edited; the deleted columns erase nothing.
func TestImportProductsMissingColumns(t *testing.T) {
	dir := t.TempDir()
	shop := filepath.Join(dir, "shop.db")
	if code, _, errs := run(t, "--db", shop, "demo", "--orders", "0"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	before := catalogFacts(t, shop)
	var sups, costs, weights int
	for _, f := range before {
		if f[0] != 0 {
			sups++
		}
		if f[1] != 0 {
			costs++
		}
		if f[2] != 0 {
			weights++
		}
	}
	if sups == 0 || costs == 0 || weights == 0 {
		t.Fatalf("the demo catalog has nothing to erase: %d suppliers, %d costs, %d weights", sups, costs, weights)
	}
	export := filepath.Join(dir, "상품_대량수정.xlsx")
	if code, out, errs := run(t, "--db", shop, "export", "products", export); code != 0 {
		t.Fatalf("export: %d %q %q", code, out, errs)
	}
	removeColumns(t, export, "공급업체", "원가", "무게")
	f, err := excelize.OpenFile(export)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(f.GetSheetName(0))
	f.Close()
	first := rows[1][0]
	price, _ := storeFacts(t, shop, first)
	setCell(t, export, first, 0, "판매가", price+1000)
	want := "상품 " + first + " 판매가: " + won(price) + " → " + won(price+1000) + "\n"

	code, out, errs := run(t, "--db", shop, "import", "products", export, "--dry-run")
	if code != 0 || !strings.HasPrefix(out, want) || !strings.Contains(out, "상품 1개에서 1건이 바뀝니다. --dry-run") {
		t.Fatalf("dry run: %d\n%s\n%s", code, out, errs)
	}
	code, out, errs = run(t, "--db", shop, "import", "products", export)
	if code != 0 || !strings.Contains(out, "상품 1개에서 1건을 반영했습니다") {
		t.Fatalf("import: %d\n%s\n%s", code, out, errs)
	}
	if got, _ := storeFacts(t, shop, first); got != price+1000 {
		t.Errorf("price after import = %d, want %d", got, price+1000)
	}
	after := catalogFacts(t, shop)
	for code, f := range before {
		if after[code] != f {
			t.Errorf("%s: supplier, cost, weight %v became %v", code, f, after[code])
		}
	}
}
