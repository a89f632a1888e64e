package views

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"sellerdesk/app/catalog"
	"sellerdesk/app/orders"
)

// press types a key into what has the focus, as the seller's keyboard would.
func press(t *testing.T, c fyne.Canvas, key fyne.KeyName) {
	t.Helper()
	f := c.Focused()
	if f == nil {
		t.Fatalf("nothing has the focus to press %s in", key)
	}
	f.TypedKey(&fyne.KeyEvent{Name: key})
}

// TestForms14cStockAdjustForm: 재고 조정 is a form dialog: a quantity that is not a number is refused under
// the field with the form open and the input kept, the consequence says the stock before and after, Enter
// applies and keeps the dialog for the next adjustment, a refusal of the store (more taken than there is)
// shows under the quantity with the input kept, and Esc closes.
func TestForms14cStockAdjustForm(t *testing.T) {
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
	if c.Focused() != d.delta {
		t.Fatalf("the quantity has not the focus: %T", c.Focused())
	}
	test.Type(d.delta, "많이")
	press(t, c, fyne.KeyReturn)
	want := "바꿀 수량을 +20 이나 -3 처럼 0이 아닌 숫자로 입력하세요."
	if !d.form.Visible() || d.qty.Message().Text() != want || !hasLabel(c, want) {
		t.Fatalf("a quantity that is no number: open %v, message %q; %v", d.form.Visible(), d.qty.Message().Text(), visibleTexts(c))
	}
	if d.delta.Text != "많이" {
		t.Errorf("the quantity typed was not kept: %q", d.delta.Text)
	}
	if got, _ := s.svc.Product(context.Background(), saved.ID); got.Options[0].Stock != 3 {
		t.Fatalf("a refused quantity changed the stock: %d", got.Options[0].Stock)
	}

	d.delta.SetText("")
	test.Type(d.delta, "+5")
	if got := d.form.ConsequenceText(); got != "재고 3개 → 8개" || !hasLabel(c, got) {
		t.Errorf("consequence %q; %v", got, visibleTexts(c))
	}
	if d.qty.Message().Text() != "" {
		t.Errorf("the problem stays after a good quantity: %q", d.qty.Message().Text())
	}
	press(t, c, fyne.KeyReturn)
	sh.waitJobs()
	if !d.form.Visible() || !hasLabel(c, "현재 재고 8개 · 안전재고 0개") || d.delta.Text != "" {
		t.Fatalf("after +5: open %v, quantity %q; %v", d.form.Visible(), d.delta.Text, visibleTexts(c))
	}
	if got, _ := s.svc.Product(context.Background(), saved.ID); got.Options[0].Stock != 8 {
		t.Errorf("stored stock %d, want 8", got.Options[0].Stock)
	}

	test.Type(d.delta, "-20")
	if got := d.form.ConsequenceText(); got != "재고 8개보다 많이 뺄 수 없습니다." {
		t.Errorf("consequence of -20: %q", got)
	}
	press(t, c, fyne.KeyReturn)
	sh.waitJobs()
	refused := "재고가 부족합니다: 머그컵 (현재 8개, 요청 20개)."
	if !d.form.Visible() || d.message.Text == "" || d.delta.Text != "-20" {
		t.Fatalf("a refusal: open %v, message %q (visible %v), quantity %q", d.form.Visible(), d.message.Text,
			d.message.Visible(), d.delta.Text)
	}
	if d.message.Text != refused {
		t.Errorf("the store's refusal reads %q, want %q", d.message.Text, refused)
	}
	if !hasLabel(c, d.message.Text) {
		t.Errorf("the refusal is not on the screen: %v", visibleTexts(c))
	}
	test.Type(d.delta, "0")
	if d.message.Text != "" {
		t.Error("the refusal stays after the quantity changed")
	}
	press(t, c, fyne.KeyEscape)
	if d.form.Visible() || hasLabel(c, "재고 조정") {
		t.Errorf("Esc did not close the dialog; %v", visibleTexts(c))
	}
}

