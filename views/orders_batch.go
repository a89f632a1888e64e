package views

// The order list's selection and what it does to the ticked orders: status moves, 일괄발송 file, 발주서.

import (
	"bytes"
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/format"
	"sellerdesk/app/orders"
	"sellerdesk/app/purchasing"
	"sellerdesk/app/sheet"
	"sellerdesk/views/widgets"
)

func (s *ordersScreen) onCheck(id int64, on bool) {
	if on {
		s.selected[id] = true
	} else {
		delete(s.selected, id)
	}
	s.updateBatch()
}

func (s *ordersScreen) clearSelection() {
	s.selected = map[int64]bool{}
	s.updateBatch()
	if s.table != nil {
		s.table.Refresh()
	}
}

func (s *ordersScreen) selectedIDs() []int64 {
	ids := make([]int64, 0, len(s.selected))
	for id := range s.selected {
		ids = append(ids, id)
	}
	return ids
}

func (s *ordersScreen) updateBatch() {
	if len(s.selected) == 0 {
		s.batch.Hide()
		return
	}
	s.batchInfo.SetText(lang.L("{{.N}}건 선택", map[string]any{"N": format.Number(int64(len(s.selected)))}))
	s.batch.Show()
}

// onAction asks what an action needs (a tracking number, a cancel reason), applies it off the UI goroutine,
// and reports any line it refused with the reason.
func (s *ordersScreen) onAction(a orders.Action, ids []int64) {
	apply := func(in orders.ActionInput) {
		// a move of many lines writes stock and history for each: behind the progress dialog, not the window
		working(s.sh, lang.L(a.Label()), lang.L("주문 {{.N}}건을 처리하는 중입니다…", map[string]any{"N": format.Number(int64(len(ids)))}),
			func(ctx context.Context) (orders.ActionResult, error) { return s.svc.Apply(ctx, a, ids, in) },
			func(res orders.ActionResult) { s.afterAction(a, res) })
	}
	s.askAction(a, apply)
}

// afterAction reloads the list after an action and says what it did: a toast when every line moved, or
// the lines it refused grouped by the reason.
func (s *ordersScreen) afterAction(a orders.Action, res orders.ActionResult) {
	s.afterChange()
	if len(res.Refused) == 0 {
		s.sh.toast(lang.L("주문 {{.N}}건을 {{.Action}} 처리했습니다.", map[string]any{"N": format.Number(int64(res.Done)), "Action": lang.L(a.Label())}))
		return
	}
	rs := make([]refusal, len(res.Refused))
	for i, r := range res.Refused {
		rs[i] = refusal{r.ProductOrderNo, msgText(r.Why)}
	}
	s.sh.showInfo(lang.L(a.Label()), lang.L("{{.Done}}건 처리했습니다. 처리하지 못한 주문 {{.N}}건:", map[string]any{
		"Done": res.Done, "N": format.Number(int64(len(rs)))})+"\n"+groupRefusals(rs))
}

// askAction asks what an action needs (a tracking number, a cancel reason) and hands it to apply.
func (s *ordersScreen) askAction(a orders.Action, apply func(orders.ActionInput)) {
	switch a {
	case orders.ActionInvoice:
		courier := newSelect(orders.CourierNames(), nil)
		courier.SetSelectedIndex(0)
		tracking := widgets.NewEntryWithPlaceholder(lang.L("예: 6012-3456-7890"))
		newScreenForm(s.sh, lang.L("송장 입력"), lang.L("저장"), 460, []formRow{
			{label: lang.L("택배사"), input: courier, field: "courier"},
			{label: lang.L("송장번호"), input: tracking, field: "tracking"},
		}, func(f *screenForm) {
			no := trackingDigits(tracking.Text)
			if no == "" {
				f.setErrors(map[string]string{"tracking": lang.L("송장번호를 입력하세요.")})
				return
			}
			f.close()
			apply(orders.ActionInput{Courier: courier.Selected, TrackingNo: no})
		}).show()
	case orders.ActionCancel:
		reason := widgets.NewEntryWithPlaceholder(lang.L("예: 고객 요청, 품절"))
		f := newFormWith(s.sh, lang.L("주문 취소"), lang.L("취소 처리"), lang.L("닫기"), 460, nil, []formRow{
			{input: &widget.Label{Text: lang.L("재고는 자동으로 되돌립니다."), Wrapping: fyne.TextWrapWord}},
			{label: lang.L("취소 사유"), input: reason, field: "reason"},
		}, func(f *screenForm) {
			if strings.TrimSpace(reason.Text) == "" {
				f.setErrors(map[string]string{"reason": lang.L("취소 사유를 입력하세요.")})
				return
			}
			f.close()
			apply(orders.ActionInput{Reason: reason.Text})
		})
		f.d.SetConfirmImportance(widget.DangerImportance)
		f.show()
	default:
		apply(orders.ActionInput{})
	}
}

