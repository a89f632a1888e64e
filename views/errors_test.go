package views

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"sellerdesk/app"
	"sellerdesk/app/catalog"
)

// useLanguage loads l's translations for one test and puts Korean back after it, as every other test expects.
func useLanguage(t *testing.T, l app.Language) {
	t.Helper()
	if err := LoadTranslations(l); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = LoadTranslations(app.Korean) })
}

func TestSellerTextSpeaksTheUILanguage(t *testing.T) {
	test.NewTempApp(t)
	bad := catalog.Product{Code: "P0123", Name: "무료 상품", Status: catalog.StatusSale, OptionKind: catalog.OptionsNone,
		Options: []catalog.Option{{Usable: true}}}
	err := app.About(catalog.ValidateProduct(bad), "상품 {{.Code}}", "Code", "P0123")
	missing := &app.Error{Code: app.ErrInvalid, Key: "번역 파일에 없는 문장 {{.N}}개", Args: map[string]any{"N": 7}}
	quoted := &app.Error{Code: app.ErrInvalid, Message: "상품명 '{{.Code}}'은 쓸 수 없습니다"}

	useLanguage(t, app.English)
	if got, want := sellerText(err), "Product P0123: The price must be more than ₩0."; got != want {
		t.Errorf("English = %q, want %q", got, want)
	}
	if got, want := fieldText(err, "price"), "The price must be more than ₩0."; got != want {
		t.Errorf("English price field = %q, want %q", got, want)
	}
	// Fyne's lang falls back to the key as the template: Korean, with the values in it
	if got, want := sellerText(missing), "번역 파일에 없는 문장 7개"; got != want {
		t.Errorf("untranslated = %q, want %q", got, want)
	}
	if got, want := sellerText(quoted), "상품명 '{{.Code}}'은 쓸 수 없습니다"; got != want {
		t.Errorf("the seller's own text = %q, want it as typed %q", got, want)
	}

	useLanguage(t, app.Korean)
	if got, want := sellerText(err), "상품 P0123: 판매가는 0원보다 커야 합니다."; got != want {
		t.Errorf("Korean = %q, want %q", got, want)
	}
	if got, want := sellerText(missing), "번역 파일에 없는 문장 7개"; got != want {
		t.Errorf("Korean untranslated = %q, want %q", got, want)
	}
}

// In English mode the settings screen says what is wrong in English, while typing and on 저장.
func TestSettingsProblemsInEnglish(t *testing.T) {
	sh, s := openSettings(t)
	useLanguage(t, app.English)
	test.Type(s.byName[app.FieldBusinessNo].Entry, "220-81-62518")
	if got, want := s.byName[app.FieldBusinessNo].Message.Text, "The business registration number is not valid. Check the number again."; got != want {
		t.Errorf("while typing: %q, want %q", got, want)
	}
	test.Tap(button(t, sh.win.Canvas(), "매장 정보 저장"))
	if got, want := s.byName[app.FieldName].Message.Text, "Enter the store name."; got != want {
		t.Errorf("on save: %q, want %q", got, want)
	}
}

// A sentence that is not an error (why an item was left off a purchase order) translates the same way.
func TestMsgTextSpeaksTheUILanguage(t *testing.T) {
	test.NewTempApp(t)
	why := app.M("이미 발주서 {{.PO}}에 있습니다", "PO", "PO-20261124-001")
	useLanguage(t, app.English)
	if got, want := msgText(why), "Already on purchase order PO-20261124-001"; got != want {
		t.Errorf("English = %q, want %q", got, want)
	}
	useLanguage(t, app.Korean)
	if got, want := msgText(why), "이미 발주서 PO-20261124-001에 있습니다"; got != want {
		t.Errorf("Korean = %q, want %q", got, want)
	}
}

