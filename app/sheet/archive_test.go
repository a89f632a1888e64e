package sheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/apperr"
)

const sheetPart = "xl/worksheets/sheet1.xml"

// entry finds a part of a workbook.
func entry(t testing.TB, b []byte, name string) *zip.File {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("no %s in the workbook", name)
	return nil
}

// flipInSheet damages a workbook as a bad disk or a cut download does: a few bytes inside the compressed
// data of its sheet part, the zip's directory left intact.
func flipInSheet(t testing.TB, b []byte) []byte {
	t.Helper()
	f := entry(t, b, sheetPart)
	off, err := f.DataOffset()
	if err != nil {
		t.Fatal(err)
	}
	out := bytes.Clone(b)
	mid := off + int64(f.CompressedSize64)/2
	for i := int64(0); i < 3; i++ {
		out[mid+i] ^= 0x55
	}
	return out
}

// rezip writes a workbook's parts again stored (uncompressed, CRC recorded), then lets extra add parts.
func rezip(t testing.TB, b []byte, extra func(zw *zip.Writer)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if extra != nil {
		extra(zw)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// changeStoredCell repacks a workbook stored (CRCs recorded) and changes one digit of the first cell value
// in its sheet: the damage a bad disk does without breaking the XML, which only the CRC reveals.
func changeStoredCell(t testing.TB, good []byte) []byte {
	t.Helper()
	bad := rezip(t, good, nil)
	f := entry(t, bad, sheetPart)
	off, err := f.DataOffset()
	if err != nil {
		t.Fatal(err)
	}
	data := bad[off : off+int64(f.CompressedSize64)]
	if i := bytes.Index(data, []byte("<v>")); i >= 0 {
		// a shared string's index or a number: a digit changed reads as another value
		for j := i + 3; j < len(data) && data[j] != '<'; j++ {
			if data[j] >= '0' && data[j] <= '8' {
				data[j]++
				return bad
			}
		}
	}
	t.Fatalf("no cell value found in the stored sheet: %.200s", data)
	return nil
}

// wantArchiveError fails unless err is an *ArchiveError for reason, speaking Korean as an ErrInvalid.
func wantArchiveError(t *testing.T, n int, err error, reason ArchiveReason, part string) *ArchiveError {
	t.Helper()
	var ae *ArchiveError
	if !errors.As(err, &ae) || ae.Reason != reason {
		t.Fatalf("%d rows, err = %v (%T); want an ArchiveError, reason %d", n, err, err, reason)
	}
	if n != 0 {
		t.Errorf("%d rows read from a refused file", n)
	}
	if ae.Part != part {
		t.Errorf("part %q, want %q", ae.Part, part)
	}
	if got := apperr.ErrorCode(err); got != apperr.ErrInvalid {
		t.Errorf("code %s, want %s", got, apperr.ErrInvalid)
	}
	return ae
}

// TestDamagedSheetRefused: a workbook whose sheet entry is broken inside is refused whole by every
// importer, naming the part, where excelize alone reads the rows up to the damage and says nothing.
func TestDamagedSheetRefused(t *testing.T) {
	for _, im := range importers {
		t.Run(im.name, func(t *testing.T) {
			good := im.file(t)
			if n, err := im.read(good, ""); err != nil || n != 2 {
				t.Fatalf("the undamaged file: %d rows, %v", n, err)
			}
			t.Run("CompressedData", func(t *testing.T) {
				n, err := im.read(flipInSheet(t, good), "")
				wantArchiveError(t, n, err, ArchiveDamaged, sheetPart)
				want := "엑셀 파일이 손상되었습니다: 'xl/worksheets/sheet1.xml' 부분을 읽을 수 없습니다. 엑셀에서 열어 다시 저장하거나 다시 내려받으세요."
				if got := apperr.Message(err); got != want {
					t.Errorf("the seller reads %q", got)
				}
			})
			t.Run("StoredText", func(t *testing.T) {
				// Stored, one cell's value changed: the XML is still well formed, so only the CRC tells.
				bad := changeStoredCell(t, good)
				n, err := im.read(bad, "")
				wantArchiveError(t, n, err, ArchiveDamaged, sheetPart)
			})
		})
	}
}

// TestDamagedSheetExcelizeAloneReads shows why the check exists: excelize reports broken compressed data
// in a small part, but opens a part whose bytes were changed (a CRC mismatch) without an error. If a later
// excelize reports that too, the CRC pass may go.
func TestDamagedSheetExcelizeAloneReads(t *testing.T) {
	bad := changeStoredCell(t, importers[0].file(t))
	f, err := excelize.OpenReader(bytes.NewReader(bad))
	if err != nil {
		t.Skipf("excelize now reports the damage itself (%v): verifyArchive may be dropped", err)
	}
	f.Close()
	zr, err := zip.NewReader(bytes.NewReader(bad), int64(len(bad)))
	if err != nil {
		t.Fatal(err)
	}
	if err := verifyArchive(zr); err == nil {
		t.Fatal("the check passes the damaged file")
	}
}

// bombSheet is a deflated sheet part of size bytes (whole MiB), mostly spaces after the sheet's start tags:
// about 1 KB of zip per MB unpacked, the hostile file of issue #12 (1 MB that unpacks to 1 GB). The stream
// is built from one compressed MiB repeated, so making it costs no gigabyte of compression.
func bombSheet(t testing.TB, size int64) []byte {
	t.Helper()
	head := `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	spaces := bytes.Repeat([]byte(" "), 1<<20)
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(head))
	w.Write(spaces[len(head):])
	w.Flush()
	first := buf.Len()
	w.Write(spaces)
	w.Flush()
	second := buf.Len()
	w.Write(spaces)
	w.Flush()
	chunk := bytes.Clone(buf.Bytes()[first:second])
	if !bytes.Equal(chunk, buf.Bytes()[second:]) {
		t.Fatal("a compressed MiB of spaces is not the same twice; cannot repeat it")
	}
	out := bytes.Clone(buf.Bytes()[:first])
	for i := int64(1); i < size>>20; i++ {
		out = append(out, chunk...)
	}
	return append(out, 1, 0, 0, 0xff, 0xff) // the final, empty stored block
}

// TestZipBombRefused: a file of about 1 MB whose sheet unpacks to 1 GiB is refused by what it declares,
// before anything is unpacked; one that declares 1 MiB but unpacks to more is stopped at its declared size
// and refused as damaged. Neither allocates what it would unpack to.
func TestZipBombRefused(t *testing.T) {
	for _, c := range []struct {
		name     string
		declared uint64
		reason   ArchiveReason
	}{{"Declared", 1 << 30, ArchivePartTooBig}, {"Lying", 1 << 20, ArchiveDamaged}} {
		for _, im := range importers {
			t.Run(c.name+"/"+im.name, func(t *testing.T) {
				bomb := bombSheet(t, 1<<30)
				b := bombFile(t, im.file(t), bomb, c.declared)
				if len(b) > 2<<20 {
					t.Fatalf("the bomb is %d bytes, not a small file", len(b))
				}
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				n, err := im.read(b, "")
				runtime.ReadMemStats(&after)
				ae := wantArchiveError(t, n, err, c.reason, sheetPart)
				if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
					t.Errorf("refusing the bomb allocated %d MB", alloc>>20)
				}
				if c.reason == ArchivePartTooBig {
					want := "엑셀 파일이 너무 큽니다: 'xl/worksheets/sheet1.xml' 부분만 압축을 풀어도 1024 MB로, 셀러데스크가 한 부분에 읽는 한도(600 MB)를 넘습니다. 기간이나 상품을 나누어 여러 파일로 올리세요."
					if got := apperr.Message(err); got != want {
						t.Errorf("the seller reads %q", got)
					}
					if ae.Size != 1<<30 || ae.Limit != maxPartSize {
						t.Errorf("size %d, limit %d", ae.Size, ae.Limit)
					}
				}
			})
		}
	}
}

// bombFile is b with its sheet part replaced by the deflated bomb, declaring size bytes unpacked.
func bombFile(t testing.TB, b, bomb []byte, size uint64) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == sheetPart {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: 0x12345678,
				CompressedSize64: uint64(len(bomb)), UncompressedSize64: size})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(bomb)
			continue
		}
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestArchiveLimits: too many parts, or parts that together unpack beyond the limit, are refused by every
// importer with the limit in the sentence; a workbook at the part count limit still reads.
func TestArchiveLimits(t *testing.T) {
	for _, im := range importers {
		t.Run(im.name, func(t *testing.T) {
			good := im.file(t)
			zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
			if err != nil {
				t.Fatal(err)
			}
			parts := len(zr.File)
			padded := func(extra int) []byte {
				return rezip(t, good, func(zw *zip.Writer) {
					for i := range extra {
						w, _ := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("customXml/item%d.xml", i), Method: zip.Store})
						w.Write([]byte("<a/>"))
					}
				})
			}
			if n, err := im.read(padded(maxEntries-parts), ""); err != nil || n != 2 {
				t.Errorf("%d parts: %d rows, %v", maxEntries, n, err)
			}
			n, err := im.read(padded(maxEntries-parts+1), "")
			wantArchiveError(t, n, err, ArchiveTooManyParts, "")
			if msg := apperr.Message(err); !strings.Contains(msg, "1001개") || !strings.Contains(msg, "(1000개)") {
				t.Errorf("the seller reads %q", msg)
			}

			// two parts of 400 MiB each: each within a part's limit, together beyond the whole's
			bomb := bombSheet(t, 400<<20)
			big := rezip(t, good, func(zw *zip.Writer) {
				for _, name := range []string{"xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"} {
					w, _ := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate,
						CompressedSize64: uint64(len(bomb)), UncompressedSize64: 400 << 20})
					w.Write(bomb)
				}
			})
			n, err = im.read(big, "")
			ae := wantArchiveError(t, n, err, ArchiveTooBig, "")
			if ae.Size <= 800<<20 || ae.Size > 801<<20 || ae.Limit != maxUnpackedSize {
				t.Errorf("size %d, limit %d", ae.Size, ae.Limit)
			}
			// rounded up: a few KB over 800 MiB is not 800 MB
			want := "엑셀 파일이 너무 큽니다: 압축을 풀면 801 MB로, 셀러데스크가 읽는 한도(700 MB)를 넘습니다. 기간이나 상품을 나누어 여러 파일로 올리세요."
			if got := apperr.Message(err); got != want {
				t.Errorf("the seller reads %q, want %q", got, want)
			}
		})
	}
}

// TestDamagedFuzzSeed keeps testdata/fuzz/FuzzOrderXLSX/damaged-stored-cell, an order export whose sheet
// has one changed digit, so FuzzOrderXLSX runs the refusal of a damaged file with every `go test`.
// Rewrite it with -write-seeds.
func TestDamagedFuzzSeed(t *testing.T) {
	path := filepath.Join("testdata", "fuzz", "FuzzOrderXLSX", "damaged-stored-cell")
	if *writeSeeds {
		bad := changeStoredCell(t, noticeFile(t, orderHeaderCells, orderRowCells))
		if err := os.WriteFile(path, []byte(fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", bad)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body := strings.TrimSuffix(strings.TrimPrefix(string(raw), "go test fuzz v1\n[]byte("), ")\n")
	b, err := strconv.Unquote(body)
	if err != nil {
		t.Fatal(err)
	}
	file, err := readOrderBytes([]byte(b))
	var ae *ArchiveError
	if !errors.As(err, &ae) || ae.Reason != ArchiveDamaged || file != nil {
		t.Fatalf("the seed reads as %v, %v; want it refused as damaged", file, err)
	}
}
