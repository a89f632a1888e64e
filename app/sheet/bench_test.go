package sheet

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/data"
)

// benchFile is a 30,000-row template: 10,000 combination products with three options each.
func benchFile(b *testing.B) []byte {
	b.Helper()
	path := filepath.Join(os.TempDir(), "sellerdesk-bench-import-30k-v1.xlsx")
	if raw, err := os.ReadFile(path); err == nil {
		return raw
	}
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = h
	}
	sw.SetRow("A1", head)
	n := 2
	for p := 0; p < 10000; p++ {
		for o, size := range []string{"S", "M", "L"} {
			row := []any{fmt.Sprintf("B%05d", p), fmt.Sprintf("벤치 상품 %d", p), "의류 > 상의", "한빛섬유", "19,800", "8000", "판매중", "과세",
				"조합형", "색상", "블랙", "사이즈", size, fmt.Sprintf("B%05d-%d", p, o), "0", "7", "2", "Y"}
			if o > 0 {
				for i := 1; i <= 8; i++ {
					row[i] = ""
				}
				row[9], row[11] = "", ""
			}
			cell, _ := excelize.CoordinatesToCellName(1, n)
			if err := sw.SetRow(cell, row); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	sw.Flush()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	os.WriteFile(path, buf.Bytes(), 0o600)
	return buf.Bytes()
}

// peakHeap samples the heap in use while fn runs and returns the highest value seen.
func peakHeap(fn func()) uint64 {
	var peak uint64
	var mu sync.Mutex
	done := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			mu.Lock()
			peak = max(peak, m.HeapInuse)
			mu.Unlock()
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	mu.Lock()
	defer mu.Unlock()
	return peak
}

// benchFiles are the two shapes of the 30,000-row file the benchmarks read: the template as Excel saves it
// after a seller filled it in, and the same rows with every cell an inline string, empty cells included (how
// some tools write xlsx; the slowest shape for the reader).
var benchFiles = []struct {
	name string
	file func(*testing.B) []byte
}{{"excel-saved", templateBenchFile}, {"inline-strings", benchFile}}

// BenchmarkImport30k reads, checks and imports a 30,000-row template into a fresh store (target < 5 s,
// peak memory < 300 MB).
func BenchmarkImport30k(b *testing.B) {
	for _, c := range benchFiles {
		b.Run(c.name, func(b *testing.B) { benchImport(b, c.file(b)) })
	}
}

func benchImport(b *testing.B, raw []byte) {
	ctx := context.Background()
	var peak uint64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := b.TempDir()
		store, err := data.Open(ctx, filepath.Join(dir, "bench.db"),
			data.WithClock(clock.At(time.Date(2026, 11, 27, 10, 0, 0, 0, time.Local)).Now))
		if err != nil {
			b.Fatal(err)
		}
		svc := catalog.New(store, dir, slog.New(slog.NewTextHandler(io.Discard, nil)))
		top, _ := svc.SaveCategory(ctx, catalog.Category{Name: "의류"})
		svc.SaveCategory(ctx, catalog.Category{Name: "상의", ParentID: top.ID})
		svc.SaveSupplier(ctx, catalog.Supplier{Name: "한빛섬유"})
		cats, _ := svc.Categories(ctx)
		sups, _ := svc.Suppliers(ctx)
		runtime.GC()
		b.StartTimer()
		p := peakHeap(func() {
			file, err := ReadProducts(ctx, bytes.NewReader(raw), ReadOptions{Categories: cats, Suppliers: sups}, nil)
			if err != nil || len(file.Problems) > 0 || len(file.Products) != 10000 {
				b.Fatalf("read: %v %d problems %d products", err, len(file.Problems), len(file.Products))
			}
			pc, oc := file.Codes()
			if ep, eo, err := svc.ExistingCodes(ctx, pc, oc); err != nil || len(ep)+len(eo) > 0 {
				b.Fatalf("existing: %v", err)
			}
			res, err := svc.ImportProducts(ctx, file.Products, "bench.xlsx", nil)
			if err != nil || res.Options != 30000 {
				b.Fatalf("import %+v %v", res, err)
			}
		})
		peak = max(peak, p)
		b.StopTimer()
		store.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(peak)/(1<<20), "MB-peak-heap")
}

