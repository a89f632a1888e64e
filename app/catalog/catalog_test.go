package catalog

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sellerdesk/app/apperr"
	"sellerdesk/app/clock"
	"sellerdesk/data"
)

// testClock is the catalog tests' day: the stock ledger and the products are stamped with it, whatever the
// day the suite runs.
var testClock = clock.At(time.Date(2031, 6, 15, 10, 0, 0, 0, time.Local))

func openService(t testing.TB) *Service {
	t.Helper()
	dir := t.TempDir()
	store, err := data.Open(context.Background(), filepath.Join(dir, "sellerdesk.db"), data.WithClock(testClock.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return New(store, dir, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

func simple(code, name string, price, stock int64) Product {
	return Product{Code: code, Name: name, Price: price, Status: StatusSale, TaxType: Taxable,
		OptionKind: OptionsNone, Options: []Option{{Usable: true, Stock: stock}}}
}

func tee(code string, colors, sizes []string, stock int64) Product {
	groups := []OptionGroup{{"색상", colors}, {"사이즈", sizes}}
	p := Product{Code: code, Name: "티셔츠 " + code, Price: 19800, Status: StatusSale, TaxType: Taxable,
		OptionKind: OptionsCombination, OptionGroups: groups}
	p.Options = CombineOptions(OptionsCombination, groups, nil)
	for i := range p.Options {
		p.Options[i].Stock = stock
		p.Options[i].Code = fmt.Sprintf("%s-%d", code, i)
	}
	return p
}

func fields(err error) map[string]string {
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return ae.Fields
	}
	return nil
}

func TestValidateProduct(t *testing.T) {
	base := tee("T1", []string{"화이트", "블랙"}, []string{"M", "L"}, 3)
	if err := ValidateProduct(base); err != nil {
		t.Fatalf("valid product refused: %v", err)
	}
	cases := []struct {
		name  string
		edit  func(p *Product)
		field string
	}{
		{"ErrNameMissing", func(p *Product) { p.Name = " " }, "name"},
		{"ErrNameTooLong", func(p *Product) { p.Name = strings.Repeat("가", 101) }, "name"},
		{"ErrCodeMissing", func(p *Product) { p.Code = "" }, "code"},
		{"ErrCodeSpace", func(p *Product) { p.Code = "T 1" }, "code"},
		{"ErrPriceZero", func(p *Product) { p.Price = 0 }, "price"},
		{"ErrPriceNegative", func(p *Product) { p.Price = -100 }, "price"},
		{"ErrCostNegative", func(p *Product) { p.Cost = -1 }, "cost"},
		{"ErrWeightNegative", func(p *Product) { p.WeightGrams = -1 }, "weight"},
		{"ErrFinalPriceNotPositive", func(p *Product) { p.Options[1].ExtraPrice = -19800 }, "option.1.extra_price"},
		{"ErrStockNegative", func(p *Product) { p.Options[2].Stock = -1 }, "option.2.stock"},
		{"ErrSafetyNegative", func(p *Product) { p.Options[0].SafetyStock = -1 }, "option.0.safety_stock"},
		{"ErrDuplicateOptionCode", func(p *Product) { p.Options[3].Code = p.Options[0].Code }, "option.3.code"},
		{"ErrTooManyGroups", func(p *Product) {
			p.OptionGroups = append(p.OptionGroups, OptionGroup{"a", []string{"1"}}, OptionGroup{"b", []string{"2"}})
		}, "options"},
		{"ErrEmptyValue", func(p *Product) { p.OptionGroups[0].Values = []string{"화이트", ""} }, "options"},
		{"ErrDuplicateGroupName", func(p *Product) { p.OptionGroups[1].Name = "색상" }, "options"},
		{"ErrNoOptions", func(p *Product) { p.Options = nil }, "options"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := base
			p.Options = append([]Option(nil), base.Options...)
			p.OptionGroups = append([]OptionGroup(nil), base.OptionGroups...)
			c.edit(&p)
			f := fields(ValidateProduct(p))
			if f[c.field] == "" {
				t.Errorf("field %s not flagged; got %v", c.field, f)
			}
		})
	}
	t.Run("BackorderAllowsNegative", func(t *testing.T) {
		p := simple("B1", "예약 상품", 1000, -2)
		if ValidateProduct(p) == nil {
			t.Fatal("negative stock accepted without backorder")
		}
		p.AllowBackorder = true
		if err := ValidateProduct(p); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("NegativeExtraPriceAllowed", func(t *testing.T) {
		p := base
		p.Options = append([]Option(nil), base.Options...)
		p.Options[0].ExtraPrice = -5000
		if err := ValidateProduct(p); err != nil {
			t.Fatal(err)
		}
	})
}

func TestCombineOptions(t *testing.T) {
	groups := []OptionGroup{{"색상", []string{"빨강", "파랑"}}, {"사이즈", []string{"S", "M", "L"}}}
	opts := CombineOptions(OptionsCombination, groups, nil)
	if len(opts) != 6 || opts[0].Label() != "빨강 / S" || opts[5].Label() != "파랑 / L" {
		t.Fatalf("combinations = %v", opts)
	}
	opts[1].Stock, opts[1].Code, opts[1].ID = 7, "RM", 42 // 빨강 / M
	groups[1].Values = []string{"M", "L", "XL"}
	next := CombineOptions(OptionsCombination, groups, opts)
	if len(next) != 6 {
		t.Fatalf("after edit: %d", len(next))
	}
	if next[0].Label() != "빨강 / M" || next[0].Stock != 7 || next[0].Code != "RM" || next[0].ID != 42 {
		t.Errorf("빨강 / M lost its data: %+v", next[0])
	}
	if next[2].Label() != "빨강 / XL" || next[2].Stock != 0 || !next[2].Usable {
		t.Errorf("new combination: %+v", next[2])
	}
	single := CombineOptions(OptionsSingle, []OptionGroup{{"색상", []string{"블랙", "카멜"}}}, nil)
	if len(single) != 2 || single[1].Label() != "카멜" {
		t.Errorf("single = %v", single)
	}
	none := CombineOptions(OptionsNone, nil, next)
	if len(none) != 1 || len(none[0].Values) != 0 || none[0].Stock != 7 {
		t.Errorf("none kept = %+v", none)
	}
}

func TestSaveProduct(t *testing.T) {
	ctx := context.Background()
	s := openService(t)
	p, err := s.SaveProduct(ctx, tee("T1", []string{"화이트", "블랙"}, []string{"M", "L"}, 5), "첫 입고")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Options) != 4 || p.TotalStock() != 20 || p.ID == 0 {
		t.Fatalf("saved %+v", p)
	}
	hist, _ := s.Movements(ctx, p.Options[0].ID, 0)
	if len(hist) != 1 || hist[0].Reason != ReasonReceive || hist[0].Delta != 5 || hist[0].Note != "첫 입고" {
		t.Errorf("initial movement = %+v", hist)
	}

	t.Run("ErrDuplicateCode", func(t *testing.T) {
		_, err := s.SaveProduct(ctx, simple("T1", "다른 상품", 1000, 1), "")
		if !strings.Contains(fields(err)["code"], "이미 사용 중") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("ErrOptionCodeOfAnotherProduct", func(t *testing.T) {
		q := tee("T2", []string{"레드"}, []string{"S"}, 1)
		q.Options[0].Code = p.Options[0].Code
		_, err := s.SaveProduct(ctx, q, "")
		if !strings.Contains(fields(err)["option.0.code"], "다른 상품") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("EditKeepsStockAndRecordsAdjustment", func(t *testing.T) {
		e := p
		e.OptionGroups = []OptionGroup{{"색상", []string{"화이트", "블랙"}}, {"사이즈", []string{"L", "XL"}}}
		e.Options = CombineOptions(OptionsCombination, e.OptionGroups, p.Options)
		e.Options[0].Stock = 9 // 화이트 / L: 5 → 9
		got, err := s.SaveProduct(ctx, e, "실사")
		if err != nil {
			t.Fatal(err)
		}
		labels := []string{}
		for _, o := range got.Options {
			labels = append(labels, fmt.Sprintf("%s=%d", o.Label(), o.Stock))
		}
		if want := "화이트 / L=9 화이트 / XL=0 블랙 / L=5 블랙 / XL=0"; strings.Join(labels, " ") != want {
			t.Errorf("options = %v, want %s", labels, want)
		}
		h, _ := s.Movements(ctx, got.Options[0].ID, 0)
		if h[0].Reason != ReasonAdjust || h[0].Delta != 4 || h[0].StockAfter != 9 {
			t.Errorf("adjustment = %+v", h[0])
		}
		// 화이트 / M had movements: kept out of sight with its history, not deleted
		opts, _ := data.OptionsOf(ctx, s.store.Read(), p.ID, true)
		removed := 0
		for _, o := range opts {
			if o.Removed {
				removed++
			}
		}
		if removed != 2 {
			t.Errorf("removed options kept = %d, want 2", removed)
		}
		if bad, _ := s.LedgerMismatches(ctx); len(bad) != 0 {
			t.Errorf("ledger mismatches %v", bad)
		}
	})
}

// TestNewProductWrittenOnce covers the new-product path: the row with its caches and automatic 품절 in one
// insert, options in batches (more than one batch here), one 입고 movement per option with stock.
func TestNewProductWrittenOnce(t *testing.T) {
	ctx := context.Background()
	s := openService(t)
	sizes := []string{}
	for i := 0; i < 20; i++ {
		sizes = append(sizes, fmt.Sprintf("%d호", 200+5*i))
	}
	big := tee("BIG", []string{"화이트", "블랙"}, sizes, 3) // 40 combinations
	big.Options[7].Stock, big.Options[7].SafetyStock = 0, 1
	big.Options[39].Usable = false
	p, err := s.SaveProduct(ctx, big, "첫 입고")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Options) != 40 || p.Options[0].Label() != "화이트 / 200호" || p.Options[39].Label() != "블랙 / 295호" {
		t.Fatalf("options %d, first %q, last %q", len(p.Options), p.Options[0].Label(), p.Options[39].Label())
	}
	for i, o := range p.Options {
		want := int64(3)
		if i == 7 {
			want = 0
		}
		h, _ := s.Movements(ctx, o.ID, 0)
		if o.Stock != want || (want > 0) != (len(h) == 1) || (len(h) == 1 && (h[0].Delta != want || h[0].Reason != ReasonReceive || h[0].Note != "첫 입고")) {
			t.Fatalf("option %d: stock %d, movements %+v", i, o.Stock, h)
		}
	}
	rows, _ := s.ListProducts(ctx, ListFilter{Query: "BIG-39"})
	if len(rows) != 1 || rows[0].TotalStock != 38*3 || !rows[0].LowStock || rows[0].OptionCount != 40 || rows[0].Status != StatusSale {
		t.Errorf("list row %+v, want 114 in stock over the usable options, 재고부족, 40 options, 판매중", rows)
	}

	empty, err := s.SaveProduct(ctx, tee("ZERO", []string{"레드"}, []string{"S", "M"}, 0), "")
	if err != nil {
		t.Fatal(err)
	}
	if empty.Status != StatusSoldOut || !empty.StatusAuto {
		t.Fatalf("new product with no stock: %s auto %v, want automatic 품절", empty.Status, empty.StatusAuto)
	}
	if rows, _ := s.ListProducts(ctx, ListFilter{Query: "ZERO", Status: StatusSoldOut}); len(rows) != 1 {
		t.Errorf("search with 품절 filter found %d", len(rows))
	}
	if _, err := s.AdjustStock(ctx, empty.Options[0].ID, 5, ReasonReceive, "", ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Product(ctx, empty.ID); got.Status != StatusSale {
		t.Errorf("restocked: %s, want 판매중 again", got.Status)
	}
	if bad, err := s.LedgerMismatches(ctx); err != nil || len(bad) != 0 {
		t.Errorf("ledger mismatches %v %v", bad, err)
	}
}

func TestDeleteAndArchive(t *testing.T) {
	ctx := context.Background()
	s := openService(t)
	sold, _ := s.SaveProduct(ctx, simple("D1", "팔린 상품", 1000, 5), "")
	fresh, _ := s.SaveProduct(ctx, simple("D2", "새 상품", 1000, 5), "")
	if _, err := s.AdjustStock(ctx, sold.Options[0].ID, -1, ReasonSale, "", "order-9"); err != nil {
		t.Fatal(err)
	}
	deleted, archived, err := s.DeleteProducts(ctx, []int64{sold.ID, fresh.ID})
	if err != nil || deleted != 1 || archived != 1 {
		t.Fatalf("deleted %d archived %d err %v", deleted, archived, err)
	}
	if _, err := s.Product(ctx, fresh.ID); apperr.ErrorCode(err) != apperr.ErrNotFound {
		t.Errorf("unreferenced product still there: %v", err)
	}
	if n, _ := s.CountProducts(ctx, ListFilter{}); n != 0 {
		t.Errorf("live list has %d", n)
	}
	if n, _ := s.CountProducts(ctx, ListFilter{Archived: true}); n != 1 {
		t.Errorf("archive has %d", n)
	}
	if err := s.RestoreProducts(ctx, []int64{sold.ID}); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountProducts(ctx, ListFilter{}); n != 1 {
		t.Errorf("restored product not listed")
	}
}

func TestCategoriesAndSuppliers(t *testing.T) {
	ctx := context.Background()
	s := openService(t)
	clothes, err := s.SaveCategory(ctx, Category{Name: "의류"})
	if err != nil {
		t.Fatal(err)
	}
	tops, _ := s.SaveCategory(ctx, Category{Name: "상의", ParentID: clothes.ID})
	tees, _ := s.SaveCategory(ctx, Category{Name: "티셔츠", ParentID: tops.ID})
	if tees.Path != "의류 > 상의 > 티셔츠" || tees.Depth != 2 {
		t.Errorf("path = %q depth %d", tees.Path, tees.Depth)
	}
	if _, err := s.SaveCategory(ctx, Category{Name: "상의", ParentID: clothes.ID}); apperr.ErrorCode(err) != apperr.ErrInvalid {
		t.Errorf("duplicate sibling: %v", err)
	}
	clothes.ParentID = tees.ID
	if _, err := s.SaveCategory(ctx, clothes); apperr.ErrorCode(err) != apperr.ErrConflict {
		t.Errorf("cycle: %v", err)
	}
	p := simple("C1", "반팔 티", 10000, 1)
	p.CategoryID = tees.ID
	if _, err := s.SaveProduct(ctx, p, ""); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountProducts(ctx, ListFilter{CategoryID: clothes.ID}); n != 1 {
		t.Errorf("top category filter does not include descendants: %d", n)
	}
	if err := s.DeleteCategory(ctx, tees.ID); apperr.ErrorCode(err) != apperr.ErrConflict {
		t.Errorf("deleting a used category: %v", err)
	}

	if _, err := s.SaveSupplier(ctx, Supplier{Name: "", Phone: "123", Email: "x@", LeadTimeDays: -1}); len(fields(err)) != 4 {
		t.Errorf("supplier problems = %v", fields(err))
	}
	sup, err := s.SaveSupplier(ctx, Supplier{Name: "한빛섬유", Phone: "0212345678", LeadTimeDays: 3})
	if err != nil || sup.Phone != "02-1234-5678" {
		t.Fatalf("supplier %+v %v", sup, err)
	}
	if _, err := s.SaveSupplier(ctx, Supplier{Name: "한빛섬유"}); apperr.ErrorCode(err) != apperr.ErrInvalid {
		t.Errorf("duplicate supplier: %v", err)
	}
	q := simple("C2", "바지", 10000, 1)
	q.SupplierID = sup.ID
	s.SaveProduct(ctx, q, "")
	if err := s.DeleteSupplier(ctx, sup.ID); apperr.ErrorCode(err) != apperr.ErrConflict {
		t.Errorf("deleting a used supplier: %v", err)
	}
}

func TestImages(t *testing.T) {
	ctx := context.Background()
	s := openService(t)
	p, _ := s.SaveProduct(ctx, simple("IM1", "사진 상품", 1000, 1), "")
	img := image.NewRGBA(image.Rect(0, 0, 400, 200))
	for x := 0; x < 400; x++ {
		img.Set(x, x/2, color.RGBA{R: 200, A: 255})
	}
	src := filepath.Join(t.TempDir(), "photo.png")
	f, _ := os.Create(src)
	png.Encode(f, img)
	f.Close()
	im, err := s.AddImage(ctx, p.ID, src)
	if err != nil {
		t.Fatal(err)
	}
	thumb, err := os.Open(filepath.Join(s.dataDir, im.Thumb))
	if err != nil {
		t.Fatal(err)
	}
	cfg, _, err := image.DecodeConfig(thumb)
	thumb.Close()
	if err != nil || cfg.Width != ThumbSize || cfg.Height != ThumbSize/2 {
		t.Errorf("thumbnail %dx%d %v", cfg.Width, cfg.Height, err)
	}
	rows, _ := s.ListProducts(ctx, ListFilter{})
	if rows[0].Thumb != im.Thumb {
		t.Errorf("list thumb = %q", rows[0].Thumb)
	}
	notImage := filepath.Join(t.TempDir(), "memo.txt")
	os.WriteFile(notImage, []byte("hello"), 0o600)
	if _, err := s.AddImage(ctx, p.ID, notImage); apperr.ErrorCode(err) != apperr.ErrInvalid {
		t.Errorf("text file accepted as image: %v", err)
	}
	if err := s.RemoveImage(ctx, im.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(s.dataDir, im.File)); !os.IsNotExist(err) {
		t.Error("image file left behind")
	}
}

func TestImportAndBulkEdit(t *testing.T) {
	ctx := context.Background()
	s := openService(t)
	good := []Product{simple("N1", "하나", 1000, 3), tee("N2", []string{"화이트"}, []string{"M", "L"}, 2)}
	t.Run("AllOrNothing", func(t *testing.T) {
		bad := append(append([]Product{}, good...), simple("N1", "겹치는 코드", 1000, 1))
		if _, err := s.ImportProducts(ctx, bad, "file.xlsx", nil); err == nil {
			t.Fatal("duplicate code imported")
		}
		if n, _ := s.CountProducts(ctx, ListFilter{}); n != 0 {
			t.Fatalf("a failed import left %d products", n)
		}
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := s.ImportProducts(cctx, good, "file.xlsx", nil); err == nil {
			t.Fatal("cancelled import succeeded")
		}
		if n, _ := s.CountProducts(ctx, ListFilter{}); n != 0 {
			t.Fatalf("a cancelled import left %d products", n)
		}
		// cancelled halfway, from the progress report, after 201 products were written in the transaction
		var many []Product
		for i := 0; i < 400; i++ {
			many = append(many, simple(fmt.Sprintf("H%03d", i), "중간 취소", 1000, 1))
		}
		hctx, halt := context.WithCancel(ctx)
		defer halt()
		_, err := s.ImportProducts(hctx, many, "file.xlsx", func(f float64) {
			if f > 0.5 {
				halt()
			}
		})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("import cancelled halfway: %v", err)
		}
		var stored, moves int
		s.store.Read().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM products), (SELECT count(*) FROM stock_movements)`).Scan(&stored, &moves)
		if n, _ := s.CountProducts(ctx, ListFilter{}); n != 0 || stored != 0 || moves != 0 {
			t.Fatalf("an import cancelled halfway left %d listed, %d products, %d movements", n, stored, moves)
		}
	})
	res, err := s.ImportProducts(ctx, good, "file.xlsx", nil)
	if err != nil || res.Created != 2 || res.Options != 3 {
		t.Fatalf("import %+v %v", res, err)
	}
	edited, _ := s.ExportProducts(ctx, ListFilter{Sort: SortCode})
	edited[0].Name, edited[0].Price = "하나 (리뉴얼)", 1200
	edited[1].Options[1].Stock = 10
	edited[1].Status = StatusSuspended
	changes, err := s.DiffBulkEdit(ctx, edited)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, c := range changes {
		got = append(got, fmt.Sprintf("%s %s %s: %s→%s", c.ProductCode, c.OptionLabel, c.Field, c.Old, c.New))
	}
	want := []string{"N1  상품명: 하나→하나 (리뉴얼)", "N1  판매가: 1000→1200", "N2  상태: 판매중→판매중지", "N2 화이트 / L 재고: 2→10"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("diff =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := s.ApplyBulkEdit(ctx, edited, "edit.xlsx", nil); err != nil {
		t.Fatal(err)
	}
	p, _ := s.ProductByCode(ctx, "N2")
	h, _ := s.Movements(ctx, p.Options[1].ID, 1)
	if h[0].Reason != ReasonBulk || h[0].Delta != 8 || h[0].SourceRef != "edit.xlsx" {
		t.Errorf("bulk movement = %+v", h[0])
	}
	unknown := []Product{simple("NOPE", "없는 상품", 1000, 1)}
	if _, err := s.DiffBulkEdit(ctx, unknown); apperr.ErrorCode(err) != apperr.ErrInvalid {
		t.Errorf("unknown code: %v", err)
	}
}

// TestBulkEditEveryExportedField: every product field the 대량 수정 export carries is compared and written,
// not only the price and the name; an edit to 공급업체 or 무게 was once dropped as "바뀐 내용이 없습니다".
func TestBulkEditEveryExportedField(t *testing.T) {
	ctx := context.Background()
	s := openService(t)
	haru, err := s.SaveSupplier(ctx, Supplier{Name: "하루상사"})
	if err != nil {
		t.Fatal(err)
	}
	dawn, _ := s.SaveSupplier(ctx, Supplier{Name: "새벽물산"})
	p := simple("W1", "머그컵", 9000, 5)
	p.SupplierID, p.WeightGrams, p.HSCode, p.OriginCode, p.Detail = haru.ID, 300, "6912001000", "00", "도자기 머그"
	if _, err := s.SaveProduct(ctx, p, ""); err != nil {
		t.Fatal(err)
	}
	edited, _ := s.ExportProducts(ctx, ListFilter{Sort: SortCode})
	if diff, err := s.DiffBulkEdit(ctx, edited); err != nil || len(diff) != 0 {
		t.Fatalf("an unchanged export = %v, %v", diff, err)
	}
	edited[0].SupplierID, edited[0].WeightGrams = dawn.ID, 450
	edited[0].TaxType, edited[0].HSCode, edited[0].OriginCode, edited[0].Detail = TaxFree, "6912009000", "0200037", "도자기 머그 (350ml)"
	changes, err := s.DiffBulkEdit(ctx, edited)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, c := range changes {
		got = append(got, fmt.Sprintf("%s %s: %s → %s", c.ProductCode, c.Field, c.Old, c.New))
	}
	want := []string{"W1 공급업체: 하루상사 → 새벽물산", "W1 과세구분: 과세 → 면세", "W1 무게: 300 → 450",
		"W1 HS코드: 6912001000 → 6912009000", "W1 원산지코드: 00 → 0200037", "W1 상세설명: 도자기 머그 → 도자기 머그 (350ml)"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("diff =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	res, err := s.ApplyPreviewedBulkEdit(ctx, edited, changes, "edit.xlsx", nil)
	if err != nil || res.Updated != 1 {
		t.Fatalf("apply = %+v, %v", res, err)
	}
	after, _ := s.ProductByCode(ctx, "W1")
	if after.SupplierID != dawn.ID || after.WeightGrams != 450 || after.TaxType != TaxFree || after.HSCode != "6912009000" ||
		after.OriginCode != "0200037" || after.Detail != "도자기 머그 (350ml)" {
		t.Errorf("applied product = %+v", after)
	}
	if diff, err := s.DiffBulkEdit(ctx, edited); err != nil || len(diff) != 0 {
		t.Errorf("the applied file read again = %v, %v", diff, err)
	}

	// a supplier deleted after the file was read is named, and nothing is written
	edited[0].SupplierID = haru.ID
	if err := s.DeleteSupplier(ctx, haru.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.ApplyBulkEdit(ctx, edited, "edit.xlsx", nil)
	if apperr.ErrorCode(err) != apperr.ErrConflict || !strings.Contains(err.Error(), "상품 W1") || !strings.Contains(err.Error(), "공급업체가 삭제") {
		t.Errorf("a deleted supplier: %v", err)
	}
	if now, _ := s.ProductByCode(ctx, "W1"); now.SupplierID != dawn.ID {
		t.Errorf("the refused edit wrote supplier %d", now.SupplierID)
	}
}

// TestBulkEditCarrying: a 대량 수정 compares and writes only the fields its file carries; a field whose
// column the seller deleted reads as empty and stays as stored, while the fields carried still change.
func TestBulkEditCarrying(t *testing.T) {
	ctx := context.Background()
	s := openService(t)
	haru, err := s.SaveSupplier(ctx, Supplier{Name: "하루상사"})
	if err != nil {
		t.Fatal(err)
	}
	p := simple("W1", "머그컵", 9000, 5)
	p.Cost, p.SupplierID, p.WeightGrams, p.Detail = 4000, haru.ID, 300, "도자기 머그"
	p.Options[0].SafetyStock = 2
	if _, err := s.SaveProduct(ctx, p, ""); err != nil {
		t.Fatal(err)
	}
	// what the sheet reads from a file without 원가, 공급업체, 무게, 상세설명, 재고수량 and 안전재고 columns
	edited := []Product{simple("W1", "머그컵", 9500, 0)}
	carried := AllFields()
	for _, f := range []Field{FieldCost, FieldSupplier, FieldWeight, FieldDetail, FieldStock, FieldSafetyStock} {
		delete(carried, f)
	}
	changes, err := s.DiffBulkEditCarrying(ctx, edited, carried)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 1 || changes[0].Field != "판매가" || changes[0].New != "9500" {
		t.Fatalf("diff = %+v", changes)
	}
	if all, _ := s.DiffBulkEdit(ctx, edited); len(all) != 7 {
		t.Errorf("the same rows as a whole export = %+v", all)
	}
	res, err := s.ApplyPreviewedBulkEditCarrying(ctx, edited, carried, changes, "edit.xlsx", nil)
	if err != nil || res.Updated != 1 {
		t.Fatalf("apply = %+v, %v", res, err)
	}
	after, _ := s.ProductByCode(ctx, "W1")
	if after.Price != 9500 || after.Cost != 4000 || after.SupplierID != haru.ID || after.WeightGrams != 300 ||
		after.Detail != "도자기 머그" || after.Options[0].Stock != 5 || after.Options[0].SafetyStock != 2 {
		t.Errorf("applied product = %+v", after)
	}
	// the preview of a partial file is not the diff of a whole one: applied as whole, it is refused
	if _, err := s.ApplyPreviewedBulkEdit(ctx, edited, []Change{}, "edit.xlsx", nil); apperr.ErrorCode(err) != apperr.ErrConflict {
		t.Errorf("a whole-file apply of an empty preview: %v", err)
	}
}
