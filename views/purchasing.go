package views

import (
	"bytes"
	"context"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/format"
	"sellerdesk/app/purchasing"
	"sellerdesk/app/sheet"
	"sellerdesk/views/widgets"
)

// poScreen is 발주: the purchase orders with their status, made from low stock here or from orders in 주문,
// each opening in place with its lines, receipts, PDF and dropship sheet.
type poScreen struct {
	sh     *shell
	svc    *purchasing.Service
	src    *widgets.ListSource[purchasing.Status, purchasing.PO]
	status *widget.Select
	empty  *listEmpty
	table  *widget.Table
	count  *widget.Label
	root   *fyne.Container
	list   fyne.CanvasObject
	detail *purchasing.PO
	// detailGen is bumped by each open and close: a purchase order read for an older one is not shown.
	detailGen int
}

func newPOScreen(sh *shell) *poScreen {
	s := &poScreen{sh: sh, svc: sh.desk.POs}
	s.src = trackList(sh, &widgets.ListSource[purchasing.Status, purchasing.PO]{
		// A shop's purchase orders are a short list: one read brings them all.
		Page: func(ctx context.Context, st purchasing.Status, _, _, _ int) ([]purchasing.PO, error) {
			return s.svc.List(ctx, st)
		},
		OnChange: s.onList,
	})
	return s
}

func poColumns() []orderColumn {
	return []orderColumn{{lang.L("발주번호"), 150}, {lang.L("공급업체"), 140}, {lang.L("발주일"), 100}, {lang.L("납기일"), 100},
		{lang.L("상태"), 80}, {lang.L("품목"), 60}, {lang.L("입고 / 발주 수량"), 120}, {lang.L("공급가액"), 110}, {lang.L("배송"), 90}}
}

func (s *poScreen) build() fyne.CanvasObject {
	options := []string{lang.L("전체 상태")}
	for _, st := range purchasing.Statuses {
		options = append(options, lang.L(st.Label()))
	}
	s.status = newSelect(options, func(string) { s.refresh() })
	s.status.SetSelectedIndex(0)
	cols := poColumns()
	s.table = newTextTable(titles(cols), widths(cols), s.src.Len, func(row, col int) string {
		p, ok := s.src.Row(row)
		if !ok {
			return ""
		}
		due := p.DueOn
		if due == "" {
			due = lang.L("협의")
		}
		ship := lang.L("매장 입고")
		if p.Dropship {
			ship = lang.L("고객 직배송")
		}
		return []string{p.Number, p.SupplierName, p.OrderedOn, due, lang.L(p.Status.Label()), format.Number(p.Lines),
			format.Number(p.Received) + " / " + format.Number(p.Qty), format.Won(p.Supply), ship}[col]
	})
	s.table.OnSelected = func(id widget.TableCellID) {
		s.table.Unselect(id)
		if p, ok := s.src.Row(id.Row); ok {
			s.openDetail(p.Number)
		}
	}
	s.count = &widget.Label{}
	reorder := &widget.Button{Text: lang.L("재고부족 상품 발주서 만들기"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance,
		OnTapped: s.onReorder}
	help := &widget.Label{Text: lang.L("주문으로 발주하려면 주문 화면에서 주문을 골라 '발주서 만들기'를 누르세요."), Importance: widget.LowImportance}
	top := container.NewVBox(container.NewBorder(nil, nil, s.count, container.NewHBox(s.status, reorder)), help)
	first := widgets.NewEmptyState(theme.DocumentIcon(), lang.L("아직 발주서가 없습니다"),
		lang.L("재고가 부족한 상품의 발주서를 만들거나, 주문 화면에서 주문을 골라 '발주서 만들기'를 누르세요. 공급업체는 상품 화면의 '카테고리·공급업체'에서 등록합니다."),
		&widget.Button{Text: lang.L("재고부족 상품 발주서 만들기"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: s.onReorder},
		&widget.Button{Text: lang.L("주문으로 가기"), Icon: theme.NavigateNextIcon(), OnTapped: func() { s.sh.goTo("주문") }})
	s.empty = newListEmpty(s.table, first, lang.L("조건에 맞는 발주서가 없습니다"), func() {
		s.status.SetSelectedIndex(0)
		s.refresh()
	})
	s.list = container.NewBorder(top, nil, nil, nil, s.empty.box)
	s.root = container.NewStack(s.list)
	s.refresh()
	return s.root
}

func titles(cols []orderColumn) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.title
	}
	return out
}

