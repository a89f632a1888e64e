package views

import (
	"context"
	"io"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/format"
	"sellerdesk/app/orders"
	"sellerdesk/app/returns"
	"sellerdesk/views/widgets"
)

// returnsScreen is 반품·교환: the requests with filters and days open, a scan box that opens an RT number,
// batch 승인 and 입고, each request's detail with its timeline, and the policy and analysis.
type returnsScreen struct {
	sh       *shell
	svc      *returns.Service
	src      *widgets.ListSource[returnsQuery, returns.Row]
	selected map[string]bool
	empty    *listEmpty

	scan      *widget.Entry
	state     *widget.Select
	reason    *widget.Select
	kind      *widget.Select
	age       *widget.Select
	table     *widget.Table
	count     *widget.Label
	countRow  *fyne.Container // laid out again when the count's text changes width
	batch     *fyne.Container
	batchInfo *widget.Label
	root      *fyne.Container
	list      fyne.CanvasObject
	detail    *returns.Return
	detailGen int // bumped by each open and close: a detail read for an older one is not shown
}

var returnStates = []returns.State{returns.StateRequested, returns.StateApproved, returns.StateCollecting, returns.StateReceived,
	returns.StateInspected, returns.StateHold, returns.StateDone, returns.StateRejected}

var returnAges = []int{0, 3, 7, 14}

func newReturnsScreen(sh *shell) *returnsScreen {
	s := &returnsScreen{sh: sh, svc: sh.desk.Returns, selected: map[string]bool{}}
	s.src = trackList(sh, &widgets.ListSource[returnsQuery, returns.Row]{
		// The open requests of one shop are a short list: one read brings them all, and a search narrows it.
		Page: func(ctx context.Context, q returnsQuery, _, _, _ int) ([]returns.Row, error) {
			rows, err := s.svc.List(ctx, q.filter)
			if err != nil || strings.TrimSpace(q.search) == "" {
				return rows, err
			}
			return s.search(ctx, rows, q.search)
		},
		OnChange: s.onList,
	})
	return s
}

func kindLabel(k returns.Kind) string {
	if k == returns.KindExchange {
		return lang.L("교환")
	}
	return lang.L("반품")
}

