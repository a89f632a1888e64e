package views

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"sellerdesk/app/catalog"
	"sellerdesk/app/sheet"
)

// openProducts opens 상품 and waits for its first rows, as the seller would see them.
func openProducts(t *testing.T) (*shell, *productsScreen) {
	sh, s := openArea[*productsScreen](t, "상품")
	sh.waitJobs()
	return sh, s
}

func TestProductEditorValidation(t *testing.T) {
	sh, s := openProducts(t)
	c := sh.win.Canvas()
	ctx := context.Background()
	test.Tap(button(t, c, "새 상품"))
	sh.waitJobs() // the categories and suppliers the editor offers
	if s.editor == nil {
		t.Fatal("새 상품 did not open the editor")
	}
	e := s.editor
	test.Type(e.name.Entry, "오버핏 코튼 티셔츠")
	test.Type(e.price.Entry, "만원")
	test.Tap(button(t, c, "저장"))
	if got := e.code.Message.Text; got == "" || !e.code.Message.Visible() {
		t.Error("missing code not flagged at its field")
	}
	if got := e.price.Message.Text; !strings.Contains(got, "숫자") {
		t.Errorf("price message = %q", got)
	}
	if !e.formError.Visible() {
		t.Error("no summary of the problems")
	}
	if n, _ := s.svc.CountProducts(ctx, catalog.ListFilter{}); n != 0 {
		t.Fatalf("an invalid product was stored (%d)", n)
	}

	e.price.Entry.SetText("")
	test.Type(e.price.Entry, "0")
	test.Tap(button(t, c, "저장"))
	if got := e.price.Message.Text; got == "" {
		t.Error("a zero price was not refused at the field")
	}

	e.price.Entry.SetText("")
	test.Type(e.price.Entry, "19,800")
	test.Type(e.code.Entry, "TS-001")
	test.Tap(button(t, c, "저장"))
	if n, _ := s.svc.CountProducts(ctx, catalog.ListFilter{}); n != 0 || s.editor != e {
		t.Fatal("the product was stored on the UI goroutine, before the queued save ran")
	}
	sh.waitJobs()
	if s.editor != nil {
		t.Fatalf("editor still open; problems: %q", e.formError.Text)
	}
	p, err := s.svc.ProductByCode(ctx, "TS-001")
	if err != nil {
		t.Fatal(err)
	}
	// saved without stock, so it is sold out by itself until stock arrives
	if p.Name != "오버핏 코튼 티셔츠" || p.Price != 19800 || p.Status != catalog.StatusSoldOut || !p.StatusAuto {
		t.Errorf("stored %+v", p)
	}
	if !hasLabel(c, "19,800원") || !hasLabel(c, "상품 1개") {
		t.Errorf("the list does not show the new product; labels: %v", visibleTexts(c))
	}
}

// A save the store refuses (a code already taken) keeps the editor with what the seller typed and says why
// at the field.
func TestProductEditorRefusedSaveKeepsInput(t *testing.T) {
	sh, s := openProducts(t)
	c := sh.win.Canvas()
	ctx := context.Background()
	if _, err := s.svc.SaveProduct(ctx, catalog.Product{Code: "TS-001", Name: "먼저 있던 상품", Price: 1000, Status: catalog.StatusSale,
		TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true}}}, "test"); err != nil {
		t.Fatal(err)
	}
	test.Tap(button(t, c, "새 상품"))
	sh.waitJobs()
	e := s.editor
	test.Type(e.name.Entry, "오버핏 코튼 티셔츠")
	test.Type(e.code.Entry, "TS-001")
	test.Type(e.price.Entry, "19,800")
	test.Tap(button(t, c, "저장"))
	sh.waitJobs()
	if s.editor != e {
		t.Fatal("the refused save closed the editor")
	}
	if !e.code.Message.Visible() || e.code.Message.Text == "" || !hasLabel(c, e.code.Message.Text) {
		t.Errorf("no reason at the code field; labels: %v", visibleTexts(c))
	}
	if e.name.Entry.Text != "오버핏 코튼 티셔츠" || e.code.Entry.Text != "TS-001" || e.price.Entry.Text != "19,800" {
		t.Errorf("the form lost the input: %q %q %q", e.name.Entry.Text, e.code.Entry.Text, e.price.Entry.Text)
	}
	if n, _ := s.svc.CountProducts(ctx, catalog.ListFilter{}); n != 1 {
		t.Errorf("%d products stored, want the first only", n)
	}
}

