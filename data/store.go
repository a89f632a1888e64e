// Package data is SellerDesk's store: one local SQLite file, opened with safe pragmas, migrated by numbered,
// embedded SQL files and accessed through plain Go methods. It knows SQL and nothing of Fyne or of the
// seller's rules beyond integrity.
package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// sqliteHeader is the 16-byte magic every SQLite 3 database file starts with.
var sqliteHeader = []byte("SQLite format 3\x00")

// Store is an open SellerDesk database. Writes go through one connection that begins IMMEDIATE
// transactions, so two writers never deadlock on a lock upgrade; reads use a small pool that cannot write.
type Store struct {
	path       string
	migrations []migration
	w          *sql.DB
	r          *sql.DB
	// clock is the desk's clock; Write reads it once per transaction (Tx.now), so every row a
	// transaction stamps carries the same time and a test that pins the clock pins the store too
	clock func() time.Time
	// marker says this session has the file open until Close removes it (see placeMarker)
	marker *marker
	// busyMillis is how long a connection waits for a lock before it gives up; tests raise it to prove
	// that Close never waits for a reader
	busyMillis int
	// backupPages is how many pages a backup copies per step, between which it reports progress
	backupPages int32
	// access says whether the store may be written, and if not, why (see Access)
	access Access
	// immutable is set when the store is read from a folder SQLite cannot create its -shm file in: the
	// file is then opened with immutable=1, which needs no -shm and takes no locks
	immutable bool
	// openProgress hears the stages of bringing an older file up to date (WithOpenProgress)
	openProgress func(OpenProgress)
}

// Option changes how Open opens the store.
type Option func(*Store)

// WithClock gives the store the desk's clock. It is required: the data layer has no clock of its own, so
// that nothing stamps a row with a time the desk (and a test pinning it) does not know.
func WithClock(c func() time.Time) Option { return func(s *Store) { s.clock = c } }

// errNoClock is what Open says to a caller that forgot WithClock: a programming error, caught at once.
var errNoClock = errors.New("data: Open needs the desk's clock (data.WithClock)")

// Open opens (or creates) the database file at path and brings its schema up to date.
// A file that is not SQLite, whose schema cannot be read, or that was written by a newer SellerDesk is
// refused with an *OpenError and left exactly as it was; so is a file that fails quick_check when a
// migration is due, the one moment SellerDesk rewrites the schema. Otherwise Open does not read the whole
// file: a quick_check of a million-order store takes seconds, and a headless lookup or the window would pay
// them on every start. The checks that keep that protection run later, off the seller's path: after a
// session that did not close (StaleSessions, QuickCheck) and on each backup's copy (BackupTo).
// The store reads "now" only from the clock given with WithClock, which Open requires.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	return openWith(ctx, path, embeddedMigrations(), opts...)
}

func openWith(ctx context.Context, path string, migs []migration, opts ...Option) (*Store, error) {
	s := &Store{path: path, migrations: migs, busyMillis: int(WriterBusyTimeout / time.Millisecond), backupPages: 1024}
	for _, opt := range opts {
		opt(s)
	}
	if s.clock == nil {
		return nil, errNoClock
	}
	if err := s.decideAccess(); err != nil {
		return nil, err
	}
	version, existing, err := probe(ctx, path, s.base(), len(migs))
	if err != nil {
		return nil, s.readOnlyCause(err)
	}
	if s.access != Writable {
		return s.openReadOnly(ctx, version, existing)
	}
	upgrading := existing && version < len(migs)
	if upgrading {
		// a migration is about to rewrite the schema: never do that to a damaged file
		s.reportOpen(OpenProgress{Stage: OpenChecking})
		if err := checkFile(ctx, path, "quick_check"); err != nil {
			return nil, err
		}
	}
	s.w, err = sql.Open("sqlite", s.dsn(true))
	if err != nil {
		return nil, fmt.Errorf("data: open writer %s: %w", path, err)
	}
	s.w.SetMaxOpenConns(1)
	s.w.SetMaxIdleConns(1)
	s.w.SetConnMaxIdleTime(0)
	s.w.SetConnMaxLifetime(0)
	if err := s.w.PingContext(ctx); err != nil {
		s.w.Close()
		return nil, fmt.Errorf("data: open %s: %w", path, err)
	}
	if err := s.migrate(ctx); err != nil {
		s.w.Close()
		return nil, err
	}
	// statistics for the planner before any reader opens (readers load them when they connect); cheap when
	// nothing grew tenfold since the last time (see Optimize), which a migration may have made untrue
	if upgrading {
		s.reportOpen(OpenProgress{Stage: OpenOptimizing})
	}
	s.optimizeIfFree(ctx)
	s.r, err = sql.Open("sqlite", s.dsn(false))
	if err != nil {
		s.w.Close()
		return nil, fmt.Errorf("data: open readers %s: %w", path, err)
	}
	s.r.SetMaxOpenConns(4)
	if s.marker, err = placeMarker(ctx, path); err != nil {
		s.r.Close()
		s.w.Close()
		return nil, &OpenError{Path: path, Kind: KindUnreadable, Detail: err.Error()}
	}
	return s, nil
}

