package views

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
	"sellerdesk/app/clock"
)

var testInfo = app.AppInfo{Name: "셀러데스크", ID: "kr.sellerdesk.test", Version: "0.1.0", Build: 1}

// testDay is the day the view tests' desk stands on: the day the order fixtures (2026-11-20 … 22) were
// written around, so periods such as 7일 hold them whatever day the suite runs.
var testDay = time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)

// openShell opens the real main window on a fresh store in a temporary folder, its clock pinned on testDay.
// Its background loads are held until the test calls waitJobs (see jobs); it returns with them settled.
func openShell(t *testing.T) (*shell, fyne.Window) {
	t.Helper()
	return openShellAt(t, clock.At(testDay))
}

// openShellAt is openShell with the desk's clock (store, services and screens alike) on c, for a test that
// moves through days.
func openShellAt(t *testing.T, c *clock.Pinned) (*shell, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	if err := LoadTranslations(app.Korean); err != nil {
		t.Fatal(err)
	}
	d, err := app.Open(context.Background(), filepath.Join(t.TempDir(), app.DBFileName), testInfo, app.WithClock(c.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	w := test.NewTempWindow(t, nil)
	sh := newShell(a, w, d, newJobs(true))
	w.Resize(MinWindowSize)
	sh.waitJobs() // the dashboard's figures
	return sh, w
}

// openArea opens the main window and taps the navigation entry title, returning the screen it shows.
func openArea[S screen](t *testing.T, title string) (*shell, S) {
	t.Helper()
	sh, w := openShell(t)
	tapText(t, w.Canvas(), title)
	sh.waitJobs() // the screen's lists and choices
	s, ok := sh.screens[sh.current].(S)
	if !ok {
		t.Fatalf("%s opened %T", title, sh.screens[sh.current])
	}
	return sh, s
}

// everything lists every object drawn on the canvas, overlays (dialogs) included, as the seller would see
// them. It walks the widgets' live renderers (test.LaidOutObjects builds fresh ones, which for a table
// hold no rows).
func everything(c fyne.Canvas) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		out = append(out, o)
		switch x := o.(type) {
		case *fyne.Container:
			for _, child := range x.Objects {
				walk(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(x).Objects() {
				walk(child)
			}
		}
	}
	walk(c.Content())
	for _, o := range c.Overlays().List() {
		walk(o)
	}
	return out
}

// visible reports whether o and all its parents in the tree are shown.
func visibleTexts(c fyne.Canvas) []string {
	var out []string
	for _, o := range everything(c) {
		switch w := o.(type) {
		case *widget.Label:
			if w.Visible() {
				out = append(out, w.Text)
			}
		}
	}
	return out
}

// button finds a visible button by its text, failing the test when there is none.
func button(t *testing.T, c fyne.Canvas, text string) *widget.Button {
	t.Helper()
	for _, o := range everything(c) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("no button %q on screen", text)
	return nil
}

// label finds a label showing exactly text.
func hasLabel(c fyne.Canvas, text string) bool {
	for _, s := range visibleTexts(c) {
		if s == text {
			return true
		}
	}
	return false
}

// tapText taps where a label with text is drawn, as a mouse click would (e.g. a navigation row).
func tapText(t *testing.T, c fyne.Canvas, text string) {
	t.Helper()
	roots := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	for _, root := range roots {
		if l, pos, ok := findLabel(root, fyne.NewPos(0, 0), text); ok {
			test.TapCanvas(c, pos.Add(fyne.NewPos(4, l.Size().Height/2)))
			return
		}
	}
	t.Fatalf("no label %q to tap", text)
}

// findLabel walks the drawn tree from o (at absolute position at) to a visible label showing text.
func findLabel(o fyne.CanvasObject, at fyne.Position, text string) (*widget.Label, fyne.Position, bool) {
	if !o.Visible() {
		return nil, at, false
	}
	pos := at.Add(o.Position())
	if l, ok := o.(*widget.Label); ok && l.Text == text {
		return l, pos, true
	}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		children = x.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(x).Objects()
	}
	for _, child := range children {
		if l, p, ok := findLabel(child, pos, text); ok {
			return l, p, true
		}
	}
	return nil, at, false
}

// typeShortcut sends a keyboard shortcut to the window's canvas, as pressing the keys would. The test
// canvas keeps its shortcut handler on the software canvas it wraps.
func typeShortcut(t *testing.T, c fyne.Canvas, s fyne.Shortcut) {
	t.Helper()
	inner := reflect.ValueOf(c).Elem().FieldByName("WindowlessCanvas").Interface()
	h, ok := inner.(interface{ TypedShortcut(fyne.Shortcut) })
	if !ok {
		t.Fatal("the test canvas takes no shortcuts")
	}
	h.TypedShortcut(s)
}