func (s *returnsScreen) build() fyne.CanvasObject {
	s.scan = &widget.Entry{PlaceHolder: lang.L("반품번호 스캔, 주문번호, 이름, 전화 뒷자리, 송장번호로 찾기 (Ctrl+F)")}
	s.scan.ExtendBaseWidget(s.scan)
	s.scan.OnChanged = func(string) { s.refreshTyping() }
	s.scan.OnSubmitted = func(v string) {
		// a scanned (or typed) return number opens its request at once; anything else narrows the list
		if isReturnNumber(v) {
			s.openDetail(strings.TrimSpace(v))
			s.scan.SetText("")
		}
	}
	states := []string{lang.L("전체 상태")}
	for _, st := range returnStates {
		states = append(states, lang.L(st.Label()))
	}
	s.state = newSelect(states, func(string) { s.refresh() })
	s.state.SetSelectedIndex(0)
	reasons := []string{lang.L("전체 사유")}
	for _, r := range returns.Reasons {
		reasons = append(reasons, lang.L(r.Label))
	}
	s.reason = newSelect(reasons, func(string) { s.refresh() })
	s.reason.SetSelectedIndex(0)
	s.kind = newSelect([]string{lang.L("반품·교환"), lang.L("반품"), lang.L("교환")}, func(string) { s.refresh() })
	s.kind.SetSelectedIndex(0)
	ages := []string{lang.L("경과일 전체")}
	for _, a := range returnAges[1:] {
		ages = append(ages, lang.L("{{.N}}일 이상", map[string]any{"N": a}))
	}
	s.age = newSelect(ages, func(string) { s.refresh() })
	s.age.SetSelectedIndex(0)

	cols := []orderColumn{{"", 36}, {lang.L("반품번호"), 150}, {lang.L("상태"), 70}, {lang.L("종류"), 60}, {lang.L("사유"), 130},
		{lang.L("주문번호"), 160}, {lang.L("구매자"), 80}, {lang.L("상품"), 260}, {lang.L("경과일"), 70}, {lang.L("환불액"), 100}}
	s.table = &widget.Table{
		Length:        func() (int, int) { return s.src.Len(), len(cols) },
		CreateCell:    newOrderCell,
		UpdateCell:    s.updateCell,
		ShowHeaderRow: true,
		CreateHeader:  func() fyne.CanvasObject { return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}} },
		UpdateHeader:  func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(cols[id.Col].title) },
	}
	s.table.ExtendBaseWidget(s.table)
	for i, c := range cols {
		s.table.SetColumnWidth(i, c.width)
	}
	s.table.OnSelected = func(id widget.TableCellID) {
		s.table.Unselect(id)
		r, ok := s.src.Row(id.Row)
		if !ok {
			return
		}
		no := r.Number
		if id.Col == 0 {
			if s.selected[no] {
				delete(s.selected, no)
			} else {
				s.selected[no] = true
			}
			s.updateBatch()
			s.table.RefreshItem(id)
			return
		}
		s.openDetail(no)
	}
	s.count = &widget.Label{}
	policy := &widget.Button{Text: lang.L("반품 정책"), Icon: theme.DocumentIcon(), OnTapped: s.sh.showReturnPolicy}
	analysis := &widget.Button{Text: lang.L("반품 분석"), Icon: theme.InfoIcon(), OnTapped: s.sh.showReturnAnalysis}
	s.batchInfo = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	s.batch = container.NewHBox(s.batchInfo,
		&widget.Button{Text: lang.L("일괄 승인"), Icon: theme.ConfirmIcon(), OnTapped: func() { s.onBatch(returns.MoveApprove) }},
		&widget.Button{Text: lang.L("일괄 입고"), Icon: theme.DownloadIcon(), OnTapped: func() { s.onBatch(returns.MoveReceive) }},
		&widget.Button{Text: lang.L("선택 해제"), OnTapped: func() { s.selected = map[string]bool{}; s.updateBatch(); s.table.Refresh() }})
	s.batch.Hide()
	s.countRow = container.NewBorder(nil, nil, s.count, container.NewHBox(analysis, policy))
	top := container.NewVBox(
		s.countRow,
		s.scan, container.NewGridWithColumns(4, s.state, s.reason, s.kind, s.age),
		reserved(s.batch))
	first := widgets.NewEmptyState(theme.MailReplyIcon(), lang.L("아직 반품·교환 요청이 없습니다"),
		lang.L("스마트스토어 주문 파일을 가져오면 반품·교환 요청도 함께 들어옵니다. 전화로 받은 요청은 주문 상세의 '반품·교환 접수'로 등록하세요."),
		&widget.Button{Text: lang.L("주문으로 가기"), Icon: theme.NavigateNextIcon(), Importance: widget.HighImportance,
			OnTapped: func() { s.sh.goTo("주문") }})
	s.empty = newListEmpty(s.table, first, lang.L("조건에 맞는 반품·교환이 없습니다"), s.clearFilters)
	s.list = container.NewBorder(top, nil, nil, nil, s.empty.box)
	s.root = container.NewStack(s.list)
	s.refresh()
	return s.root
}

func (s *returnsScreen) filter() returns.Filter {
	var f returns.Filter
	if i := s.state.SelectedIndex(); i > 0 {
		f.State = returnStates[i-1]
	}
	if i := s.reason.SelectedIndex(); i > 0 {
		f.Reason = returns.Reasons[i-1].Code
	}
	switch s.kind.SelectedIndex() {
	case 1:
		f.Kind = returns.KindReturn
	case 2:
		f.Kind = returns.KindExchange
	}
	if i := s.age.SelectedIndex(); i > 0 {
		f.MinAgeDays = returnAges[i]
	}
	return f
}

// filtered tells whether a search or filter narrows the list.
func (s *returnsScreen) filtered() bool {
	return s.scan.Text != "" || s.filter() != (returns.Filter{})
}

// clearFilters empties the search and every filter and shows every request.
func (s *returnsScreen) clearFilters() {
	s.scan.SetText("")
	s.state.SetSelectedIndex(0)
	s.reason.SetSelectedIndex(0)
	s.kind.SetSelectedIndex(0)
	s.age.SetSelectedIndex(0)
	s.refresh()
}

// refresh asks for the requests the filters choose; they arrive in onList.
func (s *returnsScreen) refresh() {
	if s.table == nil || s.age == nil {
		return
	}
	s.src.Load(returnsQuery{s.filter(), s.scan.Text})
}

// refreshTyping is refresh for the search box: it waits for the seller to pause.
func (s *returnsScreen) refreshTyping() {
	if s.table == nil || s.age == nil {
		return
	}
	s.src.LoadTyping(returnsQuery{s.filter(), s.scan.Text})
}

