// Package catalog is the seller's product catalog: categories, suppliers, products with their options
// (단독형 / 조합형), images, and the stock ledger in which every change of stock is a movement. The rules
// live here: a price must stay above zero, stock cannot go below zero unless backorder is allowed, a product
// whose options all reach zero turns 품절 by itself and comes back on restock.
package catalog

import (
	"strings"
	"time"
)

// Status is a product's sale status, stored as Smart Store's code.
type Status string

// The sale statuses.
const (
	StatusSale      Status = "SALE"       // 판매중
	StatusSuspended Status = "SUSPENSION" // 판매중지
	StatusSoldOut   Status = "OUTOFSTOCK" // 품절
)

// Statuses lists the statuses in the order the seller sees them.
var Statuses = []Status{StatusSale, StatusSuspended, StatusSoldOut}

// Label is the status in the seller's words.
func (s Status) Label() string {
	switch s {
	case StatusSale:
		return "판매중"
	case StatusSuspended:
		return "판매중지"
	case StatusSoldOut:
		return "품절"
	}
	return string(s)
}

// StatusFromLabel reads 판매중/판매중지/품절 (or the code itself); ok is false for anything else.
func StatusFromLabel(s string) (Status, bool) {
	s = strings.TrimSpace(s)
	for _, st := range Statuses {
		if s == st.Label() || strings.EqualFold(s, string(st)) {
			return st, true
		}
	}
	return "", false
}

// TaxType says whether VAT applies.
type TaxType string

// The tax types.
const (
	Taxable  TaxType = "TAX"      // 과세
	TaxFree  TaxType = "DUTYFREE" // 면세
	ZeroRate TaxType = "SMALL"    // 영세
)

// Label is the tax type in the seller's words.
func (t TaxType) Label() string {
	switch t {
	case TaxFree:
		return "면세"
	case ZeroRate:
		return "영세"
	}
	return "과세"
}

// OptionKind is how a product's options are organised.
type OptionKind string

// The option kinds.
const (
	OptionsNone        OptionKind = "NONE"        // 옵션 없음: one implicit option holds the stock
	OptionsSingle      OptionKind = "SINGLE"      // 단독형: one to three option names, each value sold on its own
	OptionsCombination OptionKind = "COMBINATION" // 조합형: up to three names, every combination of values
)

// Label is the option kind in the seller's words.
func (k OptionKind) Label() string {
	switch k {
	case OptionsSingle:
		return "단독형"
	case OptionsCombination:
		return "조합형"
	}
	return "옵션 없음"
}

// MaxOptionGroups is how many option names a combination product may have (Smart Store's limit).
const MaxOptionGroups = 3

// MaxNameLength is the longest 상품명, in characters.
const MaxNameLength = 100

// Category is a node of the category tree. ParentID is 0 for a top-level category.
type Category struct {
	ID       int64
	ParentID int64
	Name     string
	Path     string // "의류 > 상의 > 티셔츠", filled on reads
	Depth    int    // 0 for top level, filled on reads
}

// Supplier is a 공급업체 that purchase orders go to.
type Supplier struct {
	ID            int64
	Name          string
	ContactPerson string
	Phone         string
	Email         string
	Address       string
	LeadTimeDays  int
}

// OptionGroup is one option name with its values, e.g. 색상: 빨강, 파랑.
type OptionGroup struct {
	Name   string
	Values []string
}

// Option is one sellable combination with its own code, extra price and stock. A product without options
// has exactly one Option with no Values and an empty Code.
type Option struct {
	ID          int64
	Code        string   // 옵션관리코드, unique across the catalog when not empty
	Values      []string // one value per OptionGroup, in group order
	ExtraPrice  int64    // may be negative; Price + ExtraPrice must stay above 0
	Stock       int64    // always the sum of the option's movements
	SafetyStock int64
	Usable      bool
}

// Label is the option as the seller reads it: "빨강 / M", or "" for a product without options. A 단독형
// option of a product with several option names holds one value: its label is that value.
func (o Option) Label() string {
	if filled(o.Values) == len(o.Values) {
		return strings.Join(o.Values, " / ")
	}
	var vs []string
	for _, v := range o.Values {
		if strings.TrimSpace(v) != "" {
			vs = append(vs, v)
		}
	}
	return strings.Join(vs, " / ")
}

// LowStock reports whether the option is at or below its safety stock.
func (o Option) LowStock() bool { return o.Usable && o.Stock <= o.SafetyStock }

