package views

import (
	"context"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
	"sellerdesk/app/catalog"
	"sellerdesk/app/chartscale"
	"sellerdesk/app/format"
	"sellerdesk/app/orders"
	"sellerdesk/app/sales"
	"sellerdesk/views/chart"
)

// dashboardScreen is the seller's morning page: the work waiting today (new orders, orders to ship, orders
// past their 발송기한, returns, low stock), each opening its screen already filtered; how this month sells
// against last month up to the same day, the last 30 days and the week's best sellers; and, smaller, the
// data file and its backups.
type dashboardScreen struct {
	sh         *shell
	greeting   *widget.Label
	today      *widget.Label
	profileTip *fyne.Container

	newOrders, toShip, overdue, returns, lowWork *widget.Label
	monthNet, monthCmp, todaySales               *widget.Label
	days                                         *chart.Chart
	top                                          *chart.Chart
	overdueBefore                                time.Time
	// day is the seller's day (KST, as 매출 counts it) the figures shown were read on
	day time.Time

	dataFile   *widget.Label
	lastBackup *widget.Label
	backupInfo *widget.Label
	products   *widget.Label
	lowStock   *widget.Label
	soldOut    *widget.Label
}

func newDashboardScreen(sh *shell) *dashboardScreen {
	figure := func() *widget.Label {
		return &widget.Label{Text: "…", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText}
	}
	small := func() *widget.Label {
		return &widget.Label{SizeName: theme.SizeNameCaptionText, Wrapping: fyne.TextWrapWord}
	}
	return &dashboardScreen{
		sh:        sh,
		greeting:  &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText},
		today:     &widget.Label{Importance: widget.LowImportance},
		newOrders: figure(),
		toShip:    figure(),
		overdue:   figure(),
		returns:   figure(),
		lowWork:   figure(),
		monthNet:  figure(),
		// both wrap: "지난달 같은 날까지 7,658,600원, +77.1%" is wider than the card and ran into the chart beside it
		monthCmp:   &widget.Label{Wrapping: fyne.TextWrapWord},
		todaySales: &widget.Label{Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord},
		dataFile:   &widget.Label{Wrapping: fyne.TextWrapBreak, Selectable: true, SizeName: theme.SizeNameCaptionText},
		lastBackup: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}},
		backupInfo: small(),
		products:   &widget.Label{},
		lowStock:   &widget.Label{},
		soldOut:    &widget.Label{},
	}
}

// workCard is one figure of the day's work with the button that opens it.
func workCard(title, hint string, value *widget.Label, open func()) fyne.CanvasObject {
	return widget.NewCard("", "", container.NewVBox(
		&widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}},
		value,
		&widget.Label{Text: hint, SizeName: theme.SizeNameCaptionText, Importance: widget.LowImportance, Truncation: fyne.TextTruncateEllipsis},
		container.NewHBox(&widget.Button{Text: lang.L("보기"), Icon: theme.NavigateNextIcon(), Importance: widget.LowImportance, OnTapped: open}),
	))
}

