package sheet

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Smart Store's 상품 일괄등록 template as downloaded keeps rows above the seller's data: row 1 the section
// groups (상품 기본정보, 배송정보 …), row 2 the headers, row 3 필수/선택/조건부필수, row 4 an example product,
// rows 5–6 guides; sellers often leave them in. SellerDesk's own template starts with an example product.
// Those rows are recognised and skipped (never imported), and the preview says which were.

// guideZone is how many rows below the header may still be the template's own rows.
const guideZone = 12

// Skipped is a row above the data that was recognised as the template's own and not read.
type Skipped struct {
	Row int
	Why string // "필수/선택 표시", "예시", "작성 안내"
}

// markerWords are what the 필수/선택 row writes in each column.
var markerWords = map[string]bool{"필수": true, "선택": true, "비필수": true, "조건부필수": true, "조건부": true,
	"필수입력": true, "선택입력": true, "필수항목": true, "선택항목": true, "옵션": true, "-": true}

// examplePrefixes start a cell of an example row.
var examplePrefixes = []string{"예시)", "예시 )", "(예시)", "[예시]", "<예시>", "예)", "ex)", "EX)", "Ex)", "e.g.", "예시:", "예시 :"}

// guideWords mark a cell that tells the seller what to write rather than being a value.
var guideWords = []string{"입력하세요", "입력해 주세요", "입력해주세요", "입력합니다", "선택하세요", "선택해 주세요", "작성하세요",
	"기재하세요", "입력 가능", "숫자만", "미입력 시", "미입력시", "구분하여 입력", "구분해 입력"}

// freeText are the columns a product's own words go in (a name or a description may well say 입력하세요):
// they never count towards a guide row.
var freeText = map[string]bool{colName: true, colDetail: true, ssDetail: true}

// numberColumns hold numbers: a guide row writes words there.
var numberColumns = []string{colPrice, colStock, ssOptionStock, colCost, colWeight, colSafetyStock}

func isMarkerRow(r row) bool {
	n := 0
	for _, v := range r.cells {
		w := strings.NewReplacer("*", "", " ", "", "(", "", ")", "", "[", "", "]", "").Replace(strings.TrimSpace(v))
		if w == "" {
			continue
		}
		if !markerWords[w] {
			return false
		}
		n++
	}
	return n >= 2
}

func isExampleRow(r row) bool {
	for _, v := range r.cells {
		v = strings.TrimSpace(v)
		for _, p := range examplePrefixes {
			if strings.HasPrefix(v, p) {
				return true
			}
		}
	}
	return false
}

func hasHangul(s string) bool {
	for _, c := range s {
		if unicode.Is(unicode.Hangul, c) {
			return true
		}
	}
	return false
}

func isGuideRow(r row) bool {
	for _, c := range numberColumns {
		// "숫자만 입력", "판매가를 입력하세요": words that tell what to write, where a number belongs (a price
		// typed as "만원" is the seller's row, and its own problem)
		if v := r.get(c); v != "" && hasHangul(v) && guideText(v) {
			return true
		}
	}
	n := 0
	for col, v := range r.cells {
		if !freeText[col] && guideText(v) {
			n++
		}
	}
	return n >= 2
}

func guideText(v string) bool {
	for _, w := range guideWords {
		if strings.Contains(v, w) {
			return true
		}
	}
	return false
}

