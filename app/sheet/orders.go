package sheet

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/apperr"
	"sellerdesk/app/limits"
)

// ReadOrderOptions says how to open an order export.
type ReadOrderOptions struct {
	Password string
	Location *time.Location // the time zone the file's times are written in; KST when nil
}

// KST is the zone a Smart Store file writes its dates and times in (Korea Standard Time, +09:00, no
// daylight saving since 1988), whatever zone the seller's PC is set to: a PC abroad or left at UTC must not
// move an order made at 00:30 to the day before. A fixed zone, so it needs no time zone database (Windows
// without Go's tzdata cannot load "Asia/Seoul").
var KST = time.FixedZone("KST", 9*60*60)

// ErrNoOrderHeader is returned for a file in which no row is an order export header.
var ErrNoOrderHeader = &apperr.Error{Code: apperr.ErrInvalid, Message: "주문 목록의 제목 행을 찾을 수 없습니다. 스마트스토어 '주문통합검색' 또는 '발주발송관리'에서 엑셀다운한 파일인지 확인하세요."}

// ReadOrders reads a Smart Store order export: xlsx (password-protected too) or CSV in UTF-8 or CP949.
// progress, when not nil, gets the fraction of rows read. It never touches the store.
func ReadOrders(ctx context.Context, r io.Reader, opts ReadOrderOptions, progress func(float64)) (*OrderFile, error) {
	var rows []OrderRow
	file, err := StreamOrders(ctx, r, opts, progress, func(row OrderRow) error {
		rows = append(rows, row)
		return nil
	})
	if err != nil {
		return nil, err
	}
	file.Rows = rows
	return file, nil
}