// onList shows what the list source reports, on the UI goroutine.
func (s *returnsScreen) onList(ev widgets.ListEvent) {
	if !s.sh.showListState(s.count, ev, s.src.Err()) {
		s.count.SetText(lang.L("반품·교환 {{.N}}건", map[string]any{"N": format.Number(int64(s.src.Len()))}))
	}
	s.empty.update(ev, s.src.Len(), s.filtered())
	s.countRow.Refresh() // a label's new text does not lay its row out again by itself
	if ev == widgets.ListLoading {
		return
	}
	s.table.Refresh()
	s.updateBatch()
}

func (s *returnsScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	parts := o.(*fyne.Container).Objects
	label := parts[0].(*widget.Label)
	check := parts[1].(*fyne.Container).Objects[0].(*widget.Check)
	label.Hide()
	parts[1].Hide()
	r, ok := s.src.Row(id.Row)
	if !ok {
		return
	}
	if id.Col == 0 {
		parts[1].Show()
		check.OnChanged = nil
		check.SetChecked(s.selected[r.Number])
		no := r.Number
		check.OnChanged = func(on bool) {
			if on {
				s.selected[no] = true
			} else {
				delete(s.selected, no)
			}
			s.updateBatch()
		}
		return
	}
	label.Show()
	label.Importance = widget.MediumImportance
	label.Alignment = fyne.TextAlignLeading
	refund := ""
	if r.Refund > 0 {
		refund = format.Won(r.Refund)
	}
	text := []string{"", r.Number, lang.L(r.State.Label()), kindLabel(r.Kind), lang.L(r.Reason.Label()), r.OrderNo,
		r.BuyerName, r.Items, lang.L("{{.N}}일", map[string]any{"N": r.DaysOpen}), refund}[id.Col]
	switch id.Col {
	case 2:
		if r.State == returns.StateHold || r.State == returns.StateRequested {
			label.Importance = widget.WarningImportance
		}
	case 8, 9:
		label.Alignment = fyne.TextAlignTrailing
		if id.Col == 8 && r.RefundOverdue {
			label.Importance = widget.DangerImportance // past the refund day the service reckons in business days
		}
	}
	label.SetText(text)
}

func (s *returnsScreen) updateBatch() {
	if len(s.selected) == 0 {
		s.batch.Hide()
		return
	}
	s.batchInfo.SetText(lang.L("{{.N}}건 선택", map[string]any{"N": format.Number(int64(len(s.selected)))}))
	s.batch.Show()
}

// batchDone is what a batch move did: how many moved, those refused with why, and how many a 취소 left.
type batchDone struct {
	done    int
	refused []refusal
	left    int
}

// onBatch approves or receives the selected requests behind the progress dialog; those the move does not fit
// are listed with why, and a 취소 stops before the next request and says how many were left.
func (s *returnsScreen) onBatch(m returns.Move) {
	numbers := make([]string, 0, len(s.selected))
	for no := range s.selected {
		numbers = append(numbers, no)
	}
	sort.Strings(numbers)
	working(s.sh, lang.L("일괄 처리"), lang.L("반품 {{.N}}건을 처리하는 중입니다…", map[string]any{"N": format.Number(int64(len(numbers)))}),
		func(ctx context.Context) (batchDone, error) {
			var b batchDone
			for i, no := range numbers {
				if ctx.Err() != nil {
					b.left = len(numbers) - i
					break
				}
				if _, err := s.svc.Apply(ctx, no, m, returns.MoveInput{}); err != nil {
					b.refused = append(b.refused, refusal{no, sellerText(err)})
					continue
				}
				b.done++
			}
			return b, nil
		}, func(b batchDone) {
			s.selected = map[string]bool{}
			s.refresh()
			msg := lang.L("{{.N}}건 처리했습니다.", map[string]any{"N": b.done})
			if b.left == 0 && len(b.refused) == 0 {
				s.sh.toast(lang.L("반품 {{.N}}건을 처리했습니다.", map[string]any{"N": b.done}))
				return
			}
			if b.left > 0 {
				msg += "\n" + lang.L("취소해서 {{.N}}건은 처리하지 않았습니다.", map[string]any{"N": b.left})
			}
			if len(b.refused) > 0 {
				msg += "\n" + groupRefusals(b.refused)
			}
			s.sh.showInfo(lang.L("일괄 처리"), msg)
		})
}

// focusSearch is Ctrl/Cmd+F: the scan box.
func (s *returnsScreen) focusSearch() {
	if s.detail == nil {
		s.sh.win.Canvas().Focus(s.scan)
	}
}

// returnDetail is what a request's detail shows, read before it opens.
type returnDetail struct {
	r       returns.Return
	order   orders.Detail // for the order number, buyer and line names; empty when it could not be read
	history []returns.Step
}

