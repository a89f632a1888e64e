package views

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"sellerdesk/app/catalog"
	"sellerdesk/app/orders"
)

// The four input dialogs made form dialogs this session (재고 조정, 카테고리 이름, 상품 연결, 엑셀 암호) in the
// screen gallery, each with a refused input at its field.
func init() {
	registerGallery("대화상자-재고조정-문제", func(t *testing.T, sh *shell) {
		d := galleryStockDialog(t, sh)
		test.Type(d.delta, "많이")
		d.form.Submit() // not a number: the problem under the quantity
	})
	registerGallery("대화상자-재고조정-결과", func(t *testing.T, sh *shell) {
		d := galleryStockDialog(t, sh)
		test.Type(d.delta, "+20")
		test.Type(d.note, "공급업체 입고")
	})
	registerGallery("대화상자-카테고리이름-중복", func(t *testing.T, sh *shell) {
		s := sh.showCatalogSetup(nil)
		sh.waitJobs()
		var top catalog.Category
		for _, c := range s.cats {
			if c.Depth == 0 {
				top = c
				break
			}
		}
		if top.ID == 0 {
			t.Fatal("no demo category")
		}
		d := s.editCategory(catalog.Category{})
		test.Type(d.name, top.Name)
		d.form.Submit() // the name a top-level category has: refused under the name once the save answers
	})
	registerGallery("주문-상품연결", func(t *testing.T, sh *shell) {
		s := galleryScreen[*ordersScreen](t, sh, "주문")
		lines, err := s.svc.Find(context.Background(), orders.Query{Limit: 1})
		if err != nil || len(lines) == 0 {
			t.Fatalf("no demo order: %v", err)
		}
		s.openDetail(lines[0].OrderID)
		sh.waitJobs()
		if s.detail == nil {
			t.Fatal("the order did not open")
		}
		l := s.detail.d.Lines[0]
		l.OptionID = 0 // as a line the import could not match
		s.detail.mapLine(l)
	})
	registerGallery("대화상자-엑셀암호-틀림", func(t *testing.T, sh *shell) {
		sh.askPassword(true, func(string) {})
	})
}

// galleryStockDialog opens 재고 조정 on the first option of the demo store's first product.
func galleryStockDialog(t *testing.T, sh *shell) *stockDialog {
	t.Helper()
	ps, err := sh.desk.Catalog.ListProducts(context.Background(), catalog.ListFilter{Limit: 1})
	if err != nil || len(ps) == 0 {
		t.Fatalf("no product for the stock dialog: %v", err)
	}
	p, err := sh.desk.Catalog.Product(context.Background(), ps[0].ID)
	if err != nil || len(p.Options) == 0 {
		t.Fatalf("product %d: %v", ps[0].ID, err)
	}
	return sh.showStock(p, p.Options[0], func(catalog.Option) {})
}
