package sheet

import (
	"bytes"
	"context"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Courier files as the couriers' systems write them. The header sets are taken from public seller tools
// that read or write these files (found with the project's code search; quoted as found):
//
//   - CJ대한통운 (CNPlus): a tool's CNPLUS_HEADERS "받는분성명, 우편번호, 받는분주소(전체, 분할), 받는분전화번호 …
//     품목명, 박스수량, 박스타입, 운임구분, 기본운임", and another's CJ booking row "예약구분, 집하예정일, 받는분성명,
//     받는분전화번호, 받는분기타연락처, 받는분우편번호, 받는분주소, 운송장번호, 고객주문번호, 품목명, 박스수량, 박스타입,
//     기본운임, 배송메세지1" (testdata/xls/courier_cj.xls, written with xlwt).
//   - 로젠택배: upload layouts "수하인명, 수하인주소1, 수하인주소2, 수하인전화번호, 수하인핸드폰번호, 택배수량, 택배운임,
//     운임구분, 품목명, 배송메세지" (ROSEN_HEADER_SPLIT in one tool, the 로젠업로드 sheet in another); the exported list
//     adds 운송장번호 and may shorten the phones to 수하인전화 / 수하인핸드폰 (FORMATS.md: 수하인명, 수하인전화번호,
//     수하인주소1, 운송장번호) (courier_logen.xls, xlwt).
//   - 한진택배: the 한진 form as returned by a forwarder, "받으시는 분, 받으시는 분 전화, 받는분담당자(선택),
//     받는분핸드폰(선택), 받는분우편번호(선택), 받는분총주소, 보내시는 분 …, 수량, 품목명, 운임Type, 지불조건, 출고번호"
//     (a tool's _HANJIN_HEADERS), with the 운송장번호 column the reply carries (courier_hanjin.xls, SheetJS);
//     another tool's HANJIN_HEADERS "수화인명, 우편번호, 주소, 전화번호, 휴대폰번호 …" (below, CSV).
//   - 롯데택배: a scraper of 롯데's ALPS 출고 list storing "운송장번호, 주문번호, 수하인명, 수하인전화번호,
//     수하인주소" (courier_lotte.xls, SheetJS).
//   - 우체국택배: the 우체국 접수 form "수취인명, 수취인 우편번호, 수취인 주소, 수취인 전화번호, 수취인 이동통신, 상품명,
//     배송메세지" (POST_OFFICE_HEADERS and several tools' epost templates), whose returned list numbers each parcel
//     by 등기번호 (courier_epost.xls, SheetJS; and the HTML table in html_test.go).
func TestCourierLayouts(t *testing.T) {
	cases := []struct {
		file string
		want []CourierRow
	}{
		{"courier_cj.xls", []CourierRow{
			{Sheet: "운송장", Row: 2, Name: "김민지", Phone: "010-1234-5678", TrackingNo: "612345678901"},
			{Sheet: "운송장", Row: 3, Name: "이서준", Phone: "0504-1234-9876", TrackingNo: "612345678902"},
			{Sheet: "운송장", Row: 4, Name: "박 지 훈", Phone: "01099998888", TrackingNo: "612345678903"},
		}},
		{"courier_logen.xls", []CourierRow{
			{Sheet: "Sheet1", Row: 2, Name: "최유진", Phone: "010-2222-3333", TrackingNo: "9331357816"},
		}},
		{"courier_hanjin.xls", []CourierRow{
			{Sheet: "Sheet1", Row: 2, Name: "정하늘", Phone: "010-3333-4444", TrackingNo: "420012345678"},
			{Sheet: "Sheet1", Row: 3, Name: "한 가 람", Phone: "0505-111-2222", TrackingNo: "420012345679"},
		}},
		{"courier_lotte.xls", []CourierRow{
			{Sheet: "출고내역", Row: 2, Name: "윤서아", Phone: "010-5555-6666", TrackingNo: "234567890123"},
		}},
		{"courier_epost.xls", []CourierRow{
			{Sheet: "접수내역", Row: 2, Name: "장민호", Phone: "010-7777-8888", TrackingNo: "6012345678901"},
		}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			rows, probs, err := ReadCourierFile(context.Background(), bytes.NewReader(fixture(t, c.file)), "")
			if err != nil || len(probs) != 0 {
				t.Fatalf("%v %v", probs, err)
			}
			if !reflect.DeepEqual(rows, c.want) {
				t.Errorf("read\n%+v\nwant\n%+v", rows, c.want)
			}
		})
	}
}

