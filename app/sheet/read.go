package sheet

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/apperr"
	"sellerdesk/app/catalog"
	"sellerdesk/app/format"
	"sellerdesk/app/limits"
)

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
	where := fmt.Sprintf("'%s' 시트", sheet)
	if n > 0 {
		where = fmt.Sprintf("'%s' 시트 %d행", sheet, n)
	}
	return &apperr.Error{Code: apperr.ErrInvalid, Err: err, Message: where + "을(를) 읽을 수 없습니다. 파일이 손상되었습니다. 엑셀에서 열어 'Excel 통합 문서(*.xlsx)'로 다시 저장한 뒤 올리세요."}
}

// readSheet reads one sheet, or returns nil when it has no product header.
func readSheet(ctx context.Context, f *excelize.File, name string, opts ReadOptions, progress func(float64)) (*ProductFile, error) {
	it, err := f.Rows(name)
	if err != nil {
		return nil, damaged(name, 0, err)
	}
	defer it.Close()
	file := &ProductFile{sheet: name}
	var rows []row
	headerRow := 0
	for n := 1; it.Next(); n++ {
		if n%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		cells, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, damaged(name, n, err)
		}
		if headerRow == 0 {
			if n > 30 {
				return nil, nil
			}
			if isHeader(cells) {
				headerRow = n
				file.header = headerColumns(cells)
			}
			continue
		}
		r := row{n: n, cells: map[string]string{}}
		empty := true
		for i, c := range cells {
			if i < len(file.header) && file.header[i] != "" && strings.TrimSpace(c) != "" {
				r.cells[file.header[i]] = c
				empty = false
			}
		}
		if empty {
			continue
		}
		if len(rows) == maxRows {
			file.problem(n, "", fmt.Sprintf("행이 너무 많습니다. 한 파일에 %s행까지 올릴 수 있습니다. 파일을 나눠 올리세요.", format.Number(int64(maxRows))))
			return file, nil
		}
		rows = append(rows, r)
	}
	if err := it.Error(); err != nil {
		// the iterator stops at XML it cannot read: without this check a damaged file would import the
		// rows before the damage as if they were all
		return nil, damaged(name, 0, err)
	}
	if headerRow == 0 {
		return nil, nil
	}
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
		file.problem(headerRow, "", "필수 열이 없습니다: "+strings.Join(missing, ", "))
		return file, nil
	}
	if len(rows) == 0 && len(file.Skipped) > 0 {
		last := file.Skipped[len(file.Skipped)-1].Row
		file.problem(headerRow, "", fmt.Sprintf("템플릿의 예시·안내 행(%d–%d행)만 있고 등록할 상품이 없습니다. 그 아래 행부터 상품을 적으세요. 예시 행은 읽지 않습니다.", file.Skipped[0].Row, last))
		return file, nil
	}
	if len(rows) == 0 {
		file.problem(headerRow, "", "등록할 상품이 없습니다. 제목 행 아래에 상품을 적으세요.") // the header row: a file may end there
		return file, nil
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
	return file, nil
}

// headerColumns names each column by its canonical header. A name a column left of it already has (two
// 판매가 columns, or 상품코드 beside 판매자 상품코드) is not read again: the first column is read, as the
// order and courier readers do, and every message points at the column the value came from.
func headerColumns(cells []string) []string {
	header := make([]string, len(cells))
	seen := map[string]bool{}
	for i, c := range cells {
		h := canonical(c)
		if h == "" || seen[h] {
			continue
		}
		seen[h] = true
		header[i] = h
	}
	return header
}

func isHeader(cells []string) bool {
	hits := 0
	for _, c := range cells {
		if knownHeaders[canonical(c)] {
			hits++
		}
	}
	return hits >= 3
}

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

// lookup resolves category paths and supplier names the file names, and names ids back for messages.
type lookup struct {
	cats  map[string]int64
	sups  map[string]int64
	paths map[int64]string
	names map[int64]string
}

func newLookup(opts ReadOptions) lookup {
	lk := lookup{cats: map[string]int64{}, sups: map[string]int64{}, paths: map[int64]string{}, names: map[int64]string{}}
	byName := map[string]int64{}
	for _, c := range opts.Categories {
		lk.paths[c.ID] = c.Path
		lk.cats[c.Path] = c.ID
		lk.cats[strings.ReplaceAll(c.Path, " > ", ">")] = c.ID
		if prev, dup := byName[c.Name]; dup && prev != c.ID {
			byName[c.Name] = -1 // two categories of that name: the seller must write the path
		} else {
			byName[c.Name] = c.ID
		}
	}
	for name, id := range byName {
		// a unique last name is enough, but a path says more than a name: a top-level category's name is
		// its path, and "상의" the path of one category is not ambiguous because another ends in 상의
		if _, isPath := lk.cats[name]; !isPath {
			lk.cats[name] = id
		}
	}
	for _, s := range opts.Suppliers {
		lk.sups[s.Name] = s.ID
		lk.names[s.ID] = s.Name
	}
	return lk
}

