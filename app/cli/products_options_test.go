package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// rowsOf returns the Excel row numbers of code's rows in an export.
func rowsOf(t *testing.T, path, code string) []int {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(f.GetSheetName(0))
	var ns []int
	for i, r := range rows[1:] {
		if len(r) > 0 && r[0] == code {
			ns = append(ns, i+2)
		}
	}
	return ns
}

// changeLines are the diff lines of a bulk edit's output: "상품 코드 항목: 이전 → 새 값".
func changeLines(out string) []string {
	var ls []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "상품 ") && strings.Contains(l, " → ") {
			ls = append(ls, l)
		}
	}
	return ls
}

// TestImportProductPriceOnOptionRows: `import products` on an export whose 판매가 the seller changed for a
// product sold in many options, on its first row or down every row, prints one change and applies it once;
// two different new prices are refused with the rows and the column.
func TestImportProductPriceOnOptionRows(t *testing.T) {
	dir := t.TempDir()
	shop := filepath.Join(dir, "shop.db")
	if code, _, errs := run(t, "--db", shop, "demo", "--orders", "0"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	export := filepath.Join(dir, "상품_대량수정.xlsx")
	if code, _, errs := run(t, "--db", shop, "export", "products", export); code != 0 {
		t.Fatalf("export: %s", errs)
	}
	// the demo product with the most options
	f, err := excelize.OpenFile(export)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := f.GetRows(f.GetSheetName(0))
	f.Close()
	n := map[string]int{}
	code := ""
	for _, r := range all[1:] {
		if n[r[0]]++; code == "" || n[r[0]] > n[code] {
			code = r[0]
		}
	}
	rows := rowsOf(t, export, code)
	if len(rows) < 3 {
		t.Fatalf("the demo's biggest product %s has %d options", code, len(rows))
	}
	price, _ := storeFacts(t, shop, code)
	want := "상품 " + code + " 판매가: " + won(price) + " → " + won(price+2000)

	// the first row's price changed
	setCell(t, export, code, 0, "판매가", price+2000)
	c, out, errs := run(t, "--db", shop, "import", "products", export, "--dry-run")
	if got := changeLines(out); c != 0 || len(got) != 1 || got[0] != want || !strings.Contains(out, "상품 1개에서 1건이 바뀝니다") {
		t.Fatalf("first row: exit %d\nout %s\nerr %s\nwant the one line %q", c, out, errs, want)
	}

	// another row with another new price: one problem naming both rows and the column, nothing written
	setCell(t, export, code, 1, "판매가", price+3000)
	c, out, errs = run(t, "--db", shop, "import", "products", export)
	problem := fmt.Sprintf("상품등록\t%d행\tE (판매가)\t같은 상품(%s)의 판매가 열에 새 값이 여럿입니다: %d행 %s, %d행 %s (저장된 값 %s)",
		rows[1], code, rows[0], won(price+2000), rows[1], won(price+3000), won(price))
	if c != 1 || strings.Count(out, "\n") != 1 || !strings.Contains(out, problem) || !strings.Contains(errs, "1곳에 문제가 있어 아무것도 바꾸지 않았습니다") {
		t.Fatalf("two new prices: exit %d\nout %s\nerr %s\nwant %q", c, out, errs, problem)
	}
	if p, _ := storeFacts(t, shop, code); p != price {
		t.Fatalf("a refused file changed the price to %d", p)
	}

	// the first row's price filled down every row: the same one change
	for i := range rows {
		setCell(t, export, code, i, "판매가", price+2000)
	}
	c, out, errs = run(t, "--db", shop, "import", "products", export, "--dry-run")
	if got := changeLines(out); c != 0 || len(got) != 1 || got[0] != want {
		t.Fatalf("filled down: exit %d\nout %s\nerr %s", c, out, errs)
	}
	c, out, errs = run(t, "--db", shop, "import", "products", export)
	if got := changeLines(out); c != 0 || len(got) != 1 || !strings.Contains(out, "상품 1개에서 1건을 반영했습니다") {
		t.Fatalf("apply: exit %d\nout %s\nerr %s", c, out, errs)
	}
	if p, _ := storeFacts(t, shop, code); p != price+2000 {
		t.Errorf("price after import = %d, want %d", p, price+2000)
	}
	// the same file again changes nothing
	c, out, errs = run(t, "--db", shop, "import", "products", export)
	if c != 0 || !strings.Contains(out, "바뀐 내용이 없습니다") {
		t.Errorf("the file again: exit %d\nout %s\nerr %s", c, out, errs)
	}
	if code, out, _ := run(t, "--db", shop, "check"); code != 0 {
		t.Errorf("check after the bulk edit: %q", out)
	}
}
