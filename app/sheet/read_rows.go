package sheet

import (
	"context"
	"strings"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/format"
)

// headerZone is how far down a sheet its product header may be: below it, the sheet is not a product list.
const headerZone = 30

// sheetRows finds the header in the first headerZone rows and reads the non-empty rows under it, each
// with its Excel row number and its cells by canonical header. headerRow is 0 when the sheet has no
// header; full is set (and the problem filed) when the sheet has more than maxRows data rows.
func (file *ProductFile) sheetRows(ctx context.Context, it *excelize.Rows) (rows []row, headerRow int, full bool, err error) {
	name := file.sheet
	for n := 1; it.Next(); n++ {
		if n%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, 0, false, err
			}
		}
		cells, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, 0, false, damaged(name, n, err)
		}
		if headerRow == 0 {
			if n > headerZone {
				return nil, 0, false, nil
			}
			if isHeader(cells) {
				headerRow = n
				file.header = headerColumns(cells)
			}
			continue
		}
		r := row{n: n, cells: map[string]string{}}
		empty := true
		for i, c := range cells {
			if i < len(file.header) && file.header[i] != "" && strings.TrimSpace(c) != "" {
				r.cells[file.header[i]] = c
				empty = false
			}
		}
		if empty {
			continue
		}
		if len(rows) == maxRows {
			file.problemf(n, "", "행이 너무 많습니다. 한 파일에 {{.Max}}행까지 올릴 수 있습니다. 파일을 나눠 올리세요.", "Max", format.Number(int64(maxRows)))
			return rows, headerRow, true, nil
		}
		rows = append(rows, r)
	}
	if err := it.Error(); err != nil {
		// the iterator stops at XML it cannot read: without this check a damaged file would import the
		// rows before the damage as if they were all
		return nil, 0, false, damaged(name, 0, err)
	}
	return rows, headerRow, false, nil
}

// headerColumns names each column by its canonical header. A name a column left of it already has (two
// 판매가 columns, or 상품코드 beside 판매자 상품코드) is not read again: the first column is read, as the
// order and courier readers do, and every message points at the column the value came from.
func headerColumns(cells []string) []string {
	header := make([]string, len(cells))
	seen := map[string]bool{}
	for i, c := range cells {
		h := canonical(c)
		if h == "" || seen[h] {
			continue
		}
		seen[h] = true
		header[i] = h
	}
	return header
}

func isHeader(cells []string) bool {
	hits := 0
	for _, c := range cells {
		if knownHeaders[canonical(c)] {
			hits++
		}
	}
	return hits >= 3
}