func widths(cols []orderColumn) []float32 {
	out := make([]float32, len(cols))
	for i, c := range cols {
		out[i] = c.width
	}
	return out
}

// refresh asks for the purchase orders of the chosen status, e.g. when the seller comes back to 발주; they
// arrive in onList.
func (s *poScreen) refresh() {
	if s.table == nil {
		return
	}
	var st purchasing.Status
	if i := s.status.SelectedIndex(); i > 0 {
		st = purchasing.Statuses[i-1]
	}
	s.src.Load(st)
}

// onList shows what the list source reports, on the UI goroutine.
func (s *poScreen) onList(ev widgets.ListEvent) {
	if !s.sh.showListState(s.count, ev, s.src.Err()) {
		s.count.SetText(lang.L("발주서 {{.N}}장", map[string]any{"N": format.Number(int64(s.src.Len()))}))
	}
	s.empty.update(ev, s.src.Len(), s.status.SelectedIndex() > 0)
	if ev != widgets.ListLoading {
		s.table.Refresh()
	}
}

// onReorder proposes purchase orders for every low-stock option and creates them when the seller agrees.
func (s *poScreen) onReorder() {
	type drafted struct {
		drafts  []purchasing.Draft
		skipped []purchasing.Skipped
	}
	background(s.sh, func(ctx context.Context) (drafted, error) {
		drafts, skipped, err := s.svc.ReorderDrafts(ctx)
		return drafted{drafts, skipped}, err
	}, func(d drafted, err error) {
		if err != nil {
			s.sh.showError(err)
			return
		}
		s.sh.confirmDrafts(d.drafts, d.skipped, func(numbers []string) {
			s.refresh()
			if len(numbers) == 1 {
				s.openDetail(numbers[0])
			}
		})
	})
}

// openDetail shows a purchase order in place of the list once it is read off the UI goroutine.
func (s *poScreen) openDetail(number string) {
	s.detailGen++
	gen := s.detailGen
	background(s.sh, func(ctx context.Context) (purchasing.PO, error) { return s.svc.Get(ctx, number) },
		func(po purchasing.PO, err error) {
			if gen != s.detailGen {
				return // the seller went back to the list or opened another order meanwhile
			}
			if err != nil {
				s.sh.showError(err)
				return
			}
			s.detail = &po
			s.root.Objects = []fyne.CanvasObject{s.buildDetail(po)}
			s.root.Refresh()
		})
}

func (s *poScreen) closeDetail() {
	s.detailGen++
	s.detail = nil
	s.root.Objects = []fyne.CanvasObject{s.list}
	s.root.Refresh()
	s.refresh()
}

