package views

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/format"
	"sellerdesk/app/orders"
	"sellerdesk/views/widgets"
)

// ordersScreen is 주문: one search box over every kind of order lookup, filters, the virtualized list of
// order lines, batch status actions, the import of Smart Store exports and the detail of an order.
type ordersScreen struct {
	sh       *shell
	svc      *orders.Service
	pager    *widgets.ListSource[orders.Query, orders.Line]
	selected map[int64]bool
	empty    *listEmpty

	search *widget.Entry
	status *widget.Select
	period *widget.Select
	// the custom period's days, typed or picked in the Korean calendar; from and to are their text inputs
	fromDay, toDay *widgets.DateField
	from, to       *widgets.Entry
	payment        *widget.Select
	channel        *widget.Select
	scope          *widget.Select
	unmatched      *widget.Check
	table          *widget.Table
	count          *widget.Label
	batch          *fyne.Container
	batchInfo      *widget.Label

	statusKeys []string // parallel to status options
	root       *fyne.Container
	list       fyne.CanvasObject
	detail     *orderDetail
	detailGen  int              // bumped by each open and close: a detail read for an older one is not shown
	manual     *manualOrderForm // the manual order form last opened, for tests
}

func newOrdersScreen(sh *shell) *ordersScreen {
	s := &ordersScreen{sh: sh, svc: sh.desk.Orders, selected: map[int64]bool{}}
	s.pager = trackList(sh, &widgets.ListSource[orders.Query, orders.Line]{
		Count: s.svc.Count,
		Page: func(ctx context.Context, q orders.Query, offset, limit, total int) ([]orders.Line, error) {
			q.Offset, q.Limit = offset, limit
			return s.svc.FindPage(ctx, q, total)
		},
		// The table holds at most the newest CountCap lines: deep pages would be slow to reach and no seller
		// scrolls that far; they narrow the search.
		Cap:      orders.CountCap,
		OnChange: s.onList,
	})
	return s
}

type orderColumn struct {
	title string
	width float32
}

const (
	ocSelect = iota
	ocOrdered
	ocStatus
	ocProductOrderNo
	ocBuyer
	ocRecipient
	ocPhone
	ocProduct
	ocQty
	ocAmount
	ocPayment
	ocTracking
)

func orderColumns() []orderColumn {
	return []orderColumn{
		{"", 36}, {lang.L("주문일시"), 148}, {lang.L("상태"), 80}, {lang.L("상품주문번호"), 172}, {lang.L("구매자"), 80},
		{lang.L("수취인"), 80}, {lang.L("연락처"), 136}, {lang.L("상품명 / 옵션"), 260}, {lang.L("수량"), 50},
		{lang.L("금액"), 100}, {lang.L("결제수단"), 110}, {lang.L("송장번호"), 170},
	}
}

