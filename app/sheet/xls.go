package sheet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"

	"sellerdesk/app/apperr"
)

// A small reader of Excel 97–2003 workbooks (.xls, BIFF8), for the row importers (order exports, courier
// files): cell values only, no formatting, no formulas evaluated (their cached results are read).
//
// Why our own: the module proxy serves two pure-Go BIFF readers, github.com/extrame/xls (one tag, v0.0.1)
// and github.com/shakinm/xlsReader (v0.9.x); both read a whole workbook into their own structures without
// bounds on sizes or counts, and neither is maintained. What an importer needs is small, so it is written
// here on the compound-file reader the encrypted-xlsx check already uses (richardlehane/mscfb), with
// limits on every size and count and a recover around the parse.
//
// Layout, from Microsoft's [MS-XLS] specification (Excel Binary File Format, sections 2.1.4 "Record",
// 2.4 "Records": BOF 2.4.21, BoundSheet8 2.4.28, SST 2.4.265, Continue 2.4.58, LabelSst 2.4.149, Label
// 2.4.148, RString 2.4.218, Number 2.4.180, RK 2.4.220 / RkNumber 2.5.218, MulRk 2.4.175, Formula 2.4.127
// / FormulaValue 2.5.133, String 2.4.268, BoolErr 2.4.24, Dimensions 2.4.90, FilePass 2.4.117,
// XLUnicodeRichExtendedString 2.5.293): the "Workbook" stream of the compound file is a sequence of
// records (type uint16, size uint16, body). The globals substream holds the shared strings (SST) and one
// BoundSheet8 per sheet with the stream offset of that sheet's own substream (BOF … EOF), which holds the
// cells. Strings are UTF-16LE or "compressed" (one byte per character, the low byte of UTF-16).

// Limits of what an .xls may hold before SellerDesk refuses it. Excel 97–2003 itself stops at 65,536 rows
// and 256 columns per sheet.
const (
	maxXLSFile    = 256 << 20 // the whole file; real exports of 65,536 rows are well under 100 MB
	maxXLSStrings = 4_000_000 // shared strings
	maxXLSCells   = 6_000_000 // non-empty cells in one sheet (65,536 rows × 90 columns)
	maxXLSText    = 64 << 20  // characters of all strings together (UTF-16 code units)
	maxXLSRows    = 65536     // BIFF8's own limit
	maxXLSCols    = 256       // BIFF8's own limit
	maxXLSSheets  = 1000      // sheets in one workbook
	xlsBIFF8      = 0x0600    // BOF version of BIFF8
	xlsWorksheet  = 0x0010    // BOF substream type of a worksheet
	xlsGlobals    = 0x0005    // BOF substream type of the workbook globals
	xlsSheetNorm  = 0x00      // BoundSheet8 dt: a worksheet (others: macro sheet, chart, VB module)
	xlsRecBOF     = 0x0809    // record types, [MS-XLS] 2.3
	xlsRecEOF     = 0x000A    //
	xlsRecFilePas = 0x002F    //
	xlsRecSheet   = 0x0085    //
	xlsRecSST     = 0x00FC    //
	xlsRecCont    = 0x003C    //
	xlsRecLblSST  = 0x00FD    //
	xlsRecLabel   = 0x0204    //
	xlsRecRString = 0x00D6    //
	xlsRecNumber  = 0x0203    //
	xlsRecRK      = 0x027E    //
	xlsRecMulRK   = 0x00BD    //
	xlsRecFormula = 0x0006    //
	xlsRecString  = 0x0207    //
	xlsRecBoolErr = 0x0205    //
	xlsRecDim     = 0x0200    //
)

// ErrOldExcelPassword is returned for an Excel 97–2003 workbook that is itself password-protected (its
// globals hold a FilePass record). SellerDesk does not decrypt that old scheme; the seller removes the
// password in Excel. It is not a PasswordError: asking for the password would not help.
var ErrOldExcelPassword = apperr.New(apperr.ErrInvalid, "암호가 걸린 Excel 97–2003(.xls) 파일은 열 수 없습니다. 엑셀에서 열어 암호를 지운 뒤(파일 → 정보 → 통합 문서 보호 → 암호 설정) 다시 올리거나 'Excel 통합 문서(*.xlsx)'로 저장해 올리세요.")

// ErrOldExcel95 is returned for an Excel 5.0/95 workbook (BIFF5, a "Book" stream), older than what
// SellerDesk reads.
var ErrOldExcel95 = apperr.New(apperr.ErrInvalid, "Excel 5.0/95 형식의 아주 오래된 엑셀 파일은 읽을 수 없습니다. 엑셀에서 열어 'Excel 통합 문서(*.xlsx)'로 저장한 뒤 올리세요.")