// In English mode a rule error from a service reads in English, both inline (the stock dialog) and in the
// error dialog showError opens.
func TestRuleErrorInEnglish(t *testing.T) {
	sh, s := openProducts(t)
	c := sh.win.Canvas()
	p := catalog.Product{Code: "MUG", Name: "머그컵", Price: 9000, Status: catalog.StatusSale, TaxType: catalog.Taxable,
		OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 3}}}
	saved, err := s.svc.SaveProduct(context.Background(), p, "test")
	if err != nil {
		t.Fatal(err)
	}
	useLanguage(t, app.English)
	d := sh.showStock(saved, saved.Options[0], nil)
	sh.waitJobs()
	test.Type(d.delta, "-5")
	d.onApply()
	sh.waitJobs()
	want := "Not enough stock: 머그컵 (3 in stock, 5 requested)."
	if !d.message.Visible() || d.message.Text != want {
		t.Errorf("stock dialog says %q (visible %v), want %q", d.message.Text, d.message.Visible(), want)
	}

	_, err = s.svc.AdjustStock(context.Background(), saved.Options[0].ID, -5, catalog.ReasonAdjust, "", "")
	if err == nil {
		t.Fatal("taking 5 of 3 was allowed")
	}
	sh.showError(err)
	if !containsLabel(c, want) || containsLabel(c, "재고가 부족합니다") {
		t.Errorf("the error dialog is not in English: %v", visibleTexts(c))
	}
}

// TestSellerTextParticles: a sentence with a value before a particle written both ways reads right.
func TestSellerTextParticles(t *testing.T) {
	test.NewTempApp(t)
	useLanguage(t, app.Korean)
	for name, want := range map[string]string{
		"주문.xlsx": "'주문.xlsx'는 비어 있는 파일입니다. 복원하지 않았고 데이터는 그대로입니다.",
		"백업본":     "'백업본'은 비어 있는 파일입니다. 복원하지 않았고 데이터는 그대로입니다.",
	} {
		err := &app.Error{Code: app.ErrInvalid, Key: "'{{.Name}}'은(는) 비어 있는 파일입니다. 복원하지 않았고 데이터는 그대로입니다.",
			Args: map[string]any{"Name": name}}
		if got := sellerText(err); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	if got, want := tr("{{.What}}을(를) 저장했습니다.", map[string]any{"What": "PDF"}), "PDF를 저장했습니다."; got != want {
		t.Errorf("tr = %q, want %q", got, want)
	}
}

// TestCategoryInUseSaysOnlyWhatIsThere: a category with products and no subcategories is not said to have
// "하위 카테고리 0개".
func TestCategoryInUseSaysOnlyWhatIsThere(t *testing.T) {
	test.NewTempApp(t)
	key := "하위 카테고리 {{.Children}}개, 상품 {{.Products}}개가 있어 삭제할 수 없습니다. 먼저 옮기거나 삭제하세요."
	for _, c := range []struct {
		children, products int
		want               string
	}{
		{0, 5, "상품 5개가 있어 삭제할 수 없습니다. 먼저 옮기거나 삭제하세요."},
		{2, 0, "하위 카테고리 2개가 있어 삭제할 수 없습니다. 먼저 옮기거나 삭제하세요."},
		{2, 5, "하위 카테고리 2개, 상품 5개가 있어 삭제할 수 없습니다. 먼저 옮기거나 삭제하세요."},
	} {
		err := &app.Error{Code: app.ErrConflict, Key: key, Args: map[string]any{"Children": c.children, "Products": c.products}}
		useLanguage(t, app.Korean)
		if got := sellerText(err); got != c.want {
			t.Errorf("%d, %d: %q, want %q", c.children, c.products, got, c.want)
		}
	}
	useLanguage(t, app.English)
	err := &app.Error{Code: app.ErrConflict, Key: key, Args: map[string]any{"Children": 0, "Products": 5}}
	if got, want := sellerText(err), "It has 5 products, so it cannot be deleted. Move or delete them first."; got != want {
		t.Errorf("English %q, want %q", got, want)
	}
}