func (s *ordersScreen) build() fyne.CanvasObject {
	s.search = &widget.Entry{PlaceHolder: lang.L("주문번호, 이름, 전화 뒤 4자리, 송장번호, 상품명 (Ctrl+F)")}
	s.search.ExtendBaseWidget(s.search)
	s.search.OnChanged = func(string) { s.pager.LoadTyping(s.query()) }

	// every state, 결제완료 split by 발주확인, then the claims the seller has to answer (취소요청 …)
	statusOptions := make([]string, len(orders.StatusFilters))
	s.statusKeys = make([]string, len(orders.StatusFilters))
	for i, f := range orders.StatusFilters {
		statusOptions[i], s.statusKeys[i] = lang.L(f.Label), f.Key
	}
	s.status = newSelect(statusOptions, func(string) { s.reload() })
	s.status.SetSelectedIndex(0)

	periods := make([]string, len(orders.Periods))
	for i, p := range orders.Periods {
		periods[i] = lang.L(p.Label())
	}
	// the custom period's days: typed (2026-11-01, 20261101 …) or picked in the Korean calendar
	today := s.sh.desk.Now()
	s.fromDay, s.toDay = widgets.NewDateField(s.sh.win), widgets.NewDateField(s.sh.win)
	for _, d := range []*widgets.DateField{s.fromDay, s.toDay} {
		d.Today, d.Optional = today, true
		d.OnChanged = func(string) { s.reloadTyping() }
	}
	s.from, s.to = s.fromDay.Entry(), s.toDay.Entry()
	custom := container.NewHBox(widget.NewLabel(lang.L("시작")), sized(s.fromDay, 170), widget.NewLabel("~"), sized(s.toDay, 170))
	custom.Hide()
	s.period = newSelect(periods, func(string) {
		if s.selectedPeriod() == orders.PeriodCustom {
			custom.Show()
		} else {
			custom.Hide()
		}
		s.reload()
	})
	s.period.SetSelectedIndex(0)

	s.payment = newSelect(nil, func(string) { s.reload() })
	s.channel = newSelect(nil, func(string) { s.reload() })
	s.scope = newSelect([]string{lang.L("국내·해외"), lang.L("국내"), lang.L("해외")}, func(string) { s.reload() })
	s.scope.SetSelectedIndex(0)
	s.unmatched = widget.NewCheck(lang.L("상품 미연결만"), func(bool) { s.reload() })

	cols := orderColumns()
	s.table = &widget.Table{
		Length:        func() (int, int) { return s.pager.Len(), len(cols) },
		CreateCell:    newOrderCell,
		UpdateCell:    s.updateCell,
		ShowHeaderRow: true,
		CreateHeader:  func() fyne.CanvasObject { return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}} },
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(cols[id.Col].title)
		},
	}
	s.table.ExtendBaseWidget(s.table)
	s.table.OnSelected = s.onCell
	for i, c := range cols {
		s.table.SetColumnWidth(i, c.width)
	}

	s.count = &widget.Label{}
	importBtn := &widget.Button{Text: lang.L("주문 가져오기"), Icon: theme.UploadIcon(), Importance: widget.HighImportance, OnTapped: s.onImport}
	dispatchBtn := &widget.Button{Text: lang.L("일괄발송 파일"), Icon: theme.DocumentSaveIcon(), OnTapped: s.onDispatchFile}
	manualBtn := &widget.Button{Text: lang.L("수동 주문"), Icon: theme.ContentAddIcon(), OnTapped: s.onManualOrder}
	trackingBtn := &widget.Button{Text: lang.L("송장 파일 맞추기"), Icon: theme.UploadIcon(), OnTapped: s.onTrackingFile}

	s.batchInfo = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	action := func(a orders.Action, icon fyne.Resource) *widget.Button {
		return &widget.Button{Text: lang.L(a.Label()), Icon: icon, OnTapped: func() { s.onAction(a, s.selectedIDs()) }}
	}
	s.batch = container.NewHBox(s.batchInfo,
		action(orders.ActionConfirm, theme.ConfirmIcon()),
		action(orders.ActionInvoice, theme.DocumentCreateIcon()),
		action(orders.ActionShip, theme.MailSendIcon()),
		action(orders.ActionDeliver, theme.HomeIcon()),
		action(orders.ActionDecide, theme.ContentAddIcon()),
		action(orders.ActionCancel, theme.CancelIcon()),
		&widget.Button{Text: lang.L("발주서 만들기"), Icon: theme.DocumentIcon(), OnTapped: s.onPurchaseOrder},
		&widget.Button{Text: lang.L("선택 해제"), OnTapped: s.clearSelection})
	s.batch.Hide()

	filters := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(s.status, s.period, custom), s.search),
		// a choice is as wide as its longest default ("전체 결제수단"): Fyne sizes it by its placeholder and cut it
		container.NewHBox(sized(s.payment, choiceWidth(lang.L("전체 결제수단"))), sized(s.channel, choiceWidth(lang.L("전체 판매채널"))),
			s.scope, s.unmatched))
	top := container.NewVBox(container.NewBorder(nil, nil, s.count, container.NewHBox(manualBtn, trackingBtn, dispatchBtn, importBtn)), filters, reserved(s.batch))
	first := widgets.NewEmptyState(theme.StorageIcon(), lang.L("아직 주문이 없습니다"),
		lang.L("스마트스토어에서 내려받은 주문 파일을 가져오세요. 전화나 현장에서 받은 주문은 수동 주문으로 넣습니다."),
		&widget.Button{Text: lang.L("주문 가져오기"), Icon: theme.UploadIcon(), Importance: widget.HighImportance, OnTapped: s.onImport},
		&widget.Button{Text: lang.L("수동 주문"), Icon: theme.ContentAddIcon(), OnTapped: s.onManualOrder})
	s.empty = newListEmpty(s.table, first, lang.L("조건에 맞는 주문이 없습니다"), func() { s.clearFilters("") })
	s.list = container.NewBorder(top, nil, nil, nil, s.empty.box)
	s.root = container.NewStack(s.list)
	s.refresh()
	return s.root
}

// sized gives an entry a fixed width inside an HBox.
func sized(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
}

func (s *ordersScreen) selectedPeriod() orders.Period {
	if i := s.period.SelectedIndex(); i >= 0 {
		return orders.Periods[i]
	}
	return orders.PeriodAll
}

