package app

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestTempDir runs a real second process that makes its temporary folder and fills it: while it lives a
// start leaves the folder alone; once it is killed (as a killed import is) the next start removes it whole.
func TestTempDir(t *testing.T) {
	if base := os.Getenv("SELLERDESK_TEST_HOLD_TEMP"); base != "" {
		holdTempDir(base)
		return
	}
	base := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestTempDir$")
	cmd.Env = append(os.Environ(), "SELLERDESK_TEST_HOLD_TEMP="+base)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "temp ") {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("helper said %q, %v", line, err)
	}
	theirs := strings.TrimSpace(strings.TrimPrefix(line, "temp "))
	// not a SellerDesk process's: never touched
	other := filepath.Join(base, "sellerdesk-notes")
	if err := os.Mkdir(other, 0o700); err != nil {
		t.Fatal(err)
	}

	mine, err := OpenTempDir(base)
	if err != nil {
		t.Fatal(err)
	}
	if len(mine.Swept) != 0 {
		t.Errorf("swept %v while their process lives", mine.Swept)
	}
	if _, err := os.Stat(filepath.Join(theirs, "excelize-1")); err != nil {
		t.Errorf("a live process's temporary file is gone: %v", err)
	}
	if err := os.WriteFile(filepath.Join(mine.Path(), "excelize-2"), []byte("cells"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if err := mine.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(mine.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Close left %s: %v", mine.Path(), err)
	}

	next, err := OpenTempDir(base)
	if err != nil {
		t.Fatal(err)
	}
	defer next.Close()
	if !slices.Equal(next.Swept, []string{theirs}) {
		t.Errorf("swept %v, want [%s]", next.Swept, theirs)
	}
	for _, gone := range []string{theirs, theirs + ".lock"} {
		if _, err := os.Stat(gone); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is left after its process died: %v", gone, err)
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("a folder that is no process's was touched: %v", err)
	}
}

// holdTempDir is TestTempDir's helper process: make the folder, leave a file in it, wait to be killed.
func holdTempDir(base string) {
	td, err := OpenTempDir(base)
	if err == nil {
		err = os.WriteFile(filepath.Join(td.Path(), "excelize-1"), make([]byte, 1<<16), 0o600)
	}
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("temp", td.Path())
	bufio.NewReader(os.Stdin).ReadString('\n')
	os.Exit(0)
}
