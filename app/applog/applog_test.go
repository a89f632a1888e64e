package applog

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRotatingFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	r, err := OpenRotating(path, 100, 2)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		fmt.Fprintf(r, "line %02d %s\n", i, strings.Repeat("x", 30))
	}
	r.Close()
	for _, name := range []string{FileName, FileName + ".1", FileName + ".2"} {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%s missing: %v", name, err)
		}
		if st.Size() > 100 {
			t.Errorf("%s is %d bytes, over the limit", name, st.Size())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, FileName+".3")); err == nil {
		t.Error("more old files kept than asked")
	}
	last, _ := os.ReadFile(path)
	if !strings.Contains(string(last), "line 19") {
		t.Errorf("newest line not in current file: %q", last)
	}
}

func TestNew(t *testing.T) {
	dir := t.TempDir()
	log, c, err := New(dir, slog.LevelInfo)
	if err != nil {
		t.Fatal(err)
	}
	log.Info("백업 완료", "file", "a.db")
	c.Close()
	b, _ := os.ReadFile(filepath.Join(dir, FileName))
	if !strings.Contains(string(b), "백업 완료") {
		t.Errorf("log = %q", b)
	}
}