// Image is a product picture copied into the data folder, with a thumbnail for the list.
type Image struct {
	ID    int64
	File  string // path relative to the data folder, e.g. images/ab/abcdef….jpg
	Thumb string // path relative to the data folder of a small PNG/JPEG thumbnail
}

// Product is a catalog entry with everything the editor shows.
type Product struct {
	ID             int64
	Code           string // 판매자 상품코드, unique
	Name           string // 상품명, at most MaxNameLength characters
	CategoryID     int64  // 0: none
	SupplierID     int64  // 0: none
	Price          int64  // 판매가 in won, > 0
	Cost           int64  // 원가 in won, >= 0
	Status         Status
	StatusAuto     bool // Status 품절 was set automatically when stock ran out
	Detail         string
	WeightGrams    int64
	HSCode         string
	OriginCode     string // 원산지 코드 as text: 국산 "00", 중국 "0200037" …
	TaxType        TaxType
	AllowBackorder bool
	OptionKind     OptionKind
	OptionGroups   []OptionGroup
	Options        []Option
	Images         []Image
	SoldQty        int64 // 판매량, derived from orders (0 until orders exist)
	Archived       bool
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// TotalStock is the sum of the usable options' stock.
func (p Product) TotalStock() int64 {
	var n int64
	for _, o := range p.Options {
		if o.Usable {
			n += o.Stock
		}
	}
	return n
}

// ProductRow is one line of the product list: only what the table shows.
type ProductRow struct {
	ID           int64
	Code         string
	Name         string
	CategoryPath string
	Price        int64
	TotalStock   int64
	Status       Status
	Thumb        string // relative to the data folder; "" when the product has no image
	LowStock     bool   // some usable option is at or below its safety stock
	OptionCount  int
	Archived     bool
}

// SortKey names a product list column to sort by.
type SortKey string

// The sortable columns.
const (
	SortCreated  SortKey = "created" // 등록순: the list's default, newest first; an edit never moves a row
	SortUpdated  SortKey = "updated" // 최근 수정순, chosen explicitly
	SortCode     SortKey = "code"
	SortName     SortKey = "name"
	SortCategory SortKey = "category"
	SortPrice    SortKey = "price"
	SortStock    SortKey = "stock"
	SortStatus   SortKey = "status"
)

// ListFilter narrows and orders the product list. Zero values mean "no filter".
type ListFilter struct {
	Query      string // a part of the name (Hangul partial match) or of the 판매자 상품코드 / 옵션관리코드
	CategoryID int64  // this category and everything below it
	Status     Status
	LowStock   bool    // only products with an option at or below safety stock (재고부족)
	Archived   bool    // the archive instead of the live catalog
	IDs        []int64 // only these products (selected rows)
	Sort       SortKey
	Desc       bool
	Offset     int
	Limit      int // 0: no limit
}

// Reason is why stock moved.
type Reason string

// The reasons for a stock movement.
const (
	ReasonReceive Reason = "RECEIVE" // 입고
	ReasonSale    Reason = "SALE"    // 판매
	ReasonReturn  Reason = "RETURN"  // 반품
	ReasonAdjust  Reason = "ADJUST"  // 조정
	ReasonBulk    Reason = "BULK"    // 일괄수정
)

// Reasons lists the reasons in the order the seller sees them.
var Reasons = []Reason{ReasonReceive, ReasonSale, ReasonReturn, ReasonAdjust, ReasonBulk}

// Label is the reason in the seller's words.
func (r Reason) Label() string {
	switch r {
	case ReasonReceive:
		return "입고"
	case ReasonSale:
		return "판매"
	case ReasonReturn:
		return "반품"
	case ReasonAdjust:
		return "조정"
	case ReasonBulk:
		return "일괄수정"
	}
	return string(r)
}

// Movement is one change of an option's stock (재고 이력).
type Movement struct {
	ID         int64
	OptionID   int64
	ProductID  int64
	Delta      int64
	StockAfter int64
	Reason     Reason
	Note       string
	SourceRef  string // what caused it: an order line, a PO, an import file …
	At         time.Time
}

// Change is one field that a bulk edit (대량 수정) changes, for the seller to confirm: field: old → new.
type Change struct {
	ProductCode string
	OptionCode  string // "" for product-level fields
	OptionLabel string
	Field       string // the seller's word for the field: 상품명, 판매가, 상태, 재고 …
	Old, New    string
}

// ImportResult counts what an import wrote.
type ImportResult struct {
	Created int
	Updated int
	Options int
	Skipped int
}
