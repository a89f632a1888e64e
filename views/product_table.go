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
	"sellerdesk/views/widgets"
)

// productPager is the product list's source: the count and the pages the table draws are read off the UI
// goroutine, a page at a time, so a catalog of 100,000 products scrolls like one of ten.
type productPager struct {
	*widgets.ListSource[catalog.ListFilter, catalog.ProductRow]
}

func newProductPager(sh *shell, svc *catalog.Service, onChange func(widgets.ListEvent)) *productPager {
	return &productPager{ListSource: trackList(sh, &widgets.ListSource[catalog.ListFilter, catalog.ProductRow]{
		Count: svc.CountProducts,
		Page: func(ctx context.Context, f catalog.ListFilter, offset, limit, _ int) ([]catalog.ProductRow, error) {
			f.Offset, f.Limit = offset, limit
			return svc.ListProducts(ctx, f)
		},
		OnChange: onChange,
	})}
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
	r, ok := s.pager.Row(id.Row) // only rows already loaded: a missing page arrives with ListPageLoaded
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