// skipTemplateRows drops the template's own rows from the top of rows (those within guideZone of the
// header) and returns the data rows. The row right below a 필수/선택 row is the example even when none of its
// cells says 예시; rows sharing an example's 판매자 상품코드 are its options.
func (file *ProductFile) skipTemplateRows(rows []row, headerRow int) []row {
	afterMarker := false
	exampleCode := ""
	i := 0
	for ; i < len(rows) && rows[i].n <= headerRow+guideZone; i++ {
		r := rows[i]
		why := ""
		switch {
		case isMarkerRow(r):
			why = "필수/선택 표시"
		case exampleCode != "" && r.get(colCode) == exampleCode:
			why = "예시"
		case isExampleRow(r):
			why = "예시"
		case isGuideRow(r):
			why = "작성 안내"
		case afterMarker:
			// the template's example sits right under its 필수/선택 row and looks like a product; a seller
			// who kept that row kept the example (the preview names the row it skipped)
			why = "예시"
		}
		if why == "" {
			break
		}
		if why == "예시" && exampleCode == "" {
			exampleCode = r.get(colCode)
		}
		afterMarker = why == "필수/선택 표시"
		file.Skipped = append(file.Skipped, Skipped{Row: r.n, Why: why})
	}
	return rows[i:]
}

// lostPrecision is how a spreadsheet writes a long number it can no longer show whole: 6.01E+11.
var lostPrecision = regexp.MustCompile(`^[0-9](\.[0-9]+)?[eE]\+?[0-9]+$`)

// fixCodes repairs, in place, the code cells a spreadsheet re-save changed: leading zeros of a 원산지코드 or
// HS코드 come back where the code's length says how many there were, and a code written in exponent form
// (6.01E+11) is refused: its digits are gone and a guess would store a wrong code.
func (file *ProductFile) fixCodes(r *row) {
	for _, col := range codeColumns {
		v := r.get(col)
		if v == "" {
			continue
		}
		if lostPrecision.MatchString(v) {
			file.problemf(r.n, col, "'{{.Value}}'는 엑셀이 숫자로 바꿔 지수 표기로 줄인 값이라 원래 코드를 알 수 없습니다. 원본에서 셀 서식을 '텍스트'로 바꿔 코드를 다시 적으세요.", "Value", v)
			continue
		}
		switch col {
		case colOrigin:
			fixed, ok := restoreOrigin(v)
			if !ok {
				file.problemf(r.n, col, "원산지코드 '{{.Value}}'는 앞자리 0이 지워져 '0{{.Value}}'인지 '000{{.Value}}'인지 알 수 없습니다. 셀 서식을 '텍스트'로 바꿔 코드를 다시 적으세요.", "Value", v)
				continue
			}
			r.cells[col] = fixed
		case colHS:
			r.cells[col] = restoreHS(v)
		}
	}
}

func digitsOnly(s string) bool {
	return s != "" && strings.IndexFunc(s, func(c rune) bool { return c < '0' || c > '9' }) < 0
}

// restoreOrigin gives a Smart Store 원산지코드 back its leading zeros. Every code starts with 0 and has 2
// (00 국산, 03, 04, 05), 4 (0001–0017, a province) or 7 digits (0200037 중국, 0001110 a city): a number
// without its zeros says which, except 3, 4 and 5 (03 or 0003?), which ok=false refuses.
func restoreOrigin(v string) (string, bool) {
	switch {
	case !digitsOnly(v):
		return v, true
	case v == "0":
		return "00", true
	case strings.HasPrefix(v, "0"):
		return v, true
	case v == "3" || v == "4" || v == "5":
		return v, false
	case len(v) <= 2:
		if n, _ := strconv.Atoi(v); n <= 17 {
			return strings.Repeat("0", 4-len(v)) + v, true
		}
	case len(v) >= 4 && len(v) <= 6:
		return strings.Repeat("0", 7-len(v)) + v, true
	}
	return v, true
}

// restoreHS gives an HS code back the leading zero of chapters 01–09 (0101.21 saved as the number 101.21).
func restoreHS(v string) string {
	head, tail, dotted := strings.Cut(v, ".")
	if !digitsOnly(head) || dotted && tail != "" && !digitsOnly(tail) {
		return v
	}
	switch {
	case dotted && len(head) == 3:
		return "0" + v
	case !dotted && (len(head) == 5 || len(head) == 9):
		return "0" + v
	}
	return v
}
