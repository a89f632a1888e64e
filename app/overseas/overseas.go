// Package overseas is 해외배송: destinations, the editable rate table (zone × weight band per service),
// quotes with delivery days, an order's shipment with its customs items, and the CN22/CN23 declaration.
package overseas

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"
	"unicode"

	"sellerdesk/app/apperr"
	"sellerdesk/app/doc"
	"sellerdesk/app/orders"
	"sellerdesk/app/txn"
	"sellerdesk/data"
)

// Service is a postal service for parcels abroad.
type Service string

const (
	EMS        Service = "EMS"
	EMSPremium Service = "EMS_PREMIUM"
	KPacket    Service = "K_PACKET"
)

// Services lists the services in the order the screen offers them.
var Services = []Service{EMS, EMSPremium, KPacket}

// Label is the service as Korea Post names it.
func (s Service) Label() string {
	switch s {
	case EMS:
		return "EMS"
	case EMSPremium:
		return "EMS 프리미엄"
	case KPacket:
		return "K-Packet"
	}
	return string(s)
}

// MaxGrams is the heaviest parcel the service takes: K-Packet 2 kg, EMS 30 kg.
func (s Service) MaxGrams() int {
	if s == KPacket {
		return 2000
	}
	return 30000
}

// extraDays is how much longer than EMS a service usually takes.
func (s Service) extraDays() (int, int) {
	if s == KPacket {
		return 3, 6
	}
	return 0, 0
}

// Categories are the customs form's kinds of shipment, with their Korean labels.
var Categories = []struct{ Code, Label string }{
	{"SALE", "판매 물품"}, {"GIFT", "선물"}, {"SAMPLE", "상업 견본"}, {"DOCUMENTS", "서류"}, {"RETURNED", "반송 물품"}, {"OTHER", "기타"},
}

// Shipper keeps overseas shipments.
type Shipper struct {
	store *data.Store
	log   *slog.Logger
	tx    txn.Writer
}

// New builds the overseas service.
func New(store *data.Store, log *slog.Logger) *Shipper {
	return &Shipper{store: store, log: log, tx: txn.Writer{Store: store, Log: log, Area: "해외배송",
		Fault: func(what string) apperr.Msg {
			return apperr.M("{{.What}} 저장하지 못했습니다. 아무것도 바꾸지 않았습니다.", "What", apperr.M(what))
		}}}
}

// Now is the time on the desk's clock (the store's); customs forms are dated by it.
func (s *Shipper) Now() time.Time { return s.store.Now() }

// invalidField is one field's problem as a sentence key and its values (see apperr.M).
func invalidField(field, key string, args ...any) error {
	return apperr.InvalidMsg(map[string]apperr.Msg{field: apperr.M(key, args...)}, nil)
}

// Countries lists the destinations.
func (s *Shipper) Countries(ctx context.Context) ([]Country, error) {
	cs, err := data.ShippingCountries(ctx, s.store.Read())
	if err != nil {
		return nil, fmt.Errorf("overseas: %w", err)
	}
	out := make([]Country, len(cs))
	for i, c := range cs {
		out[i] = Country(c)
	}
	return out, nil
}

func (s *Shipper) country(ctx context.Context, q data.Querier, code string) (Country, error) {
	cs, err := data.ShippingCountries(ctx, q)
	if err != nil {
		return Country{}, fmt.Errorf("overseas: %w", err)
	}
	for _, c := range cs {
		if c.Code == code {
			return Country(c), nil
		}
	}
	return Country{}, invalidField("country", "배송할 나라를 고르세요.")
}

// Country is a destination: its zone in the rate table and how many days EMS usually takes there.
type Country struct {
	Code, NameKo, NameEn string
	Zone                 int
	DaysMin, DaysMax     int
}

// Rate is the fee of one weight band of a service in one zone: parcels up to MaxGrams.
type Rate struct {
	Service  Service
	Zone     int
	MaxGrams int
	Fee      int64
}

// Shipment is an order's overseas shipment as the form edits it.
type Shipment struct {
	OrderID           int64
	Country, Service  string
	WeightGrams       int
	Fee               int64
	DaysMin, DaysMax  int
	Category          string // a code of Categories
	NameEn, AddressEn string
	City, State       string
	Postcode, Phone   string
	Email             string
	CustomsID         string // 개인통관고유부호
	TrackingNo        string
	Items             []CustomsItem
}