// number reads a whole number cell ("19,800", "19,800원", 19800.0 as Excel sometimes stores it) within its
// limit (app/limits); ok is false (and a problem recorded at the cell, naming the limit) otherwise. A value
// beyond int64 is refused, never wrapped.
func (file *ProductFile) number(r row, col, label string, rng limits.Range) (int64, bool) {
	rng = signed(rng)
	v, why := rng.Parse(r.get(col))
	switch why {
	case limits.OK:
		return v, true
	case limits.Empty:
		return 0, true
	}
	file.problem(r.n, col, rng.Say(label, why, r.get(col)))
	return 0, false
}

// signed widens a range below zero as far as above: a product file's cell is read for its size here, and
// ValidateProduct, which the editor shares, says what a negative value means for its field (a price must
// be above 0, a stock may go below it for a back-order product).
func signed(rng limits.Range) limits.Range {
	rng.Min = min(rng.Min, -rng.Max)
	return rng
}

func parseKind(s string) (catalog.OptionKind, bool) {
	switch strings.TrimSpace(s) {
	case "", "없음", "옵션 없음", "옵션없음":
		return catalog.OptionsNone, true
	case "단독형":
		return catalog.OptionsSingle, true
	case "조합형":
		return catalog.OptionsCombination, true
	}
	return "", false
}

func parseTax(s string) (catalog.TaxType, bool) {
	switch strings.TrimSpace(s) {
	case "", "과세", "과세상품":
		return catalog.Taxable, true
	case "면세", "면세상품":
		return catalog.TaxFree, true
	case "영세", "영세상품":
		return catalog.ZeroRate, true
	}
	return "", false
}

// productFields reads the product-level columns of a row into p.
func (file *ProductFile) productFields(r row, p *catalog.Product, lk lookup) {
	p.Code, p.Name = r.get(colCode), r.get(colName)
	p.Price, _ = file.number(r, colPrice, "판매가", limits.Price)
	p.Cost, _ = file.number(r, colCost, "원가", limits.Cost)
	p.WeightGrams, _ = file.number(r, colWeight, "무게", limits.Weight)
	p.HSCode, p.OriginCode = r.get(colHS), r.get(colOrigin)
	if p.Detail = r.get(colDetail); p.Detail == "" {
		p.Detail = r.get(ssDetail)
	}
	p.Status = catalog.StatusSale
	if v := r.get(colStatus); v != "" {
		if st, ok := catalog.StatusFromLabel(v); ok {
			p.Status = st
		} else {
			file.problem(r.n, colStatus, fmt.Sprintf("알 수 없는 상태 '%s'입니다. 판매중, 판매중지, 품절 중에서 고르세요.", v))
		}
	}
	if t, ok := parseTax(r.get(colTax)); ok {
		p.TaxType = t
	} else {
		file.problem(r.n, colTax, fmt.Sprintf("알 수 없는 과세구분 '%s'입니다. 과세, 면세, 영세 중에서 고르세요.", r.get(colTax)))
	}
	if v := r.get(colCategory); v != "" {
		id := lk.cats[v]
		if id == 0 {
			id = lk.cats[strings.ReplaceAll(v, " > ", ">")]
		}
		switch {
		case id > 0:
			p.CategoryID = id
		case id < 0:
			file.problem(r.n, colCategory, fmt.Sprintf("'%s' 이름의 카테고리가 여러 개입니다. '의류 > 상의'처럼 전체 경로로 적으세요.", v))
		default:
			file.problem(r.n, colCategory, fmt.Sprintf("없는 카테고리 '%s'입니다. 목록에서 고르거나 카테고리를 먼저 만드세요.", v))
		}
	}
	if v := r.get(colSupplier); v != "" {
		if id := lk.sups[v]; id > 0 {
			p.SupplierID = id
		} else {
			file.problem(r.n, colSupplier, fmt.Sprintf("없는 공급업체 '%s'입니다. 목록에서 고르거나 공급업체를 먼저 등록하세요.", v))
		}
	}
}

