package views

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/catalog"
	"sellerdesk/app/format"
	"sellerdesk/views/widgets"
)

func reasonLabel(r catalog.Reason) string {
	switch r {
	case catalog.ReasonReceive:
		return lang.L("입고")
	case catalog.ReasonSale:
		return lang.L("판매")
	case catalog.ReasonReturn:
		return lang.L("반품")
	case catalog.ReasonAdjust:
		return lang.L("조정")
	case catalog.ReasonBulk:
		return lang.L("일괄수정")
	}
	return string(r)
}

// reasons a seller may pick by hand; 판매 and 일괄수정 are written by orders and bulk edits.
var manualReasons = []catalog.Reason{catalog.ReasonReceive, catalog.ReasonAdjust, catalog.ReasonReturn}

// stockDialog adjusts one option's stock with a reason and shows its history (재고 이력). It is a form
// dialog (widgets.FormDialog): the quantity's problem shows under it without closing, the consequence
// ("재고 3개 → 8개") is shown before 재고 반영, Enter applies, Esc closes. An applied adjustment keeps the
// dialog open with the new stock and history, ready for the next one.
type stockDialog struct {
	sh      *shell
	product catalog.Product
	option  catalog.Option
	changed func(catalog.Option)
	current *widget.Label
	delta   *widgets.Entry
	reason  *widgets.Select
	note    *widgets.Entry
	qty     *widgets.FormField
	message *widget.Label                                // a refused adjustment's reason (e.g. not enough stock), under the quantity
	apply   *widget.Button                               // 재고 반영 (the form's confirm), off while an adjustment is written so a second tap adds nothing twice
	history *widgets.ListSource[int64, catalog.Movement] // the option's last historyShown movements, read in the background
	state   *widget.Label                                // 불러오는 중 while the history loads
	list    *fyne.Container                              // the history's rows (not a table: inside the form's scroll a table of its own would not clip)
	form    *widgets.FormDialog
}

// parseDelta reads a stock change typed as +20, -3 or 1,000; ok is false for anything else and for 0.
func parseDelta(s string) (int64, bool) {
	text := strings.TrimPrefix(strings.ReplaceAll(strings.TrimSpace(s), ",", ""), "+")
	delta, err := strconv.ParseInt(text, 10, 64)
	return delta, err == nil && delta != 0
}

// showStock opens the stock dialog for opt; changed is called with the option after each adjustment.
func (sh *shell) showStock(p catalog.Product, opt catalog.Option, changed func(catalog.Option)) *stockDialog {
	d := &stockDialog{sh: sh, product: p, option: opt, changed: changed}
	d.current = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	d.delta = widgets.NewEntryWithPlaceholder(lang.L("예: +20, -3"))
	labels := make([]string, len(manualReasons))
	for i, r := range manualReasons {
		labels[i] = reasonLabel(r)
	}
	d.reason = widgets.NewSelect(labels, "", nil)
	d.reason.SetSelectedIndex(0)
	d.note = widgets.NewEntryWithPlaceholder(lang.L("메모 (예: 공급업체 입고, 실사 차이)"))
	// a line reserved under the quantity (as the form reserves one for every field), so nothing jumps
	d.message = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	d.list = container.NewVBox()
	d.state = &widget.Label{}
	d.history = trackList(sh, &widgets.ListSource[int64, catalog.Movement]{
		Page: func(ctx context.Context, optionID int64, _, _, _ int) ([]catalog.Movement, error) {
			return sh.desk.Catalog.Movements(ctx, optionID, historyShown)
		},
		OnChange: func(ev widgets.ListEvent) {
			if !sh.showListState(d.state, ev, d.history.Err()) {
				d.state.SetText("")
			}
			d.showHistory()
		},
	})
	name := p.Name
	if opt.Label() != "" {
		name += " · " + opt.Label()
	}
	d.form = widgets.NewFormDialog(sh.win, lang.L("재고 조정"), lang.L("재고 반영"), lang.L("닫기"))
	d.form.MinWidth = 660
	d.form.SetIntro(name)
	d.apply = d.form.ConfirmButton()
	d.form.AddRow(d.current)
	// set before AddField, which chains it: a refusal goes as soon as the seller changes the quantity
	d.delta.OnChanged = func(string) {
		if d.message.Text != "" {
			d.message.SetText("")
			d.form.Refresh()
		}
	}
	d.qty = d.form.AddField(lang.L("수량"), d.delta, func() string {
		if _, ok := parseDelta(d.delta.Text); !ok {
			return lang.L("바꿀 수량을 +20 이나 -3 처럼 0이 아닌 숫자로 입력하세요.")
		}
		return ""
	})
	// a refusal of the store (more taken than there is) stays under the quantity until the seller changes it
	d.form.AddRow(d.message)
	d.form.AddField(lang.L("사유"), d.reason, nil)
	d.form.AddField(lang.L("메모"), d.note, nil)
	d.form.AddRow(container.NewHBox(&widget.Label{Text: lang.L("재고 이력 (최근 {{.N}}건)", map[string]any{"N": historyShown}),
		TextStyle: fyne.TextStyle{Bold: true}}, d.state))
	d.form.AddRow(d.list)
	d.form.Consequence = d.consequence
	d.form.OnSubmit = func() bool { d.onApply(); return false }
	d.load()
	d.form.Show()
	return d
}

