package customers

import (
	"context"
	"fmt"
	"testing"

	"sellerdesk/app/mail"
	"sellerdesk/data"
)

// BenchmarkCampaignPrepare10k: composing an ad for 10,000 consenting recipients, from the lawful-basis
// check to every message built (MIME, merge fields) and stored in the outbox.
func BenchmarkCampaignPrepare10k(b *testing.B) {
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, _ := openStoreTB(b)
		svc := New(st, discard(), mail.NewSecrets())
		err := st.Write(ctx, func(tx *data.Tx) error {
			if err := data.SaveProfileTx(ctx, tx, data.StoreProfile{Name: "한글상점", Phone: "02-123-4567"}); err != nil {
				return err
			}
			if err := data.SaveMailAccountTx(ctx, tx, data.MailAccount{Address: "shop@example.kr", DisplayName: "한글상점",
				SMTPHost: "127.0.0.1", SMTPPort: 25, SMTPSecurity: "NONE", IMAPHost: "127.0.0.1", IMAPPort: 143, IMAPSecurity: "NONE",
				SentFolder: "Sent", PerMinute: 10, PerDay: 100}); err != nil {
				return err
			}
			for n := 0; n < 10000; n++ {
				id, err := data.AddCustomerTx(ctx, tx, data.NewCustomer{Name: fmt.Sprintf("고객%05d", n), Email: fmt.Sprintf("c%05d@example.kr", n)})
				if err != nil {
					return err
				}
				if _, err := data.AddConsentTx(ctx, tx, data.ConsentRecord{CustomerID: id, Granted: true, At: tx.Now(), Method: "매장 서면"}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		d := Draft{Kind: KindAd, Subject: "{{고객명}}님, 겨울 세일", Body: "{{고객명}}님 안녕하세요.\n누적 {{누적 구매액}}\n쿠폰 {{쿠폰코드}}",
			Coupon: "WINTER", Recipients: Query{HasEmail: true}}
		b.StartTimer()
		rep, err := svc.Send(ctx, d, nil)
		b.StopTimer()
		if err != nil || rep.Queued != 10000 {
			b.Fatalf("%+v %v", rep, err)
		}
		st.Close()
	}
}
