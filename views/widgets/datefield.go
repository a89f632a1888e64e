package widgets

// DateField: a Korean date input with a calendar popup.
//
// Usage:
//
//	due := widgets.NewDateField(win)
//	due.Min, due.Max = today, today.AddDate(0, 3, 0) // optional bounds (zero: none)
//	due.Today = today                                 // the desk's day, marked in the calendar (optional)
//	due.SetDate(today.AddDate(0, 0, 7))
//	d.AddField(lang.L("입고 예정일"), due, due.Check)  // in a FormDialog: problem under the field
//	t, ok := due.Date()                               // the day at local midnight; ok false when empty/wrong
//
// The seller types 2026-12-03 (also 20261203, 2026.12.3 or 2026/12/3, shown back as 2026-12-03), or taps
// the calendar button: a popup headed "2026년 12월" with ‹ › for the months and 일 월 화 수 목 금 토 columns;
// days outside Min…Max are disabled. Fyne's DateEntry is not used: it follows the system locale's date
// format and its calendar header is fixed English.

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// DateLayout is how a DateField writes a day.
const DateLayout = "2006-01-02"

// DateField is a date entry (YYYY-MM-DD) with a calendar button.
type DateField struct {
	widget.BaseWidget
	// Min and Max bound the days that may be chosen (zero: no bound). Set before the seller uses the field.
	Min, Max time.Time
	// Today is marked in the calendar and is the month it opens on when the field is empty.
	Today time.Time
	// Optional allows an empty field (Check passes on "").
	Optional bool
	// OnChanged is called with the text whenever it changes (typed or picked).
	OnChanged func(string)

	win    fyne.Window
	entry  *Entry
	button *widget.Button
	popup  *widget.PopUp
	shown  time.Time // the month the calendar shows (first day)
	title  *widget.Label
	days   *fyne.Container
}

// NewDateField makes an empty date field whose calendar opens over win.
func NewDateField(win fyne.Window) *DateField {
	f := &DateField{win: win}
	f.entry = NewEntryWithPlaceholder(lang.L("예: 2026-12-03"))
	f.entry.OnChanged = func(s string) { call1(f.OnChanged, s) }
	f.button = &widget.Button{Icon: theme.CalendarIcon(), OnTapped: f.ShowCalendar}
	f.ExtendBaseWidget(f)
	return f
}

// Entry is the field's text input.
func (f *DateField) Entry() *Entry { return f.entry }

// Text is what the field holds as typed.
func (f *DateField) Text() string { return f.entry.Text }

// SetText replaces the field's text.
func (f *DateField) SetText(s string) { f.entry.SetText(s) }

// SetDate shows day t (zero clears the field).
func (f *DateField) SetDate(t time.Time) {
	if t.IsZero() {
		f.entry.SetText("")
		return
	}
	f.entry.SetText(t.Format(DateLayout))
}

// Date returns the day typed or picked, at local midnight; ok is false when the field is empty or holds
// no valid day.
func (f *DateField) Date() (time.Time, bool) {
	return ParseDate(f.entry.Text)
}

// ParseDate reads a day written 2026-12-03, 2026.12.3, 2026/12/3 or 20261203, at local midnight.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, ".")
	var parts []string
	if len(s) == 8 && strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		parts = []string{s[:4], s[4:6], s[6:]}
	} else {
		parts = strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '.' || r == '/' || r == ' ' })
	}
	if len(parts) != 3 || len(parts[0]) != 4 {
		return time.Time{}, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return time.Time{}, false
		}
		n[i] = v
	}
	t := time.Date(n[0], time.Month(n[1]), n[2], 0, 0, 0, 0, time.Local)
	if t.Year() != n[0] || int(t.Month()) != n[1] || t.Day() != n[2] {
		return time.Time{}, false // 2026-02-30
	}
	return t, true
}

// Check returns the problem with the field's text, "" when it is a day within Min…Max (or empty and
// Optional). A day in another accepted form is rewritten as YYYY-MM-DD.
func (f *DateField) Check() string {
	if strings.TrimSpace(f.entry.Text) == "" {
		if f.Optional {
			return ""
		}
		return lang.L("날짜를 입력하세요 (예: 2026-12-03)")
	}
	t, ok := f.Date()
	if !ok {
		return lang.L("날짜는 2026-12-03처럼 입력하세요")
	}
	if f.entry.Text != t.Format(DateLayout) {
		f.entry.SetText(t.Format(DateLayout))
	}
	if !f.Min.IsZero() && t.Before(day(f.Min)) {
		return lang.L("{{.Day}} 이후 날짜를 고르세요", map[string]any{"Day": day(f.Min).Format(DateLayout)})
	}
	if !f.Max.IsZero() && t.After(day(f.Max)) {
		return lang.L("{{.Day}} 이전 날짜를 고르세요", map[string]any{"Day": day(f.Max).Format(DateLayout)})
	}
	return ""
}

