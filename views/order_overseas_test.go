package views

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/format"
	"sellerdesk/app/overseas"
	"sellerdesk/views/widgets"
)

// 해외 배송 요금표 is a form dialog: what a parcel of a sample weight costs is shown before 저장 and follows
// the fees as typed; a fee that is not a number is shown under it with the dialog open and the input
// kept (also across a switch to another zone and back); Enter saves every changed fee; it fits 1093×570.
func TestRateTableForm(t *testing.T) {
	sh, w := openShell(t)
	c := w.Canvas()
	w.Resize(fyne.NewSize(1093, 570))
	ctx := context.Background()
	stored, err := sh.desk.Abroad.Rates(ctx, overseas.EMS, 1)
	if err != nil || len(stored) < 3 {
		t.Fatalf("EMS zone 1 rates: %v %v", stored, err)
	}
	f := sh.showRateTable()
	sh.waitJobs() // the table's rates
	if probs := layoutProblems(c, fyne.NewSize(1093, 570)); len(probs) > 0 {
		t.Errorf("at 1093×570: %v", probs)
	}
	// the sample is 1,000 g: the first band of at least 1 kg prices it
	band := -1
	for i, r := range stored {
		if r.MaxGrams >= 1000 {
			band = i
			break
		}
	}
	kg := kgText(stored[band].MaxGrams)
	want := "EMS 1지역에 1,000 g을 보내면 " + format.Won(stored[band].Fee) + " (" + kg + " kg 이하 구간)"
	if !hasLabel(c, want) {
		t.Fatalf("no sample fee before 저장, want %q: %v", want, visibleTexts(c))
	}
	fee := entryWithText(t, c, format.Number(stored[band].Fee))
	fee.SetText("")
	test.Type(fee, "이만원")
	test.Tap(button(t, c, "저장"))
	sh.waitJobs()
	if len(c.Overlays().List()) == 0 || fee.Text != "이만원" || !hasLabel(c, "숫자로 입력하세요.") {
		t.Fatalf("a wrong fee: overlays %d, input %q, %v", len(c.Overlays().List()), fee.Text, visibleTexts(c))
	}
	if c.Focused() != fee {
		t.Error("the cursor is not at the wrong fee")
	}
	if !hasLabel(c, "EMS 1지역 1,000 g: "+kg+" kg 구간의 요금을 숫자로 적으세요.") {
		t.Errorf("the consequence does not say the sample's fee is wrong: %v", visibleTexts(c))
	}
	fee.SetText("25,000")
	if hasLabel(c, "숫자로 입력하세요.") {
		t.Error("the problem stays after the fix")
	}
	if want := "EMS 1지역에 1,000 g을 보내면 25,000원 (" + kg + " kg 이하 구간) · 바꾼 요금 1개"; !hasLabel(c, want) {
		t.Errorf("the consequence does not follow the fee, want %q: %v", want, visibleTexts(c))
	}
	// another zone and back: what was typed is still there
	f.zone.SetSelectedIndex(1)
	sh.waitJobs()
	if !containsLabel(c, "EMS 2지역에 1,000 g을 보내면") {
		t.Errorf("zone 2's sample: %v", visibleTexts(c))
	}
	f.zone.SetSelectedIndex(0)
	sh.waitJobs()
	if entryWithText(t, c, "25,000") != fee {
		t.Error("the typed fee was not kept across zones")
	}
	// the sample weight is checked at its field
	f.sample.SetText("")
	test.Type(f.sample, "1kg")
	test.Tap(button(t, c, "저장"))
	if !hasLabel(c, "무게를 g 단위로 입력하세요 (예: 850).") || len(c.Overlays().List()) == 0 {
		t.Fatalf("a wrong sample weight: %v", visibleTexts(c))
	}
	f.sample.SetText("1000")
	fee.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	sh.waitJobs()
	if len(c.Overlays().List()) != 0 {
		t.Fatalf("Enter did not save: %q %v", f.form.Problem(), visibleTexts(c))
	}
	if !hasLabel(c, "요금표를 저장했습니다 (요금 1개).") {
		t.Errorf("no confirmation: %v", visibleTexts(c))
	}
	after, _ := sh.desk.Abroad.Rates(ctx, overseas.EMS, 1)
	if after[band].Fee != 25000 {
		t.Errorf("stored fee %d, want 25000", after[band].Fee)
	}
	// Tab goes from the sample weight to the first band's fee; Esc there closes without saving
	f = sh.showRateTable()
	sh.waitJobs()
	if c.Focused() != f.sample {
		t.Fatalf("the sample weight does not have the focus: %T", c.Focused())
	}
	test.FocusNext(c)
	k, _ := f.key()
	first := f.tables[k].entries[0]
	if c.Focused() != first {
		t.Fatalf("Tab went to %T, not the first band's fee", c.Focused())
	}
	first.SetText("1")
	first.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	sh.waitJobs()
	if len(c.Overlays().List()) != 0 {
		t.Error("Esc did not close the rate table")
	}
	if again, _ := sh.desk.Abroad.Rates(ctx, overseas.EMS, 1); again[0].Fee == 1 {
		t.Error("Esc saved a fee")
	}
}

