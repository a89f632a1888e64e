package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"sellerdesk/app/applog"
	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/app/orders"
	"sellerdesk/app/overseas"
	"sellerdesk/app/purchasing"
	"sellerdesk/app/returns"
	"sellerdesk/app/sheet"
	"sellerdesk/data"
)

// Desk is one open SellerDesk: the store, its data folder, the log and the services built on them.
// main builds it once and passes it down; nothing keeps it in a global.
type Desk struct {
	Info AppInfo
	// store is the open store; nothing beyond app reaches it (DataFile, IsEmpty … speak for it)
	store   *data.Store
	Catalog *catalog.Service
	Orders  *orders.Service
	POs     *purchasing.Service
	Abroad  *overseas.Shipper
	Returns *returns.Service
	DataDir string
	Log     *slog.Logger
	logOut  io.Closer
	// temp is this process's temporary folder for the workbooks' big temporary files (see OpenTempDir);
	// nil when it could not be made (the workbooks then use the system's temporary folder)
	temp *TempDir

	// background work started with Go: Close cancels life and waits for it
	life    context.Context
	stop    context.CancelFunc
	mu      sync.Mutex // guards closing and work.Add against Close
	closing bool
	work    sync.WaitGroup
}

// Now is the time on the desk's one clock. The store holds that clock (its transactions read it once when
// they begin) and every service reads it through the store, so there is nothing here to set apart from
// them: a test stands on a chosen day with WithClock.
func (d *Desk) Now() time.Time { return d.store.Now() }

// DataFile is the data file's location, to show the seller and to open its folder.
func (d *Desk) DataFile() string { return d.store.Path() }

// IsEmpty reports whether the store holds none of the seller's own data (store profile, products,
// categories, suppliers); settings alone do not count.
func (d *Desk) IsEmpty(ctx context.Context) (bool, error) { return d.store.IsEmpty(ctx) }

// Go runs work on a goroutine of its own with a context that Close cancels, and Close waits for it to
// return. The window's work after its first frame (the day's backup, a check) runs this way, so quitting
// in the middle stops it cleanly (a backup removes its half-written copy) instead of being cut off with
// the process. After Close, Go starts nothing and returns false.
func (d *Desk) Go(work func(ctx context.Context)) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closing {
		return false
	}
	d.work.Add(1)
	go func() {
		defer d.work.Done()
		work(d.life)
	}()
	return true
}

// Option changes how Open builds the desk.
type Option func(*openOptions)

type openOptions struct {
	clock    clock.Clock
	readOnly bool
	tempBase string // where OpenTempDir makes this process's folder: os.TempDir() unless a test says
	progress func(OpeningProgress)
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
		return nil, folderError(dir, err)
	}
	log, logOut, err := applog.New(dir, slog.LevelInfo)
	if err != nil {
		// the log falls back to the temporary folder (see applog.New): this is neither being writable
		return nil, &Error{Code: ErrConflict, Err: err,
			Key:  "데이터 폴더 {{.Dir}}에도 임시 폴더 {{.Temp}}에도 로그 파일을 쓸 수 없습니다. 두 폴더의 쓰기 권한과 디스크 공간을 확인하세요.",
			Args: map[string]any{"Dir": dir, "Temp": applog.FallbackDir()}}
	}
	dataOpts := []data.Option{data.WithClock(o.clock)}
	if o.readOnly {
		dataOpts = append(dataOpts, data.ReadOnly())
	}
	if o.progress != nil {
		dataOpts = append(dataOpts, dataProgress(o.progress))
	}
	store, err := data.Open(ctx, dbPath, dataOpts...)
	if err != nil {
		log.Error("open store", "path", dbPath, "err", err)
		logOut.Close()
		return nil, err
	}
	log.Info("store opened", "path", dbPath, "version", info.Version, "access", store.Access())
	life, stop := context.WithCancel(context.Background())
	d := &Desk{Info: info, store: store, Catalog: catalog.New(store, dir, log), Orders: orders.New(store, log),
		POs: purchasing.New(store, log), Abroad: overseas.New(store, log),
		Returns: returns.New(store, log), DataDir: dir, Log: log, logOut: logOut, life: life, stop: stop}
	if o.tempBase == "" {
		o.tempBase = os.TempDir()
	}
	if d.temp, err = OpenTempDir(o.tempBase); err != nil {
		// the workbooks then unpack in the system's temporary folder, as they did before: no reason to stop
		log.Warn("temporary folder", "err", err)
	} else {
		// excelize unpacks a big sheet's cells there (some 200 MB for 100,000 rows): a killed import's
		// files are then removed by the next start's sweep, with the folder
		sheet.SetTempDir(d.temp.Path())
		for _, swept := range d.temp.Swept {
			log.Info("temporary folder of an ended process removed", "path", swept)
		}
	}
	for _, left := range d.removeLeftovers(ctx) {
		log.Info("leftover removed", "path", left)
	}
	return d, nil
}

