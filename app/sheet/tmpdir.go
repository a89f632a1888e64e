package sheet

import "sync"

// excelize unpacks a large worksheet (beyond UnzipXMLSizeLimit) into temporary files while it is read.
// By default they go to the system's temporary folder; the desk gives SellerDesk's own per-process folder
// instead (app's temp-folder setup), so what a crash leaves behind is found and cleaned in one place.
var tempDir struct {
	sync.Mutex
	dir string
}

// SetTempDir sets the folder excelize writes its temporary files in, for the whole process: called once
// at start by app before any file is read; "" means the system's temporary folder.
func SetTempDir(dir string) {
	tempDir.Lock()
	defer tempDir.Unlock()
	tempDir.dir = dir
}

// tmpDir is the folder set by SetTempDir ("" for the system's).
func tmpDir() string {
	tempDir.Lock()
	defer tempDir.Unlock()
	return tempDir.dir
}
