package sheet

import (
	"errors"
	"fmt"

	"sellerdesk/app/apperr"
)

// A small reader of Excel 97–2003 workbooks (.xls, BIFF8), for the row importers (order exports, courier
// files): cell values only, no formatting, no formulas evaluated (their cached results are read).
//
// Why our own: the module proxy serves two pure-Go BIFF readers, github.com/extrame/xls (one tag, v0.0.1)
// and github.com/shakinm/xlsReader (v0.9.x); both read a whole workbook into their own structures without
// bounds on sizes or counts, and neither is maintained. What an importer needs is small, so it is written
// here on the compound-file reader the encrypted-xlsx check already uses (richardlehane/mscfb), with
// limits on every size and count and a recover around the parse.
//
// Layout, from Microsoft's [MS-XLS] specification (Excel Binary File Format, sections 2.1.4 "Record",
// 2.4 "Records": BOF 2.4.21, BoundSheet8 2.4.28, SST 2.4.265, Continue 2.4.58, LabelSst 2.4.149, Label
// 2.4.148, RString 2.4.218, Number 2.4.180, RK 2.4.220 / RkNumber 2.5.218, MulRk 2.4.175, Formula 2.4.127
// / FormulaValue 2.5.133, String 2.4.268, BoolErr 2.4.24, Dimensions 2.4.90, FilePass 2.4.117,
// XLUnicodeRichExtendedString 2.5.293): the "Workbook" stream of the compound file is a sequence of
// records (type uint16, size uint16, body). The globals substream holds the shared strings (SST) and one
// BoundSheet8 per sheet with the stream offset of that sheet's own substream (BOF … EOF), which holds the
// cells. Strings are UTF-16LE or "compressed" (one byte per character, the low byte of UTF-16).
//
// The reader by responsibility: this file holds its limits and errors; xls_book.go finds the workbook
// stream and reads the globals (sheet list, shared strings); xls_sheet.go walks a sheet's substream;
// xls_cells.go decodes cell records into text as Excel shows it; xls_records.go splits the stream into
// records and reads strings across Continue records.

// Limits of what an .xls may hold before SellerDesk refuses it. Excel 97–2003 itself stops at 65,536 rows
// and 256 columns per sheet.
const (
	maxXLSFile    = 256 << 20 // the whole file; real exports of 65,536 rows are well under 100 MB
	maxXLSStrings = 4_000_000 // shared strings
	maxXLSCells   = 6_000_000 // non-empty cells in one sheet (65,536 rows × 90 columns)
	maxXLSText    = 64 << 20  // characters of all strings together (UTF-16 code units)
	maxXLSRows    = 65536     // BIFF8's own limit
	maxXLSCols    = 256       // BIFF8's own limit
	maxXLSSheets  = 1000      // sheets in one workbook
	xlsBIFF8      = 0x0600    // BOF version of BIFF8
	xlsWorksheet  = 0x0010    // BOF substream type of a worksheet
	xlsGlobals    = 0x0005    // BOF substream type of the workbook globals
	xlsSheetNorm  = 0x00      // BoundSheet8 dt: a worksheet (others: macro sheet, chart, VB module)
	xlsRecBOF     = 0x0809    // record types, [MS-XLS] 2.3
	xlsRecEOF     = 0x000A    //
	xlsRecFilePas = 0x002F    //
	xlsRecSheet   = 0x0085    //
	xlsRecSST     = 0x00FC    //
	xlsRecCont    = 0x003C    //
	xlsRecLblSST  = 0x00FD    //
	xlsRecLabel   = 0x0204    //
	xlsRecRString = 0x00D6    //
	xlsRecNumber  = 0x0203    //
	xlsRecRK      = 0x027E    //
	xlsRecMulRK   = 0x00BD    //
	xlsRecFormula = 0x0006    //
	xlsRecString  = 0x0207    //
	xlsRecBoolErr = 0x0205    //
	xlsRecDim     = 0x0200    //
)

