package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"

	"sellerdesk/app/apperr"
)

// PasswordError is what every importer returns for a password-protected workbook it could not open: the
// order export, the product template / 상품 일괄등록 file and the courier file all speak with this one type,
// so the window and the command line ask for the password the same way. Wrong tells the two cases apart:
// no password was given (the seller has not been asked yet) or the one given does not open the file.
//
// Callers test with errors.Is(err, ErrPasswordRequired) / errors.Is(err, ErrWrongPassword), or take the
// value with errors.As. The error also unwraps to an *apperr.Error (code ErrInvalid, the same Korean
// message), so apperr.Message and apperr.ErrorCode treat it like any other mistake in the seller's input.
type PasswordError struct {
	Wrong bool  // a password was given and it does not open the file; false: none was given
	Err   error // excelize's cause, for the log (nil when no password was tried)
}

// The two Korean sentences, one per case, shared by every importer.
const (
	passwordRequiredMessage = "암호가 걸린 엑셀 파일입니다. 파일을 내려받을 때 정한 암호(스마트스토어라면 엑셀다운 때 정한 암호)를 입력하세요."
	wrongPasswordMessage    = "파일 암호가 맞지 않습니다. 파일을 내려받을 때 정한 암호(스마트스토어라면 엑셀다운 때 정한 암호)를 다시 입력하세요."
)

// ErrPasswordRequired matches (errors.Is) any *PasswordError for a protected file opened without a password.
var ErrPasswordRequired error = &PasswordError{}

// ErrWrongPassword matches (errors.Is) any *PasswordError for a password that does not open the file.
var ErrWrongPassword error = &PasswordError{Wrong: true}

// ErrOldExcel is returned by the product importers (which read xlsx only) for an Excel 97–2003 workbook
// (.xls), which starts like an encrypted xlsx but is not one: without this check such a file would be
// taken for a protected one and the seller asked for a password that cannot exist. The row importers
// (order exports, courier files; openTables) read .xls themselves.
var ErrOldExcel = &apperr.Error{Code: apperr.ErrInvalid, Message: "Excel 97–2003 형식(.xls) 파일은 읽을 수 없습니다. 엑셀에서 열어 '다른 이름으로 저장 → Excel 통합 문서(*.xlsx)'로 저장한 뒤 다시 올리세요."}

func (e *PasswordError) Error() string {
	if e.Wrong {
		return wrongPasswordMessage
	}
	return passwordRequiredMessage
}

// Is makes every PasswordError of the same case match the sentinels above.
func (e *PasswordError) Is(target error) bool {
	t, ok := target.(*PasswordError)
	return ok && t.Wrong == e.Wrong
}

// Unwrap gives the seller-facing *apperr.Error and excelize's cause.
func (e *PasswordError) Unwrap() []error {
	out := []error{&apperr.Error{Code: apperr.ErrInvalid, Message: e.Error()}}
	if e.Err != nil {
		out = append(out, e.Err)
	}
	return out
}

// openWorkbook opens an xlsx, encrypted or not, the one way every importer does. notXLSX is the importer's
// own sentence for bytes that are not a workbook at all.
func openWorkbook(raw []byte, password, notXLSX string) (*excelize.File, error) {
	encrypted := bytes.HasPrefix(raw, oleHeader)
	if encrypted {
		if !encryptedPackage(raw) {
			return nil, ErrOldExcel
		}
		if password == "" {
			return nil, &PasswordError{}
		}
	}
	if encrypted {
		// Decrypted here rather than inside excelize so the workbook's parts can be checked (below) before
		// excelize reads them.
		plain, err := excelize.Decrypt(raw, &excelize.Options{Password: password})
		if err != nil {
			return nil, &apperr.Error{Code: apperr.ErrInvalid, Err: err, Message: "암호가 걸린 엑셀 파일이지만 암호화 방식을 읽을 수 없거나 파일이 손상되었습니다. 엑셀에서 열어 암호를 푼 뒤 'Excel 통합 문서(*.xlsx)'로 저장해 올리세요."}
		}
		if _, err := zip.NewReader(bytes.NewReader(plain), int64(len(plain))); err != nil {
			// any password decrypts; a wrong one gives bytes that are not a zip
			return nil, &PasswordError{Wrong: true, Err: fmt.Errorf("%w: %w", excelize.ErrWorkbookPassword, err)}
		}
		raw = plain
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, &apperr.Error{Code: apperr.ErrInvalid, Err: err, Message: notXLSX}
	}
	if err := checkParts(zr); err != nil {
		return nil, &apperr.Error{Code: apperr.ErrInvalid, Err: err, Message: notXLSX}
	}
	if err := checkArchiveLimits(zr); err != nil {
		return nil, err
	}
	// The CRC check unpacks every entry once more; it runs beside excelize's own unpacking so the seller
	// waits for the slower of the two, not both, and no row reaches the importer before it passed.
	verified := make(chan error, 1)
	go func() { verified <- verifyArchive(zr) }()
	f, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{UnzipSizeLimit: maxUnpackedSize, UnzipXMLSizeLimit: inMemoryPart, TmpDir: tmpDir()})
	if verr := <-verified; verr != nil {
		if f != nil {
			f.Close()
		}
		return nil, verr
	}
	if err != nil {
		if f != nil {
			f.Close() // excelize hands back a half-read file with some errors
		}
		return nil, &apperr.Error{Code: apperr.ErrInvalid, Err: err, Message: notXLSX}
	}
	return f, nil
}

// encryptedPackage reports whether a compound file holds an encrypted xlsx (an EncryptedPackage stream)
// rather than being an Excel 97–2003 workbook or some other OLE document.
func encryptedPackage(raw []byte) bool {
	doc, err := mscfb.New(bytes.NewReader(raw))
	if err != nil {
		return false
	}
	for entry, err := doc.Next(); err == nil; entry, err = doc.Next() {
		if entry.Name == "EncryptedPackage" {
			return true
		}
	}
	return false
}