func TestOptionGrid(t *testing.T) {
	sh, s := openProducts(t)
	c := sh.win.Canvas()
	ctx := context.Background()
	s.createNew()
	sh.waitJobs()
	e := s.editor
	test.Type(e.name.Entry, "린넨 셔츠")
	test.Type(e.code.Entry, "SH-100")
	test.Type(e.price.Entry, "39000")
	e.options.kindRadio.SetSelected("조합형")
	test.Type(e.options.groupNames[0], "색상")
	test.Type(e.options.groupValues[0], "화이트, 블랙")
	test.Type(e.options.groupNames[1], "사이즈")
	test.Type(e.options.groupValues[1], "S, M, L")
	test.Tap(button(t, c, "옵션 목록 만들기"))
	if got := len(e.options.rows); got != 6 {
		t.Fatalf("grid rows = %d, want 6", got)
	}
	if got := e.options.rows[0].Label(); got != "화이트 / S" {
		t.Errorf("first combination = %q", got)
	}
	// Type stock into the grid's cells the way the seller would.
	setCell(t, e.options.table, 0, optColStock, "5")
	setCell(t, e.options.table, 1, optColStock, "7")
	setCell(t, e.options.table, 1, optColCode, "SH-100-WM")
	test.Tap(button(t, c, "저장"))
	sh.waitJobs()
	if s.editor != nil {
		t.Fatalf("not saved: %q", e.formError.Text)
	}
	p, err := s.svc.ProductByCode(ctx, "SH-100")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Options) != 6 || p.TotalStock() != 12 {
		t.Fatalf("stored %d options with %d stock", len(p.Options), p.TotalStock())
	}

	// Editing the sizes regenerates the grid and keeps the stock of combinations that remain. The product is
	// read before the editor opens: until then the list stays, and a second tap reads nothing more.
	queued := func() int {
		sh.jobs.mu.Lock()
		defer sh.jobs.mu.Unlock()
		return len(sh.jobs.queue)
	}
	s.openEditor(p.ID)
	first := queued()
	s.openEditor(p.ID)
	if s.editor != nil {
		t.Fatal("the editor opened before its product was read")
	}
	if again := queued(); again != first {
		t.Errorf("a second tap queued another load of the product (%d, then %d)", first, again)
	}
	sh.waitJobs()
	e = s.editor
	if e == nil || e.name.Entry.Text != "린넨 셔츠" {
		t.Fatalf("the editor did not open on the product: %v", visibleTexts(c))
	}
	e.options.groupValues[1].SetText("M, L")
	test.Tap(button(t, c, "옵션 목록 만들기"))
	if got := len(e.options.rows); got != 4 {
		t.Fatalf("after removing S: %d rows", got)
	}
	for _, o := range e.options.rows {
		if o.Label() == "화이트 / M" && (o.Stock != 7 || o.Code != "SH-100-WM") {
			t.Errorf("화이트 / M lost its data: %+v", o)
		}
	}
	test.Tap(button(t, c, "저장"))
	sh.waitJobs()
	if s.editor != nil {
		t.Fatalf("not saved: %q", e.formError.Text)
	}
}

// setCell types text into the entry of a grid cell.
func setCell(t *testing.T, table *widget.Table, row, col int, text string) {
	t.Helper()
	cell := newOptionCell()
	table.UpdateCell(widget.TableCellID{Row: row, Col: col}, cell)
	entry := cell.(*fyne.Container).Objects[1].(*widget.Entry)
	if !entry.Visible() {
		t.Fatalf("cell %d,%d has no input", row, col)
	}
	entry.SetText(text)
}

func TestProductSearch(t *testing.T) {
	sh, s := openProducts(t)
	ctx := context.Background()
	for i, name := range []string{"오버핏 셔츠", "린넨 셔츠", "코튼 팬츠"} {
		p := catalog.Product{Code: "P" + string(rune('A'+i)), Name: name, Price: 10000, Status: catalog.StatusSale,
			TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 3}}}
		if _, err := s.svc.SaveProduct(ctx, p, "test"); err != nil {
			t.Fatal(err)
		}
	}
	s.refresh()
	sh.waitJobs()
	if !hasLabel(sh.win.Canvas(), "상품 3개") {
		t.Fatalf("labels: %v", visibleTexts(sh.win.Canvas()))
	}
	test.Type(s.search, "셔츠")
	sh.waitJobs() // the search asks once the typing pauses
	if !hasLabel(sh.win.Canvas(), "상품 2개") {
		t.Errorf("search 셔츠: %v", visibleTexts(sh.win.Canvas()))
	}
	sh.win.Canvas().Unfocus()
	typeShortcut(t, sh.win.Canvas(), &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if sh.win.Canvas().Focused() != s.search {
		t.Error("Ctrl+F did not focus the product search")
	}
	typeShortcut(t, sh.win.Canvas(), &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault})
	sh.waitJobs()
	if s.editor == nil {
		t.Error("Ctrl+N did not open a new product")
	}
}

