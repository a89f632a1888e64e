package views

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"sellerdesk/app"
	"sellerdesk/app/customers"
	"sellerdesk/app/mail"
)

// In English mode the contact's timeline says the outbox state of a mail, the consent change and its way
// in English (they were Korean whatever the language).
func TestCustomerTimelineInEnglish(t *testing.T) {
	sh, s, ids := customersShell(t)
	ctx := context.Background()
	svc := sh.desk.Customers()
	a := mail.Account{Address: "shop@sellerdesk.test", DisplayName: "한글상점", SMTPHost: "127.0.0.1", SMTPPort: 2525,
		SMTPSecurity: mail.None, IMAPHost: "127.0.0.1", IMAPPort: 1143, IMAPSecurity: mail.None, SentFolder: "Sent",
		PerMinute: 20, PerDay: 300}
	if _, err := svc.SaveAccount(ctx, a, ""); err != nil {
		t.Fatal(err)
	}
	// the consent is confirmed to the customer by mail: a message waits in the outbox
	if err := svc.RecordConsent(ctx, ids["김민지"], true, testDay, "매장 서면", ""); err != nil {
		t.Fatal(err)
	}
	timeline := func() string {
		s.openDetail(ids["김민지"])
		sh.waitJobs()
		return strings.Join(visibleTexts(sh.win.Canvas()), "\n")
	}
	ko := timeline()
	for _, want := range []string{"보낼 예정", "광고 수신 동의", "매장 서면"} {
		if !strings.Contains(ko, want) {
			t.Fatalf("the Korean timeline lacks %q:\n%s", want, ko)
		}
	}
	test.Tap(button(t, sh.win.Canvas(), "닫기"))
	useLanguage(t, app.English)
	en := timeline()
	for _, want := range []string{"Queued", "Ad consent given", lang.L("매장 서면")} {
		if !strings.Contains(en, want) {
			t.Errorf("the English timeline lacks %q:\n%s", want, en)
		}
	}
	for _, ko := range []string{"보낼 예정", "광고 수신 동의"} {
		if strings.Contains(en, ko) {
			t.Errorf("the English timeline still says %q", ko)
		}
	}
	// every outbox state has its English words
	for _, st := range []string{"QUEUED", "SENDING", "SENT", "FAILED", "CHECK"} {
		key := customers.OutboxStateLabel(st)
		if got := lang.L(key); got == key || got == st || got == "" {
			t.Errorf("outbox state %s reads %q in English", st, got)
		}
	}
}

// The search box is as wide as its hint in a 1280-pixel window (a fifth of the filter row cut it), in Korean
// and in English.
func TestCustomerSearchHintFits(t *testing.T) {
	sh, s, _ := customersShell(t)
	sh.win.Resize(fyne.NewSize(1280, 800))
	need := hintWidth(s.search.PlaceHolder)
	if got := fyne.MeasureText(s.search.PlaceHolder, 14, fyne.TextStyle{}).Width; need <= got {
		t.Fatalf("the needed width %v leaves no room for padding around the text (%v)", need, got)
	}
	if s.search.MinSize().Width < need {
		t.Errorf("search MinSize %v is narrower than its hint %q (%v)", s.search.MinSize(), s.search.PlaceHolder, need)
	}
	if s.search.Size().Width < need {
		t.Errorf("at 1280 px the search is %v wide, its hint %q needs %v", s.search.Size().Width, s.search.PlaceHolder, need)
	}
	t.Logf("search %v of min %v, need %v; canvas %v", s.search.Size(), s.search.MinSize(), need, sh.win.Canvas().Size())
	// and the row of filters still fits the window
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.total)
	if right := pos.X + s.total.Size().Width; right > sh.win.Canvas().Size().Width {
		t.Errorf("the filters end at %v, past the window's %v", right, sh.win.Canvas().Size().Width)
	}
	useLanguage(t, app.English)
	e := newHintEntry(lang.L("이름 일부, 전화 뒤 4자리, 이메일"))
	if e.PlaceHolder == "이름 일부, 전화 뒤 4자리, 이메일" {
		t.Fatal("the hint has no English words")
	}
	if e.MinSize().Width < hintWidth(e.PlaceHolder) {
		t.Errorf("English hint %q: MinSize %v", e.PlaceHolder, e.MinSize())
	}
}
