package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sellerdesk/app/clock"
)

var testInfo = AppInfo{Name: "셀러데스크", ID: "kr.sellerdesk.app", Version: "0.1.0", Build: 1}

// openDesk opens a desk on a fresh data folder, its clock pinned far from the day the suite runs.
func openDesk(t *testing.T) *Desk {
	t.Helper()
	return openDeskAt(t, clock.At(time.Date(2031, 6, 15, 10, 0, 0, 0, time.Local)))
}

// openDeskAt opens a desk whose clock (services and store alike) is c.
func openDeskAt(t *testing.T, c *clock.Pinned) *Desk {
	t.Helper()
	d, err := Open(context.Background(), filepath.Join(t.TempDir(), "data", DBFileName), testInfo, WithClock(c.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func TestValidateProfile(t *testing.T) {
	ok := StoreProfile{Name: " 하루공방 ", Owner: "김하루", BusinessNo: "2208162517", Phone: "0233321234",
		Email: "hello@haru.kr", ReturnPostcode: "03925"}
	got, err := ValidateProfile(ok)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "하루공방" || got.BusinessNo != "220-81-62517" || got.Phone != "02-3332-1234" {
		t.Errorf("normalized = %+v", got)
	}
	cases := []struct {
		name  string
		edit  func(p *StoreProfile)
		field string
		says  string
	}{
		{"ErrNameMissing", func(p *StoreProfile) { p.Name = "  " }, FieldName, "상호를 입력"},
		{"ErrNameLong", func(p *StoreProfile) { p.Name = strings.Repeat("가", 51) }, FieldName, "50자"},
		{"ErrOwnerMissing", func(p *StoreProfile) { p.Owner = "" }, FieldOwner, "대표자"},
		{"ErrBusinessNoChecksum", func(p *StoreProfile) { p.BusinessNo = "220-81-62518" }, FieldBusinessNo, "올바르지 않습니다"},
		{"ErrBusinessNoLength", func(p *StoreProfile) { p.BusinessNo = "123-45-678" }, FieldBusinessNo, "10자리"},
		{"ErrBusinessNoLetters", func(p *StoreProfile) { p.BusinessNo = "22O-81-62517" }, FieldBusinessNo, "10자리"},
		{"ErrPhone", func(p *StoreProfile) { p.Phone = "12345" }, FieldPhone, "전화번호 형식"},
		{"ErrPhoneMissing", func(p *StoreProfile) { p.Phone = "" }, FieldPhone, "연락처"},
		{"ErrEmail", func(p *StoreProfile) { p.Email = "shop@@example" }, FieldEmail, "이메일"},
		{"ErrEmailNoDomainDot", func(p *StoreProfile) { p.Email = "shop@localhost" }, FieldEmail, "이메일"},
		{"ErrPostcode", func(p *StoreProfile) { p.ReturnPostcode = "1234" }, FieldReturnPostcode, "5자리"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := ok
			c.edit(&p)
			_, err := ValidateProfile(p)
			var e *Error
			if !errors.As(err, &e) || e.Code != ErrInvalid {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			if !strings.Contains(e.Fields[c.field], c.says) {
				t.Errorf("field %s message = %q, want it to say %q (all: %v)", c.field, e.Fields[c.field], c.says, e.Fields)
			}
			if len(e.Fields) != 1 {
				t.Errorf("other fields flagged: %v", e.Fields)
			}
		})
	}
}

func TestNormalizePhone(t *testing.T) {
	for in, want := range map[string]string{
		"010-1234-5678": "010-1234-5678", "01012345678": "010-1234-5678", "02-123-4567": "02-123-4567",
		"031 1234 5678": "031-1234-5678", "1588-1234": "1588-1234", "070-1234-5678": "070-1234-5678",
		"0505-123-4567": "0505-123-4567",
	} {
		if got, err := NormalizePhone(in); err != nil || got != want {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "010-1234", "1234-5678", "001-234-5678", "010-abcd-5678"} {
		if _, err := NormalizePhone(bad); err == nil {
			t.Errorf("NormalizePhone(%q) accepted", bad)
		}
	}
}

func TestSaveProfile(t *testing.T) {
	ctx := context.Background()
	d := openDesk(t)
	if _, err := d.SaveProfile(ctx, StoreProfile{Name: "하루공방"}); ErrorCode(err) != ErrInvalid {
		t.Fatalf("incomplete profile saved: %v", err)
	}
	if p, _ := d.Profile(ctx); p.Name != "" {
		t.Fatal("an invalid profile was written")
	}
	want := StoreProfile{Name: "하루공방", Owner: "김하루", Phone: "010-1234-5678"}
	if _, err := d.SaveProfile(ctx, want); err != nil {
		t.Fatal(err)
	}
	if got, _ := d.Profile(ctx); got != want {
		t.Errorf("profile = %+v, want %+v", got, want)
	}
}

func TestAutoBackup(t *testing.T) {
	ctx := context.Background()
	c := clock.At(time.Date(2026, 11, 1, 9, 0, 0, 0, time.Local))
	d := openDeskAt(t, c)

	first, err := d.AutoBackup(ctx)
	if err != nil || first == "" {
		t.Fatalf("first backup: %q %v", first, err)
	}
	c.Advance(3 * time.Hour)
	if again, err := d.AutoBackup(ctx); err != nil || again != "" {
		t.Fatalf("second backup on the same day: %q %v", again, err)
	}
	if _, err := d.BackupNow(ctx, ""); err != nil {
		t.Fatal(err)
	}
	for day := 1; day <= 10; day++ {
		c.Set(c.Now().AddDate(0, 0, 1))
		if p, err := d.AutoBackup(ctx); err != nil || p == "" {
			t.Fatalf("day %d: %q %v", day, p, err)
		}
	}
	files, err := d.Backups()
	if err != nil {
		t.Fatal(err)
	}
	var autos []BackupFile
	manual := 0
	for _, f := range files {
		switch f.Kind {
		case BackupAuto:
			autos = append(autos, f)
		case BackupManual:
			manual++
		}
	}
	if len(autos) != KeepAutoBackups {
		t.Fatalf("kept %d automatic backups, want %d", len(autos), KeepAutoBackups)
	}
	if got, want := autos[0].Time.Format("0102"), "1111"; got != want {
		t.Errorf("newest kept = %s, want %s", got, want)
	}
	if got, want := autos[len(autos)-1].Time.Format("0102"), "1105"; got != want {
		t.Errorf("oldest kept = %s, want %s", got, want)
	}
	if manual != 1 {
		t.Errorf("manual backups = %d; rotation must not touch them", manual)
	}
	if _, err := os.Stat(first); !os.IsNotExist(err) {
		t.Error("the oldest automatic backup was not removed")
	}
}

func TestRestore(t *testing.T) {
	ctx := context.Background()
	d := openDesk(t)
	before := StoreProfile{Name: "하루공방", Owner: "김하루", Phone: "010-1234-5678"}
	if _, err := d.SaveProfile(ctx, before); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "내 백업.db")
	if _, err := d.BackupNow(ctx, backup); err != nil {
		t.Fatal(err)
	}
	after := before
	after.Name = "이틀공방"
	if _, err := d.SaveProfile(ctx, after); err != nil {
		t.Fatal(err)
	}
	saved, err := d.Restore(ctx, backup, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := d.Profile(ctx); p.Name != "하루공방" {
		t.Errorf("after restore name = %q", p.Name)
	}
	// The data the restore replaced was saved first and can itself be restored.
	if _, err := d.Restore(ctx, saved, nil); err != nil {
		t.Fatal(err)
	}
	if p, _ := d.Profile(ctx); p.Name != "이틀공방" {
		t.Errorf("after undoing the restore name = %q", p.Name)
	}

	t.Run("ErrSameFile", func(t *testing.T) {
		if _, err := d.Restore(ctx, d.DataFile(), nil); ErrorCode(err) != ErrInvalid {
			t.Errorf("err = %v", err)
		}
		if _, err := d.BackupNow(ctx, d.DataFile()); ErrorCode(err) != ErrInvalid {
			t.Errorf("backup over the live file: %v", err)
		}
	})
	t.Run("ErrForeignFile", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "주문.xlsx")
		os.WriteFile(bad, []byte("PK\x03\x04 not a database"), 0o600)
		_, err := d.Restore(ctx, bad, nil)
		if err == nil || !strings.Contains(Message(err), "셀러데스크 백업 파일이 아닙니다") {
			t.Errorf("message = %q", Message(err))
		}
	})
	t.Run("Cancelled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := d.Restore(cctx, backup, nil); err == nil {
			t.Error("a cancelled restore reported success")
		}
		if p, _ := d.Profile(ctx); p.Name != "이틀공방" {
			t.Errorf("a cancelled restore changed data: %q", p.Name)
		}
	})
}

