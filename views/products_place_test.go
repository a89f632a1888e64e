package views

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/views/widgets"
)

// openPlacedProducts opens 상품 on a store of n products registered a minute apart (P01 first, so the list,
// newest first, starts with the last).
func openPlacedProducts(t *testing.T, n int) (*shell, *productsScreen, *clock.Pinned) {
	t.Helper()
	clk := clock.At(testDay)
	sh, w := openShellAt(t, clk)
	ctx := context.Background()
	for i := 1; i <= n; i++ {
		if _, err := sh.desk.Catalog.SaveProduct(ctx, catalog.Product{Code: fmt.Sprintf("P%02d", i), Name: fmt.Sprintf("상품 %02d", i),
			Price: 10000, Status: catalog.StatusSale, TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone,
			Options: []catalog.Option{{Usable: true, Stock: 10}}}, "test"); err != nil {
			t.Fatal(err)
		}
		clk.Advance(time.Minute)
	}
	for _, name := range []string{"의류", "상의"} {
		parent := int64(0)
		if name == "상의" {
			cats, _ := sh.desk.Catalog.Categories(ctx)
			parent = cats[0].ID
		}
		if _, err := sh.desk.Catalog.SaveCategory(ctx, catalog.Category{Name: name, ParentID: parent}); err != nil {
			t.Fatal(err)
		}
	}
	tapText(t, w.Canvas(), "상품")
	sh.waitJobs()
	return sh, sh.screens[sh.current].(*productsScreen), clk
}

// rowCode is the code the list shows at row i.
func rowCode(t *testing.T, s *productsScreen, i int) string {
	t.Helper()
	r, ok := s.pager.Row(i)
	if !ok {
		t.Fatalf("row %d not loaded", i)
	}
	return r.Code
}

// drawnNames are the product names the table draws now (the rows the seller sees).
func drawnNames(c fyne.Canvas) []string {
	var out []string
	for _, text := range visibleTexts(c) {
		if strings.HasPrefix(text, "상품 ") && len([]rune(text)) == 5 {
			out = append(out, text)
		}
	}
	return out
}

// tickedBoxes counts the ticked check boxes the table draws.
func tickedBoxes(c fyne.Canvas) int {
	n := 0
	for _, o := range everything(c) {
		if ch, ok := o.(*widget.Check); ok && ch.Checked {
			n++
		}
	}
	return n
}

// A bulk edit made from the list — a status change, a category move — leaves every row where it was, the
// table scrolled where the seller was and the ticked rows ticked: the list is in 등록순 (newest first), which
// an edit does not change. 최근 수정순 is there as an explicit choice and then brings the edited rows up.
func TestBulkEditKeepsRowsInPlaceAndSelected(t *testing.T) {
	sh, s, clk := openPlacedProducts(t, 60)
	c := sh.win.Canvas()
	if got := rowCode(t, s, 0); got != "P60" {
		t.Fatalf("first row %s, want the newest registered P60", got)
	}
	if s.sortPick.Selected != "최근 등록순" {
		t.Errorf("the sort choice shows %q, want 최근 등록순", s.sortPick.Selected)
	}
	// the seller scrolls down and ticks two rows
	s.table.ScrollTo(widget.TableCellID{Row: 45, Col: colName})
	s.table.Select(widget.TableCellID{Row: 40, Col: colSelect})
	s.table.Select(widget.TableCellID{Row: 41, Col: colSelect})
	a, b := rowCode(t, s, 40), rowCode(t, s, 41)
	seen := drawnNames(c)
	if len(seen) == 0 || tickedBoxes(c) != 2 {
		t.Fatalf("before the edit: rows drawn %v, ticked %d", seen, tickedBoxes(c))
	}
	check := func(step string) {
		t.Helper()
		if got := []string{rowCode(t, s, 40), rowCode(t, s, 41)}; got[0] != a || got[1] != b {
			t.Errorf("%s: rows 40 and 41 are %v, were %s %s", step, got, a, b)
		}
		if got := drawnNames(c); strings.Join(got, ",") != strings.Join(seen, ",") {
			t.Errorf("%s: the table shows %v, was %v (the seller lost their place)", step, got, seen)
		}
		if len(s.selected) != 2 || tickedBoxes(c) != 2 || !hasLabel(c, "2개 선택") {
			t.Errorf("%s: %d selected, %d boxes ticked", step, len(s.selected), tickedBoxes(c))
		}
	}

	clk.Advance(time.Hour) // the edits are the newest changes of the store
	for _, o := range everything(c) {
		if sel, ok := o.(*widget.Select); ok && sel.PlaceHolder == "상태 변경…" {
			sel.SetSelected(statusLabel(catalog.StatusSuspended))
		}
	}
	sh.waitJobs()
	if !containsLabel(c, "상품 2개를 판매중지로 바꿨습니다") {
		t.Errorf("no confirmation: %v", visibleTexts(c))
	}
	check("after 상태 변경")

	clk.Advance(time.Hour)
	d := s.onBatchMove()
	pick := c.Focused().(*widgets.Select)
	pick.SetSelected("의류 > 상의")
	pick.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	sh.waitJobs()
	if d.Visible() {
		t.Fatalf("the move did not go through: %q", d.Problem())
	}
	check("after 카테고리 이동")

	// 최근 수정순, chosen, shows the edited products first
	s.sortPick.SetSelected("최근 수정순")
	sh.waitJobs()
	if top := []string{rowCode(t, s, 0), rowCode(t, s, 1)}; !(top[0] == a && top[1] == b || top[0] == b && top[1] == a) {
		t.Errorf("최근 수정순 starts with %v, want the edited %s and %s", top, a, b)
	}
	// a column header's sort clears the choice, which then says the columns decide
	s.onSort(colName)
	sh.waitJobs()
	if s.sortPick.Selected != "" || rowCode(t, s, 0) != "P01" {
		t.Errorf("sorted by name: choice %q, first %s", s.sortPick.Selected, rowCode(t, s, 0))
	}
}

