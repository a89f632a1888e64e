package views

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"sellerdesk/app/catalog"
)

// TestBulkEditWindow runs 대량 수정 from the window: export, one price edited, the diff shown as the seller
// reads it, 반영 applies it; the applied file read again says nothing changed. A protected file asks for
// its password.
func TestBulkEditWindow(t *testing.T) {
	sh, s := openProducts(t)
	c := sh.win.Canvas()
	ctx := context.Background()
	mug := catalog.Product{Code: "MUG-1", Name: "머그컵", Price: 19000, Status: catalog.StatusSale, TaxType: catalog.Taxable,
		OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 5}}}
	if _, err := s.svc.SaveProduct(ctx, mug, "test"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "상품_대량수정.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.importer().WriteExport(ctx, f, catalog.ListFilter{}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	x.SetCellValue(x.GetSheetName(0), "E2", 21000) // E is 판매가
	if err := x.Save(); err != nil {
		t.Fatal(err)
	}

	s.readXLSX("대량 수정 올리기", path, "", false, s.previewBulkEdit)
	sh.waitJobs()
	for _, want := range []string{"MUG-1", "판매가", "19,000원", "21,000원"} {
		if !hasLabel(c, want) {
			t.Fatalf("the diff has no %q; labels: %v", want, visibleTexts(c))
		}
	}
	if p, _ := s.svc.ProductByCode(ctx, "MUG-1"); p.Price != 19000 {
		t.Fatalf("the preview changed the price to %d", p.Price)
	}
	test.Tap(button(t, c, "반영"))
	sh.waitJobs()
	if p, _ := s.svc.ProductByCode(ctx, "MUG-1"); p.Price != 21000 {
		t.Errorf("price after 반영 = %d", p.Price)
	}
	if !hasLabel(c, "상품 1개를 수정했습니다.") {
		t.Errorf("no outcome; labels: %v", visibleTexts(c))
	}

	s.readXLSX("대량 수정 올리기", path, "", false, s.previewBulkEdit)
	sh.waitJobs()
	if !hasLabel(c, "바뀐 내용이 없습니다.") {
		t.Errorf("the applied file again: labels %v", visibleTexts(c))
	}

	locked := filepath.Join(t.TempDir(), "암호.xlsx")
	x.SetCellValue(x.GetSheetName(0), "E2", 23000)
	if err := x.SaveAs(locked, excelize.Options{Password: "1234"}); err != nil {
		t.Fatal(err)
	}
	x.Close()
	s.readXLSX("대량 수정 올리기", locked, "", false, s.previewBulkEdit)
	sh.waitJobs()
	if !hasLabel(c, "엑셀 암호") && !hasLabel(c, "암호가 걸린 엑셀 파일입니다. 파일을 내려받을 때 정한 암호를 입력하세요.") {
		t.Errorf("no password prompt; labels: %v", visibleTexts(c))
	}
	s.readXLSX("대량 수정 올리기", locked, "1234", false, s.previewBulkEdit)
	sh.waitJobs()
	if !hasLabel(c, "23,000원") {
		t.Errorf("the protected file's diff: labels %v", visibleTexts(c))
	}
}

// TestRegisterPreviewSaysWhatTheReaderDecided: Smart Store's template as downloaded (its 필수/선택, example
// and guide rows; rows without 판매자 상품코드) previews with the rows it skipped and the codes it made, before
// anything is registered.
func TestRegisterPreviewSaysWhatTheReaderDecided(t *testing.T) {
	sh, s := openProducts(t)
	c := sh.win.Canvas()
	b, err := os.ReadFile(filepath.Join("..", "app", "sheet", "testdata", "products", "smartstore_2026_93col.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	r := 0
	for _, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		r++
		for col, v := range strings.Split(line, "\t") {
			if v = strings.NewReplacer(`\\`, `\`, `\n`, "\n").Replace(v); v != "" {
				cell, _ := excelize.CoordinatesToCellName(col+1, r)
				f.SetCellStr("Sheet1", cell, v)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "스마트스토어_일괄등록.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	s.readXLSX("일괄 등록", path, "", true, s.previewRegister)
	sh.waitJobs()
	var skipped, made bool
	for _, l := range visibleTexts(c) {
		skipped = skipped || strings.Contains(l, "읽지 않았습니다")
		made = made || strings.Contains(l, "SS-")
		if strings.Contains(l, "을(를)") || strings.Contains(l, "(으)로") {
			t.Errorf("a note reads %q", l)
		}
	}
	if !skipped || !made {
		t.Errorf("the preview does not say which rows it skipped (%v) or which codes it made (%v); labels: %v", skipped, made, visibleTexts(c))
	}
}