// shapeCols are the product columns that shape the options: every row of a product must agree on them, in a
// 대량 수정 too, which cannot add or rename options.
var shapeCols = []string{colKind, colOptName1, colOptName2, colOptName3}

// readTemplate groups rows by 판매자 상품코드: each group is one product, each row one option.
func (file *ProductFile) readTemplate(rows []row, lk lookup, progress func(float64)) {
	groups := map[string][]row{}
	var order []string
	for _, r := range rows {
		code := r.get(colCode)
		if code == "" {
			file.problem(r.n, colCode, "판매자 상품코드가 비어 있습니다.")
			continue
		}
		if _, ok := groups[code]; !ok {
			order = append(order, code)
		}
		groups[code] = append(groups[code], r)
	}
	for gi, code := range order {
		rs := groups[code]
		// the product's own fields are read from its first row that names it, so that an export sorted in
		// Excel (its option rows leave them empty) still reads
		first, others := rs[0], rs[1:]
		for i, r := range rs {
			if r.get(colName) != "" {
				first, others = r, append(append([]row(nil), rs[:i]...), rs[i+1:]...)
				break
			}
		}
		for _, r := range others {
			for _, c := range shapeCols {
				if v := r.get(c); v != "" && v != first.get(c) {
					file.problem(r.n, c, fmt.Sprintf("같은 상품코드(%s)의 %d행과 값이 다릅니다('%s' ≠ '%s'). 상품 정보는 첫 행에만 적으세요.", code, first.n, v, first.get(c)))
				}
			}
		}
		p := catalog.Product{}
		file.productFields(first, &p, lk)
		file.compareRows(len(file.Products), p, first, others, lk)
		kind, ok := parseKind(first.get(colKind))
		if !ok {
			file.problem(first.n, colKind, fmt.Sprintf("알 수 없는 옵션형태 '%s'입니다. 없음, 단독형, 조합형 중에서 고르세요.", first.get(colKind)))
		}
		names := []string{}
		for _, c := range []string{colOptName1, colOptName2, colOptName3} {
			if v := first.get(c); v != "" {
				names = append(names, v)
			}
		}
		if first.get(colKind) == "" && len(names) > 0 {
			kind = catalog.OptionsSingle
			if len(names) > 1 {
				kind = catalog.OptionsCombination
			}
		}
		p.OptionKind = kind
		src := source{row: first.n}
		valueCols := []string{colOptValue1, colOptValue2, colOptValue3}
		for _, r := range rs {
			o := catalog.Option{Code: r.get(colOptCode), Usable: true}
			// a 단독형 product with several option names sells each value on its own: a row holds one value,
			// under its own name, and leaves the other names' values empty
			single := kind == catalog.OptionsSingle && len(names) > 1
			for g := range names {
				if g < len(valueCols) {
					v := r.get(valueCols[g])
					if v == "" && kind != catalog.OptionsNone && !single {
						file.problem(r.n, valueCols[g], fmt.Sprintf("'%s'의 옵션값이 비어 있습니다.", names[g]))
					}
					o.Values = append(o.Values, v)
				}
			}
			if single {
				if n := filledValues(o.Values); n != 1 {
					file.problem(r.n, colOptValue1, fmt.Sprintf("단독형 옵션은 한 행에 옵션값을 하나만 적습니다(옵션명 %s 중 하나, 지금 %d개).", strings.Join(names, ", "), n))
				}
			}
			o.ExtraPrice, _ = file.number(r, colExtraPrice, "옵션가", limits.ExtraPrice)
			o.Stock, _ = file.number(r, colStock, "재고수량", limits.Stock)
			o.SafetyStock, _ = file.number(r, colSafetyStock, "안전재고", limits.SafetyStock)
			switch strings.ToUpper(r.get(colUsable)) {
			case "", "Y", "예", "사용":
			case "N", "아니오", "미사용":
				o.Usable = false
			default:
				file.problem(r.n, colUsable, fmt.Sprintf("사용여부는 Y 또는 N으로 적으세요('%s').", r.get(colUsable)))
			}
			p.Options = append(p.Options, o)
			src.optionRows = append(src.optionRows, r.n)
		}
		if kind == catalog.OptionsNone {
			p.Options = p.Options[:1]
			p.Options[0].Values = nil
			src.optionRows = src.optionRows[:1]
			if len(others) > 0 {
				file.problem(others[0].n, colCode, fmt.Sprintf("옵션 없는 상품(%s)이 여러 행에 있습니다. 옵션이 있으면 옵션형태와 옵션명을 적으세요.", code))
			}
		}
		for g, name := range names {
			grp := catalog.OptionGroup{Name: name}
			seen := map[string]bool{}
			for _, o := range p.Options {
				if g < len(o.Values) && o.Values[g] != "" && !seen[o.Values[g]] {
					seen[o.Values[g]] = true
					grp.Values = append(grp.Values, o.Values[g])
				}
			}
			p.OptionGroups = append(p.OptionGroups, grp)
		}
		file.add(p, src)
		if progress != nil && gi%500 == 0 {
			progress(float64(gi+1) / float64(len(order)))
		}
	}
}

