package sheet

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"sellerdesk/app/apperr"
)

// A row file is recognised by its first bytes, never by its name: Korean tools save HTML tables and
// tab-separated text under ".xls", and an encrypted .xlsx is a compound (OLE) file like a real .xls.
//
//	PK…                 an xlsx (zip)
//	D0 CF 11 E0 …       a compound file: an encrypted xlsx (EncryptedPackage stream) or an Excel 97–2003
//	                    workbook (Workbook stream); encryptedPackage tells them apart
//	<html, <table, …    an HTML table ("엑셀 저장" of many web systems), EUC-KR/CP949 or UTF-8
//	anything else       text: tab-separated when the first lines hold more tabs than commas, else CSV
type fileKind int

const (
	kindText fileKind = iota
	kindZip
	kindOLE
	kindHTML
)

// errReopen: a streamed file is read once; an importer that opened its one table twice gets this.
var errReopen = apperr.New(apperr.ErrInvalid, "파일을 다시 읽을 수 없습니다. 다시 올리세요.")

// sniffSize is how much of a file is looked at to tell its kind, its delimiter and its encoding.
const sniffSize = 64 << 10

func sniff(head []byte) fileKind {
	switch {
	case bytes.HasPrefix(head, []byte("PK")):
		return kindZip
	case bytes.HasPrefix(head, oleHeader):
		return kindOLE
	case looksHTML(head):
		return kindHTML
	}
	return kindText
}

// looksHTML: after a byte-order mark and blanks the file opens with markup, and a table tag appears in
// the first bytes (a page that is not a table is not read as one).
func looksHTML(head []byte) bool {
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
	if len(h) == 0 || h[0] != '<' {
		return false
	}
	return bytes.Contains(bytes.ToLower(head), []byte("<table"))
}

// openTableStream opens a row file from r without holding text formats in memory: CSV, tab-separated
// and HTML files are read as they stream (the importer sees one row at a time); xlsx and .xls, which need
// the whole file, are read whole and go through openTables. notXLSX is the importer's own sentence for
// bytes that look like a workbook but are not.
func openTableStream(ctx context.Context, r io.Reader, password, notXLSX string) (*tableFile, error) {
	size := streamSize(r)
	br := bufio.NewReaderSize(r, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, fmt.Errorf("sheet: read: %w", err)
	}
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		// UTF-16 text: Excel's "유니코드 텍스트" (tab-separated) and some systems' HTML. Decoded to UTF-8
		// as it streams, then read like any text.
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), sniffSize)
		if head, err = br.Peek(sniffSize); err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			return nil, apperr.New(apperr.ErrInvalid, "{{.Kind}} 파일을 읽을 수 없습니다. 파일이 손상되었는지 확인하고 다시 내려받으세요.", "Kind", "UTF-16")
		}
		size = size * 3 / 4 // about what the text is in UTF-8, for the row estimate
		if k := sniff(head); k != kindHTML {
			return textTables(br, head, size), nil
		}
		return htmlTables(br, head, size), nil
	}
	switch sniff(head) {
	case kindZip, kindOLE:
		raw, err := readWhole(br, size)
		if err != nil {
			return nil, fmt.Errorf("sheet: read: %w", err)
		}
		return openTables(ctx, raw, password, notXLSX)
	case kindHTML:
		return htmlTables(br, head, size), nil
	}
	return textTables(br, head, size), nil
}

// readWhole reads a workbook whole. With its size known it is read into one buffer of that size, not
// grown by doubling as io.ReadAll does (a 100,000-row export is 20–30 MB: doubling would hold up to twice
// that while reading).
func readWhole(r io.Reader, size int64) ([]byte, error) {
	if size <= 0 || size > 2<<30 {
		return io.ReadAll(r)
	}
	raw := make([]byte, size+1)
	n, err := io.ReadFull(r, raw)
	switch err {
	case io.ErrUnexpectedEOF, io.EOF:
		return raw[:n], nil
	case nil: // the file grew since it was measured
		rest, err := io.ReadAll(r)
		return append(raw, rest...), err
	}
	return nil, err
}

// streamSize is the file's size when r knows it (a file, a bytes.Reader), for the progress estimate.
func streamSize(r io.Reader) int64 {
	switch v := r.(type) {
	case interface{ Stat() (os.FileInfo, error) }:
		if fi, err := v.Stat(); err == nil {
			return fi.Size()
		}
	case interface{ Size() int64 }:
		return v.Size()
	case interface{ Len() int }:
		return int64(v.Len())
	}
	return 0
}

