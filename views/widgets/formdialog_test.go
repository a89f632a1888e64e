package widgets

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// refundForm is the shape of the 환불하고 완료 dialog: an explanation, a fee field checked as a number, and
// the refund computed live from it.
func refundForm(t *testing.T, w fyne.Window) (*FormDialog, *Entry, *FormField, *int) {
	t.Helper()
	d := NewFormDialog(w, "환불하고 완료", "환불하고 완료", "취소")
	d.SetIntro("반품을 완료하고 고객에게 환불합니다. 반품 배송비 중 고객 부담분을 빼고 환불 금액을 계산합니다. 환불은 되돌릴 수 없습니다.")
	fee := NewEntryWithPlaceholder("예: 3,000")
	f := d.AddField("반품 배송비", fee, func() string {
		if _, err := strconv.Atoi(strings.ReplaceAll(fee.Text, ",", "")); err != nil && fee.Text != "" {
			return "숫자로 입력하세요"
		}
		return ""
	})
	d.Consequence = func() string {
		n, _ := strconv.Atoi(strings.ReplaceAll(fee.Text, ",", ""))
		return "환불 금액: " + strconv.Itoa(48000-n) + "원"
	}
	submitted := 0
	d.OnSubmit = func() bool { submitted++; return true }
	return d, fee, f, &submitted
}

func TestFormDialogKeepsInputAndShowsProblemAtField(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	w.Resize(fyne.NewSize(1100, 700))
	d, fee, f, submitted := refundForm(t, w)
	d.Show()
	if w.Canvas().Focused() != fee {
		t.Fatalf("the first field is not focused: %v", w.Canvas().Focused())
	}
	if got, want := d.ConsequenceText(), "환불 금액: 48000원"; got != want {
		t.Errorf("consequence before typing %q, want %q", got, want)
	}
	test.Type(fee, "3천")
	before := fee.Position()
	d.Submit()
	if !d.Visible() || *submitted != 0 {
		t.Fatal("a refused value closed the dialog")
	}
	if fee.Text != "3천" {
		t.Errorf("typed input lost: %q", fee.Text)
	}
	if got := f.Message().Text(); got != "숫자로 입력하세요" {
		t.Errorf("problem at field %q", got)
	}
	if fee.Position() != before {
		t.Errorf("the field moved when its problem appeared: %v → %v", before, fee.Position())
	}
	fee.SetText("3000")
	if f.Message().Text() != "" {
		t.Errorf("problem stays after the fix: %q", f.Message().Text())
	}
	if got, want := d.ConsequenceText(), "환불 금액: 45000원"; got != want {
		t.Errorf("live consequence %q, want %q", got, want)
	}
	// Enter in the field submits
	fee.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if d.Visible() || *submitted != 1 {
		t.Errorf("Enter did not submit: visible %v, submitted %d", d.Visible(), *submitted)
	}
}

func TestFormDialogEscapeCancels(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	w.Resize(fyne.NewSize(1100, 700))
	d, fee, _, submitted := refundForm(t, w)
	cancelled := false
	d.OnCancel = func() { cancelled = true }
	d.Show()
	test.Type(fee, "1")
	fee.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.Visible() || !cancelled || *submitted != 0 {
		t.Errorf("Esc in the field: visible %v cancelled %v submitted %d", d.Visible(), cancelled, *submitted)
	}
	// with nothing focused, Esc reaches the canvas
	d2, _, _, _ := refundForm(t, w)
	d2.Show()
	w.Canvas().Unfocus()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d2.Visible() {
		t.Error("Esc with nothing focused did not cancel")
	}
	if w.Canvas().OnTypedKey() != nil {
		t.Error("the dialog left its key handler on the window")
	}
}

func TestFormDialogTabFollowsForm(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	w.Resize(fyne.NewSize(1100, 700))
	d := NewFormDialog(w, "수거 시작", "수거 시작", "취소")
	courier := NewEntry()
	number := NewEntry()
	memo := NewEntry()
	d.AddField("택배사", courier, nil)
	d.AddField("수거 송장번호", number, nil)
	d.AddField("메모", memo, nil)
	d.Show()
	var order []fyne.Focusable
	for i := 0; i < 3; i++ {
		order = append(order, w.Canvas().Focused())
		test.FocusNext(w.Canvas())
	}
	if order[0] != courier || order[1] != number || order[2] != memo {
		t.Errorf("tab order %v", order)
	}
}