// add keeps a product read from the file and checks it.
func (file *ProductFile) add(p catalog.Product, src source) {
	file.Products = append(file.Products, p)
	file.sources = append(file.sources, src)
	file.check(len(file.Products) - 1)
}

// check validates product i with the catalog's own rules and files each problem at its row and column.
func (file *ProductFile) check(i int) {
	p, src := file.Products[i], &file.sources[i]
	src.checks = nil
	var ae *apperr.Error
	if err := catalog.ValidateProduct(p); errors.As(err, &ae) {
		keys := make([]string, 0, len(ae.Fields))
		for k := range ae.Fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			rowN, col := file.place(*src, k)
			if file.hasProblemAt(rowN, col) {
				continue // the cell's own problem (e.g. not a number) already says it
			}
			file.problem(rowN, col, ae.Fields[k])
			src.checks = append(src.checks, file.Problems[len(file.Problems)-1])
		}
	}
}

func (file *ProductFile) hasProblemAt(rowN int, col string) bool {
	c := file.column(col)
	for _, p := range file.Problems {
		if p.Row == rowN && (p.Column == c || col == "") {
			return true
		}
	}
	return false
}

// place maps a ValidateProduct field to the row and column it came from.
func (file *ProductFile) place(src source, field string) (int, string) {
	direct := map[string]string{"name": colName, "code": colCode, "price": colPrice, "cost": colCost,
		"weight": colWeight, "status": colStatus, "options": colKind, "category": colCategory}
	if c, ok := direct[field]; ok {
		if n, ok := src.at[c]; ok {
			return n, c
		}
		return src.row, c
	}
	parts := strings.SplitN(field, ".", 3)
	if len(parts) == 3 {
		if i, err := strconv.Atoi(parts[1]); err == nil && i < len(src.optionRows) {
			col := map[string]string{"code": colOptCode, "extra_price": colExtraPrice, "stock": colStock,
				"safety_stock": colSafetyStock, "values": colOptValue1}[parts[2]]
			if file.Format == FormatSmartStore {
				// one row per product: stock and values are the option lists' columns
				switch parts[2] {
				case "stock":
					col = ssOptionStock
				case "values":
					col = ssOptionVals
				}
			}
			return src.optionRows[i], col
		}
	}
	return src.row, ""
}

// checkCodes reports option codes used twice across the file's products.
func (file *ProductFile) checkCodes() {
	seen := map[string]int{}
	for i, p := range file.Products {
		for j, o := range p.Options {
			if o.Code == "" {
				continue
			}
			rowN := file.sources[i].optionRows[j]
			if first, dup := seen[o.Code]; dup {
				if first != rowN {
					file.problem(rowN, colOptCode, fmt.Sprintf("옵션관리코드 '%s'가 %d행에도 있습니다.", o.Code, first))
				}
				continue
			}
			seen[o.Code] = rowN
		}
	}
}

// MarkExisting files a problem for every product or option code the store already has: a 일괄 등록
// registers only new products (use 대량 수정 to change existing ones).
func (file *ProductFile) MarkExisting(products, options map[string]bool) {
	for i, p := range file.Products {
		if products[p.Code] {
			file.problem(file.sources[i].row, colCode, fmt.Sprintf("이미 등록된 판매자 상품코드입니다: %s. 기존 상품을 고치려면 대량 수정을 사용하세요.", p.Code))
		}
		for j, o := range p.Options {
			if o.Code != "" && options[o.Code] {
				file.problem(file.sources[i].optionRows[j], colOptCode, fmt.Sprintf("이미 다른 상품이 쓰는 옵션관리코드입니다: %s", o.Code))
			}
		}
	}
	sort.SliceStable(file.Problems, func(i, j int) bool { return file.Problems[i].Row < file.Problems[j].Row })
}

// Codes lists the product and option codes in the file (for ExistingCodes).
func (file *ProductFile) Codes() (products, options []string) {
	for _, p := range file.Products {
		products = append(products, p.Code)
		for _, o := range p.Options {
			if o.Code != "" {
				options = append(options, o.Code)
			}
		}
	}
	return products, options
}
