package app

import (
	"runtime/debug"
	"testing"
)

// An import relaxes the garbage collector and puts it back as it was, whatever it was.
func TestImportGCRestores(t *testing.T) {
	before := debug.SetGCPercent(123)
	defer debug.SetGCPercent(before)
	restore := importGC()
	if got := debug.SetGCPercent(300); got != 300 {
		t.Errorf("during the import the collector's target is %d%%, want 300%%", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 400<<20 {
		t.Errorf("during the import the soft limit is %d, want 400 MiB", got)
	}
	restore()
	if got := debug.SetGCPercent(before); got != 123 {
		t.Errorf("after the import the target is %d%%, want the 123%% it was", got)
	}
}