// xlsDamaged is the error for an .xls that cannot be read: cause is kept for the log.
func xlsDamaged(cause error) error {
	e := apperr.New(apperr.ErrInvalid, "Excel 97–2003(.xls) 파일을 읽을 수 없습니다. 파일이 손상되었을 수 있습니다. 엑셀에서 열어 'Excel 통합 문서(*.xlsx)'로 저장한 뒤 올리세요.")
	e.Err = cause
	return e
}

// The errors for an .xls beyond the limits above, one sentence each.
func xlsTooBigFile() error {
	return apperr.New(apperr.ErrInvalid, "Excel 97–2003(.xls) 파일이 너무 큽니다: 셀러데스크가 읽는 한도({{.Limit}} MB)를 넘습니다. 기간을 나누어 여러 파일로 올리세요.", "Limit", maxXLSFile>>20)
}

func xlsTooManySheets() error {
	return apperr.New(apperr.ErrInvalid, "Excel 97–2003(.xls) 파일의 시트가 {{.Limit}}개를 넘습니다. 필요한 시트만 새 통합 문서로 복사해 저장한 뒤 올리세요.", "Limit", maxXLSSheets)
}

func xlsTooMuchText() error {
	return apperr.New(apperr.ErrInvalid, "Excel 97–2003(.xls) 파일에 글자가 너무 많습니다(글자 칸 {{.Strings}}개, {{.Chars}}자까지 읽습니다). 기간을 나누어 여러 파일로 올리세요.", "Strings", maxXLSStrings, "Chars", maxXLSText)
}

func xlsTooManyCells() error {
	return apperr.New(apperr.ErrInvalid, "Excel 97–2003(.xls) 파일의 한 시트에 칸이 {{.Limit}}개를 넘습니다. 기간을 나누어 여러 파일로 올리세요.", "Limit", maxXLSCells)
}

var errXLSFormat = errors.New("xls: not a BIFF8 workbook stream")

// xlsPanics lets a panic of the reader through instead of turning it into a damaged-file error: the fuzz
// targets set it, so that a panic is a finding rather than a seller's message.
var xlsPanics bool

// caught, deferred, turns a panic while reading an .xls (a bug this reader or mscfb has on some broken
// file) into the damaged-file error, so one odd file never takes the program down.
func caught(err *error, where string) {
	if xlsPanics {
		return
	}
	if r := recover(); r != nil {
		*err = xlsDamaged(fmt.Errorf("xls: %s: panic: %v", where, r))
	}
}

// xlsBook is the globals of a workbook: its sheets and shared strings. The cells are read per sheet.
type xlsBook struct {
	stream []byte
	sheets []xlsSheet
	sst    []string
}

type xlsSheet struct {
	name   string
	offset int
}

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

