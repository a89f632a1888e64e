package sheet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/richardlehane/mscfb"
)

// xlsStream finds the workbook stream in a compound file: "Workbook" (BIFF8). A "Book" stream is Excel 95.
func xlsStream(raw []byte) (stream []byte, err error) {
	defer caught(&err, "compound file")
	if len(raw) > maxXLSFile {
		return nil, xlsTooBigFile()
	}
	doc, err := mscfb.New(bytes.NewReader(raw))
	if err != nil {
		return nil, xlsDamaged(err)
	}
	old := false
	for entry, err := doc.Next(); err == nil; entry, err = doc.Next() {
		switch {
		case strings.EqualFold(entry.Name, "Workbook"):
			if entry.Size > maxXLSFile {
				return nil, xlsTooBigFile()
			}
			b, err := io.ReadAll(io.LimitReader(entry, maxXLSFile))
			if err != nil {
				return nil, xlsDamaged(err)
			}
			return b, nil
		case strings.EqualFold(entry.Name, "Book"):
			old = true
		}
	}
	if old {
		return nil, ErrOldExcel95
	}
	return nil, xlsDamaged(errors.New("xls: no Workbook stream"))
}

// parseXLSBook reads the globals substream: sheets, shared strings, and whether the file is encrypted.
func parseXLSBook(stream []byte) (book *xlsBook, err error) {
	defer caught(&err, "globals")
	rs := &xlsRecords{b: stream}
	typ, body, ok := rs.next()
	if !ok || typ != xlsRecBOF || len(body) < 4 {
		if ok && typ == xlsRecBOF && len(body) >= 2 && binary.LittleEndian.Uint16(body) < xlsBIFF8 {
			return nil, ErrOldExcel95
		}
		return nil, xlsDamaged(errXLSFormat)
	}
	if v := binary.LittleEndian.Uint16(body); v != xlsBIFF8 {
		if v < xlsBIFF8 {
			return nil, ErrOldExcel95
		}
		return nil, xlsDamaged(fmt.Errorf("xls: BOF version %#x", v))
	}
	if dt := binary.LittleEndian.Uint16(body[2:]); dt != xlsGlobals {
		return nil, xlsDamaged(fmt.Errorf("xls: first substream type %#x", dt))
	}
	book = &xlsBook{stream: stream}
	text := 0
	for {
		typ, body, ok := rs.next()
		if !ok {
			return nil, xlsDamaged(errors.New("xls: globals without EOF"))
		}
		switch typ {
		case xlsRecEOF:
			if len(book.sheets) == 0 {
				return nil, xlsDamaged(errors.New("xls: no sheets"))
			}
			return book, nil
		case xlsRecFilePas:
			return nil, ErrOldExcelPassword
		case xlsRecSheet:
			if len(body) < 8 {
				return nil, xlsDamaged(errors.New("xls: short BoundSheet8"))
			}
			if len(book.sheets) >= maxXLSSheets {
				return nil, xlsTooManySheets()
			}
			if body[5] != xlsSheetNorm {
				continue // charts, macro sheets, VB modules hold no rows
			}
			cur := &xlsCursor{segs: [][]byte{body[6:]}}
			name, err := cur.shortString()
			if err != nil {
				return nil, xlsDamaged(err)
			}
			book.sheets = append(book.sheets, xlsSheet{name: name, offset: int(binary.LittleEndian.Uint32(body))})
		case xlsRecSST:
			cur := &xlsCursor{segs: append([][]byte{body}, rs.continues()...)}
			if _, err := cur.bytes(8); err != nil { // cstTotal, cstUnique: counts the file claims, not trusted
				return nil, xlsDamaged(err)
			}
			for !cur.done() {
				if len(book.sst) >= maxXLSStrings {
					return nil, xlsTooMuchText()
				}
				s, n, err := cur.richString()
				if err != nil {
					return nil, xlsDamaged(err)
				}
				if text += n; text > maxXLSText {
					return nil, xlsTooMuchText()
				}
				book.sst = append(book.sst, s)
			}
		}
	}
}