// The customs items' placeholders read as examples ("예: 180") in the theme's placeholder colour, a figure
// the draft does not know is left empty (its example shows, not a 0 that looks typed), and an empty input
// is never read as its example: saving asks for it at the items.
func TestCustomsItemPlaceholdersAreHints(t *testing.T) {
	sh, s := openOrders(t)
	c := sh.win.Canvas()
	manualOrders(t, sh, 1) // a mug without a weight
	s.refresh()
	sh.waitJobs()
	s.table.Select(widget.TableCellID{Row: 0, Col: ocProduct})
	sh.waitJobs()
	s.detail.onOverseas()
	sh.waitJobs()
	form := s.detail.overseas
	if form == nil || len(form.items) != 1 {
		t.Fatal("no overseas form with one customs item")
	}
	item := form.items[0]
	for k, e := range item {
		if !strings.HasPrefix(e.PlaceHolder, "예: ") {
			t.Errorf("%s placeholder %q does not read as an example", k, e.PlaceHolder)
		}
	}
	if item["grams"].Text != "" {
		t.Errorf("an unknown weight shows %q, want empty with its example", item["grams"].Text)
	}
	if !placeholderDrawn(item["grams"], "예: 180") {
		t.Error("the empty weight does not show its example in the placeholder colour")
	}
	// fill what the service needs besides the item's weight
	form.entries["nameEn"].SetText("Jane Smith")
	form.entries["addressEn"].SetText("55 Main St")
	form.entries["city"].SetText("Springfield")
	form.entries["phone"].SetText("+1 217-555-0100")
	item["desc"].SetText("Ceramic mug")
	item["origin"].SetText("KR")
	form.form.d.Submit()
	sh.waitJobs()
	if len(c.Overlays().List()) == 0 {
		t.Fatal("an item without a weight was saved (its example read as a value?)")
	}
	if got := form.form.fields["items"].Message().Text(); !strings.Contains(got, "순중량") {
		t.Errorf("the items' problem %q does not ask for the weight", got)
	}
	if item["grams"].Text != "" {
		t.Errorf("the empty weight became %q", item["grams"].Text)
	}
	// an empty price is asked for, not read as 0 or as its example
	item["grams"].SetText("350")
	item["usd"].SetText("")
	form.form.d.Submit()
	sh.waitJobs()
	if got := form.form.fields["items"].Message().Text(); got != "1번 품목의 가격(USD)을 입력하세요 (예: 20.00)." {
		t.Errorf("an empty price: %q", got)
	}
}

// placeholderDrawn reports whether e, empty, draws placeholder in the theme's placeholder colour (not in
// the colour of typed text).
func placeholderDrawn(e *widgets.Entry, placeholder string) bool {
	want := rgba(theme.Color(theme.ColorNamePlaceHolder))
	found := false
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *canvas.Text:
			if x.Text == placeholder && rgba(x.Color) == want {
				found = true
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(e)
	return found
}
