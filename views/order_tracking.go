package views

import (
	"context"
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/orders"
	"sellerdesk/app/sheet"
)

// onTrackingFile reads a courier's file (받는분, 연락처, 운송장번호), matches each parcel to the order waiting to
// ship for the same recipient, shows the matches and the parcels it could not place, and enters the
// 송장번호 of the matched ones when the seller confirms.
func (s *ordersScreen) onTrackingFile() {
	s.sh.openFile([]string{".xlsx", ".XLSX", ".csv", ".CSV"}, func(path string) { s.readTrackingFile(path, "") })
}

func (s *ordersScreen) readTrackingFile(path, password string) {
	var matches []orders.TrackingMatch
	var problems []sheet.Problem
	s.sh.runJob(lang.L("송장 파일 맞추기"), lang.L("택배사 파일을 읽고 주문과 맞추는 중입니다…"), func(ctx context.Context, _ func(float64)) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rows, probs, err := sheet.ReadCourierFile(ctx, f, password)
		if err != nil {
			return err
		}
		problems = probs
		matches, err = s.svc.MatchTracking(ctx, rows)
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, context.Canceled):
		case errors.Is(err, sheet.ErrPasswordRequired), errors.Is(err, sheet.ErrWrongPassword):
			s.sh.askPassword(errors.Is(err, sheet.ErrWrongPassword), func(pw string) { s.readTrackingFile(path, pw) })
		case err != nil:
			s.sh.showError(err)
		default:
			s.previewTracking(matches, problems)
		}
	})
}

func (s *ordersScreen) previewTracking(matches []orders.TrackingMatch, problems []sheet.Problem) {
	matched := 0
	for _, m := range matches {
		if len(m.LineIDs) > 0 {
			matched++
		}
	}
	table := newTextTable([]string{lang.L("행"), lang.L("받는 분"), lang.L("송장번호"), lang.L("주문번호"), lang.L("결과")},
		[]float32{50, 90, 140, 170, 400}, func() int { return len(matches) + len(problems) }, func(r, c int) string {
			if r >= len(matches) {
				p := problems[r-len(matches)]
				return []string{fmt.Sprint(p.Row), "", "", "", p.Column + ": " + p.Reason}[c]
			}
			m := matches[r]
			result := lang.L("입력합니다 ({{.N}}개 상품)", map[string]any{"N": len(m.LineIDs)})
			if m.Problem != "" {
				result = m.Problem
			}
			return []string{fmt.Sprint(m.Row.Row), m.Row.Name, m.Row.TrackingNo, m.OrderNo, result}[c]
		})
	courier := widget.NewSelect(orders.CourierNames(), nil)
	courier.SetSelectedIndex(0)
	head := container.NewVBox(
		&widget.Label{Text: lang.L("{{.N}}건 중 {{.M}}건을 주문과 맞췄습니다. 맞추지 못한 건은 '송장 입력'으로 직접 넣으세요.",
			map[string]any{"N": len(matches) + len(problems), "M": matched}), Wrapping: fyne.TextWrapWord},
		widget.NewForm(widget.NewFormItem(lang.L("택배사 (파일에 없을 때)"), courier)))
	body := container.NewBorder(head, nil, nil, nil, table)
	d := dialog.NewCustomConfirm(lang.L("송장 파일 맞추기"), lang.L("{{.N}}건 입력", map[string]any{"N": matched}), lang.L("취소"), body, func(ok bool) {
		if !ok || matched == 0 {
			return
		}
		name := courier.Selected
		working(s.sh, lang.L("송장 파일 맞추기"), lang.L("송장 {{.N}}건을 입력하는 중입니다…", map[string]any{"N": matched}),
			func(ctx context.Context) (orders.ActionResult, error) { return s.svc.ApplyTracking(ctx, matches, name) },
			func(res orders.ActionResult) {
				s.afterChange()
				s.sh.showInfo(lang.L("송장 파일 맞추기"), msgText(res.SummaryMsg(orders.ActionInvoice)))
			})
	}, s.sh.win)
	d.Resize(fyne.NewSize(980, 560))
	d.Show()
}