// templateBenchFile is the same 30,000 rows written the way Excel saves the downloaded template after a
// seller filled it in: on the template's own sheet, text in the shared-string table, numbers as numbers,
// empty cells left out.
func templateBenchFile(b *testing.B) []byte {
	b.Helper()
	path := filepath.Join(os.TempDir(), "sellerdesk-bench-import-30k-template-v1.xlsx")
	if raw, err := os.ReadFile(path); err == nil {
		return raw
	}
	var tpl bytes.Buffer
	cats := []catalog.Category{{ID: 1, Name: "의류", Path: "의류"}, {ID: 2, Name: "상의", ParentID: 1, Path: "의류 > 상의"}}
	if err := WriteTemplate(&tpl, cats, []catalog.Supplier{{ID: 1, Name: "한빛섬유"}}); err != nil {
		b.Fatal(err)
	}
	f, err := excelize.OpenReader(&tpl)
	if err != nil {
		b.Fatal(err)
	}
	for r := 5; r >= 2; r-- { // the example product
		if err := f.RemoveRow(sheetProducts, r); err != nil {
			b.Fatal(err)
		}
	}
	col := map[string]int{}
	for i, c := range templateColumns {
		col[c] = i + 1
	}
	set := func(c string, row int, v any) {
		cell, _ := excelize.CoordinatesToCellName(col[c], row)
		var err error
		switch x := v.(type) {
		case string:
			err = f.SetCellStr(sheetProducts, cell, x)
		case int:
			err = f.SetCellInt(sheetProducts, cell, int64(x))
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	n := 2
	for p := 0; p < 10000; p++ {
		for o, size := range []string{"S", "M", "L"} {
			code := fmt.Sprintf("B%05d", p)
			set(colCode, n, code)
			if o == 0 {
				set(colName, n, fmt.Sprintf("벤치 상품 %d", p))
				set(colCategory, n, "의류 > 상의")
				set(colSupplier, n, "한빛섬유")
				set(colPrice, n, 19800)
				set(colCost, n, 8000)
				set(colStatus, n, "판매중")
				set(colTax, n, "과세")
				set(colKind, n, "조합형")
				set(colOptName1, n, "색상")
				set(colOptName2, n, "사이즈")
			}
			set(colOptValue1, n, "블랙")
			set(colOptValue2, n, size)
			set(colOptCode, n, fmt.Sprintf("%s-%d", code, o))
			set(colExtraPrice, n, 0)
			set(colStock, n, 7)
			set(colSafetyStock, n, 2)
			set(colUsable, n, "Y")
			n++
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	os.WriteFile(path, buf.Bytes(), 0o600)
	return buf.Bytes()
}

// BenchmarkRead30k is the reading step alone, for both shapes of the file.
func BenchmarkRead30k(b *testing.B) {
	for _, c := range benchFiles {
		b.Run(c.name, func(b *testing.B) {
			raw := c.file(b)
			cats := []catalog.Category{{ID: 1, Name: "의류", Path: "의류"}, {ID: 2, Name: "상의", ParentID: 1, Path: "의류 > 상의"}}
			sups := []catalog.Supplier{{ID: 1, Name: "한빛섬유"}}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				file, err := ReadProducts(context.Background(), bytes.NewReader(raw), ReadOptions{Categories: cats, Suppliers: sups}, nil)
				if err != nil || len(file.Problems) > 0 || len(file.Products) != 10000 {
					b.Fatalf("read: %v %v %d products", err, file.Problems[:min(3, len(file.Problems))], len(file.Products))
				}
			}
		})
	}
}