func (s *dashboardScreen) build() fyne.CanvasObject {
	s.profileTip = container.NewHBox(
		widget.NewIcon(theme.InfoIcon()),
		widget.NewLabel(lang.L("매장 정보를 입력하면 발주서와 반품 라벨에 인쇄됩니다.")),
		&widget.Button{Text: lang.L("매장 정보 입력"), Importance: widget.HighImportance, OnTapped: s.onOpenSettings},
	)
	work := container.NewGridWithColumns(5,
		workCard(lang.L("오늘 신규주문"), lang.L("발주확인 대기"), s.newOrders, s.onNewOrders),
		workCard(lang.L("발송 대기"), lang.L("발주확인 후 발송 전"), s.toShip, s.onToShip),
		workCard(lang.L("발송 기한 지난 주문"), lang.L("결제 후 3영업일이 지난 결제완료"), s.overdue, s.onOverdue),
		workCard(lang.L("반품·교환 대기"), lang.L("완료되지 않은 요청"), s.returns, s.onReturns),
		workCard(lang.L("재고부족"), lang.L("안전재고 이하 옵션이 있는 상품"), s.lowWork, s.onLowStock),
	)
	s.days = chart.New(chart.Line)
	s.days.Money = true
	s.days.MinHeight = 170
	s.days.OnTapped = s.onDayTapped
	s.top = chart.New(chart.HBars)
	s.top.Money = true
	s.top.MinHeight = 150
	s.top.Empty = "이번 주에 팔린 상품이 없습니다"
	month := widget.NewCard("", "", container.NewVBox(
		&widget.Label{Text: lang.L("이번 달 순매출"), TextStyle: fyne.TextStyle{Bold: true}},
		s.monthNet, s.monthCmp, s.todaySales,
		container.NewHBox(&widget.Button{Text: lang.L("매출 보기"), Icon: theme.NavigateNextIcon(), Importance: widget.LowImportance,
			OnTapped: func() { s.sh.goTo(lang.L("매출")) }}),
	))
	trend := widget.NewCard("", "", container.NewBorder(&widget.Label{Text: lang.L("최근 30일 순매출"), TextStyle: fyne.TextStyle{Bold: true}},
		nil, nil, nil, s.days))
	top := widget.NewCard("", "", container.NewBorder(&widget.Label{Text: lang.L("이번 주 많이 팔린 상품"), TextStyle: fyne.TextStyle{Bold: true}},
		nil, nil, nil, s.top))
	salesRow := container.NewBorder(nil, nil, container.New(&minWidthLayout{width: 230}, month), nil,
		container.NewGridWithColumns(2, trend, top))

	dataCard := widget.NewCard("", "", container.NewVBox(
		&widget.Label{Text: lang.L("데이터 파일"), TextStyle: fyne.TextStyle{Bold: true}},
		s.dataFile,
		container.NewHBox(&widget.Button{Text: lang.L("데이터 폴더 열기"), Icon: theme.FolderOpenIcon(), Importance: widget.LowImportance, OnTapped: s.onOpenFolder}),
	))
	backupCard := widget.NewCard("", "", container.NewVBox(
		s.lastBackup,
		s.backupInfo,
		container.NewHBox(&widget.Button{Text: lang.L("지금 백업"), Icon: theme.DocumentSaveIcon(), Importance: widget.LowImportance, OnTapped: s.onBackupNow}),
	))
	catalogCard := widget.NewCard("", "", container.NewVBox(
		s.products, s.lowStock, s.soldOut,
		container.NewHBox(&widget.Button{Text: lang.L("재고부족 상품 보기"), Icon: theme.WarningIcon(), Importance: widget.LowImportance, OnTapped: s.onLowStock}),
	))
	s.refresh()
	return container.NewVScroll(container.NewVBox(
		container.NewVBox(s.greeting, s.today), s.profileTip,
		work,
		salesRow,
		container.NewGridWithColumns(3, catalogCard, backupCard, dataCard),
	))
}

// dashboardData is what the dashboard shows, read off the UI goroutine.
type dashboardData struct {
	profile          app.StoreProfile
	size             int64
	backups          []app.BackupFile
	total, low, out  int
	morning          app.Morning
	profileErr, bErr error
	morningErr       error
	// day is the seller's local day on the desk's clock, the day 매출 counts in (KST), not the machine's
	day time.Time
}

// refresh reads the figures in the background and shows them when they arrive; the old ones stay meanwhile.
func (s *dashboardScreen) refresh() {
	d := s.sh.desk
	background(s.sh, func(ctx context.Context) (dashboardData, error) {
		var v dashboardData
		v.profile, v.profileErr = d.Profile(ctx)
		if st, err := os.Stat(d.DataFile()); err == nil {
			v.size = st.Size()
		}
		v.backups, v.bErr = d.Backups()
		v.day = d.Sales().Today()
		v.morning, v.morningErr = d.Morning(ctx)
		svc := d.Catalog
		var err error
		if v.total, err = svc.CountProducts(ctx, catalog.ListFilter{}); err != nil {
			return v, err
		}
		v.low, _ = svc.CountProducts(ctx, catalog.ListFilter{LowStock: true})
		v.out, _ = svc.CountProducts(ctx, catalog.ListFilter{Status: catalog.StatusSoldOut})
		return v, nil
	}, s.show)
}

