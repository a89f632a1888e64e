package productimport_test

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app"
	"sellerdesk/app/apperr"
	"sellerdesk/app/catalog"
	"sellerdesk/app/productimport"
)

// withShirt adds P0003, a shirt in four options (2 colours × 2 sizes) at 19,000원, cost 8,000원: the
// export writes it on rows 5 to 8, after P0001 (row 2) and P0002 (rows 3 and 4).
func withShirt(t *testing.T, d *app.Desk) {
	t.Helper()
	groups := []catalog.OptionGroup{{Name: "색상", Values: []string{"화이트", "블랙"}}, {Name: "사이즈", Values: []string{"M", "L"}}}
	shirt := catalog.Product{Code: "P0003", Name: "린넨 셔츠", Price: 19000, Cost: 8000, Status: catalog.StatusSale, TaxType: catalog.Taxable,
		OptionKind: catalog.OptionsCombination, OptionGroups: groups, Options: catalog.CombineOptions(catalog.OptionsCombination, groups, nil)}
	for i := range shirt.Options {
		shirt.Options[i].Stock = 4
	}
	if _, err := d.Catalog.SaveProduct(context.Background(), shirt, "test"); err != nil {
		t.Fatal(err)
	}
}

// totalStock sums the stock of every option, which a price change must leave alone.
func totalStock(t *testing.T, d *app.Desk) int {
	t.Helper()
	total := 0
	for _, code := range []string{"P0001", "P0002", "P0003"} {
		p, err := d.Catalog.ProductByCode(context.Background(), code)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range p.Options {
			total += int(o.Stock)
		}
	}
	return total
}

// productHeaders are the export's product columns, written on a product's first option row.
var productHeaders = []string{"상품명", "카테고리", "공급업체", "판매가", "원가", "상태", "과세구분", "무게(g)", "HS코드",
	"원산지코드", "상세설명", "옵션형태", "옵션명1", "옵션명2", "옵션명3"}

