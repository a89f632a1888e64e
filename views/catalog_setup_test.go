package views

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"sellerdesk/app/catalog"
)

// categoryNamed is the stored category called name, if any.
func categoryNamed(t *testing.T, svc *catalog.Service, name string) (catalog.Category, bool) {
	t.Helper()
	cats, err := svc.Categories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cats {
		if c.Name == name {
			return c, true
		}
	}
	return catalog.Category{}, false
}

func TestCatalogSetupSavesOffTheWindow(t *testing.T) {
	sh, w := openShell(t)
	c := w.Canvas()
	svc := sh.desk.Catalog
	s := sh.showCatalogSetup(nil)
	sh.waitJobs() // the categories and suppliers

	d := s.editCategory(catalog.Category{})
	test.Type(d.name, "상의")
	test.Tap(button(t, c, "만들기"))
	if _, ok := categoryNamed(t, svc, "상의"); ok {
		t.Fatal("the category was stored on the UI goroutine, before the queued save ran")
	}
	sh.waitJobs()
	if _, ok := categoryNamed(t, svc, "상의"); !ok {
		t.Fatal("the category was not stored")
	}
	if !hasLabel(c, "상의") {
		t.Errorf("the list does not show the new category; labels: %v", visibleTexts(c))
	}

	// the same name again is refused: the dialog stays with the name and says why
	d = s.editCategory(catalog.Category{})
	test.Type(d.name, "상의")
	test.Tap(button(t, c, "만들기"))
	sh.waitJobs()
	if msg := d.field.Message().Text(); msg == "" || !hasLabel(c, msg) || !d.form.Visible() {
		t.Fatalf("no reason shown under the name (%q, open %v); labels: %v", msg, d.form.Visible(), visibleTexts(c))
	}
	if got, want := d.name.Text, "상의"; got != want {
		t.Errorf("the dialog kept %q, want %q", got, want)
	}
	test.Tap(button(t, c, "취소"))

	// a supplier: its problems at their fields, then stored and picked in the list
	s.supForm["name"].Entry.SetText("동대문 의류")
	s.supForm["lead_time"].Entry.SetText("3")
	s.onSaveSupplier()
	if sups, _ := svc.Suppliers(context.Background()); len(sups) != 0 {
		t.Fatal("the supplier was stored before the queued save ran")
	}
	sh.waitJobs()
	sups, err := svc.Suppliers(context.Background())
	if err != nil || len(sups) != 1 || sups[0].Name != "동대문 의류" || sups[0].LeadTimeDays != 3 {
		t.Fatalf("stored %+v, %v", sups, err)
	}
	if got, want := s.supSaved.Text, "저장했습니다."; got != want {
		t.Errorf("after saving the form says %q, want %q", got, want)
	}
	if s.supPick != 0 {
		t.Errorf("the saved supplier is not picked (pick %d)", s.supPick)
	}
}
