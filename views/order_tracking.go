package views

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

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
	s.sh.openFile(rowFileExtensions, func(path string) { s.readTrackingFile(path, "") })
}

func (s *ordersScreen) readTrackingFile(path, password string) {
	var matches []orders.TrackingMatch
	var problems []sheet.Problem
	var entered map[int64]string
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
		if matches, err = s.svc.MatchTracking(ctx, rows); err != nil {
			return err
		}
		entered, err = s.enteredTracking(ctx, matches)
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, context.Canceled):
		case errors.Is(err, sheet.ErrPasswordRequired), errors.Is(err, sheet.ErrWrongPassword):
			s.sh.askPassword(errors.Is(err, sheet.ErrWrongPassword), func(pw string) { s.readTrackingFile(path, pw) })
		case err != nil:
			s.sh.showError(err)
		default:
			s.previewTracking(matches, problems, entered)
		}
	})
}

// enteredTracking reads the 송장번호 already entered on the matched lines, by line: a courier file must not
// overwrite them unasked.
func (s *ordersScreen) enteredTracking(ctx context.Context, matches []orders.TrackingMatch) (map[int64]string, error) {
	out := map[int64]string{}
	seen := map[string]bool{}
	for _, m := range matches {
		if len(m.LineIDs) == 0 || seen[m.OrderNo] {
			continue
		}
		seen[m.OrderNo] = true
		lines, err := s.svc.Find(ctx, orders.Query{Search: m.OrderNo})
		if err != nil {
			return nil, err
		}
		for _, l := range lines {
			if t := strings.TrimSpace(l.TrackingNo); t != "" {
				out[l.ID] = t
			}
		}
	}
	return out, nil
}

// replaced is the 송장번호 a match would overwrite: one already entered on its lines that differs from the
// file's ("" when none).
func replaced(m orders.TrackingMatch, entered map[int64]string) string {
	for _, id := range m.LineIDs {
		if old, ok := entered[id]; ok && trackingDigits(old) != trackingDigits(m.Row.TrackingNo) {
			return old
		}
	}
	return ""
}

func (s *ordersScreen) previewTracking(matches []orders.TrackingMatch, problems []sheet.Problem, entered map[int64]string) {
	matched, replacing := 0, 0
	for _, m := range matches {
		if len(m.LineIDs) > 0 {
			matched++
			if replaced(m, entered) != "" {
				replacing++
			}
		}
	}
	overwrite := widget.NewCheck(lang.L("이미 입력된 송장 {{.N}}건도 파일의 번호로 바꾸기", map[string]any{"N": replacing}), nil)
	table := newTextTable([]string{lang.L("행"), lang.L("받는 분"), lang.L("송장번호"), lang.L("주문번호"), lang.L("결과")},
		[]float32{50, 90, 140, 170, 400}, func() int { return len(matches) + len(problems) }, func(r, c int) string {
			if r >= len(matches) {
				p := problems[r-len(matches)]
				return []string{fmt.Sprint(p.Row), "", "", "", p.Column + ": " + p.Text(translate)}[c]
			}
			m := matches[r]
			result := lang.L("입력합니다 ({{.N}}개 상품)", map[string]any{"N": len(m.LineIDs)})
			if old := replaced(m, entered); old != "" {
				result = lang.L("이미 송장 {{.Old}} 입력됨: 바꾸기를 고르면 바꿉니다", map[string]any{"Old": old})
			}
			if m.Why.Key != "" {
				result = msgText(m.Why)
			}
			return []string{fmt.Sprint(m.Row.Row), m.Row.Name, m.Row.TrackingNo, m.OrderNo, result}[c]
		})
	courier := newSelect(orders.CourierNames(), nil)
	courier.SetSelectedIndex(0)
	head := container.NewVBox(
		&widget.Label{Text: lang.L("{{.N}}건 중 {{.M}}건을 주문과 맞췄습니다. 맞추지 못한 건은 '송장 입력'으로 직접 넣으세요.",
			map[string]any{"N": len(matches) + len(problems), "M": matched}), Wrapping: fyne.TextWrapWord},
		widget.NewForm(widget.NewFormItem(lang.L("택배사 (파일에 없을 때)"), courier)))
	if replacing > 0 {
		head.Add(&widget.Label{Text: lang.L("{{.N}}건은 이미 다른 송장번호가 입력되어 있습니다. 그대로 두려면 아래 상자를 비워 두세요.",
			map[string]any{"N": replacing}), Importance: widget.WarningImportance, Wrapping: fyne.TextWrapWord})
		head.Add(overwrite)
	}
	body := container.NewBorder(head, nil, nil, nil, table)
	d := dialog.NewCustomConfirm(lang.L("송장 파일 맞추기"), lang.L("{{.N}}건 입력", map[string]any{"N": matched}), lang.L("취소"), body, func(ok bool) {
		if !ok || matched == 0 {
			return
		}
		// the numbers are kept without hyphens; a parcel whose order already has another number is left as
		// it is unless the seller chose to replace them
		var apply []orders.TrackingMatch
		for _, m := range matches {
			if len(m.LineIDs) == 0 || (!overwrite.Checked && replaced(m, entered) != "") {
				continue
			}
			m.Row.TrackingNo = trackingDigits(m.Row.TrackingNo)
			apply = append(apply, m)
		}
		if len(apply) == 0 {
			return
		}
		name := courier.Selected
		working(s.sh, lang.L("송장 파일 맞추기"), lang.L("송장 {{.N}}건을 입력하는 중입니다…", map[string]any{"N": len(apply)}),
			func(ctx context.Context) (orders.ActionResult, error) { return s.svc.ApplyTracking(ctx, apply, name) },
			func(res orders.ActionResult) {
				s.afterChange()
				s.sh.showInfo(lang.L("송장 파일 맞추기"), msgText(res.SummaryMsg(orders.ActionInvoice)))
			})
	}, s.sh.win)
	d.Resize(fyne.NewSize(980, 560))
	d.Show()
}
