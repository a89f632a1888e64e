package views

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/catalog"
	"sellerdesk/app/format"
	"sellerdesk/views/widgets"
)

// productsScreen is 상품: the product list with search, filters, sorting and batch actions, and the
// editor it opens in place of the list.
type productsScreen struct {
	sh       *shell
	svc      *catalog.Service
	pager    *productPager
	columns  []productColumn
	sortKey  catalog.SortKey
	sortDesc bool
	selected map[int64]bool
	// keepPlace: the rows being read follow an edit made from the list, so the table keeps its scroll
	// position (and the selection stays) instead of going back to the top
	keepPlace bool
	sortPick  *widget.Select

	search    *widget.Entry
	category  *widget.Select
	status    *widget.Select
	lowStock  *widget.Check
	archived  *widget.Check
	table     *widget.Table
	count     *widget.Label
	batch     *fyne.Container
	batchInfo *widget.Label
	restore   *widget.Button
	delete    *widget.Button

	categories []catalog.Category
	root       *fyne.Container // the list, or an editor in its place
	list       fyne.CanvasObject
	editor     *productEditor
	opening    bool // an editor's product is being read: further taps wait for it
	empty      *listEmpty
	demo       *widget.Button // 데모 데이터, offered only while the whole store is empty
}

func newProductsScreen(sh *shell) *productsScreen {
	s := &productsScreen{
		sh: sh, svc: sh.desk.Catalog,
		columns: productColumns(), sortKey: catalog.SortCreated, sortDesc: true,
		selected: map[int64]bool{},
	}
	s.pager = newProductPager(sh, sh.desk.Catalog, s.onList)
	return s
}

func statusLabel(st catalog.Status) string {
	switch st {
	case catalog.StatusSale:
		return lang.L("판매중")
	case catalog.StatusSuspended:
		return lang.L("판매중지")
	case catalog.StatusSoldOut:
		return lang.L("품절")
	}
	return string(st)
}