// show puts the figures read by refresh on screen, on the UI goroutine.
func (s *dashboardScreen) show(v dashboardData, catalogErr error) {
	d := s.sh.desk
	if v.profileErr != nil {
		s.sh.showError(v.profileErr)
	}
	if v.profile.Name == "" {
		s.greeting.SetText(lang.L("셀러데스크에 오신 것을 환영합니다"))
		s.profileTip.Show()
	} else {
		s.greeting.SetText(lang.L("{{.Name}} 관리자님, 안녕하세요", map[string]any{"Name": v.profile.Name}))
		s.profileTip.Hide()
	}
	s.day = v.day
	s.today.SetText(lang.L("오늘은 {{.Date}}입니다.", map[string]any{"Date": v.day.Format(time.DateOnly)}))
	s.dataFile.SetText(d.DataFile() + "  (" + format.Bytes(v.size) + ")")

	if v.bErr != nil {
		s.sh.showError(v.bErr)
	}
	backups := v.backups
	if len(backups) == 0 {
		s.lastBackup.SetText(lang.L("아직 백업이 없습니다"))
		s.lastBackup.Importance = widget.WarningImportance
	} else {
		s.lastBackup.SetText(lang.L("마지막 백업: {{.Time}}", map[string]any{"Time": format.DateTime(backups[0].Time)}))
		s.lastBackup.Importance = widget.MediumImportance
		if d.Now().Sub(backups[0].Time) > 48*time.Hour {
			s.lastBackup.Importance = widget.WarningImportance
		}
	}
	s.lastBackup.Refresh()
	if catalogErr != nil {
		s.sh.showError(catalogErr)
	} else {
		s.showCatalog(v.total, v.low, v.out)
	}
	s.backupInfo.SetText(lang.L("셀러데스크는 매일 처음 시작할 때 자동으로 백업하고 최근 {{.Keep}}개를 보관합니다. 보관 중인 백업: {{.Count}}개",
		map[string]any{"Keep": app.KeepAutoBackups, "Count": len(backups)}))
	if v.morningErr != nil {
		s.sh.showError(v.morningErr)
		return
	}
	s.showMorning(v.morning)
}

func count(l *widget.Label, n int, warnAbove int) {
	l.SetText(lang.L("{{.N}}건", map[string]any{"N": format.Number(int64(n))}))
	l.Importance = widget.MediumImportance
	if n > warnAbove {
		l.Importance = widget.WarningImportance
	}
	l.Refresh()
}

// showMorning shows the work of the day and the sales figures.
func (s *dashboardScreen) showMorning(m app.Morning) {
	count(s.newOrders, m.NewOrders, 1<<30)
	count(s.toShip, m.ToShip, 1<<30)
	count(s.overdue, m.Overdue, 0)
	if m.Overdue > 0 {
		s.overdue.Importance = widget.DangerImportance
		s.overdue.Refresh()
	}
	count(s.returns, m.ReturnsWaiting, 1<<30)
	s.lowWork.SetText(lang.L("{{.N}}개", map[string]any{"N": format.Number(int64(m.LowStock))}))
	s.lowWork.Importance = widget.MediumImportance
	if m.LowStock > 0 {
		s.lowWork.Importance = widget.WarningImportance
	}
	s.lowWork.Refresh()
	s.overdueBefore = m.OverdueBefore

	sd := m.Sales
	s.monthNet.SetText(chartscale.ExactWon(sd.MonthNet))
	c := sd.MonthChange()
	text := lang.L("지난달 같은 날까지 {{.Won}}, {{.Change}}", map[string]any{"Won": chartscale.ExactWon(sd.LastMonthNet), "Change": c.Text()})
	if c.NoBase && c.Now != 0 {
		text = lang.L(sales.NoBaseText)
	}
	s.monthCmp.SetText(text)
	s.monthCmp.Importance = compareImportance(c.Text())
	s.monthCmp.Refresh()
	s.todaySales.SetText(lang.L("오늘 결제금액 {{.Won}} · {{.N}}건", map[string]any{"Won": chartscale.ExactWon(sd.Today.Gross),
		"N": format.Number(sd.Today.Orders)}))
	var labels []string
	var vals []float64
	for _, r := range sd.Days.Rows {
		labels = append(labels, r.Label)
		vals = append(vals, float64(r.Net))
	}
	s.days.SetData(labels, chart.Series{Name: lang.L("순매출"), Values: vals})
	labels, vals = nil, nil
	for _, r := range sd.TopProducts {
		labels = append(labels, r.Label)
		vals = append(vals, float64(r.Gross))
	}
	s.top.SetData(labels, chart.Series{Values: vals})
}

