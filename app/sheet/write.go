package sheet

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/catalog"
)

const (
	sheetProducts   = "상품등록"
	sheetGuide      = "작성방법"
	sheetLists      = "목록"
	maxTemplateRows = 5000 // rows the drop-downs and text formats cover in a fresh template
)

var guide = []string{
	"셀러데스크 상품 일괄 등록 양식",
	"",
	"1. '상품등록' 시트의 예시 행(HR-EXAMPLE)을 지우고, 한 행에 판매 단위(옵션) 하나씩 적습니다.",
	"2. 판매자 상품코드가 같은 행들은 한 상품입니다. 상품명·가격 같은 상품 정보는 첫 행에만 적어도 됩니다.",
	"3. * 표시 열(판매자 상품코드, 상품명, 판매가)은 꼭 채웁니다. 판매가는 0보다 큰 숫자입니다.",
	"4. 옵션형태: 없음(옵션 없는 상품, 한 행), 단독형(옵션명1만), 조합형(옵션명1~3의 모든 조합).",
	"5. 옵션명은 상품의 첫 행에 적고, 각 행에는 그 행의 옵션값을 적습니다(예: 옵션명1 색상 / 옵션값1 화이트).",
	"6. 옵션가는 판매가에 더하는 금액이며 음수도 됩니다. 단, 판매가+옵션가는 0보다 커야 합니다.",
	"7. 카테고리, 공급업체, 상태, 과세구분, 옵션형태, 사용여부는 칸을 누르면 나오는 목록에서 고릅니다.",
	"8. 상품코드·옵션관리코드·HS코드·원산지코드는 텍스트입니다. 앞자리 0이 지워지지 않습니다.",
	"9. 금액에는 쉼표나 '원'을 붙여도 됩니다(예: 19,800원).",
	"10. 파일을 올리면 먼저 모든 행을 검사하고, 문제가 하나라도 있으면 아무것도 등록하지 않고 시트·행·열·이유를 보여 드립니다.",
}

// WriteTemplate writes the 일괄 등록 template: Korean headers, an instructions sheet, drop-down lists of
// the store's categories and suppliers on a hidden sheet, code columns formatted as text, one example
// product to delete.
func WriteTemplate(w io.Writer, cats []catalog.Category, sups []catalog.Supplier) error {
	example := catalog.Product{Code: "HR-EXAMPLE", Name: "예시) 오버핏 코튼 티셔츠 — 이 행들은 지우세요", Price: 19800, Cost: 8000,
		Status: catalog.StatusSale, TaxType: catalog.Taxable, WeightGrams: 250, HSCode: "6109.10", OriginCode: "00",
		OptionKind:   catalog.OptionsCombination,
		OptionGroups: []catalog.OptionGroup{{Name: "색상", Values: []string{"화이트", "블랙"}}, {Name: "사이즈", Values: []string{"M", "L"}}}}
	example.Options = catalog.CombineOptions(example.OptionKind, example.OptionGroups, nil)
	for i := range example.Options {
		example.Options[i].Code = fmt.Sprintf("HR-EXAMPLE-%02d", i+1)
		example.Options[i].Stock = 10
		example.Options[i].SafetyStock = 2
	}
	return write(w, []catalog.Product{example}, cats, sups, true)
}

// WriteProducts writes products for 대량 수정, one row per option, in the template's columns, so the file
// reads back with ReadProducts after the seller edits it. As in the template, a product's own fields (상품명,
// 판매가 …) are written on its first option row only: a seller then changes a price in the one cell that holds
// it, and the same file uploaded twice changes it once. (Exports that repeated them on every row still read:
// see ProductFile.Settle.)
func WriteProducts(w io.Writer, ps []catalog.Product, cats []catalog.Category, sups []catalog.Supplier) error {
	return write(w, ps, cats, sups, false)
}

