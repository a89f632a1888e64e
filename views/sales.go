package views

import (
	"bytes"
	"context"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/chartscale"
	"sellerdesk/app/orders"
	"sellerdesk/app/sales"
	"sellerdesk/views/chart"
)

func init() {
	registerArea(area{place: placeSales, title: "매출", iconName: theme.IconNameGrid,
		open: func(sh *shell) screen { return newSalesScreen(sh) }})
}

// salesScreen is 매출: a period's figures against the period before and the year before, the trend, and a
// tab for each breakdown with its chart and a sortable table. Everything is read in the background; a
// period asked for after another drops the older answer.
type salesScreen struct {
	sh  *shell
	svc *sales.Service

	preset   *widget.Select
	from, to *widget.Entry
	custom   *fyne.Container
	compare  *widget.Select
	rangeLbl *widget.Label
	cards    *fyne.Container
	// the summary's cards
	cardNet, cardOrders, cardAvg, cardBuyers, cardProfit *salesCard
	trend                                                *chart.Chart
	tabs                                                 *container.AppTabs
	tabViews                                             map[sales.By]*salesTab

	period  sales.Period
	summary sales.Summary
	buyers  *sales.Buyers // nil while the distinct buyers are being counted
	asked   int           // generation of the newest period asked for
}

func newSalesScreen(sh *shell) *salesScreen {
	return &salesScreen{sh: sh, svc: sh.desk.Sales(), tabViews: map[sales.By]*salesTab{}}
}

func (s *salesScreen) build() fyne.CanvasObject {
	var labels []string
	for _, p := range sales.Presets {
		labels = append(labels, lang.L(p.Label()))
	}
	s.from = &widget.Entry{PlaceHolder: "2026-11-01"}
	s.from.ExtendBaseWidget(s.from)
	s.to = &widget.Entry{PlaceHolder: "2026-11-30"}
	s.to.ExtendBaseWidget(s.to)
	s.custom = container.NewHBox(sized(s.from, 110), widget.NewLabel("~"), sized(s.to, 110),
		&widget.Button{Text: lang.L("조회"), OnTapped: s.onCustom})
	s.custom.Hide()
	s.preset = widget.NewSelect(labels, func(string) { s.onPreset() })
	s.compare = widget.NewSelect([]string{lang.L("이전 기간과 비교"), lang.L("작년 같은 기간과 비교")}, func(string) { s.showSummary() })
	s.compare.SetSelectedIndex(0)
	s.rangeLbl = &widget.Label{Importance: widget.LowImportance}
	bar := container.NewHBox(s.preset, s.custom, s.compare, s.rangeLbl, layoutSpacer(),
		&widget.Button{Text: lang.L("엑셀 내보내기"), Icon: theme.DocumentSaveIcon(), OnTapped: s.onExportXLSX},
		&widget.Button{Text: lang.L("PDF 보고서"), Icon: theme.DocumentPrintIcon(), OnTapped: s.onExportPDF})
	s.cardNet, s.cardOrders, s.cardAvg = newSalesCard(lang.L("순매출")), newSalesCard(lang.L("주문 수")), newSalesCard(lang.L("객단가"))
	s.cardBuyers, s.cardProfit = newSalesCard(lang.L("구매자 수")), newSalesCard(lang.L("매출총이익"))
	s.cards = container.NewGridWithColumns(5, s.cardNet.box, s.cardOrders.box, s.cardAvg.box, s.cardBuyers.box, s.cardProfit.box)
	rule := &widget.Label{Text: lang.L(sales.RuleLine), SizeName: theme.SizeNameCaptionText, Importance: widget.LowImportance,
		Wrapping: fyne.TextWrapWord}
	s.trend = chart.New(chart.Line)
	s.trend.Money = true
	s.trend.MinHeight = 140
	s.trend.OnTapped = s.onTrendTapped
	var items []*container.TabItem
	for _, by := range sales.Bys {
		t := newSalesTab(s, by)
		s.tabViews[by] = t
		items = append(items, container.NewTabItem(lang.L(by.Label()), t.root))
	}
	s.tabs = container.NewAppTabs(items...)
	s.tabs.OnSelected = func(*container.TabItem) { s.loadTab() }
	top := container.NewVBox(bar, s.cards, rule, s.trend)
	s.preset.SetSelectedIndex(3) // 이번 달
	// the tabs take what the window leaves under the summary, at least room for a few rows: a window too
	// low for both scrolls instead of squeezing the table away
	return container.NewVScroll(container.New(&fillLast{min: 330}, top, s.tabs))
}

