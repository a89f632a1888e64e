package overseas

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sellerdesk/app/orders"
	"sellerdesk/data"
)

// demoAddressees are overseas customers of the demo store.
var demoAddressees = []struct {
	country, name, address, city, state, postcode, phone string
}{
	{"US", "Emily Carter", "1208 Maple Ave Apt 3B", "Brooklyn", "NY", "11215", "+1 718-555-0134"},
	{"JP", "Yuki Tanaka", "2-14-6 Jingumae", "Shibuya-ku", "Tokyo", "150-0001", "+81 90-1234-5678"},
	{"AU", "Liam Nguyen", "44 Bourke St", "Melbourne", "VIC", "3000", "+61 412 555 019"},
	{"SG", "Tan Wei Ling", "10 Tampines Central 1 #05-12", "Singapore", "", "529536", "+65 9123 4567"},
	{"CA", "Sophie Tremblay", "3510 Rue Saint-Denis", "Montreal", "QC", "H2X 3L3", "+1 514-555-0199"},
	{"DE", "Jonas Weber", "Kastanienallee 42", "Berlin", "", "10435", "+49 30 5555 0101"},
}

// FillDemo turns a few of the demo's recent orders into overseas ones, with EMS or K-Packet by weight and
// English customs items, inside the demo's transaction.
func FillDemo(ctx context.Context, tx *data.Tx, rng *rand.Rand) error {
	ids, err := data.RecentOrderIDs(ctx, tx, 200)
	if err != nil {
		return err
	}
	s := &Shipper{}
	for i, a := range demoAddressees {
		if len(ids) == 0 {
			break
		}
		k := rng.IntN(len(ids))
		orderID := ids[k]
		ids = append(ids[:k], ids[k+1:]...)
		lines, err := data.OrderLineWeights(ctx, tx, orderID, orders.Live.Codes())
		if err != nil {
			return err
		}
		sh := data.ShipmentRecord{OrderID: orderID, Country: a.country, Category: "SALE", NameEn: a.name, AddressEn: a.address,
			City: a.city, State: a.state, Postcode: a.postcode, Phone: a.phone, TrackingNo: fmt.Sprintf("EE%09dKR", 100000000+rng.IntN(899999999))}
		for _, l := range lines {
			grams := int(l.WeightGrams * l.Qty)
			if grams <= 0 {
				grams = 300 * int(l.Qty)
			}
			sh.WeightGrams += grams
			sh.Items = append(sh.Items, data.CustomsItemRecord{Description: "Apparel and accessories", HSCode: l.HSCode, Qty: int(l.Qty),
				NetGrams: grams, ValueCents: l.Amount * 100 / DefaultUSDRate, Origin: originCountry(l.OriginCode)})
		}
		if len(sh.Items) == 0 {
			continue
		}
		sh.WeightGrams += 150
		sh.Service = string(EMS)
		if sh.WeightGrams <= KPacket.MaxGrams() && i%2 == 1 {
			sh.Service = string(KPacket)
		}
		q, err := s.quote(ctx, tx, sh.Country, Service(sh.Service), sh.WeightGrams)
		if err != nil {
			return err
		}
		sh.Fee, sh.DaysMin, sh.DaysMax = q.Fee, q.DaysMin, q.DaysMax
		if err := data.SaveShipmentTx(ctx, tx, sh); err != nil {
			return err
		}
		// the order ships to the addressee's foreign address
		if err := data.SetOrderDestinationTx(ctx, tx, orderID, a.address+", "+a.city+" "+a.state, a.postcode, a.phone); err != nil {
			return err
		}
	}
	return nil
}
