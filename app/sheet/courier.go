package sheet

import (
	"context"
	"fmt"
	"io"
	"strings"

	"sellerdesk/app/apperr"
	"sellerdesk/app/couriers"
)

// CourierRow is one parcel of a courier's file: who it goes to and its 송장번호.
type CourierRow struct {
	Sheet      string
	Row        int
	Name       string
	Phone      string
	TrackingNo string
	Courier    string // when the file names it, as Smart Store writes the name (app/couriers)
}

// Courier files are what a courier's booking system exports after printing the labels, each with its
// own headers. Public references for the layouts recognised (each one's recipient, phone and tracking
// headers are in courier_test.go with its source):
//
//	CJ대한통운 (CNPlus)  받는분성명, 받는분전화번호, 받는분기타연락처, 받는분주소(전체, 분할), 운송장번호
//	로젠택배            수하인명, 수하인전화(번호), 수하인핸드폰(번호), 수하인주소1, 운송장번호
//	한진택배            받으시는 분, 받으시는 분 전화, 받는분핸드폰(선택), 받는분총주소, 운송장번호
//	                   (or 수화인명, 전화번호, 휴대폰번호)
//	롯데택배            수하인명, 수하인전화번호, 수하인주소, 운송장번호
//	우체국택배          수취인명, 수취인 전화번호, 수취인 이동통신, 수취인 주소, 등기번호
//
// Headers are compared without blanks and without a trailing "(선택)"/"(필수)", so "받으시는 분" and
// "받으시는분" are the same column. A file with both a mobile and a fixed-line column gives the mobile
// number, or the other when the mobile cell is empty: Smart Store's recipient phone is a mobile or a
// 안심번호, and orders are matched by name and phone (app/orders MatchTracking).

// courierColumns maps a normalised header to its role; phone headers carry their priority (lower first).
var courierColumns = func() map[string]string {
	m := map[string]string{}
	add := func(role string, names ...string) {
		for _, n := range names {
			m[courierHeaderKey(n)] = role
		}
	}
	add("name", "수취인", "수취인명", "수취인이름", "받는분", "받는 분", "받는분성명", "받는분이름", "받는사람",
		"받으시는 분", "받으시는분성명", "수하인", "수하인명", "수화인", "수화인명", "수령인", "수령인명", "수령자")
	add("mobile", "수취인 이동통신", "수취인휴대폰", "수취인핸드폰", "받는분휴대폰", "받는분핸드폰", "받는분핸드폰번호",
		"수하인휴대폰", "수하인핸드폰", "수하인핸드폰번호", "수하인휴대폰번호", "휴대폰번호", "휴대폰", "핸드폰", "핸드폰번호",
		"수령인휴대폰")
	add("phone", "수취인연락처", "수취인연락처1", "수취인 전화번호", "수취인전화", "받는분전화번호", "받는분 전화번호",
		"받는분연락처", "받으시는 분 전화", "받으시는분전화번호", "수하인전화", "수하인전화번호", "수령인연락처",
		"수령인전화번호", "전화번호", "연락처")
	add("phone2", "받는분기타연락처", "수취인연락처2")
	add("tracking", "송장번호", "운송장번호", "운송장", "송장", "등기번호", "운송장 번호")
	add("courier", "택배사", "택배사명", "배송사")
	return m
}()

// courierHeaderKey is how a header is compared: no blanks, no trailing "(선택)" or "(필수)".
func courierHeaderKey(s string) string {
	s = strings.Join(strings.Fields(s), "")
	for _, tail := range []string{"(선택)", "(필수)"} {
		s = strings.TrimSuffix(s, tail)
	}
	return s
}

// courierHeader recognises a header row: a recipient column and a tracking column; phones are optional
// (a file without them is matched by name alone, when that is unique).
func courierHeader(cells []string) (map[string]int, bool) {
	cols := map[string]int{}
	for i, c := range cells {
		if role, ok := courierColumns[courierHeaderKey(c)]; ok {
			if _, dup := cols[role]; !dup {
				cols[role] = i
			}
		}
	}
	_, hasName := cols["name"]
	_, hasTracking := cols["tracking"]
	return cols, hasName && hasTracking
}

// errNoCourierHeader: no sheet of the file has a courier file's header.
var errNoCourierHeader = apperr.New(apperr.ErrInvalid, "택배사 파일에서 '받는분'(수취인, 수하인)과 '송장번호'(운송장번호, 등기번호) 열을 찾을 수 없습니다. 택배사 프로그램에서 내려받은 파일인지 확인하세요.")