// repeatProductFields turns an export into the layout exports had before: every option row repeating its
// product's fields. Sellers still hold such files.
func repeatProductFields(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sh := f.GetSheetName(0)
	rows, _ := f.GetRows(sh)
	firstOf := map[string]int{}
	for r, cells := range rows[1:] {
		if len(cells) == 0 {
			continue
		}
		first, seen := firstOf[cells[0]]
		if !seen {
			firstOf[cells[0]] = r + 2
			continue
		}
		for c, h := range rows[0] {
			if !slices.Contains(productHeaders, strings.TrimSuffix(h, "*")) {
				continue
			}
			from, _ := excelize.CoordinatesToCellName(c+1, first)
			to, _ := excelize.CoordinatesToCellName(c+1, r+2)
			v, _ := f.GetCellValue(sh, from)
			if n, err := strconv.ParseInt(v, 10, 64); err == nil {
				f.SetCellValue(sh, to, n)
			} else if v != "" {
				f.SetCellStr(sh, to, v)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestBulkEditProductFieldOnOptionRows: a seller changes a product's 판매가 in the export on one option row,
// on some, or fills it down, in today's export (product fields on the first option row) or an older one
// (repeated on every row), and the file is one change of the price.
func TestBulkEditProductFieldOnOptionRows(t *testing.T) {
	ctx := context.Background()
	for _, layout := range []string{"Export", "OlderExport"} {
		for _, c := range []struct {
			name string
			rows []int // the rows of P0003 (from 0) whose 판매가 the seller set to 21,000
			// again says the edited file, read after it was applied, changes nothing. A file whose rows still
			// hold the old price beside the new one cannot say so: the old price then reads as the change.
			again bool
		}{
			{"Unchanged", nil, true},
			{"FirstRow", []int{0}, layout == "Export"},
			{"FilledDown", []int{0, 1, 2, 3}, true},
			{"ThirdRow", []int{2}, false},
			{"SomeRows", []int{1, 3}, false},
		} {
			t.Run(layout+"/"+c.name, func(t *testing.T) {
				d := openDesk(t)
				withShirt(t, d)
				im := productimport.New(d.Catalog)
				path := filepath.Join(t.TempDir(), "상품_대량수정.xlsx")
				export(t, d, path, "")
				if layout == "OlderExport" {
					repeatProductFields(t, path)
				}
				stock := totalStock(t, d)
				for _, n := range c.rows {
					setCell(t, path, "P0003", n, "판매가", 21000)
				}
				p, err := im.Read(ctx, path, "", productimport.Auto, nil)
				if err != nil {
					t.Fatal(err)
				}
				want := "상품 P0003 판매가: 19,000원 → 21,000원"
				if c.rows == nil {
					want = ""
				}
				if got := lines(p.Changes); p.Mode != productimport.BulkEdit || len(p.Problems) != 0 || got != want {
					t.Fatalf("mode %d, problems %+v, diff\n%s\nwant\n%s", p.Mode, p.Problems, got, want)
				}
				res, err := im.Apply(ctx, p, nil)
				if wantUpdated := min(len(c.rows), 1); err != nil || res.Updated != wantUpdated {
					t.Fatalf("apply = %+v, %v; want %d updated", res, err, wantUpdated)
				}
				shirt, _ := d.Catalog.ProductByCode(ctx, "P0003")
				if wantPrice := map[bool]int64{true: 19000, false: 21000}[c.rows == nil]; shirt.Price != wantPrice || shirt.Cost != 8000 ||
					shirt.Name != "린넨 셔츠" || len(shirt.Options) != 4 {
					t.Errorf("after apply: %+v", shirt)
				}
				if got := totalStock(t, d); got != stock {
					t.Errorf("a price change moved stock: %d → %d", stock, got)
				}
				if !c.again {
					return
				}
				again, err := im.Read(ctx, path, "", productimport.Auto, nil)
				if err != nil || !again.Unchanged() {
					t.Errorf("the applied file read again: %v, problems %+v, changes\n%s", err, again.Problems, lines(again.Changes))
				}
			})
		}
	}
}

func TestBulkEditProductFieldConflicts(t *testing.T) {
	ctx := context.Background()

	for _, layout := range []string{"Export", "OlderExport"} {
		t.Run(layout+"/TwoNewValues", func(t *testing.T) { twoNewValues(t, layout == "OlderExport") })
	}
	t.Run("FieldsOnDifferentRows", func(t *testing.T) {
		// the name on the first row and the cost on the last: each one new value, each one change
		d := openDesk(t)
		withShirt(t, d)
		im := productimport.New(d.Catalog)
		path := filepath.Join(t.TempDir(), "상품_대량수정.xlsx")
		export(t, d, path, "")
		setCell(t, path, "P0003", 0, "상품명", "린넨 셔츠 (봄)")
		setCell(t, path, "P0003", 3, "원가", "9,000원")
		p, err := im.Read(ctx, path, "", productimport.Auto, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := "상품 P0003 상품명: 린넨 셔츠 → 린넨 셔츠 (봄)\n상품 P0003 원가: 8,000원 → 9,000원"
		if got := lines(p.Changes); len(p.Problems) != 0 || got != want {
			t.Fatalf("problems %+v, diff\n%s\nwant\n%s", p.Problems, got, want)
		}
	})

	t.Run("BadNewValueOnLaterRow", func(t *testing.T) {
		// the change is checked like any price, and the problem points at the row that wrote it
		d := openDesk(t)
		withShirt(t, d)
		im := productimport.New(d.Catalog)
		path := filepath.Join(t.TempDir(), "상품_대량수정.xlsx")
		export(t, d, path, "")
		setCell(t, path, "P0003", 3, "판매가", 0)
		p, err := im.Read(ctx, path, "", productimport.Auto, nil)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, pr := range p.Problems {
			if pr.Row == 8 && pr.Column == "E (판매가)" && strings.Contains(pr.Reason, "0원보다 커야") {
				found = true
			}
		}
		if !found || len(p.Changes) != 0 {
			t.Errorf("problems %+v, changes %s", p.Problems, lines(p.Changes))
		}
	})

	t.Run("RegisterStillRefusesDisagreement", func(t *testing.T) {
		// a 일괄 등록 has no stored value to compare with: rows that disagree are a problem on the later row
		d := openDesk(t)
		withShirt(t, d)
		im := productimport.New(d.Catalog)
		path := filepath.Join(t.TempDir(), "상품_대량수정.xlsx")
		export(t, d, path, "")
		setCell(t, path, "P0003", 2, "판매가", 22000)
		for _, code := range []string{"P0001", "P0002", "P0003"} {
			setCellAll(t, path, code, "판매자 상품코드", "N"+code)
		}
		p, err := im.Read(ctx, path, "", productimport.Auto, nil)
		if err != nil {
			t.Fatal(err)
		}
		if p.Mode != productimport.Register || len(p.Problems) != 1 || p.Problems[0].Row != 7 || p.Problems[0].Column != "E (판매가)" ||
			!strings.Contains(p.Problems[0].Reason, "5행과 값이 다릅니다") {
			t.Errorf("mode %d, problems %+v", p.Mode, p.Problems)
		}
	})
}

// setCellAll sets the column on every row of code, last row first so that each is still found by code.
func setCellAll(t *testing.T, path, code, header string, value any) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(f.GetSheetName(0))
	f.Close()
	n := 0
	for _, r := range rows[1:] {
		if len(r) > 0 && r[0] == code {
			n++
		}
	}
	for i := n - 1; i >= 0; i-- {
		setCell(t, path, code, i, header, value)
	}
}

// twoNewValues: rows 5 and 7 give P0003 two different new prices; nothing is applied, not even a good change
// to another product, and one problem names both rows and the column.
func twoNewValues(t *testing.T, older bool) {
	ctx := context.Background()
	d := openDesk(t)
	withShirt(t, d)
	im := productimport.New(d.Catalog)
	path := filepath.Join(t.TempDir(), "상품_대량수정.xlsx")
	export(t, d, path, "")
	if older {
		repeatProductFields(t, path)
	}
	setCell(t, path, "P0003", 0, "판매가", 21000)
	setCell(t, path, "P0003", 2, "판매가", 22000)
	setCell(t, path, "P0001", 0, "판매가", 20000) // a good change elsewhere is held back with the rest
	p, err := im.Read(ctx, path, "", productimport.Auto, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Problems) != 1 {
		t.Fatalf("want one problem, got %+v", p.Problems)
	}
	pr := p.Problems[0]
	if pr.Sheet != "상품등록" || pr.Row != 7 || pr.Column != "E (판매가)" {
		t.Errorf("problem at %s %d %s", pr.Sheet, pr.Row, pr.Column)
	}
	for _, says := range []string{"P0003", "5행 21,000원", "7행 22,000원", "저장된 값 19,000원"} {
		if !strings.Contains(pr.Reason, says) {
			t.Errorf("reason %q does not say %q", pr.Reason, says)
		}
	}
	if len(p.Changes) != 0 {
		t.Errorf("a file with problems previewed changes:\n%s", lines(p.Changes))
	}
	if _, err := im.Apply(ctx, p, nil); apperr.ErrorCode(err) != apperr.ErrInvalid {
		t.Errorf("apply with a conflict: %v", err)
	}
	for code, want := range map[string]int64{"P0001": 19000, "P0003": 19000} {
		if got, _ := d.Catalog.ProductByCode(ctx, code); got.Price != want {
			t.Errorf("%s price = %d after a refused file", code, got.Price)
		}
	}
}