// readXLSSheet reads one worksheet substream into rows of cells, as Excel shows their values: text as
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
	slots := 0 // cells held, empty ones before a row's last cell included: what the sheet costs in memory
	set := func(r, c int, v string) error {
		if r >= maxXLSRows || c >= maxXLSCols {
			return fmt.Errorf("xls: cell %d,%d outside BIFF8's grid", r, c)
		}
		for len(rows) <= r {
			rows = append(rows, nil)
		}
		row := rows[r]
		if c >= len(row) {
			if v == "" {
				return nil
			}
			if slots += c + 1 - len(row); slots > maxXLSCells {
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
		rows[r] = row
		return nil
	}
	depth := 0
	pendR, pendC := -1, -1 // a formula whose string result follows in a String record
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
		var err error
		switch typ {
		case xlsRecLblSST:
			if len(body) < 10 {
				return nil, xlsDamaged(errors.New("xls: short LabelSst"))
			}
			r, c := cellAt(body)
			k := binary.LittleEndian.Uint32(body[6:])
			if int64(k) >= int64(len(b.sst)) {
				return nil, xlsDamaged(fmt.Errorf("xls: shared string %d of %d", k, len(b.sst)))
			}
			err = set(r, c, b.sst[k])
		case xlsRecLabel, xlsRecRString:
			if len(body) < 6 {
				return nil, xlsDamaged(errors.New("xls: short Label"))
			}
			r, c := cellAt(body)
			cur := &xlsCursor{segs: append([][]byte{body[6:]}, rs.continues()...)}
			s, err2 := cur.longString()
			if err2 != nil {
				return nil, xlsDamaged(err2)
			}
			err = set(r, c, s)
		case xlsRecNumber:
			if len(body) < 14 {
				return nil, xlsDamaged(errors.New("xls: short Number"))
			}
			r, c := cellAt(body)
			err = set(r, c, xlsNumber(math.Float64frombits(binary.LittleEndian.Uint64(body[6:]))))
		case xlsRecRK:
			if len(body) < 10 {
				return nil, xlsDamaged(errors.New("xls: short RK"))
			}
			r, c := cellAt(body)
			err = set(r, c, xlsNumber(rkValue(binary.LittleEndian.Uint32(body[6:]))))
		case xlsRecMulRK:
			if len(body) < 6 || (len(body)-6)%6 != 0 {
				return nil, xlsDamaged(errors.New("xls: bad MulRk"))
			}
			r, c := cellAt(body)
			for k := 0; 4+6*k+6 <= len(body)-2 && err == nil; k++ {
				rk := binary.LittleEndian.Uint32(body[4+6*k+2:])
				err = set(r, c+k, xlsNumber(rkValue(rk)))
			}
		case xlsRecFormula:
			if len(body) < 14 {
				return nil, xlsDamaged(errors.New("xls: short Formula"))
			}
			r, c := cellAt(body)
			v := body[6:14]
			if v[6] == 0xFF && v[7] == 0xFF {
				switch v[0] {
				case 0: // string: the value is in the String record that follows
					pendR, pendC = r, c
				case 1:
					err = set(r, c, boolText(v[2]))
				case 2:
					err = set(r, c, xlsError(v[2]))
				}
			} else {
				err = set(r, c, xlsNumber(math.Float64frombits(binary.LittleEndian.Uint64(v))))
			}
		case xlsRecString:
			cur := &xlsCursor{segs: append([][]byte{body}, rs.continues()...)}
			s, err2 := cur.longString()
			if err2 != nil {
				return nil, xlsDamaged(err2)
			}
			if pendR >= 0 {
				err = set(pendR, pendC, s)
				pendR, pendC = -1, -1
			}
		case xlsRecBoolErr:
			if len(body) < 8 {
				return nil, xlsDamaged(errors.New("xls: short BoolErr"))
			}
			r, c := cellAt(body)
			if body[7] == 0 {
				err = set(r, c, boolText(body[6]))
			} else {
				err = set(r, c, xlsError(body[6]))
			}
		}
		if err != nil {
			var ae *apperr.Error
			if errors.As(err, &ae) {
				return nil, err
			}
			return nil, xlsDamaged(err)
		}
	}
	return rows, nil
}

func cellAt(body []byte) (row, col int) {
	return int(binary.LittleEndian.Uint16(body)), int(binary.LittleEndian.Uint16(body[2:]))
}

func boolText(b byte) string {
	if b != 0 {
		return "1"
	}
	return "0"
}

// xlsError names a cell error as Excel shows it ([MS-XLS] 2.5.97 BErr).
func xlsError(code byte) string {
	switch code {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	case 0x2A:
		return "#N/A"
	}
	return "#ERROR"
}

// rkValue decodes an RkNumber: a 30-bit integer or the high 30 bits of a double, optionally divided by 100.
func rkValue(rk uint32) float64 {
	var v float64
	if rk&2 != 0 {
		v = float64(int32(rk) >> 2)
	} else {
		v = math.Float64frombits(uint64(rk&0xFFFFFFFC) << 32)
	}
	if rk&1 != 0 {
		v /= 100
	}
	return v
}

// xlsNumber writes a cell's number as excelize's raw value of the same cell would read: whole numbers in
// full ("2026112212345678", "1012345678"), others in the shortest form that reads back the same.
func xlsNumber(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "#NUM!"
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		return strconv.FormatFloat(f, 'f', 0, 64)
	}
	return strings.ToUpper(strconv.FormatFloat(f, 'g', -1, 64))
}

// xlsRecords walks the records of a workbook stream.
type xlsRecords struct {
	b   []byte
	pos int
}

// next returns the next record; ok is false at the end of the stream or on a record running past it.
func (rs *xlsRecords) next() (typ uint16, body []byte, ok bool) {
	if rs.pos+4 > len(rs.b) {
		return 0, nil, false
	}
	typ = binary.LittleEndian.Uint16(rs.b[rs.pos:])
	n := int(binary.LittleEndian.Uint16(rs.b[rs.pos+2:]))
	if rs.pos+4+n > len(rs.b) {
		return 0, nil, false
	}
	body = rs.b[rs.pos+4 : rs.pos+4+n]
	rs.pos += 4 + n
	return typ, body, true
}