// dsn builds the modernc DSN. Pragmas go in the DSN so every pooled connection gets them, not just the first.
func (s *Store) dsn(writer bool) string {
	q := []string{
		fmt.Sprintf("_pragma=busy_timeout(%d)", s.busyMillis),
		"_pragma=foreign_keys(1)",
		"_pragma=synchronous(FULL)",
	}
	if writer && s.access == Writable {
		// temp_store(MEMORY): each INSERT of a big import wrote its statement journal to a temporary file,
		// about a tenth of the import's CPU (sys time 6.2 s → 2.6 s on 100,000 lines); the writer's
		// temporary data is small (statement journals), the reader's sorts keep their files
		q = append(q, "_pragma=journal_mode(WAL)", "_txlock=immediate", "_pragma=temp_store(2)")
	} else {
		q = append(q, "_pragma=query_only(1)")
	}
	return withParams(s.base(), q...)
}

// base is the file as every connection names it: its path, or for a read-only store an SQLite URI that
// opens it read-only (and immutable where its folder cannot be written).
func (s *Store) base() string {
	if s.access == Writable {
		return s.path
	}
	return roURI(s.path, s.immutable)
}

// withParams adds query parameters to a DSN that may already have some.
func withParams(dsn string, params ...string) string {
	if len(params) == 0 {
		return dsn
	}
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + strings.Join(params, "&")
}

// probe looks at a file before anything may write to it: the header, the schema version and the schema
// itself (every statement needs it, and reading it costs a few pages), on a plain connection that sets no
// persistent pragma. It does not read the whole file. existing is false for a fresh store: no file, or an
// empty one.
func probe(ctx context.Context, path, base string, known int) (version int, existing bool, err error) {
	// the file is only looked at through SQLite: on Unix, closing a descriptor of our own on the file would
	// drop every lock SQLite holds on it in this process (another store open on it, a write under way)
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, false, nil // a fresh store
	}
	if err != nil {
		return 0, false, &OpenError{Path: path, Kind: KindUnreadable, Detail: err.Error()}
	}
	if st.Size() == 0 {
		return 0, false, nil // an empty file is a fresh store too (e.g. made by a file dialog)
	}
	db, err := sql.Open("sqlite", withParams(base, "_pragma=busy_timeout(10000)"))
	if err != nil {
		return 0, true, &OpenError{Path: path, Kind: KindUnreadable, Detail: err.Error()}
	}
	defer db.Close()
	version, err = userVersion(ctx, db)
	switch code := sqliteCode(err); {
	case err == nil:
	case code == sqlite3.SQLITE_NOTADB:
		return 0, true, &OpenError{Path: path, Kind: KindNotDatabase}
	case code == sqlite3.SQLITE_CANTOPEN || code == sqlite3.SQLITE_PERM || code == sqlite3.SQLITE_AUTH:
		return 0, true, &OpenError{Path: path, Kind: KindUnreadable, Detail: err.Error()}
	default:
		return 0, true, &OpenError{Path: path, Kind: KindCorrupt, Detail: err.Error()}
	}
	if version > known {
		return version, true, &OpenError{Path: path, Kind: KindNewerVersion, Version: version, Known: known}
	}
	var objects int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&objects); err != nil {
		return version, true, &OpenError{Path: path, Kind: KindCorrupt, Detail: err.Error()}
	}
	return version, true, nil
}

