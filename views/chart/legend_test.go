package chart

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// legendTexts are the share bar's legend entries as drawn (the texts with a share).
func legendTexts(c *Chart) []*canvas.Text {
	var out []*canvas.Text
	for _, o := range test.LaidOutObjects(c) {
		if t, ok := o.(*canvas.Text); ok && strings.HasSuffix(t.Text, "%") {
			out = append(out, t)
		}
	}
	return out
}

// TestStackedLegendWraps: the 판매채널 share bar's legend, with long channel names in a narrow chart (the
// 매출 screen at 1093×570), puts no entry over the next one's colour and wraps onto lines the chart's
// height makes room for; in a wide chart it is one line.
func TestStackedLegendWraps(t *testing.T) {
	test.NewTempApp(t)
	labels := []string{"스마트스토어", "수동 주문 · 매장 판매", "수동 주문 · 카카오톡 문의", "수동 주문 · 기타 주문"}
	for _, tc := range []struct {
		width    float32
		minLines int
		maxLines int
	}{{370, 2, 2}, {260, 3, 3}, {1200, 1, 1}} {
		c := NewStacked(labels, []float64{95, 2, 2, 1})
		c.Resize(fyne.NewSize(tc.width, 40))
		h := c.MinSize().Height
		c.Resize(fyne.NewSize(tc.width, h))
		entries := legendTexts(c)
		if len(entries) != len(labels) {
			t.Fatalf("width %v: %d legend entries drawn: %v", tc.width, len(entries), texts(c))
		}
		lines := map[float32]bool{}
		for i, a := range entries {
			lines[a.Position().Y] = true
			left, right := a.Position().X-legendSwatch, a.Position().X+a.Size().Width
			if left < 0 || right > tc.width {
				t.Errorf("width %v: %q runs out of the chart (%v–%v)", tc.width, a.Text, left, right)
			}
			if bottom := a.Position().Y + a.Size().Height; bottom > h {
				t.Errorf("width %v: %q is cut: its bottom %v below the chart's height %v", tc.width, a.Text, bottom, h)
			}
			for _, b := range entries[i+1:] {
				if a.Position().Y != b.Position().Y {
					continue
				}
				bl, br := b.Position().X-legendSwatch, b.Position().X+b.Size().Width
				if left < br && bl < right {
					t.Errorf("width %v: %q overlaps %q", tc.width, a.Text, b.Text)
				}
			}
		}
		if n := len(lines); n < tc.minLines || n > tc.maxLines {
			t.Errorf("width %v: the legend takes %d lines, want %d to %d", tc.width, n, tc.minLines, tc.maxLines)
		}
	}
	// a wider chart needs less height than a narrow one
	narrow, wide := NewStacked(labels, []float64{95, 2, 2, 1}), NewStacked(labels, []float64{95, 2, 2, 1})
	narrow.Resize(fyne.NewSize(300, 100))
	wide.Resize(fyne.NewSize(1200, 100))
	if narrow.MinSize().Height <= wide.MinSize().Height {
		t.Errorf("the narrow legend's height %v is not above the wide one's %v", narrow.MinSize().Height, wide.MinSize().Height)
	}
}

// TestFlowLegendShortensAnEntryWiderThanTheLine: an entry wider than the whole line is shortened with "…"
// to fit on a line of its own.
func TestFlowLegendShortensAnEntryWiderThanTheLine(t *testing.T) {
	test.NewTempApp(t)
	items, lines := flowLegend([]string{"아주 긴 판매채널 이름 · 오프라인 매장 판매 99%", "기타 1%"}, 120, 12)
	if lines != 2 || len(items) != 2 {
		t.Fatalf("%d lines, %+v", lines, items)
	}
	if !strings.HasSuffix(items[0].text, "…") || legendSwatch+fyne.MeasureText(items[0].text, 12, fyne.TextStyle{}).Width > 120 {
		t.Errorf("the long entry reads %q", items[0].text)
	}
	if items[1].row != 1 || items[1].x != 0 {
		t.Errorf("the second entry at %+v, want the start of line 2", items[1])
	}
}