// TestForms14cCategoryNameForm: the category name is a form dialog: an empty name and a name its siblings
// have are refused under the field with the form open, the consequence says where the category goes, and
// Enter saves.
func TestForms14cCategoryNameForm(t *testing.T) {
	sh, w := openShell(t)
	c := w.Canvas()
	svc := sh.desk.Catalog
	s := sh.showCatalogSetup(nil)
	sh.waitJobs()
	top, err := svc.SaveCategory(context.Background(), catalog.Category{Name: "의류"})
	if err != nil {
		t.Fatal(err)
	}
	s.loadCategories()
	sh.waitJobs()

	d := s.editCategory(catalog.Category{ParentID: top.ID})
	if !hasLabel(c, "상위 카테고리: 의류") {
		t.Errorf("the parent is not named; %v", visibleTexts(c))
	}
	press(t, c, fyne.KeyReturn)
	if !d.form.Visible() || d.field.Message().Text() != "카테고리 이름을 입력하세요." || !hasLabel(c, "카테고리 이름을 입력하세요.") {
		t.Fatalf("an empty name: open %v, %q; %v", d.form.Visible(), d.field.Message().Text(), visibleTexts(c))
	}
	test.Type(d.name, "상의")
	if got := d.form.ConsequenceText(); got != "의류 > 상의 카테고리를 만듭니다." || !hasLabel(c, got) {
		t.Errorf("consequence %q", got)
	}
	press(t, c, fyne.KeyReturn)
	sh.waitJobs()
	if d.form.Visible() {
		t.Fatalf("a good name did not close the form: %q", d.field.Message().Text())
	}
	if _, ok := categoryNamed(t, svc, "상의"); !ok {
		t.Fatal("상의 was not stored")
	}

	d = s.editCategory(catalog.Category{ParentID: top.ID})
	test.Type(d.name, "상의")
	press(t, c, fyne.KeyReturn)
	sh.waitJobs()
	want := "같은 위치에 '상의' 카테고리가 이미 있습니다."
	if !d.form.Visible() || d.field.Message().Text() != want || !hasLabel(c, want) || d.name.Text != "상의" {
		t.Fatalf("a duplicate: open %v, %q, kept %q; %v", d.form.Visible(), d.field.Message().Text(), d.name.Text, visibleTexts(c))
	}
	press(t, c, fyne.KeyEscape)
	if d.form.Visible() {
		t.Error("Esc did not close the form")
	}
}

// TestForms14cMapLineForm: 상품 연결 is a form dialog: 연결 before an option is chosen says so under 옵션
// with the form open, the consequence names the option the line goes to, and Enter links it.
func TestForms14cMapLineForm(t *testing.T) {
	sh, s := openOrders(t)
	c := sh.win.Canvas()
	ctx := context.Background()
	if _, err := sh.desk.ImportOrderFile(ctx, writeOrders(t, t.TempDir(), ""), "", nil); err != nil {
		t.Fatal(err)
	}
	for _, p := range []catalog.Product{
		{Code: "MUG", Name: "머그컵", Price: 9000, Status: catalog.StatusSale, TaxType: catalog.Taxable,
			OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 4}}},
		{Code: "CUP", Name: "유리컵", Price: 7000, Status: catalog.StatusSale, TaxType: catalog.Taxable,
			OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 2}}},
	} {
		if _, err := sh.desk.Catalog.SaveProduct(ctx, p, "test"); err != nil {
			t.Fatal(err)
		}
	}
	lines, err := sh.desk.Orders.Find(ctx, orders.Query{Search: "2026112299990003"})
	if err != nil || len(lines) != 1 {
		t.Fatalf("the 머그컵 order: %v %v", lines, err)
	}
	s.openDetail(lines[0].OrderID)
	sh.waitJobs()
	if s.detail == nil || len(s.detail.d.Lines) != 1 || s.detail.d.Lines[0].OptionID != 0 {
		t.Fatal("no unmatched line in the detail")
	}
	line := s.detail.d.Lines[0]
	d := s.detail.mapLine(line)
	sh.waitJobs()
	if !hasLabel(c, "주문 상품: 머그컵") {
		t.Errorf("the order's product is not named; %v", visibleTexts(c))
	}
	press(t, c, fyne.KeyReturn)
	want := "연결할 상품을 검색해 고르고 옵션을 고르세요."
	if !d.Visible() || !hasLabel(c, want) {
		t.Fatalf("연결 with nothing chosen: open %v; %v", d.Visible(), visibleTexts(c))
	}
	search := d.Fields()[0].Widget.(fyne.Focusable)
	test.Type(search, "머그")
	sh.waitJobs()
	sh.waitJobs() // the product's options
	wantLink := "이 주문 상품을 머그컵 · (옵션 없음)에 연결합니다. 다음 가져오기에서도 같은 상품은 여기에 연결됩니다."
	if got := d.ConsequenceText(); got != wantLink || !hasLabel(c, got) {
		t.Fatalf("consequence %q; %v", got, visibleTexts(c))
	}
	if hasLabel(c, want) {
		t.Error("the problem stays once an option is chosen")
	}
	press(t, c, fyne.KeyReturn)
	sh.waitJobs()
	if d.Visible() {
		t.Fatalf("연결 did not close the form: %q", d.Problem())
	}
	det, err := sh.desk.Orders.Detail(ctx, lines[0].OrderID)
	if err != nil || det.Lines[0].OptionID == 0 {
		t.Fatalf("the line was not linked: %+v %v", det.Lines[0].OrderLine, err)
	}
}