// afterChange reloads the list and any open detail after an action.
func (s *ordersScreen) afterChange() {
	s.clearSelection()
	s.reload()
	if s.detail != nil {
		s.openDetail(s.detail.d.Order.ID)
	}
}

// onDispatchFile saves Smart Store's 일괄발송 upload for the selected lines (or every paid line not yet
// shipped) that have a 송장번호, and says which lines were left out and why (no 송장번호, a cancel request),
// grouped by the reason.
func (s *ordersScreen) onDispatchFile() {
	ids := s.selectedIDs()
	background(s.sh, func(ctx context.Context) (orders.DispatchPlan, error) { return s.svc.DispatchPlan(ctx, ids) },
		func(p orders.DispatchPlan, err error) {
			if err != nil {
				s.sh.showError(err)
				return
			}
			s.saveDispatch(p)
		})
}

// leftOut says which lines a dispatch plan left out, once per reason.
func leftOut(p orders.DispatchPlan) string {
	rs := make([]refusal, len(p.Left))
	for i, l := range p.Left {
		rs[i] = refusal{l.ProductOrderNo, msgText(l.Why)}
	}
	return lang.L("빠진 주문 {{.N}}건:", map[string]any{"N": format.Number(int64(len(rs)))}) + "\n" + groupRefusals(rs)
}

// saveDispatch writes the 일괄발송 rows to the file the seller picks.
func (s *ordersScreen) saveDispatch(p orders.DispatchPlan) {
	if len(p.Rows) == 0 {
		msg := lang.L("송장번호가 입력된 발송 전 주문이 없습니다. 먼저 '송장 입력'을 하세요.")
		if len(p.Left) > 0 {
			msg += "\n" + leftOut(p)
		}
		s.sh.showInfo(lang.L("일괄발송 파일"), msg)
		return
	}
	name := "일괄발송_" + s.sh.desk.Now().Format("20060102") + ".xlsx"
	s.sh.saveSheet(lang.L("일괄발송 파일"), name, func(_ context.Context, buf *bytes.Buffer) error {
		return sheet.WriteDispatch(buf, p.Rows)
	}, func(string) string {
		msg := lang.L("{{.N}}건을 저장했습니다. 스마트스토어 발주발송관리 → 엑셀 일괄발송에 올리세요.", map[string]any{"N": format.Number(int64(len(p.Rows)))})
		if len(p.Left) > 0 {
			msg += "\n" + leftOut(p)
		}
		if unknown := sheet.DispatchCourierUnknown(p.Rows); len(unknown) > 0 {
			// Smart Store refuses a row whose 택배사 it does not know: say so before the seller uploads
			msg += "\n" + lang.L("스마트스토어가 모르는 택배사 이름이 있습니다: {{.Names}}. 올리기 전에 택배사를 목록의 이름으로 고치세요.",
				map[string]any{"Names": strings.Join(unknown, ", ")})
		}
		return msg
	})
}

// onPurchaseOrder makes purchase orders for the selected lines, one per supplier, or — when the supplier
// ships to the customer (직배송) — one per recipient.
func (s *ordersScreen) onPurchaseOrder() {
	ids := s.selectedIDs()
	dropship := widget.NewCheck(lang.L("공급업체가 고객에게 직접 배송 (직배송)"), nil)
	dialog.ShowCustomConfirm(lang.L("발주서 만들기"), lang.L("다음"), lang.L("취소"), container.NewVBox(
		&widget.Label{Text: lang.L("선택한 주문 {{.N}}건을 상품의 공급업체별로 발주합니다.", map[string]any{"N": format.Number(int64(len(ids)))}), Wrapping: fyne.TextWrapWord},
		dropship), func(ok bool) {
		if !ok {
			return
		}
		type drafted struct {
			drafts  []purchasing.Draft
			skipped []purchasing.Skipped
		}
		direct := dropship.Checked
		background(s.sh, func(ctx context.Context) (drafted, error) {
			drafts, skipped, err := s.sh.desk.POs.OrderDrafts(ctx, ids, direct)
			return drafted{drafts, skipped}, err
		}, func(d drafted, err error) {
			if err != nil {
				s.sh.showError(err)
				return
			}
			s.sh.confirmDrafts(d.drafts, d.skipped, func(numbers []string) {
				s.clearSelection()
				s.sh.showInfo(lang.L("발주서 만들기"), lang.L("발주서를 만들었습니다: {{.List}}. '발주' 화면에서 PDF로 저장하세요.",
					map[string]any{"List": strings.Join(numbers, ", ")}))
			})
		})
	}, s.sh.win)
}
