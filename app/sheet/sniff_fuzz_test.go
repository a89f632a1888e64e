package sheet

import (
	"bytes"
	"reflect"
	"testing"
	"testing/iotest"
)

// FuzzTextStream feeds the streamed text reader (CSV or tab-separated, UTF-8 or CP949): the rows are the
// same whether the file is read from memory whole or streamed a byte at a time, so the encoding choice
// and the delimiter never depend on how the bytes arrive.
func FuzzTextStream(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > maxFuzzInput || sniff(b[:min(len(b), sniffSize)]) != kindText {
			return
		}
		_, mem, err1 := readStream(t, bytes.NewReader(b))
		_, trickle, err2 := readStream(t, iotest.OneByteReader(bytes.NewReader(b)))
		if (err1 == nil) != (err2 == nil) || !reflect.DeepEqual(mem, trickle) {
			t.Fatalf("from memory: %q, %v\nstreamed: %q, %v", mem, err1, trickle, err2)
		}
		if err1 != nil {
			checkSellerError(t, err1)
		}
	})
}
