package views

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestSupplierSaveOnce: 저장 is disabled while the supplier's save is in flight, so a double tap stores
// the supplier once; it is enabled again when the save ended.
func TestSupplierSaveOnce(t *testing.T) {
	sh, _ := openShell(t)
	s := sh.showCatalogSetup(nil)
	sh.waitJobs() // the categories and suppliers
	s.supForm["name"].Entry.SetText("동대문 의류")
	test.Tap(s.supSave)
	if !s.supSave.Disabled() {
		t.Error("저장 is enabled while the save is in flight")
	}
	test.Tap(s.supSave)
	sh.waitJobs()
	sups, err := sh.desk.Catalog.Suppliers(context.Background())
	if err != nil || len(sups) != 1 {
		t.Fatalf("a double tap stored %d suppliers (%v): %+v", len(sups), err, sups)
	}
	if s.supSave.Disabled() {
		t.Error("저장 stays disabled after the save")
	}

	// a refused save enables 저장 again too
	s.supForm["name"].Entry.SetText("")
	test.Tap(s.supSave)
	sh.waitJobs()
	if s.supSave.Disabled() || !s.supForm["name"].Message.Visible() {
		t.Errorf("after a refusal: 저장 disabled %v, name message %q", s.supSave.Disabled(), s.supForm["name"].Message.Text)
	}
}
