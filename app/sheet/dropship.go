package sheet

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// DropshipRow is one shipment a supplier makes directly to our customer (직배송).
type DropshipRow struct {
	PONumber, ProductOrderNo string
	Recipient, Phone         string
	Postcode, Address        string
	Message                  string
	Item, Option             string
	Qty                      int64
}

// DropshipHeader is the dropship sheet's header.
var DropshipHeader = []string{"발주번호", "상품주문번호", "수취인", "연락처", "우편번호", "주소", "배송메세지", "품명", "옵션", "수량", "택배사", "송장번호"}

// WriteDropship writes the sheet a supplier fills in when shipping to our customers: one row per shipment
// with the recipient, and empty 택배사 / 송장번호 columns for the supplier to return. Codes, phones and
// postcodes are text cells.
func WriteDropship(w io.Writer, rows []DropshipRow) error {
	f := excelize.NewFile()
	defer f.Close()
	const name = "직배송"
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return fmt.Errorf("sheet: dropship: %w", err)
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return fmt.Errorf("sheet: dropship: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#E8EEF7"}}})
	if err != nil {
		return fmt.Errorf("sheet: dropship: %w", err)
	}
	for i, h := range DropshipHeader {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellStr(name, cell, h); err != nil {
			return fmt.Errorf("sheet: dropship: %w", err)
		}
	}
	if err := f.SetCellStyle(name, "A1", "L1", bold); err != nil {
		return fmt.Errorf("sheet: dropship: %w", err)
	}
	for i, width := range []float64{18, 20, 10, 15, 9, 40, 24, 28, 18, 6, 12, 18} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(name, col, col, width); err != nil {
			return fmt.Errorf("sheet: dropship: %w", err)
		}
	}
	for r, row := range rows {
		values := []string{row.PONumber, row.ProductOrderNo, row.Recipient, row.Phone, row.Postcode, row.Address, row.Message, row.Item, row.Option}
		for c, v := range values {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			if err := f.SetCellStr(name, cell, v); err != nil {
				return fmt.Errorf("sheet: dropship: %w", err)
			}
			if err := f.SetCellStyle(name, cell, cell, text); err != nil {
				return fmt.Errorf("sheet: dropship: %w", err)
			}
		}
		cell, _ := excelize.CoordinatesToCellName(10, r+2)
		if err := f.SetCellInt(name, cell, row.Qty); err != nil {
			return fmt.Errorf("sheet: dropship: %w", err)
		}
		last, _ := excelize.CoordinatesToCellName(12, r+2)
		first, _ := excelize.CoordinatesToCellName(11, r+2)
		if err := f.SetCellStyle(name, first, last, text); err != nil {
			return fmt.Errorf("sheet: dropship: %w", err)
		}
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("sheet: dropship: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("sheet: dropship: %w", err)
	}
	return nil
}