func (s *productsScreen) build() fyne.CanvasObject {
	s.search = &widget.Entry{PlaceHolder: lang.L("상품명 또는 상품코드로 검색 (Ctrl+F)")}
	s.search.ExtendBaseWidget(s.search)
	s.search.OnChanged = func(string) { s.keepPlace = false; s.pager.LoadTyping(s.filter()) }
	s.category = newSelect(nil, func(string) { s.reload() })
	s.category.PlaceHolder = lang.L("전체 카테고리")
	statuses := []string{lang.L("전체 상태")}
	for _, st := range catalog.Statuses {
		statuses = append(statuses, statusLabel(st))
	}
	s.status = newSelect(statuses, func(string) { s.reload() })
	s.status.SetSelectedIndex(0)
	s.lowStock = widget.NewCheck(lang.L("재고부족만"), func(bool) { s.reload() })
	s.archived = widget.NewCheck(lang.L("보관함"), func(bool) { s.clearSelection(); s.reload() })

	s.table = &widget.Table{
		Length:        func() (int, int) { return s.pager.Len(), len(s.columns) },
		CreateCell:    newProductCell,
		UpdateCell:    s.updateCell,
		ShowHeaderRow: true,
		CreateHeader:  func() fyne.CanvasObject { return &widget.Button{Importance: widget.LowImportance} },
		UpdateHeader:  s.updateHeader,
	}
	s.table.ExtendBaseWidget(s.table)
	s.table.OnSelected = s.onCell
	for i, c := range s.columns {
		s.table.SetColumnWidth(i, c.width)
	}

	s.count = &widget.Label{}
	// 등록순 by default: an edit made from the list (a status, a category, a bulk edit) never moves a row;
	// 최근 수정순, which does, is the seller's explicit choice (as is a column's header)
	s.sortPick = newSelect(sortChoices(), nil, lang.L("열 제목 순"))
	s.sortPick.SetSelectedIndex(0)
	s.sortPick.OnChanged = func(string) { s.onSortPick() }
	newBtn := &widget.Button{Text: lang.L("새 상품"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: s.createNew}
	excel := &widget.Button{Text: lang.L("엑셀"), Icon: theme.FileIcon(), OnTapped: s.onExcelMenu}
	setup := &widget.Button{Text: lang.L("카테고리·공급업체"), Icon: theme.SettingsIcon(), OnTapped: s.onSetup}

	statusMenu := newSelect([]string{statusLabel(catalog.StatusSale), statusLabel(catalog.StatusSuspended), statusLabel(catalog.StatusSoldOut)}, nil)
	statusMenu.PlaceHolder = lang.L("상태 변경…")
	statusMenu.OnChanged = func(label string) {
		if label == "" {
			return
		}
		for _, st := range catalog.Statuses {
			if statusLabel(st) == label {
				s.onBatchStatus(st)
			}
		}
		statusMenu.ClearSelected()
	}
	s.batchInfo = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	s.delete = &widget.Button{Text: lang.L("삭제"), Icon: theme.DeleteIcon(), Importance: widget.DangerImportance, OnTapped: s.onBatchDelete}
	s.restore = &widget.Button{Text: lang.L("보관함에서 복원"), Icon: theme.HistoryIcon(), OnTapped: s.onBatchRestore}
	s.batch = container.NewHBox(s.batchInfo, statusMenu,
		&widget.Button{Text: lang.L("카테고리 이동…"), Icon: theme.FolderIcon(), OnTapped: func() { s.onBatchMove() }},
		s.delete, s.restore,
		&widget.Button{Text: lang.L("선택 해제"), OnTapped: s.clearSelection})
	s.batch.Hide()

	filters := container.NewBorder(nil, nil, nil,
		container.NewHBox(s.category, s.status, s.lowStock, s.archived),
		s.search)
	top := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(s.count, s.sortPick), container.NewHBox(setup, excel, newBtn)),
		filters, reserved(s.batch))
	s.demo = &widget.Button{Text: lang.L("데모 데이터"), Icon: theme.DownloadIcon(), OnTapped: func() { s.sh.loadDemo() }}
	s.demo.Hide()
	first := widgets.NewEmptyState(theme.StorageIcon(), lang.L("아직 상품이 없습니다"),
		lang.L("새 상품을 등록하거나, 엑셀이나 스마트스토어 상품 일괄등록 파일로 여러 상품을 한 번에 등록하세요. 둘러보려면 데모 데이터를 불러오세요."),
		&widget.Button{Text: lang.L("새 상품"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: s.createNew},
		&widget.Button{Text: lang.L("엑셀 일괄 등록"), Icon: theme.UploadIcon(), OnTapped: s.onBulkRegister},
		s.demo)
	s.empty = newListEmpty(s.table, first, lang.L("조건에 맞는 상품이 없습니다"), s.clearFilters)
	s.list = container.NewBorder(top, nil, nil, nil, s.empty.box)
	s.root = container.NewStack(s.list)
	s.refresh()
	return s.root
}

// filtered tells whether a search or filter narrows the list (an empty 보관함 is a filter too).
func (s *productsScreen) filtered() bool {
	f := s.filter()
	return f.Query != "" || f.CategoryID != 0 || f.Status != "" || f.LowStock || f.Archived
}

// clearFilters empties the search and every filter and shows the whole list.
func (s *productsScreen) clearFilters() {
	s.search.SetText("")
	s.category.SetSelectedIndex(0)
	s.status.SetSelectedIndex(0)
	s.lowStock.SetChecked(false)
	s.archived.SetChecked(false)
	s.reload()
}

// refresh reloads categories and rows, e.g. when the seller comes back to 상품. Both load in the background.
func (s *productsScreen) refresh() {
	s.reload()
	background(s.sh, s.svc.Categories, s.setCategories)
}

// setCategories fills the category filter, keeping the seller's choice; the list reloads only when that
// choice no longer exists.
func (s *productsScreen) setCategories(cats []catalog.Category, err error) {
	if err != nil {
		s.sh.showError(err)
		return
	}
	before := s.filter().CategoryID
	s.categories = cats
	options := []string{lang.L("전체 카테고리")}
	for _, c := range cats {
		options = append(options, c.Path)
	}
	sel := s.category.Selected
	s.category.OnChanged = nil
	s.category.SetOptions(options)
	s.category.SetSelected(sel)
	if s.category.SelectedIndex() < 0 {
		s.category.SetSelectedIndex(0)
	}
	s.category.OnChanged = func(string) { s.reload() }
	if s.filter().CategoryID != before {
		s.reload()
	}
}

func (s *productsScreen) filter() catalog.ListFilter {
	f := catalog.ListFilter{Query: s.search.Text, LowStock: s.lowStock.Checked, Archived: s.archived.Checked,
		Sort: s.sortKey, Desc: s.sortDesc}
	if i := s.category.SelectedIndex(); i > 0 && i-1 < len(s.categories) {
		f.CategoryID = s.categories[i-1].ID
	}
	if i := s.status.SelectedIndex(); i > 0 {
		f.Status = catalog.Statuses[i-1]
	}
	return f
}

