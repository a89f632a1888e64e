package sheet

import (
	"bytes"
	"context"
	"reflect"
	"testing"
	"testing/iotest"
)

// FuzzHTMLTable feeds the HTML table reader pages: every refusal a seller's error, every row within
// Excel's width, and the same rows whether the file arrives whole or a byte at a time.
func FuzzHTMLTable(f *testing.F) {
	f.Fuzz(func(t *testing.T, page string) {
		if len(page) > maxFuzzInput {
			return
		}
		b := []byte("<table>" + page)
		_, whole, err := readStream(t, bytes.NewReader(b))
		if err != nil {
			checkSellerError(t, err)
			return
		}
		for _, r := range whole {
			if len(r) > maxHTMLCols {
				t.Fatalf("%d cells", len(r))
			}
		}
		_, trickle, err := readStream(t, iotest.OneByteReader(bytes.NewReader(b)))
		if err != nil || !reflect.DeepEqual(whole, trickle) {
			t.Fatalf("read whole: %q\nread a byte at a time: %q, %v", whole, trickle, err)
		}
		if _, _, err := ReadCourierFile(context.Background(), bytes.NewReader(b), ""); err != nil {
			checkSellerError(t, err)
		}
	})
}
