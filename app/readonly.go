package app

import (
	"path/filepath"

	"sellerdesk/app/apperr"
	"sellerdesk/data"
)

// ReadOnly opens the desk read-only: nothing is written to the data file or beside it. Open also opens
// read-only by itself when the data file or its folder cannot be written (see data.ReadOnly).
func ReadOnly() Option { return func(o *openOptions) { o.readOnly = true } }

// ReadOnly reports whether the desk's store is open read-only: looking up, checking and backing up to
// another folder work, and every write is refused with a message saying why.
func (d *Desk) ReadOnly() bool { return d.store.Access() != data.Writable }

// ReadOnlyNotice is the sentence of the banner the window shows while the store is open read-only, and
// false when it may be written.
func (d *Desk) ReadOnlyNotice() (Msg, bool) {
	path := d.store.Path()
	switch d.store.Access() {
	case data.ReadOnlyFile:
		return apperr.M("읽기 전용으로 열었습니다. 데이터 파일 {{.Path}}에 쓸 수 없어 조회와 다른 폴더로의 백업만 할 수 있고 저장은 되지 않습니다. 파일의 쓰기 권한을 확인한 뒤 셀러데스크를 다시 시작하세요.",
			"Path", path), true
	case data.ReadOnlyFolder:
		return apperr.M("읽기 전용으로 열었습니다. 데이터 폴더 {{.Dir}}에 쓸 수 없어 조회와 다른 폴더로의 백업만 할 수 있고 저장은 되지 않습니다. 폴더의 쓰기 권한을 확인한 뒤 셀러데스크를 다시 시작하세요.",
			"Dir", filepath.Dir(path)), true
	case data.ReadOnlyAsked:
		return apperr.M("읽기 전용으로 열었습니다. 조회와 다른 폴더로의 백업만 할 수 있고 저장은 되지 않습니다."), true
	}
	return Msg{}, false
}
