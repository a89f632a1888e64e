package data

import "fmt"

// OpenErrorKind says why a database file was refused.
type OpenErrorKind int

// The reasons Open refuses a file. In every case the file is left untouched.
const (
	KindUnreadable   OpenErrorKind = iota + 1 // the file could not be read at all
	KindNotDatabase                           // not an SQLite file
	KindCorrupt                               // an SQLite file that fails quick_check
	KindNewerVersion                          // written by a newer SellerDesk
)

// OpenError is returned by Open when a file is refused. Its message is the sentence the seller sees.
type OpenError struct {
	Path    string
	Kind    OpenErrorKind
	Detail  string // technical detail, for the log
	Version int    // the file's schema version (KindNewerVersion)
	Known   int    // the newest schema version this build knows (KindNewerVersion)
}

func (e *OpenError) Error() string {
	switch e.Kind {
	case KindNotDatabase:
		return fmt.Sprintf("'%s' 파일은 셀러데스크 데이터 파일이 아닙니다. 파일은 그대로 두었습니다. 다른 파일을 지정하세요.", e.Path)
	case KindCorrupt:
		return fmt.Sprintf("데이터 파일 '%s'이(가) 손상되었습니다(%s). 파일은 그대로 두었습니다. 백업에서 복원하세요.", e.Path, e.Detail)
	case KindNewerVersion:
		return fmt.Sprintf("데이터 파일 '%s'은(는) 더 새로운 버전의 셀러데스크에서 만들어졌습니다(데이터 버전 %d, 이 프로그램은 %d까지). 파일은 그대로 두었습니다. 셀러데스크를 최신 버전으로 업데이트하세요.", e.Path, e.Version, e.Known)
	default:
		return fmt.Sprintf("데이터 파일 '%s'을(를) 읽을 수 없습니다: %s", e.Path, e.Detail)
	}
}

// MigrationError names the migration step that failed; the file keeps the version it had before that step.
type MigrationError struct {
	Step int
	Name string
	Err  error
}

func (e *MigrationError) Error() string {
	return fmt.Sprintf("데이터 구조 업데이트 %d단계(%s)에 실패했습니다. 파일은 이전 상태 그대로입니다: %v", e.Step, e.Name, e.Err)
}

func (e *MigrationError) Unwrap() error { return e.Err }

// KoreanMessage marks the error's text as a sentence fit to show the seller as it is.
func (e *OpenError) KoreanMessage() bool { return true }

// KoreanMessage marks the error's text as a sentence fit to show the seller as it is.
func (e *MigrationError) KoreanMessage() bool { return true }
