package app

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLockWindow runs a real second process that takes the window lock: while it lives a second window is
// refused with a message naming its program and process number; once it is killed (no release, as in a
// crash) the system has dropped its lock and the window opens.
func TestLockWindow(t *testing.T) {
	if path := os.Getenv("SELLERDESK_TEST_HOLD_WINDOW"); path != "" {
		holdWindowLock(path)
		return
	}
	// the data folder does not exist yet (a first start): taking the lock makes it
	path := filepath.Join(t.TempDir(), "SellerDesk", "sellerdesk.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockWindow$")
	cmd.Env = append(os.Environ(), "SELLERDESK_TEST_HOLD_WINDOW="+path)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "locked ") {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("helper said %q, %v", line, err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "locked ")))

	release, err := LockWindow(path, testInfo)
	if err == nil {
		release()
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("a second window locked a data file another window holds")
	}
	if !errors.Is(err, ErrWindowOpen) || ErrorCode(err) != ErrConflict {
		t.Errorf("second window: %v (code %s), want ErrWindowOpen, ErrConflict", err, ErrorCode(err))
	}
	ko := Text(err, TranslatorFor(Korean))
	for _, want := range []string{path, testInfo.String(), fmt.Sprint(pid), "다른 셀러데스크 창"} {
		if !strings.Contains(ko, want) {
			t.Errorf("message %q does not say %q", ko, want)
		}
	}
	if en := Text(err, TranslatorFor(English)); !strings.Contains(en, fmt.Sprint(pid)) || strings.Contains(en, "이미 다른") {
		t.Errorf("English message %q: want it in English with the process number", en)
	}

	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	release, err = LockWindow(path, testInfo)
	if err != nil {
		t.Fatalf("after the holder died: %v", err)
	}
	// this process holds it now: another start (another open of the lock file) is refused, then let in
	if _, err := LockWindow(path, testInfo); !errors.Is(err, ErrWindowOpen) || !strings.Contains(Text(err, TranslatorFor(Korean)), fmt.Sprint(os.Getpid())) {
		t.Errorf("a start beside this window: %v", err)
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if err := release(); err != nil {
		t.Errorf("a second release: %v", err)
	}
	again, err := LockWindow(path, testInfo)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	again()
}

// holdWindowLock is TestLockWindow's helper process: take the lock, say so, wait to be killed.
func holdWindowLock(path string) {
	if _, err := LockWindow(path, testInfo); err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("locked", os.Getpid())
	bufio.NewReader(os.Stdin).ReadString('\n')
	os.Exit(0)
}

// TestLockWindowUnwritableFolder: a folder the lock file cannot be made in is said to be one.
func TestLockWindowUnwritableFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	// a path under a regular file cannot be created, even by root
	_, err := LockWindow(filepath.Join(file, "sellerdesk.db"), testInfo)
	if err == nil || errors.Is(err, ErrWindowOpen) || !strings.Contains(Text(err, TranslatorFor(Korean)), "쓰기 권한") {
		t.Errorf("lock in a folder that cannot be written: %v", err)
	}
}
