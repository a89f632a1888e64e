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
