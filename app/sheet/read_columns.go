package sheet

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/catalog"
)

// Where a product file's values are: the columns its header names, and problems filed at the row and
// column the seller finds in Excel.

func (file *ProductFile) has(col string) bool { return file.colIndex(col) >= 0 }

// fieldColumns are the columns each field is read from, in either layout: a field is carried when any is
// there.
var fieldColumns = map[catalog.Field][]string{
	catalog.FieldName: {colName}, catalog.FieldPrice: {colPrice}, catalog.FieldCost: {colCost},
	catalog.FieldStatus: {colStatus}, catalog.FieldCategory: {colCategory}, catalog.FieldSupplier: {colSupplier},
	catalog.FieldTax: {colTax}, catalog.FieldWeight: {colWeight}, catalog.FieldHSCode: {colHS},
	catalog.FieldOrigin: {colOrigin}, catalog.FieldDetail: {colDetail, ssDetail},
	catalog.FieldExtraPrice: {colExtraPrice}, catalog.FieldStock: {colStock, ssOptionStock},
	catalog.FieldSafetyStock: {colSafetyStock}, catalog.FieldUsable: {colUsable},
}

// carries lists the fields the file's header has a column for.
func (file *ProductFile) carries() catalog.Fields {
	set := catalog.Fields{}
	for f, cols := range fieldColumns {
		for _, c := range cols {
			if file.has(c) {
				set[f] = true
			}
		}
	}
	return set
}

func (file *ProductFile) colIndex(col string) int {
	for i, h := range file.header {
		if h == col {
			return i
		}
	}
	return -1
}

// column names a column as the seller sees it: "E (판매가)".
func (file *ProductFile) column(col string) string {
	i := file.colIndex(col)
	if i < 0 {
		return col
	}
	letter, _ := excelize.ColumnNumberToName(i + 1)
	return letter + " (" + col + ")"
}

func (file *ProductFile) problem(rowN int, col, reason string) {
	c := ""
	switch {
	case col == "":
	case file.has(col):
		c = file.column(col)
	default:
		// a column the file lacks cannot be pointed at; the seller is told to add it
		reason += fmt.Sprintf(" 파일에 '%s' 열이 없습니다. 제목 행에 이 열을 더하세요.", col)
	}
	file.Problems = append(file.Problems, Problem{Sheet: file.sheet, Row: rowN, Column: c, Reason: reason})
}
