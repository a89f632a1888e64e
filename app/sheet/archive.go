package sheet

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strings"

	"sellerdesk/app/apperr"
)

// The absolute limits on a workbook's archive, checked on what the zip declares before anything is unpacked.
// A SmartStore order export of 100,000 rows unpacks to 198 MB (189 MiB), nearly all of it the one sheet
// part (xl/worksheets/sheet1.xml); 200,000 rows are about 380 MiB. The limits leave that real export half
// again as much room for longer names and addresses, and refuse the hostile file of a few MB that unpacks
// to a gigabyte (that one took 7.4 GB of memory and a minute before it was refused).
const (
	// maxPartSize bounds one part unpacked: a 200,000-row export's sheet is about 380 MiB.
	maxPartSize = 600 << 20
	// maxUnpackedSize bounds all parts together; a workbook with shared strings splits the same text
	// between the sheet and xl/sharedStrings.xml, so the whole may be a little more than its biggest part.
	maxUnpackedSize = 700 << 20
	// maxEntries bounds the parts: an export holds 9, a template with a guide sheet and pictures a few
	// dozen. Thousands of tiny parts are not a workbook anyone exported, and each costs excelize a map entry.
	maxEntries = 1000
)

// ArchiveReason says why a workbook's archive was refused.
type ArchiveReason int

// The reasons an archive is refused.
const (
	// ArchiveDamaged: a part does not unpack to what the zip recorded (its CRC-32 or its size), or its
	// compressed data is broken. Part names it.
	ArchiveDamaged ArchiveReason = iota + 1
	// ArchiveTooBig: all parts together would unpack beyond maxUnpackedSize (Size, Limit in bytes).
	ArchiveTooBig
	// ArchivePartTooBig: one part, Part, would unpack beyond maxPartSize.
	ArchivePartTooBig
	// ArchiveTooManyParts: the zip holds more than maxEntries parts (Size is the count).
	ArchiveTooManyParts
)

// ArchiveError is what every importer returns for a workbook whose archive is damaged or beyond the limits
// above: the order export, the product template / 상품 일괄등록 file and the courier file alike, checked in
// openWorkbook before excelize hands any row to the importer, so a damaged file is refused whole rather
// than half read. It unwraps to an *apperr.Error (code ErrInvalid) with the Korean sentence as a key, so
// apperr.Message and the window show it like any other mistake in the seller's file.
type ArchiveError struct {
	Reason ArchiveReason
	Part   string // the part that is damaged or too big ("xl/worksheets/sheet1.xml"); "" for the whole
	Size   uint64 // declared unpacked bytes (ArchiveTooBig, ArchivePartTooBig) or number of parts
	Limit  uint64 // the limit Size broke, in the same unit
	Err    error  // archive/zip's or the inflater's cause, for the log
}

func (e *ArchiveError) Error() string { return apperr.Text(e.seller(), apperr.Korean) }

// Unwrap gives the seller-facing *apperr.Error and the technical cause.
func (e *ArchiveError) Unwrap() []error {
	out := []error{e.seller()}
	if e.Err != nil {
		out = append(out, e.Err)
	}
	return out
}

// seller is the sentence for the seller: what is wrong, where, and what to do.
func (e *ArchiveError) seller() *apperr.Error {
	switch e.Reason {
	case ArchiveTooBig:
		return apperr.New(apperr.ErrInvalid, "엑셀 파일이 너무 큽니다: 압축을 풀면 {{.Size}} MB로, 셀러데스크가 읽는 한도({{.Limit}} MB)를 넘습니다. 기간이나 상품을 나누어 여러 파일로 올리세요.",
			"Size", megabytes(e.Size), "Limit", megabytes(e.Limit))
	case ArchivePartTooBig:
		return apperr.New(apperr.ErrInvalid, "엑셀 파일이 너무 큽니다: '{{.Part}}' 부분만 압축을 풀어도 {{.Size}} MB로, 셀러데스크가 한 부분에 읽는 한도({{.Limit}} MB)를 넘습니다. 기간이나 상품을 나누어 여러 파일로 올리세요.",
			"Part", e.Part, "Size", megabytes(e.Size), "Limit", megabytes(e.Limit))
	case ArchiveTooManyParts:
		return apperr.New(apperr.ErrInvalid, "엑셀 파일 안에 든 부분이 {{.Count}}개로, 셀러데스크가 읽는 한도({{.Limit}}개)를 넘습니다. 엑셀에서 필요한 시트만 새 통합 문서로 복사해 저장한 뒤 올리세요.",
			"Count", e.Size, "Limit", e.Limit)
	default:
		return apperr.New(apperr.ErrInvalid, "엑셀 파일이 손상되었습니다: '{{.Part}}' 부분을 읽을 수 없습니다. 엑셀에서 열어 다시 저장하거나 다시 내려받으세요.",
			"Part", e.Part)
	}
}

