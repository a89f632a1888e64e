package sheet

import "time"

// OrderRow is one line of a Smart Store order export (주문통합검색 / 발주발송관리 → 엑셀다운), read as written:
// status words stay words (the orders package knows what they mean), amounts and times are parsed.
type OrderRow struct {
	Sheet                               string
	Row                                 int // the row number in the sheet (1-based, as Excel numbers rows)
	ProductOrderNo, OrderNo             string
	StatusWord, DetailWord              string
	Courier, TrackingNo, DeliveryMethod string
	ShippedAt, PaidAt, OrderedAt        time.Time
	Channel                             string
	BuyerName, BuyerID, BuyerPhone      string
	RecipientName                       string
	RecipientPhone1, RecipientPhone2    string
	Postcode, Address, AddressDetail    string
	// FullAddress is 통합배송지 (or an old 배송지) when the file also carries it: base and detail in one text
	FullAddress                    string
	DeliveryMessage, PaymentMethod string
	ProductName, OptionInfo        string
	ProductCode, OptionCode        string
	// ProductNo is Smart Store's own 상품번호: not stored, only a way to find a product registered from Smart
	// Store's file without a 판매자 상품코드 (its code was made from this number)
	ProductNo                     string
	Qty, UnitPrice, OptionPrice   int64
	Discount, Amount              int64
	ShippingFee, ShippingFeeExtra int64
	ShippingDiscount              int64
	CustomsID                     string
	Claim                         string    // 클레임상태 as written (취소요청, 반품완료, 교환철회 …)
	ClaimReason                   string    // 클레임 사유 / 취소·반품·교환 사유 as written
	ClaimAt                       time.Time // 클레임 요청일 (or a 취소·반품·교환 요청일)
	DeliveredAt, DecidedAt        time.Time // 배송완료일, 구매확정일
	DispatchedAt                  time.Time // 발송처리일 when the file has it besides 발송일
	// Carries says which fields the file has a column for: a field whose column the file lacks says nothing
	// about the order and must not overwrite what the store holds. Zero means every field (a row made in code).
	Carries Field
}

// Field is one optional field of an order row, as a bit of OrderRow.Carries.
type Field uint64

// The optional fields a file may or may not carry. 상품주문번호, 주문번호, 상품명 and 수량 are always there.
const (
	FieldStatus Field = 1 << iota
	FieldDetail
	FieldClaim
	FieldClaimReason
	FieldCourier
	FieldTracking
	FieldShipped
	FieldChannel
	FieldBuyerName
	FieldBuyerID
	FieldBuyerPhone
	FieldRecipient
	FieldPhone1
	FieldPhone2
	FieldPostcode
	FieldAddress // 기본배송지, or 통합배송지 alone
	FieldAddressDetail
	FieldMessage
	FieldPayment
	FieldPaid
	FieldOrdered // 주문일시 itself: 결제일 never stands in for it
	FieldOption
	FieldOptionCode
	FieldProductCode
	FieldUnitPrice
	FieldOptionPrice
	FieldDiscount
	FieldAmount
	FieldShipFee
	FieldShipExtra
	FieldShipDiscount
	FieldCustoms
)

// Has reports whether the row's file carries the field's column (always, for a row made in code).
func (r OrderRow) Has(f Field) bool { return r.Carries == 0 || r.Carries&f == f }

// fieldOfColumn is the field each column key fills.
var fieldOfColumn = map[string]Field{
	"status": FieldStatus, "detail": FieldDetail, "claim": FieldClaim, "claimReason": FieldClaimReason,
	"courier": FieldCourier, "tracking": FieldTracking, "shipped": FieldShipped, "dispatched": FieldShipped,
	"channel": FieldChannel, "buyer": FieldBuyerName, "buyerID": FieldBuyerID, "buyerPhone": FieldBuyerPhone,
	"recipient": FieldRecipient, "phone1": FieldPhone1, "phone2": FieldPhone2, "postcode": FieldPostcode,
	"baseAddress": FieldAddress, "detailAddress": FieldAddressDetail, "message": FieldMessage,
	"payment": FieldPayment, "paid": FieldPaid, "ordered": FieldOrdered, "option": FieldOption,
	"optionCode": FieldOptionCode, "productCode": FieldProductCode, "unitPrice": FieldUnitPrice,
	"optionPrice": FieldOptionPrice, "discount": FieldDiscount, "amount": FieldAmount, "shipFee": FieldShipFee,
	"shipExtra": FieldShipExtra, "shipDiscount": FieldShipDiscount, "customs": FieldCustoms,
}

