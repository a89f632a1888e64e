package views

import (
	"bytes"
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/format"
	"sellerdesk/app/returns"
	"sellerdesk/app/sheet"
	"sellerdesk/views/chart"
)

// showReturnAnalysis shows 반품 분석 for a period: rates by product, option and category, the reasons as a
// bar chart, what returns cost and the monthly trend, with an xlsx export.
func (sh *shell) showReturnAnalysis() {
	periods := []struct {
		label  string
		months int
	}{{lang.L("최근 1개월"), 1}, {lang.L("최근 3개월"), 3}, {lang.L("최근 12개월"), 12}}
	var labels []string
	for _, p := range periods {
		labels = append(labels, p.label)
	}
	body := container.NewStack()
	var current returns.Analysis
	asked := 0 // the newest period asked: an analysis of a period since replaced is not shown
	load := func(i int) {
		asked++
		gen := asked
		loading := &widget.Label{Text: lang.L("불러오는 중…"), Importance: widget.LowImportance}
		body.Objects = []fyne.CanvasObject{container.NewCenter(loading)}
		body.Refresh()
		to := sh.desk.Returns.Now()
		y, m, d := to.Date()
		end := time.Date(y, m, d, 0, 0, 0, 0, to.Location()).AddDate(0, 0, 1)
		background(sh, func(ctx context.Context) (returns.Analysis, error) {
			return sh.desk.Returns.Analyze(ctx, end.AddDate(0, -periods[i].months, 0), end)
		}, func(a returns.Analysis, err error) {
			if gen != asked {
				return
			}
			if err != nil {
				loading.SetText(lang.L("목록을 불러오지 못했습니다"))
				sh.showError(err)
				return
			}
			current = a
			body.Objects = []fyne.CanvasObject{analysisView(a)}
			body.Refresh()
		})
	}
	period := widget.NewSelect(labels, nil)
	period.OnChanged = func(string) { load(period.SelectedIndex()) }
	export := &widget.Button{Text: lang.L("엑셀 내보내기"), Icon: theme.DocumentSaveIcon(), OnTapped: func() {
		a := current
		sh.saveXLSX(lang.L("반품분석.xlsx"), func(_ context.Context, buf *bytes.Buffer) error {
			return sheet.WriteTables(buf, a.Tables())
		}, nil)
	}}
	period.SetSelectedIndex(1)
	d := dialog.NewCustom(lang.L("반품 분석"), lang.L("닫기"), container.NewBorder(container.NewHBox(period, export), nil, nil, nil, body), sh.win)
	d.Resize(fyne.NewSize(1000, 680))
	d.Show()
}

func analysisView(a returns.Analysis) fyne.CanvasObject {
	statTable := func(rows []returns.Stat) fyne.CanvasObject {
		return newTextTable([]string{lang.L("항목"), lang.L("판매"), lang.L("반품"), lang.L("반품률"), lang.L("환불액")},
			[]float32{300, 70, 70, 80, 110}, func() int { return len(rows) }, func(r, c int) string {
				x := rows[r]
				return []string{x.Label, format.Number(x.Sold), format.Number(x.Returned), returns.Rate(x), format.Won(x.Refunds)}[c]
			})
	}
	// reasons as a ranking (the chart widget shared with 매출): the count at the end of each bar, exact on hover
	var labels []string
	var counts []float64
	for _, r := range a.Reasons {
		labels = append(labels, lang.L(r.Label))
		counts = append(counts, float64(r.Count))
	}
	bars := chart.NewHBars(labels, counts)
	bars.Empty = "이 기간에 반품·교환이 없습니다."
	bars.MinHeight = 160
	c := a.Costs
	costs := widget.NewForm(
		widget.NewFormItem(lang.L("요청"), widget.NewLabel(lang.L("{{.N}}건", map[string]any{"N": format.Number(c.Requests)}))),
		widget.NewFormItem(lang.L("환불액"), widget.NewLabel(format.Won(c.Refunds))),
		widget.NewFormItem(lang.L("판매자 배송비"), widget.NewLabel(format.Won(c.SellerShipping))),
		widget.NewFormItem(lang.L("폐기한 재고 (원가)"), widget.NewLabel(format.Won(c.Disposed))),
		widget.NewFormItem(lang.L("합계"), &widget.Label{Text: format.Won(c.Refunds + c.SellerShipping + c.Disposed), TextStyle: fyne.TextStyle{Bold: true}}),
	)
	monthly := newTextTable([]string{lang.L("월"), lang.L("요청"), lang.L("환불액")}, []float32{90, 70, 110},
		func() int { return len(a.Monthly) }, func(r, col int) string {
			m := a.Monthly[r]
			return []string{m.Month, format.Number(m.Requests), format.Won(m.Refunds)}[col]
		})
	summary := container.NewGridWithColumns(3,
		widget.NewCard(lang.L("사유"), "", bars), widget.NewCard(lang.L("반품 비용"), "", costs),
		widget.NewCard(lang.L("월별"), "", container.NewGridWrap(fyne.NewSize(290, 200), monthly)))
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("상품별"), statTable(a.ByProduct)),
		container.NewTabItem(lang.L("옵션별"), statTable(a.ByOption)),
		container.NewTabItem(lang.L("카테고리별"), statTable(a.ByCategory)))
	return container.NewBorder(summary, nil, nil, nil, tabs)
}
