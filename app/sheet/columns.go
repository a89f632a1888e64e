// Package sheet reads and writes the Excel files sellers use for the catalog: SellerDesk's own product
// template (also the 대량 수정 export, in the same columns) and Naver Smart Store's 상품 일괄등록 file.
// Columns are always matched by their header text, never by position.
package sheet

import (
	"strings"

	"sellerdesk/app/apperr"
)

// The columns of the product template and the 대량 수정 export, in order. One row is one sellable
// option; rows sharing a 판매자 상품코드 form one product.
const (
	colCode        = "판매자 상품코드"
	colName        = "상품명"
	colCategory    = "카테고리"
	colSupplier    = "공급업체"
	colPrice       = "판매가"
	colCost        = "원가"
	colStatus      = "상태"
	colTax         = "과세구분"
	colWeight      = "무게(g)"
	colHS          = "HS코드"
	colOrigin      = "원산지코드"
	colDetail      = "상세설명"
	colKind        = "옵션형태"
	colOptName1    = "옵션명1"
	colOptValue1   = "옵션값1"
	colOptName2    = "옵션명2"
	colOptValue2   = "옵션값2"
	colOptName3    = "옵션명3"
	colOptValue3   = "옵션값3"
	colOptCode     = "옵션관리코드"
	colExtraPrice  = "옵션가"
	colStock       = "재고수량"
	colSafetyStock = "안전재고"
	colUsable      = "사용여부"
)

var templateColumns = []string{colCode, colName, colCategory, colSupplier, colPrice, colCost, colStatus, colTax,
	colWeight, colHS, colOrigin, colDetail, colKind, colOptName1, colOptValue1, colOptName2, colOptValue2,
	colOptName3, colOptValue3, colOptCode, colExtraPrice, colStock, colSafetyStock, colUsable}

// requiredColumns must be present in a template file.
var requiredColumns = []string{colCode, colName, colPrice}

// textColumns hold codes whose leading zeros matter; they are formatted as text.
var textColumns = map[string]bool{colCode: true, colOptCode: true, colHS: true, colOrigin: true}

// aliases map other header spellings sellers use to the template's names: older templates, Smart Store's
// 상품 일괄등록 (2020–26), its older storefarm layout ("필수 옵션명" …) and other shops' exports. A header is
// compared after canonical has trimmed it, dropped a required-field star or "(필수)", and folded line
// breaks (Smart Store writes "즉시할인 값\n(기본할인)").
var aliases = map[string]string{
	"상품코드": colCode, "판매자상품코드": colCode, "판매자 상품 코드": colCode, "자체상품코드": colCode, "자체 상품코드": colCode,
	"재고": colStock, "재고 수량": colStock, "무게": colWeight, "무게 (g)": colWeight, "HS 코드": colHS,
	"원산지 코드": colOrigin, "판매상태": colStatus, "판매 상태": colStatus, "과세 구분": colTax, "부가세": colTax,
	"과세여부": colTax, "과세 여부": colTax, "부가세 구분": colTax, "옵션 형태": colKind, "옵션 관리코드": colOptCode,
	"옵션관리 코드": colOptCode, "안전 재고": colSafetyStock, "판매가격": colPrice, "판매 가격": colPrice,
	"상품 명": colName,
	// Smart Store's columns under their other spellings
	"카테고리코드": ssCategoryID, "카테고리 코드": ssCategoryID, "카테고리 ID": ssCategoryID, "상품 상태": ssState,
	"필수 옵션명": ssOptionNames, "필수 옵션값": ssOptionVals, "필수 옵션가": colExtraPrice, "옵션재고수량": ssOptionStock,
	"옵션 재고 수량": ssOptionStock, "필수 옵션 재고수량": ssOptionStock,
	"상품번호(스마트스토어)": ssProductNo, "스마트스토어 상품번호": ssProductNo, "상품 번호": ssProductNo,
}

// Smart Store's 상품 일괄등록 columns this package reads.
const (
	ssCategoryID  = "카테고리ID"
	ssState       = "상품상태"
	ssDetail      = "상세정보"
	ssOptionNames = "옵션명"
	ssOptionVals  = "옵션값"
	ssOptionStock = "옵션 재고수량"
	ssProductNo   = "상품번호" // Smart Store's own number, in its product list and 일괄수정 downloads
)

// codeColumns hold codes a spreadsheet may have turned into numbers on a re-save.
var codeColumns = []string{colCode, colOptCode, colHS, colOrigin, ssProductNo}

// canonical trims a header cell, folds its line breaks and runs of spaces, drops the required-field star or
// a "(필수)"/"(선택)" tail and maps aliases.
func canonical(h string) string {
	h = strings.Join(strings.Fields(h), " ")
	h = strings.TrimSpace(strings.TrimPrefix(strings.TrimSuffix(h, "*"), "*"))
	for _, tail := range []string{"(필수)", "(선택)", "[필수]", "[선택]"} {
		h = strings.TrimSpace(strings.TrimSuffix(h, tail))
	}
	if a, ok := aliases[h]; ok {
		return a
	}
	return h
}

var knownHeaders = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range templateColumns {
		m[c] = true
	}
	for _, c := range []string{ssCategoryID, ssState, ssDetail, ssOptionNames, ssOptionVals, ssOptionStock, ssProductNo} {
		m[c] = true
	}
	return m
}()

// MaxRows is the most data rows one file may hold.
const MaxRows = 100000

// maxRows is MaxRows, lowered by tests.
var maxRows = MaxRows

// Problem is one thing wrong in a file, where the seller can find it.
type Problem struct {
	Sheet  string
	Row    int    // 1-based, as Excel numbers rows
	Column string // the column letter and header, e.g. "E (판매가)"
	Reason string // in Korean; Text gives it in the seller's language
	// msg is Reason as a sentence key with its values, when the reader that filed it wrote one (a pointer,
	// so a Problem stays comparable and usable as a map key)
	msg *apperr.Msg
}

// Text is the reason in the language t speaks: the sentence key with its values when the reader filed
// one, else Reason looked up as a key (a fixed sentence is found; a Korean sentence with the file's
// values in it comes back as it is).
func (p Problem) Text(t apperr.Translator) string {
	if p.msg != nil {
		return p.msg.Text(t)
	}
	return t(p.Reason, nil)
}

// problemAt is a Problem whose reason is the sentence m.
func problemAt(sheet string, row int, column string, m apperr.Msg) Problem {
	return Problem{Sheet: sheet, Row: row, Column: column, Reason: m.Text(apperr.Korean), msg: &m}
}

// Format says which kind of file was read.
type Format string

// The file kinds ReadProducts understands.
const (
	FormatTemplate   Format = "template"   // SellerDesk's template or 대량 수정 export
	FormatSmartStore Format = "smartstore" // Smart Store's 상품 일괄등록
)