// OrderFile is an order export: its good rows, and a problem for each row that could not be read.
type OrderFile struct {
	Sheet    string
	Rows     []OrderRow
	Problems []Problem
	Total    int // data rows seen, good and bad
	// Carries is what every row of the file carries (see OrderRow.Carries).
	Carries Field
	// NoPrices is set when the layout has no price column at all (neither 상품가격 nor a 총 주문금액): the
	// lines' amounts are unknown, not 0, and the importer keeps what it knew.
	NoPrices bool
}

// Order export columns. Each field lists its header names, newest first; a header matches when the trimmed
// cell equals one of them exactly (the notice row above the header mentions these words in sentences).
const (
	ocProductOrderNo = "상품주문번호"
	ocOrderNo        = "주문번호"
)

var orderColumns = []struct {
	key   string
	names []string
}{
	{ocProductOrderNo, []string{"상품주문번호"}},
	{ocOrderNo, []string{"주문번호"}},
	{"status", []string{"주문상태"}},
	{"detail", []string{"주문세부상태"}},
	{"claim", []string{"클레임상태", "클레임 상태"}},
	{"claimReason", []string{"클레임 사유", "클레임사유", "취소 사유", "취소사유", "반품 사유", "반품사유", "교환 사유", "교환사유"}},
	{"claimAt", []string{"클레임 요청일", "클레임요청일", "취소 요청일", "취소요청일", "반품 요청일", "반품요청일", "교환 요청일", "교환요청일"}},
	{"courier", []string{"택배사"}},
	{"tracking", []string{"송장번호", "운송장번호"}},
	{"method", []string{"배송방법"}},
	{"shipped", []string{"발송일"}},
	{"dispatched", []string{"발송처리일"}},
	{"delivered", []string{"배송완료일"}},
	{"decided", []string{"구매확정일"}},
	{"channel", []string{"판매채널", "유입경로"}},
	{"buyer", []string{"구매자명"}},
	{"buyerID", []string{"구매자ID", "구매자 ID", "구매자아이디"}},
	{"buyerPhone", []string{"구매자연락처", "(구매자연락처)", "구매자 연락처"}},
	{"recipient", []string{"수취인명", "수령인명", "수취인", "수령인"}},
	{"phone1", []string{"수취인연락처1", "(수취인연락처1)", "수령인연락처1", "수취인 연락처1", "수취인연락처"}},
	{"phone2", []string{"수취인연락처2", "(수취인연락처2)", "수령인연락처2", "수취인 연락처2"}},
	{"fullAddress", []string{"통합배송지", "배송지"}},
	{"baseAddress", []string{"기본배송지", "(기본주소)", "기본주소"}},
	{"detailAddress", []string{"상세배송지", "(상세주소)", "상세주소"}},
	{"postcode", []string{"우편번호", "(우편번호)"}},
	{"message", []string{"배송메세지", "배송메시지"}},
	{"payment", []string{"결제수단"}},
	{"paid", []string{"결제일", "결제일시"}},
	{"ordered", []string{"주문일시"}},
	{"product", []string{"상품명"}},
	{"option", []string{"옵션정보"}},
	{"optionCode", []string{"옵션관리코드"}},
	{"productCode", []string{"판매자 상품코드", "판매자상품코드"}},
	{"productNo", []string{"상품번호"}},
	{"qty", []string{"수량", "수량(구입수량)", "구매수량"}},
	{"unitPrice", []string{"상품가격"}},
	{"optionPrice", []string{"옵션가격"}},
	{"discount", []string{"최종 상품별 할인액", "상품별 할인액"}},
	{"amount", []string{"최종 상품별 총 주문금액", "상품별 총 주문금액"}},
	{"shipFee", []string{"배송비 합계"}},
	{"shipExtra", []string{"제주/도서 추가배송비"}},
	{"shipDiscount", []string{"배송비 할인액"}},
	{"customs", []string{"개인통관고유부호"}},
}

// orderRequired are the columns without which a line cannot be kept, with the header the message names.
var orderRequired = []struct{ key, name string }{
	{ocProductOrderNo, "상품주문번호"}, {ocOrderNo, "주문번호"}, {"product", "상품명"}, {"qty", "수량"},
}

var orderHeaderNames = func() map[string]string {
	m := map[string]string{}
	for _, c := range orderColumns {
		for _, n := range c.names {
			m[n] = c.key
		}
	}
	return m
}()
