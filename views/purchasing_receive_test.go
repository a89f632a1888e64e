package views

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sellerdesk/app/catalog"
	"sellerdesk/app/purchasing"
	"sellerdesk/views/widgets"
)

// orderedPO stores a supplier with two low products (티셔츠 1 in stock, 머그컵 0) and an ordered purchase
// order for them (9 and 5), and opens it in 발주.
func orderedPO(t *testing.T) (*shell, *poScreen, purchasing.PO) {
	t.Helper()
	sh, s := openArea[*poScreen](t, "발주")
	ctx := context.Background()
	sup, err := sh.desk.Catalog.SaveSupplier(ctx, catalog.Supplier{Name: "동대문 의류"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []catalog.Product{
		{Code: "TEE", Name: "오버핏 티셔츠", Cost: 7000, Options: []catalog.Option{{Usable: true, Stock: 1, SafetyStock: 5}}},
		{Code: "MUG", Name: "머그컵", Cost: 3000, Options: []catalog.Option{{Usable: true, Stock: 0, SafetyStock: 0}}},
	} {
		p.Price, p.Status, p.TaxType, p.SupplierID, p.OptionKind = 19800, catalog.StatusSale, catalog.Taxable, sup.ID, catalog.OptionsNone
		if _, err := sh.desk.Catalog.SaveProduct(ctx, p, "test"); err != nil {
			t.Fatal(err)
		}
	}
	drafts, _, err := sh.desk.POs.ReorderDrafts(ctx)
	if err != nil || len(drafts) != 1 {
		t.Fatalf("drafts %v: %v", drafts, err)
	}
	numbers, err := sh.desk.POs.Create(ctx, drafts, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := sh.desk.POs.MarkOrdered(ctx, numbers[0]); err != nil {
		t.Fatal(err)
	}
	s.openDetail(numbers[0])
	sh.waitJobs()
	po, err := sh.desk.POs.Get(ctx, numbers[0])
	if err != nil {
		t.Fatal(err)
	}
	return sh, s, po
}

// entryWithText is the visible widgets.Entry showing text.
func entryWithText(t *testing.T, c fyne.Canvas, text string) *widgets.Entry {
	t.Helper()
	for _, o := range everything(c) {
		if e, ok := o.(*widgets.Entry); ok && e.Text == text {
			return e
		}
	}
	t.Fatalf("no input showing %q: %v", text, visibleTexts(c))
	return nil
}

// 입고 처리 is a form dialog: each line's quantity in an input with what is left and the stock now under
// it, the stock after receiving shown before 입고 and following what is typed, a wrong quantity shown at
// its line with the dialog open and the input kept, Tab down the lines, Enter receives, and it fits a
// 1093×570 window.
func TestReceiveFormShowsStockAfter(t *testing.T) {
	sh, _, po := orderedPO(t)
	c := sh.win.Canvas()
	sh.win.Resize(fyne.NewSize(1093, 570))
	test.Tap(button(t, c, "입고 처리…"))
	sh.waitJobs() // the options' stock
	tee, mug := entryWithText(t, c, "9"), entryWithText(t, c, "5")
	if !hasLabel(c, "남은 9개 · 재고 1개 → 입고 후 10개") || !hasLabel(c, "남은 5개 · 재고 0개 → 입고 후 5개") {
		t.Errorf("no hints of what is left, in stock and after: %v", visibleTexts(c))
	}
	want := "입고 후: 머그컵 재고 0 → 5개, 오버핏 티셔츠 재고 1 → 10개\n모두 도착해 발주서는 입고완료가 됩니다."
	if !hasLabel(c, want) {
		t.Errorf("consequence before 입고, want %q: %v", want, visibleTexts(c))
	}
	if probs := layoutProblems(c, fyne.NewSize(1093, 570)); len(probs) > 0 {
		t.Errorf("at 1093×570: %v", probs)
	}
	// Tab follows the lines (머그컵, then 티셔츠, as the purchase order lists them)
	if c.Focused() != mug {
		t.Errorf("the first line does not have the focus: %T", c.Focused())
	}
	test.FocusNext(c)
	if c.Focused() != tee {
		t.Errorf("Tab went to %T, not the second line", c.Focused())
	}
	// too many: refused at the line, the dialog open, the input kept
	tee.SetText("")
	test.Type(tee, "12")
	test.Tap(button(t, c, "입고"))
	sh.waitJobs()
	if !hasLabel(c, "남은 수량은 9개입니다.") || len(c.Overlays().List()) == 0 || tee.Text != "12" {
		t.Fatalf("over-receiving: overlays %d, input %q, %v", len(c.Overlays().List()), tee.Text, visibleTexts(c))
	}
	if c.Focused() != tee {
		t.Error("the cursor is not at the refused line")
	}
	tee.SetText("4")
	mug.SetText("")
	if hasLabel(c, "남은 수량은 9개입니다.") {
		t.Error("the problem stays after the fix")
	}
	if want := "입고 후: 오버핏 티셔츠 재고 1 → 5개\n남은 수량이 있어 발주서는 부분입고가 됩니다."; !hasLabel(c, want) {
		t.Errorf("the consequence does not follow the input, want %q: %v", want, visibleTexts(c))
	}
	if !hasLabel(c, "남은 9개 · 재고 1개 → 입고 후 5개") || !hasLabel(c, "남은 5개 · 지금 재고 0개") {
		t.Errorf("the lines' hints do not follow the input: %v", visibleTexts(c))
	}
	if stock(t, sh, "TEE") != 1 {
		t.Fatal("stock moved before 입고")
	}
	tee.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	sh.waitJobs()
	if len(c.Overlays().List()) != 0 {
		t.Fatalf("Enter did not receive: %v", visibleTexts(c))
	}
	if got := stock(t, sh, "TEE"); got != 5 {
		t.Errorf("stock after receiving 4 = %d, want 5", got)
	}
	if !hasLabel(c, po.Number+": 4개를 입고했습니다.") || !hasLabel(c, "부분입고") {
		t.Errorf("after 입고: %v", visibleTexts(c))
	}
	// Esc cancels
	test.Tap(button(t, c, "입고 처리…"))
	sh.waitJobs()
	entryWithText(t, c, "5").TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(c.Overlays().List()) != 0 || stock(t, sh, "TEE") != 5 {
		t.Error("Esc did not cancel, or received")
	}
}

func stock(t *testing.T, sh *shell, code string) int64 {
	t.Helper()
	p, err := sh.desk.Catalog.ProductByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return p.Options[0].Stock
}

// 발주 취소 is a form dialog: without a reason the service's refusal shows at the field with the form open;
// with one, Enter cancels the purchase order.
func TestCancelPOFormKeepsItsInput(t *testing.T) {
	sh, _, po := orderedPO(t)
	c := sh.win.Canvas()
	test.Tap(button(t, c, "발주 취소…"))
	test.Tap(button(t, c, "발주 취소"))
	sh.waitJobs()
	if !hasLabel(c, "취소 사유를 입력하세요.") || len(c.Overlays().List()) == 0 {
		t.Fatalf("no reason: %v", visibleTexts(c))
	}
	reason, ok := c.Focused().(*widgets.Entry)
	if !ok {
		t.Fatalf("the cursor is not in the reason: %T", c.Focused())
	}
	test.Type(reason, "공급업체 품절")
	reason.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	sh.waitJobs()
	if len(c.Overlays().List()) != 0 {
		t.Fatalf("Enter did not cancel: %v", visibleTexts(c))
	}
	got, _ := sh.desk.POs.Get(context.Background(), po.Number)
	if got.Status != purchasing.StatusCanceled || !hasLabel(c, po.Number+" 발주를 취소했습니다.") {
		t.Errorf("after 발주 취소: %s, %v", got.Status, visibleTexts(c))
	}
}

// A purchase order of many lines keeps 입고 처리's consequence short: the first three options' stock after,
// then how many more lines and pieces (each line's own stock after is under its input).
func TestReceiveFormManyLinesSummed(t *testing.T) {
	sh, s := openArea[*poScreen](t, "발주")
	c := sh.win.Canvas()
	po := purchasing.PO{Number: "PO-20261124-009", Status: purchasing.StatusOrdered}
	stocks := map[int64]int64{}
	for i := int64(1); i <= 5; i++ {
		po.Items = append(po.Items, purchasing.Line{ID: i, OptionID: i, Name: "품목" + string(rune('A'-1+i)), Qty: 2})
		stocks[i] = 10
	}
	s.showReceive(po, stocks)
	want := "입고 후: 품목A 재고 10 → 12개, 품목B 재고 10 → 12개, 품목C 재고 10 → 12개 외 2품목 (모두 10개)\n모두 도착해 발주서는 입고완료가 됩니다."
	if !hasLabel(c, want) {
		t.Errorf("want %q: %v", want, visibleTexts(c))
	}
	if !hasLabel(c, "남은 2개 · 재고 10개 → 입고 후 12개") {
		t.Errorf("no line's own stock after: %v", visibleTexts(c))
	}
}