// refresh reloads the rows and the filter choices, e.g. when the seller comes back to 주문; both load in
// the background.
func (s *ordersScreen) refresh() {
	s.reload()
	background(s.sh, func(ctx context.Context) (orderChoices, error) {
		pays, chans, err := s.svc.FilterValues(ctx)
		return orderChoices{pays, chans}, err
	}, s.setChoices)
}

// orderChoices are the payment methods and sales channels the book holds, for the filters.
type orderChoices struct{ pays, chans []string }

// setChoices fills the payment and channel filters, keeping the seller's choice; the list reloads only
// when a choice no longer exists.
func (s *ordersScreen) setChoices(c orderChoices, err error) {
	if err != nil {
		s.sh.showError(err)
		return
	}
	changed := false
	setChoices := func(sel *widget.Select, all string, values []string) {
		cur := sel.Selected
		on := sel.OnChanged
		sel.OnChanged = nil
		sel.SetOptions(append([]string{all}, values...))
		sel.SetSelected(cur)
		if sel.SelectedIndex() < 0 {
			sel.SetSelectedIndex(0)
			changed = changed || cur != ""
		}
		sel.OnChanged = on
	}
	setChoices(s.payment, lang.L("전체 결제수단"), c.pays)
	setChoices(s.channel, lang.L("전체 판매채널"), c.chans)
	if changed {
		s.reload()
	}
}

func (s *ordersScreen) query() orders.Query {
	q := orders.Query{Search: searchText(s.search.Text), Period: s.selectedPeriod(), Unmatched: s.unmatched.Checked}
	if i := s.status.SelectedIndex(); i > 0 {
		q.Status = s.statusKeys[i]
	}
	if q.Period == orders.PeriodCustom {
		q.From, _ = s.fromDay.Date()
		q.To, _ = s.toDay.Date()
	}
	if i := s.payment.SelectedIndex(); i > 0 {
		q.PaymentMethod = s.payment.Selected
	}
	if i := s.channel.SelectedIndex(); i > 0 {
		q.Channel = s.channel.Selected
	}
	q.Scope = orders.Scope(max(0, s.scope.SelectedIndex()))
	return q
}

// filtered tells whether a search or filter narrows the list.
func (s *ordersScreen) filtered() bool {
	q := s.query()
	return q.Search != "" || q.Status != "" || q.Period != orders.PeriodAll || q.PaymentMethod != "" ||
		q.Channel != "" || q.Scope != 0 || q.Unmatched
}

// reload asks for the lines of the current search and filters; they arrive in onList.
func (s *ordersScreen) reload() {
	if s.table == nil || s.payment == nil || s.to == nil {
		return
	}
	s.pager.Load(s.query())
}

// reloadTyping is reload for the typed boxes: it waits for the seller to pause.
func (s *ordersScreen) reloadTyping() {
	if s.table == nil || s.payment == nil || s.to == nil {
		return
	}
	s.pager.LoadTyping(s.query())
}

// onList shows what the list source reports, on the UI goroutine.
func (s *ordersScreen) onList(ev widgets.ListEvent) {
	if !s.sh.showListState(s.count, ev, s.pager.Err()) {
		if n := s.pager.Total(); n == orders.CountCap+1 {
			s.count.SetText(lang.L("주문 {{.N}}건 이상 (최근 주문부터 표시)", map[string]any{"N": format.Number(orders.CountCap)}))
		} else {
			s.count.SetText(lang.L("주문 {{.N}}건", map[string]any{"N": format.Number(int64(n))}))
		}
	}
	s.empty.update(ev, s.pager.Total(), s.filtered())
	if ev == widgets.ListLoading {
		return // the rows shown stay until the answer replaces them
	}
	s.table.Refresh()
	if ev == widgets.ListLoaded {
		s.table.ScrollToTop()
		s.updateBatch()
	}
}

func newOrderCell() fyne.CanvasObject {
	check := widget.NewCheck("", nil)
	label := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	return container.NewStack(label, container.NewCenter(check))
}

