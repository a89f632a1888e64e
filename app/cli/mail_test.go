package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"sellerdesk/app/customers"
	"sellerdesk/app/mail"
)

// TestMailSendQueueWithoutPassword: with no password in the keyring, `mail send-queue` exits 1 with a
// Korean sentence that says why, and the queued mail stays queued.
func TestMailSendQueueWithoutPassword(t *testing.T) {
	keyring.MockInit()
	db := filepath.Join(t.TempDir(), "m.db")
	d := openDesk(t, db)
	ctx := context.Background()
	svc := d.Customers()
	if _, err := svc.SaveAccount(ctx, mail.Account{Address: "shop@example.kr", SMTPHost: "127.0.0.1", SMTPPort: 1, SMTPSecurity: mail.None,
		IMAPHost: "127.0.0.1", IMAPPort: 1, IMAPSecurity: mail.None, SentFolder: "Sent", PerMinute: 10, PerDay: 100}, ""); err != nil {
		t.Fatal(err)
	}
	if err := svc.SendTest(ctx, customers.Draft{Kind: customers.KindInfo, Subject: "안내", Body: "본문"}); err != nil {
		t.Fatal(err)
	}
	d.Close()
	code, out, errOut := run(t, "--db", db, "mail", "send-queue")
	if code != 1 || !strings.Contains(errOut, "비밀번호가 없습니다") || !strings.Contains(out, "남은 메일 1통") {
		t.Fatalf("code %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestCustomersExportImport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	d := openDesk(t, db)
	if _, err := d.Customers().Add(context.Background(), customers.NewContact{Name: "김고객", Phone: "010-1234-5678", Email: "kim@example.kr"}); err != nil {
		t.Fatal(err)
	}
	d.Close()
	file := filepath.Join(t.TempDir(), "고객.xlsx")
	if code, out, errOut := run(t, "--db", db, "customers", "export", file); code != 0 || !strings.Contains(out, "고객 1명") {
		t.Fatalf("export: %d %q %q", code, out, errOut)
	}
	if code, out, errOut := run(t, "--db", db, "customers", "import", file); code != 0 || !strings.Contains(out, "갱신 1명") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
}