func day(t time.Time) time.Time {
	t = t.In(time.Local)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local)
}

// MonthTitle writes a month the Korean way: "2026년 12월".
func MonthTitle(t time.Time) string { return fmt.Sprintf("%d년 %d월", t.Year(), int(t.Month())) }

// Weekdays are the calendar's column heads, Sunday first as on Korean calendars.
var Weekdays = []string{"일", "월", "화", "수", "목", "금", "토"}

// ShowCalendar opens the calendar popup under the field, on the month of its day (or Today's).
func (f *DateField) ShowCalendar() {
	start := f.Today
	if t, ok := f.Date(); ok {
		start = t
	}
	if start.IsZero() && !f.Min.IsZero() {
		start = f.Min
	}
	if start.IsZero() {
		start = time.Date(2026, 1, 1, 0, 0, 0, 0, time.Local) // no clock here: the desk passes Today
	}
	f.shown = time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.Local)
	prev := &widget.Button{Icon: theme.NavigateBackIcon(), Importance: widget.LowImportance, OnTapped: func() { f.moveMonth(-1) }}
	next := &widget.Button{Icon: theme.NavigateNextIcon(), Importance: widget.LowImportance, OnTapped: func() { f.moveMonth(1) }}
	f.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignCenter}
	f.days = container.NewGridWithColumns(7)
	head := container.NewBorder(nil, nil, prev, next, f.title)
	f.popup = widget.NewPopUp(container.NewVBox(head, f.days), f.win.Canvas())
	f.fillMonth()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(f)
	f.popup.ShowAtPosition(pos.Add(fyne.NewPos(0, f.Size().Height)))
}

// CalendarPopUp is the open calendar (nil when none was opened), for tests.
func (f *DateField) CalendarPopUp() *widget.PopUp { return f.popup }

// CalendarTitle is the open calendar's month title.
func (f *DateField) CalendarTitle() string {
	if f.title == nil {
		return ""
	}
	return f.title.Text
}

// DayButton returns the calendar's button for day d of the month shown (nil if none).
func (f *DateField) DayButton(d int) *widget.Button {
	if f.days == nil {
		return nil
	}
	want := strconv.Itoa(d)
	for _, o := range f.days.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == want {
			return b
		}
	}
	return nil
}

func (f *DateField) moveMonth(n int) {
	f.shown = f.shown.AddDate(0, n, 0)
	f.fillMonth()
}

func (f *DateField) fillMonth() {
	f.title.SetText(MonthTitle(f.shown))
	var cells []fyne.CanvasObject
	for i, w := range Weekdays {
		l := &widget.Label{Text: w, Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: true}}
		if i == 0 {
			l.Importance = widget.DangerImportance
		}
		cells = append(cells, l)
	}
	for i := 0; i < int(f.shown.Weekday()); i++ {
		cells = append(cells, layout.NewSpacer())
	}
	picked, hasPick := f.Date()
	for t := f.shown; t.Month() == f.shown.Month(); t = t.AddDate(0, 0, 1) {
		t := t
		b := &widget.Button{Text: strconv.Itoa(t.Day()), Importance: widget.LowImportance, OnTapped: func() { f.pick(t) }}
		switch {
		case hasPick && t.Equal(picked):
			b.Importance = widget.HighImportance
		case !f.Today.IsZero() && t.Equal(day(f.Today)):
			b.Importance = widget.MediumImportance
		}
		if (!f.Min.IsZero() && t.Before(day(f.Min))) || (!f.Max.IsZero() && t.After(day(f.Max))) {
			b.Disable()
		}
		cells = append(cells, b)
	}
	f.days.Objects = cells
	f.days.Refresh()
	if f.popup != nil {
		f.popup.Resize(f.popup.Content.MinSize().Add(fyne.NewSize(theme.Padding()*2, theme.Padding()*2)))
	}
}

func (f *DateField) pick(t time.Time) {
	f.entry.SetText(t.Format(DateLayout))
	if f.popup != nil {
		f.popup.Hide()
	}
	f.win.Canvas().Focus(f.entry)
}

// CreateRenderer lays the entry out with the calendar button on its right.
func (f *DateField) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, f.button, f.entry))
}

// MinSize keeps room for a whole date.
func (f *DateField) MinSize() fyne.Size {
	f.ExtendBaseWidget(f)
	m := f.BaseWidget.MinSize()
	w := fyne.MeasureText("2026-12-03", theme.TextSize(), fyne.TextStyle{}).Width + theme.InnerPadding()*4 + f.button.MinSize().Width
	if m.Width < w {
		m.Width = w
	}
	return m
}
