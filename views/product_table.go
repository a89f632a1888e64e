package views

import (
	"context"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/catalog"
	"sellerdesk/app/format"
)

// productPager keeps the product list's rows a page at a time: the table asks for the rows it draws and
// only those pages are read, so a catalog of 100,000 products scrolls like one of ten.
type productPager struct {
	svc    *catalog.Service
	filter catalog.ListFilter
	total  int
	pages  map[int][]catalog.ProductRow
}

const productPageSize = 100

// reset applies a new filter and counts its rows.
func (p *productPager) reset(ctx context.Context, f catalog.ListFilter) error {
	n, err := p.svc.CountProducts(ctx, f)
	if err != nil {
		return err
	}
	p.filter, p.total, p.pages = f, n, map[int][]catalog.ProductRow{}
	return nil
}

// row returns row i, reading its page when it is not loaded yet.
func (p *productPager) row(i int) (catalog.ProductRow, bool) {
	if i < 0 || i >= p.total {
		return catalog.ProductRow{}, false
	}
	page := i / productPageSize
	rows, ok := p.pages[page]
	if !ok {
		f := p.filter
		f.Offset, f.Limit = page*productPageSize, productPageSize
		var err error
		rows, err = p.svc.ListProducts(context.Background(), f)
		if err != nil {
			return catalog.ProductRow{}, false
		}
		p.pages[page] = rows
	}
	if j := i % productPageSize; j < len(rows) {
		return rows[j], true
	}
	return catalog.ProductRow{}, false
}

// productColumn is one column of the product table.
type productColumn struct {
	title string
	width float32
	sort  catalog.SortKey // "" when the column does not sort
}

const (
	colSelect = iota
	colThumb
	colCode
	colName
	colCategory
	colPrice
	colStock
	colStatus
)

func productColumns() []productColumn {
	return []productColumn{
		{"", 36, ""},
		{"", 44, ""},
		{lang.L("상품코드"), 110, catalog.SortCode},
		{lang.L("상품명"), 220, catalog.SortName},
		{lang.L("카테고리"), 140, catalog.SortCategory},
		{lang.L("판매가"), 100, catalog.SortPrice},
		{lang.L("재고"), 70, catalog.SortStock},
		{lang.L("상태"), 80, catalog.SortStatus},
	}
}

// productCell is the one template every table cell uses; each column shows one of its parts.
func newProductCell() fyne.CanvasObject {
	img := &canvas.Image{FillMode: canvas.ImageFillContain}
	img.SetMinSize(fyne.NewSize(36, 36))
	check := widget.NewCheck("", nil)
	label := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	return container.NewStack(label, container.NewCenter(img), container.NewCenter(check))
}

func (s *productsScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	parts := o.(*fyne.Container).Objects
	label := parts[0].(*widget.Label)
	img := parts[1].(*fyne.Container).Objects[0].(*canvas.Image)
	check := parts[2].(*fyne.Container).Objects[0].(*widget.Check)
	label.Hide()
	parts[1].Hide()
	parts[2].Hide()
	r, ok := s.pager.row(id.Row)
	if !ok {
		return
	}
	switch id.Col {
	case colSelect:
		parts[2].Show()
		check.OnChanged = nil
		check.SetChecked(s.selected[r.ID])
		rowID := r.ID
		check.OnChanged = func(on bool) { s.onCheck(rowID, on) }
	case colThumb:
		parts[1].Show()
		if r.Thumb != "" {
			img.File, img.Resource = filepath.Join(s.sh.desk.DataDir, r.Thumb), nil
		} else {
			img.File, img.Resource = "", theme.MediaPhotoIcon()
		}
		img.Refresh()
	default:
		label.Show()
		label.Importance = widget.MediumImportance
		label.Alignment = fyne.TextAlignLeading
		switch id.Col {
		case colCode:
			label.SetText(r.Code)
		case colName:
			label.SetText(r.Name)
		case colCategory:
			label.SetText(r.CategoryPath)
		case colPrice:
			label.Alignment = fyne.TextAlignTrailing
			label.SetText(format.Won(r.Price))
		case colStock:
			label.Alignment = fyne.TextAlignTrailing
			if r.LowStock {
				label.Importance = widget.DangerImportance
			}
			label.SetText(format.Number(r.TotalStock))
		case colStatus:
			if r.Status == catalog.StatusSoldOut {
				label.Importance = widget.WarningImportance
			}
			label.SetText(lang.L(r.Status.Label()))
		}
	}
}

func (s *productsScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	col := s.columns[id.Col]
	b.SetText(col.title)
	b.SetIcon(nil)
	if col.sort != "" && col.sort == s.sortKey {
		if s.sortDesc {
			b.SetIcon(theme.MenuDropDownIcon())
		} else {
			b.SetIcon(theme.MenuDropUpIcon())
		}
	}
	c := id.Col
	b.OnTapped = func() { s.onSort(c) }
	if col.sort == "" {
		b.OnTapped = nil
	}
}
