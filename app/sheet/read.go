package sheet

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/apperr"
	"sellerdesk/app/catalog"
)

// The product file reader, by responsibility: this file opens the workbook and reads a sheet; the header
// and the rows under it are found in read_rows.go, the columns named and problems filed in
// read_columns.go, cells turned into values in read_cells.go, template rows grouped into products in
// read_template.go (Smart Store's rows in smartstore.go), and the products checked in read_checks.go.

// oleHeader starts an encrypted (password-protected) workbook: a compound file around the real xlsx.
var oleHeader = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// ReadOptions says how to open and interpret a product file.
type ReadOptions struct {
	Password   string
	Categories []catalog.Category // to turn category paths into ids
	Suppliers  []catalog.Supplier // to turn supplier names into ids
}

// ProductFile is what a product file holds: the products it describes (when it has no problems) and
// every problem found, by sheet, row and column.
type ProductFile struct {
	Format   Format
	Products []catalog.Product
	Problems []Problem
	Rows     int // data rows read
	// Carries is the set of product and option fields the file has a column for. A column the seller
	// deleted reads as empty cells; a 대량 수정 leaves the fields it does not carry as stored.
	Carries catalog.Fields
	// Skipped are the rows above the data recognised as the template's own (필수/선택, 예시, 작성 안내).
	Skipped []Skipped
	// Generated are the 판매자 상품코드 made for Smart Store rows that had none.
	Generated []GeneratedCode
	sheet     string
	header    []string
	sources   []source // where each product came from, parallel to Products
	disputes  []dispute
	lk        lookup
}

type source struct {
	row        int
	optionRows []int
	at         map[string]int // a product column whose value Settle took from another row than row
	checks     []Problem      // what ValidateProduct found, filed again when Settle changes the product
}

// row is one data row: its Excel number and cells by canonical header.
type row struct {
	n     int
	cells map[string]string
}

func (r row) get(col string) string { return strings.TrimSpace(r.cells[col]) }

// ReadProducts reads and checks a template / 대량 수정 file or a Smart Store 상품 일괄등록 file. It never
// touches the store: the caller imports file.Products only when file.Problems is empty.
func ReadProducts(ctx context.Context, r io.Reader, opts ReadOptions, progress func(float64)) (*ProductFile, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("sheet: read: %w", err)
	}
	f, err := openWorkbook(raw, opts.Password, "엑셀(xlsx) 파일이 아니거나 손상된 파일입니다. 엑셀에서 '다른 이름으로 저장 → Excel 통합 문서(*.xlsx)'로 저장한 뒤 다시 올리세요.")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	for _, name := range f.GetSheetList() {
		file, err := readSheet(ctx, f, name, opts, progress)
		if err != nil || file != nil {
			return file, err
		}
	}
	return nil, &apperr.Error{Code: apperr.ErrInvalid, Message: "상품 목록의 제목 행을 찾을 수 없습니다. 첫 행에 '판매자 상품코드', '상품명', '판매가' 같은 열 제목이 있어야 합니다. 템플릿을 내려받아 사용하세요."}
}

// damaged is the error for a sheet excelize cannot read past row n (0: the sheet as a whole).
func damaged(sheet string, n int, err error) error {
	where := apperr.M("'{{.Sheet}}' 시트", "Sheet", sheet)
	if n > 0 {
		where = apperr.M("'{{.Sheet}}' 시트 {{.Row}}행", "Sheet", sheet, "Row", n)
	}
	e := apperr.New(apperr.ErrInvalid, "{{.Where}}을(를) 읽을 수 없습니다. 파일이 손상되었습니다. 엑셀에서 열어 'Excel 통합 문서(*.xlsx)'로 다시 저장한 뒤 올리세요.", "Where", where)
	e.Err = err
	return e
}

// readSheet reads one sheet, or returns nil when it has no product header.
func readSheet(ctx context.Context, f *excelize.File, name string, opts ReadOptions, progress func(float64)) (*ProductFile, error) {
	it, err := f.Rows(name)
	if err != nil {
		return nil, damaged(name, 0, err)
	}
	defer it.Close()
	file := &ProductFile{sheet: name}
	rows, headerRow, full, err := file.sheetRows(ctx, it)
	if err != nil || headerRow == 0 {
		return nil, err
	}
	if full {
		return file, nil // the row limit's problem is filed
	}
	file.interpret(rows, headerRow, opts, progress)
	return file, nil
}

// interpret reads the rows under the header at headerRow: it skips the template's own rows, tells the
// layout by its columns, checks the required ones and reads the products.
func (file *ProductFile) interpret(rows []row, headerRow int, opts ReadOptions, progress func(float64)) {
	rows = file.skipTemplateRows(rows, headerRow)
	file.Rows = len(rows)
	file.Carries = file.carries()
	required := requiredColumns
	if file.has(ssOptionStock) || file.has(ssCategoryID) || file.has(ssState) || file.has(ssOptionNames) {
		file.Format = FormatSmartStore
		required = []string{colName, colPrice} // a row without 판매자 상품코드 gets one (SmartStoreCode)
	} else {
		file.Format = FormatTemplate
	}
	var missing []string
	for _, c := range required {
		if !file.has(c) {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		file.problemf(headerRow, "", "필수 열이 없습니다: {{.Columns}}", "Columns", strings.Join(missing, ", "))
		return
	}
	if len(rows) == 0 && len(file.Skipped) > 0 {
		last := file.Skipped[len(file.Skipped)-1].Row
		file.problemf(headerRow, "", "템플릿의 예시·안내 행({{.First}}–{{.Last}}행)만 있고 등록할 상품이 없습니다. 그 아래 행부터 상품을 적으세요. 예시 행은 읽지 않습니다.", "First", file.Skipped[0].Row, "Last", last)
		return
	}
	if len(rows) == 0 {
		file.problemf(headerRow, "", "등록할 상품이 없습니다. 제목 행 아래에 상품을 적으세요.") // the header row: a file may end there
		return
	}
	for i := range rows {
		file.fixCodes(&rows[i])
	}
	lk := newLookup(opts)
	file.lk = lk
	if file.Format == FormatSmartStore {
		file.readSmartStore(rows, lk, progress)
	} else {
		file.readTemplate(rows, lk, progress)
	}
	file.checkCodes()
	sort.SliceStable(file.Problems, func(i, j int) bool { return file.Problems[i].Row < file.Problems[j].Row })
}
