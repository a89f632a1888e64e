package views

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
	"sellerdesk/app/catalog"
	"sellerdesk/views/widgets"
)

// catalogSetup manages categories (a tree) and suppliers, in one dialog with a tab each.
type catalogSetup struct {
	sh       *shell
	svc      *catalog.Service
	cats     []catalog.Category
	catList  *widget.List
	catPick  int
	sups     []catalog.Supplier
	supList  *widget.List
	supPick  int
	supForm  map[string]*widgets.Field
	supSaved *widget.Label
	supSave  *widget.Button // disabled while a save is in flight
	dlg      *dialog.CustomDialog
	onClose  func()
}

// showCatalogSetup opens the 카테고리·공급업체 dialog; onClose runs when it closes.
func (sh *shell) showCatalogSetup(onClose func()) *catalogSetup {
	s := &catalogSetup{sh: sh, svc: sh.desk.Catalog, catPick: -1, supPick: -1, onClose: onClose}
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("카테고리"), s.buildCategories()),
		container.NewTabItem(lang.L("공급업체"), s.buildSuppliers()),
	)
	s.loadCategories()
	s.loadSuppliers(nil)
	s.dlg = dialog.NewCustom(lang.L("카테고리·공급업체"), lang.L("닫기"), tabs, sh.win)
	s.dlg.SetOnClosed(func() {
		if s.onClose != nil {
			s.onClose()
		}
	})
	s.dlg.Resize(fyne.NewSize(860, 560))
	s.dlg.Show()
	return s
}

func (s *catalogSetup) buildCategories() fyne.CanvasObject {
	s.catList = &widget.List{
		Length:     func() int { return len(s.cats) },
		CreateItem: func() fyne.CanvasObject { return widget.NewLabel("카테고리 이름") },
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			c := s.cats[id]
			o.(*widget.Label).SetText(strings.Repeat("      ", c.Depth) + c.Name)
		},
		OnSelected: func(id widget.ListItemID) { s.catPick = id },
	}
	s.catList.ExtendBaseWidget(s.catList)
	buttons := container.NewVBox(
		&widget.Button{Text: lang.L("새 카테고리"), Icon: theme.ContentAddIcon(), OnTapped: func() { s.editCategory(catalog.Category{}) }},
		&widget.Button{Text: lang.L("하위 카테고리 추가"), Icon: theme.ContentAddIcon(), OnTapped: s.onAddChild},
		&widget.Button{Text: lang.L("이름 바꾸기"), Icon: theme.DocumentCreateIcon(), OnTapped: s.onRename},
		&widget.Button{Text: lang.L("삭제"), Icon: theme.DeleteIcon(), Importance: widget.DangerImportance, OnTapped: s.onDeleteCategory},
	)
	return container.NewBorder(nil, nil, nil, buttons, s.catList)
}

// loadCategories reads the category tree off the UI goroutine and shows it when it arrives.
func (s *catalogSetup) loadCategories() {
	background(s.sh, s.svc.Categories, s.setCategories)
}

func (s *catalogSetup) setCategories(cats []catalog.Category, err error) {
	if err != nil {
		s.sh.showError(err)
		return
	}
	s.cats = cats
	s.catPick = -1
	s.catList.UnselectAll()
	s.catList.Refresh()
}

func (s *catalogSetup) picked() (catalog.Category, bool) {
	if s.catPick < 0 || s.catPick >= len(s.cats) {
		dialog.ShowInformation(lang.L("카테고리"), lang.L("먼저 목록에서 카테고리를 고르세요."), s.sh.win)
		return catalog.Category{}, false
	}
	return s.cats[s.catPick], true
}

func (s *catalogSetup) onAddChild() {
	if parent, ok := s.picked(); ok {
		s.editCategory(catalog.Category{ParentID: parent.ID})
	}
}

func (s *catalogSetup) onRename() {
	if c, ok := s.picked(); ok {
		s.editCategory(c)
	}
}

// categoryDialog asks for the name of a new or renamed category and saves it (a widgets.FormDialog): an
// empty name, or one its siblings already have, shows under the name with what the seller typed kept; the
// line above the buttons says where the category goes ("의류 > 상의 카테고리를 만듭니다."), Enter saves, Esc
// cancels.
type categoryDialog struct {
	s     *catalogSetup
	cat   catalog.Category
	name  *widgets.Entry
	field *widgets.FormField
	form  *widgets.FormDialog
}