// historyShown is how many of the option's last movements the dialog lists.
const historyShown = 30

// historyWidths are the history's columns (일시, 사유, 수량, 변경 후); the memo takes the rest.
var historyWidths = []float32{140, 64, 64, 64}

// showHistory lists the movements read: a header and a row each, in the form's own scroll.
func (d *stockDialog) showHistory() {
	row := func(bold bool, cells ...string) fyne.CanvasObject {
		objs := make([]fyne.CanvasObject, len(cells))
		for i, text := range cells {
			l := &widget.Label{Text: text, Truncation: fyne.TextTruncateEllipsis, TextStyle: fyne.TextStyle{Bold: bold}}
			if i == 2 || i == 3 {
				l.Alignment = fyne.TextAlignTrailing
			}
			objs[i] = l
		}
		return container.New(columns(historyWidths), objs...)
	}
	rows := []fyne.CanvasObject{row(true, lang.L("일시"), lang.L("사유"), lang.L("수량"), lang.L("변경 후"), lang.L("메모"))}
	for i := 0; i < d.history.Len(); i++ {
		m, ok := d.history.Row(i)
		if !ok {
			continue
		}
		sign := ""
		if m.Delta > 0 {
			sign = "+"
		}
		rows = append(rows, row(false, format.DateTime(m.At), reasonLabel(m.Reason), sign+format.Number(m.Delta),
			format.Number(m.StockAfter), m.Note))
	}
	d.list.Objects = rows
	d.list.Refresh()
	if d.form != nil {
		d.form.Refresh()
	}
}

// columns lays its objects side by side at the given widths, the last one taking what is left.
type columns []float32

func (c columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objs {
		w := size.Width - x
		if i < len(c) {
			w = c[i]
		}
		if w < 0 {
			w = 0
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

func (c columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		if i < len(c) {
			s.Width += c[i]
		} else {
			s.Width += m.Width
		}
		s.Height = fyne.Max(s.Height, m.Height)
	}
	return s
}

// consequence is what 재고 반영 would leave: "재고 3개 → 8개", nothing while the quantity is not a number.
func (d *stockDialog) consequence() string {
	delta, ok := parseDelta(d.delta.Text)
	if !ok {
		return ""
	}
	if d.option.Stock+delta < 0 {
		return lang.L("재고 {{.From}}개보다 많이 뺄 수 없습니다.", map[string]any{"From": format.Number(d.option.Stock)})
	}
	return lang.L("재고 {{.From}}개 → {{.To}}개", map[string]any{"From": format.Number(d.option.Stock),
		"To": format.Number(d.option.Stock + delta)})
}

// load shows the option's stock and asks for its history.
func (d *stockDialog) load() {
	d.current.SetText(lang.L("현재 재고 {{.Stock}}개 · 안전재고 {{.Safety}}개",
		map[string]any{"Stock": format.Number(d.option.Stock), "Safety": format.Number(d.option.SafetyStock)}))
	d.history.Load(d.option.ID)
}

func (d *stockDialog) onApply() {
	delta, ok := parseDelta(d.delta.Text)
	if !ok {
		d.form.SetFieldError(d.qty, lang.L("바꿀 수량을 +20 이나 -3 처럼 0이 아닌 숫자로 입력하세요."))
		return
	}
	reason := manualReasons[d.reason.SelectedIndex()]
	id, note := d.option.ID, strings.TrimSpace(d.note.Text)
	d.form.Busy(true)
	background(d.sh, func(ctx context.Context) (catalog.Option, error) {
		return d.sh.desk.Catalog.AdjustStock(ctx, id, delta, reason, note, "")
	}, d.applied)
}

// applied shows the adjustment's outcome: the new stock and history, or why it was refused (the input kept).
func (d *stockDialog) applied(opt catalog.Option, err error) {
	d.form.Busy(false)
	if err != nil {
		d.message.SetText(sellerText(err))
		d.form.Refresh()
		return
	}
	d.message.SetText("")
	d.option = opt
	d.delta.SetText("")
	d.note.SetText("")
	d.load()
	d.form.Changed()
	d.form.Refresh()
	if d.changed != nil {
		d.changed(opt)
	}
}
