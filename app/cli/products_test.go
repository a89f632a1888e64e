package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/format"
	"sellerdesk/app/sheet"
)

// setCell writes value into the column whose title starts with header, on the nth row (from 0) holding
// code, as a seller editing the export in Excel would.
func setCell(t *testing.T, path, code string, nth int, header string, value any) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sh := f.GetSheetName(0)
	rows, _ := f.GetRows(sh)
	col := -1
	for i, h := range rows[0] {
		if strings.HasPrefix(h, header) {
			col = i
		}
	}
	for r, cells := range rows[1:] {
		if col >= 0 && len(cells) > 0 && cells[0] == code {
			if nth > 0 {
				nth--
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(col+1, r+2)
			if err := f.SetCellValue(sh, cell, value); err != nil {
				t.Fatal(err)
			}
			if err := f.Save(); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no row %d of %s, or no column %s", nth, code, header)
}

// storeFacts reads a product's price and its first option's stock from the store.
func storeFacts(t *testing.T, db, code string) (price, stock int64) {
	t.Helper()
	d := openDesk(t, db)
	defer d.Close()
	p, err := d.Catalog.ProductByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return p.Price, p.Options[0].Stock
}

func TestImportExportProducts(t *testing.T) {
	dir := t.TempDir()
	shop := filepath.Join(dir, "shop.db")
	if code, _, errs := run(t, "--db", shop, "demo", "--orders", "0"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	export := filepath.Join(dir, "상품_대량수정.xlsx")
	code, out, errs := run(t, "--db", shop, "export", "products", export)
	if code != 0 || !strings.Contains(out, "상품 30개를 내보냈습니다") {
		t.Fatalf("export: %d %q %q", code, out, errs)
	}

	// the export as it is: a 대량 수정 that changes nothing
	code, out, errs = run(t, "--db", shop, "import", "products", export)
	if code != 0 || !strings.Contains(out, "바뀐 내용이 없습니다") || errs != "" {
		t.Errorf("unchanged export: %d %q %q", code, out, errs)
	}

	// two cells edited: a price and a stock
	rows := func(path string) [][]string {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		r, _ := f.GetRows(f.GetSheetName(0))
		return r
	}(export)
	// the price is edited on a product sold as one option, the stock on a product with several options (a
	// price changed on one of many option rows: TestImportProductPriceOnOptionRows)
	n := map[string]int{}
	for _, r := range rows[1:] {
		n[r[0]]++
	}
	first, second := "", ""
	for _, r := range rows[1:] {
		if first == "" && n[r[0]] == 1 {
			first = r[0]
		}
		if second == "" && n[r[0]] > 1 {
			second = r[0]
		}
	}
	if first == "" || second == "" {
		t.Fatalf("the demo catalog has no single-option product (%q) or none with options (%q)", first, second)
	}
	price, _ := storeFacts(t, shop, first)
	_, stock := storeFacts(t, shop, second)
	setCell(t, export, first, 0, "판매가", price+2000)
	setCell(t, export, second, 0, "재고수량", stock+7)
	wantPrice := "상품 " + first + " 판매가: " + won(price) + " → " + won(price+2000)
	wantStock := " 재고: " + count(stock) + " → " + count(stock+7)

	code, out, errs = run(t, "--db", shop, "import", "products", export, "--dry-run")
	if code != 0 || !strings.Contains(out, wantPrice+"\n") || !strings.Contains(out, wantStock+"\n") ||
		!strings.Contains(out, "상품 "+second) || !strings.Contains(out, "2건이 바뀝니다. --dry-run 이라 반영하지 않았습니다") {
		t.Fatalf("dry run: %d\nout %s\nerr %s\nwant %q and %q", code, out, errs, wantPrice, wantStock)
	}
	if p, _ := storeFacts(t, shop, first); p != price {
		t.Fatalf("--dry-run changed the price to %d", p)
	}

	code, out, errs = run(t, "--db", shop, "import", "products", "--dry-run=false", export)
	if code != 0 || !strings.Contains(out, wantPrice) || !strings.Contains(out, "2건을 반영했습니다") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	if p, _ := storeFacts(t, shop, first); p != price+2000 {
		t.Errorf("price after import = %d, want %d", p, price+2000)
	}
	if _, s := storeFacts(t, shop, second); s != stock+7 {
		t.Errorf("stock after import = %d, want %d", s, stock+7)
	}

	// the new export, imported back: nothing changes, exit 0
	again := filepath.Join(dir, "다시.xlsx")
	if code, _, errs := run(t, "--db", shop, "export", "products", again); code != 0 {
		t.Fatalf("export again: %s", errs)
	}
	code, out, errs = run(t, "--db", shop, "import", "products", again)
	if code != 0 || !strings.Contains(out, "바뀐 내용이 없습니다") {
		t.Errorf("re-import of the new export: %d %q %q", code, out, errs)
	}
	if code, out, _ := run(t, "--db", shop, "check"); code != 0 {
		t.Errorf("check after the bulk edit: %q", out)
	}

	// a template on a fresh shop: its example is never registered as it is; written over by the seller it
	// registers; --dry-run registers nothing
	var buf bytes.Buffer
	if err := sheet.WriteTemplate(&buf, nil, nil); err != nil {
		t.Fatal(err)
	}
	tpl := filepath.Join(dir, "템플릿.xlsx")
	os.WriteFile(tpl, buf.Bytes(), 0o600)
	fresh := filepath.Join(dir, "fresh.db")
	code, out, errs = run(t, "--db", fresh, "import", "products", tpl, "--dry-run")
	if code != 1 || !strings.Contains(out, "예시·안내 행(2–5행)만 있고") || !strings.Contains(out, "2행은 템플릿의 예시 행이라 읽지 않았습니다") {
		t.Errorf("untouched template --dry-run: %d %q %q", code, out, errs)
	}
	x, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	x.SetCellStr("상품등록", "B2", "오버핏 코튼 티셔츠")
	if err := x.SaveAs(tpl); err != nil {
		t.Fatal(err)
	}
	x.Close()
	code, out, errs = run(t, "--db", fresh, "import", "products", tpl, "--dry-run")
	if code != 0 || !strings.Contains(out, "상품 1개(옵션 4개)를 등록할 수 있습니다") {
		t.Errorf("template --dry-run: %d %q %q", code, out, errs)
	}
	code, out, errs = run(t, "--db", fresh, "import", "products", tpl)
	if code != 0 || !strings.Contains(out, "상품 1개(옵션 4개)를 등록했습니다") {
		t.Errorf("import template: %d %q %q", code, out, errs)
	}
	// one product's code changed to a new one: registered and new products in one file, refused
	setCell(t, again, first, 0, "판매자 상품코드", "NEW-0001")
	code, out, errs = run(t, "--db", shop, "import", "products", again)
	if code != 1 || !strings.Contains(out, "이미 등록된 판매자 상품코드") || !strings.Contains(out, "A (판매자 상품코드)") ||
		strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "섞여 있어 아무것도 바꾸지 않았습니다") {
		t.Errorf("mixed file: %d\nout %q\nerr %q", code, out, errs)
	}
	if code, _, errs := run(t, "--db", fresh, "import", "orders", tpl); code != 1 || !strings.Contains(errs, "제목 행") {
		t.Errorf("a product template imported as orders: %d %q", code, errs)
	}
	for _, bad := range [][]string{{"import", "customers", tpl}, {"import", "products"}, {"export", "products"},
		{"export", "orders", tpl}, {"import", "products", tpl, "--json"}, {"export", "products", tpl, "--dry-run"}} {
		if code, _, errs := run(t, append([]string{"--db", fresh}, bad...)...); code != 2 || !strings.Contains(errs, "사용법") {
			t.Errorf("%v: exit %d %q, want 2 with the usage", bad, code, errs)
		}
	}
	if code, _, errs := run(t, "--db", fresh, "import", "products", filepath.Join(dir, "없음.xlsx")); code != 1 || !strings.HasPrefix(errs, "오류: 파일을 열 수 없습니다") {
		t.Errorf("missing file: %d %q", code, errs)
	}

	// a password-protected export: the command says to pass --password
	locked := filepath.Join(dir, "암호.xlsx")
	f, err := excelize.OpenFile(again)
	if err != nil {
		t.Fatal(err)
	}
	f.SaveAs(locked, excelize.Options{Password: "2468"})
	f.Close()
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"import", "products", locked}, 1, "--password 로 암호를 주세요"},
		{[]string{"import", "products", locked, "--password", "1357"}, 1, "암호가 맞지 않습니다"},
		{[]string{"import", "products", locked, "--password", "2468", "--dry-run"}, 1, "섞여 있어"},
	} {
		code, _, errs := run(t, append([]string{"--db", shop}, c.args...)...)
		if code != c.code || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d %q, want %d with %q", c.args, code, errs, c.code, c.msg)
		}
	}
}

func won(n int64) string   { return format.Won(n) }
func count(n int64) string { return format.Number(n) + "개" }