func TestFormDialogFitsItsContent(t *testing.T) {
	test.NewTempApp(t)
	for _, size := range []fyne.Size{{Width: 1100, Height: 700}, {Width: 1093, Height: 570}} {
		w := test.NewTempWindow(t, widget.NewLabel("window"))
		w.Resize(size)
		d, fee, _, _ := refundForm(t, w)
		for i := 0; i < 12; i++ { // a long form: it scrolls inside, the dialog stays on the window
			d.AddField("항목 "+strconv.Itoa(i), NewEntry(), nil)
		}
		d.Show()
		_ = w.Canvas().Capture() // draws with the software painter (a nil colour would panic there)
		if fee.Size().Width < 200 {
			t.Errorf("%v: the field is %v px wide", size, fee.Size().Width)
		}
		if d.intro.Size().Width < 400 {
			t.Errorf("%v: the explanation wraps in %v px", size, d.intro.Size().Width)
		}
		pop := overlayContent(w.Canvas().Overlays().Top()).(*widget.PopUp)
		box := pop.Content
		pos := box.Position().Add(pop.Position())
		if pos.Y < 0 || pos.Y+box.Size().Height > size.Height || box.Size().Width > size.Width {
			t.Errorf("%v: dialog at %v size %v leaves the window", size, pos, box.Size())
		}
	}
}

func TestErrorLineKeepsItsHeight(t *testing.T) {
	test.NewTempApp(t)
	e := NewErrorLine()
	empty := e.MinSize().Height
	e.SetText("숫자로 입력하세요")
	if got := e.MinSize().Height; got != empty || empty == 0 {
		t.Errorf("error line %v high empty, %v with a message", empty, got)
	}
}

func TestFieldReservesItsMessageLine(t *testing.T) {
	test.NewTempApp(t)
	f := NewField("price", "판매가", "19,800", func(s string) string {
		if s == "0" {
			return "판매가는 0보다 커야 합니다"
		}
		return ""
	})
	if got, want := f.Entry.PlaceHolder, "예: 19,800"; got != want {
		t.Errorf("placeholder %q, want %q", got, want)
	}
	o := f.Object()
	before := o.MinSize().Height
	f.Entry.SetText("0")
	if !f.Message.Visible() {
		t.Fatal("no message")
	}
	if after := o.MinSize().Height; after != before {
		t.Errorf("the field grows from %v to %v when its problem shows", before, after)
	}
}

func TestAsExample(t *testing.T) {
	for in, want := range map[string]string{
		"19,800": "예: 19,800", "010-1234-5678": "예: 010-1234-5678", "shop@example.com": "예: shop@example.com",
		"예: 하루공방": "예: 하루공방", "반품 상품을 받을 주소": "반품 상품을 받을 주소", "": "",
		"국산 00, 중국 0200037": "예: 국산 00, 중국 0200037",
	} {
		if got := AsExample(in); got != want {
			t.Errorf("AsExample(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFieldHasOneVerdict: a refused value shows its message and no ✓ beside it (the entry carries no
// validator of its own).
func TestFieldHasOneVerdict(t *testing.T) {
	test.NewTempApp(t)
	f := NewField("business_no", "사업자등록번호", "123-45-67890", func(s string) string {
		if len(s) < 10 {
			return "사업자등록번호는 숫자 10자리입니다"
		}
		return ""
	})
	test.NewTempWindow(t, f.Object())
	test.Type(f.Entry, "12")
	if f.Entry.Validator != nil {
		t.Error("the entry judges its text itself (its ✓ contradicts the message)")
	}
	if f.Validate() || f.Message.Text != "사업자등록번호는 숫자 10자리입니다" {
		t.Errorf("message %q", f.Message.Text)
	}
}
