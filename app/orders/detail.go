package orders

import "time"

// Order is an order as the seller reads it in the detail: the checkout's buyer, recipient, address,
// payment and shipping fee. Its fields are the store's order record's, copied by a conversion in Detail, so a
// field added to the store is a compile error here until the service decides whether the screens see it.
type Order struct {
	ID                                              int64
	OrderNo                                         string
	Source                                          string // SMARTSTORE or MANUAL
	OrderedAt, PaidAt                               time.Time
	BuyerName, BuyerID, BuyerPhone                  string
	RecipientName, RecipientPhone1, RecipientPhone2 string
	Postcode, Address, AddressDetail                string
	DeliveryMessage                                 string
	PaymentMethod, Channel                          string
	ShippingFee, ShippingFeeExtra                   int64
	ShippingDiscount                                int64
	Country, CustomsID                              string
	CreatedAt, UpdatedAt                            time.Time
}

// OrderLine is one 상품주문번호 of an order in the detail, copied from the store's record like Order.
type OrderLine struct {
	ID, OrderID                     int64
	ProductOrderNo                  string
	ProductCode, OptionCode         string
	OptionID                        int64 // 0 while the line is not matched to an option
	ProductName, OptionInfo         string
	ProductRef                      int64 // the store's id of ProductName + OptionInfo
	Qty, UnitPrice, OptionPrice     int64
	Discount, Amount                int64
	Status, Placing                 string
	Courier, TrackingNo             string
	ShippedAt                       time.Time
	CancelReason                    string
	StockTaken                      bool
	OrderedAt, CreatedAt, UpdatedAt time.Time
	PaymentMethod, Channel          string // copied from the order
	Overseas                        bool
	// Claim is Smart Store's claim code ('' for none: see Claim), ClaimReason its reason, ClaimAt its day.
	Claim, ClaimReason string
	ClaimAt            time.Time
	StateAt            time.Time // the newest file date behind the status and claim
}

// StatusChange is one move of a line's status in its history: from, to, why, by what, when.
type StatusChange struct {
	ID, LineID   int64
	From, To     string
	Note, Source string
	At           time.Time
}