func TestDemoAndFirstRun(t *testing.T) {
	ctx := context.Background()
	d := openDesk(t)
	need, err := d.NeedsFirstRunChoice(ctx)
	if err != nil || !need {
		t.Fatalf("fresh store needs first-run choice = %v, %v", need, err)
	}
	var last float64
	if err := d.LoadDemo(ctx, DemoOptions{Seed: 1}, func(f float64) { last = f }); err != nil {
		t.Fatal(err)
	}
	if last != 1 {
		t.Errorf("progress ended at %v", last)
	}
	p, _ := d.Profile(ctx)
	if _, err := ValidateProfile(p); err != nil || p.Name == "" {
		t.Errorf("demo profile invalid: %+v %v", p, err)
	}
	if need, _ := d.NeedsFirstRunChoice(ctx); need {
		t.Error("first-run choice asked again after loading the demo")
	}
	if err := d.LoadDemo(ctx, DemoOptions{}, nil); ErrorCode(err) != ErrConflict {
		t.Errorf("demo over existing data: %v", err)
	}
	if err := d.LoadDemo(ctx, DemoOptions{Orders: -1}, nil); ErrorCode(err) != ErrInvalid {
		t.Errorf("negative orders: %v", err)
	}

	t.Run("StartEmpty", func(t *testing.T) {
		d := openDesk(t)
		if err := d.StartEmpty(ctx); err != nil {
			t.Fatal(err)
		}
		if need, _ := d.NeedsFirstRunChoice(ctx); need {
			t.Error("asked again after choosing to start empty")
		}
	})
	t.Run("CancelledWritesNothing", func(t *testing.T) {
		d := openDesk(t)
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if err := d.LoadDemo(cctx, DemoOptions{}, nil); err == nil {
			t.Fatal("cancelled demo succeeded")
		}
		if empty, _ := d.IsEmpty(ctx); !empty {
			t.Error("a cancelled demo left data behind")
		}
	})
}

