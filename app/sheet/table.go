package sheet

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/transform"

	"sellerdesk/app/apperr"
)

// table is one sheet of rows as an importer reads it, whatever file it came from: a worksheet of an xlsx,
// the one table of a CSV. Importers of row files (orders, courier files) read tables, not file formats, so a
// new format (an .xls, an HTML table saved as .xls) is added here once for all of them.
type table struct {
	name  string // the sheet's name as the seller sees it ("CSV" for a text file)
	total int    // about how many rows, for progress; 0 when unknown
	excel bool   // cells are Excel's raw values (dates as serial numbers, numbers unformatted)
	// next returns the next row's cells; ok is false at the end
	next  func() (cells []string, ok bool, err error)
	close func()
}

// tableFile is an opened row file: its tables are opened one at a time, in order, so an importer that finds
// its header on the first sheet never unpacks the others.
type tableFile struct {
	names []string
	open  func(i int) (*table, error)
	close func()
}

// openTables opens raw as a row file: an xlsx (password-protected too, through openWorkbook) or CSV text
// in UTF-8 or CP949. notXLSX is the importer's own sentence for bytes that look like a workbook but are not.
func openTables(ctx context.Context, raw []byte, password, notXLSX string) (*tableFile, error) {
	if !bytes.HasPrefix(raw, oleHeader) && !bytes.HasPrefix(raw, []byte("PK")) {
		return csvTables(raw), nil
	}
	f, err := openWorkbook(raw, password, notXLSX)
	if err != nil {
		return nil, err
	}
	names := f.GetSheetList()
	return &tableFile{
		names: names,
		close: func() { f.Close() },
		open: func(i int) (*table, error) {
			name := names[i]
			it, err := f.Rows(name)
			if err != nil {
				return nil, damaged(name, 0, err)
			}
			n := 0
			return &table{name: name, total: sheetRows(f, name), excel: true, close: func() { it.Close() },
				next: func() ([]string, bool, error) {
					n++
					if !it.Next() {
						if err := it.Error(); err != nil {
							return nil, false, damaged(name, n, err)
						}
						return nil, false, nil
					}
					cells, err := it.Columns(excelize.Options{RawCellValue: true})
					if err != nil {
						return nil, false, damaged(name, n, err)
					}
					return cells, true, nil
				}}, nil
		},
	}, nil
}

// csvTables reads CSV text. Smart Store's CSV is CP949 (what Korean Excel writes); a file that is valid
// UTF-8 (with or without a byte-order mark) is read as UTF-8.
func csvTables(raw []byte) *tableFile {
	raw = bytes.TrimPrefix(raw, []byte{0xEF, 0xBB, 0xBF})
	return &tableFile{
		names: []string{"CSV"},
		close: func() {},
		open: func(int) (*table, error) {
			var text io.Reader = bytes.NewReader(raw)
			if !utf8.Valid(raw) {
				text = transform.NewReader(bytes.NewReader(raw), korean.EUCKR.NewDecoder())
			}
			cr := csv.NewReader(text)
			cr.FieldsPerRecord = -1
			cr.LazyQuotes = true
			cr.ReuseRecord = false
			return &table{name: "CSV", total: bytes.Count(raw, []byte{'\n'}) + 1, close: func() {},
				next: func() ([]string, bool, error) {
					rec, err := cr.Read()
					if err == io.EOF {
						return nil, false, nil
					}
					if err != nil {
						return nil, false, &apperr.Error{Code: apperr.ErrInvalid, Err: err,
							Message: fmt.Sprintf("CSV 파일을 읽을 수 없습니다: %v", err)}
					}
					return rec, true, nil
				}}, nil
		},
	}
}

// allRows reads a whole table (for small files such as a courier's list); ctx is checked every 1,000 rows.
func (t *table) allRows(ctx context.Context) ([][]string, error) {
	var rows [][]string
	for {
		if len(rows)%1000 == 999 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		cells, ok, err := t.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			return rows, nil
		}
		rows = append(rows, cells)
	}
}
