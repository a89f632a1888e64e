package views

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
	"sellerdesk/app/format"
	"sellerdesk/app/sheet"
	"sellerdesk/views/widgets"
)

// onImport picks a Smart Store export (xlsx, xls, csv …) and imports it.
func (s *ordersScreen) onImport() {
	s.sh.openFile(rowFileExtensions, func(path string) { s.importFile(path, "") })
}

// rowFileExtensions are the files the order and courier imports read: xlsx, Excel 97–2003 .xls (and the HTML
// tables and text that Korean tools save under that name), CSV, tab-separated text.
var rowFileExtensions = []string{".xlsx", ".XLSX", ".xls", ".XLS", ".csv", ".CSV", ".tsv", ".TSV", ".txt", ".TXT", ".htm", ".HTM", ".html", ".HTML"}

// openFile asks for a file with one of the extensions and hands its path to open.
func (sh *shell) openFile(exts []string, open func(path string)) {
	sh.chooseOpen(widgets.FileOptions{Extensions: exts}, open)
}

// importFile imports a file in the background with progress and 취소, asking for the password when the
// file has one, then shows the result. The import is the desk's one workflow (the headless command runs the
// same): the lines and the return requests of lines Smart Store returned go in together, or not at all.
func (s *ordersScreen) importFile(path, password string) {
	var res app.OrderImport
	s.sh.runJob(lang.L("주문 가져오기"), lang.L("주문 파일을 읽고 반영하는 중입니다…"), func(ctx context.Context, progress func(float64)) error {
		var err error
		res, err = s.sh.desk.ImportOrderFile(ctx, path, password, progress)
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, context.Canceled):
			s.sh.showInfo(lang.L("주문 가져오기"), lang.L("취소했습니다. 아무것도 바꾸지 않았습니다."))
		case errors.Is(err, sheet.ErrPasswordRequired), errors.Is(err, sheet.ErrWrongPassword):
			s.sh.askPassword(errors.Is(err, sheet.ErrWrongPassword), func(pw string) { s.importFile(path, pw) })
		case err != nil:
			s.sh.showError(err)
		default:
			s.refresh()
			s.showImportResult(res)
		}
	})
}

// showImportResult shows the counts and, when rows failed, each problem by sheet, row and column.
func (s *ordersScreen) showImportResult(imp app.OrderImport) {
	res := imp.Orders
	summary := lang.L("새 주문 {{.New}}건, 변경 {{.Updated}}건, 그대로 {{.Unchanged}}건, 실패 {{.Failed}}건", map[string]any{
		"New": res.New, "Updated": res.Updated, "Unchanged": res.Unchanged, "Failed": res.Failed})
	parts := []fyne.CanvasObject{&widget.Label{Text: summary, TextStyle: fyne.TextStyle{Bold: true}}}
	if res.Unmatched > 0 {
		parts = append(parts, &widget.Label{Text: lang.L("상품과 연결되지 않은 주문이 {{.N}}건 있습니다. '상품 미연결만'으로 찾아 주문 상세에서 연결하세요.",
			map[string]any{"N": format.Number(int64(res.Unmatched))}), Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance})
	}
	if imp.ReturnsOpened > 0 {
		parts = append(parts, &widget.Label{Text: lang.L("스마트스토어에서 반품·교환된 주문 {{.N}}건을 '반품·교환'에 검수 대기로 열었습니다.",
			map[string]any{"N": format.Number(int64(imp.ReturnsOpened))}), Wrapping: fyne.TextWrapWord, Importance: widget.HighImportance})
	}
	for _, o := range res.OversoldWhy {
		parts = append(parts, &widget.Label{Text: lang.L("재고 확인") + ": " + msgText(o), Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance})
	}
	var body fyne.CanvasObject = container.NewVBox(parts...)
	if len(res.Problems) > 0 {
		body = container.NewBorder(container.NewVBox(parts...), nil, nil, nil, problemTable(res.Problems))
	}
	d := dialog.NewCustom(lang.L("주문 가져오기 결과"), lang.L("닫기"), body, s.sh.win)
	if len(res.Problems) > 0 {
		d.Resize(fyne.NewSize(900, 520))
	} else {
		d.Resize(fyne.NewSize(560, 0))
	}
	d.Show()
}