// fillLast stacks its objects and gives the last one the height left, at least min.
type fillLast struct{ min float32 }

func (l *fillLast) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objs {
		ms := o.MinSize()
		w = max(w, ms.Width)
		if i == len(objs)-1 {
			h += max(ms.Height, l.min)
		} else {
			h += ms.Height + theme.Padding()
		}
	}
	return fyne.NewSize(w, h)
}

func (l *fillLast) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var y float32
	for i, o := range objs {
		h := o.MinSize().Height
		if i == len(objs)-1 {
			h = max(size.Height-y, l.min)
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + theme.Padding()
	}
}

// refresh reads the period again when the seller comes back (an import may have changed it).
func (s *salesScreen) refresh() {
	if s.period.Valid() {
		s.load(s.period)
	}
}

func (s *salesScreen) selectedPreset() sales.Preset {
	if i := s.preset.SelectedIndex(); i >= 0 {
		return sales.Presets[i]
	}
	return sales.ThisMonth
}

func (s *salesScreen) onPreset() {
	p := s.selectedPreset()
	if p == sales.Custom {
		s.custom.Show()
		if s.from.Text == "" {
			cur := s.period
			if !cur.Valid() {
				cur = s.svc.PresetPeriod(sales.ThisMonth)
			}
			s.from.SetText(cur.From.Format(time.DateOnly))
			s.to.SetText(cur.To.Format(time.DateOnly))
		}
		s.onCustom()
		return
	}
	s.custom.Hide()
	s.load(s.svc.PresetPeriod(p))
}

// onCustom reads the days typed; a wrong day or an end before the start is said beside them.
func (s *salesScreen) onCustom() {
	loc := s.svc.Location()
	from, err1 := sales.ParseDay(s.from.Text, loc)
	to, err2 := sales.ParseDay(s.to.Text, loc)
	if err1 != nil || err2 != nil {
		s.rangeLbl.Importance = widget.DangerImportance
		s.rangeLbl.SetText(lang.L("날짜를 2026-11-01 처럼 입력하세요"))
		return
	}
	p, err := sales.CustomPeriod(from, to)
	if err != nil {
		s.rangeLbl.Importance = widget.DangerImportance
		s.rangeLbl.SetText(lang.L("끝 날짜가 시작 날짜보다 앞입니다."))
		return
	}
	s.load(p)
}

// salesView is what one period's load brings: its summary and the trends of it and of the period compared.
type salesView struct {
	summary        sales.Summary
	trend, earlier sales.Breakdown
	trendBy        sales.By
}

func trendBy(p sales.Period) sales.By {
	switch days := p.Days(); {
	case days > 92:
		return sales.ByMonth
	case days > 35:
		return sales.ByWeek
	}
	return sales.ByDay
}

// load reads a period's figures in the background; the distinct buyers come after, on their own.
func (s *salesScreen) load(p sales.Period) {
	s.asked++
	gen := s.asked
	s.period = p
	s.buyers = nil
	s.rangeLbl.Importance = widget.LowImportance
	s.rangeLbl.SetText(p.String() + " · " + lang.L("불러오는 중…"))
	earlier := p.Prev()
	if s.compare.SelectedIndex() == 1 {
		earlier = p.YearAgo()
	}
	by := trendBy(p)
	background(s.sh, func(ctx context.Context) (salesView, error) {
		v := salesView{trendBy: by}
		var err error
		if v.summary, err = s.svc.Summary(ctx, p); err != nil {
			return v, err
		}
		if v.trend, err = s.svc.Breakdown(ctx, p, by, sales.Options{}); err != nil {
			return v, err
		}
		v.earlier, err = s.svc.Breakdown(ctx, earlier, by, sales.Options{})
		return v, err
	}, func(v salesView, err error) {
		if gen != s.asked {
			return
		}
		if err != nil {
			s.rangeLbl.Importance = widget.DangerImportance
			s.rangeLbl.SetText(lang.L("매출을 불러오지 못했습니다."))
			s.sh.showError(err)
			return
		}
		s.summary = v.summary
		s.rangeLbl.SetText(p.String())
		s.showSummary()
		s.showTrend(v)
		for _, t := range s.tabViews {
			t.stale = true
		}
		s.loadTab()
	})
	background(s.sh, func(ctx context.Context) (sales.Buyers, error) {
		return s.svc.BuyerCounts(ctx, p)
	}, func(b sales.Buyers, err error) {
		if gen != s.asked {
			return
		}
		if err != nil {
			s.sh.showError(err)
			return
		}
		s.buyers = &b
		s.showSummary()
	})
}

