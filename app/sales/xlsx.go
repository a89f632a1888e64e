package sales

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// wonFormat is the money cells' number format: 1,234,500원, negatives in red.
const wonFormat = `#,##0"원";[Red]-#,##0"원"`

// WriteXLSX writes a report as a workbook: 요약 (the figures with their compares), then one sheet per
// breakdown, each with its table (money as numbers in a won format, the header row frozen) and a native
// Excel chart of its 결제금액 (a line for time, bars for the rest).
func WriteXLSX(w io.Writer, r Report) error {
	f := excelize.NewFile()
	defer f.Close()
	won, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr(wonFormat)})
	if err != nil {
		return err
	}
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EAEEF4"}}})
	if err != nil {
		return err
	}
	summary := "요약"
	f.SetSheetName("Sheet1", summary)
	if err := summarySheet(f, summary, r, won, pct, head); err != nil {
		return err
	}
	used := map[string]bool{summary: true}
	for _, b := range r.Breakdowns {
		name := b.By.Label()
		for n := 2; used[name]; n++ {
			name = fmt.Sprintf("%s %d", b.By.Label(), n)
		}
		used[name] = true
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := breakdownSheet(f, name, b, won, pct, head); err != nil {
			return fmt.Errorf("sales: sheet %s: %w", name, err)
		}
	}
	return f.Write(w)
}

func ptr[T any](v T) *T { return &v }

func cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func summarySheet(f *excelize.File, sheet string, r Report, won, pct, head int) error {
	s := r.Summary
	rows := [][]any{
		{"매출 보고서", r.Store},
		{"기간", s.Period.String(), "이전 기간", s.PrevPeriod.String(), "작년 같은 기간", s.YearPeriod.String()},
		{RuleLine},
		{},
		{"항목", "이번 기간", "이전 기간", "증감", "작년 같은 기간", "증감"},
	}
	for i, x := range rows {
		if err := f.SetSheetRow(sheet, cell(1, i+1), &x); err != nil {
			return err
		}
	}
	row := len(rows) + 1
	for _, l := range s.Lines(r.Buyers) {
		vals := []any{l.Label, l.Now}
		if l.Label == "구매자 수" || l.Label == "신규 구매자" || l.Label == "재구매 구매자" {
			vals = append(vals, "", "", "", "")
		} else {
			vals = append(vals, l.Prev, Compare(l.Now, l.Prev).Text(), l.Year, Compare(l.Now, l.Year).Text())
		}
		if err := f.SetSheetRow(sheet, cell(1, row), &vals); err != nil {
			return err
		}
		if l.Money {
			f.SetCellStyle(sheet, cell(2, row), cell(3, row), won)
			f.SetCellStyle(sheet, cell(5, row), cell(5, row), won)
		}
		row++
	}
	if m, ok := s.Now.Margin(); ok {
		f.SetSheetRow(sheet, cell(1, row), &[]any{"이익률", m})
		f.SetCellStyle(sheet, cell(2, row), cell(2, row), pct)
		row++
	}
	f.SetSheetRow(sheet, cell(1, row), &[]any{"원가 없는 결제금액 비중", s.Now.UncostedShare()})
	f.SetCellStyle(sheet, cell(2, row), cell(2, row), pct)
	f.SetCellStyle(sheet, "A5", "F5", head)
	f.SetColWidth(sheet, "A", "A", 22)
	f.SetColWidth(sheet, "B", "F", 18)
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 5, TopLeftCell: "A6", ActivePane: "bottomLeft"})
}

func breakdownSheet(f *excelize.File, sheet string, b Breakdown, won, pct, head int) error {
	cols := b.Columns()
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = c.Title
	}
	if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
		return err
	}
	f.SetCellStyle(sheet, "A1", cell(len(cols), 1), head)
	rows := append(append([]Row(nil), b.Rows...), b.Total)
	grossCol := 0
	for i, c := range cols {
		if c.Title == "결제금액" {
			grossCol = i + 1
		}
	}
	for n, r := range rows {
		vals := make([]any, len(cols))
		for i, c := range cols {
			vals[i] = c.Value(r)
		}
		if err := f.SetSheetRow(sheet, cell(1, n+2), &vals); err != nil {
			return err
		}
		for i, c := range cols {
			switch {
			case c.Money:
				f.SetCellStyle(sheet, cell(i+1, n+2), cell(i+1, n+2), won)
			case c.Title == "비중":
				f.SetCellStyle(sheet, cell(i+1, n+2), cell(i+1, n+2), pct)
			}
		}
	}
	f.SetColWidth(sheet, "A", "A", 34)
	f.SetColWidth(sheet, "B", cell(len(cols), 1)[:1], 15)
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if grossCol == 0 || len(b.Rows) == 0 {
		return nil
	}
	// the chart: the rows without the total, at most 30 of a ranking
	last := len(b.Rows) + 1
	if !b.By.Time() && b.By != ByHour && len(b.Rows) > 30 {
		last = 31
	}
	colName := cell(grossCol, 1)
	colName = colName[:len(colName)-1]
	chart := &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("'%s'!$%s$1", sheet, colName),
			Categories: fmt.Sprintf("'%s'!$A$2:$A$%d", sheet, last),
			Values:     fmt.Sprintf("'%s'!$%s$2:$%s$%d", sheet, colName, colName, last),
		}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.By.Label() + " 결제금액"}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: 720, Height: 320},
	}
	if b.By.Time() {
		chart.Type = excelize.Line
	} else if b.By != ByHour {
		chart.Type = excelize.Bar
	}
	return f.AddChart(sheet, cell(len(cols)+2, 2), chart)
}
