package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The 주문 filters' choices show their default whole ("전체 결제수단", not "전체 결제···"): Fyne sizes a choice
// by its placeholder, which cut them in the real window.
func TestOrderFilterChoicesShowTheirText(t *testing.T) {
	sh, w := openShell(t)
	w.Resize(fyne.NewSize(1093, 570))
	tapText(t, w.Canvas(), "주문")
	sh.waitJobs()
	s, ok := sh.screens[sh.current].(*ordersScreen)
	if !ok {
		t.Fatalf("주문 opened %T", sh.screens[sh.current])
	}
	for _, text := range []string{"전체 결제수단", "전체 판매채널"} {
		sel := s.payment
		if text == "전체 판매채널" {
			sel = s.channel
		}
		need := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + theme.IconInlineSize() + 4*theme.InnerPadding()
		if sel.Size().Width < need {
			t.Errorf("%s: the choice is %.0f px wide, its text and icon need %.0f", text, sel.Size().Width, need)
		}
	}
}
