package widgets

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestToastShowsAndGoes(t *testing.T) {
	test.NewTempApp(t)
	var later []func()
	toaster := NewToaster(func(d time.Duration, f func()) {
		if d != ToastDuration {
			t.Errorf("toast stays %v", d)
		}
		later = append(later, f)
	})
	tapped := false
	btn := &widget.Button{Text: "저장", OnTapped: func() { tapped = true }}
	w := test.NewTempWindow(t, container.NewStack(container.NewCenter(btn), toaster))
	w.Resize(fyne.NewSize(600, 400))
	if toaster.Text() != "" {
		t.Fatal("a toast before any")
	}
	toaster.Toast("저장했습니다.")
	if toaster.Text() != "저장했습니다." || !toaster.label.Visible() {
		t.Fatalf("toast %q visible %v", toaster.Text(), toaster.label.Visible())
	}
	if toaster.label.Position().Y < 200 {
		t.Errorf("toast drawn at %v, not at the bottom", toaster.label.Position())
	}
	// the toast takes no clicks: the button under the layer still works
	test.TapCanvas(w.Canvas(), fyne.NewPos(300, 200))
	if !tapped {
		t.Error("the toast layer swallowed a click")
	}
	toaster.Toast("두 번째")
	later[0]() // the first toast's time ran out: the newer one stays
	if toaster.Text() != "두 번째" {
		t.Errorf("an old timer hid the newer toast: %q", toaster.Text())
	}
	later[1]()
	if toaster.Text() != "" || toaster.label.Visible() {
		t.Error("the toast did not go")
	}
}