// openDetail shows a request in place of the list once it is read off the UI goroutine.
func (s *returnsScreen) openDetail(number string) {
	s.detailGen++
	gen := s.detailGen
	background(s.sh, func(ctx context.Context) (returnDetail, error) {
		var d returnDetail
		var err error
		if d.r, err = s.svc.Get(ctx, number); err != nil {
			return d, err
		}
		d.order, _ = s.sh.desk.Orders.Detail(ctx, d.r.OrderID)
		d.history, _ = s.svc.History(ctx, d.r.Number)
		return d, nil
	}, func(d returnDetail, err error) {
		if gen != s.detailGen {
			return // the seller went back to the list or opened another request meanwhile
		}
		if err != nil {
			s.sh.showError(err)
			return
		}
		s.detail = &d.r
		s.root.Objects = []fyne.CanvasObject{s.buildDetail(d)}
		s.root.Refresh()
	})
}

func (s *returnsScreen) closeDetail() {
	s.detailGen++
	s.detail = nil
	s.root.Objects = []fyne.CanvasObject{s.list}
	s.root.Refresh()
	s.refresh()
}

func (s *returnsScreen) buildDetail(d returnDetail) fyne.CanvasObject {
	ctx := context.Background()
	r, order := d.r, d.order
	back := &widget.Button{Text: lang.L("반품 목록"), Icon: theme.NavigateBackIcon(), OnTapped: s.closeDetail}
	title := &widget.Label{Text: r.Number + " · " + kindLabel(r.Kind), TextStyle: fyne.TextStyle{Bold: true}}
	state := &widget.Label{Text: lang.L(r.State.Label()), TextStyle: fyne.TextStyle{Bold: true}, Importance: widget.HighImportance}
	fault := lang.L("판매자")
	if r.Fault == returns.FaultBuyer {
		fault = lang.L("구매자")
	}
	method := ""
	for _, m := range returns.Methods {
		if m.Code == r.Method {
			method = lang.L(m.Label)
		}
	}
	refund := ""
	if r.State == returns.StateDone && r.Kind == returns.KindReturn {
		refund = format.Won(r.Refund)
		if r.RefundNote != "" {
			refund += " (" + r.RefundNote + ")"
		}
	}
	refundLabel := widget.NewLabel(refund)
	if !r.RefundDue.IsZero() {
		// the last day the law allows, so the seller sees how long is left (or that it has passed)
		due := lang.L("환불 기한") + " " + koreanDate(r.RefundDue)
		if refund != "" {
			due = refund + " · " + due
		} else if r.RefundOverdue(s.svc.Now()) {
			due += " · " + lang.L("기한 지남")
			refundLabel.Importance = widget.DangerImportance
		}
		refundLabel.SetText(due)
	}
	info := widget.NewForm(
		widget.NewFormItem(lang.L("주문번호"), widget.NewLabel(order.Order.OrderNo+" · "+order.Order.BuyerName)),
		widget.NewFormItem(lang.L("사유"), widget.NewLabel(lang.L(r.Reason.Label())+" · "+lang.L("귀책")+" "+fault)),
		widget.NewFormItem(lang.L("회수 방법"), widget.NewLabel(method+" "+r.TrackingNo)),
		widget.NewFormItem(lang.L("환불"), refundLabel),
		widget.NewFormItem(lang.L("메모"), &widget.Label{Text: r.Note, Wrapping: fyne.TextWrapWord}),
	)
	if r.OutsideWindow {
		info.Append(lang.L("기간"), &widget.Label{Text: lang.L("반품 기간이 지난 뒤 예외로 접수했습니다."), Importance: widget.WarningImportance})
	}
	lines := container.NewVBox()
	for _, rl := range r.Lines {
		name := ""
		for _, ol := range order.Lines {
			if ol.ID == rl.OrderLineID {
				name = strings.TrimSpace(ol.ProductName + " " + ol.OptionInfo)
			}
		}
		row := []fyne.CanvasObject{widget.NewLabel(name + " × " + format.Number(rl.Qty))}
		if rl.Inspection != "" {
			insp := map[string]string{"GOOD": lang.L("양호 · 재고 입고"), "DISPOSE": lang.L("불량 · 폐기"), "SUPPLIER": lang.L("불량 · 공급업체 반품")}[rl.Inspection]
			row = append(row, &widget.Label{Text: insp, Importance: widget.HighImportance})
		}
		if r.State == returns.StateReceived {
			id := rl.ID
			for _, o := range []struct{ code, label string }{{"GOOD", lang.L("양호")}, {"DISPOSE", lang.L("폐기")}, {"SUPPLIER", lang.L("공급업체 반품")}} {
				code := o.code
				row = append(row, &widget.Button{Text: o.label, OnTapped: func() {
					if err := s.svc.Inspect(ctx, r.Number, id, code); err != nil {
						s.sh.showError(err)
						return
					}
					s.openDetail(r.Number)
				}})
			}
		}
		lines.Add(container.NewHBox(row...))
	}
	var actions []fyne.CanvasObject
	actions = append(actions, &widget.Button{Text: lang.L("반품 라벨 PDF"), Icon: theme.DocumentPrintIcon(), Importance: widget.HighImportance,
		OnTapped: func() { s.onLabel(r.Number) }})
	for _, m := range []returns.Move{returns.MoveApprove, returns.MoveReject, returns.MoveCollect, returns.MoveReceive,
		returns.MoveInspect, returns.MoveComplete, returns.MoveHold, returns.MoveResume} {
		if _, err := returns.Next(r.State, m); err != nil {
			continue
		}
		move := m
		b := &widget.Button{Text: lang.L(moveText(m)), OnTapped: func() { s.onMove(d, move) }}
		if m == returns.MoveReject {
			b.Importance = widget.DangerImportance
		}
		actions = append(actions, b)
	}
	timeline := container.NewVBox()
	for _, h := range d.history {
		text := format.DateTime(h.At) + "  " + lang.L(h.To.Label())
		if h.Note != "" {
			text += " · " + h.Note
		}
		timeline.Add(widget.NewLabel(text))
	}
	body := container.NewVBox(container.NewHBox(actions...), info, widget.NewCard(lang.L("상품"), "", lines),
		widget.NewCard(lang.L("진행 기록"), "", timeline))
	return container.NewBorder(container.NewBorder(nil, nil, back, state, title), nil, nil, nil, container.NewVScroll(body))
}