// ErrOldExcelPassword is returned for an Excel 97–2003 workbook that is itself password-protected (its
// globals hold a FilePass record). SellerDesk does not decrypt that old scheme; the seller removes the
// password in Excel. It is not a PasswordError: asking for the password would not help.
var ErrOldExcelPassword = apperr.New(apperr.ErrInvalid, "암호가 걸린 Excel 97–2003(.xls) 파일은 열 수 없습니다. 엑셀에서 열어 암호를 지운 뒤(파일 → 정보 → 통합 문서 보호 → 암호 설정) 다시 올리거나 'Excel 통합 문서(*.xlsx)'로 저장해 올리세요.")

// ErrOldExcel95 is returned for an Excel 5.0/95 workbook (BIFF5, a "Book" stream), older than what
// SellerDesk reads.
var ErrOldExcel95 = apperr.New(apperr.ErrInvalid, "Excel 5.0/95 형식의 아주 오래된 엑셀 파일은 읽을 수 없습니다. 엑셀에서 열어 'Excel 통합 문서(*.xlsx)'로 저장한 뒤 올리세요.")

// xlsDamaged is the error for an .xls that cannot be read: cause is kept for the log.
func xlsDamaged(cause error) error {
	e := apperr.New(apperr.ErrInvalid, "Excel 97–2003(.xls) 파일을 읽을 수 없습니다. 파일이 손상되었을 수 있습니다. 엑셀에서 열어 'Excel 통합 문서(*.xlsx)'로 저장한 뒤 올리세요.")
	e.Err = cause
	return e
}

// The errors for an .xls beyond the limits above, one sentence each.
func xlsTooBigFile() error {
	return apperr.New(apperr.ErrInvalid, "Excel 97–2003(.xls) 파일이 너무 큽니다: 셀러데스크가 읽는 한도({{.Limit}} MB)를 넘습니다. 기간을 나누어 여러 파일로 올리세요.", "Limit", maxXLSFile>>20)
}

func xlsTooManySheets() error {
	return apperr.New(apperr.ErrInvalid, "Excel 97–2003(.xls) 파일의 시트가 {{.Limit}}개를 넘습니다. 필요한 시트만 새 통합 문서로 복사해 저장한 뒤 올리세요.", "Limit", maxXLSSheets)
}

func xlsTooMuchText() error {
	return apperr.New(apperr.ErrInvalid, "Excel 97–2003(.xls) 파일에 글자가 너무 많습니다(글자 칸 {{.Strings}}개, {{.Chars}}자까지 읽습니다). 기간을 나누어 여러 파일로 올리세요.", "Strings", maxXLSStrings, "Chars", maxXLSText)
}

func xlsTooManyCells() error {
	return apperr.New(apperr.ErrInvalid, "Excel 97–2003(.xls) 파일의 한 시트에 칸이 {{.Limit}}개를 넘습니다. 기간을 나누어 여러 파일로 올리세요.", "Limit", maxXLSCells)
}

var errXLSFormat = errors.New("xls: not a BIFF8 workbook stream")

// xlsPanics lets a panic of the reader through instead of turning it into a damaged-file error: the fuzz
// targets set it, so that a panic is a finding rather than a seller's message.
var xlsPanics bool

// caught, deferred, turns a panic while reading an .xls (a bug this reader or mscfb has on some broken
// file) into the damaged-file error, so one odd file never takes the program down.
func caught(err *error, where string) {
	if xlsPanics {
		return
	}
	if r := recover(); r != nil {
		*err = xlsDamaged(fmt.Errorf("xls: %s: panic: %v", where, r))
	}
}

// xlsBook is the globals of a workbook: its sheets and shared strings. The cells are read per sheet.
type xlsBook struct {
	stream []byte
	sheets []xlsSheet
	sst    []string
}

type xlsSheet struct {
	name   string
	offset int
}
