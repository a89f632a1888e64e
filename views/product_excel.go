package views

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/atomicfile"
	"sellerdesk/app/catalog"
	"sellerdesk/app/format"
	"sellerdesk/app/productimport"
	"sellerdesk/app/sheet"
	"sellerdesk/views/widgets"
)

// The Excel flows of 상품: template download, 일괄 등록 with a preview of every problem, and 대량 수정
// (export, edit, re-import with a field-by-field diff to confirm). The workflow itself is
// app/productimport, which `sellerdesk import products` runs too; this file asks for files and passwords and
// shows previews. Reading, checking and writing run as jobs behind a progress dialog that can be cancelled;
// nothing is stored until the seller confirms, and then in one transaction.

// saveXLSX asks where to save an xlsx and writes it with write behind the progress dialog with 취소, then
// confirms with 열기 and 폴더 열기; done (may be nil) runs after it was saved.
func (sh *shell) saveXLSX(name string, write func(ctx context.Context, buf *bytes.Buffer) error, done func(path string)) {
	sh.saveSheet(lang.L("엑셀 저장"), name, write, func(path string) string {
		if done != nil {
			done(path)
		}
		return ""
	})
}

// saveSheet asks where to save an xlsx, makes it with write behind the progress dialog with 취소 (a 취소
// or a failure leaves no file), and confirms with what message says (nil or "": the usual sentence), the
// path, 열기 and 폴더 열기.
func (sh *shell) saveSheet(title, name string, write func(ctx context.Context, buf *bytes.Buffer) error, message func(path string) string) {
	sh.saveFile(savedSheet, title, lang.L("엑셀 파일을 만드는 중입니다…"), name, func(ctx context.Context, w io.Writer) error {
		var buf bytes.Buffer
		if err := write(ctx, &buf); err != nil {
			return err
		}
		_, err := w.Write(buf.Bytes())
		return err
	}, func(path string) {
		if message == nil {
			return
		}
		if msg := message(path); msg != "" {
			sh.showSaved(savedSheet, title, path, msg)
		}
	})
}

// writeFileAtomic saves a file the seller asked for through the one atomic writer the command line uses
// too, so a failure never leaves half a file.
func writeFileAtomic(path string, data []byte) error {
	if err := atomicfile.WriteFile(path, data); err != nil {
		return fmt.Errorf("views: write %s: %w", path, err)
	}
	return nil
}

// importer is the product import workflow the command line runs too.
func (s *productsScreen) importer() *productimport.Importer { return productimport.New(s.svc) }

func (s *productsScreen) onTemplate() {
	s.sh.saveSheet(lang.L("템플릿 다운로드"), lang.L("상품등록_템플릿.xlsx"), func(ctx context.Context, buf *bytes.Buffer) error {
		return s.importer().WriteTemplate(ctx, buf)
	}, func(string) string {
		return lang.L("템플릿을 저장했습니다. 예시 행 아래에 상품을 적은 뒤 '일괄 등록'으로 올리세요.")
	})
}

func (s *productsScreen) onBulkExport() {
	f := s.filter()
	if len(s.selected) > 0 {
		f = catalog.ListFilter{IDs: s.selectedIDs(), Archived: s.archived.Checked}
	}
	name := fmt.Sprintf("상품_대량수정_%s.xlsx", s.sh.desk.Now().Format("20060102"))
	s.sh.saveSheet(lang.L("대량 수정 내보내기"), name, func(ctx context.Context, buf *bytes.Buffer) error {
		_, err := s.importer().WriteExport(ctx, buf, f)
		return err
	}, func(string) string {
		return lang.L("엑셀로 내보냈습니다. 상품명, 가격, 상태, 재고를 고친 뒤 '대량 수정 올리기'로 올리세요.")
	})
}

// openXLSX asks for an xlsx, reads and checks it as a job (asking for the password of a protected file)
// and hands the preview to next on the UI goroutine. register picks 일괄 등록, else 대량 수정.
func (s *productsScreen) openXLSX(title string, register bool, next func(*productimport.Preview)) {
	s.sh.chooseOpen(widgets.FileOptions{Title: title, Extensions: []string{".xlsx", ".XLSX"}}, func(path string) {
		s.readXLSX(title, path, "", register, next)
	})
}