// reload asks for the rows of the current search, filters and sort; they arrive in onList, shown from the
// top.
func (s *productsScreen) reload() {
	if s.table == nil {
		return
	}
	s.keepPlace = false
	s.pager.Load(s.filter())
}

// reloadInPlace reads the rows again after an edit made from the list or the editor: the sort and filters
// stay, the table keeps its scroll position and the ticked rows stay ticked, so the seller does not lose
// their place (in 등록순 the rows stay where they were).
func (s *productsScreen) reloadInPlace() {
	if s.table == nil {
		return
	}
	s.keepPlace = true
	s.pager.Load(s.filter())
}

// sortChoices are the orders the list offers besides its column headers: 최근 등록순 (the default) and
// 최근 수정순.
func sortChoices() []string { return []string{lang.L("최근 등록순"), lang.L("최근 수정순")} }

// onSortPick sorts by what the seller chose in the sort choice, newest first.
func (s *productsScreen) onSortPick() {
	switch s.sortPick.SelectedIndex() {
	case 0:
		s.sortKey, s.sortDesc = catalog.SortCreated, true
	case 1:
		s.sortKey, s.sortDesc = catalog.SortUpdated, true
	default:
		return // a column header's sort cleared the choice
	}
	s.table.Refresh() // the headers' sort arrows
	s.reload()
}

// onList shows what the list source reports, on the UI goroutine.
func (s *productsScreen) onList(ev widgets.ListEvent) {
	if !s.sh.showListState(s.count, ev, s.pager.Err()) {
		s.count.SetText(lang.L("상품 {{.N}}개", map[string]any{"N": format.Number(int64(s.pager.Total()))}))
	}
	s.empty.update(ev, s.pager.Total(), s.filtered())
	if ev == widgets.ListLoaded && s.empty.first.Visible() {
		background(s.sh, s.sh.desk.IsEmpty, func(empty bool, err error) {
			if err == nil && empty {
				s.demo.Show()
			} else {
				s.demo.Hide()
			}
			s.empty.first.Refresh()
		})
	}
	if ev == widgets.ListLoading {
		return // the rows shown stay until the answer replaces them
	}
	s.table.Refresh()
	if ev == widgets.ListLoaded {
		if !s.keepPlace {
			s.table.ScrollToTop()
		}
		s.keepPlace = false
		s.updateBatch()
	}
}

func (s *productsScreen) onSort(col int) {
	key := s.columns[col].sort
	if key == s.sortKey {
		s.sortDesc = !s.sortDesc
	} else {
		s.sortKey, s.sortDesc = key, false
	}
	on := s.sortPick.OnChanged
	s.sortPick.OnChanged = nil
	s.sortPick.ClearSelected() // the header's sort is the one in force
	s.sortPick.OnChanged = on
	s.reload()
}

func (s *productsScreen) onCell(id widget.TableCellID) {
	s.table.Unselect(id)
	if id.Col == colSelect {
		if r, ok := s.pager.Row(id.Row); ok {
			s.onCheck(r.ID, !s.selected[r.ID])
			s.table.RefreshItem(id)
		}
		return
	}
	if r, ok := s.pager.Row(id.Row); ok {
		s.openEditor(r.ID)
	}
}

func (s *productsScreen) onCheck(id int64, on bool) {
	if on {
		s.selected[id] = true
	} else {
		delete(s.selected, id)
	}
	s.updateBatch()
}

func (s *productsScreen) clearSelection() {
	s.selected = map[int64]bool{}
	s.updateBatch()
	if s.table != nil {
		s.table.Refresh()
	}
}

func (s *productsScreen) selectedIDs() []int64 {
	ids := make([]int64, 0, len(s.selected))
	for id := range s.selected {
		ids = append(ids, id)
	}
	return ids
}

func (s *productsScreen) updateBatch() {
	if len(s.selected) == 0 {
		s.batch.Hide()
		return
	}
	s.batchInfo.SetText(lang.L("{{.N}}개 선택", map[string]any{"N": format.Number(int64(len(s.selected)))}))
	if s.archived.Checked {
		s.restore.Show()
		s.delete.Hide()
	} else {
		s.restore.Hide()
		s.delete.Show()
	}
	s.batch.Show()
	s.batch.Refresh() // lays the bar out again for its count's width (a hidden bar was laid out empty)
}