// ReadCourierFile reads a courier's file: xlsx (password-protected too), Excel 97–2003 .xls, an HTML
// table saved as .xls, or CSV / tab-separated text in UTF-8 or CP949. On the first sheet that has one,
// the first row (of the first 20) naming a recipient and a 송장번호 column is the header.
func ReadCourierFile(ctx context.Context, r io.Reader, password string) ([]CourierRow, []Problem, error) {
	tf, err := openTableStream(ctx, r, password, "엑셀 파일이 아니거나 손상된 파일입니다. 택배사 프로그램에서 엑셀(xlsx, xls) 또는 CSV로 다시 내려받으세요.")
	if err != nil {
		return nil, nil, err
	}
	defer tf.close()
	for i := range tf.names {
		t, err := tf.open(i)
		if err != nil {
			return nil, nil, err
		}
		rows, probs, found, err := readCourierTable(ctx, t)
		t.close()
		if err != nil {
			return nil, nil, err
		}
		if found {
			return rows, probs, nil
		}
	}
	return nil, nil, errNoCourierHeader
}

// readCourierTable reads one table; found is false when no header is in its first 20 rows.
func readCourierTable(ctx context.Context, t *table) (out []CourierRow, probs []Problem, found bool, err error) {
	var cols map[string]int
	var header []string
	for n := 1; ; n++ {
		if n%1000 == 0 && ctx.Err() != nil {
			return nil, nil, false, ctx.Err()
		}
		cells, ok, err := t.next()
		if err != nil {
			return nil, nil, false, err
		}
		if !ok {
			break
		}
		if cols == nil {
			if n > 20 {
				return nil, nil, false, nil
			}
			if c, ok := courierHeader(cells); ok {
				cols = c
				header = make([]string, len(cells))
				for i, h := range cells {
					header[i] = strings.TrimSpace(h)
				}
			}
			continue
		}
		if blank(cells) {
			continue
		}
		if n > MaxOrderRows {
			return nil, nil, false, apperr.New(apperr.ErrInvalid, "택배사 파일에는 {{.Limit}}행까지 올릴 수 있습니다. 나누어 올리세요.", "Limit", MaxOrderRows)
		}
		get := func(role string) string {
			i, ok := cols[role]
			if !ok || i >= len(cells) {
				return ""
			}
			return strings.TrimSpace(cells[i])
		}
		row := CourierRow{Sheet: t.name, Row: n, Name: get("name")}
		for _, role := range []string{"mobile", "phone", "phone2"} {
			if row.Phone = get(role); row.Phone != "" {
				break
			}
		}
		if c := get("courier"); c != "" {
			row.Courier, _ = couriers.Name(c)
		}
		// A number cell of an xlsx or .xls reads in full ("612345678901"); an exponent ("6.12346E+11") is
		// text a spreadsheet wrote from a number it showed rounded: its last digits are gone.
		tracking := get("tracking")
		row.TrackingNo = strings.NewReplacer("-", "", " ", "").Replace(tracking)
		switch {
		case row.TrackingNo == "":
			probs = append(probs, Problem{Sheet: t.name, Row: n, Column: columnLabel(cols["tracking"], header), Reason: "송장번호가 비어 있습니다."})
		case strings.ContainsAny(row.TrackingNo, "eE+") && !hasLetterTracking(row.TrackingNo):
			probs = append(probs, Problem{Sheet: t.name, Row: n, Column: columnLabel(cols["tracking"], header), Reason: fmt.Sprintf(
				"송장번호 '%s'가 엑셀에서 지수 형식으로 바뀌어 뒷자리가 사라졌습니다. 택배사 프로그램에서 다시 내려받으세요.", tracking)})
		case row.Name == "":
			probs = append(probs, Problem{Sheet: t.name, Row: n, Column: columnLabel(cols["name"], header), Reason: "받는 분 이름이 비어 있습니다."})
		default:
			out = append(out, row)
		}
	}
	return out, probs, cols != nil, nil
}

// hasLetterTracking: a 송장번호 with letters other than an exponent's (some international ones carry
// them, e.g. EMS's EE123456789KR) is not a number a spreadsheet rewrote.
func hasLetterTracking(s string) bool {
	for _, r := range s {
		if ('A' <= r && r <= 'Z' || 'a' <= r && r <= 'z') && r != 'e' && r != 'E' {
			return true
		}
	}
	return false
}
