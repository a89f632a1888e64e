package sheet

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"sellerdesk/app/apperr"
)

// An "엑셀 다운로드" of a web system: an HTML table under an .xls name, EUC-KR with a meta charset, Excel's
// mso styles, a title row spanning the table, entities, <br> in a cell, a comment and a script. The
// layout is 우체국's 접수 list (수취인명, 수취인 전화번호, 수취인 이동통신, 등기번호; see courier_test.go).
const htmlCourierPage = `<html xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<style>td { mso-number-format:"\@"; }</style><script>var x = "<tr><td>not a row</td></tr>";</script></head>
<body><!-- <tr><td>commented out</td></tr> -->
<table border=1>
<tr><td colspan=5 align=center><b>접수 내역 (2026-11-24)</b></td></tr>
<TR><TH>등기번호</TH><th>수취인명</th><th>수취인 전화번호</th><th>수취인 이동통신</th><th>수취인 주소</th></TR>
<tr><td style='mso-number-format:"\@"'>6012345678901</td><td>장&nbsp;민호</td><td></td><td>010-7777-8888</td><td>제주 제주시<br>첨단로 3 &amp; 4</td></tr>
<tr><td>6012345678902</td><td>
   윤  서아 </td><td>02-555-0101</td><td></td><td colspan="2">인천 연수구</td><td>끝</td></tr>
</table></body></html>`

func TestHTMLTable(t *testing.T) {
	want := [][]string{
		{"접수 내역 (2026-11-24)"},
		{"등기번호", "수취인명", "수취인 전화번호", "수취인 이동통신", "수취인 주소"},
		{"6012345678901", "장 민호", "", "010-7777-8888", "제주 제주시\n첨단로 3 & 4"},
		{"6012345678902", "윤 서아", "02-555-0101", "", "인천 연수구", "", "끝"},
	}
	for name, raw := range map[string][]byte{"EUC-KR": cp949(t, htmlCourierPage), "UTF-8": []byte(htmlCourierPage)} {
		sheet, rows, err := readStream(t, bytes.NewReader(raw))
		if err != nil || sheet != "HTML" || !reflect.DeepEqual(rows, want) {
			t.Errorf("%s: %s %q %v", name, sheet, rows, err)
		}
		parcels, probs, err := ReadCourierFile(context.Background(), bytes.NewReader(raw), "")
		if err != nil || len(probs) != 0 || len(parcels) != 2 {
			t.Fatalf("%s: %+v %v %v", name, parcels, probs, err)
		}
		if p := parcels[1]; p.Name != "윤 서아" || p.Phone != "02-555-0101" || p.TrackingNo != "6012345678902" || p.Row != 4 || p.Sheet != "HTML" {
			t.Errorf("%s: %+v", name, p)
		}
		if p := parcels[0]; p.Phone != "010-7777-8888" {
			t.Errorf("%s: the mobile number first: %+v", name, p)
		}
	}
}

// TestHTMLLimits: a cell or a row beyond what Excel holds is refused, not grown without bound; a file cut
// off inside a tag or a cell still gives the rows before it.
func TestHTMLLimits(t *testing.T) {
	long := "<table><tr><td>" + strings.Repeat("가", maxHTMLCell+1) + "</td></tr></table>"
	if _, _, err := readStream(t, strings.NewReader(long)); !errors.Is(err, errHTMLTooBig) {
		t.Errorf("long cell: %v", err)
	}
	wide := "<table><tr><td colspan=9999>a</td><td colspan=9999>b</td></tr></table>"
	if _, _, err := readStream(t, strings.NewReader(wide)); !errors.Is(err, errHTMLTooBig) || apperr.ErrorCode(err) != apperr.ErrInvalid {
		t.Errorf("wide row: %v", err)
	}
	_, rows, err := readStream(t, strings.NewReader("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td"))
	if err != nil || !reflect.DeepEqual(rows, [][]string{{"a", "b"}, {"c"}}) {
		t.Errorf("cut file: %q %v", rows, err)
	}
}