// StreamOrders reads an export like ReadOrders but hands each good row to emit as soon as it is read, so
// the caller can store rows while the rest of the file is still being read. The returned file holds the
// problems and counts, not the rows. An error from emit stops the reading and is returned.
func StreamOrders(ctx context.Context, r io.Reader, opts ReadOrderOptions, progress func(float64), emit func(OrderRow) error) (*OrderFile, error) {
	if opts.Location == nil {
		opts.Location = KST
	}
	// CSV, tab-separated text and HTML tables are read as they stream, never held whole; a workbook is
	// read into one buffer of its size
	tf, err := openTableStream(ctx, r, opts.Password, "엑셀(xlsx) 파일이 아니거나 손상된 파일입니다. 스마트스토어에서 다시 엑셀다운하거나, 엑셀에서 'Excel 통합 문서(*.xlsx)'로 저장한 뒤 올리세요.")
	if err != nil {
		return nil, err
	}
	defer tf.close()
	var firstErr error
	for i := range tf.names {
		t, err := tf.open(i)
		if err != nil {
			return nil, err
		}
		file, err := readOrderRows(ctx, t.name, t.next, t.total, t.excel, opts, progress, emit)
		t.close()
		if err == nil {
			return file, nil
		}
		if !errors.Is(err, ErrNoOrderHeader) {
			return nil, err
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return nil, firstErr
}

// readOrderRows finds the header and reads every row after it.
func readOrderRows(ctx context.Context, sheetName string, next func() ([]string, bool, error), total int, excel bool,
	opts ReadOrderOptions, progress func(float64), emit func(OrderRow) error) (*OrderFile, error) {
	file := &OrderFile{Sheet: sheetName}
	var cols map[string]int // key → cell index
	var header []string
	seen := map[string]int{} // 상품주문번호 → first row
	for n := 1; ; n++ {
		if n%2000 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if progress != nil && total > 0 {
				progress(math.Min(1, float64(n)/float64(total)))
			}
		}
		cells, ok, err := next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if cols == nil {
			if n > 20 {
				break // a header is near the top; 20 rows of something else is not an order export
			}
			cols, header = orderHeader(cells)
			if cols != nil {
				var missing []string
				for _, req := range orderRequired {
					if _, ok := cols[req.key]; !ok {
						missing = append(missing, "'"+req.name+"'")
					}
				}
				if _, ok := cols["status"]; !ok {
					if _, ok := cols["detail"]; !ok {
						missing = append(missing, "'주문상태'")
					}
				}
				if len(missing) > 0 {
					return nil, &apperr.Error{Code: apperr.ErrInvalid, Message: fmt.Sprintf(
						"%s 시트 %d행의 제목에 꼭 필요한 열 %s이(가) 없습니다. 스마트스토어 엑셀다운 항목 설정에서 이 열을 켜고 다시 내려받으세요.",
						sheetName, n, strings.Join(missing, ", "))}
				}
				file.Carries = carriedFields(cols)
				_, hasUnit := cols["unitPrice"]
				_, hasAmount := cols["amount"]
				file.NoPrices = !hasUnit && !hasAmount
			}
			continue
		}
		if blank(cells) {
			continue
		}
		file.Total++
		if file.Total > MaxOrderRows {
			return nil, &apperr.Error{Code: apperr.ErrInvalid, Message: fmt.Sprintf(
				"한 파일에는 주문을 %d행까지 올릴 수 있습니다. 기간을 나누어 내려받으세요.", MaxOrderRows)}
		}
		r, probs := orderRow(sheetName, n, cells, cols, header, excel, opts.Location)
		r.Carries = file.Carries
		if len(probs) > 0 {
			file.Problems = append(file.Problems, probs...)
			continue
		}
		if first, dup := seen[r.ProductOrderNo]; dup {
			file.Problems = append(file.Problems, Problem{Sheet: sheetName, Row: n, Column: columnLabel(cols[ocProductOrderNo], header),
				Reason: fmt.Sprintf("상품주문번호 %s이(가) %d행과 겹칩니다. 이 행은 건너뜁니다.", r.ProductOrderNo, first)})
			continue
		}
		// a copy: the number is a slice of its row's text (a CSV record is one string), which would keep
		// every row of the file alive until the end
		seen[strings.Clone(r.ProductOrderNo)] = n
		if err := emit(r); err != nil {
			return nil, err
		}
	}
	if cols == nil {
		return nil, ErrNoOrderHeader
	}
	if progress != nil {
		progress(1)
	}
	return file, nil
}

// sheetRows reads how many rows a sheet says it has (its dimension, e.g. A1:BZ1002), for progress; 0 when
// the file does not say.
func sheetRows(f *excelize.File, name string) int {
	dim, err := f.GetSheetDimension(name)
	if err != nil {
		return 0
	}
	_, last, ok := strings.Cut(dim, ":")
	if !ok {
		return 0
	}
	_, rows, err := excelize.CellNameToCoordinates(last)
	if err != nil {
		return 0
	}
	return rows
}

// MaxOrderRows is the most data rows one order file may hold.
const MaxOrderRows = 200000

// orderHeader recognises the header row: the first row where 상품주문번호 and at least two more cells equal
// known header names exactly. A header that has known names but no 상품주문번호 is still the header, so the
// caller can name what is missing.
func orderHeader(cells []string) (map[string]int, []string) {
	cols := map[string]int{}
	for i, c := range cells {
		if key, ok := orderHeaderNames[strings.TrimSpace(c)]; ok {
			if _, dup := cols[key]; !dup {
				cols[key] = i
			}
		}
	}
	if len(cols) < 3 {
		return nil, nil
	}
	header := make([]string, len(cells))
	for i, c := range cells {
		header[i] = strings.TrimSpace(c)
	}
	return cols, header
}

// carriedFields is what a header's columns carry. 통합배송지 alone carries the address (base and detail in
// one text); with 기본배송지 beside it, the two address columns carry the parts.
func carriedFields(cols map[string]int) Field {
	var f Field
	for key := range cols {
		f |= fieldOfColumn[key]
	}
	if _, ok := cols["fullAddress"]; ok {
		f |= FieldAddress
		if _, base := cols["baseAddress"]; !base {
			f |= FieldAddressDetail
		}
	}
	return f
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// columnLabel names a column as the seller finds it in Excel: "C (수량)".
func columnLabel(i int, header []string) string {
	name, _ := excelize.ColumnNumberToName(i + 1)
	if i < len(header) && header[i] != "" {
		return name + " (" + header[i] + ")"
	}
	return name
}

// orderRow turns one row's cells into an OrderRow, or the problems that stop it.
func orderRow(sheetName string, n int, cells []string, cols map[string]int, header []string, excel bool, loc *time.Location) (OrderRow, []Problem) {
	var probs []Problem
	problem := func(key, reason string) {
		probs = append(probs, Problem{Sheet: sheetName, Row: n, Column: columnLabel(cols[key], header), Reason: reason})
	}
	get := func(key string) string {
		i, ok := cols[key]
		if !ok || i >= len(cells) {
			return ""
		}
		return strings.TrimSpace(cells[i])
	}
	text := func(key string) string {
		// A number column in Excel loses nothing for codes Smart Store writes as text; a float like
		// "2.0261122E+15" would, so it is written back out in full.
		s := get(key)
		if excel && strings.ContainsAny(s, "eE") {
			if f, err := strconv.ParseFloat(s, 64); err == nil && f == math.Trunc(f) && math.Abs(f) < 1e18 {
				return strconv.FormatFloat(f, 'f', 0, 64)
			}
		}
		return s
	}
	// key reads a number the seller finds orders by (상품주문번호, 주문번호, 송장번호). A spreadsheet that
	// re-saved it as a number kept at most 15 significant digits and may show it as 6.01E+11: such a key
	// is not the order's any more, so the row is refused with that reason rather than stored under it.
	key := func(k, label string) string {
		s := get(k)
		if lost, ok := lostDigits(s); ok {
			if lost {
				problem(k, fmt.Sprintf("%s '%s'은(는) 스프레드시트가 숫자로 바꿔 저장하면서 자릿수가 사라졌습니다. 원래 번호를 알 수 없어 이 행은 건너뜁니다. 스마트스토어에서 다시 내려받은 파일을 그대로 올리세요.", label, s))
				return ""
			}
			f, _ := strconv.ParseFloat(s, 64) // every digit is there: write the number out in full
			return strconv.FormatFloat(f, 'f', 0, 64)
		}
		return s
	}
	// money reads a number column against its limit (app/limits): a value beyond it, negative where none
	// is allowed or too long for int64 is the row's problem at that column, never a wrapped number.
	money := func(key, label string, rng limits.Range, required bool) int64 {
		s := get(key)
		v, why := rng.Parse(s)
		switch why {
		case limits.OK:
			return v
		case limits.Empty:
			if required {
				problem(key, rng.Say(label, why, s))
			}
			return 0
		case limits.NotNumber:
			problem(key, fmt.Sprintf("%s '%s'은(는) 숫자가 아닙니다.", label, s))
		default:
			problem(key, rng.Say(label, why, s))
		}
		return 0
	}
	when := func(key, label string) time.Time {
		s := get(key)
		if s == "" {
			return time.Time{}
		}
		t, ok := parseOrderTime(s, excel, loc)
		if !ok {
			problem(key, fmt.Sprintf("%s '%s'을(를) 날짜로 읽을 수 없습니다. 2026-11-22 14:05:31 또는 2026.11.22 형식이어야 합니다.", label, s))
		}
		return t
	}
	r := OrderRow{Sheet: sheetName, Row: n}
	r.ProductOrderNo = key(ocProductOrderNo, "상품주문번호")
	if get(ocProductOrderNo) == "" {
		problem(ocProductOrderNo, "상품주문번호가 비어 있습니다.")
	}
	r.OrderNo = key(ocOrderNo, "주문번호")
	if get(ocOrderNo) == "" {
		problem(ocOrderNo, "주문번호가 비어 있습니다.")
	}
	r.StatusWord, r.DetailWord, r.Claim, r.ClaimReason = get("status"), get("detail"), get("claim"), get("claimReason")
	r.Courier, r.DeliveryMethod = get("courier"), get("method")
	r.TrackingNo = key("tracking", "송장번호")
	r.ShippedAt = when("shipped", "발송일")
	r.DispatchedAt = when("dispatched", "발송처리일")
	if r.ShippedAt.IsZero() {
		r.ShippedAt = r.DispatchedAt
	}
	r.PaidAt = when("paid", "결제일")
	r.OrderedAt = when("ordered", "주문일시") // only 주문일시: the importer decides what stands in for a new order
	r.ClaimAt = when("claimAt", "클레임 요청일")
	r.DeliveredAt = when("delivered", "배송완료일")
	r.DecidedAt = when("decided", "구매확정일")
	r.Channel = get("channel")
	r.BuyerName, r.BuyerID, r.BuyerPhone = get("buyer"), get("buyerID"), phone(text("buyerPhone"))
	r.RecipientName, r.RecipientPhone1, r.RecipientPhone2 = get("recipient"), phone(text("phone1")), phone(text("phone2"))
	r.Postcode = postcode(text("postcode"))
	r.FullAddress = get("fullAddress")
	if _, base := cols["baseAddress"]; base {
		r.Address, r.AddressDetail = get("baseAddress"), get("detailAddress")
		if r.Address == "" && r.AddressDetail == "" {
			r.Address = r.FullAddress
		}
	} else {
		r.Address, r.AddressDetail = r.FullAddress, ""
	}
	r.DeliveryMessage, r.PaymentMethod = get("message"), get("payment")
	r.ProductName, r.OptionInfo = get("product"), get("option")
	if r.ProductName == "" {
		problem("product", "상품명이 비어 있습니다.")
	}
	r.ProductCode, r.OptionCode = text("productCode"), text("optionCode")
	r.ProductNo = text("productNo")
	r.Qty = money("qty", "수량", limits.Qty, true)
	r.UnitPrice = money("unitPrice", "상품가격", limits.Price, false)
	r.OptionPrice = money("optionPrice", "옵션가격", limits.ExtraPrice, false)
	r.Discount = money("discount", "할인액", limits.Amount, false)
	r.Amount = money("amount", "총 주문금액", limits.Amount, false)
	if _, ok := cols["amount"]; !ok && len(probs) == 0 {
		// each part is within its limit, so the product cannot overflow; the total has its own limit
		r.Amount = (r.UnitPrice+r.OptionPrice)*r.Qty - r.Discount
		if why := limits.Amount.Check(r.Amount); why != limits.OK {
			problem("qty", limits.Amount.Say("총 주문금액(상품가격×수량−할인액)", why, limits.Group(r.Amount)))
		}
	}
	r.ShippingFee = money("shipFee", "배송비 합계", limits.ShippingFee, false)
	r.ShippingFeeExtra = money("shipExtra", "제주/도서 추가배송비", limits.ShippingFee, false)
	r.ShippingDiscount = money("shipDiscount", "배송비 할인액", limits.ShippingFee, false)
	r.CustomsID = get("customs")
	return r, probs
}

// parseOrderTime reads the time styles exports use: "2026-11-22 14:05:31", "2026.11.22", "2026-11-22",
// "2026/11/22 14:05", and, from an xlsx cell formatted as a date, Excel's serial number.
func parseOrderTime(s string, excel bool, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2006.01.02 15:04:05",
		"2006.01.02 15:04", "2006.01.02", "2006. 1. 2. 15:04:05", "2006. 1. 2.", "2006/01/02 15:04:05",
		"2006/01/02 15:04", "2006/01/02", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, true
		}
	}
	if excel {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f > 20000 && f < 80000 {
			t, err := excelize.ExcelDateToTime(f, false)
			if err == nil {
				// ExcelDateToTime answers in UTC with the wall clock the cell shows.
				return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc), true
			}
		}
	}
	return time.Time{}, false
}

