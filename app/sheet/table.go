package sheet

import (
	"bytes"
	"context"

	"github.com/xuri/excelize/v2"
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

// openTables opens raw as a row file, whatever its name says (see sniff): an xlsx (password-protected
// too, through openWorkbook), an Excel 97–2003 workbook (.xls), an HTML table saved as .xls, or CSV /
// tab-separated text in UTF-8 or CP949. notXLSX is the importer's own sentence for bytes that look like a
// workbook but are not. An importer that has a reader rather than bytes calls openTableStream, which
// streams text formats instead of holding the file.
func openTables(ctx context.Context, raw []byte, password, notXLSX string) (*tableFile, error) {
	head := raw[:min(len(raw), sniffSize)]
	switch sniff(head) {
	case kindText, kindHTML:
		return openTableStream(ctx, bytes.NewReader(raw), password, notXLSX)
	case kindOLE:
		if !encryptedPackage(raw) {
			// Not an encrypted xlsx: an Excel 97–2003 workbook, read by its own reader. Never a password
			// question: a protected .xls has its own message (ErrOldExcelPassword).
			return xlsTables(raw)
		}
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