func (s *dashboardScreen) onOpenSettings() { s.sh.goTo(lang.L("설정")) }

func (s *dashboardScreen) onOpenFolder() { s.sh.openFolder(s.sh.desk.DataDir) }

func (s *dashboardScreen) onBackupNow() { s.sh.backupNow(s.refresh) }

// showCatalog shows how many products are live, how many run low and how many are sold out.
func (s *dashboardScreen) showCatalog(total, low, out int) {
	s.products.SetText(lang.L("등록된 상품 {{.N}}개", map[string]any{"N": format.Number(int64(total))}))
	s.lowStock.SetText(lang.L("재고부족(안전재고 이하) {{.N}}개", map[string]any{"N": format.Number(int64(low))}))
	s.soldOut.SetText(lang.L("품절 {{.N}}개", map[string]any{"N": format.Number(int64(out))}))
	s.lowStock.Importance = widget.MediumImportance
	if low > 0 {
		s.lowStock.Importance = widget.WarningImportance
	}
	s.lowStock.Refresh()
}

// onLowStock opens 상품 filtered to the products at or below their safety stock.
func (s *dashboardScreen) onLowStock() {
	s.sh.goTo(lang.L("상품"))
	if p, ok := s.sh.screens[s.sh.current].(*productsScreen); ok {
		p.lowStock.SetChecked(true)
	}
}

// openOrders opens 주문 with its status filter on key (orders.FilterNew …) and, when to is set, the days
// up to it.
func (s *dashboardScreen) openOrders(key string, to time.Time) {
	s.sh.goTo(lang.L("주문"))
	o, ok := s.sh.screens[s.sh.current].(*ordersScreen)
	if !ok || o.status == nil {
		return
	}
	o.search.SetText("")
	found := false
	for i, k := range o.statusKeys {
		if k == key {
			o.status.SetSelectedIndex(i)
			found = true
		}
	}
	if !found && key == string(orders.StatusPaid) {
		// the list has no filter for every 결제완료 line yet: the unconfirmed ones are the usual late ones
		s.openOrders(orders.FilterNew, to)
		return
	}
	if to.IsZero() {
		o.period.SetSelectedIndex(0)
		return
	}
	for i, p := range orders.Periods {
		if p == orders.PeriodCustom {
			o.period.SetSelectedIndex(i)
		}
	}
	o.from.SetText("")
	o.to.SetText(to.Format(time.DateOnly))
}

func (s *dashboardScreen) onNewOrders() { s.openOrders(orders.FilterNew, time.Time{}) }

func (s *dashboardScreen) onToShip() { s.openOrders(orders.FilterConfirmed, time.Time{}) }

func (s *dashboardScreen) onOverdue() { s.openOrders(string(orders.StatusPaid), s.overdueBefore) }

func (s *dashboardScreen) onReturns() { s.sh.goTo(lang.L("반품·교환")) }

// onDayTapped opens the orders of a day of the 30-day chart.
func (s *dashboardScreen) onDayTapped(i int) {
	day := s.day.AddDate(0, 0, i-29) // the chart's last day is the day its figures were read on
	s.sh.openOrdersFiltered("", day, day)
}