// An Excel 2003 XML spreadsheet ("XML 스프레드시트 2003", SpreadsheetML) saved as .xls: a row that says where
// it stands (ss:Index) after one left out, a cell placed by ss:Index and one merged across two columns.
const spreadsheetML = `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="출고">
  <Table>
   <Row><Cell><Data ss:Type="String">운송장번호</Data></Cell><Cell><Data ss:Type="String">수하인명</Data></Cell><Cell><Data ss:Type="String">수하인전화번호</Data></Cell></Row>
   <Row><Cell><Data ss:Type="Number">234567890123</Data></Cell><Cell><Data ss:Type="String">윤서아</Data></Cell><Cell><Data ss:Type="String">010-5555-6666</Data></Cell></Row>
   <Row ss:Index="4"><Cell ss:MergeAcross="1"><Data ss:Type="String">합계</Data></Cell><Cell ss:Index="4"><Data ss:Type="String">끝</Data></Cell></Row>
  </Table>
 </Worksheet>
</Workbook>`

func TestSpreadsheetML(t *testing.T) {
	_, rows, err := readStream(t, strings.NewReader(spreadsheetML))
	want := [][]string{
		{"운송장번호", "수하인명", "수하인전화번호"},
		{"234567890123", "윤서아", "010-5555-6666"},
		nil,
		{"합계", "", "", "끝"},
	}
	if err != nil || !reflect.DeepEqual(rows, want) {
		t.Fatalf("%q %v", rows, err)
	}
	parcels, probs, err := ReadCourierFile(context.Background(), strings.NewReader(spreadsheetML), "")
	if err != nil || len(parcels) != 1 || parcels[0].TrackingNo != "234567890123" || len(probs) != 1 || probs[0].Row != 4 {
		t.Fatalf("%+v %+v %v", parcels, probs, err)
	}
}

// TestUTF16Text: Excel's "유니코드 텍스트" is tab-separated UTF-16 with a byte-order mark.
func TestUTF16Text(t *testing.T) {
	text := "수취인명\t운송장번호\n김민지\t612345678901\n"
	for name, enc := range map[string]func(rune) []byte{
		"LE": func(r rune) []byte { return []byte{byte(r), byte(r >> 8)} },
		"BE": func(r rune) []byte { return []byte{byte(r >> 8), byte(r)} },
	} {
		raw := enc(0xFEFF)
		for _, r := range text {
			raw = append(raw, enc(r)...)
		}
		sheet, rows, err := readStream(t, bytes.NewReader(raw))
		if err != nil || sheet != "TSV" || !reflect.DeepEqual(rows, [][]string{{"수취인명", "운송장번호"}, {"김민지", "612345678901"}}) {
			t.Errorf("%s: %s %q %v", name, sheet, rows, err)
		}
		parcels, _, err := ReadCourierFile(context.Background(), bytes.NewReader(raw), "")
		if err != nil || len(parcels) != 1 {
			t.Errorf("%s: %+v %v", name, parcels, err)
		}
	}
}

func TestAttrInt(t *testing.T) {
	for attrs, want := range map[string]int{
		` colspan=3`: 3, ` COLSPAN = "12" class=x`: 12, ` ss:Index="5"`: 5, ` x:colspan='2'`: 2,
		` datacolspan=4`: 0, ` colspan`: 0, ` colspan=abc`: 0, ``: 0, ` class="colspan" colspan=7`: 7,
	} {
		name := "colspan"
		if strings.Contains(attrs, "Index") {
			name = "index"
		}
		if got := attrInt(attrs, name); got != want {
			t.Errorf("attrInt(%q, %s) = %d, want %d", attrs, name, got, want)
		}
	}
}

func TestCellText(t *testing.T) {
	for in, want := range map[string]string{
		" 김민지 ": "김민지", "a  b": "a b", "a&amp;b": "a&b", "a\n\t b": "a b", "x\ny": "x y", "&nbsp;a&nbsp;": "a", "": "",
		"a\u00a0\u00a0b": "a b",
	} {
		if got := cellText(in); got != want {
			t.Errorf("cellText(%q) = %q, want %q", in, got, want)
		}
	}
}