func (s *productsScreen) onBatchStatus(st catalog.Status) {
	ids := s.selectedIDs()
	saving(s.sh, func(ctx context.Context) error { return s.svc.SetStatus(ctx, ids, st) }, func() {
		s.reloadInPlace()
		label := statusLabel(st)
		s.sh.toast(lang.L("상품 {{.N}}개를 {{.Status}}{{.Ro}} 바꿨습니다.", map[string]any{"N": format.Number(int64(len(ids))),
			"Status": label, "Ro": format.Particle(label, "으로")}))
	})
}

// onBatchMove asks where the selected products go: the category is chosen in a form that says, before
// 이동, how many products move where; the list keeps its rows and selection afterwards.
func (s *productsScreen) onBatchMove() *widgets.FormDialog {
	ids := s.selectedIDs()
	options := make([]string, len(s.categories))
	for i, c := range s.categories {
		options[i] = c.Path
	}
	pick := widgets.NewSelect(options, lang.L("카테고리를 고르세요"), nil)
	d := s.sh.formDialog(lang.L("카테고리 이동"), lang.L("이동"))
	field := d.AddField(lang.L("옮길 카테고리"), pick, func() string {
		if pick.SelectedIndex() < 0 {
			return lang.L("옮길 카테고리를 고르세요.")
		}
		return ""
	})
	if len(options) == 0 {
		field.Hint = lang.L("카테고리가 없습니다. '카테고리·공급업체'에서 먼저 만드세요.")
	}
	n := format.Number(int64(len(ids)))
	d.Consequence = func() string {
		i := pick.SelectedIndex()
		if i < 0 {
			return lang.L("선택한 상품 {{.N}}개를 옮깁니다.", map[string]any{"N": n})
		}
		path := s.categories[i].Path
		return lang.L("선택한 상품 {{.N}}개를 {{.Path}}{{.Ro}} 옮깁니다.", map[string]any{"N": n, "Path": path,
			"Ro": format.Particle(path, "으로")})
	}
	d.OnSubmit = func() bool {
		i := pick.SelectedIndex()
		cat, path := s.categories[i].ID, s.categories[i].Path
		submitForm(s.sh, d, map[string]*widgets.FormField{"category": field},
			func(ctx context.Context) (struct{}, error) { return struct{}{}, s.svc.MoveToCategory(ctx, ids, cat) },
			func(struct{}) {
				s.reloadInPlace()
				s.sh.toast(lang.L("상품 {{.N}}개를 {{.Path}}{{.Ro}} 옮겼습니다.", map[string]any{"N": n,
					"Path": path, "Ro": format.Particle(path, "으로")}))
			})
		return false
	}
	d.Show()
	return d
}

func (s *productsScreen) onBatchDelete() {
	ids := s.selectedIDs()
	msg := lang.L("선택한 상품 {{.N}}개를 삭제할까요?\n주문·반품 기록이 있는 상품은 지우지 않고 보관함으로 옮깁니다.", map[string]any{"N": format.Number(int64(len(ids)))})
	c := dialog.NewConfirm(lang.L("상품 삭제"), msg, func(ok bool) {
		if !ok {
			return
		}
		var deleted, archived int
		saving(s.sh, func(ctx context.Context) (err error) {
			deleted, archived, err = s.svc.DeleteProducts(ctx, ids)
			return err
		}, func() {
			s.clearSelection()
			s.reload()
			s.sh.toast(lang.L("삭제 {{.D}}개, 보관함으로 이동 {{.A}}개", map[string]any{"D": deleted, "A": archived}))
		})
	}, s.sh.win)
	c.SetConfirmText(lang.L("삭제"))
	c.SetDismissText(lang.L("취소"))
	c.SetConfirmImportance(widget.DangerImportance)
	c.Show()
}

func (s *productsScreen) onBatchRestore() {
	ids := s.selectedIDs()
	saving(s.sh, func(ctx context.Context) error { return s.svc.RestoreProducts(ctx, ids) }, func() {
		s.clearSelection()
		s.reload()
		s.sh.toast(lang.L("상품 {{.N}}개를 보관함에서 복원했습니다.", map[string]any{"N": format.Number(int64(len(ids)))}))
	})
}

// focusSearch is Ctrl/Cmd+F.
func (s *productsScreen) focusSearch() {
	if s.editor == nil {
		s.sh.win.Canvas().Focus(s.search)
	}
}

