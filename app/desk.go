package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"sellerdesk/app/applog"
	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/app/orders"
	"sellerdesk/app/overseas"
	"sellerdesk/app/purchasing"
	"sellerdesk/app/returns"
	"sellerdesk/data"
)

// Desk is one open SellerDesk: the store, its data folder, the log and the services built on them.
// main builds it once and passes it down; nothing keeps it in a global.
type Desk struct {
	Info    AppInfo
	Store   *data.Store
	Catalog *catalog.Service
	Orders  *orders.Service
	POs     *purchasing.Service
	Abroad  *overseas.Shipper
	Returns *returns.Service
	DataDir string
	Log     *slog.Logger
	logOut  io.Closer
}

// Now is the time on the desk's one clock. The store holds that clock (its transactions read it once when
// they begin) and every service reads it through the store, so there is nothing here to set apart from
// them: a test stands on a chosen day with WithClock.
func (d *Desk) Now() time.Time { return d.Store.Now() }

// Option changes how Open builds the desk.
type Option func(*openOptions)

type openOptions struct {
	clock clock.Clock
}

// WithClock makes the desk (its services, its store's transactions, its demo data) read the time from c
// instead of the system clock. Tests use it to stand on a chosen day.
func WithClock(c clock.Clock) Option { return func(o *openOptions) { o.clock = c } }

// Open creates the data folder if needed, starts the log there and opens the store at dbPath.
func Open(ctx context.Context, dbPath string, info AppInfo, opts ...Option) (*Desk, error) {
	o := openOptions{clock: clock.System()}
	for _, opt := range opts {
		opt(&o)
	}
	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, &Error{Code: ErrInternal, Err: err,
			Message: fmt.Sprintf("데이터 폴더 '%s'을(를) 만들 수 없습니다. 쓰기 권한을 확인하세요.", dir)}
	}
	log, logOut, err := applog.New(dir, slog.LevelInfo)
	if err != nil {
		return nil, &Error{Code: ErrInternal, Err: err,
			Message: fmt.Sprintf("데이터 폴더 '%s'에 로그 파일을 쓸 수 없습니다. 쓰기 권한을 확인하세요.", dir)}
	}
	store, err := data.Open(ctx, dbPath, data.WithClock(o.clock))
	if err != nil {
		log.Error("open store", "path", dbPath, "err", err)
		logOut.Close()
		return nil, err
	}
	log.Info("store opened", "path", dbPath, "version", info.Version)
	return &Desk{Info: info, Store: store, Catalog: catalog.New(store, dir, log), Orders: orders.New(store, log),
		POs: purchasing.New(store, log), Abroad: overseas.New(store, log),
		Returns: returns.New(store, log), DataDir: dir, Log: log, logOut: logOut}, nil
}

// Close closes the store and the log.
func (d *Desk) Close() error {
	err := d.Store.Close()
	if err != nil {
		d.Log.Error("close store", "err", err)
	}
	return errors.Join(err, d.logOut.Close())
}

// CheckReport is what `sellerdesk check` and the settings screen tell about the data file.
type CheckReport struct {
	Path    string
	Size    int64
	Version int
	Problem string // "" when integrity_check passed
}

// Check runs SQLite's full integrity check over the data file.
func (d *Desk) Check(ctx context.Context) (CheckReport, error) {
	r := CheckReport{Path: d.Store.Path()}
	var err error
	if r.Version, err = d.Store.Version(ctx); err != nil {
		return r, err
	}
	if st, err := os.Stat(r.Path); err == nil {
		r.Size = st.Size()
	}
	if r.Problem, err = d.Store.Check(ctx); err != nil || r.Problem != "" {
		return r, err
	}
	bad, err := d.Catalog.LedgerMismatches(ctx)
	if len(bad) > 0 {
		r.Problem = fmt.Sprintf("옵션 %d개의 재고가 재고 이력의 합과 다릅니다(옵션 번호 %v)", len(bad), bad[:min(len(bad), 5)])
	}
	return r, err
}