// readXLSX reads and checks a file through the import workflow: for a 일괄 등록 it flags codes the store
// already has, for a 대량 수정 it works out the changes.
func (s *productsScreen) readXLSX(title, path, password string, register bool, next func(*productimport.Preview)) {
	mode := productimport.BulkEdit
	if register {
		mode = productimport.Register
	}
	var p *productimport.Preview
	s.sh.runJob(title, lang.L("엑셀 파일을 읽고 검사하는 중입니다…"), func(ctx context.Context, progress func(float64)) error {
		var err error
		p, err = s.importer().Read(ctx, path, password, mode, progress)
		return err
	}, func(err error) {
		var pe *sheet.PasswordError
		switch {
		case errors.Is(err, context.Canceled):
		case errors.As(err, &pe):
			s.sh.askPassword(pe.Wrong, func(pw string) { s.readXLSX(title, path, pw, register, next) })
		case err != nil:
			s.sh.showError(err)
		default:
			next(p)
		}
	})
}

// askPassword asks for an encrypted workbook's password in a widgets.FormDialog: Enter opens, Esc cancels,
// an empty password is refused at the field. The file is read behind its own progress dialog, so a wrong
// password (wrong: the last one typed did not open it) comes back here: the form opens again with the
// problem under the password field.
func (sh *shell) askPassword(wrong bool, then func(string)) *widgets.FormDialog {
	pw := widgets.NewEntry()
	pw.Password = true
	d := sh.formDialog(lang.L("엑셀 암호"), lang.L("열기"))
	d.SetIntro(lang.L("암호가 걸린 엑셀 파일입니다. 파일을 내려받을 때 정한 암호를 입력하세요."))
	field := d.AddField(lang.L("암호"), pw, func() string {
		if pw.Text == "" {
			return lang.L("암호를 입력하세요.")
		}
		return ""
	})
	d.OnSubmit = func() bool {
		then(pw.Text)
		return true
	}
	d.Show()
	if wrong {
		d.SetFieldError(field, lang.L("암호가 맞지 않습니다. 다시 입력하세요."))
	}
	return d
}

// problemTable lists an import's problems by sheet, row, column and reason.
func problemTable(problems []sheet.Problem) fyne.CanvasObject {
	return newTextTable([]string{lang.L("시트"), lang.L("행"), lang.L("열"), lang.L("문제")}, []float32{100, 60, 150, 520},
		func() int { return len(problems) },
		func(row, col int) string {
			p := problems[row]
			return []string{p.Sheet, fmt.Sprint(p.Row), p.Column, p.Text(translate)}[col]
		})
}

func (s *productsScreen) onBulkRegister() {
	s.openXLSX(lang.L("일괄 등록"), true, s.previewRegister)
}

// previewRegister shows what a 일괄 등록 file would add, or every problem in it; 등록 imports all or nothing.
func (s *productsScreen) previewRegister(p *productimport.Preview) {
	var body fyne.CanvasObject
	var d dialog.Dialog
	if len(p.Problems) > 0 {
		body = container.NewBorder(&widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance,
			Text: lang.L("{{.N}}곳에 문제가 있어 아무것도 등록하지 않았습니다. 엑셀을 고친 뒤 다시 올리세요.", map[string]any{"N": format.Number(int64(len(p.Problems)))})},
			nil, nil, nil, problemTable(p.Problems))
		d = dialog.NewCustom(lang.L("일괄 등록 미리보기"), lang.L("닫기"), body, s.sh.win)
	} else {
		summary := lang.L("{{.File}}\n상품 {{.P}}개, 판매 단위(옵션) {{.O}}개를 등록합니다. 모두 한 번에 등록되며, 중간에 취소하면 아무것도 등록되지 않습니다.",
			map[string]any{"File": filepath.Base(p.Path), "P": format.Number(int64(len(p.Products))), "O": format.Number(int64(p.Options))})
		top := container.NewVBox(&widget.Label{Text: summary, Wrapping: fyne.TextWrapWord})
		if notes := previewNotes(p); notes != nil {
			top.Add(notes)
		}
		body = container.NewBorder(top, nil, nil, nil, previewTable(p.Products))
		d = dialog.NewCustomConfirm(lang.L("일괄 등록 미리보기"), lang.L("등록"), lang.L("취소"), body, func(ok bool) {
			if ok {
				s.runRegister(p)
			}
		}, s.sh.win)
	}
	d.Resize(fyne.NewSize(900, 560))
	d.Show()
}