// checkFile runs quick_check or integrity_check over the file at path on a connection of its own and
// returns an *OpenError (KindCorrupt) when the file is not sound.
func checkFile(ctx context.Context, path, pragma string) error {
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return &OpenError{Path: path, Kind: KindUnreadable, Detail: err.Error()}
	}
	defer db.Close()
	problem, err := check(ctx, db, pragma)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return &OpenError{Path: path, Kind: KindCorrupt, Detail: err.Error()}
	}
	if problem != "" {
		return &OpenError{Path: path, Kind: KindCorrupt, Detail: problem}
	}
	return nil
}

func userVersion(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int, error) {
	var v int
	if err := q.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("data: read user_version: %w", err)
	}
	return v, nil
}

// check runs quick_check or integrity_check and returns "" when the file is sound, else the first problems.
func check(ctx context.Context, db *sql.DB, pragma string) (string, error) {
	rows, err := db.QueryContext(ctx, `PRAGMA `+pragma)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return "", err
		}
		if line != "ok" && len(problems) < 5 {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	return strings.Join(problems, "; "), nil
}

// Path is the database file's location.
func (s *Store) Path() string { return s.path }

// Version is the schema version the file now has (the number of migrations applied).
func (s *Store) Version(ctx context.Context) (int, error) { return userVersion(ctx, s.r) }

// Now is the time on the desk's clock. Services read it (for windows, day numbers, periods) so they and the
// rows their transactions stamp agree on the day.
func (s *Store) Now() time.Time { return s.clock() }

// LatestVersion is the schema version this build of SellerDesk writes.
func (s *Store) LatestVersion() int { return len(s.migrations) }

// Read is the pool for queries. Its connections are query_only: a write through it is an error.
func (s *Store) Read() *sql.DB { return s.r }

// Tx is a write transaction. Its single-statement queries run as statements prepared once per
// transaction, so a bulk import does not prepare the same SQL a hundred thousand times (preparing was a
// third of a 30,000-row import's time). They are closed with the transaction.
type Tx struct {
	*sql.Tx
	stmts map[string]*sql.Stmt
	// stageProductSearch sends product search entries to a temporary table until FlushProductSearchTx
	// (bulk imports; see StageProductSearch)
	stageProductSearch bool
	// newLiveProducts counts the products inserted in this transaction; Write adds them to
	// live_product_count just before it commits (migration 0009)
	newLiveProducts int
	// now is the desk's clock read once when the transaction began: every row the transaction stamps gets
	// the same time (wtf's Tx.now)
	now time.Time
}

// Now is the time the transaction began, on the desk's clock and in its location (the seller's local time,
// for local days such as a document number's), to the millisecond the store keeps.
func (t *Tx) Now() time.Time { return t.now }

// stamp is the transaction's time as the store writes it: UTC.
func (t *Tx) stamp() string { return t.now.UTC().Format(TimeLayout) }

func (t *Tx) stmt(ctx context.Context, query string) *sql.Stmt {
	if strings.Contains(query, ";") {
		return nil // several statements (migrations) cannot be one prepared statement
	}
	if st, ok := t.stmts[query]; ok {
		return st
	}
	st, err := t.Tx.PrepareContext(ctx, query)
	if err != nil {
		return nil // let the plain call report the error
	}
	t.stmts[query] = st
	return st
}

// ExecContext runs a statement in the transaction.
func (t *Tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := t.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.Tx.ExecContext(ctx, query, args...)
}

// QueryContext runs a query in the transaction.
func (t *Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.Tx.QueryContext(ctx, query, args...)
}

// QueryRowContext runs a one-row query in the transaction.
func (t *Tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.Tx.QueryRowContext(ctx, query, args...)
}