func (s *salesScreen) showTrend(v salesView) {
	var labels []string
	now := make([]float64, len(v.trend.Rows))
	for i, r := range v.trend.Rows {
		labels = append(labels, r.Label)
		now[i] = float64(r.Net)
	}
	before := make([]float64, len(v.earlier.Rows))
	for i, r := range v.earlier.Rows {
		before[i] = float64(r.Net)
	}
	name := lang.L("이전 기간")
	if s.compare.SelectedIndex() == 1 {
		name = lang.L("작년 같은 기간")
	}
	s.trend.SetData(labels, chart.Series{Name: lang.L("순매출"), Values: now}, chart.Series{Name: name, Values: before})
}

func (s *salesScreen) onTrendTapped(i int) {
	t := s.tabViews[trendBy(s.period)]
	if t == nil || i >= len(t.rowsFor(s.trend)) {
		return
	}
	start := t.rowsFor(s.trend)[i].Start
	end := start
	switch trendBy(s.period) {
	case sales.ByWeek:
		end = start.AddDate(0, 0, 6)
	case sales.ByMonth:
		end = start.AddDate(0, 1, -1)
	}
	s.sh.openOrdersFiltered("", start, end)
}

// salesCard is one summary figure: its name, the amount, how it compares, and a note. The labels stay; a
// new period sets their texts.
type salesCard struct {
	title, value, compare, note *widget.Label
	box                         fyne.CanvasObject
}

func newSalesCard(title string) *salesCard {
	c := &salesCard{
		title:   &widget.Label{Text: title, Importance: widget.LowImportance, SizeName: theme.SizeNameCaptionText},
		value:   &widget.Label{Text: "…", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText, Truncation: fyne.TextTruncateEllipsis},
		compare: &widget.Label{SizeName: theme.SizeNameCaptionText, Truncation: fyne.TextTruncateEllipsis},
		note:    &widget.Label{SizeName: theme.SizeNameCaptionText, Importance: widget.LowImportance, Truncation: fyne.TextTruncateEllipsis},
	}
	c.box = widget.NewCard("", "", container.NewVBox(c.title, c.value, c.compare, c.note))
	return c
}

func (c *salesCard) set(value, compare, note string) {
	c.value.SetText(value)
	c.compare.Importance = compareImportance(compare)
	c.compare.SetText(compare)
	c.note.SetText(note)
}

func compareImportance(s string) widget.Importance {
	switch {
	case len(s) > 0 && containsRune(s, '+'):
		return widget.SuccessImportance
	case len(s) > 0 && containsRune(s, '-'):
		return widget.DangerImportance
	}
	return widget.LowImportance
}

func containsRune(s string, r rune) bool {
	for _, x := range s {
		if x == r {
			return true
		}
	}
	return false
}

