package app

import (
	"fmt"
	"os"
	"path/filepath"
)

// DBFileName is the database's name inside the data folder.
const DBFileName = "sellerdesk.db"

// EnvDB names the environment variable that points SellerDesk at another database file.
const EnvDB = "SELLERDESK_DB"

// ResolveDBPath picks the database file: the --db flag first, then $SELLERDESK_DB, else sellerdesk.db in
// the per-user config folder (%AppData%\SellerDesk on Windows, ~/Library/Application Support/SellerDesk on
// macOS, ~/.config/SellerDesk on Linux) — never beside the program, which may sit in Program Files.
func ResolveDBPath(flagDB string, getenv func(string) string) (string, error) {
	p := flagDB
	if p == "" {
		p = getenv(EnvDB)
	}
	if p == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return "", &Error{Code: ErrInternal, Message: "사용자 데이터 폴더를 찾을 수 없습니다. --db 옵션으로 데이터 파일 위치를 지정하세요.", Err: err}
		}
		p = filepath.Join(dir, "SellerDesk", DBFileName)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", fmt.Errorf("app: data file path %s: %w", p, err)
	}
	return abs, nil
}