// estimateRows guesses a text file's row count from its size and the lines in its first bytes; 0 when
// the size is unknown. It is only for progress (the importer caps the fraction at 1).
func estimateRows(head []byte, size int64) int {
	if size <= 0 || len(head) == 0 {
		return 0
	}
	lines := bytes.Count(head, []byte{'\n'})
	if int64(len(head)) >= size {
		return lines + 1
	}
	if lines == 0 {
		return 0
	}
	return int(size*int64(lines)/int64(len(head))) + 1
}

// delimiter picks tab or comma from the first lines: Excel's "텍스트(탭으로 분리)" and many courier
// systems write tabs; Smart Store and most tools write commas. The one a header row repeats most wins (a
// notice above the header may hold a few commas); on a tie, the one more lines hold. Counting is safe in
// CP949 too, whose second bytes are never a tab or a comma.
func delimiter(head []byte) rune {
	maxTab, maxComma, tabLines, commaLines := 0, 0, 0, 0
	for i, line := range bytes.SplitN(head, []byte{'\n'}, 21) {
		if i == 20 {
			break
		}
		tabs, commas := bytes.Count(line, []byte{'\t'}), bytes.Count(line, []byte{','})
		maxTab, maxComma = max(maxTab, tabs), max(maxComma, commas)
		if tabs > 0 {
			tabLines++
		}
		if commas > 0 {
			commaLines++
		}
	}
	if maxTab > maxComma || maxTab == maxComma && tabLines > commaLines {
		return '\t'
	}
	return ','
}

// textTables reads CSV or tab-separated text, one record at a time. Smart Store's CSV is CP949 (what
// Korean Excel writes); text that is valid UTF-8 (with or without a byte-order mark) is read as UTF-8.
func textTables(br *bufio.Reader, head []byte, size int64) *tableFile {
	name := "CSV"
	comma, sepLine := excelSep(head)
	if !sepLine {
		comma = delimiter(head)
	}
	if comma == '\t' {
		name = "TSV"
	}
	opened := false
	return &tableFile{
		names: []string{name},
		close: func() {},
		open: func(int) (*table, error) {
			if opened {
				return nil, errReopen
			}
			opened = true
			rows := newCSVRows(koreanText(br), comma, name)
			if sepLine {
				rows.skipLine()
			}
			return &table{name: name, total: estimateRows(head, size), close: func() {}, next: rows.next}, nil
		},
	}
}

// koreanText decodes text that is UTF-8 or CP949 (EUC-KR and its extension) as it streams. ASCII is the
// same in both, so the choice waits for the first byte above 0x7F and is made from the bytes that follow
// it: valid UTF-8 there means UTF-8. A leading byte-order mark is dropped.
func koreanText(br *bufio.Reader) io.Reader {
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
		return br
	}
	return &autoKorean{br: br}
}

type autoKorean struct {
	br  *bufio.Reader
	dec io.Reader
}

func (a *autoKorean) Read(p []byte) (int, error) {
	if a.dec != nil {
		return a.dec.Read(p)
	}
	if len(p) == 0 {
		return 0, nil
	}
	b, err := a.br.Peek(min(len(p), a.br.Size()))
	if len(b) == 0 {
		return 0, err
	}
	i := 0
	for i < len(b) && b[i] < utf8.RuneSelf {
		i++
	}
	if i > 0 {
		n := copy(p, b[:i])
		a.br.Discard(n)
		return n, nil
	}
	w, _ := a.br.Peek(4096)
	if validUTF8Prefix(w) {
		a.dec = a.br
	} else {
		a.dec = transform.NewReader(a.br, korean.EUCKR.NewDecoder())
	}
	return a.dec.Read(p)
}

// validUTF8Prefix reports whether b is valid UTF-8, allowing a character cut at its end.
func validUTF8Prefix(b []byte) bool {
	for j := len(b) - 1; j >= 0 && j >= len(b)-utf8.UTFMax; j-- {
		if utf8.RuneStart(b[j]) {
			if !utf8.FullRune(b[j:]) {
				b = b[:j]
			}
			break
		}
	}
	return utf8.Valid(b)
}