// CustomsItem is one line of the customs declaration.
type CustomsItem struct {
	Description string // in English
	HSCode      string
	Qty         int
	NetGrams    int
	ValueCents  int64 // US cents
	Origin      string
}

func shipmentOf(r data.ShipmentRecord) Shipment {
	sh := Shipment{OrderID: r.OrderID, Country: r.Country, Service: r.Service, WeightGrams: r.WeightGrams, Fee: r.Fee,
		DaysMin: r.DaysMin, DaysMax: r.DaysMax, Category: r.Category, NameEn: r.NameEn, AddressEn: r.AddressEn, City: r.City,
		State: r.State, Postcode: r.Postcode, Phone: r.Phone, Email: r.Email, CustomsID: r.CustomsID, TrackingNo: r.TrackingNo}
	for _, it := range r.Items {
		sh.Items = append(sh.Items, CustomsItem(it))
	}
	return sh
}

func (sh Shipment) record() data.ShipmentRecord {
	r := data.ShipmentRecord{OrderID: sh.OrderID, Country: sh.Country, Service: sh.Service, WeightGrams: sh.WeightGrams, Fee: sh.Fee,
		DaysMin: sh.DaysMin, DaysMax: sh.DaysMax, Category: sh.Category, NameEn: sh.NameEn, AddressEn: sh.AddressEn, City: sh.City,
		State: sh.State, Postcode: sh.Postcode, Phone: sh.Phone, Email: sh.Email, CustomsID: sh.CustomsID, TrackingNo: sh.TrackingNo}
	for _, it := range sh.Items {
		r.Items = append(r.Items, data.CustomsItemRecord(it))
	}
	return r
}

// joinMsgs puts several sentences one after another, each translated on its own.
func joinMsgs(ms []apperr.Msg) apperr.Msg {
	m := ms[len(ms)-1]
	for i := len(ms) - 2; i >= 0; i-- {
		m = apperr.M("{{.First}} {{.Rest}}", "First", ms[i], "Rest", m)
	}
	return m
}

// Quote is what a parcel costs and how long it usually takes.
type Quote struct {
	Fee              int64
	Zone             int
	BandGrams        int // the weight band the fee is for
	DaysMin, DaysMax int
}

// Quote prices a parcel from the rate table: the band its weight falls in, for the country's zone.
func (s *Shipper) Quote(ctx context.Context, country string, svc Service, grams int) (Quote, error) {
	return s.quote(ctx, s.store.Read(), country, svc, grams)
}

func (s *Shipper) quote(ctx context.Context, q data.Querier, country string, svc Service, grams int) (Quote, error) {
	c, err := s.country(ctx, q, country)
	if err != nil {
		return Quote{}, err
	}
	if grams <= 0 {
		return Quote{}, invalidField("weight", "무게를 g 단위로 입력하세요 (예: 850).")
	}
	if grams > svc.MaxGrams() {
		return Quote{}, invalidField("weight", "{{.Service}}는 {{.Max}} kg까지 보낼 수 있습니다 (지금 {{.Kg}} kg). EMS를 고르거나 나누어 보내세요.",
			"Service", apperr.M(svc.Label()), "Max", kg(svc.MaxGrams()), "Kg", kg(grams))
	}
	r, err := data.RateFor(ctx, q, string(svc), c.Zone, grams)
	if errors.Is(err, data.ErrNoRow) {
		return Quote{}, invalidField("weight", "요금표에 {{.Service}} {{.Zone}}지역 {{.Kg}} kg 요금이 없습니다. 요금표를 확인하세요.",
			"Service", apperr.M(svc.Label()), "Zone", c.Zone, "Kg", kg(grams))
	}
	if err != nil {
		return Quote{}, fmt.Errorf("overseas: %w", err)
	}
	dmin, dmax := svc.extraDays()
	return Quote{Fee: r.Fee, Zone: c.Zone, BandGrams: r.MaxGrams, DaysMin: c.DaysMin + dmin, DaysMax: c.DaysMax + dmax}, nil
}

