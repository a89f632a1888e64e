package sheet

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// readStream reads every row of a file through openTableStream, the way the importers read a reader.
func readStream(t testing.TB, r io.Reader) (string, [][]string, error) {
	t.Helper()
	tf, err := openTableStream(context.Background(), r, "", "not xlsx")
	if err != nil {
		return "", nil, err
	}
	defer tf.close()
	tb, err := tf.open(0)
	if err != nil {
		return "", nil, err
	}
	defer tb.close()
	var rows [][]string
	for {
		cells, ok, err := tb.next()
		if err != nil {
			return tb.name, nil, err
		}
		if !ok {
			return tb.name, rows, nil
		}
		rows = append(rows, cells)
	}
}

// TestSniff: a file is what its first bytes say, whatever its name.
func TestSniff(t *testing.T) {
	for _, c := range []struct {
		head string
		want fileKind
	}{
		{"PK\x03\x04", kindZip},
		{string(oleHeader) + "rest", kindOLE},
		{"<html><body><table><tr><td>a</td></tr></table>", kindHTML},
		{"\xEF\xBB\xBF  \r\n<TABLE border=1>", kindHTML},
		{"<meta charset=euc-kr>\n<table>", kindHTML},
		{"<html><body>no table here</body></html>", kindText}, // a page without a table is not a table
		{"상품주문번호,주문번호\n1,2\n", kindText},
		{"a<table>", kindText},
		{"", kindText},
	} {
		if got := sniff([]byte(c.head)); got != c.want {
			t.Errorf("sniff(%q) = %d, want %d", c.head, got, c.want)
		}
	}
	for _, c := range []struct {
		head string
		want rune
	}{
		{"a,b,c\n1,2,3\n", ','},
		{"a\tb\tc\n1\t2\t3\n", '\t'},
		{"안내: 주문, 택배사, 송장\n상품주문번호\t주문번호\t수량\t상품명\n", '\t'}, // a notice row with commas above a tab header
		{"안내, 주의\n상품주문번호\t주문번호\n1\t2\n", '\t'},
		{"\"a\tb\",c,d\n", ','},
	} {
		if got := delimiter([]byte(c.head)); got != c.want {
			t.Errorf("delimiter(%q) = %q, want %q", c.head, got, c.want)
		}
	}
}

// TestTextEncodings: CSV and tab-separated text in UTF-8 (with or without a byte-order mark) or CP949,
// where the first Hangul may come after the first 64 KB (the choice waits for it), read one byte at a
// time (a reader may hand out any amount).
func TestTextEncodings(t *testing.T) {
	text := "수취인명\t운송장번호\t메모\n김민지\t612345678901\t\"문 앞, 부재 시\"\n"
	want := [][]string{{"수취인명", "운송장번호", "메모"}, {"김민지", "612345678901", "문 앞, 부재 시"}}
	pad := strings.Repeat("ascii\tonly\tline\n", 5000) // 80 KB of ASCII before the first Hangul
	for name, raw := range map[string][]byte{
		"UTF-8":          []byte(text),
		"UTF-8 BOM":      append([]byte{0xEF, 0xBB, 0xBF}, text...),
		"CP949":          cp949(t, text),
		"CP949 late":     cp949(t, pad+text),
		"UTF-8 late":     []byte(pad + text),
		"CP949 one byte": cp949(t, text),
	} {
		t.Run(name, func(t *testing.T) {
			var r io.Reader = bytes.NewReader(raw)
			if strings.HasSuffix(name, "one byte") {
				r = iotest.OneByteReader(r)
			}
			sheet, rows, err := readStream(t, r)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(name, "late") {
				rows = rows[5000:]
			}
			if sheet != "TSV" || !reflect.DeepEqual(rows, want) {
				t.Errorf("%s: %q", sheet, rows)
			}
		})
	}
}

// TestEstimateRows: progress knows about how many rows a streamed file has.
func TestEstimateRows(t *testing.T) {
	line := "2026112412345678,김민지,010-1234-5678\n"
	whole := strings.Repeat(line, 10000)
	if got := estimateRows([]byte(whole[:sniffSize]), int64(len(whole))); got < 9000 || got > 11000 {
		t.Errorf("estimate %d rows for 10,000", got)
	}
	if got := estimateRows([]byte("a\nb\n"), 4); got != 3 {
		t.Errorf("small file: %d", got)
	}
	if got := estimateRows([]byte("a\nb\n"), 0); got != 0 {
		t.Errorf("unknown size: %d", got)
	}
}

// TestStreamedOrderCSV: an order export in CP949 CSV streams through the order reader (StreamOrders
// reads the same tables) with its notice row, row numbers and values as the xlsx gives them.
func TestStreamedOrderCSV(t *testing.T) {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write([]string{"주문 목록입니다. 상품주문번호, 택배사 등은 개인정보입니다."})
	w.Write(orderHeaderCells)
	w.WriteAll(orderRowCells)
	sheet, rows, err := readStream(t, bytes.NewReader(cp949(t, b.String())))
	if err != nil || sheet != "CSV" || len(rows) != 2+len(orderRowCells) || !reflect.DeepEqual(rows[1], orderHeaderCells) ||
		!reflect.DeepEqual(rows[3], orderRowCells[1]) {
		t.Fatalf("%s %q %v", sheet, rows, err)
	}
	file, err := ReadOrders(context.Background(), bytes.NewReader(cp949(t, b.String())), ReadOrderOptions{Location: kst}, nil)
	if err != nil || len(file.Rows) != 2 || file.Rows[1].Row != 4 || file.Rows[0].Amount != 39600 || file.Rows[1].TrackingNo != "601234567890" {
		t.Fatalf("%+v %v", file, err)
	}
}

// TestReadWhole: a workbook is read whole whether its size is known, unknown or wrong.
func TestReadWhole(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789"), 1000)
	for _, size := range []int64{0, 10000, 9000, 20000, -1} {
		got, err := readWhole(bytes.NewReader(data), size)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("size %d: %d bytes, %v", size, len(got), err)
		}
	}
}
