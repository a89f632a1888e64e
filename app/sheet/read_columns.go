package sheet

import (
	"github.com/xuri/excelize/v2"

	"sellerdesk/app/apperr"
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

// problem files reason, a ready Korean sentence, at a row and a column of the file (col "": the row).
func (file *ProductFile) problem(rowN int, col, reason string) {
	file.problemMsg(rowN, col, apperr.Msg{Key: reason})
}

// problemf files the sentence key with its values (args as for apperr.M) at a row and a column, so the
// seller reads it in the window's language.
func (file *ProductFile) problemf(rowN int, col, key string, args ...any) {
	file.problemMsg(rowN, col, apperr.M(key, args...))
}

func (file *ProductFile) problemMsg(rowN int, col string, m apperr.Msg) {
	c := ""
	switch {
	case col == "":
	case file.has(col):
		c = file.column(col)
	default:
		// a column the file lacks cannot be pointed at; the seller is told to add it
		m = apperr.M("{{.Reason}} 파일에 '{{.Column}}' 열이 없습니다. 제목 행에 이 열을 더하세요.", "Reason", m, "Column", col)
	}
	file.Problems = append(file.Problems, problemAt(file.sheet, rowN, c, m))
}