func TestPrefs(t *testing.T) {
	ctx := context.Background()
	d := openDesk(t)
	if d.Theme(ctx) != ThemeSystem || d.Language(ctx) != Korean {
		t.Fatal("defaults are not system theme and Korean")
	}
	if err := d.SetTheme(ctx, ThemeDark); err != nil || d.Theme(ctx) != ThemeDark {
		t.Fatalf("theme = %v, %v", d.Theme(ctx), err)
	}
	if err := d.SetTheme(ctx, "neon"); ErrorCode(err) != ErrInvalid {
		t.Errorf("unknown theme: %v", err)
	}
	if err := d.SetLanguage(ctx, English); err != nil || d.Language(ctx) != English {
		t.Fatalf("language = %v, %v", d.Language(ctx), err)
	}
}

func TestResolveDBPath(t *testing.T) {
	env := func(v string) func(string) string { return func(string) string { return v } }
	if got, _ := ResolveDBPath("/x/flag.db", env("/y/env.db")); got != "/x/flag.db" {
		t.Errorf("flag not first: %s", got)
	}
	if got, _ := ResolveDBPath("", env("/y/env.db")); got != "/y/env.db" {
		t.Errorf("env not used: %s", got)
	}
	got, err := ResolveDBPath("", env(""))
	if err != nil || filepath.Base(got) != DBFileName || filepath.Base(filepath.Dir(got)) != "SellerDesk" {
		t.Errorf("default = %s, %v", got, err)
	}
}

func TestParseAppInfo(t *testing.T) {
	info, err := ParseAppInfo([]byte("[Details]\nName = \"셀러데스크\"\nID = \"kr.x\"\nVersion = \"1.2.3\"\nBuild = 7\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := info.String(), "셀러데스크 1.2.3 (build 7)"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	if _, err := ParseAppInfo([]byte("[Details]\nName = \"x\"\n")); err == nil {
		t.Error("missing version accepted")
	}
}