// editCategory opens the dialog for c (ID 0: a new category).
func (s *catalogSetup) editCategory(c catalog.Category) *categoryDialog {
	d := &categoryDialog{s: s, cat: c, name: widgets.NewEntryWithPlaceholder(lang.L("예: 상의"))}
	d.name.SetText(c.Name)
	title, confirm := lang.L("새 카테고리"), lang.L("만들기")
	if c.ID != 0 {
		title, confirm = lang.L("이름 바꾸기"), lang.L("저장")
	}
	d.form = widgets.NewFormDialog(s.sh.win, title, confirm, lang.L("취소"))
	d.field = d.form.AddField(lang.L("이름"), d.name, func() string {
		if strings.TrimSpace(d.name.Text) == "" {
			return lang.L("카테고리 이름을 입력하세요.")
		}
		return ""
	})
	if parent := s.parentPath(c.ParentID); parent != "" {
		d.field.Hint = lang.L("상위 카테고리: {{.Path}}", map[string]any{"Path": parent})
	}
	d.form.Consequence = d.consequence
	d.form.OnSubmit = func() bool { d.onSave(); return false }
	d.form.Show()
	return d
}

// parentPath is the path of the category id ("" for the top level or one not in the list).
func (s *catalogSetup) parentPath(id int64) string {
	for _, c := range s.cats {
		if c.ID == id && id != 0 {
			return c.Path
		}
	}
	return ""
}

// consequence says what saving does with the name typed: where the new category goes, or the rename.
func (d *categoryDialog) consequence() string {
	name := strings.TrimSpace(d.name.Text)
	if name == "" {
		return ""
	}
	path := name
	if parent := d.s.parentPath(d.cat.ParentID); parent != "" {
		path = parent + " > " + name
	}
	if d.cat.ID == 0 {
		return lang.L("{{.Path}} 카테고리를 만듭니다.", map[string]any{"Path": path})
	}
	if name == d.cat.Name {
		return lang.L("이름이 그대로입니다.")
	}
	return lang.L("이름을 바꿉니다: {{.Old}} → {{.Path}}", map[string]any{"Old": d.cat.Path, "Path": path})
}

func (d *categoryDialog) onSave() {
	c := d.cat
	c.Name = strings.TrimSpace(d.name.Text)
	submitForm(d.s.sh, d.form, map[string]*widgets.FormField{"name": d.field},
		func(ctx context.Context) (catalog.Category, error) { return d.s.svc.SaveCategory(ctx, c) },
		func(saved catalog.Category) {
			d.s.loadCategories()
			d.s.sh.toast(lang.L("카테고리를 저장했습니다: {{.Name}}", map[string]any{"Name": saved.Name}))
		})
}

func (s *catalogSetup) onDeleteCategory() {
	c, ok := s.picked()
	if !ok {
		return
	}
	d := dialog.NewConfirm(lang.L("카테고리 삭제"), lang.L("'{{.Name}}' 카테고리를 삭제할까요?", map[string]any{"Name": c.Path}), func(ok bool) {
		if !ok {
			return
		}
		saving(s.sh, func(ctx context.Context) error { return s.svc.DeleteCategory(ctx, c.ID) }, s.loadCategories)
	}, s.sh.win)
	d.SetConfirmText(lang.L("삭제"))
	d.SetDismissText(lang.L("취소"))
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

func (s *catalogSetup) buildSuppliers() fyne.CanvasObject {
	s.supList = &widget.List{
		Length:     func() int { return len(s.sups) },
		CreateItem: func() fyne.CanvasObject { return widget.NewLabel("공급업체 이름") },
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.sups[id].Name) },
		OnSelected: func(id widget.ListItemID) {
			s.supPick = id
			s.fillSupplier(s.sups[id])
		},
	}
	s.supList.ExtendBaseWidget(s.supList)
	s.supForm = map[string]*widgets.Field{}
	rows := container.NewVBox()
	for _, f := range []struct{ name, label, hint string }{
		{"name", lang.L("업체명 *"), lang.L("예: 동대문 의류")},
		{"contact", lang.L("담당자"), lang.L("예: 박민수")},
		{"phone", lang.L("전화번호"), "010-1234-5678"},
		{"email", lang.L("이메일"), "order@supplier.kr"},
		{"address", lang.L("주소"), ""},
		{"lead_time", lang.L("리드타임 (일)"), "3"},
	} {
		fld := widgets.NewField(f.name, f.label, f.hint, nil)
		s.supForm[f.name] = fld
		rows.Add(fld.Object())
	}
	s.supSaved = &widget.Label{Importance: widget.SuccessImportance}
	s.supSave = &widget.Button{Text: lang.L("저장"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: s.onSaveSupplier}
	rows.Add(container.NewHBox(
		s.supSave,
		&widget.Button{Text: lang.L("새 공급업체"), Icon: theme.ContentAddIcon(), OnTapped: func() {
			s.supPick = -1
			s.supList.UnselectAll()
			s.fillSupplier(catalog.Supplier{})
		}},
		&widget.Button{Text: lang.L("삭제"), Icon: theme.DeleteIcon(), Importance: widget.DangerImportance, OnTapped: s.onDeleteSupplier},
		s.supSaved,
	))
	split := container.NewHSplit(s.supList, container.NewVScroll(rows))
	split.Offset = 0.3
	return split
}