func (s *ordersScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	parts := o.(*fyne.Container).Objects
	label := parts[0].(*widget.Label)
	check := parts[1].(*fyne.Container).Objects[0].(*widget.Check)
	label.Hide()
	parts[1].Hide()
	r, ok := s.pager.Row(id.Row) // only rows already loaded: a missing page arrives with ListPageLoaded
	if !ok {
		return
	}
	if id.Col == ocSelect {
		parts[1].Show()
		check.OnChanged = nil
		check.SetChecked(s.selected[r.ID])
		rowID := r.ID
		check.OnChanged = func(on bool) { s.onCheck(rowID, on) }
		return
	}
	label.Show()
	label.Importance = widget.MediumImportance
	label.Alignment = fyne.TextAlignLeading
	switch id.Col {
	case ocOrdered:
		label.SetText(format.DateTime(r.OrderedAt))
	case ocStatus:
		switch {
		case r.Status.Cancelled() || r.Status == orders.StatusReturned:
			label.Importance = widget.DangerImportance
		case r.Claim.Open():
			label.Importance = widget.WarningImportance // the buyer asked for something: the seller answers first
		case r.StatusLabel == "신규주문":
			label.Importance = widget.HighImportance
		}
		label.SetText(lang.L(r.StatusLabel))
	case ocProductOrderNo:
		label.SetText(r.ProductOrderNo)
	case ocBuyer:
		label.SetText(r.BuyerName)
	case ocRecipient:
		label.SetText(r.RecipientName)
	case ocPhone:
		label.SetText(r.RecipientPhoneMasked)
	case ocProduct:
		text := r.ProductName
		if r.OptionInfo != "" {
			text += " / " + r.OptionInfo
		}
		if !r.Matched {
			label.Importance = widget.WarningImportance
		}
		label.SetText(text)
	case ocQty:
		label.Alignment = fyne.TextAlignTrailing
		label.SetText(format.Number(r.Qty))
	case ocAmount:
		label.Alignment = fyne.TextAlignTrailing
		label.SetText(format.Won(r.Amount))
	case ocPayment:
		label.SetText(r.PaymentMethod)
	case ocTracking:
		if r.TrackingNo != "" {
			label.SetText(r.Courier + " " + r.TrackingNo)
		} else {
			label.SetText("")
		}
	}
}

func (s *ordersScreen) onCell(id widget.TableCellID) {
	s.table.Unselect(id)
	r, ok := s.pager.Row(id.Row)
	if !ok {
		return
	}
	if id.Col == ocSelect {
		s.onCheck(r.ID, !s.selected[r.ID])
		s.table.RefreshItem(id)
		return
	}
	s.openDetail(r.OrderID)
}

// focusSearch is Ctrl/Cmd+F.
func (s *ordersScreen) focusSearch() {
	if s.detail == nil {
		s.sh.win.Canvas().Focus(s.search)
	}
}

// openDetail shows an order's detail in place of the list once it is read off the UI goroutine.
func (s *ordersScreen) openDetail(orderID int64) {
	s.detailGen++
	gen := s.detailGen
	background(s.sh, func(ctx context.Context) (*orderDetail, error) { return loadOrderDetail(ctx, s, orderID) },
		func(v *orderDetail, err error) {
			if gen != s.detailGen {
				return // the seller went back to the list or opened another order meanwhile
			}
			if err != nil {
				s.sh.showError(err)
				return
			}
			s.detail = v
			s.root.Objects = []fyne.CanvasObject{v.build()}
			s.root.Refresh()
		})
}

func (s *ordersScreen) closeDetail() {
	s.detailGen++
	s.detail = nil
	s.root.Objects = []fyne.CanvasObject{s.list}
	s.root.Refresh()
}

// trackingDigits writes a tracking number the way the desk keeps it, without the hyphens and spaces couriers
// print in it (6012-3456-7890 → 601234567890), so a search finds it however the seller types it.
func trackingDigits(s string) string {
	return strings.NewReplacer("-", "", " ", "").Replace(strings.TrimSpace(s))
}

// searchText is the search as the list asks it: a number typed with hyphens (a tracking number as printed)
// is asked without them, as tracking numbers are kept.
func searchText(s string) string {
	t := strings.TrimSpace(s)
	if !strings.Contains(t, "-") {
		return s
	}
	digits := 0
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == ' ':
		default:
			return s // a name or an address with a hyphen: asked as typed
		}
	}
	if digits < 10 {
		return s // a phone tail or a date, not a tracking number
	}
	return trackingDigits(t)
}

// clearFilters puts every filter back to show everything, so an order just made is not hidden by a
// filter the seller set earlier; search is what the search box then holds.
func (s *ordersScreen) clearFilters(search string) {
	s.period.SetSelectedIndex(0) // through its handler: the custom days hide
	for _, sel := range []*widget.Select{s.status, s.payment, s.channel, s.scope} {
		on := sel.OnChanged
		sel.OnChanged = nil
		if len(sel.Options) > 0 {
			sel.SetSelectedIndex(0)
		}
		sel.OnChanged = on
	}
	on := s.unmatched.OnChanged
	s.unmatched.OnChanged = nil
	s.unmatched.SetChecked(false)
	s.unmatched.OnChanged = on
	s.search.SetText(search) // asks the list again
	s.reload()
}

// choiceWidth is the width a choice needs to show text whole beside its drop-down icon.
func choiceWidth(text string) float32 {
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + theme.IconInlineSize() + 6*theme.InnerPadding()
}