// megabytes rounds up, so a file just over a limit never reads as equal to it.
func megabytes(n uint64) uint64 { return (n + 1<<20 - 1) >> 20 }

// checkArchiveLimits refuses a zip beyond the limits by what its directory declares, before a byte is
// unpacked. The sizes are what excelize reserves and unpacks by (archive/zip stops an entry that unpacks
// to more than it declared), so a zip within the limits cannot make either allocate beyond them.
func checkArchiveLimits(zr *zip.Reader) error {
	if n := len(zr.File); n > maxEntries {
		return &ArchiveError{Reason: ArchiveTooManyParts, Size: uint64(n), Limit: maxEntries}
	}
	var total uint64
	for _, f := range zr.File {
		if f.UncompressedSize64 > maxPartSize {
			return &ArchiveError{Reason: ArchivePartTooBig, Part: f.Name, Size: f.UncompressedSize64, Limit: maxPartSize}
		}
		total += f.UncompressedSize64 // no overflow: at most maxEntries parts of at most maxPartSize
	}
	if total > maxUnpackedSize {
		return &ArchiveError{Reason: ArchiveTooBig, Size: total, Limit: maxUnpackedSize}
	}
	return nil
}

// verifyArchive unpacks every entry to nowhere and refuses the first one that does not come out as the zip
// recorded it. excelize reads a broken entry without a word (it ignores the inflater's and the checksum's
// errors and keeps what it got), so without this a damaged sheet is imported up to the damage. archive/zip
// checks the CRC-32 and the size when an entry is read to its end; a CRC recorded as 0 means "not
// recorded" to it, as to every zip reader, and is not checked (Excel and the marketplaces always record it).
//
// This unpacks the workbook a second time, beside excelize's own unpacking: openWorkbook runs the two at
// once so on a machine with a spare core the check costs no waiting (see BenchmarkOpenWorkbook).
func verifyArchive(zr *zip.Reader) error {
	buf := make([]byte, 256<<10)
	for _, f := range zr.File {
		if err := verifyEntry(f, buf); err != nil {
			return &ArchiveError{Reason: ArchiveDamaged, Part: f.Name, Err: fmt.Errorf("sheet: zip entry %q: %w", f.Name, err)}
		}
	}
	return nil
}

func verifyEntry(f *zip.File, buf []byte) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	n, err := io.CopyBuffer(io.Discard, rc, buf)
	if err != nil {
		return err
	}
	if uint64(n) != f.UncompressedSize64 {
		// archive/zip says so itself at the end of an entry; kept so the check does not hang on that
		return errors.New("unpacked size differs from the declared one")
	}
	return nil
}

// inMemoryPart is excelize's default UnzipXMLSizeLimit: a worksheet or the shared strings bigger than this
// is unzipped to a temporary file as it comes; every other part is read into memory, with room reserved
// up front for the size the zip declares.
const inMemoryPart = 16 << 20

// maxInMemoryParts bounds what a workbook's in-memory parts may declare together. A real export's big parts
// (the sheet, the shared strings) go to temporary files and the rest are small; a damaged or hostile zip
// of a few KB can declare hundreds of MB in pictures or XML, and excelize would reserve them.
const maxInMemoryParts = 256 << 20

// checkParts refuses a zip whose parts declare more than maxInMemoryParts to be read into memory, by
// excelize's own rule for which parts it reads into memory (ReadZipReader). Such a zip is taken for a file
// that is not a workbook (the importer's own sentence), with the *ArchiveError as its cause.
func checkParts(zr *zip.Reader) error {
	var total uint64
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		streamed := f.UncompressedSize64 > inMemoryPart &&
			(strings.HasPrefix(name, "xl/worksheets/sheet") || name == "xl/sharedstrings.xml")
		if streamed {
			continue
		}
		if f.UncompressedSize64 > maxInMemoryParts-total {
			return &ArchiveError{Reason: ArchivePartTooBig, Part: f.Name, Size: f.UncompressedSize64, Limit: maxInMemoryParts,
				Err: fmt.Errorf("sheet: the zip's parts declare more than %d bytes to be read into memory", maxInMemoryParts)}
		}
		total += f.UncompressedSize64
	}
	return nil
}
