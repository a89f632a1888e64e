package sheet

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/couriers"
)

// DispatchRow is one line of Smart Store's 엑셀 일괄발송 upload.
type DispatchRow struct {
	ProductOrderNo string
	Method         string // 배송방법: "택배,등기,소포" or "직접전달"
	Courier        string // 택배사 name, blank for 직접전달
	TrackingNo     string // 송장번호, blank for 직접전달
}

// DispatchHeader is the upload's header: exactly these four columns, in this order.
var DispatchHeader = []string{"상품주문번호", "배송방법", "택배사", "송장번호"}

// WriteDispatch writes the 일괄발송 file Smart Store accepts: the four columns, every cell text (a 송장번호 or
// 상품주문번호 stored as a number would lose leading zeros or turn into 2.02611E+15). The 택배사 is written
// as Smart Store names it (app/couriers): a code (CJGLS), an older or short name (현대택배, 대한통운) becomes
// its name in the Commerce API's table (롯데택배, CJ대한통운); a name the table does not know is written as
// given (DispatchCourierUnknown lists them, so the seller can be told before uploading).
func WriteDispatch(w io.Writer, rows []DispatchRow) error {
	f := excelize.NewFile()
	defer f.Close()
	const name = "발송처리"
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return fmt.Errorf("sheet: dispatch: %w", err)
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text
	if err != nil {
		return fmt.Errorf("sheet: dispatch: %w", err)
	}
	if err := f.SetColStyle(name, "A:D", text); err != nil {
		return fmt.Errorf("sheet: dispatch: %w", err)
	}
	for i, w := range []float64{22, 16, 14, 20} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(name, col, col, w); err != nil {
			return fmt.Errorf("sheet: dispatch: %w", err)
		}
	}
	for i, h := range DispatchHeader {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellStr(name, cell, h); err != nil {
			return fmt.Errorf("sheet: dispatch: %w", err)
		}
	}
	for r, row := range rows {
		courier := row.Courier
		if row.Method != "직접전달" {
			courier, _ = couriers.Name(courier)
		}
		for c, v := range []string{row.ProductOrderNo, row.Method, courier, row.TrackingNo} {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			if err := f.SetCellStr(name, cell, v); err != nil {
				return fmt.Errorf("sheet: dispatch: %w", err)
			}
			if err := f.SetCellStyle(name, cell, cell, text); err != nil {
				return fmt.Errorf("sheet: dispatch: %w", err)
			}
		}
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("sheet: dispatch: %w", err)
	}
	return nil
}

// DispatchCourierUnknown lists the 상품주문번호 of rows whose 택배사 is not in Smart Store's courier table
// (app/couriers): Smart Store refuses those lines of the 일괄발송 upload.
func DispatchCourierUnknown(rows []DispatchRow) []string {
	var out []string
	for _, r := range rows {
		if r.Method == "직접전달" {
			continue
		}
		if _, ok := couriers.Lookup(r.Courier); !ok {
			out = append(out, r.ProductOrderNo)
		}
	}
	return out
}
