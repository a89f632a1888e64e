package widgets

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestDateFieldCalendarIsKorean(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	w.Resize(fyne.NewSize(1100, 700))
	f := NewDateField(w)
	f.Today = time.Date(2026, 12, 3, 10, 0, 0, 0, time.Local)
	f.Min = time.Date(2026, 12, 2, 0, 0, 0, 0, time.Local)
	f.Max = time.Date(2027, 1, 15, 0, 0, 0, 0, time.Local)
	w.SetContent(f)
	f.ShowCalendar()
	if got, want := f.CalendarTitle(), "2026년 12월"; got != want {
		t.Errorf("calendar title %q, want %q", got, want)
	}
	var heads []string
	for _, o := range f.days.Objects[:7] {
		heads = append(heads, o.(*widget.Label).Text)
	}
	if got := heads; got[0] != "일" || got[6] != "토" {
		t.Errorf("weekday heads %v", got)
	}
	// 2026-12-01 is a Tuesday: two blanks, then 1
	if _, ok := f.days.Objects[7+2].(*widget.Button); !ok {
		t.Errorf("1 December not under 화")
	}
	if !f.DayButton(1).Disabled() || f.DayButton(2).Disabled() {
		t.Error("days before Min are not the disabled ones")
	}
	test.Tap(f.DayButton(24))
	if got, want := f.Text(), "2026-12-24"; got != want {
		t.Errorf("picked %q, want %q", got, want)
	}
	if f.CalendarPopUp().Visible() {
		t.Error("the calendar stays open after a pick")
	}
	f.ShowCalendar()
	f.moveMonth(1)
	if got, want := f.CalendarTitle(), "2027년 1월"; got != want {
		t.Errorf("next month %q, want %q", got, want)
	}
	if !f.DayButton(16).Disabled() || f.DayButton(15).Disabled() {
		t.Error("days after Max are not the disabled ones")
	}
}

func TestDateFieldKeyboard(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	f := NewDateField(w)
	f.Min = time.Date(2026, 12, 1, 0, 0, 0, 0, time.Local)
	w.SetContent(f)
	for _, c := range []struct{ typed, text, problem string }{
		{"2026-12-03", "2026-12-03", ""},
		{"20261224", "2026-12-24", ""},
		{"2026.12.5", "2026-12-05", ""},
		{"2026-02-30", "2026-02-30", "날짜는 2026-12-03처럼 입력하세요"},
		{"12/3", "12/3", "날짜는 2026-12-03처럼 입력하세요"},
		{"2026-11-30", "2026-11-30", "2026-12-01 이후 날짜를 고르세요"},
		{"", "", "날짜를 입력하세요 (예: 2026-12-03)"},
	} {
		f.SetText("")
		test.Type(f.Entry(), c.typed)
		if got := f.Check(); got != c.problem {
			t.Errorf("%q: problem %q, want %q", c.typed, got, c.problem)
		}
		if f.Text() != c.text {
			t.Errorf("%q: shown as %q, want %q", c.typed, f.Text(), c.text)
		}
	}
	f.Optional = true
	f.SetText("")
	if got := f.Check(); got != "" {
		t.Errorf("optional empty: %q", got)
	}
	if f.MinSize().Width < fyne.MeasureText("2026-12-03", 14, fyne.TextStyle{}).Width {
		t.Error("the field is too narrow for a date")
	}
}

func TestDateFieldInFormDialog(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	w.Resize(fyne.NewSize(1100, 700))
	d := NewFormDialog(w, "입고 예정일", "저장", "취소")
	f := NewDateField(w)
	field := d.AddField("입고 예정일", f, f.Check)
	d.Consequence = func() string {
		if t, ok := f.Date(); ok {
			return t.Format("1월 2일") + " 입고 예정"
		}
		return ""
	}
	d.Show()
	test.Type(f.Entry(), "2026-13-01")
	d.Submit()
	if !d.Visible() || field.Message().Text() == "" {
		t.Fatal("a wrong date closed the dialog or showed no problem")
	}
	f.SetText("2026-12-03")
	if got, want := d.ConsequenceText(), "12월 3일 입고 예정"; got != want {
		t.Errorf("consequence %q, want %q", got, want)
	}
	f.Entry().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if d.Visible() {
		t.Error("Enter in the date did not submit")
	}
}
