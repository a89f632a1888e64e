package sheet

import (
	"encoding/binary"
	"errors"
	"fmt"

	"sellerdesk/app/apperr"
)

// readSheet reads one worksheet substream into rows of cells, as Excel shows their values: text as
// written, numbers in full (no grouping, no exponent for whole numbers), TRUE/FALSE as 1/0 as excelize's
// raw values do, errors as Excel writes them (#N/A …). Trailing empty cells are dropped.
func (b *xlsBook) readSheet(i int) (rows [][]string, err error) {
	defer caught(&err, "sheet")
	sh := b.sheets[i]
	if sh.offset < 0 || sh.offset >= len(b.stream) {
		return nil, xlsDamaged(fmt.Errorf("xls: sheet %q at %d outside the stream", sh.name, sh.offset))
	}
	rs := &xlsRecords{b: b.stream, pos: sh.offset}
	typ, body, ok := rs.next()
	if !ok || typ != xlsRecBOF || len(body) < 4 {
		return nil, xlsDamaged(fmt.Errorf("xls: sheet %q has no BOF", sh.name))
	}
	if dt := binary.LittleEndian.Uint16(body[2:]); dt != xlsWorksheet {
		return nil, nil // a dialog or chart sheet: no rows
	}
	g := &xlsCellGrid{}
	pend := xlsPending{r: -1, c: -1}
	depth := 0
	for {
		typ, body, ok := rs.next()
		if !ok {
			return nil, xlsDamaged(fmt.Errorf("xls: sheet %q without EOF", sh.name))
		}
		if typ == xlsRecBOF {
			depth++ // an embedded chart's substream
			continue
		}
		if typ == xlsRecEOF {
			if depth == 0 {
				break
			}
			depth--
			continue
		}
		if depth > 0 {
			continue
		}
		if err := b.cell(g, rs, typ, body, &pend); err != nil {
			var ae *apperr.Error
			if errors.As(err, &ae) {
				return nil, err
			}
			return nil, xlsDamaged(err)
		}
	}
	return g.rows, nil
}

// xlsCellGrid is a sheet's cells as they are read: rows by index (0-based, as BIFF numbers them), each as long
// as its last non-empty cell.
type xlsCellGrid struct {
	rows  [][]string
	slots int // cells held, empty ones before a row's last cell included: what the sheet costs in memory
}

// set puts v at row r, column c (0-based) within BIFF8's grid and the cell limit.
func (g *xlsCellGrid) set(r, c int, v string) error {
	if r >= maxXLSRows || c >= maxXLSCols {
		return fmt.Errorf("xls: cell %d,%d outside BIFF8's grid", r, c)
	}
	for len(g.rows) <= r {
		g.rows = append(g.rows, nil)
	}
	row := g.rows[r]
	if c >= len(row) {
		if v == "" {
			return nil
		}
		if g.slots += c + 1 - len(row); g.slots > maxXLSCells {
			return xlsTooManyCells()
		}
		if c >= cap(row) {
			grown := make([]string, c+1, min(max(c+1, 2*cap(row)), maxXLSCols))
			copy(grown, row)
			row = grown
		}
		row = row[:c+1]
	}
	row[c] = v
	g.rows[r] = row
	return nil
}