func (s *poScreen) buildDetail(po purchasing.PO) fyne.CanvasObject {
	back := &widget.Button{Text: lang.L("발주서 목록"), Icon: theme.NavigateBackIcon(), OnTapped: s.closeDetail}
	title := &widget.Label{Text: po.Number + " · " + po.SupplierName, TextStyle: fyne.TextStyle{Bold: true}}
	status := &widget.Label{Text: lang.L(po.Status.Label()), TextStyle: fyne.TextStyle{Bold: true}, Importance: widget.HighImportance}
	header := container.NewBorder(nil, nil, back, status, title)

	due := po.DueOn
	if due == "" {
		due = lang.L("협의")
	}
	deliver := strings.TrimSpace(po.DeliverName + " " + po.DeliverPhone)
	if po.DeliverPostcode != "" {
		deliver += " (" + po.DeliverPostcode + ")"
	}
	deliver += " " + po.DeliverAddress
	info := widget.NewForm(
		widget.NewFormItem(lang.L("발주일"), widget.NewLabel(po.OrderedOn)),
		widget.NewFormItem(lang.L("납기일"), widget.NewLabel(due)),
		widget.NewFormItem(lang.L("배송지"), &widget.Label{Text: deliver, Wrapping: fyne.TextWrapWord}),
		widget.NewFormItem(lang.L("비고"), &widget.Label{Text: po.Notes, Wrapping: fyne.TextWrapWord}),
	)
	items := po.Items
	lines := newTextTable([]string{lang.L("품명"), lang.L("옵션"), lang.L("품번"), lang.L("수량"), lang.L("입고"), lang.L("단가"), lang.L("공급가액")},
		[]float32{240, 140, 140, 60, 60, 100, 110}, func() int { return len(items) }, func(r, c int) string {
			l := items[r]
			return []string{l.Name, l.OptionLabel, l.Code, format.Number(l.Qty), format.Number(l.Received), format.Won(l.UnitCost), format.Won(l.Qty * l.UnitCost)}[c]
		})
	var actions []fyne.CanvasObject
	pdf := &widget.Button{Text: lang.L("PDF 저장"), Icon: theme.DocumentPrintIcon(), Importance: widget.HighImportance, OnTapped: func() { s.onPDF(po.Number) }}
	actions = append(actions, pdf)
	switch po.Status {
	case purchasing.StatusDraft:
		actions = append(actions, &widget.Button{Text: lang.L("발주완료"), Icon: theme.MailSendIcon(), OnTapped: func() {
			saving(s.sh, func(ctx context.Context) error { return s.svc.MarkOrdered(ctx, po.Number) }, func() { s.openDetail(po.Number) })
		}})
	case purchasing.StatusOrdered, purchasing.StatusPartial:
		actions = append(actions, &widget.Button{Text: lang.L("입고 처리…"), Icon: theme.DownloadIcon(), OnTapped: func() { s.onReceive(po) }})
	}
	if po.Dropship {
		actions = append(actions, &widget.Button{Text: lang.L("직배송 시트"), Icon: theme.FileIcon(), OnTapped: func() { s.onDropship(po.Number) }})
	}
	if po.Status != purchasing.StatusReceived && po.Status != purchasing.StatusCanceled {
		actions = append(actions, &widget.Button{Text: lang.L("발주 취소…"), Icon: theme.CancelIcon(), Importance: widget.DangerImportance,
			OnTapped: func() { s.onCancel(po.Number) }})
	}
	hist := container.NewVBox()
	for _, h := range po.History {
		text := format.DateTime(h.At) + "  " + lang.L(purchasing.Status(h.To).Label())
		if h.Note != "" {
			text += " · " + h.Note
		}
		// wrapped: a receipt of many lines notes each of them, and one long line widened the whole window
		hist.Add(&widget.Label{Text: text, Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord})
	}
	top := container.NewVBox(header, container.NewHBox(actions...), info)
	// the history scrolls in a few lines' room: a long receipt note would otherwise push the lines away
	histScroll := container.NewVScroll(hist)
	histScroll.SetMinSize(fyne.NewSize(0, 120))
	bottom := widget.NewAccordion(widget.NewAccordionItem(lang.L("상태 이력"), histScroll))
	return container.NewBorder(top, bottom, nil, nil, lines)
}

// onPDF saves the purchase order's PDF where the seller chooses and confirms with 열기 (to print) and 폴더 열기.
func (s *poScreen) onPDF(number string) {
	s.sh.savePDF(lang.L("발주서 PDF"), lang.L("발주서를 만드는 중입니다…"), number+".pdf", func(ctx context.Context, w io.Writer) error {
		return s.svc.WritePDF(ctx, number, w)
	})
}

// onReceive reads the stock of each line's option off the window, then asks how many of each line arrived.
func (s *poScreen) onReceive(po purchasing.PO) {
	background(s.sh, func(ctx context.Context) (map[int64]int64, error) { return s.svc.LineStocks(ctx, po.Number) },
		func(stocks map[int64]int64, err error) {
			if err != nil {
				s.sh.showError(err)
				return
			}
			s.showReceive(po, stocks)
		})
}