// loadSuppliers reads the suppliers off the UI goroutine and shows them when they arrive, then runs then
// (if not nil).
func (s *catalogSetup) loadSuppliers(then func()) {
	background(s.sh, s.svc.Suppliers, func(sups []catalog.Supplier, err error) {
		if err != nil {
			s.sh.showError(err)
			return
		}
		s.sups = sups
		s.supList.Refresh()
		if then != nil {
			then()
		}
	})
}

func (s *catalogSetup) fillSupplier(sup catalog.Supplier) {
	s.supForm["name"].Entry.SetText(sup.Name)
	s.supForm["contact"].Entry.SetText(sup.ContactPerson)
	s.supForm["phone"].Entry.SetText(sup.Phone)
	s.supForm["email"].Entry.SetText(sup.Email)
	s.supForm["address"].Entry.SetText(sup.Address)
	s.supForm["lead_time"].Entry.SetText(strconv.Itoa(sup.LeadTimeDays))
	for _, f := range s.supForm {
		f.ShowMessage("")
	}
	s.supSaved.SetText("")
}

func (s *catalogSetup) onSaveSupplier() {
	sup := catalog.Supplier{
		Name: s.supForm["name"].Entry.Text, ContactPerson: s.supForm["contact"].Entry.Text,
		Phone: s.supForm["phone"].Entry.Text, Email: s.supForm["email"].Entry.Text, Address: s.supForm["address"].Entry.Text,
	}
	if s.supPick >= 0 && s.supPick < len(s.sups) {
		sup.ID = s.sups[s.supPick].ID
	}
	for _, f := range s.supForm {
		f.ShowMessage("")
	}
	lead := strings.TrimSpace(s.supForm["lead_time"].Entry.Text)
	if lead != "" {
		n, err := strconv.Atoi(lead)
		if err != nil {
			s.supForm["lead_time"].ShowMessage(lang.L("리드타임은 0 이상의 날짜 수로 입력하세요."))
			return
		}
		sup.LeadTimeDays = n
	}
	s.supSave.Disable() // a second tap while this save runs would store the supplier twice
	background(s.sh, func(ctx context.Context) (catalog.Supplier, error) { return s.svc.SaveSupplier(ctx, sup) },
		func(saved catalog.Supplier, err error) {
			s.supSave.Enable()
			if app.ErrorCode(err) == app.ErrInvalid {
				for k, msg := range fieldTexts(err) {
					if f, ok := s.supForm[k]; ok {
						f.ShowMessage(msg)
					}
				}
				return
			}
			if err != nil {
				s.sh.showError(err)
				return
			}
			s.loadSuppliers(func() {
				for i, x := range s.sups {
					if x.ID == saved.ID {
						s.supList.Select(i)
					}
				}
				s.supSaved.SetText(lang.L("저장했습니다."))
			})
		})
}

func (s *catalogSetup) onDeleteSupplier() {
	if s.supPick < 0 || s.supPick >= len(s.sups) {
		return
	}
	sup := s.sups[s.supPick]
	d := dialog.NewConfirm(lang.L("공급업체 삭제"), lang.L("'{{.Name}}' 공급업체를 삭제할까요?", map[string]any{"Name": sup.Name}), func(ok bool) {
		if !ok {
			return
		}
		saving(s.sh, func(ctx context.Context) error { return s.svc.DeleteSupplier(ctx, sup.ID) }, func() {
			s.supPick = -1
			s.supList.UnselectAll()
			s.fillSupplier(catalog.Supplier{})
			s.loadSuppliers(nil)
		})
	}, s.sh.win)
	d.SetConfirmText(lang.L("삭제"))
	d.SetDismissText(lang.L("취소"))
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}
