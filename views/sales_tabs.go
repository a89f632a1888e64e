package views

import (
	"bytes"
	"context"
	"sort"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/sales"
	"sellerdesk/views/chart"
)

// salesTab is one breakdown of 매출: its chart over a table that sorts by any column. A product, option,
// buyer or time row opens 주문 filtered to it; a category with sub-categories drills one level down.
type salesTab struct {
	s     *salesScreen
	by    sales.By
	root  *fyne.Container
	chart *chart.Chart
	table *widget.Table
	note  *widget.Label
	up    *widget.Button

	data      sales.Breakdown
	rows      []sales.Row // data.Rows in the table's order
	cols      []sales.Column
	sortCol   int
	sortDesc  bool
	category  int64 // the category drilled into; 0 at the top
	stale     bool  // the period changed since the tab was read
	loadedGen int
}

func newSalesTab(s *salesScreen, by sales.By) *salesTab {
	t := &salesTab{s: s, by: by, stale: true, sortCol: -1}
	kind := chart.HBars
	switch {
	case by.Time():
		kind = chart.Bars
	case by == sales.ByHour:
		kind = chart.Heat
	case by == sales.ByPayment || by == sales.ByChannel:
		kind = chart.Stacked
	}
	t.chart = chart.New(kind)
	t.chart.Money = by != sales.ByHour
	t.chart.MinHeight = 160
	t.chart.OnTapped = t.onChartTapped
	t.note = &widget.Label{Importance: widget.LowImportance, SizeName: theme.SizeNameCaptionText}
	t.up = &widget.Button{Text: lang.L("상위 카테고리로"), Icon: theme.NavigateBackIcon(), OnTapped: t.onUp}
	t.up.Hide()
	t.cols = sales.Breakdown{By: by}.Columns()
	t.table = &widget.Table{
		Length:        func() (int, int) { return len(t.rows) + 1, len(t.cols) },
		CreateCell:    func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		UpdateCell:    t.updateCell,
		ShowHeaderRow: true,
		CreateHeader: func() fyne.CanvasObject {
			// a flat button under the title: the whole header cell sorts when tapped
			return container.NewStack(&widget.Button{Importance: widget.LowImportance},
				&widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis})
		},
		UpdateHeader: t.updateHeader,
		OnSelected:   t.onSelected,
	}
	t.table.ExtendBaseWidget(t.table)
	t.table.SetColumnWidth(0, 300)
	for i := 1; i < len(t.cols); i++ {
		t.table.SetColumnWidth(i, 120)
	}
	export := &widget.Button{Text: lang.L("이 표를 엑셀로"), Icon: theme.DocumentSaveIcon(), OnTapped: t.onExport}
	bar := container.NewHBox(t.up, t.note, layoutSpacer(), export)
	// chart beside the table, so a 1100×700 window keeps rows to read under the summary
	split := container.NewHSplit(t.chart, t.table)
	split.Offset = 0.42
	t.root = container.NewBorder(bar, nil, nil, nil, split)
	return t
}

// rowsFor gives the rows a chart was drawn from (the trend chart uses its time tab's rows).
func (t *salesTab) rowsFor(*chart.Chart) []sales.Row { return t.data.Rows }

// loadTab reads the selected tab's breakdown when the period or the drill-down changed.
func (s *salesScreen) loadTab() {
	if s.tabs == nil || !s.period.Valid() {
		return
	}
	i := s.tabs.SelectedIndex()
	if i < 0 || i >= len(sales.Bys) {
		return
	}
	t := s.tabViews[sales.Bys[i]]
	if t.stale {
		t.load()
	}
}

func (t *salesTab) load() {
	t.stale = false
	t.loadedGen++
	gen, asked := t.loadedGen, t.s.asked
	p, by, cat := t.s.period, t.by, t.category
	t.note.SetText(lang.L("불러오는 중…"))
	background(t.s.sh, func(ctx context.Context) (sales.Breakdown, error) {
		return t.s.svc.Breakdown(ctx, p, by, sales.Options{Category: cat})
	}, func(b sales.Breakdown, err error) {
		if gen != t.loadedGen || asked != t.s.asked {
			return
		}
		if err != nil {
			t.note.SetText(lang.L("매출을 불러오지 못했습니다."))
			t.s.sh.showError(err)
			return
		}
		t.show(b)
	})
}