func TestImportPreview(t *testing.T) {
	sh, s := openProducts(t)
	c := sh.win.Canvas()
	ctx := context.Background()
	dir := t.TempDir()

	// a template with its example product: the preview summarises it, 등록 imports it
	var buf bytes.Buffer
	if err := sheet.WriteTemplate(&buf, nil, nil); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "상품등록.xlsx")
	os.WriteFile(good, buf.Bytes(), 0o600)
	fillTemplate(t, good)
	s.readXLSX("일괄 등록", good, "", true, s.previewRegister)
	sh.waitJobs()
	found := false
	for _, txt := range visibleTexts(c) {
		if strings.Contains(txt, "상품 1개, 판매 단위(옵션) 4개를 등록합니다") {
			found = true
		}
	}
	if !found {
		t.Fatalf("no summary; labels: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "등록"))
	sh.waitJobs()
	if n, _ := s.svc.CountProducts(ctx, catalog.ListFilter{}); n != 1 {
		t.Fatalf("imported %d products", n)
	}

	// the same file again: every problem is listed by sheet, row and column, and nothing is written
	s.readXLSX("일괄 등록", good, "", true, s.previewRegister)
	sh.waitJobs()
	if !hasLabel(c, "A (판매자 상품코드)") || !hasLabel(c, "상품등록") {
		t.Errorf("problem table missing; labels: %v", visibleTexts(c))
	}
	if n, _ := s.svc.CountProducts(ctx, catalog.ListFilter{}); n != 1 {
		t.Errorf("a file with problems changed the store: %d", n)
	}
}

func TestStockDialogHistory(t *testing.T) {
	sh, s := openProducts(t)
	c := sh.win.Canvas()
	p := catalog.Product{Code: "MUG", Name: "머그컵", Price: 9000, Status: catalog.StatusSale, TaxType: catalog.Taxable,
		OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 3}}}
	saved, err := s.svc.SaveProduct(context.Background(), p, "test")
	if err != nil {
		t.Fatal(err)
	}
	d := sh.showStock(saved, saved.Options[0], nil)
	sh.waitJobs()
	if !hasLabel(c, "현재 재고 3개 · 안전재고 0개") || d.history.Len() != 1 {
		t.Fatalf("history of a new product: %d rows; %v", d.history.Len(), visibleTexts(c))
	}
	test.Type(d.delta, "+5")
	test.Tap(button(t, c, "재고 반영"))
	// the adjustment is written off the UI goroutine: until it runs, the store is untouched and a second tap
	// cannot add it twice
	if got, _ := s.svc.Product(context.Background(), saved.ID); got.Options[0].Stock != 3 {
		t.Errorf("stock written on the UI goroutine: %d", got.Options[0].Stock)
	}
	if !d.apply.Disabled() {
		t.Error("재고 반영 stays enabled while the adjustment is written")
	}
	sh.waitJobs()
	if d.apply.Disabled() {
		t.Error("재고 반영 stays disabled after the adjustment")
	}
	if !hasLabel(c, "현재 재고 8개 · 안전재고 0개") || d.history.Len() != 2 || !hasLabel(c, "+5") {
		t.Errorf("after +5: %d rows; %v", d.history.Len(), visibleTexts(c))
	}
}

// fillTemplate writes one product under the template's example rows, as a seller would: the example's rows
// again with a code and a name of the seller's own (the example itself is never imported).
func fillTemplate(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("상품등록")
	if err != nil {
		t.Fatal(err)
	}
	var example [][]string
	for _, r := range rows[1:] {
		for _, v := range r {
			if v == "HR-EXAMPLE" {
				example = append(example, r)
				break
			}
		}
	}
	if len(example) == 0 {
		t.Fatal("the template has no example rows")
	}
	for i, r := range example {
		for col, v := range r {
			switch {
			case v == "HR-EXAMPLE":
				v = "TS-0001"
			case strings.HasPrefix(v, "예시)"):
				v = "오버핏 코튼 티셔츠"
			}
			cell, _ := excelize.CoordinatesToCellName(col+1, len(rows)+1+i)
			f.SetCellValue("상품등록", cell, v)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}
