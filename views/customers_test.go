package views

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
	"sellerdesk/app/customers"
)

// customersShell opens the window with three contacts and the 고객 area shown.
func customersShell(t *testing.T) (*shell, *customersScreen, map[string]int64) {
	t.Helper()
	sh, w := openShell(t)
	ctx := context.Background()
	svc := sh.desk.Customers()
	ids := map[string]int64{}
	for _, c := range []customers.NewContact{
		{Name: "김민지", Phone: "010-1234-5678", Email: "minji@naver.com", Tags: []string{"VIP"}},
		{Name: "이서준", Phone: "010-2222-3333", Email: "seojun@daum.net"},
		{Name: "박하늘", Phone: "010-9999-0000"},
	} {
		id, err := svc.Add(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		ids[c.Name] = id
	}
	tapText(t, w.Canvas(), "고객")
	sh.waitJobs()
	s, ok := sh.screens[sh.current].(*customersScreen)
	if !ok {
		t.Fatalf("고객 opened %T", sh.screens[sh.current])
	}
	return sh, s, ids
}

func tableTexts(tb *widget.Table, rows, cols int, cell func(r, c int) string) string {
	var b strings.Builder
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			b.WriteString(cell(r, c))
			b.WriteString("|")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestCustomerListMasksAndSearches(t *testing.T) {
	sh, s, _ := customersShell(t)
	c := sh.win.Canvas()
	if !hasLabel(c, "고객 3명") {
		t.Fatalf("count: %v", visibleTexts(c))
	}
	all := tableTexts(s.table, s.src.Len(), len(customerColumns), s.cell)
	for _, want := range []string{"김*지", "010-****-5678", "mi***@naver.com", "(없음)", "VIP"} {
		if !strings.Contains(all, want) {
			t.Errorf("list lacks %q:\n%s", want, all)
		}
	}
	for _, whole := range []string{"김민지", "010-1234-5678", "minji@naver.com"} {
		if strings.Contains(all, whole) {
			t.Errorf("the list shows %q whole", whole)
		}
	}
	for q, want := range map[string]string{"서준": "이*준", "0000": "박*늘", "minji@": "김*지"} {
		test.Type(s.search, "")
		s.search.SetText(q)
		sh.waitJobs()
		if s.src.Total() != 1 || s.cell(0, 0) != want {
			t.Errorf("search %q: %d rows, first %q", q, s.src.Total(), s.cell(0, 0))
		}
	}
	s.search.SetText("")
	s.tag.SetSelectedIndex(1) // VIP
	sh.waitJobs()
	if s.src.Total() != 1 || s.cell(0, 0) != "김*지" {
		t.Fatalf("tag filter: %d", s.src.Total())
	}
}

// TestConsentChangeFromDetail: the detail shows the contact whole; 수신 동의 기록 asks for the way and the
// date, and the record shows in the list and the history.
func TestConsentChangeFromDetail(t *testing.T) {
	sh, s, ids := customersShell(t)
	c := sh.win.Canvas()
	s.openDetail(ids["김민지"])
	sh.waitJobs()
	texts := strings.Join(visibleTexts(c), "\n")
	if !strings.Contains(texts, "010-1234-5678") || !strings.Contains(texts, "minji@naver.com") {
		t.Fatalf("detail does not show the contact whole:\n%s", texts)
	}
	test.Tap(button(t, c, "수신 동의 기록"))
	var method *widget.Select
	for _, o := range everything(c) {
		if sel, ok := o.(*widget.Select); ok && sel.PlaceHolder == "방법 고르기" {
			method = sel
		}
	}
	if method == nil {
		t.Fatal("no way to choose how consent was given")
	}
	// without a way the record is refused at its field
	test.Tap(button(t, c, "기록"))
	sh.waitJobs()
	if got, _ := sh.desk.Customers().Get(context.Background(), ids["김민지"]); got.Consent != "" {
		t.Fatal("consent recorded without its way")
	}
	method.SetSelectedIndex(0) // 매장 서면
	test.Tap(button(t, c, "기록"))
	sh.waitJobs()
	got, _ := sh.desk.Customers().Get(context.Background(), ids["김민지"])
	if got.Consent != "YES" {
		t.Fatalf("consent = %q", got.Consent)
	}
	if !strings.Contains(strings.Join(visibleTexts(c), "\n"), "동의 "+testDay.Format("06.01.02")) {
		t.Errorf("detail does not show the consent: %v", visibleTexts(c))
	}
}

// TestCampaignLawfulBasisCheck: 받는 사람 확인 lists who is skipped and why before anything is sent.
func TestCampaignLawfulBasisCheck(t *testing.T) {
	sh, s, ids := customersShell(t)
	ctx := context.Background()
	if err := sh.desk.Customers().RecordConsent(ctx, ids["김민지"], true, testDay, "매장 서면", ""); err != nil {
		t.Fatal(err)
	}
	s.onCampaign()
	sh.waitJobs()
	cd := findCampaign(t, sh)
	cd.subject.SetText("겨울 세일")
	cd.body.SetText("{{고객명}}님, 세일합니다.")
	test.Tap(button(t, sh.win.Canvas(), "받는 사람 확인"))
	sh.waitJobs()
	if !strings.Contains(cd.basis.Text, "보낼 고객 1명") || !strings.Contains(cd.basis.Text, "건너뛸 고객 2명") {
		t.Fatalf("basis: %q", cd.basis.Text)
	}
	reasons := tableTexts(cd.skipped, len(cd.plan.Skipped), 2, func(r, c int) string {
		if c == 0 {
			return customers.MaskName(cd.plan.Skipped[r].Name)
		}
		return cd.plan.Skipped[r].Why
	})
	if !strings.Contains(reasons, "이*준|"+customers.WhyNoBasisNoCats) || !strings.Contains(reasons, "박*늘|"+customers.WhyNoEmail) {
		t.Fatalf("skipped:\n%s", reasons)
	}
	if cd.sendBtn.Disabled() {
		t.Fatal("발송 stays disabled after the check")
	}
	// an informational mail carrying ad words is refused
	cd.kind.SetSelected(cd.kind.Options[1])
	test.Tap(button(t, sh.win.Canvas(), "받는 사람 확인"))
	sh.waitJobs()
	if !strings.Contains(cd.problem.Text, "광고 내용") {
		t.Fatalf("problem: %q", cd.problem.Text)
	}
}

// findCampaign returns the campaign dialog the screen opened (the last one made).
func findCampaign(t *testing.T, sh *shell) *campaignDialog {
	t.Helper()
	if lastCampaign == nil {
		t.Fatal("no campaign dialog")
	}
	return lastCampaign
}

// TestContactsJobAfterFirstFrame: the startup job builds the contacts from the orders in the background.
func TestContactsJobAfterFirstFrame(t *testing.T) {
	sh, _ := openShell(t)
	ctx := context.Background()
	if err := sh.desk.LoadDemo(ctx, app.DemoOptions{Orders: 120, Seed: 7}, nil); err != nil {
		t.Fatal(err)
	}
	if n, _ := sh.desk.Customers().SyncState(ctx); n == 0 {
		t.Fatal("the demo store has no orders waiting for contacts")
	}
	sh.afterFirstFrame(sh.contactsJob())
	sh.firstFrameDrawn()
	sh.waitJobs()
	if n, _ := sh.desk.Customers().SyncState(ctx); n != 0 {
		t.Fatalf("%d orders still wait for the contacts", n)
	}
}