func (t *salesTab) show(b sales.Breakdown) {
	t.data = b
	t.rows = append([]sales.Row(nil), b.Rows...)
	t.sortRows()
	t.table.Refresh()
	t.table.ScrollToTop()
	note := lang.L("{{.N}}개 · 행을 누르면 주문 목록이 열립니다", map[string]any{"N": len(b.Rows)})
	switch t.by {
	case sales.ByCategory:
		note = lang.L("{{.N}}개 · 하위 카테고리가 있는 행을 누르면 한 단계 아래로 봅니다", map[string]any{"N": len(b.Rows)})
	case sales.ByBuyer:
		note = lang.L("결제금액 상위 {{.N}}명 · 이름은 가려서 보여줍니다", map[string]any{"N": len(b.Rows)})
	case sales.ByHour, sales.ByRegion, sales.ByPayment, sales.ByChannel:
		note = ""
	}
	t.note.SetText(note)
	if t.category != 0 {
		t.up.Show()
	} else {
		t.up.Hide()
	}
	t.drawChart()
}

// drawChart shows the breakdown: time as bars in order, a heat map of weekday × hour, shares as one
// stacked bar, the rest as a ranking of the top 15.
func (t *salesTab) drawChart() {
	b := t.data
	switch t.chart.Kind {
	case chart.Heat:
		cells := make([][]float64, 7)
		for d := range cells {
			cells[d] = make([]float64, 24)
			for h := 0; h < 24; h++ {
				cells[d][h] = float64(b.Heat[d][h])
			}
		}
		var hours []string
		for h := 0; h < 24; h++ {
			hours = append(hours, strconv.Itoa(h)+lang.L("시"))
		}
		var days []string
		for _, d := range sales.Weekdays {
			days = append(days, lang.L(d))
		}
		t.chart.SetHeat(days, hours, cells)
	case chart.HBars:
		var labels []string
		var vals []float64
		for i, r := range b.Rows {
			if i == 15 {
				break
			}
			labels = append(labels, r.Label)
			vals = append(vals, float64(r.Gross))
		}
		t.chart.SetData(labels, chart.Series{Values: vals})
	default:
		var labels []string
		var vals []float64
		for _, r := range b.Rows {
			labels = append(labels, r.Label)
			if t.by.Time() {
				vals = append(vals, float64(r.Net))
			} else {
				vals = append(vals, float64(r.Gross))
			}
		}
		name := lang.L("결제금액")
		if t.by.Time() {
			name = lang.L("순매출")
		}
		t.chart.SetData(labels, chart.Series{Name: name, Values: vals})
	}
}

func (t *salesTab) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	stack := o.(*fyne.Container)
	b, l := stack.Objects[0].(*widget.Button), stack.Objects[1].(*widget.Label)
	if id.Col < 0 || id.Col >= len(t.cols) {
		l.SetText("")
		return
	}
	text := lang.L(t.cols[id.Col].Title)
	if id.Col == t.sortCol {
		if t.sortDesc {
			text += " ▼"
		} else {
			text += " ▲"
		}
	}
	l.Alignment = fyne.TextAlignTrailing
	if id.Col == 0 {
		l.Alignment = fyne.TextAlignLeading
	}
	l.SetText(text)
	col := id.Col
	b.OnTapped = func() { t.onSort(col) }
}

// onSort sorts by a column: first tap biggest first (smallest for the name), a second tap reverses.
func (t *salesTab) onSort(col int) {
	if t.sortCol == col {
		t.sortDesc = !t.sortDesc
	} else {
		t.sortCol, t.sortDesc = col, col != 0
	}
	t.sortRows()
	t.table.Refresh()
}

