package overseas

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"sellerdesk/app/apperr"
	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/app/orders"
	"sellerdesk/data"
)

type desk struct {
	ship   *Shipper
	orders *orders.Service
	store  *data.Store
	order  int64
}

// openDesk: a scarf (180 g, HS 6117.10, made here) and a mug (350 g, made in China); a manual order of two
// scarves and a mug.
func openDesk(t *testing.T) desk {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	c := clock.At(time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local))
	store, err := data.Open(ctx, filepath.Join(dir, "s.db"), data.WithClock(c.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	cat := catalog.New(store, dir, log)
	var ids []int64
	for _, p := range []catalog.Product{
		{Code: "SCARF", Name: "울 니트 머플러", Price: 28000, WeightGrams: 180, HSCode: "6117.10", OriginCode: "00"},
		{Code: "MUG", Name: "머그컵", Price: 14000, WeightGrams: 350, HSCode: "6912.00", OriginCode: "0200037"},
	} {
		p.Status, p.TaxType, p.OptionKind = catalog.StatusSale, catalog.Taxable, catalog.OptionsNone
		p.Options = []catalog.Option{{Usable: true, Stock: 10}}
		saved, err := cat.SaveProduct(ctx, p, "test")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, saved.Options[0].ID)
	}
	err = store.Write(ctx, func(tx *data.Tx) error {
		return data.SaveProfileTx(ctx, tx, data.StoreProfile{Name: "Haru Studio", Address: "396 World Cup-buk-ro, Mapo-gu, Seoul 03925",
			Phone: "+82 2-332-1234", Email: "hello@haru.kr"})
	})
	if err != nil {
		t.Fatal(err)
	}
	ord := orders.New(store, log)
	no, err := ord.CreateManual(ctx, orders.ManualOrder{BuyerName: "Jane Smith", BuyerPhone: "010-1234-5678", PaymentMethod: "PayPal",
		Channel: "Instagram", Paid: true, Lines: []orders.ManualLine{{OptionID: ids[0], Qty: 2}, {OptionID: ids[1], Qty: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	o, err := data.OrderByNo(ctx, store.Read(), no)
	if err != nil {
		t.Fatal(err)
	}
	return desk{ship: New(store, log), orders: ord, store: store, order: o.ID}
}

func TestQuote(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	for _, c := range []struct {
		country string
		svc     Service
		grams   int
		fee     int64
		days    string
		err     string
	}{
		{"US", EMS, 500, 34000, "5-8", ""},
		{"US", EMS, 501, 39700, "5-8", ""}, // the next 0.5 kg band
		{"JP", EMS, 1200, 25500, "2-3", ""},
		{"JP", KPacket, 250, 5700, "5-9", ""}, // 100 g bands, slower
		{"JP", KPacket, 2001, 0, "", "2 kg까지"},
		{"US", EMS, 30001, 0, "", "30 kg까지"},
		{"US", EMSPremium, 500, 40800, "5-8", ""},
		{"ZZ", EMS, 500, 0, "", "나라를 고르세요"},
		{"US", EMS, 0, 0, "", "무게"},
	} {
		q, err := d.ship.Quote(ctx, c.country, c.svc, c.grams)
		if c.err != "" {
			if err == nil || !strings.Contains(apperr.Message(err), c.err) {
				t.Errorf("%s %s %dg: err %v, want %q", c.country, c.svc, c.grams, err, c.err)
			}
			continue
		}
		if err != nil || q.Fee != c.fee || strconv.Itoa(q.DaysMin)+"-"+strconv.Itoa(q.DaysMax) != c.days {
			t.Errorf("%s %s %dg: %+v %v, want %d won, %s days", c.country, c.svc, c.grams, q, err, c.fee, c.days)
		}
	}
	// the seller edits the table; quotes follow
	rates, _ := d.ship.Rates(ctx, EMS, 4)
	rates[0].Fee = 36000
	if err := d.ship.SaveRates(ctx, rates[:1]); err != nil {
		t.Fatal(err)
	}
	if q, _ := d.ship.Quote(ctx, "US", EMS, 400); q.Fee != 36000 {
		t.Errorf("after editing the table: %d", q.Fee)
	}
	rates[0].Fee = -1
	if err := d.ship.SaveRates(ctx, rates[:1]); apperr.ErrorCode(err) != apperr.ErrInvalid {
		t.Errorf("negative fee: %v", err)
	}
}

func TestShipmentDraftSaveAndDeclaration(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	sh, err := d.ship.Draft(ctx, d.order)
	if err != nil {
		t.Fatal(err)
	}
	if sh.WeightGrams != 2*180+350+100 || len(sh.Items) != 2 || sh.NameEn != "Jane Smith" {
		t.Fatalf("draft = %+v", sh)
	}
	if it := sh.Items[0]; it.HSCode != "6117.10" || it.Origin != "KR" || it.NetGrams != 360 || it.ValueCents != 56000*100/1400 || it.Description != "" {
		t.Errorf("scarf item = %+v (Korean names are not prefilled: customs wants English)", it)
	}
	if sh.Items[1].Origin != "CN" {
		t.Errorf("mug origin = %s", sh.Items[1].Origin)
	}
	// saving without English descriptions or an address names each field
	_, err = d.ship.Save(ctx, sh, nil)
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Fields["country"] == "" || ae.Fields["addressEn"] == "" || !strings.Contains(ae.Fields["items"], "1번 품목 설명") {
		t.Fatalf("incomplete shipment: %v %+v", err, ae)
	}
	sh.Country, sh.AddressEn, sh.City, sh.State, sh.Postcode, sh.Phone = "US", "55 Main St Apt 4", "Springfield", "IL", "62701", "+1 217-555-0100"
	sh.Items[0].Description, sh.Items[1].Description = "Wool knit scarf", "Ceramic mug"
	sh.Service = string(KPacket)
	saved, err := d.ship.Save(ctx, sh, nil)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Fee != 8500+1500*8 || saved.DaysMin != 8 || saved.DaysMax != 14 {
		t.Errorf("K-Packet 810 g to the US = %d won, %d-%d days", saved.Fee, saved.DaysMin, saved.DaysMax)
	}
	over := int64(20000)
	saved, err = d.ship.Save(ctx, sh, &over)
	if err != nil || saved.Fee != 20000 {
		t.Errorf("fee override: %d %v", saved.Fee, err)
	}
	// the order is now overseas in the lookup
	got, _ := d.orders.Find(ctx, orders.Query{Scope: orders.ScopeOverseas})
	if len(got) != 2 || !got[0].Overseas {
		t.Errorf("overseas lines = %+v", got)
	}
	again, _ := d.ship.Draft(ctx, d.order)
	if again.AddressEn != "55 Main St Apt 4" || len(again.Items) != 2 || again.Items[1].Description != "Ceramic mug" {
		t.Errorf("reopened shipment = %+v", again)
	}
	var buf bytes.Buffer
	// the profile is in the seller's words: until the sender is written in English with its postcode, no
	// declaration is made
	if err := d.ship.WriteDeclaration(ctx, d.order, &buf); apperr.ErrorCode(err) != apperr.ErrInvalid ||
		!strings.Contains(apperr.Message(err), "우편번호") {
		t.Fatalf("declaration without an English sender: %v", err)
	}
	if _, err := d.ship.SaveSender(ctx, Sender{Name: "Haru Studio", Address: "396 World Cup-buk-ro, Mapo-gu", City: "Seoul",
		Postcode: "03925", Phone: "+82 2-332-1234"}); err != nil {
		t.Fatal(err)
	}
	if err := d.ship.WriteDeclaration(ctx, d.order, &buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Error("not a PDF")
	}
	decl, _ := d.ship.Declaration(ctx, d.order)
	if decl.Addressee.Country != "United States" || decl.PostageWon != 20000 || decl.GrossWeightGrams != 810 || len(decl.Items) != 2 {
		t.Errorf("declaration = %+v", decl)
	}
	if decl.Sender.Postcode != "03925" || decl.Sender.City != "Seoul" || decl.ImporterCode != "" {
		t.Errorf("sender %+v, importer's code %q: want the English sender with its postcode and no Korean import code",
			decl.Sender, decl.ImporterCode)
	}
}

// The sender starts from the profile's Latin parts and Korea's country code, and is refused at each field
// that is missing or in Hangul.
func TestSender(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	snd, err := d.ship.Sender(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if snd.Name != "Haru Studio" || snd.Phone != "+82 2-332-1234" || snd.Address != "" || snd.Complete() {
		t.Errorf("sender from the profile = %+v", snd)
	}
	if got := InternationalKR("010-1234-5678"); got != "+82 10-1234-5678" {
		t.Errorf("InternationalKR = %q", got)
	}
	_, err = d.ship.SaveSender(ctx, Sender{Name: "하루", Address: "서울 마포구", City: "Seoul", Postcode: "0392", Phone: "+82 2-332-1234"})
	for _, f := range []string{"senderName", "senderAddress", "senderPostcode"} {
		if apperr.FieldText(err, f, apperr.Korean) == "" {
			t.Errorf("no message for %s: %v", f, err)
		}
	}
	if apperr.FieldText(err, "senderCity", apperr.Korean) != "" {
		t.Errorf("a city in English refused: %v", err)
	}
	saved, err := d.ship.SaveSender(ctx, Sender{Name: " Haru Studio ", Address: "396 World Cup-buk-ro", City: "Seoul", Postcode: "039-25", Phone: "+82 2-332-1234"})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := d.ship.Sender(ctx); got != saved || got.Name != "Haru Studio" {
		t.Errorf("stored sender %+v, want %+v", got, saved)
	}
}

// A shipment the store failed to read is a fault, neither "not found" nor a problem with the weight; an
// order that does not exist is not found.
func TestStoreFailureIsNotNotFound(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	if _, err := d.ship.Draft(ctx, 9999); apperr.ErrorCode(err) != apperr.ErrNotFound {
		t.Fatalf("missing order: %v (code %s), want not found", err, apperr.ErrorCode(err))
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	d.store.Close()
	for name, c := range map[string]context.Context{"cancelled": cancelled, "closed": ctx} {
		if _, err := d.ship.Draft(c, d.order); err == nil || apperr.ErrorCode(err) != apperr.ErrInternal {
			t.Errorf("Draft, %s: %v (code %s), want a fault", name, err, apperr.ErrorCode(err))
		}
		if _, err := d.ship.Quote(c, "US", EMS, 500); err == nil || apperr.ErrorCode(err) != apperr.ErrInternal {
			t.Errorf("Quote, %s: %v (code %s), want a fault", name, err, apperr.ErrorCode(err))
		}
		if _, err := d.ship.Declaration(c, d.order); err == nil || apperr.ErrorCode(err) != apperr.ErrInternal {
			t.Errorf("Declaration, %s: %v (code %s), want a fault", name, err, apperr.ErrorCode(err))
		}
	}
}

// Save's field messages carry their values and translate whole: several wrong items each say which.
func TestSaveFieldMessagesTranslate(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	sh, err := d.ship.Draft(ctx, d.order)
	if err != nil {
		t.Fatal(err)
	}
	sh.Country, sh.AddressEn, sh.City, sh.Postcode, sh.Phone = "US", "55 Main St", "Springfield", "62701", "+1 217-555-0100"
	sh.Items[0].Description, sh.Items[1].Description = "", ""
	_, err = d.ship.Save(ctx, sh, nil)
	if got, want := apperr.FieldText(err, "items", apperr.Korean), "1번 품목 설명을 영문으로 적으세요 (예: Cotton T-shirt). 2번 품목 설명을 영문으로 적으세요 (예: Cotton T-shirt)."; got != want {
		t.Errorf("items = %q, want %q", got, want)
	}
	en := func(key string, args map[string]any) string {
		if key == "{{.N}}번 품목 설명을 영문으로 적으세요 (예: Cotton T-shirt)." {
			key = "Describe item {{.N}} in English."
		}
		return apperr.Render(key, args)
	}
	if got, want := apperr.FieldText(err, "items", en), "Describe item 1 in English. Describe item 2 in English."; got != want {
		t.Errorf("items in English = %q, want %q", got, want)
	}
}
