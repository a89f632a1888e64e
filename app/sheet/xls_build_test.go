package sheet

import (
	"bytes"
	"encoding/binary"
	"math"
	"testing"
	"unicode/utf16"
)

// Builders of Excel 97–2003 files for tests, from Microsoft's specifications: the compound file from
// [MS-CFB] (header 2.2, FAT 2.3, directory entry 2.6; version 3, 512-byte sectors) and the workbook
// stream from [MS-XLS] (records as listed in xls.go). They write what Excel writes for the cases a
// fixture made by another writer (testdata/xls, xlwt and SheetJS) does not reach: a password-protected
// workbook (FilePass), an Excel 95 stream, strings split over Continue records in both encodings, MulRk,
// formulas with string, boolean and error results, and whatever a fuzzer makes of them.

// cfbFile wraps streams (name → bytes) in a compound file. Streams shorter than 4,096 bytes are padded to
// it, so every stream lives in regular sectors (no mini stream).
func cfbFile(t testing.TB, names []string, streams [][]byte) []byte {
	t.Helper()
	const sec = 512
	const (
		endChain = 0xFFFFFFFE
		freeSect = 0xFFFFFFFF
		fatSect  = 0xFFFFFFFD
		noStream = 0xFFFFFFFF
	)
	if len(names) > 3 {
		t.Fatal("cfbFile: at most 3 streams (one directory sector)")
	}
	var data [][]byte
	for _, s := range streams {
		if len(s) < 4096 {
			s = append(append([]byte(nil), s...), make([]byte, 4096-len(s))...)
		}
		data = append(data, s)
	}
	dataSecs := 0
	for _, s := range data {
		dataSecs += (len(s) + sec - 1) / sec
	}
	nFAT := 1
	for (nFAT+1+dataSecs+127)/128 > nFAT {
		nFAT++
	}
	if nFAT > 109 {
		t.Fatal("cfbFile: stream too big for the header's DIFAT")
	}
	total := nFAT + 1 + dataSecs
	fat := make([]uint32, nFAT*128)
	for i := range fat {
		fat[i] = freeSect
	}
	for i := 0; i < nFAT; i++ {
		fat[i] = fatSect
	}
	dirSec := nFAT
	fat[dirSec] = endChain
	starts := make([]uint32, len(data))
	next := nFAT + 1
	for i, s := range data {
		n := (len(s) + sec - 1) / sec
		starts[i] = uint32(next)
		for k := 0; k < n; k++ {
			if k == n-1 {
				fat[next+k] = endChain
			} else {
				fat[next+k] = uint32(next + k + 1)
			}
		}
		next += n
	}
	le := binary.LittleEndian
	out := make([]byte, sec*(1+total))
	h := out[:sec]
	copy(h, oleHeader)
	le.PutUint16(h[24:], 0x003E)
	le.PutUint16(h[26:], 0x0003)
	le.PutUint16(h[28:], 0xFFFE)
	le.PutUint16(h[30:], 9)
	le.PutUint16(h[32:], 6)
	le.PutUint32(h[44:], uint32(nFAT))
	le.PutUint32(h[48:], uint32(dirSec))
	le.PutUint32(h[56:], 4096)
	le.PutUint32(h[60:], endChain)
	le.PutUint32(h[68:], endChain)
	for i := 0; i < 109; i++ {
		v := uint32(freeSect)
		if i < nFAT {
			v = uint32(i)
		}
		le.PutUint32(h[76+4*i:], v)
	}
	sector := func(i int) []byte { return out[sec*(1+i) : sec*(2+i)] }
	for i := 0; i < nFAT; i++ {
		for k := 0; k < 128; k++ {
			le.PutUint32(sector(i)[4*k:], fat[i*128+k])
		}
	}
	dir := sector(dirSec)
	entry := func(i int, name string, typ byte, left, right, child, start uint32, size uint64) {
		e := dir[128*i : 128*(i+1)]
		u := utf16.Encode([]rune(name))
		for k, c := range u {
			le.PutUint16(e[2*k:], c)
		}
		if name != "" {
			le.PutUint16(e[64:], uint16(2*len(u)+2))
		}
		e[66], e[67] = typ, 1
		le.PutUint32(e[68:], left)
		le.PutUint32(e[72:], right)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], start)
		le.PutUint64(e[120:], size)
	}
	// The root's child is the first stream; the others hang to its right (a valid, if lopsided, tree).
	entry(0, "Root Entry", 5, noStream, noStream, 1, endChain, 0)
	for i := range names {
		right := uint32(noStream)
		if i+1 < len(names) {
			right = uint32(i + 2)
		}
		entry(i+1, names[i], 2, noStream, right, noStream, starts[i], uint64(len(data[i])))
	}
	for i := len(names) + 1; i < 4; i++ {
		entry(i, "", 0, noStream, noStream, noStream, 0, 0)
	}
	for i, s := range data {
		copy(out[sec*(1+int(starts[i])):], s)
	}
	return out
}

