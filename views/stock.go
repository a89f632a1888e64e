package views

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
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

// stockDialog adjusts one option's stock with a reason and shows its history (재고 이력).
type stockDialog struct {
	sh      *shell
	product catalog.Product
	option  catalog.Option
	changed func(catalog.Option)
	current *widget.Label
	delta   *widget.Entry
	reason  *widget.Select
	note    *widget.Entry
	message *widget.Label
	apply   *widget.Button                               // 재고 반영, off while an adjustment is being written so a second tap adds nothing twice
	history *widgets.ListSource[int64, catalog.Movement] // the option's last 200 movements, read in the background
	state   *widget.Label                                // 불러오는 중 while the history loads
	list    *widget.Table
	dlg     *dialog.CustomDialog
}

// showStock opens the stock dialog for opt; changed is called with the option after each adjustment.
func (sh *shell) showStock(p catalog.Product, opt catalog.Option, changed func(catalog.Option)) *stockDialog {
	d := &stockDialog{sh: sh, product: p, option: opt, changed: changed}
	d.current = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	d.delta = &widget.Entry{PlaceHolder: lang.L("수량 (예: +20, -3)")}
	d.delta.ExtendBaseWidget(d.delta)
	labels := make([]string, len(manualReasons))
	for i, r := range manualReasons {
		labels[i] = reasonLabel(r)
	}
	d.reason = newSelect(labels, nil)
	d.reason.SetSelectedIndex(0)
	d.note = &widget.Entry{PlaceHolder: lang.L("메모 (예: 공급업체 입고, 실사 차이)")}
	d.note.ExtendBaseWidget(d.note)
	d.message = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	d.message.Hide()
	d.state = &widget.Label{}
	d.history = trackList(sh, &widgets.ListSource[int64, catalog.Movement]{
		Page: func(ctx context.Context, optionID int64, _, _, _ int) ([]catalog.Movement, error) {
			return sh.desk.Catalog.Movements(ctx, optionID, 200)
		},
		OnChange: func(ev widgets.ListEvent) {
			if !sh.showListState(d.state, ev, d.history.Err()) {
				d.state.SetText("")
			}
			d.list.Refresh()
		},
	})
	d.list = &widget.Table{
		Length:     func() (int, int) { return d.history.Len(), 5 },
		CreateCell: func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		UpdateCell: func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			m, ok := d.history.Row(id.Row)
			if !ok {
				l.SetText("")
				return
			}
			l.Alignment = fyne.TextAlignLeading
			switch id.Col {
			case 0:
				l.SetText(format.DateTime(m.At))
			case 1:
				l.SetText(reasonLabel(m.Reason))
			case 2:
				l.Alignment = fyne.TextAlignTrailing
				sign := ""
				if m.Delta > 0 {
					sign = "+"
				}
				l.SetText(sign + format.Number(m.Delta))
			case 3:
				l.Alignment = fyne.TextAlignTrailing
				l.SetText(format.Number(m.StockAfter))
			case 4:
				l.SetText(m.Note)
			}
		},
		ShowHeaderRow: true,
		CreateHeader:  func() fyne.CanvasObject { return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}} },
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText([]string{lang.L("일시"), lang.L("사유"), lang.L("수량"), lang.L("변경 후"), lang.L("메모")}[id.Col])
		},
	}
	d.list.ExtendBaseWidget(d.list)
	for col, w := range []float32{150, 80, 80, 80, 230} {
		d.list.SetColumnWidth(col, w)
	}
	d.load()
	name := p.Name
	if opt.Label() != "" {
		name += " · " + opt.Label()
	}
	d.apply = &widget.Button{Text: lang.L("재고 반영"), Importance: widget.HighImportance, OnTapped: d.onApply}
	form := container.NewVBox(
		widget.NewLabel(name), d.current,
		// the memo on a row of its own: a third of the row was narrower than its own example, which then
		// scrolled sideways inside the input
		container.NewGridWithColumns(2, d.delta, d.reason), d.note,
		container.NewHBox(d.apply),
		d.message,
		container.NewHBox(&widget.Label{Text: lang.L("재고 이력"), TextStyle: fyne.TextStyle{Bold: true}}, d.state),
	)
	d.dlg = dialog.NewCustom(lang.L("재고 조정"), lang.L("닫기"), container.NewBorder(form, nil, nil, nil, d.list), sh.win)
	d.dlg.Resize(fyne.NewSize(700, 560))
	d.dlg.Show()
	return d
}

// load shows the option's stock and asks for its history.
func (d *stockDialog) load() {
	d.current.SetText(lang.L("현재 재고 {{.Stock}}개 · 안전재고 {{.Safety}}개",
		map[string]any{"Stock": format.Number(d.option.Stock), "Safety": format.Number(d.option.SafetyStock)}))
	d.history.Load(d.option.ID)
}

func (d *stockDialog) onApply() {
	text := strings.TrimPrefix(strings.ReplaceAll(strings.TrimSpace(d.delta.Text), ",", ""), "+")
	delta, err := strconv.ParseInt(text, 10, 64)
	if err != nil || delta == 0 {
		d.message.SetText(lang.L("바꿀 수량을 +20 이나 -3 처럼 0이 아닌 숫자로 입력하세요."))
		d.message.Show()
		return
	}
	reason := manualReasons[d.reason.SelectedIndex()]
	id, note := d.option.ID, strings.TrimSpace(d.note.Text)
	d.apply.Disable()
	background(d.sh, func(ctx context.Context) (catalog.Option, error) {
		return d.sh.desk.Catalog.AdjustStock(ctx, id, delta, reason, note, "")
	}, d.applied)
}

// applied shows the adjustment's outcome: the new stock and history, or why it was refused (the input kept).
func (d *stockDialog) applied(opt catalog.Option, err error) {
	d.apply.Enable()
	if err != nil {
		d.message.SetText(sellerText(err))
		d.message.Show()
		return
	}
	d.message.Hide()
	d.option = opt
	d.delta.SetText("")
	d.note.SetText("")
	d.load()
	if d.changed != nil {
		d.changed(opt)
	}
}