// Rates lists a service's bands for a zone.
func (s *Shipper) Rates(ctx context.Context, svc Service, zone int) ([]Rate, error) {
	rs, err := data.ShippingRates(ctx, s.store.Read(), string(svc), zone)
	if err != nil {
		return nil, fmt.Errorf("overseas: %w", err)
	}
	out := make([]Rate, len(rs))
	for i, r := range rs {
		out[i] = Rate{Service: Service(r.Service), Zone: r.Zone, MaxGrams: r.MaxGrams, Fee: r.Fee}
	}
	return out, nil
}

// SaveRates changes fees of existing bands, all or none. A band the table does not have is refused, not
// added: the bands are Korea Post's.
func (s *Shipper) SaveRates(ctx context.Context, rates []Rate) error {
	for _, r := range rates {
		if r.Fee < 0 {
			return invalidField("fee", "{{.Kg}} kg까지 요금은 0원 이상이어야 합니다.", "Kg", kg(r.MaxGrams))
		}
	}
	return s.tx.Write(ctx, "요금표를", func(tx *data.Tx) error {
		for _, r := range rates {
			err := data.SetRateTx(ctx, tx, data.RateRecord{Service: string(r.Service), Zone: r.Zone, MaxGrams: r.MaxGrams, Fee: r.Fee})
			if errors.Is(err, data.ErrNoRow) {
				return invalidField("fee", "요금표에 {{.Service}} {{.Zone}}지역 {{.Kg}} kg 구간이 없습니다.",
					"Service", apperr.M(r.Service.Label()), "Zone", r.Zone, "Kg", kg(r.MaxGrams))
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// SetRates is SaveRates for records read from the store.
//
// Deprecated: use SaveRates; this stays only while app/services_cancel_test.go still calls it.
func (s *Shipper) SetRates(ctx context.Context, rates []data.RateRecord) error {
	out := make([]Rate, len(rates))
	for i, r := range rates {
		out[i] = Rate{Service: Service(r.Service), Zone: r.Zone, MaxGrams: r.MaxGrams, Fee: r.Fee}
	}
	return s.SaveRates(ctx, out)
}

// DefaultUSDRate is the won per US dollar used to prefill customs values; the seller edits the values.
const DefaultUSDRate = 1400

// Draft returns the order's shipment, or a new one prefilled from the order: the weight from the products'
// weights, one customs item per line with its HS code, origin and value in dollars.
func (s *Shipper) Draft(ctx context.Context, orderID int64) (Shipment, error) {
	db := s.store.Read()
	rec, err := data.ShipmentOf(ctx, db, orderID)
	if err == nil {
		return shipmentOf(rec), nil
	}
	if !errors.Is(err, data.ErrNoRow) {
		return Shipment{}, fmt.Errorf("overseas: %w", err)
	}
	o, err := data.OrderByID(ctx, db, orderID)
	if errors.Is(err, data.ErrNoRow) {
		return Shipment{}, apperr.New(apperr.ErrNotFound, "주문을 찾을 수 없습니다. 목록을 새로 고치세요.")
	}
	if err != nil {
		return Shipment{}, fmt.Errorf("overseas: %w", err)
	}
	lines, err := data.OrderLineWeights(ctx, db, orderID, orders.Live.Codes())
	if err != nil {
		return Shipment{}, fmt.Errorf("overseas: %w", err)
	}
	sh := Shipment{OrderID: orderID, Service: string(EMS), Category: "SALE", NameEn: latinOnly(o.RecipientName),
		Phone: o.RecipientPhone1, Postcode: o.Postcode}
	if o.Country != "KR" {
		sh.Country = o.Country
	}
	for _, l := range lines {
		grams := int(l.WeightGrams * l.Qty)
		if grams <= 0 {
			grams = 0
		}
		sh.WeightGrams += grams
		sh.Items = append(sh.Items, CustomsItem{Description: latinOnly(l.ProductName), HSCode: l.HSCode,
			Qty: int(l.Qty), NetGrams: grams, ValueCents: l.Amount * 100 / DefaultUSDRate, Origin: originCountry(l.OriginCode)})
	}
	if sh.WeightGrams > 0 {
		sh.WeightGrams += 100 // packing
	}
	return sh, nil
}

// Save checks and stores an order's shipment: the fee and delivery days come from the rate table unless
// feeOverride is set (a post office quote that differs).
func (s *Shipper) Save(ctx context.Context, sh Shipment, feeOverride *int64) (Shipment, error) {
	fields := map[string]apperr.Msg{}
	order := []string{"country", "service", "weight", "nameEn", "addressEn", "phone", "items", "fee"}
	sh.NameEn, sh.AddressEn, sh.City = strings.TrimSpace(sh.NameEn), strings.TrimSpace(sh.AddressEn), strings.TrimSpace(sh.City)
	if sh.NameEn == "" || !ascii(sh.NameEn) {
		fields["nameEn"] = apperr.M("받는 사람 이름을 영문으로 입력하세요 (예: Jane Smith).")
	}
	if sh.AddressEn == "" || !ascii(sh.AddressEn+sh.City+sh.State+sh.Postcode) {
		fields["addressEn"] = apperr.M("받는 주소(도시, 우편번호 포함)를 영문으로 입력하세요.")
	}
	if strings.TrimSpace(sh.Phone) == "" {
		fields["phone"] = apperr.M("받는 사람 전화번호를 국가번호와 함께 입력하세요 (예: +1 212-555-0100).")
	}
	if len(sh.Items) == 0 {
		fields["items"] = apperr.M("세관 신고 품목을 하나 이상 입력하세요.")
	}
	var itemProblems []apperr.Msg
	net := 0
	for i, it := range sh.Items {
		n := i + 1
		var p apperr.Msg
		switch {
		case strings.TrimSpace(it.Description) == "" || !ascii(it.Description):
			p = apperr.M("{{.N}}번 품목 설명을 영문으로 적으세요 (예: Cotton T-shirt).", "N", n)
		case it.Qty < 1:
			p = apperr.M("{{.N}}번 품목의 수량은 1 이상이어야 합니다.", "N", n)
		case it.NetGrams <= 0:
			p = apperr.M("{{.N}}번 품목의 순중량(g)을 입력하세요.", "N", n)
		case it.ValueCents < 0:
			p = apperr.M("{{.N}}번 품목의 가격은 0 이상이어야 합니다.", "N", n)
		case strings.TrimSpace(it.Origin) == "":
			p = apperr.M("{{.N}}번 품목의 원산지를 입력하세요 (예: KR).", "N", n)
		}
		if p.Key != "" {
			itemProblems = append(itemProblems, p)
		}
		net += it.NetGrams
	}
	if len(itemProblems) > 0 {
		fields["items"] = joinMsgs(itemProblems)
	}
	if sh.WeightGrams > 0 && net > sh.WeightGrams {
		fields["weight"] = apperr.M("총 무게 {{.Kg}} kg가 품목 순중량의 합 {{.Net}} kg보다 가볍습니다. 포장을 포함해 입력하세요.",
			"Kg", kg(sh.WeightGrams), "Net", kg(net))
	}
	svc := Service(sh.Service)
	known := false
	for _, x := range Services {
		known = known || x == svc
	}
	if !known {
		fields["service"] = apperr.M("배송 방법(EMS, EMS 프리미엄, K-Packet)을 고르세요.")
	}
	if feeOverride != nil && *feeOverride < 0 {
		fields["fee"] = apperr.M("배송비는 0원 이상이어야 합니다.")
	}
	if _, bad := fields["weight"]; known && !bad {
		q, err := s.quote(ctx, s.store.Read(), sh.Country, svc, sh.WeightGrams)
		var ae *apperr.Error
		switch {
		case errors.As(err, &ae) && len(ae.FieldMsgs) > 0:
			for k, v := range ae.FieldMsgs {
				fields[k] = v
			}
		case err != nil:
			return sh, err
		default:
			sh.Fee, sh.DaysMin, sh.DaysMax = q.Fee, q.DaysMin, q.DaysMax
		}
	}
	if len(fields) > 0 {
		return sh, apperr.InvalidMsg(fields, order)
	}
	if feeOverride != nil {
		sh.Fee = *feeOverride
	}
	err := s.tx.Write(ctx, "해외배송 정보를", func(tx *data.Tx) error { return data.SaveShipmentTx(ctx, tx, sh.record()) })
	return sh, err
}

// Declaration builds the CN22/CN23 content of an order's shipment: our store as sender (in English with its
// postcode, see Sender; refused until the seller wrote it), the addressee, items.
func (s *Shipper) Declaration(ctx context.Context, orderID int64) (doc.CustomsDoc, error) {
	db := s.store.Read()
	sh, err := data.ShipmentOf(ctx, db, orderID)
	if errors.Is(err, data.ErrNoRow) {
		return doc.CustomsDoc{}, apperr.New(apperr.ErrInvalid, "해외배송 정보를 먼저 저장하세요.")
	}
	if err != nil {
		return doc.CustomsDoc{}, fmt.Errorf("overseas: %w", err)
	}
	o, err := data.OrderByID(ctx, db, orderID)
	if err != nil {
		return doc.CustomsDoc{}, fmt.Errorf("overseas: %w", err)
	}
	snd, err := s.Sender(ctx)
	if err != nil {
		return doc.CustomsDoc{}, err
	}
	if bad := CheckSender(snd); len(bad) > 0 {
		return doc.CustomsDoc{}, apperr.New(apperr.ErrInvalid, "보내는 사람(우리 스토어)의 영문 이름, 주소, 도시, 우편번호, 전화를 해외배송 양식에 먼저 입력하세요.")
	}
	c, err := s.country(ctx, db, sh.Country)
	if err != nil {
		return doc.CustomsDoc{}, err
	}
	cat := map[string]doc.CustomsCategory{"GIFT": doc.CategoryGift, "DOCUMENTS": doc.CategoryDocuments, "SAMPLE": doc.CategoryCommercialSample,
		"RETURNED": doc.CategoryReturnedGoods, "SALE": doc.CategorySaleOfGoods, "OTHER": doc.CategoryOther}[sh.Category]
	d := doc.CustomsDoc{TrackingNumber: sh.TrackingNo, Reference: o.OrderNo, Category: cat, GrossWeightGrams: sh.WeightGrams,
		PostageWon: sh.Fee, Date: s.Now(),
		// the sender as the destination's post reads it; 개인통관고유부호 is Korea's import code and has no place
		// on a parcel leaving Korea
		Sender: doc.CustomsParty{Name: snd.Name, Company: snd.Company, Address: snd.Address, City: snd.City, Postcode: snd.Postcode,
			Country: "Republic of Korea", Phone: snd.Phone, Email: snd.Email},
		Addressee: doc.CustomsParty{Name: sh.NameEn, Address: sh.AddressEn, City: sh.City, State: sh.State, Postcode: sh.Postcode,
			Country: c.NameEn, Phone: sh.Phone, Email: sh.Email}}
	if cat == doc.CategoryOther {
		d.CategoryNote = "Other"
	}
	for _, it := range sh.Items {
		d.Items = append(d.Items, doc.CustomsItem{Description: it.Description, Quantity: it.Qty, NetWeightGrams: it.NetGrams,
			ValueCents: it.ValueCents, HSCode: it.HSCode, Origin: it.Origin})
	}
	return d, nil
}

// WriteDeclaration writes the CN22/CN23 PDF of an order's shipment.
func (s *Shipper) WriteDeclaration(ctx context.Context, orderID int64, w io.Writer) error {
	d, err := s.Declaration(ctx, orderID)
	if err != nil {
		return err
	}
	return doc.CustomsDeclaration(w, d)
}

// originCountry turns Smart Store's 원산지 code into a country for the form: 국산 00 → KR.
func originCountry(code string) string {
	switch strings.TrimSpace(code) {
	case "", "00":
		return "KR"
	case "0200037":
		return "CN"
	case "0200036":
		return "JP"
	case "0204000":
		return "US"
	}
	return code
}

func kg(grams int) string {
	s := strconv.FormatFloat(float64(grams)/1000, 'f', 3, 64)
	return strings.TrimRight(strings.TrimRight(s, "0"), ".")
}

func ascii(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII || (r < 32 && r != '\n') {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// latinOnly keeps text that is already in Latin letters (a name written in English) and drops Hangul, so a
// prefilled field never holds what the customs form refuses.
func latinOnly(s string) string {
	if ascii(s) {
		return strings.TrimSpace(s)
	}
	return ""
}