// lostDigits reads a key cell written as a number in exponent form (6.01E+11, 2.0261122E+15). ok is false
// for any other text. lost is true when the mantissa has fewer significant digits than the number has
// integer digits: the digits in between were dropped by whatever wrote it (a spreadsheet keeps 15), so the
// key cannot be recovered.
func lostDigits(s string) (lost, ok bool) {
	if !strings.ContainsAny(s, "eE") {
		return false, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || f != math.Trunc(f) {
		return false, false
	}
	mant, _, _ := strings.Cut(strings.ToUpper(s), "E")
	sig := strings.TrimLeft(strings.ReplaceAll(strings.TrimPrefix(mant, "+"), ".", ""), "0")
	intDigits := len(strconv.FormatFloat(f, 'f', 0, 64))
	if f >= 1e15 && len(sig) < 16 {
		return true, true // beyond a spreadsheet's 15 digits: whatever follows them is gone
	}
	return len(sig) < intDigits, true
}

// postcode restores the leading zero a spreadsheet drops from a 5-digit 우편번호 (01234 re-saved as 1234).
// Any other text (a 6-digit 123-456 of before 2015, a blank) stays as it is.
func postcode(s string) string {
	if len(s) == 4 && allDigits(s) {
		return "0" + s
	}
	return s
}

// phone restores the leading 0 a spreadsheet drops from a phone number stored as a number (1012345678 for
// 010-1234-5678, 50412345678 for a 0504 안심번호, 212345678 for 02-1234-5678). Numbers with separators, and
// 8-digit 대표번호 (1588-…, 1644-…), are left as they are.
func phone(s string) string {
	if !allDigits(s) || len(s) < 8 || len(s) > 11 || s[0] == '0' {
		return s
	}
	if len(s) == 8 && (s[0] == '1') {
		return s // 15xx/16xx/18xx 대표번호 have no leading zero
	}
	return dashed("0" + s)
}

// dashed writes a phone number's digits the way Smart Store does: 010-1234-5678, 0504-1234-5678,
// 02-123-4567, 031-123-4567.
func dashed(d string) string {
	head := 3
	switch {
	case strings.HasPrefix(d, "02"):
		head = 2
	case strings.HasPrefix(d, "050") && len(d) == 12:
		head = 4
	}
	rest := d[head:]
	if len(rest) < 7 || len(rest) > 8 {
		return d
	}
	return d[:head] + "-" + rest[:len(rest)-4] + "-" + rest[len(rest)-4:]
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