// continues takes the Continue records that follow, the rest of a record longer than one record holds.
func (rs *xlsRecords) continues() [][]byte {
	var out [][]byte
	for rs.pos+4 <= len(rs.b) && binary.LittleEndian.Uint16(rs.b[rs.pos:]) == xlsRecCont {
		_, body, ok := rs.next()
		if !ok {
			break
		}
		out = append(out, body)
	}
	return out
}

// xlsCursor reads a record's body together with its Continue records. Characters of a string split
// across records restart with a new option byte (compressed or not) in each Continue record; other bytes
// run straight on.
type xlsCursor struct {
	segs [][]byte
	seg  int
	pos  int
}

var errXLSShort = errors.New("xls: record ends inside a value")

func (c *xlsCursor) done() bool {
	for c.seg < len(c.segs) && c.pos >= len(c.segs[c.seg]) {
		c.seg++
		c.pos = 0
	}
	return c.seg >= len(c.segs)
}

// bytes reads n bytes that are not characters (they run across a record boundary without a marker).
func (c *xlsCursor) bytes(n int) ([]byte, error) {
	var out []byte
	for n > 0 {
		if c.done() {
			return nil, errXLSShort
		}
		s := c.segs[c.seg][c.pos:]
		k := min(n, len(s))
		if out == nil && k == n {
			c.pos += k
			return s[:k], nil
		}
		out = append(out, s[:k]...)
		c.pos += k
		n -= k
	}
	return out, nil
}

func (c *xlsCursor) skip(n int) error {
	for n > 0 {
		if c.done() {
			return errXLSShort
		}
		k := min(n, len(c.segs[c.seg])-c.pos)
		c.pos += k
		n -= k
	}
	return nil
}

// chars reads cch characters, the first run compressed or not by high; at each record boundary inside
// them a new option byte says how the rest is stored.
func (c *xlsCursor) chars(cch int, high bool) (string, error) {
	units := make([]uint16, 0, min(cch, 4096))
	for len(units) < cch {
		if c.pos >= len(c.segs[c.seg]) {
			c.seg++
			c.pos = 0
			if c.seg >= len(c.segs) || len(c.segs[c.seg]) == 0 {
				return "", errXLSShort
			}
			high = c.segs[c.seg][0]&1 != 0
			c.pos = 1
		}
		s := c.segs[c.seg][c.pos:]
		want := cch - len(units)
		if high {
			k := min(want, len(s)/2)
			if k == 0 {
				return "", errXLSShort // half a character before the boundary
			}
			for j := 0; j < k; j++ {
				units = append(units, binary.LittleEndian.Uint16(s[2*j:]))
			}
			c.pos += 2 * k
		} else {
			k := min(want, len(s))
			for j := 0; j < k; j++ {
				units = append(units, uint16(s[j]))
			}
			c.pos += k
		}
	}
	return string(utf16.Decode(units)), nil
}

// shortString reads a ShortXLUnicodeString (a sheet name): 1-byte count, option byte, characters.
func (c *xlsCursor) shortString() (string, error) {
	h, err := c.bytes(2)
	if err != nil {
		return "", err
	}
	return c.chars(int(h[0]), h[1]&1 != 0)
}

// longString reads an XLUnicodeString (a Label or String record's text): 2-byte count, option byte, then
// the characters, and the rich-text runs and phonetic data a Label written as rich text may carry.
func (c *xlsCursor) longString() (string, error) {
	s, _, err := c.richString()
	return s, err
}

// richString reads an XLUnicodeRichExtendedString and returns it with its length in characters.
func (c *xlsCursor) richString() (string, int, error) {
	h, err := c.bytes(3)
	if err != nil {
		return "", 0, err
	}
	cch, flags := int(binary.LittleEndian.Uint16(h)), h[2]
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		b, err := c.bytes(2)
		if err != nil {
			return "", 0, err
		}
		runs = int(binary.LittleEndian.Uint16(b))
	}
	if flags&0x04 != 0 {
		b, err := c.bytes(4)
		if err != nil {
			return "", 0, err
		}
		ext = int(binary.LittleEndian.Uint32(b))
		if ext < 0 || ext > maxXLSFile {
			return "", 0, errXLSShort
		}
	}
	s, err := c.chars(cch, flags&0x01 != 0)
	if err != nil {
		return "", 0, err
	}
	if err := c.skip(4*runs + ext); err != nil {
		return "", 0, err
	}
	return s, cch, nil
}
