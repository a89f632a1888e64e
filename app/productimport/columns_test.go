package productimport_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app"
	"sellerdesk/app/catalog"
	"sellerdesk/app/productimport"
)

// dressMug gives P0001 a category, a supplier, a weight and a description, so that a column deleted from
// the export has something to erase.
func dressMug(t *testing.T, d *app.Desk) catalog.Product {
	t.Helper()
	ctx := context.Background()
	sup, err := d.Catalog.SaveSupplier(ctx, catalog.Supplier{Name: "하루상사"})
	if err != nil {
		t.Fatal(err)
	}
	cat, err := d.Catalog.SaveCategory(ctx, catalog.Category{Name: "주방"})
	if err != nil {
		t.Fatal(err)
	}
	mug, err := d.Catalog.ProductByCode(ctx, "P0001")
	if err != nil {
		t.Fatal(err)
	}
	mug.SupplierID, mug.CategoryID, mug.WeightGrams, mug.Detail, mug.HSCode = sup.ID, cat.ID, 350, "도자기 머그", "6912.00"
	mug.Options[0].SafetyStock = 2
	if mug, err = d.Catalog.SaveProduct(ctx, mug, "test"); err != nil {
		t.Fatal(err)
	}
	return mug
}

// deleteColumns removes the columns whose titles start with each header, as a seller deleting them in Excel.
func deleteColumns(t *testing.T, path string, headers ...string) {
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

// TestBulkEditMissingColumns: a file never erases what it does not carry. An export whose 공급업체, 원가,
// 무게, 카테고리, 상세설명 and 재고수량 columns the seller deleted shows only the edit the seller made and
// leaves the rest as stored; an emptied cell in a column that is there still clears its field.
func TestBulkEditMissingColumns(t *testing.T) {
	ctx := context.Background()
	d := openDesk(t)
	before := dressMug(t, d)
	im := productimport.New(d.Catalog)
	path := filepath.Join(t.TempDir(), "상품_대량수정.xlsx")
	export(t, d, path, "")
	deleteColumns(t, path, "공급업체", "원가", "무게", "카테고리", "상세설명", "재고수량")
	setCell(t, path, "P0001", 0, "판매가", 21000)

	p, err := im.Read(ctx, path, "", productimport.Auto, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "상품 P0001 판매가: 19,000원 → 21,000원"
	if got := lines(p.Changes); p.Mode != productimport.BulkEdit || len(p.Problems) != 0 || got != want {
		t.Fatalf("mode %d, problems %v, diff\n%s\nwant\n%s", p.Mode, p.Problems, got, want)
	}
	if res, err := im.Apply(ctx, p, nil); err != nil || res.Updated != 1 {
		t.Fatalf("apply = %+v, %v", res, err)
	}
	mug, _ := d.Catalog.ProductByCode(ctx, "P0001")
	if mug.Price != 21000 || mug.SupplierID != before.SupplierID || mug.Cost != 8000 || mug.WeightGrams != 350 ||
		mug.CategoryID != before.CategoryID || mug.Detail != "도자기 머그" || mug.HSCode != "6912.00" ||
		mug.Options[0].Stock != 5 || mug.Options[0].SafetyStock != 2 {
		t.Errorf("after apply: %+v", mug)
	}
	tee, _ := d.Catalog.ProductByCode(ctx, "P0002")
	if tee.Options[0].Stock != 3 || tee.Options[1].Stock != 3 {
		t.Errorf("the tee's stock without its column: %d/%d", tee.Options[0].Stock, tee.Options[1].Stock)
	}
	if again, err := im.Read(ctx, path, "", productimport.Auto, nil); err != nil || !again.Unchanged() {
		t.Errorf("the applied file read again: %v, changes\n%s", err, lines(again.Changes))
	}

	// an emptied cell in a column the file has is the seller's edit, as it always was
	setCell(t, path, "P0001", 0, "HS코드", "")
	setCell(t, path, "P0001", 0, "안전재고", "")
	p, err = im.Read(ctx, path, "", productimport.Auto, nil)
	if err != nil {
		t.Fatal(err)
	}
	want = "상품 P0001 HS코드: 6912.00 → (없음)\n상품 P0001 안전재고: 2개 → 0개"
	if got := lines(p.Changes); got != want {
		t.Fatalf("diff\n%s\nwant\n%s", got, want)
	}
	if _, err := im.Apply(ctx, p, nil); err != nil {
		t.Fatal(err)
	}
	mug, _ = d.Catalog.ProductByCode(ctx, "P0001")
	if mug.HSCode != "" || mug.Options[0].SafetyStock != 0 || mug.SupplierID != before.SupplierID || mug.WeightGrams != 350 {
		t.Errorf("after clearing HS코드 and 안전재고: %+v", mug)
	}
}

// TestRegisterMinimalColumns: a 일괄 등록 file with only the required columns registers as before, the
// optional fields at their defaults (no stock column: no stock, so 품절 by itself).
func TestRegisterMinimalColumns(t *testing.T) {
	ctx := context.Background()
	d := openDesk(t)
	im := productimport.New(d.Catalog)
	path := filepath.Join(t.TempDir(), "새상품.xlsx")
	f := excelize.NewFile()
	for i, row := range [][]any{{"판매자 상품코드", "상품명", "판매가"}, {"N-1", "유리컵", "12,000원"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	p, err := im.Read(ctx, path, "", productimport.Auto, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Mode != productimport.Register || len(p.Problems) != 0 || len(p.Products) != 1 {
		t.Fatalf("mode %d, %d products, problems %v", p.Mode, len(p.Products), p.Problems)
	}
	if res, err := im.Apply(ctx, p, nil); err != nil || res.Created != 1 {
		t.Fatalf("register = %+v, %v", res, err)
	}
	cup, err := d.Catalog.ProductByCode(ctx, "N-1")
	if err != nil {
		t.Fatal(err)
	}
	if cup.Name != "유리컵" || cup.Price != 12000 || cup.Status != catalog.StatusSoldOut || cup.TaxType != catalog.Taxable ||
		len(cup.Options) != 1 || !cup.Options[0].Usable || cup.Options[0].Stock != 0 {
		t.Errorf("registered: %+v", cup)
	}
}