// createNew is Ctrl/Cmd+N and the 새 상품 button.
func (s *productsScreen) createNew() { s.openEditor(0) }

// openEditor shows the editor for product id (0: a new product) in place of the list.
// The product is read in the background first; taps while it loads open nothing more.
func (s *productsScreen) openEditor(id int64) {
	if s.opening {
		return
	}
	s.opening = true
	background(s.sh, func(ctx context.Context) (*productEditor, error) { return loadProductEditor(ctx, s, id) },
		func(ed *productEditor, err error) {
			s.opening = false
			if err != nil {
				s.sh.showError(err)
				return
			}
			s.showEditor(ed)
		})
}

// showEditor puts ed in place of the list, its name focused.
func (s *productsScreen) showEditor(ed *productEditor) {
	s.editor = ed
	s.root.Objects = []fyne.CanvasObject{ed.build()}
	s.root.Refresh()
	s.sh.win.Canvas().Focus(ed.name.Entry)
}

// showSaved returns to the list after a save and says so; a product just made is shown whatever filters
// were set before (they are cleared and its code searched), so it never seems lost.
func (s *productsScreen) showSaved(p catalog.Product, isNew bool) {
	if isNew {
		onSearch, onLow, onArchived := s.search.OnChanged, s.lowStock.OnChanged, s.archived.OnChanged
		s.search.OnChanged, s.lowStock.OnChanged, s.archived.OnChanged = nil, nil, nil
		s.search.SetText(p.Code)
		s.lowStock.SetChecked(false)
		s.archived.SetChecked(false)
		s.search.OnChanged, s.lowStock.OnChanged, s.archived.OnChanged = onSearch, onLow, onArchived
		for _, sel := range []*widget.Select{s.category, s.status} {
			on := sel.OnChanged
			sel.OnChanged = nil
			sel.SetSelectedIndex(0)
			sel.OnChanged = on
		}
	}
	s.closeEditor(true)
	msg := lang.L("{{.Name}} 상품을 저장했습니다.", map[string]any{"Name": p.Name})
	if isNew {
		msg = lang.L("새 상품 {{.Name}}{{.Eul}} 등록했습니다.", map[string]any{"Name": p.Name, "Eul": format.Particle(p.Name, "을")})
	}
	s.sh.toast(msg)
}

// closeEditor returns to the list, reloading it in place when something was saved.
func (s *productsScreen) closeEditor(changed bool) {
	s.editor = nil
	s.root.Objects = []fyne.CanvasObject{s.list}
	s.root.Refresh()
	if changed {
		s.reloadInPlace()
		background(s.sh, s.svc.Categories, s.setCategories)
	}
}

func (s *productsScreen) onSetup() { s.sh.showCatalogSetup(s.refresh) }

func (s *productsScreen) onExcelMenu() {
	var d *dialog.CustomDialog
	item := func(text, help string, icon fyne.Resource, tap func()) fyne.CanvasObject {
		return container.NewBorder(nil, nil, &widget.Button{Text: text, Icon: icon, OnTapped: func() { d.Hide(); tap() }}, nil,
			&widget.Label{Text: help, Wrapping: fyne.TextWrapWord})
	}
	body := container.NewVBox(
		item(lang.L("템플릿 다운로드"), lang.L("상품을 일괄 등록할 엑셀 양식을 저장합니다."), theme.DownloadIcon(), s.onTemplate),
		item(lang.L("일괄 등록"), lang.L("작성한 엑셀이나 스마트스토어 상품 일괄등록 파일로 여러 상품을 한 번에 등록합니다."), theme.UploadIcon(), s.onBulkRegister),
		item(lang.L("대량 수정 내보내기"), lang.L("지금 목록(검색·필터 또는 선택한 상품)을 엑셀로 내보냅니다. 상품명, 가격, 상태, 재고를 고친 뒤 다시 올리세요."), theme.DocumentSaveIcon(), s.onBulkExport),
		item(lang.L("대량 수정 올리기"), lang.L("고친 엑셀을 올리면 바뀌는 내용을 먼저 보여 드리고, 확인하면 한 번에 반영합니다."), theme.UploadIcon(), s.onBulkImport),
	)
	d = dialog.NewCustom(lang.L("엑셀"), lang.L("닫기"), body, s.sh.win)
	d.Resize(fyne.NewSize(720, 0))
	d.Show()
}
