package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A form whose cursor is on a choice is submitted by Enter and cancelled by Esc, and the choice's change
// recomputes the consequence.
func TestFormDialogSelectKeys(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	w.Resize(fyne.NewSize(1093, 570))
	open := func() (*FormDialog, *Select, *int) {
		d := NewFormDialog(w, "카테고리 이동", "이동", "취소")
		pick := NewSelect([]string{"의류", "잡화"}, "카테고리를 고르세요", nil)
		d.AddField("옮길 카테고리", pick, func() string {
			if pick.Selected == "" {
				return "옮길 카테고리를 고르세요."
			}
			return ""
		})
		d.Consequence = func() string { return "상품 2개를 " + pick.Selected + "(으)로 옮깁니다." }
		n := 0
		d.OnSubmit = func() bool { n++; return true }
		d.Show()
		return d, pick, &n
	}
	d, pick, submitted := open()
	if w.Canvas().Focused() != pick {
		t.Fatalf("the choice is not focused: %T", w.Canvas().Focused())
	}
	pick.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !d.Visible() || *submitted != 0 || d.Fields()[0].Message().Text() != "옮길 카테고리를 고르세요." {
		t.Fatalf("Enter with nothing chosen: visible %v, submitted %d, problem %q", d.Visible(), *submitted, d.Fields()[0].Message().Text())
	}
	pick.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if pick.Selected != "의류" || d.ConsequenceText() != "상품 2개를 의류(으)로 옮깁니다." {
		t.Errorf("after choosing by keyboard: %q, consequence %q", pick.Selected, d.ConsequenceText())
	}
	if d.Fields()[0].Message().Text() != "" {
		t.Error("the problem stays after a choice")
	}
	pick.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if d.Visible() || *submitted != 1 {
		t.Errorf("Enter did not submit: visible %v, submitted %d", d.Visible(), *submitted)
	}
	d, pick, submitted = open()
	pick.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.Visible() || *submitted != 0 {
		t.Error("Esc did not cancel")
	}
}

// A problem set once the form is on the window is drawn: its text gets the line's width (before, the
// problem line's label was first measured after it was laid out, and its text kept a zero size — the
// problem above the buttons drew nothing).
func TestProblemAfterShowIsDrawn(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	w.Resize(fyne.NewSize(1093, 570))
	d := NewFormDialog(w, "요금표", "저장", "취소")
	d.AddField("무게", NewEntry(), nil)
	d.Show()
	d.SetProblem("숫자가 아닌 요금이 있습니다. 빨간 줄의 요금을 고치세요.")
	for _, o := range test.WidgetRenderer(d.problem).Objects() {
		if l, ok := o.(*widget.Label); ok {
			for _, txt := range test.WidgetRenderer(l).Objects() {
				if s, m := txt.Size(), txt.MinSize(); s.Width < m.Width || s.Height < m.Height {
					t.Errorf("the problem's text is laid out %v, needs %v", s, m)
				}
			}
		}
	}
}
