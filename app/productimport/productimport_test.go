package productimport_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app"
	"sellerdesk/app/apperr"
	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/app/productimport"
	"sellerdesk/app/sheet"
)

var info = app.AppInfo{Name: "셀러데스크", ID: "kr.sellerdesk.app", Version: "0.1.0", Build: 1}

// openDesk opens a store in a temp folder, on a pinned day, with two products: P0001 (one option, 5 in
// stock) and P0002 (two colours, 3 each).
func openDesk(t *testing.T) *app.Desk {
	t.Helper()
	ctx := context.Background()
	d, err := app.Open(ctx, filepath.Join(t.TempDir(), "sellerdesk.db"), info,
		app.WithClock(clock.At(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)).Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	mug := catalog.Product{Code: "P0001", Name: "머그컵", Price: 19000, Cost: 8000, Status: catalog.StatusSale,
		TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 5}}}
	groups := []catalog.OptionGroup{{Name: "색상", Values: []string{"화이트", "블랙"}}}
	tee := catalog.Product{Code: "P0002", Name: "반팔 티셔츠", Price: 25000, Status: catalog.StatusSale, TaxType: catalog.Taxable,
		OptionKind: catalog.OptionsCombination, OptionGroups: groups, Options: catalog.CombineOptions(catalog.OptionsCombination, groups, nil)}
	for i := range tee.Options {
		tee.Options[i].Stock = 3
	}
	for _, p := range []catalog.Product{mug, tee} {
		if _, err := d.Catalog.SaveProduct(ctx, p, "test"); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// export writes the whole catalog the way `export products` and the window do.
func export(t *testing.T, d *app.Desk, path, password string) {
	t.Helper()
	ctx := context.Background()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, err := productimport.New(d.Catalog).WriteExport(ctx, f, catalog.ListFilter{Sort: catalog.SortCode})
	if want, _ := d.Catalog.CountProducts(ctx, catalog.ListFilter{}); err != nil || n != want {
		t.Fatalf("export wrote %d products of %d: %v", n, want, err)
	}
	if password != "" {
		f.Close()
		x, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		if err := x.SaveAs(path, excelize.Options{Password: password}); err != nil {
			t.Fatal(err)
		}
	}
}

// setCell writes value into the column whose title starts with header, on the nth row holding code
// (rows are counted from 0), as a seller editing the export would.
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
		if len(cells) > 0 && cells[0] == code {
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

func lines(cs []productimport.Change) string {
	var s []string
	for _, c := range cs {
		s = append(s, c.String())
	}
	return strings.Join(s, "\n")
}

func TestBulkEdit(t *testing.T) {
	ctx := context.Background()
	d := openDesk(t)
	im := productimport.New(d.Catalog)
	path := filepath.Join(t.TempDir(), "상품_대량수정.xlsx")
	export(t, d, path, "")

	t.Run("UnchangedExport", func(t *testing.T) {
		p, err := im.Read(ctx, path, "", productimport.Auto, nil)
		if err != nil {
			t.Fatal(err)
		}
		if p.Mode != productimport.BulkEdit || !p.Unchanged() || len(p.Problems) != 0 {
			t.Fatalf("an unchanged export read as mode %d, %d changes, problems %v", p.Mode, len(p.Changes), p.Problems)
		}
		res, err := im.Apply(ctx, p, nil)
		if err != nil || res.Updated != 0 {
			t.Errorf("apply unchanged = %+v, %v", res, err)
		}
	})

	setCell(t, path, "P0001", 0, "판매가", 21000)
	setCell(t, path, "P0002", 1, "재고수량", 10)
	p, err := im.Read(ctx, path, "", productimport.Auto, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "상품 P0001 판매가: 19,000원 → 21,000원\n상품 P0002 · 블랙 재고: 3개 → 10개"
	if got := lines(p.Changes); p.Mode != productimport.BulkEdit || got != want {
		t.Fatalf("mode %d, diff\n%s\nwant\n%s", p.Mode, got, want)
	}
	if p.ChangedProducts() != 2 {
		t.Errorf("changed products = %d", p.ChangedProducts())
	}
	if mug, _ := d.Catalog.ProductByCode(ctx, "P0001"); mug.Price != 19000 {
		t.Fatalf("reading the file changed the store: %d", mug.Price)
	}

	t.Run("Cancelled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := im.Apply(cctx, p, nil); err == nil {
			t.Fatal("a cancelled apply succeeded")
		}
		if mug, _ := d.Catalog.ProductByCode(ctx, "P0001"); mug.Price != 19000 {
			t.Errorf("a cancelled apply wrote the price: %d", mug.Price)
		}
	})

	t.Run("StoreMovedSincePreview", func(t *testing.T) {
		tee, _ := d.Catalog.ProductByCode(ctx, "P0002")
		if _, err := d.Catalog.AdjustStock(ctx, tee.Options[0].ID, -1, catalog.ReasonSale, "", "order-1"); err != nil {
			t.Fatal(err)
		}
		_, err := im.Apply(ctx, p, nil)
		if apperr.ErrorCode(err) != apperr.ErrConflict {
			t.Fatalf("apply after the store moved: %v", err)
		}
		if mug, _ := d.Catalog.ProductByCode(ctx, "P0001"); mug.Price != 19000 {
			t.Errorf("a refused apply wrote the price: %d", mug.Price)
		}
		// read again: the sold 화이트 now shows as a change back to the file's 3
		if p, err = im.Read(ctx, path, "", productimport.Auto, nil); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(lines(p.Changes), "상품 P0002 · 화이트 재고: 2개 → 3개") {
			t.Errorf("diff after the sale:\n%s", lines(p.Changes))
		}
	})

	res, err := im.Apply(ctx, p, nil)
	if err != nil || res.Updated != 2 {
		t.Fatalf("apply = %+v, %v", res, err)
	}
	mug, _ := d.Catalog.ProductByCode(ctx, "P0001")
	tee, _ := d.Catalog.ProductByCode(ctx, "P0002")
	if mug.Price != 21000 || tee.Options[1].Stock != 10 || tee.Options[0].Stock != 3 {
		t.Errorf("after apply: price %d, stock %d/%d", mug.Price, tee.Options[0].Stock, tee.Options[1].Stock)
	}
	again, err := im.Read(ctx, path, "", productimport.Auto, nil)
	if err != nil || !again.Unchanged() {
		t.Errorf("the applied file read again: %v, changes\n%s", err, lines(again.Changes))
	}
}

func TestRegister(t *testing.T) {
	ctx := context.Background()
	d := openDesk(t)
	im := productimport.New(d.Catalog)
	dir := t.TempDir()
	tpl := filepath.Join(dir, "템플릿.xlsx")
	f, _ := os.Create(tpl)
	if err := im.WriteTemplate(ctx, f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// the template's example is never registered as it is; the seller writing over it makes it a product
	p, err := im.Read(ctx, tpl, "", productimport.Auto, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Products) != 0 || len(p.Problems) != 1 || len(p.Skipped) != 4 || !strings.Contains(strings.Join(p.Notes(), "\n"), "2행은 템플릿의 예시 행이라 읽지 않았습니다") {
		t.Fatalf("untouched template: %d products, problems %v, notes %v", len(p.Products), p.Problems, p.Notes())
	}
	x, err := excelize.OpenFile(tpl)
	if err != nil {
		t.Fatal(err)
	}
	x.SetCellStr("상품등록", "B2", "오버핏 코튼 티셔츠")
	if err := x.Save(); err != nil {
		t.Fatal(err)
	}
	x.Close()
	p, err = im.Read(ctx, tpl, "", productimport.Auto, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Mode != productimport.Register || len(p.Problems) != 0 || len(p.Products) != 1 || p.Options != 4 || p.Mixed {
		t.Fatalf("template: mode %d, %d products, %d options, problems %v", p.Mode, len(p.Products), p.Options, p.Problems)
	}
	res, err := im.Apply(ctx, p, nil)
	if err != nil || res.Created != 1 || res.Options != 4 {
		t.Fatalf("register = %+v, %v", res, err)
	}

	// the same template again, as 일괄 등록: its code is taken now, so it is a problem at its row and column
	p, err = im.Read(ctx, tpl, "", productimport.Register, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Problems) == 0 || p.Problems[0].Column != "A (판매자 상품코드)" || p.Problems[0].Row != 2 {
		t.Fatalf("problems = %+v", p.Problems)
	}
	if _, err := im.Apply(ctx, p, nil); apperr.ErrorCode(err) != apperr.ErrInvalid {
		t.Errorf("apply with problems: %v", err)
	}

	// registered and new products in one file: read as 일괄 등록, marked as mixed
	mixed := filepath.Join(dir, "섞인.xlsx")
	export(t, d, mixed, "")
	setCell(t, mixed, "P0001", 0, "판매자 상품코드", "P0009")
	p, err = im.Read(ctx, mixed, "", productimport.Auto, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Mode != productimport.Register || !p.Mixed || len(p.Problems) == 0 {
		t.Errorf("mixed file: mode %d, mixed %v, problems %v", p.Mode, p.Mixed, p.Problems)
	}

	// 대량 수정 asked for a product the store does not have
	if _, err := im.Read(ctx, mixed, "", productimport.BulkEdit, nil); apperr.ErrorCode(err) != apperr.ErrInvalid || !strings.Contains(apperr.Message(err), "P0009") {
		t.Errorf("bulk edit of an unknown code: %v", err)
	}
}

func TestPassword(t *testing.T) {
	ctx := context.Background()
	d := openDesk(t)
	im := productimport.New(d.Catalog)
	path := filepath.Join(t.TempDir(), "암호.xlsx")
	export(t, d, path, "4321")
	if _, err := im.Read(ctx, path, "", productimport.Auto, nil); !errors.Is(err, sheet.ErrPasswordRequired) {
		t.Errorf("no password: %v", err)
	}
	if _, err := im.Read(ctx, path, "1111", productimport.Auto, nil); !errors.Is(err, sheet.ErrWrongPassword) {
		t.Errorf("wrong password: %v", err)
	}
	if p, err := im.Read(ctx, path, "4321", productimport.Auto, nil); err != nil || !p.Unchanged() {
		t.Errorf("right password: %v", err)
	}
	if _, err := im.Read(ctx, filepath.Join(t.TempDir(), "없음.xlsx"), "", productimport.Auto, nil); !strings.HasPrefix(apperr.Message(err), "파일을 열 수 없습니다") {
		t.Errorf("missing file: %v", err)
	}
}

// TestBulkEditSupplierAndWeight: an export whose 공급업체 and 무게 the seller edited lists both changes,
// as the seller reads them, and applies them; such edits were once dropped as "바뀐 내용이 없습니다".
func TestBulkEditSupplierAndWeight(t *testing.T) {
	ctx := context.Background()
	d := openDesk(t)
	if _, err := d.Catalog.SaveSupplier(ctx, catalog.Supplier{Name: "하루상사"}); err != nil {
		t.Fatal(err)
	}
	im := productimport.New(d.Catalog)
	path := filepath.Join(t.TempDir(), "상품_대량수정.xlsx")
	export(t, d, path, "")
	setCell(t, path, "P0001", 0, "공급업체", "하루상사")
	setCell(t, path, "P0001", 0, "무게", 450)
	p, err := im.Read(ctx, path, "", productimport.Auto, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "상품 P0001 공급업체: (없음) → 하루상사\n상품 P0001 무게: 0g → 450g"
	if got := lines(p.Changes); p.Mode != productimport.BulkEdit || got != want {
		t.Fatalf("mode %d, problems %v, diff\n%s\nwant\n%s", p.Mode, p.Problems, got, want)
	}
	if res, err := im.Apply(ctx, p, nil); err != nil || res.Updated != 1 {
		t.Fatalf("apply = %+v, %v", res, err)
	}
	mug, _ := d.Catalog.ProductByCode(ctx, "P0001")
	sups, _ := d.Catalog.Suppliers(ctx)
	if len(sups) != 1 || mug.SupplierID != sups[0].ID || mug.WeightGrams != 450 {
		t.Errorf("applied: supplier %d (of %v), weight %d", mug.SupplierID, sups, mug.WeightGrams)
	}
}