func courierCSV(t *testing.T, rows [][]string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestCourierHeaders: the short and spaced spellings, the phone chosen per row (mobile first, the other
// when the mobile cell is empty), the courier named the way Smart Store writes it, and the same file as
// CSV (CP949), tab-separated text, xlsx and .xls.
func TestCourierHeaders(t *testing.T) {
	grid := [][]string{
		{"로젠택배 출력 목록", "", "", "", ""},
		{"수하인명", "수하인전화", "수하인핸드폰", "운송장번호", "택배사"},
		{"김민지", "02-555-0101", "010-1234-5678", "933-1357-8164", "로젠"},
		{"이서준", "031-000-1111", "", "9331357817", "KGB"},
		{"", "", "", "", ""},
		{"박지훈", "", "", "9331357818", "동네택배"},
	}
	want := []CourierRow{
		{Row: 3, Name: "김민지", Phone: "010-1234-5678", TrackingNo: "93313578164", Courier: "로젠택배"},
		{Row: 4, Name: "이서준", Phone: "031-000-1111", TrackingNo: "9331357817", Courier: "로젠택배"},
		{Row: 6, Name: "박지훈", TrackingNo: "9331357818", Courier: "동네택배"},
	}
	var tsv strings.Builder
	for _, r := range grid {
		tsv.WriteString(strings.Join(r, "\t") + "\n")
	}
	files := map[string][]byte{
		"CSV":  cp949(t, string(courierCSV(t, grid))),
		"TSV":  []byte(tsv.String()),
		"xlsx": sheetFile(t, "Sheet1", grid[0], grid[1:]),
		"xls":  xlsFile(t, []xlsTestSheet{xlsGrid("Sheet1", grid)}, xlsOptions{}),
	}
	for name, raw := range files {
		t.Run(name, func(t *testing.T) {
			rows, probs, err := ReadCourierFile(context.Background(), bytes.NewReader(raw), "")
			if err != nil || len(probs) != 0 {
				t.Fatalf("%v %v", probs, err)
			}
			for i := range rows {
				rows[i].Sheet = ""
			}
			if !reflect.DeepEqual(rows, want) {
				t.Errorf("read\n%+v\nwant\n%+v", rows, want)
			}
		})
	}

	// 한진's other form: 수화인명, 전화번호, 휴대폰번호 (a tool's HANJIN_HEADERS), with (선택) tails and spaces.
	raw := courierCSV(t, [][]string{
		{"수화인명", "우편번호", "주소", "전화번호", "휴대폰번호(선택)", "운송장 번호"},
		{"정하늘", "04524", "서울 중구", "02-555-0101", "010-3333-4444", "420012345678"},
	})
	rows, probs, err := ReadCourierFile(context.Background(), bytes.NewReader(raw), "")
	if err != nil || len(probs) != 0 || len(rows) != 1 || rows[0].Phone != "010-3333-4444" || rows[0].Name != "정하늘" {
		t.Fatalf("%+v %v %v", rows, probs, err)
	}
}

// TestCourierRowsRefused: a parcel without a 송장번호 or a name, or whose 송장번호 a spreadsheet turned into
// 6.01E+11 (its last digits are gone), is listed with its place and reason and never matched.
func TestCourierRowsRefused(t *testing.T) {
	raw := courierCSV(t, [][]string{
		{"받는분성명", "받는분전화번호", "운송장번호"},
		{"김민지", "010-1234-5678", ""},
		{"", "010-1234-5678", "612345678901"},
		{"이서준", "010-2222-3333", "6.12346E+11"},
		{"박지훈", "010-4444-5555", "EE123456789KR"},
	})
	rows, probs, err := ReadCourierFile(context.Background(), bytes.NewReader(raw), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].TrackingNo != "EE123456789KR" {
		t.Errorf("kept %+v", rows)
	}
	if len(probs) != 3 || probs[0].Row != 2 || probs[1].Row != 3 || probs[2].Row != 4 ||
		!strings.Contains(probs[2].Reason, "지수") || probs[2].Column != "C (운송장번호)" {
		t.Errorf("problems %+v", probs)
	}
	// An xlsx number cell holds the whole 송장번호 even when Excel shows it as 6.12346E+11.
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"받는분", "운송장번호"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"김민지", 612345678901})
	var x bytes.Buffer
	if err := f.Write(&x); err != nil {
		t.Fatal(err)
	}
	rows, probs, err = ReadCourierFile(context.Background(), bytes.NewReader(x.Bytes()), "")
	if err != nil || len(probs) != 0 || len(rows) != 1 || rows[0].TrackingNo != "612345678901" {
		t.Errorf("xlsx number: %+v %v %v", rows, probs, err)
	}
}