// receiveForm is 입고 처리: how many of each open line arrived (the rest by default), each line's problem
// under its input, and — before 입고 — the stock each option will have and what the purchase order becomes.
type receiveForm struct {
	s      *poScreen
	po     purchasing.PO
	stocks map[int64]int64 // line id → its option's stock now (absent: no catalog option)
	lines  []purchasing.Line
	qty    []*widgets.Entry
	fields []*widgets.FormField
	form   *widgets.FormDialog
}

// showReceive opens 입고 처리 for po's open lines; stocks are the options' stock now.
func (s *poScreen) showReceive(po purchasing.PO, stocks map[int64]int64) *receiveForm {
	f := &receiveForm{s: s, po: po, stocks: stocks}
	f.form = s.sh.formDialog(lang.L("입고 처리"), lang.L("입고"))
	f.form.MinWidth = 560
	f.form.SetIntro(lang.L("도착한 수량을 입력하세요. 재고에 입고로 기록됩니다. 아직 오지 않은 품목은 0으로 두세요."))
	for _, l := range po.Items {
		left := l.Qty - l.Received
		if left <= 0 {
			continue
		}
		e := widgets.NewEntry()
		e.SetText(strconv.FormatInt(left, 10))
		e.SetPlaceHolder(lang.L("예: {{.N}}", map[string]any{"N": left}))
		i := len(f.lines)
		field := f.form.AddField(strings.TrimSpace(l.Name+" "+l.OptionLabel), e, func() string {
			_, msg := f.parsed(i)
			return msg
		})
		f.lines = append(f.lines, l)
		f.qty = append(f.qty, e)
		f.fields = append(f.fields, field)
	}
	f.form.Consequence = func() string {
		f.hints()
		return f.consequence()
	}
	f.form.OnSubmit = f.submit
	f.hints()
	f.form.Show()
	return f
}

// hints writes under each line what is left and the stock now and after receiving what is typed.
func (f *receiveForm) hints() {
	for i, l := range f.lines {
		args := map[string]any{"N": format.Number(l.Qty - l.Received)}
		st, ok := f.stocks[l.ID]
		n, msg := f.parsed(i)
		switch {
		case !ok:
			f.fields[i].SetHint(lang.L("남은 {{.N}}개 · 상품 목록에 없는 품목이라 재고는 바뀌지 않습니다", args))
		case msg != "" || n == 0:
			args["Stock"] = format.Number(st)
			f.fields[i].SetHint(lang.L("남은 {{.N}}개 · 지금 재고 {{.Stock}}개", args))
		default:
			args["Stock"], args["After"] = format.Number(st), format.Number(st+n)
			f.fields[i].SetHint(lang.L("남은 {{.N}}개 · 재고 {{.Stock}}개 → 입고 후 {{.After}}개", args))
		}
	}
}

