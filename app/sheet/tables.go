package sheet

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// Table is one sheet of a report: a header row and rows of text or numbers.
type Table struct {
	Name   string
	Header []string
	Rows   [][]any
}

// WriteTables writes a report workbook, one sheet per table, with a bold, frozen header row.
func WriteTables(w io.Writer, tables []Table) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#E8EEF7"}}})
	if err != nil {
		return fmt.Errorf("sheet: report: %w", err)
	}
	for i, t := range tables {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", t.Name); err != nil {
				return fmt.Errorf("sheet: report: %w", err)
			}
		} else if _, err := f.NewSheet(t.Name); err != nil {
			return fmt.Errorf("sheet: report: %w", err)
		}
		header := make([]any, len(t.Header))
		for j, h := range t.Header {
			header[j] = h
		}
		if err := f.SetSheetRow(t.Name, "A1", &header); err != nil {
			return fmt.Errorf("sheet: report: %w", err)
		}
		last, _ := excelize.CoordinatesToCellName(max(1, len(t.Header)), 1)
		if err := f.SetCellStyle(t.Name, "A1", last, bold); err != nil {
			return fmt.Errorf("sheet: report: %w", err)
		}
		for r, row := range t.Rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+2)
			if err := f.SetSheetRow(t.Name, cell, &row); err != nil {
				return fmt.Errorf("sheet: report: %w", err)
			}
		}
		lastCol, _ := excelize.ColumnNumberToName(max(1, len(t.Header)))
		if err := f.SetColWidth(t.Name, "A", lastCol, 16); err != nil {
			return fmt.Errorf("sheet: report: %w", err)
		}
		if err := f.SetPanes(t.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return fmt.Errorf("sheet: report: %w", err)
		}
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("sheet: report: %w", err)
	}
	return nil
}