// TempDir is this process's temporary folder for big temporary files (excelize's unpacked sheets), removed
// when the desk closes and, after a crash, at the next start; "" when it could not be made.
func (d *Desk) TempDir() string {
	if d.temp == nil {
		return ""
	}
	return d.temp.Path()
}

// folderError says why the data folder dir could not be made: a file where a folder of its path should be,
// or no right to write there.
func folderError(dir string, err error) error {
	if errors.Is(err, syscall.ENOTDIR) || errors.Is(err, fs.ErrExist) {
		return &Error{Code: ErrInvalid, Err: err, Key: "데이터 폴더 {{.Dir}}을(를) 만들 수 없습니다. 그 경로의 한 부분이 폴더가 아니라 파일입니다. 데이터 파일의 위치를 다시 지정하세요.",
			Args: map[string]any{"Dir": dir}}
	}
	return &Error{Code: ErrInternal, Err: err, Key: "데이터 폴더 {{.Dir}}을(를) 만들 수 없습니다. 쓰기 권한을 확인하세요.",
		Args: map[string]any{"Dir": dir}}
}

// Close stops the work started with Go and waits for it, then closes the store (which marks the session
// as closed cleanly) and the log.
func (d *Desk) Close() error {
	d.mu.Lock()
	d.closing = true
	d.mu.Unlock()
	d.stop()
	d.work.Wait()
	err := d.store.Close()
	if err != nil {
		d.Log.Error("close store", "err", err)
	}
	if d.temp != nil {
		sheet.SetTempDir("") // the folder goes now; a file read after this uses the system's
		if terr := d.temp.Close(); terr != nil {
			d.Log.Warn("temporary folder", "err", terr)
		}
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

// Check runs SQLite's full integrity check over the data file. When it passes, the sessions that ended
// without closing before it began need no other check: the window will not check again at its next start.
func (d *Desk) Check(ctx context.Context) (CheckReport, error) {
	stale, err := d.store.StaleSessions(ctx)
	if err != nil {
		return CheckReport{}, err
	}
	r, err := d.checkReport(ctx)
	if err != nil {
		return r, err
	}
	if r.Problem, err = d.store.Check(ctx); err != nil || r.Problem != "" {
		return r, err
	}
	bad, err := d.Catalog.LedgerMismatches(ctx)
	if len(bad) > 0 {
		r.Problem = fmt.Sprintf("옵션 %d개의 재고가 재고 이력의 합과 다릅니다(옵션 번호 %v)", len(bad), bad[:min(len(bad), 5)])
	}
	if err != nil || r.Problem != "" {
		return r, err
	}
	// the sales aggregates kept by the store's triggers must equal a recomputation from the order lines
	if p, err := d.SalesCheck(ctx); err != nil || p != "" {
		r.Problem = p
		return r, err
	}
	return r, d.store.ForgetSessions(stale)
}

func (d *Desk) checkReport(ctx context.Context) (CheckReport, error) {
	r := CheckReport{Path: d.store.Path()}
	var err error
	if r.Version, err = d.store.Version(ctx); err != nil {
		return r, err
	}
	if st, err := os.Stat(r.Path); err == nil {
		r.Size = st.Size()
	}
	return r, nil
}

// ErrDataDamaged is in the chain of an error that found the data file damaged: the check after a session
// that did not close, or the check of the day's backup copy. The window answers it with the warning that
// offers a restore (errors.Is).
var ErrDataDamaged = errors.New("app: the data file is damaged")

// LastRunUnclean reports whether a session before this one (the window or a headless command) ended
// without closing the data file: a crash, a power cut, a killed process. It reads only the small session
// markers beside the data file; sessions still running do not count.
func (d *Desk) LastRunUnclean(ctx context.Context) (bool, error) {
	stale, err := d.store.StaleSessions(ctx)
	if err != nil {
		return false, err
	}
	return len(stale) > 0, nil
}

// CheckAfterUncleanRun runs SQLite's quick_check over the whole data file (seconds on a million orders; the
// window runs it after its first frame, and the seller's writes go on meanwhile). When the file is sound
// the markers of the sessions that did not close are forgotten, so the next start does not check again;
// when it is not, they stay, and the report's Problem says what is wrong.
func (d *Desk) CheckAfterUncleanRun(ctx context.Context) (CheckReport, error) {
	stale, err := d.store.StaleSessions(ctx)
	if err != nil {
		return CheckReport{}, err
	}
	r, err := d.checkReport(ctx)
	if err != nil {
		return r, err
	}
	if r.Problem, err = d.store.QuickCheck(ctx); err != nil {
		if ctx.Err() != nil {
			return r, ctx.Err()
		}
		// the check itself failing on the file is damage too ("database disk image is malformed")
		r.Problem = err.Error()
	}
	if r.Problem != "" {
		d.Log.Error("check after a session that did not close", "path", r.Path, "problem", r.Problem, "sessions", len(stale))
		return r, nil
	}
	d.Log.Info("check after a session that did not close: sound", "path", r.Path, "sessions", len(stale))
	return r, d.store.ForgetSessions(stale)
}