// biff builds a workbook stream record by record.
type biff struct{ b bytes.Buffer }

func (w *biff) rec(typ uint16, body ...[]byte) {
	var all []byte
	for _, p := range body {
		all = append(all, p...)
	}
	var h [4]byte
	binary.LittleEndian.PutUint16(h[:], typ)
	binary.LittleEndian.PutUint16(h[2:], uint16(len(all)))
	w.b.Write(h[:])
	w.b.Write(all)
}

func u16(v int) []byte { return binary.LittleEndian.AppendUint16(nil, uint16(v)) }
func u32(v int) []byte { return binary.LittleEndian.AppendUint32(nil, uint32(v)) }

// xlChars encodes s compressed (one byte a character) when every character fits, else UTF-16LE; the
// option byte says which.
func xlChars(s string) (opt byte, chars []byte, n int) {
	u := utf16.Encode([]rune(s))
	wide := false
	for _, c := range u {
		if c > 0xFF {
			wide = true
		}
	}
	for _, c := range u {
		if wide {
			chars = binary.LittleEndian.AppendUint16(chars, c)
		} else {
			chars = append(chars, byte(c))
		}
	}
	if wide {
		opt = 1
	}
	return opt, chars, len(u)
}

// xlString is an XLUnicodeString: 2-byte count, option byte, characters.
func xlString(s string) []byte {
	opt, chars, n := xlChars(s)
	return append(append(u16(n), opt), chars...)
}

func cellHead(r, c int) []byte { return append(append(u16(r), u16(c)...), u16(15)...) }

// xlsCell is one cell a test workbook holds: Text goes to the shared strings unless Label is set; a
// Number, Bool or Err cell is written as that record; Formula writes a formula record with the value as
// its cached result.
type xlsCell struct {
	Row, Col int
	Text     string
	Label    bool
	Number   *float64
	RK       bool // write Number as an RK record (it must fit one)
	Bool     *bool
	Err      byte
	Formula  bool
}

type xlsTestSheet struct {
	Name  string
	Cells []xlsCell
	MulRK []xlsCell // consecutive numbers of one row, written as one MulRk (integers)
}

type xlsOptions struct {
	Password bool // a FilePass record in the globals
	SSTSplit int  // split the SST record's body into records of at most this many bytes (0: 8,224)
}

