package sheet

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// BenchmarkOpenWorkbook measures the archive check on the cached 100,000-row order export and the 30,000-row
// templates (written by the import benchmarks): the CRC pass alone, excelize's open alone, openWorkbook
// (both, side by side), and the whole order read for scale.
//
//	go test -tags migrated_fynedo -run '^$' -bench OpenWorkbook -benchtime 3x ./app/sheet/
func BenchmarkOpenWorkbook(b *testing.B) {
	for _, name := range []string{"sellerdesk-bench-orders-100k-v1.xlsx", "sellerdesk-bench-import-30k-v1.xlsx", "sellerdesk-bench-import-30k-template-v1.xlsx"} {
		raw, err := os.ReadFile(filepath.Join(os.TempDir(), name))
		if err != nil {
			b.Logf("%s: %v (run the import benchmarks first)", name, err)
			continue
		}
		b.Run(name+"/Verify", func(b *testing.B) {
			for range b.N {
				zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
				if err != nil {
					b.Fatal(err)
				}
				if err := checkArchiveLimits(zr); err != nil {
					b.Fatal(err)
				}
				if err := verifyArchive(zr); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/ExcelizeOpen", func(b *testing.B) {
			for range b.N {
				f, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{UnzipSizeLimit: maxUnpackedSize, UnzipXMLSizeLimit: inMemoryPart})
				if err != nil {
					b.Fatal(err)
				}
				f.Close()
			}
		})
		b.Run(name+"/OpenWorkbook", func(b *testing.B) {
			for range b.N {
				f, err := openWorkbook(raw, "", "not a workbook")
				if err != nil {
					b.Fatal(err)
				}
				f.Close()
			}
		})
		if name == "sellerdesk-bench-orders-100k-v1.xlsx" {
			b.Run(name+"/ReadOrders", func(b *testing.B) {
				for range b.N {
					file, err := ReadOrders(context.Background(), bytes.NewReader(raw), ReadOrderOptions{Location: kst}, nil)
					if err != nil {
						b.Fatal(err)
					}
					if len(file.Rows) != 100000 {
						b.Fatalf("%d rows", len(file.Rows))
					}
				}
			})
		}
	}
}