func (t *salesTab) sortRows() {
	if t.sortCol < 0 || t.sortCol >= len(t.cols) {
		return
	}
	c := t.cols[t.sortCol]
	sort.SliceStable(t.rows, func(i, j int) bool {
		a, b := c.Value(t.rows[i]), c.Value(t.rows[j])
		less := false
		switch x := a.(type) {
		case int64:
			y, _ := b.(int64)
			less = x < y
		case float64:
			y, _ := b.(float64)
			less = x < y
		case string:
			y, _ := b.(string)
			less = x < y
		}
		if t.sortCol == 0 && t.by.Time() {
			less = t.rows[i].Start.Before(t.rows[j].Start)
		}
		if t.sortDesc {
			return !less && a != b
		}
		return less
	})
}

// updateCell writes a row; the last row is the total.
func (t *salesTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	var r sales.Row
	switch {
	case id.Row < len(t.rows):
		r = t.rows[id.Row]
		l.TextStyle.Bold = false
	case id.Row == len(t.rows) && t.data.Total.Label != "":
		r = t.data.Total
		r.Label = lang.L(r.Label)
		l.TextStyle.Bold = true
	default:
		l.SetText("")
		return
	}
	c := t.cols[id.Col]
	v := c.Value(r)
	text := sales.CellText(v, c.Money)
	if c.Money {
		if _, ok := v.(int64); ok {
			text += lang.L("원")
		} else {
			text = lang.L(text)
		}
	}
	if id.Col == 0 && r.HasChildren {
		text += " ›"
	}
	l.Alignment = fyne.TextAlignTrailing
	if id.Col == 0 {
		l.Alignment = fyne.TextAlignLeading
	}
	l.SetText(text)
}

func (t *salesTab) onSelected(id widget.TableCellID) {
	t.table.UnselectAll()
	if id.Row < 0 || id.Row >= len(t.rows) {
		return
	}
	t.open(t.rows[id.Row])
}

func (t *salesTab) onChartTapped(i int) {
	switch t.chart.Kind {
	case chart.Heat:
		return
	}
	if i >= 0 && i < len(t.data.Rows) {
		t.open(t.data.Rows[i])
	}
}

// open shows the orders of a row, or drills into a category.
func (t *salesTab) open(r sales.Row) {
	p := t.s.period
	switch t.by {
	case sales.ByCategory:
		if r.HasChildren {
			t.category = r.CategoryID
			t.load()
		}
	case sales.ByProduct, sales.ByOption:
		t.s.sh.openOrdersFiltered(r.ProductName(), p.From, p.To)
	case sales.ByBuyer:
		if name := sales.BuyerName(r.Key); name != "" {
			t.s.sh.openOrdersFiltered(name, p.From, p.To)
		}
	case sales.ByDay, sales.ByWeek, sales.ByMonth:
		end := r.Start
		switch t.by {
		case sales.ByWeek:
			end = r.Start.AddDate(0, 0, 6)
		case sales.ByMonth:
			end = r.Start.AddDate(0, 1, -1)
		}
		t.s.sh.openOrdersFiltered("", r.Start, end)
	}
}

// onUp goes back up one category level.
func (t *salesTab) onUp() {
	id := t.category
	background(t.s.sh, func(ctx context.Context) (int64, error) {
		_, parent, err := t.s.svc.CategoryName(ctx, id)
		return parent, err
	}, func(parent int64, err error) {
		if err != nil {
			t.s.sh.showError(err)
			return
		}
		t.category = parent
		t.load()
	})
}

// onExport saves this breakdown as a workbook with its chart.
func (t *salesTab) onExport() {
	b, sum := t.data, t.s.summary
	name := lang.L("매출") + "_" + lang.L(t.by.Label()) + "_" + t.s.period.From.Format("20060102") + "-" + t.s.period.To.Format("20060102") + ".xlsx"
	t.s.sh.saveXLSX(name, func(_ context.Context, buf *bytes.Buffer) error {
		return sales.WriteXLSX(buf, sales.Report{Period: t.s.period, Summary: sum, Breakdowns: []sales.Breakdown{b}})
	}, nil)
}