// parsed reads line i's quantity: empty is 0; msg says what is wrong with it ("" when fine).
func (f *receiveForm) parsed(i int) (n int64, msg string) {
	t := strings.TrimSpace(strings.ReplaceAll(f.qty[i].Text, ",", ""))
	if t == "" {
		return 0, ""
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 {
		return 0, lang.L("0 이상의 숫자로 입력하세요.")
	}
	if left := f.lines[i].Qty - f.lines[i].Received; n > left {
		return n, lang.L("남은 수량은 {{.N}}개입니다.", map[string]any{"N": format.Number(left)})
	}
	return n, ""
}

// consequence is, as typed, the stock the first options will have (each line's own is under it), how many
// pieces arrive and what the purchase order becomes.
func (f *receiveForm) consequence() string {
	const listed = 3
	var parts []string
	var pieces int64
	lines := 0
	complete := true
	for i, l := range f.lines {
		n, msg := f.parsed(i)
		if msg != "" {
			return ""
		}
		if n < l.Qty-l.Received {
			complete = false
		}
		if n == 0 {
			continue
		}
		pieces += n
		lines++
		if len(parts) == listed {
			continue
		}
		name := strings.TrimSpace(l.Name + " " + l.OptionLabel)
		if st, ok := f.stocks[l.ID]; ok {
			parts = append(parts, lang.L("{{.Item}} 재고 {{.Before}} → {{.After}}개", map[string]any{"Item": name,
				"Before": format.Number(st), "After": format.Number(st + n)}))
		} else {
			parts = append(parts, lang.L("{{.Item}} {{.N}}개 (재고 없음)", map[string]any{"Item": name, "N": format.Number(n)}))
		}
	}
	if lines == 0 {
		return lang.L("입고할 수량이 없습니다. 도착한 수량을 입력하세요.")
	}
	text := lang.L("입고 후") + ": " + strings.Join(parts, ", ")
	if lines > listed {
		text += " " + lang.L("외 {{.N}}품목 (모두 {{.Pieces}}개)", map[string]any{"N": lines - listed, "Pieces": format.Number(pieces)})
	}
	next := lang.L("남은 수량이 있어 발주서는 부분입고가 됩니다.")
	if complete {
		next = lang.L("모두 도착해 발주서는 입고완료가 됩니다.")
	}
	return text + "\n" + next
}

// submit books the quantities into stock off the window; the form stays open with what was typed until
// the receipt is stored.
func (f *receiveForm) submit() bool {
	got := map[int64]int64{}
	var total int64
	for i, l := range f.lines {
		n, _ := f.parsed(i) // the fields' checks passed
		if n > 0 {
			got[l.ID] = n
			total += n
		}
	}
	if total == 0 {
		f.form.SetProblem(lang.L("입고할 수량을 하나 이상 입력하세요."))
		return false
	}
	f.form.Busy(true)
	number := f.po.Number
	background(f.s.sh, func(ctx context.Context) (struct{}, error) { return struct{}{}, f.s.svc.Receive(ctx, number, got) },
		func(_ struct{}, err error) {
			f.form.Busy(false)
			if err != nil {
				f.form.SetProblem(sellerText(err))
				return
			}
			f.form.Hide()
			f.s.sh.toast(lang.L("{{.Number}}: {{.N}}개를 입고했습니다.", map[string]any{"Number": number, "N": format.Number(total)}))
			f.s.openDetail(number)
		})
	return false
}

// onCancel asks why the purchase order is cancelled; a missing reason is shown at its field with the form
// open.
func (s *poScreen) onCancel(number string) *widgets.FormDialog {
	reason := widgets.NewEntryWithPlaceholder(lang.L("예: 공급업체 품절, 단가 재협의"))
	d := s.sh.formDialog(lang.L("발주 취소"), lang.L("발주 취소"))
	d.SetIntro(lang.L("이미 입고한 수량은 재고에 그대로 남습니다."))
	d.SetConfirmImportance(widget.DangerImportance)
	field := d.AddField(lang.L("취소 사유"), reason, nil)
	d.OnSubmit = func() bool {
		why := reason.Text
		submitForm(s.sh, d, map[string]*widgets.FormField{"reason": field},
			func(ctx context.Context) (struct{}, error) { return struct{}{}, s.svc.Cancel(ctx, number, why) },
			func(struct{}) {
				s.sh.toast(lang.L("{{.Number}} 발주를 취소했습니다.", map[string]any{"Number": number}))
				s.openDetail(number)
			})
		return false
	}
	d.Show()
	return d
}

func (s *poScreen) onDropship(number string) {
	background(s.sh, func(ctx context.Context) ([]sheet.DropshipRow, error) { return s.svc.DropshipRows(ctx, number) },
		func(rows []sheet.DropshipRow, err error) {
			if err != nil {
				s.sh.showError(err)
				return
			}
			s.saveDropship(number, rows)
		})
}

func (s *poScreen) saveDropship(number string, rows []sheet.DropshipRow) {
	s.sh.saveSheet(lang.L("직배송 시트"), number+"_직배송.xlsx", func(_ context.Context, buf *bytes.Buffer) error {
		return sheet.WriteDropship(buf, rows)
	}, func(string) string {
		return lang.L("직배송 {{.N}}건을 저장했습니다.", map[string]any{"N": format.Number(int64(len(rows)))})
	})
}