// previewNotes says what the reader decided on its own: the template's rows it skipped (필수/선택, example,
// guide rows) and the codes it made for rows without 판매자 상품코드, the first few of each and how many more,
// so a seller sees them before anything is written. nil when there is nothing to say.
func previewNotes(p *productimport.Preview) fyne.CanvasObject {
	notes := p.Notes()
	if len(notes) == 0 {
		return nil
	}
	const shown = 5
	var lines []string
	for i, n := range notes {
		if i == shown {
			lines = append(lines, lang.L("외 {{.N}}건", map[string]any{"N": format.Number(int64(len(notes) - shown))}))
			break
		}
		lines = append(lines, format.FixParticles(n))
	}
	return &widget.Label{Text: strings.Join(lines, "\n"), Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
}

func notesOrNothing(p *productimport.Preview) []fyne.CanvasObject {
	if n := previewNotes(p); n != nil {
		return []fyne.CanvasObject{n}
	}
	return nil
}

// previewTable shows the products a file holds: code, name, price, options, stock.
func previewTable(ps []catalog.Product) fyne.CanvasObject {
	return newTextTable([]string{lang.L("상품코드"), lang.L("상품명"), lang.L("판매가"), lang.L("옵션"), lang.L("재고")},
		[]float32{140, 380, 110, 70, 80},
		func() int { return len(ps) },
		func(row, col int) string {
			p := ps[row]
			return []string{p.Code, p.Name, format.Won(p.Price), fmt.Sprint(len(p.Options)), format.Number(p.TotalStock())}[col]
		})
}

// applyFile writes a checked file to the store through the workflow, as a cancellable job, and tells the
// seller the outcome.
func (s *productsScreen) applyFile(title, working, cancelled string, p *productimport.Preview, done func(catalog.ImportResult) string) {
	var res catalog.ImportResult
	s.sh.runJob(title, working, func(ctx context.Context, progress func(float64)) error {
		var err error
		res, err = s.importer().Apply(ctx, p, progress)
		return err
	}, func(err error) {
		if errors.Is(err, context.Canceled) {
			dialog.ShowInformation(title, cancelled, s.sh.win)
			return
		}
		if err != nil {
			s.sh.showError(err)
			return
		}
		s.reloadInPlace() // a bulk edit keeps the list where the seller was
		background(s.sh, s.svc.Categories, s.setCategories)
		dialog.ShowInformation(title, done(res), s.sh.win)
	})
}

func (s *productsScreen) runRegister(p *productimport.Preview) {
	s.applyFile(lang.L("일괄 등록"), lang.L("상품을 등록하는 중입니다…"), lang.L("취소했습니다. 아무것도 등록하지 않았습니다."), p,
		func(res catalog.ImportResult) string {
			return lang.L("상품 {{.P}}개(옵션 {{.O}}개)를 등록했습니다.", map[string]any{"P": format.Number(int64(res.Created)), "O": format.Number(int64(res.Options))})
		})
}

func (s *productsScreen) onBulkImport() {
	s.openXLSX(lang.L("대량 수정 올리기"), false, s.previewBulkEdit)
}

// previewBulkEdit lists every change (field: old → new) for the seller to confirm before applying it.
func (s *productsScreen) previewBulkEdit(p *productimport.Preview) {
	if len(p.Problems) > 0 {
		s.previewRegister(p)
		return
	}
	if p.Unchanged() {
		dialog.ShowInformation(lang.L("대량 수정"), lang.L("바뀐 내용이 없습니다."), s.sh.win)
		return
	}
	changes := p.Changes
	t := newTextTable([]string{lang.L("상품"), lang.L("항목"), lang.L("지금"), lang.L("바뀔 값")}, []float32{260, 100, 220, 220},
		func() int { return len(changes) },
		func(row, col int) string {
			c := changes[row]
			return []string{c.Product, c.Field, c.Old, c.New}[col]
		})
	summary := lang.L("{{.N}}건이 바뀝니다. 재고 변경은 '일괄수정' 재고 이력으로 남습니다. 반영할까요?", map[string]any{"N": format.Number(int64(len(changes)))})
	d := dialog.NewCustomConfirm(lang.L("대량 수정 확인"), lang.L("반영"), lang.L("취소"),
		container.NewBorder(container.NewVBox(append([]fyne.CanvasObject{widget.NewLabel(summary)}, notesOrNothing(p)...)...), nil, nil, nil, t), func(ok bool) {
			if ok {
				s.runBulkEdit(p)
			}
		}, s.sh.win)
	d.Resize(fyne.NewSize(900, 560))
	d.Show()
}

func (s *productsScreen) runBulkEdit(p *productimport.Preview) {
	s.applyFile(lang.L("대량 수정"), lang.L("변경 내용을 반영하는 중입니다…"), lang.L("취소했습니다. 아무것도 바꾸지 않았습니다."), p,
		func(res catalog.ImportResult) string {
			return lang.L("상품 {{.N}}개를 수정했습니다.", map[string]any{"N": format.Number(int64(res.Updated))})
		})
}
