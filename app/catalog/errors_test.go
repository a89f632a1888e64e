package catalog

import (
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sellerdesk/app/apperr"
)

// A store that fails to answer is a fault, never "not found": the seller would be told to look for a product
// that is there. Each read and write that says ErrNotFound for a missing row is tried on a closed store
// and with a cancelled context; a truly missing row must still say ErrNotFound, so the test can tell.
func TestStoreFailureIsNotNotFound(t *testing.T) {
	ctx := context.Background()
	s := openService(t)
	p, err := s.SaveProduct(ctx, simple("NF1", "있는 상품", 1000, 1), "")
	if err != nil {
		t.Fatal(err)
	}
	optID := p.Options[0].ID
	src := filepath.Join(t.TempDir(), "dot.png")
	f, err := os.Create(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, image.NewGray(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	f.Close()
	im, err := s.AddImage(ctx, p.ID, src)
	if err != nil {
		t.Fatal(err)
	}

	calls := map[string]func(ctx context.Context) error{
		"Product":         func(ctx context.Context) error { _, err := s.Product(ctx, p.ID); return err },
		"ProductOfOption": func(ctx context.Context) error { _, err := s.ProductOfOption(ctx, optID); return err },
		"ProductByCode":   func(ctx context.Context) error { _, err := s.ProductByCode(ctx, "NF1"); return err },
		"AdjustStock": func(ctx context.Context) error {
			_, err := s.AdjustStock(ctx, optID, 1, ReasonReceive, "", "")
			return err
		},
		"SaveProduct": func(ctx context.Context) error { _, err := s.SaveProduct(ctx, p, ""); return err },
		"AddImage":    func(ctx context.Context) error { _, err := s.AddImage(ctx, p.ID, src); return err },
		"RemoveImage": func(ctx context.Context) error { return s.RemoveImage(ctx, im.ID) },
		"SaveCategory": func(ctx context.Context) error {
			_, err := s.SaveCategory(ctx, Category{Name: "의류"})
			return err
		},
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	for name, call := range calls {
		if err := call(cancelled); err == nil || apperr.ErrorCode(err) == apperr.ErrNotFound {
			t.Errorf("%s with a cancelled context: %v (code %s), want a failure that is not not-found", name, err, apperr.ErrorCode(err))
		}
	}

	// the same calls on rows that do not exist say not found
	for name, err := range map[string]error{
		"Product":         func() error { _, err := s.Product(ctx, 9999); return err }(),
		"ProductOfOption": func() error { _, err := s.ProductOfOption(ctx, 9999); return err }(),
		"ProductByCode":   func() error { _, err := s.ProductByCode(ctx, "NONE"); return err }(),
		"AdjustStock":     func() error { _, err := s.AdjustStock(ctx, 9999, 1, ReasonReceive, "", ""); return err }(),
		"AddImage":        func() error { _, err := s.AddImage(ctx, 9999, src); return err }(),
		"RemoveImage":     func() error { return s.RemoveImage(ctx, 9999) }(),
	} {
		if apperr.ErrorCode(err) != apperr.ErrNotFound {
			t.Errorf("%s of a missing row: %v (code %s), want not found", name, err, apperr.ErrorCode(err))
		}
	}

	if err := s.store.Close(); err != nil {
		t.Fatal(err)
	}
	for name, call := range calls {
		err := call(ctx)
		if err == nil || apperr.ErrorCode(err) == apperr.ErrNotFound {
			t.Errorf("%s on a closed store: %v (code %s), want a fault", name, err, apperr.ErrorCode(err))
		}
		if strings.Contains(apperr.Message(err), "찾을 수 없") {
			t.Errorf("%s on a closed store tells the seller %q", name, apperr.Message(err))
		}
	}
}

// A batch failure keeps what it is about: the code of the product stays in front of the rule it broke, in
// Korean and through a translator, and the error keeps its code.
func TestAboutKeepsTheProduct(t *testing.T) {
	bad := simple("P0123", "무료 상품", 0, 1)
	err := apperr.About(ValidateProduct(bad), "상품 {{.Code}}", "Code", bad.Code)
	if got, want := apperr.Message(err), "상품 P0123: 판매가는 0원보다 커야 합니다."; got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
	if apperr.ErrorCode(err) != apperr.ErrInvalid {
		t.Errorf("code = %s, want invalid", apperr.ErrorCode(err))
	}
	if got := apperr.FieldText(err, "price", apperr.Korean); got != "판매가는 0원보다 커야 합니다." {
		t.Errorf("price field = %q", got)
	}
}
