package app

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"sellerdesk/app/catalog"
	"sellerdesk/data"
)

// killOrders is how many order lines the killed import reads.
const killOrders = 3000

// killRuns is how many times each kill is tried: a few in CI, many with SELLERDESK_FAULTS=long.
func killRuns() int {
	if os.Getenv("SELLERDESK_FAULTS") == "long" {
		return 25
	}
	return 2
}

// killCSV is a Smart Store order download of n one-piece lines of KILL-TEE.
func killCSV(n int) string {
	var b strings.Builder
	b.WriteString("상품주문번호,주문번호,판매채널,구매자명,수취인명,주문상태,주문세부상태,상품명,옵션관리코드,수량,상품가격,최종 상품별 총 주문금액,판매자 상품코드,수취인연락처1,결제수단,주문일시\r\n")
	for i := range n {
		no := strconv.Itoa(2031061500000 + i)
		fmt.Fprintf(&b, "%s,O%s,스마트스토어,손님,손님,결제완료,,킬 티셔츠,KILL-TEE-1,1,19800,19800,KILL-TEE,010-1234-5678,신용카드,2031-06-13 14:05:31\r\n", no, no)
	}
	return b.String()
}

// killBase makes the store every run starts from (one product, closed cleanly), an order file, and a
// backup that holds one more product and some 8 MB of settings, so a restore copies in several steps.
func killBase(t *testing.T) (base, csv, backup string) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	base = filepath.Join(dir, "base", DBFileName)
	d := openFaultDesk(t, base)
	save := func(code string) {
		if _, err := d.Catalog.SaveProduct(ctx, catalog.Product{Code: code, Name: "킬 티셔츠", Price: 19800,
			Status: catalog.StatusSale, TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone,
			Options: []catalog.Option{{Usable: true, Stock: 100, Code: code + "-1"}}}, "test"); err != nil {
			t.Fatal(err)
		}
	}
	save("KILL-TEE")
	d.Close()

	bigPath := filepath.Join(dir, "big", DBFileName)
	copyFile(t, base, bigPath)
	d = openFaultDesk(t, bigPath)
	save("KILL-TWO")
	pad := strings.Repeat("가", 100)
	if err := d.store.Write(ctx, func(tx *data.Tx) error {
		for i := range 25000 {
			if err := data.SetSettingTx(ctx, tx, fmt.Sprintf("kill.pad.%d", i), pad); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	backup = filepath.Join(dir, "big-backup.db")
	if _, err := d.BackupNow(ctx, backup); err != nil {
		t.Fatal(err)
	}
	d.Close()
	csv = filepath.Join(dir, "orders.csv")
	if err := os.WriteFile(csv, []byte(killCSV(killOrders)), 0o600); err != nil {
		t.Fatal(err)
	}
	return base, csv, backup
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err == nil {
		err = os.MkdirAll(filepath.Dir(dst), 0o700)
	}
	if err == nil {
		err = os.WriteFile(dst, b, 0o600)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestKillDuringImportAndRestore kills (SIGKILL on Unix, TerminateProcess on Windows) a real second process
// at a random point of an order import and of a restore, then opens the store: it passes the integrity
// check, the import is there whole or not at all, and the data is the old or the restored, never a mix.
func TestKillDuringImportAndRestore(t *testing.T) {
	if job := os.Getenv("SELLERDESK_TEST_KILL_JOB"); job != "" {
		killChild(job)
		return
	}
	if testing.Short() {
		t.Skip("spawns processes")
	}
	base, csv, backup := killBase(t)
	for run := range killRuns() {
		for _, job := range []string{"import", "restore"} {
			t.Run(fmt.Sprintf("%s-%d", job, run), func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "data", DBFileName)
				copyFile(t, base, path)
				tempBase := t.TempDir() // where the killed process keeps its temporary folder
				at := rand.Float64()
				cmd := exec.Command(os.Args[0], "-test.run=^TestKillDuringImportAndRestore$")
				cmd.Env = append(os.Environ(), "SELLERDESK_TEST_KILL_JOB="+job+"|"+path+"|"+csv+"|"+backup+"|"+tempBase)
				out, _ := cmd.StdoutPipe()
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				lines := bufio.NewScanner(out)
				killedAt := "end"
				for lines.Scan() {
					line := lines.Text()
					if f, err := strconv.ParseFloat(strings.TrimPrefix(line, "p "), 64); err == nil && f >= at {
						killedAt = line
						break
					}
					if line == "done" || strings.HasPrefix(line, "error") {
						killedAt = line
						break
					}
				}
				cmd.Process.Kill()
				io.Copy(io.Discard, out)
				cmd.Wait()
				if strings.HasPrefix(killedAt, "error") {
					t.Fatalf("the job failed before the kill: %s", killedAt)
				}
				left := filepath.Join(tempBase, tempPrefix+strconv.Itoa(cmd.Process.Pid))
				if _, err := os.Stat(left); err != nil {
					t.Errorf("the killed process's temporary folder: %v", err)
				}
				d, err := Open(context.Background(), path, testInfo, WithClock(faultDay.Now), withTempBase(tempBase))
				if err != nil {
					t.Fatalf("open after the kill: %v", err)
				}
				defer d.Close()
				if _, err := os.Stat(left); !os.IsNotExist(err) {
					t.Errorf("the next start left the killed process's temporary folder (%v)", err)
				}
				if r, err := d.Check(context.Background()); err != nil || r.Problem != "" {
					t.Fatalf("killed at %s: check %+v %v", killedAt, r, err)
				}
				var orders, products int
				db := d.store.Read()
				if err := db.QueryRow(`SELECT (SELECT count(*) FROM orders), (SELECT count(*) FROM products)`).Scan(&orders, &products); err != nil {
					t.Fatal(err)
				}
				t.Logf("killed at %s: %d orders, %d products", killedAt, orders, products)
				switch job {
				case "import":
					if orders != 0 && orders != killOrders {
						t.Errorf("killed at %s: %d orders, want 0 or %d", killedAt, orders, killOrders)
					}
				case "restore":
					var pads int
					db.QueryRow(`SELECT count(*) FROM settings WHERE key LIKE 'kill.pad.%'`).Scan(&pads)
					if !(products == 1 && pads == 0) && !(products == 2 && pads == 25000) {
						t.Errorf("killed at %s: %d products and %d settings of the backup, want the old (1, 0) or the restored (2, 25000)", killedAt, products, pads)
					}
				}
			})
		}
	}
}

// killChild is the process that gets killed: it runs the job, printing its progress, and waits.
func killChild(job string) {
	parts := strings.Split(job, "|")
	ctx := context.Background()
	d, err := Open(ctx, parts[1], testInfo, WithClock(faultDay.Now), withTempBase(parts[4]))
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	progress := func(f float64) { fmt.Printf("p %.4f\n", f) }
	switch parts[0] {
	case "import":
		_, err = d.ImportOrderFile(ctx, parts[2], "", progress)
	case "restore":
		_, err = d.Restore(ctx, parts[3], progress)
	}
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("done")
	time.Sleep(time.Hour) // killed here at the latest
}