func write(w io.Writer, ps []catalog.Product, cats []catalog.Category, sups []catalog.Supplier, template bool) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheetProducts); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F6FEB"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	for i, c := range templateColumns {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		label := c
		for _, r := range requiredColumns {
			if r == c {
				label += "*"
			}
		}
		f.SetCellStr(sheetProducts, cell, label)
		colName, _ := excelize.ColumnNumberToName(i + 1)
		width := 12.0
		switch c {
		case colName, colDetail, colCategory:
			width = 28
		case colCode, colOptCode, colSupplier:
			width = 18
		}
		f.SetColWidth(sheetProducts, colName, colName, width)
		if textColumns[c] {
			if err := f.SetColStyle(sheetProducts, colName, text); err != nil {
				return err
			}
		}
	}
	if err := f.SetCellStyle(sheetProducts, "A1", lastCell(1), head); err != nil {
		return err
	}
	f.SetPanes(sheetProducts, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})

	catPath, supName := map[int64]string{}, map[int64]string{}
	for _, c := range cats {
		catPath[c.ID] = c.Path
	}
	for _, s := range sups {
		supName[s.ID] = s.Name
	}
	row := 2
	for _, p := range ps {
		for i, o := range p.Options {
			values := map[string]any{colCode: p.Code, colOptCode: o.Code, colExtraPrice: o.ExtraPrice,
				colStock: o.Stock, colSafetyStock: o.SafetyStock, colUsable: yesNo(o.Usable)}
			for g := range p.OptionGroups {
				if g < len(o.Values) {
					values[[]string{colOptValue1, colOptValue2, colOptValue3}[g]] = o.Values[g]
				}
			}
			if i == 0 {
				values[colName] = p.Name
				values[colCategory] = catPath[p.CategoryID]
				values[colSupplier] = supName[p.SupplierID]
				values[colPrice] = p.Price
				values[colCost] = p.Cost
				values[colStatus] = p.Status.Label()
				values[colTax] = p.TaxType.Label()
				values[colWeight] = p.WeightGrams
				values[colHS] = p.HSCode
				values[colOrigin] = p.OriginCode
				values[colDetail] = p.Detail
				values[colKind] = p.OptionKind.Label()
				for g, grp := range p.OptionGroups {
					values[[]string{colOptName1, colOptName2, colOptName3}[g]] = grp.Name
				}
			}
			for c, col := range templateColumns {
				v, ok := values[col]
				if !ok {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, row)
				switch x := v.(type) {
				case string:
					if x != "" {
						f.SetCellStr(sheetProducts, cell, x) // text, so codes keep their leading zeros
					}
				default:
					f.SetCellValue(sheetProducts, cell, x)
				}
			}
			row++
		}
	}
	if err := addLists(f, cats, sups, max(row, maxTemplateRows)); err != nil {
		return err
	}
	if template {
		idx, _ := f.NewSheet(sheetGuide)
		for i, line := range guide {
			f.SetCellStr(sheetGuide, "A"+strconv.Itoa(i+1), line)
		}
		f.SetColWidth(sheetGuide, "A", "A", 120)
		_ = idx
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("sheet: write xlsx: %w", err)
	}
	return nil
}

func lastCell(row int) string {
	c, _ := excelize.CoordinatesToCellName(len(templateColumns), row)
	return c
}

func yesNo(b bool) string {
	if b {
		return "Y"
	}
	return "N"
}

// addLists writes the drop-down choices on a hidden sheet and attaches them to their columns.
func addLists(f *excelize.File, cats []catalog.Category, sups []catalog.Supplier, rows int) error {
	if _, err := f.NewSheet(sheetLists); err != nil {
		return err
	}
	lists := [][]string{nil, nil, nil, nil, nil, nil}
	for _, c := range cats {
		lists[0] = append(lists[0], c.Path)
	}
	for _, s := range sups {
		lists[1] = append(lists[1], s.Name)
	}
	for _, s := range catalog.Statuses {
		lists[2] = append(lists[2], s.Label())
	}
	lists[3] = []string{catalog.Taxable.Label(), catalog.TaxFree.Label(), catalog.ZeroRate.Label()}
	lists[4] = []string{catalog.OptionsNone.Label(), catalog.OptionsSingle.Label(), catalog.OptionsCombination.Label()}
	lists[5] = []string{"Y", "N"}
	targets := []string{colCategory, colSupplier, colStatus, colTax, colKind, colUsable}
	for i, list := range lists {
		col, _ := excelize.ColumnNumberToName(i + 1)
		for j, v := range list {
			f.SetCellStr(sheetLists, col+strconv.Itoa(j+1), v)
		}
		if len(list) == 0 {
			continue
		}
		target := 0
		for k, c := range templateColumns {
			if c == targets[i] {
				target = k + 1
			}
		}
		tcol, _ := excelize.ColumnNumberToName(target)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s2:%s%d", tcol, tcol, rows))
		dv.SetSqrefDropList(fmt.Sprintf("'%s'!$%s$1:$%s$%d", sheetLists, col, col, len(list)))
		if err := f.AddDataValidation(sheetProducts, dv); err != nil {
			return fmt.Errorf("sheet: drop-down %s: %w", targets[i], err)
		}
	}
	return f.SetSheetVisible(sheetLists, false)
}
