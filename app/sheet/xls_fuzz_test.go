package sheet

import (
	"bytes"
	"context"
	"testing"
)

// FuzzXLSStream feeds the BIFF8 reader workbook streams (the records inside the compound file), so the
// fuzzer's changes land in records, strings and Continue boundaries rather than in the container. A
// panic is a finding (xlsPanics); a refusal must be a seller's error in Korean.
func FuzzXLSStream(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > maxFuzzInput {
			return
		}
		xlsPanics = true
		defer func() { xlsPanics = false }()
		book, err := parseXLSBook(b)
		if err != nil {
			checkSellerError(t, err)
			return
		}
		for i := range book.sheets {
			rows, err := book.readSheet(i)
			if err != nil {
				checkSellerError(t, err)
				continue
			}
			if len(rows) > maxXLSRows {
				t.Fatalf("%d rows", len(rows))
			}
			for _, r := range rows {
				if len(r) > maxXLSCols {
					t.Fatalf("%d cells in a row", len(r))
				}
			}
		}
	})
}

// FuzzXLSFile feeds whole .xls files (compound file and all) to the courier reader and the order reader.
func FuzzXLSFile(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > maxFuzzInput || !bytes.HasPrefix(b, oleHeader) {
			return
		}
		xlsPanics = true
		defer func() { xlsPanics = false }()
		rows, probs, err := ReadCourierFile(context.Background(), bytes.NewReader(b), "")
		if err != nil {
			checkSellerError(t, err)
		}
		checkProblems(t, probs, maxXLSRows, true)
		for _, r := range rows {
			if r.Name == "" || r.TrackingNo == "" || r.Row < 2 || r.Row > maxXLSRows {
				t.Fatalf("parcel kept without a name, a 송장번호 or a place: %+v", r)
			}
		}
		file, err := readOrderBytes(b)
		if err != nil {
			checkSellerError(t, err)
			return
		}
		checkProblems(t, file.Problems, maxXLSRows, true)
	})
}
