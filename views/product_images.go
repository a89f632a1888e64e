package views

import (
	"context"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/catalog"
	"sellerdesk/views/widgets"
)

// refreshImages draws the product's thumbnails, each with a remove button.
func (e *productEditor) refreshImages() {
	e.images.RemoveAll()
	if e.product.ID == 0 {
		e.images.Add(widget.NewLabel(lang.L("상품을 저장한 뒤 이미지를 추가할 수 있습니다.")))
		return
	}
	if len(e.product.Images) == 0 {
		e.images.Add(widget.NewLabel(lang.L("이미지가 없습니다.")))
	}
	for _, im := range e.product.Images {
		img := canvas.NewImageFromFile(filepath.Join(e.list.sh.desk.DataDir, im.Thumb))
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(96, 96))
		id := im.ID
		remove := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { e.onRemoveImage(id) }}
		e.images.Add(container.NewVBox(img, container.NewCenter(remove)))
	}
}

func (e *productEditor) onAddImage() {
	if e.product.ID == 0 {
		dialog.ShowInformation(lang.L("이미지"), lang.L("상품을 저장한 뒤 이미지를 추가할 수 있습니다."), e.list.sh.win)
		return
	}
	e.list.sh.chooseOpen(widgets.FileOptions{Title: lang.L("이미지 추가"), Extensions: []string{".png", ".jpg", ".jpeg", ".gif", ".PNG", ".JPG", ".JPEG"}}, func(path string) {
		id := e.product.ID
		// the image is copied and its thumbnail made off the UI goroutine
		background(e.list.sh, func(ctx context.Context) (catalog.Image, error) { return e.list.svc.AddImage(ctx, id, path) },
			func(im catalog.Image, err error) {
				if err != nil {
					e.list.sh.showError(err)
					return
				}
				e.product.Images = append(e.product.Images, im)
				e.refreshImages()
			})
	})
}

func (e *productEditor) onRemoveImage(id int64) {
	saving(e.list.sh, func(ctx context.Context) error { return e.list.svc.RemoveImage(ctx, id) }, func() {
		kept := e.product.Images[:0]
		for _, im := range e.product.Images {
			if im.ID != id {
				kept = append(kept, im)
			}
		}
		e.product.Images = kept
		e.refreshImages()
	})
}