var weekdays = [...]string{"일요일", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일"}

// koreanDate writes a day the way the seller reads a deadline, 2026년 11월 27일 금요일, in t's own location
// (the service reckons business days in the desk's), so the day shown is the day it reckoned.
func koreanDate(t time.Time) string {
	y, m, d := t.Date()
	return lang.L("{{.Y}}년 {{.M}}월 {{.D}}일 {{.W}}", map[string]any{"Y": y, "M": int(m), "D": d, "W": lang.L(weekdays[t.Weekday()])})
}

func moveText(m returns.Move) string {
	return map[returns.Move]string{returns.MoveApprove: "승인", returns.MoveReject: "거부…", returns.MoveCollect: "수거 시작…",
		returns.MoveReceive: "입고", returns.MoveInspect: "검수 완료", returns.MoveComplete: "완료…", returns.MoveHold: "보류…",
		returns.MoveResume: "보류 해제"}[m]
}

// onMove asks what a move needs (a reason, a tracking number, the refund) in a form that stays open until
// the move is accepted, and applies it.
func (s *returnsScreen) onMove(d returnDetail, m returns.Move) {
	r := d.r
	switch m {
	case returns.MoveReject, returns.MoveHold:
		s.askMove(r.Number, m, lang.L(moveText(m)), lang.L("사유"), "note", func(in *returns.MoveInput, v string) { in.Note = v })
	case returns.MoveCollect:
		s.askMove(r.Number, m, lang.L("수거 시작"), lang.L("수거 송장번호"), "tracking", func(in *returns.MoveInput, v string) { in.TrackingNo = v })
	case returns.MoveComplete:
		if r.Kind == returns.KindExchange {
			dialog.ShowConfirm(lang.L("교환 완료"), lang.L("교환 상품을 보냈습니까? 교환 옵션의 재고를 차감합니다."), func(ok bool) {
				if ok {
					s.apply(r.Number, m)
				}
			}, s.sh.win)
			return
		}
		s.showRefund(d)
	default:
		s.apply(r.Number, m)
	}
}

// apply writes a move that needs no input off the UI goroutine, then shows the request again.
func (s *returnsScreen) apply(number string, m returns.Move) {
	background(s.sh, func(ctx context.Context) (returns.Return, error) {
		return s.svc.Apply(ctx, number, m, returns.MoveInput{})
	},
		func(_ returns.Return, err error) {
			if err != nil {
				s.sh.showError(err)
				return
			}
			s.openDetail(number)
		})
}

// onLabel makes the return's collection label, asking first where to save it; the PDF is made behind the
// progress dialog with 취소.
func (s *returnsScreen) onLabel(number string) {
	s.sh.savePDF(lang.L("반품 라벨"), lang.L("반품 라벨을 만드는 중입니다…"), number+".pdf", func(ctx context.Context, w io.Writer) error {
		return s.svc.WriteLabel(ctx, number, w)
	})
}