// buildXLS writes a BIFF8 workbook stream (no compound file around it).
func buildXLS(t testing.TB, sheets []xlsTestSheet, opt xlsOptions) []byte {
	t.Helper()
	var sst []string
	index := map[string]int{}
	for _, sh := range sheets {
		for _, c := range sh.Cells {
			if c.Number == nil && c.Bool == nil && c.Err == 0 && !c.Label && !c.Formula {
				if _, ok := index[c.Text]; !ok {
					index[c.Text] = len(sst)
					sst = append(sst, c.Text)
				}
			}
		}
	}
	bof := func(w *biff, dt int) { w.rec(xlsRecBOF, u16(xlsBIFF8), u16(dt), make([]byte, 12)) }
	// Sheet substreams first, to know their sizes; their offsets follow the globals.
	var subs [][]byte
	for _, sh := range sheets {
		var w biff
		bof(&w, xlsWorksheet)
		w.rec(xlsRecDim, u32(0), u32(65536), u16(0), u16(256), u16(0))
		for _, c := range sh.Cells {
			switch {
			case c.Formula:
				var v []byte
				switch {
				case c.Number != nil:
					v = binary.LittleEndian.AppendUint64(nil, math.Float64bits(*c.Number))
				case c.Bool != nil:
					b := byte(0)
					if *c.Bool {
						b = 1
					}
					v = []byte{1, 0, b, 0, 0, 0, 0xFF, 0xFF}
				case c.Err != 0:
					v = []byte{2, 0, c.Err, 0, 0, 0, 0xFF, 0xFF}
				default:
					v = []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}
				}
				w.rec(xlsRecFormula, cellHead(c.Row, c.Col), v, u16(0), u32(0), u16(0))
				if c.Number == nil && c.Bool == nil && c.Err == 0 {
					w.rec(xlsRecString, xlString(c.Text))
				}
			case c.Number != nil && c.RK:
				rk := uint32(int32(*c.Number)) << 2 // integer RK
				w.rec(xlsRecRK, cellHead(c.Row, c.Col), binary.LittleEndian.AppendUint32(nil, rk|2))
			case c.Number != nil:
				w.rec(xlsRecNumber, cellHead(c.Row, c.Col), binary.LittleEndian.AppendUint64(nil, math.Float64bits(*c.Number)))
			case c.Bool != nil:
				b := byte(0)
				if *c.Bool {
					b = 1
				}
				w.rec(xlsRecBoolErr, cellHead(c.Row, c.Col), []byte{b, 0})
			case c.Err != 0:
				w.rec(xlsRecBoolErr, cellHead(c.Row, c.Col), []byte{c.Err, 1})
			case c.Label:
				w.rec(xlsRecLabel, cellHead(c.Row, c.Col), xlString(c.Text))
			default:
				w.rec(xlsRecLblSST, cellHead(c.Row, c.Col), u32(index[c.Text]))
			}
		}
		if len(sh.MulRK) > 0 {
			first := sh.MulRK[0]
			body := append(u16(first.Row), u16(first.Col)...)
			for _, c := range sh.MulRK {
				body = append(body, u16(15)...)
				body = binary.LittleEndian.AppendUint32(body, uint32(int32(*c.Number))<<2|2)
			}
			body = append(body, u16(first.Col+len(sh.MulRK)-1)...)
			w.rec(xlsRecMulRK, body)
		}
		// an embedded chart's substream inside the sheet, whose records must not be read as cells
		w.rec(xlsRecBOF, u16(xlsBIFF8), u16(0x0020), make([]byte, 12))
		w.rec(xlsRecNumber, cellHead(0, 0), binary.LittleEndian.AppendUint64(nil, math.Float64bits(-1)))
		w.rec(xlsRecEOF)
		w.rec(xlsRecEOF)
		subs = append(subs, w.b.Bytes())
	}
	// SST body, split into SST + Continue records; a string's characters split at a boundary restart
	// with their option byte, as Excel writes them.
	split := opt.SSTSplit
	if split <= 0 {
		split = 8224
	}
	var parts [][]byte
	cur := append(u32(len(sst)), u32(len(sst))...)
	flush := func() { parts = append(parts, cur); cur = nil }
	for _, s := range sst {
		o, chars, n := xlChars(s)
		head := append(u16(n), o)
		if len(cur)+len(head)+1 > split { // keep a string's header whole (Excel does)
			flush()
		}
		cur = append(cur, head...)
		width := 1 + int(o)
		for len(chars) > 0 {
			room := (split - len(cur)) / width * width
			if room <= 0 {
				flush()
				cur = append(cur, o)
				continue
			}
			k := min(room, len(chars))
			cur = append(cur, chars[:k]...)
			chars = chars[k:]
		}
	}
	flush()
	var g biff
	bof(&g, xlsGlobals)
	if opt.Password {
		g.rec(xlsRecFilePas, u16(1), u16(1), u16(2), make([]byte, 48))
	}
	g.rec(0x0042, u16(1200)) // CodePage: UTF-16
	sheetRecs := func(offsets []int) []byte {
		var w biff
		for i, sh := range sheets {
			o, chars, n := xlChars(sh.Name)
			w.rec(xlsRecSheet, u32(offsets[i]), []byte{0, xlsSheetNorm, byte(n), o}, chars)
		}
		return w.b.Bytes()
	}
	var rest biff
	for i, p := range parts {
		if i == 0 {
			rest.rec(xlsRecSST, p)
		} else {
			rest.rec(xlsRecCont, p)
		}
	}
	rest.rec(xlsRecEOF)
	offsets := make([]int, len(sheets))
	base := g.b.Len() + len(sheetRecs(offsets)) + rest.b.Len()
	for i := range sheets {
		offsets[i] = base
		base += len(subs[i])
	}
	out := append(append(append([]byte(nil), g.b.Bytes()...), sheetRecs(offsets)...), rest.b.Bytes()...)
	for _, s := range subs {
		out = append(out, s...)
	}
	return out
}

// xlsFile is buildXLS wrapped in a compound file, as Excel saves it.
func xlsFile(t testing.TB, sheets []xlsTestSheet, opt xlsOptions) []byte {
	return cfbFile(t, []string{"Workbook"}, [][]byte{buildXLS(t, sheets, opt)})
}

// xlsGrid is a sheet of text cells, row by row (an empty string is no cell).
func xlsGrid(name string, rows [][]string) xlsTestSheet {
	sh := xlsTestSheet{Name: name}
	for r, row := range rows {
		for c, v := range row {
			if v != "" {
				sh.Cells = append(sh.Cells, xlsCell{Row: r, Col: c, Text: v})
			}
		}
	}
	return sh
}

func fnum(f float64) *float64 { return &f }
func boolp(b bool) *bool      { return &b }
