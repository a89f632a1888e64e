package sheet

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSetTempDir: a worksheet too big to keep in memory (over inMemoryPart unpacked) is unpacked by
// excelize into the folder SetTempDir names, and removed from there when the file is closed.
func TestSetTempDir(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 17 MB worksheet")
	}
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("가", 400) // 1,200 bytes of UTF-8 a cell
	for r := 1; r <= inMemoryPart/1100; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, []any{text}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f.Close()

	dir := t.TempDir()
	SetTempDir(dir)
	defer SetTempDir("")
	tf, err := openTables(context.Background(), buf.Bytes(), "", "not xlsx")
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	tf.close()
	if len(entries) == 0 {
		t.Fatal("excelize unpacked the big worksheet elsewhere")
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("%d temporary files left after close", len(left))
	}
}
