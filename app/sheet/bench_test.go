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

// BenchmarkImport30k reads, checks and imports a 30,000-row template into a fresh store (target < 5 s,
// peak memory < 300 MB).
func BenchmarkImport30k(b *testing.B) {
	raw := benchFile(b)
	ctx := context.Background()
	var peak uint64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := b.TempDir()
		store, err := data.Open(ctx, filepath.Join(dir, "bench.db"))
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