// 카테고리 이동 is a form dialog: a missing choice is shown at the field with the dialog open, the line above
// the buttons says how many products go where before 이동, Enter moves and Esc cancels from the choice, and
// it fits a 1093×570 window.
func TestCategoryMoveForm(t *testing.T) {
	sh, s, _ := openPlacedProducts(t, 3)
	c := sh.win.Canvas()
	sh.win.Resize(fyne.NewSize(1093, 570))
	s.table.Select(widget.TableCellID{Row: 0, Col: colSelect})
	s.table.Select(widget.TableCellID{Row: 1, Col: colSelect})
	test.Tap(button(t, c, "카테고리 이동…"))
	if !hasLabel(c, "선택한 상품 2개를 옮깁니다.") {
		t.Fatalf("no consequence before a choice: %v", visibleTexts(c))
	}
	if probs := layoutProblems(c, fyne.NewSize(1093, 570)); len(probs) > 0 {
		t.Errorf("at 1093×570: %v", probs)
	}
	pick, ok := c.Focused().(*widgets.Select)
	if !ok {
		t.Fatalf("the choice does not have the focus: %T", c.Focused())
	}
	test.Tap(button(t, c, "이동"))
	if !hasLabel(c, "옮길 카테고리를 고르세요.") || len(c.Overlays().List()) == 0 {
		t.Fatalf("no problem at the field, or the dialog closed: %v", visibleTexts(c))
	}
	pick.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight}) // the first category, by keyboard
	pick.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if !hasLabel(c, "선택한 상품 2개를 의류 > 상의로 옮깁니다.") {
		t.Fatalf("consequence after choosing: %v", visibleTexts(c))
	}
	if hasLabel(c, "옮길 카테고리를 고르세요.") {
		t.Error("the problem stays after a choice")
	}
	pick.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	sh.waitJobs()
	if len(c.Overlays().List()) != 0 {
		t.Fatal("Enter did not move and close")
	}
	if !containsLabel(c, "상품 2개를 의류 > 상의로 옮겼습니다.") {
		t.Errorf("no confirmation: %v", visibleTexts(c))
	}
	for _, code := range []string{"P03", "P02"} {
		if p, _ := sh.desk.Catalog.ProductByCode(context.Background(), code); p.CategoryID == 0 {
			t.Errorf("%s was not moved", code)
		}
	}
	// Esc in the choice cancels and moves nothing
	d := s.onBatchMove()
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.Visible() {
		t.Error("Esc did not close the form")
	}
	if p, _ := sh.desk.Catalog.ProductByCode(context.Background(), "P01"); p.CategoryID != 0 {
		t.Error("a cancelled move moved P01")
	}
}

// 대량 수정 (the exported spreadsheet edited and read back) keeps the list where the seller was too: the
// edited rows stay at their places, still ticked, the table still scrolled down.
func TestExcelBulkEditKeepsRowsInPlace(t *testing.T) {
	sh, s, clk := openPlacedProducts(t, 60)
	c := sh.win.Canvas()
	ctx := context.Background()
	s.table.ScrollTo(widget.TableCellID{Row: 45, Col: colName})
	s.table.Select(widget.TableCellID{Row: 40, Col: colSelect})
	s.table.Select(widget.TableCellID{Row: 41, Col: colSelect})
	a, b := rowCode(t, s, 40), rowCode(t, s, 41)
	seen := drawnNames(c)
	path := filepath.Join(t.TempDir(), "상품_대량수정.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.importer().WriteExport(ctx, f, catalog.ListFilter{IDs: s.selectedIDs()}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	x.SetCellValue(x.GetSheetName(0), "E2", 12000) // E is 판매가
	x.SetCellValue(x.GetSheetName(0), "E3", 13000)
	if err := x.Save(); err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Hour)
	s.readXLSX("대량 수정 올리기", path, "", false, s.previewBulkEdit)
	sh.waitJobs()
	test.Tap(button(t, c, "반영"))
	sh.waitJobs()
	if !hasLabel(c, "상품 2개를 수정했습니다.") {
		t.Fatalf("no outcome: %v", visibleTexts(c))
	}
	for _, o := range c.Overlays().List() { // the outcome's dialog
		c.Overlays().Remove(o)
	}
	if got := []string{rowCode(t, s, 40), rowCode(t, s, 41)}; got[0] != a || got[1] != b {
		t.Errorf("rows 40 and 41 are %v after the bulk edit, were %s %s", got, a, b)
	}
	if got := drawnNames(c); strings.Join(got, ",") != strings.Join(seen, ",") {
		t.Errorf("the table shows %v, was %v", got, seen)
	}
	if len(s.selected) != 2 || tickedBoxes(c) != 2 {
		t.Errorf("%d selected, %d boxes ticked after the bulk edit", len(s.selected), tickedBoxes(c))
	}
	if p, _ := s.svc.ProductByCode(ctx, a); p.Price != 12000 && p.Price != 13000 {
		t.Errorf("%s price %d: the edit did not apply", a, p.Price)
	}
}