// Write runs fn in one IMMEDIATE transaction on the writer connection and commits when fn returns nil.
// Anything fn wrote is rolled back when it returns an error or panics.
//
// A store open read-only refuses every write at once with a *ReadOnlyError. A write that fails because
// another process holds the file, the file became read-only or the disk is full comes back as a
// *BusyError, *ReadOnlyError or *FullError (see KnownFault), with nothing of it written.
func (s *Store) Write(ctx context.Context, fn func(tx *Tx) error) error {
	if s.access != Writable {
		return &ReadOnlyError{Path: s.path}
	}
	sqlTx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("data: begin: %w", classify(s.path, err))
	}
	defer sqlTx.Rollback()
	tx := &Tx{Tx: sqlTx, stmts: map[string]*sql.Stmt{}, now: s.clock().Truncate(time.Millisecond)}
	if err := fn(tx); err != nil {
		return classify(s.path, err)
	}
	if tx.newLiveProducts > 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE live_product_count SET n = n + ?`, tx.newLiveProducts); err != nil {
			return fmt.Errorf("data: count new products: %w", classify(s.path, err))
		}
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("data: commit: %w", classify(s.path, err))
	}
	return nil
}

// Check runs SQLite's full integrity_check and returns "" when the file is sound.
func (s *Store) Check(ctx context.Context) (string, error) {
	return check(ctx, s.r, "integrity_check")
}

// QuickCheck runs SQLite's quick_check over the whole file (every page, not the indexes' agreement with
// their tables) and returns "" when it is sound. It reads inside one read transaction on the read pool, so
// the seller's writes go on while it runs.
func (s *Store) QuickCheck(ctx context.Context) (string, error) {
	return check(ctx, s.r, "quick_check")
}

// Close checkpoints what it can of the WAL without waiting, closes every connection and removes this
// session's marker, the sign that it closed cleanly. The checkpoint is PASSIVE: another process reading
// the file (the window while a headless command closes, or the other way round) would make a TRUNCATE
// checkpoint wait the whole busy timeout; SQLite checkpoints again when the file's last connection closes.
func (s *Store) Close() error {
	var errs []error
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	if s.w != nil && s.access != Writable {
		errs = append(errs, s.w.Close())
	} else if s.w != nil {
		s.optimizeIfFree(context.Background()) // what this session's writes changed, for the next one's plans
		_, err := s.w.ExecContext(context.Background(), `PRAGMA wal_checkpoint(PASSIVE)`)
		errs = append(errs, err, s.w.Close())
	}
	if s.marker != nil {
		errs = append(errs, s.marker.remove())
		s.marker = nil
	}
	return errors.Join(errs...)
}

// TimeLayout is how times are written in the store: UTC, sortable, readable by SQLite's date functions.
const TimeLayout = "2006-01-02T15:04:05.000Z"

// nextDayNumberTx takes the next number of a day from a counter table (day, last) and writes it as
// PREFIX-YYYYMMDD-NNN. Numbers are never reused: the counter only grows, even past cancelled documents.
func nextDayNumberTx(ctx context.Context, tx *Tx, table, prefix, day string) (string, error) {
	var n int
	err := tx.QueryRowContext(ctx, `INSERT INTO `+table+` (day, last) VALUES (?, 1)
		ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last`, day).Scan(&n)
	if err != nil {
		return "", fmt.Errorf("data: next %s number: %w", prefix, err)
	}
	return fmt.Sprintf("%s-%s-%03d", prefix, day, n), nil
}

// scanIDs reads a one-column result of ids and closes it.
func scanIDs(rows *sql.Rows) ([]int64, error) {
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// StateMove is one move of a purchase order or a return request from one state to another.
type StateMove struct {
	From, To, Note string
	At             time.Time
}

// stateMoves reads the moves a query selects (from, to, note, at) for one document.
func stateMoves(ctx context.Context, q Querier, query string, id int64, what string) ([]StateMove, error) {
	rows, err := q.QueryContext(ctx, query, id)
	if err != nil {
		return nil, fmt.Errorf("data: %s %d history: %w", what, id, err)
	}
	defer rows.Close()
	var out []StateMove
	for rows.Next() {
		var m StateMove
		var at string
		if err := rows.Scan(&m.From, &m.To, &m.Note, &at); err != nil {
			return nil, fmt.Errorf("data: %s %d history: %w", what, id, err)
		}
		m.At = parseStoreTime(at)
		out = append(out, m)
	}
	return out, rows.Err()
}