// TestForms14cExcelPasswordForm: 엑셀 암호 is a form dialog: Enter without a password is refused at the field,
// a wrong password opens the form again with the problem under the field, and the right one reads the file.
func TestForms14cExcelPasswordForm(t *testing.T) {
	sh, s := openProducts(t)
	c := sh.win.Canvas()
	var got []string
	d := sh.askPassword(false, func(pw string) { got = append(got, pw) })
	press(t, c, fyne.KeyReturn)
	if !d.Visible() || !hasLabel(c, "암호를 입력하세요.") || len(got) != 0 {
		t.Fatalf("no password: open %v, given %v; %v", d.Visible(), got, visibleTexts(c))
	}
	test.Type(c.Focused().(fyne.Focusable), "1234")
	press(t, c, fyne.KeyReturn)
	if d.Visible() || len(got) != 1 || got[0] != "1234" {
		t.Fatalf("the password: open %v, given %v", d.Visible(), got)
	}

	// the whole flow: a protected 대량 수정 file, a wrong password, then the right one
	x := excelize.NewFile()
	x.SetCellValue("Sheet1", "A1", "판매자 상품코드")
	locked := filepath.Join(t.TempDir(), "암호.xlsx")
	if err := x.SaveAs(locked, excelize.Options{Password: "1234"}); err != nil {
		t.Fatal(err)
	}
	x.Close()
	s.readXLSX("대량 수정 올리기", locked, "", false, s.previewBulkEdit)
	sh.waitJobs()
	if !hasLabel(c, "암호가 걸린 엑셀 파일입니다. 파일을 내려받을 때 정한 암호를 입력하세요.") || hasLabel(c, "암호가 맞지 않습니다. 다시 입력하세요.") {
		t.Fatalf("first prompt; %v", visibleTexts(c))
	}
	test.Type(c.Focused().(fyne.Focusable), "0000")
	press(t, c, fyne.KeyReturn)
	sh.waitJobs()
	if !hasLabel(c, "암호가 맞지 않습니다. 다시 입력하세요.") || !hasLabel(c, "엑셀 암호") {
		t.Fatalf("a wrong password: the form is not back with the problem at the field; %v", visibleTexts(c))
	}
	if _, ok := c.Focused().(fyne.Focusable); !ok {
		t.Fatal("the password field has not the focus after a wrong password")
	}
	press(t, c, fyne.KeyEscape)
	if hasLabel(c, "엑셀 암호") {
		t.Errorf("Esc did not close the password form; %v", visibleTexts(c))
	}
}
