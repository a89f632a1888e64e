package sheet

import (
	"context"
	"fmt"
	"io"
	"strings"

	"sellerdesk/app/apperr"
)

// CourierRow is one parcel of a courier's file: who it goes to and its 송장번호.
type CourierRow struct {
	Sheet      string
	Row        int
	Name       string
	Phone      string
	TrackingNo string
	Courier    string // when the file names it
}

// courierHeaders are the header names couriers' booking exports use (CJ대한통운, 롯데, 한진, 우체국 …).
var courierHeaders = map[string]string{
	"수취인": "name", "수취인명": "name", "받는분": "name", "받는 분": "name", "받는분성명": "name", "수하인": "name", "수하인명": "name", "수령인": "name",
	"수취인연락처": "phone", "수취인 연락처": "phone", "수취인연락처1": "phone", "받는분전화번호": "phone", "받는분 전화번호": "phone",
	"받는분휴대폰": "phone", "수하인전화번호": "phone", "수하인휴대폰": "phone", "전화번호": "phone", "휴대폰": "phone", "연락처": "phone",
	"송장번호": "tracking", "운송장번호": "tracking", "운송장 번호": "tracking", "등기번호": "tracking",
	"택배사": "courier",
}

// ReadCourierFile reads a courier's file (xlsx, password-protected xlsx, or CSV in UTF-8 or CP949): the first
// row naming a recipient, a phone and a 송장번호 column is the header.
func ReadCourierFile(ctx context.Context, r io.Reader, password string) ([]CourierRow, []Problem, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("sheet: read: %w", err)
	}
	tf, err := openTables(ctx, raw, password, "엑셀(xlsx) 파일이 아니거나 손상된 파일입니다. 택배사 프로그램에서 엑셀(xlsx) 또는 CSV로 다시 내려받으세요.")
	if err != nil {
		return nil, nil, err
	}
	defer tf.close()
	var sheets [][][]string
	names := tf.names
	for i := range tf.names {
		t, err := tf.open(i)
		if err != nil {
			return nil, nil, err
		}
		rows, err := t.allRows(ctx)
		t.close()
		if err != nil {
			return nil, nil, err
		}
		sheets = append(sheets, rows)
	}
	for si, rows := range sheets {
		for hi := 0; hi < len(rows) && hi < 20; hi++ {
			cols := map[string]int{}
			for i, c := range rows[hi] {
				if key, ok := courierHeaders[strings.TrimSpace(c)]; ok {
					if _, dup := cols[key]; !dup {
						cols[key] = i
					}
				}
			}
			_, hasName := cols["name"]
			_, hasTracking := cols["tracking"]
			if !hasName || !hasTracking {
				continue
			}
			var out []CourierRow
			var probs []Problem
			for ri := hi + 1; ri < len(rows); ri++ {
				if ri%1000 == 0 && ctx.Err() != nil {
					return nil, nil, ctx.Err()
				}
				cells := rows[ri]
				get := func(key string) string {
					i, ok := cols[key]
					if !ok || i >= len(cells) {
						return ""
					}
					return strings.TrimSpace(cells[i])
				}
				if blank(cells) {
					continue
				}
				row := CourierRow{Sheet: names[si], Row: ri + 1, Name: get("name"), Phone: get("phone"),
					TrackingNo: strings.ReplaceAll(get("tracking"), "-", ""), Courier: get("courier")}
				switch {
				case row.TrackingNo == "":
					probs = append(probs, Problem{Sheet: names[si], Row: ri + 1, Column: columnLabel(cols["tracking"], rows[hi]), Reason: "송장번호가 비어 있습니다."})
				case row.Name == "":
					probs = append(probs, Problem{Sheet: names[si], Row: ri + 1, Column: columnLabel(cols["name"], rows[hi]), Reason: "받는 분 이름이 비어 있습니다."})
				default:
					out = append(out, row)
				}
			}
			return out, probs, nil
		}
	}
	return nil, nil, &apperr.Error{Code: apperr.ErrInvalid, Message: "택배사 파일에서 '받는분'(수취인)과 '송장번호'(운송장번호) 열을 찾을 수 없습니다. 택배사 프로그램에서 내려받은 엑셀인지 확인하세요."}
}