// showSummary fills the cards from the summary, against the period chosen in the compare box.
func (s *salesScreen) showSummary() {
	if s.cards == nil || !s.summary.Period.Valid() {
		return
	}
	sum := s.summary
	then, label := sum.Prev, lang.L("이전 기간 대비")
	if s.compare.SelectedIndex() == 1 {
		then, label = sum.Year, lang.L("작년 대비")
	}
	cmp := func(now, before int64) string {
		c := sales.Compare(now, before)
		if c.NoBase && c.Now != 0 {
			return lang.L(sales.NoBaseText)
		}
		return label + " " + c.Text()
	}
	won := func(v int64) string { return chartscale.ExactWon(v) }
	f := sum.Now
	buyers := lang.L("불러오는 중…")
	buyerNote := ""
	if s.buyers != nil {
		buyers = lang.L("{{.N}}명", map[string]any{"N": chartscale.Group(s.buyers.Buyers)})
		buyerNote = lang.L("신규 {{.New}}명 · 재구매 {{.Ret}}명", map[string]any{"New": chartscale.Group(s.buyers.New), "Ret": chartscale.Group(s.buyers.Returning)})
	}
	profit := won(f.Profit)
	profitNote := lang.L("원가 없는 결제금액 {{.Share}}", map[string]any{"Share": sales.PercentText(f.UncostedShare(), false)})
	if m, ok := f.Margin(); ok {
		profitNote = lang.L("이익률 {{.M}} · ", map[string]any{"M": sales.PercentText(m, false)}) + profitNote
	} else {
		profit = lang.L("원가 없음")
	}
	s.cardNet.set(won(f.Net), cmp(f.Net, then.Net), lang.L("결제금액 {{.G}} − 환불 {{.R}}", map[string]any{"G": won(f.Gross), "R": won(f.Refunds)}))
	s.cardOrders.set(lang.L("{{.N}}건", map[string]any{"N": chartscale.Group(f.Orders)}), cmp(f.Orders, then.Orders),
		lang.L("판매 수량 {{.Q}}개 · 배송비 {{.S}}", map[string]any{"Q": chartscale.Group(f.Qty), "S": won(f.Shipping)}))
	s.cardAvg.set(won(f.AvgOrder), cmp(f.AvgOrder, then.AvgOrder), "")
	s.cardBuyers.set(buyers, "", buyerNote)
	s.cardProfit.set(profit, "", profitNote)
}

// layoutSpacer pushes the export buttons to the right of the bar.
func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

// report reads the period's report with the breakdowns given, for the exports.
func (s *salesScreen) report(ctx context.Context, bys []sales.By) (sales.Report, error) {
	r, err := s.svc.Report(ctx, s.period, bys)
	if err != nil {
		return r, err
	}
	if prof, err := s.sh.desk.Profile(ctx); err == nil {
		r.Store = prof.Name
	}
	return r, nil
}

func (s *salesScreen) fileName(ext string) string {
	return lang.L("매출보고서") + "_" + s.period.From.Format("20060102") + "-" + s.period.To.Format("20060102") + ext
}

// onExportXLSX saves the period's report as a workbook: the summary and every breakdown with its chart.
func (s *salesScreen) onExportXLSX() {
	if !s.period.Valid() {
		return
	}
	s.sh.saveXLSX(s.fileName(".xlsx"), func(ctx context.Context, buf *bytes.Buffer) error {
		r, err := s.report(ctx, sales.ReportBys(s.period))
		if err != nil {
			return err
		}
		return sales.WriteXLSX(buf, r)
	}, nil)
}

// onExportPDF saves the period's 매출 보고서 as a PDF, compared as the screen compares.
func (s *salesScreen) onExportPDF() {
	if !s.period.Valid() {
		return
	}
	cmp := sales.ComparePrev
	if s.compare.SelectedIndex() == 1 {
		cmp = sales.CompareYear
	}
	s.sh.savePDF(lang.L("매출 보고서"), lang.L("매출 보고서를 만드는 중입니다…"), s.fileName(".pdf"), func(ctx context.Context, w io.Writer) error {
		r, err := s.report(ctx, sales.PDFBys(s.period))
		if err != nil {
			return err
		}
		return sales.WritePDF(w, r, cmp)
	})
}

// openOrdersFiltered opens 주문 showing the lines a sales row is made of: a search word (a product's or a
// buyer's name) over the days from–to. It sets the order screen's own filters, as the seller would.
func (sh *shell) openOrdersFiltered(search string, from, to time.Time) {
	sh.goTo(lang.L("주문"))
	o, ok := sh.screens[sh.current].(*ordersScreen)
	if !ok || o.search == nil {
		return
	}
	o.search.SetText(search)
	for i, p := range orders.Periods {
		if p == orders.PeriodCustom {
			o.period.SetSelectedIndex(i)
		}
	}
	o.from.SetText(from.Format(time.DateOnly))
	o.to.SetText(to.Format(time.DateOnly))
}
