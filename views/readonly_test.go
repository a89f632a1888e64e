package views

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
	"sellerdesk/app/clock"
)

// readOnlyBannerLabels collects the text of every visible label under o.
func readOnlyBannerLabels(o fyne.CanvasObject) []string {
	if !o.Visible() {
		return nil
	}
	switch x := o.(type) {
	case *widget.Label:
		return []string{x.Text}
	case *fyne.Container:
		var out []string
		for _, c := range x.Objects {
			out = append(out, readOnlyBannerLabels(c)...)
		}
		return out
	}
	return nil
}

// TestReadOnlyBanner: a desk open read-only shows the banner saying so and why; a writable one shows
// nothing in its place.
func TestReadOnlyBanner(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "data", app.DBFileName)
	info := app.AppInfo{Name: "셀러데스크", ID: "kr.sellerdesk.test", Version: "0.1.0", Build: 1}
	at := clock.At(time.Date(2031, 6, 15, 10, 0, 0, 0, time.Local))
	d, err := app.Open(ctx, path, info, app.WithClock(at.Now))
	if err != nil {
		t.Fatal(err)
	}
	writable := readOnlyBanner(d)
	w := test.NewTempWindow(t, container.NewVBox(writable, widget.NewLabel("화면")))
	if writable.Visible() || len(readOnlyBannerLabels(w.Content())) != 1 {
		t.Errorf("a writable desk shows a banner: %v", readOnlyBannerLabels(w.Content()))
	}
	d.Close()

	d, err = app.Open(ctx, path, info, app.WithClock(at.Now), app.ReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	banner := readOnlyBanner(d)
	test.NewTempWindow(t, banner)
	got := strings.Join(readOnlyBannerLabels(banner), " ")
	if !banner.Visible() || !strings.Contains(got, "읽기 전용으로 열었습니다") || !strings.Contains(got, "저장은 되지 않습니다") {
		t.Errorf("read-only banner says %q", got)
	}
}
