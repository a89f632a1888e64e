package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"sellerdesk/app/apperr"
	"sellerdesk/app/atomicfile"
	"sellerdesk/data"
)

// KeepAutoBackups is how many daily automatic backups stay in the backups folder.
const KeepAutoBackups = 7

// BackupKind says why a backup file was made.
type BackupKind string

// The kinds of backup, also the prefix of their file names.
const (
	BackupAuto          BackupKind = "auto"           // once a day at start
	BackupManual        BackupKind = "manual"         // 지금 백업
	BackupBeforeRestore BackupKind = "before-restore" // the current data, saved before a restore replaced it
)

// BackupFile is one backup in the backups folder.
type BackupFile struct {
	Path string
	Kind BackupKind
	Time time.Time // when it was made, from its name
	Size int64
}

const backupStamp = "20060102-150405"

// BackupDir is the folder that holds automatic and on-demand backups, inside the data folder.
func (d *Desk) BackupDir() string { return filepath.Join(d.DataDir, "backups") }

// backupPath names a new backup file; a second one in the same second gets a -2, -3 … suffix so no backup
// ever overwrites another (a restore's own safety copy included).
func (d *Desk) backupPath(kind BackupKind) string {
	base := filepath.Join(d.BackupDir(), fmt.Sprintf("sellerdesk-%s-%s", kind, d.Now().Format(backupStamp)))
	path := base + ".db"
	for n := 2; ; n++ {
		if _, err := os.Stat(path); os.IsNotExist(err) {
			return path
		}
		path = fmt.Sprintf("%s-%d.db", base, n)
	}
}

var backupKinds = []BackupKind{BackupAuto, BackupManual, BackupBeforeRestore}

// parseBackupName reads kind and time from sellerdesk-<kind>-<YYYYMMDD-HHMMSS>[-n].db.
func parseBackupName(name string) (BackupKind, time.Time, bool) {
	rest, ok := strings.CutPrefix(name, "sellerdesk-")
	if !ok || !strings.HasSuffix(rest, ".db") {
		return "", time.Time{}, false
	}
	rest = strings.TrimSuffix(rest, ".db")
	for _, k := range backupKinds {
		stamp, ok := strings.CutPrefix(rest, string(k)+"-")
		if !ok || len(stamp) < len(backupStamp) {
			continue
		}
		at, err := time.ParseInLocation(backupStamp, stamp[:len(backupStamp)], time.Local)
		if err == nil {
			return k, at, true
		}
	}
	return "", time.Time{}, false
}

// Backups lists the backup files in the backups folder, newest first.
func (d *Desk) Backups() ([]BackupFile, error) {
	entries, err := os.ReadDir(d.BackupDir())
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("app: list backups: %w", err)
	}
	var files []BackupFile
	for _, e := range entries {
		kind, at, ok := parseBackupName(e.Name())
		if e.IsDir() || !ok {
			continue
		}
		name := e.Name()
		f := BackupFile{Path: filepath.Join(d.BackupDir(), name), Kind: kind, Time: at}
		if info, err := e.Info(); err == nil {
			f.Size = info.Size()
		}
		files = append(files, f)
	}
	sort.SliceStable(files, func(i, j int) bool {
		if !files[i].Time.Equal(files[j].Time) {
			return files[i].Time.After(files[j].Time)
		}
		return files[i].Path > files[j].Path
	})
	return files, nil
}

// BackupProgress is how far a backup has got: the share of the file copied, then the check of the copy.
// It is app's own type (the store reports a data.BackupProgress, converted as it comes) so the window
// depends on app alone.
type BackupProgress struct {
	Copied   float64 // 0…1: the share of the file's pages copied so far
	Checking bool    // the copy is complete and integrity_check is reading it
}

// AutoBackup makes the day's automatic backup unless one was already made today (local time), then keeps
// only the newest KeepAutoBackups automatic ones. It returns the new file's path, or "" when none was due.
func (d *Desk) AutoBackup(ctx context.Context) (string, error) {
	return d.AutoBackupWithProgress(ctx, nil)
}

// AutoBackupDue reports whether the day's automatic backup is still to be made.
//
// A store open read-only has none due: its folder may not be written, and its data does not change.
func (d *Desk) AutoBackupDue() (bool, error) {
	if d.ReadOnly() {
		return false, nil
	}
	files, err := d.Backups()
	if err != nil {
		return false, err
	}
	today := d.Now().Format("20060102")
	for _, f := range files {
		if f.Kind == BackupAuto && f.Time.Format("20060102") == today {
			return false, nil
		}
	}
	return true, nil
}

// AutoBackupWithProgress is AutoBackup reporting how far it has got (see data.Store.Backup): on a
// million-order store the copy takes seconds and its integrity_check half a minute, which the window shows
// as a quiet status line. The backup reads inside one read transaction and never holds the writer, so the
// seller imports and edits meanwhile. A copy that fails its check means the live file is damaged: the
// error then carries ErrDataDamaged, and no older backup is rotated away.
func (d *Desk) AutoBackupWithProgress(ctx context.Context, progress func(BackupProgress)) (string, error) {
	due, err := d.AutoBackupDue()
	if err != nil || !due {
		return "", err
	}
	d.removeLeftoverTemps()
	path := d.backupPath(BackupAuto)
	var report func(data.BackupProgress)
	if progress != nil {
		report = func(p data.BackupProgress) { progress(BackupProgress(p)) }
	}
	if err := d.store.Backup(ctx, path, report); err != nil {
		d.Log.Error("automatic backup", "err", err)
		var oe *data.OpenError
		switch {
		case ctx.Err() != nil:
			return "", &Error{Code: ErrConflict, Err: err, Message: "자동 백업을 멈췄습니다. 기존 데이터는 그대로이고, 다음에 시작할 때 다시 백업합니다."}
		case errors.As(err, &oe) && oe.Kind == data.KindCorrupt:
			return "", &Error{Code: ErrInternal, Err: fmt.Errorf("%w: %w", ErrDataDamaged, err),
				Message: "오늘 자동 백업의 사본이 무결성 검사를 통과하지 못했습니다. 데이터 파일이 손상되었을 수 있습니다. 이전 백업은 지우지 않았습니다. 가장 최근 백업에서 복원하세요."}
		}
		if e := d.diskFault(path, err); e != nil {
			return "", e
		}
		return "", &Error{Code: ErrInternal, Err: err, Message: "자동 백업을 만들지 못했습니다. 디스크 공간과 데이터 폴더의 쓰기 권한을 확인하세요."}
	}
	d.Log.Info("automatic backup", "path", path)
	return path, d.pruneAutoBackups()
}

// removeLeftoverTemps deletes the temporary copies that backups cut off by a crash or a power cut left in
// the backups folder, each as large as the data file. Only those named for an earlier day go: a backup
// running now in another process (a scheduled `sellerdesk backup`) writes one named for today.
func (d *Desk) removeLeftoverTemps() {
	entries, err := os.ReadDir(d.BackupDir())
	if err != nil {
		return
	}
	today := d.Now().Format("20060102")
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, ".sellerdesk-") ||
			!(strings.HasSuffix(name, ".tmp") || strings.HasSuffix(name, ".tmp-journal")) {
			continue
		}
		// .sellerdesk-auto-20261124-100000.db.123456.tmp, named by data.Store.Backup after its target
		target, _, ok := strings.Cut(name[1:], ".db.")
		if !ok {
			continue
		}
		if _, at, ok := parseBackupName(target + ".db"); !ok || at.Format("20060102") >= today {
			continue
		}
		path := filepath.Join(d.BackupDir(), name)
		if err := os.Remove(path); err != nil {
			d.Log.Warn("leftover backup copy not removed", "path", path, "err", err)
			continue
		}
		d.Log.Info("leftover backup copy removed", "path", path)
	}
}

func (d *Desk) pruneAutoBackups() error {
	files, err := d.Backups()
	if err != nil {
		return err
	}
	kept := 0
	for _, f := range files {
		if f.Kind != BackupAuto {
			continue
		}
		if kept++; kept > KeepAutoBackups {
			if err := os.Remove(f.Path); err != nil {
				return fmt.Errorf("app: remove old backup %s: %w", f.Path, err)
			}
			d.Log.Info("old automatic backup removed", "path", f.Path)
		}
	}
	return nil
}

// BackupNow writes a backup to dst, or into the backups folder when dst is "", and returns where it went.
func (d *Desk) BackupNow(ctx context.Context, dst string) (string, error) {
	if dst == "" {
		dst = d.backupPath(BackupManual)
	}
	abs, err := filepath.Abs(dst)
	if err != nil {
		return "", fmt.Errorf("app: backup path %s: %w", dst, err)
	}
	if same, _ := sameFile(abs, d.store.Path()); same {
		return "", &Error{Code: ErrInvalid, Message: "백업 파일을 지금 사용 중인 데이터 파일과 같은 위치에 만들 수 없습니다. 다른 이름이나 폴더를 고르세요."}
	}
	if err := d.store.BackupTo(ctx, abs); err != nil {
		d.Log.Error("backup", "path", abs, "err", err)
		var oe *data.OpenError
		switch {
		case ctx.Err() != nil:
			return "", &Error{Code: ErrConflict, Err: err, Message: "백업을 취소했습니다. 기존 데이터는 그대로입니다."}
		case errors.As(err, &oe) && oe.Kind == data.KindCorrupt:
			return "", &Error{Code: ErrInternal, Err: fmt.Errorf("%w: %w", ErrDataDamaged, err),
				Message: "백업 사본이 무결성 검사를 통과하지 못했습니다. 데이터 파일이 손상되었을 수 있습니다. 이전 백업은 그대로 있습니다. 가장 최근 백업에서 복원하세요."}
		}
		if e := d.diskFault(abs, err); e != nil {
			return "", e
		}
		return "", &Error{Code: ErrInternal, Err: err, Message: fmt.Sprintf("'%s'에 백업하지 못했습니다. 디스크 공간과 쓰기 권한을 확인하세요.", abs)}
	}
	d.Log.Info("backup", "path", abs)
	return abs, nil
}

// BackupSummary is what a backup holds, shown to the seller before a restore replaces the data with it.
type BackupSummary struct {
	Path     string
	Made     time.Time // when the backup was made: from its name in the backups folder, else the file's date
	Products int64
	Orders   int64
	Returns  int64
}

// InspectBackup checks src exactly as Restore does (a SellerDesk store, read-only, integrity_check, its
// update to this version in a temporary copy) and says what it holds, changing nothing. A file Restore
// would refuse is refused here with the same message.
func (d *Desk) InspectBackup(ctx context.Context, src string) (BackupSummary, error) {
	if err := d.notLiveFile(src); err != nil {
		return BackupSummary{}, err
	}
	p, err := d.store.PrepareRestore(ctx, src)
	if err != nil {
		d.Log.Warn("backup refused", "src", src, "err", err)
		return BackupSummary{}, d.restoreRefused(ctx, src, err)
	}
	defer p.Close()
	return d.summary(p), nil
}

func (d *Desk) summary(p *data.PreparedRestore) BackupSummary {
	made := p.Summary.Modified
	if _, at, ok := parseBackupName(filepath.Base(p.Src)); ok {
		made = at
	}
	return BackupSummary{Path: p.Src, Made: made, Products: p.Summary.Products, Orders: p.Summary.Orders, Returns: p.Summary.Returns}
}

// Restore replaces the store's content with the backup at src, and can only improve things: src is first
// checked and updated to this version in a temporary copy (see data.Store.PrepareRestore), so a file that
// is not a SellerDesk store, is empty, newer or damaged is refused with a message saying which and nothing
// changes. Only then is the current data saved as a before-restore backup (so a restore can itself be
// undone), and the checked copy replaces the store in one transaction. progress gets the fraction copied.
func (d *Desk) Restore(ctx context.Context, src string, progress func(float64)) (savedCurrent string, err error) {
	if err := d.notLiveFile(src); err != nil {
		return "", err
	}
	if d.ReadOnly() {
		return "", apperr.New(ErrConflict, restoreReadOnlyKey)
	}
	p, err := d.store.PrepareRestore(ctx, src)
	if err != nil {
		d.Log.Warn("restore refused", "src", src, "err", err)
		return "", d.restoreRefused(ctx, src, err)
	}
	defer p.Close()
	savedCurrent = d.backupPath(BackupBeforeRestore)
	if err := d.store.BackupTo(ctx, savedCurrent); err != nil {
		d.Log.Error("backup before restore", "err", err)
		if ctx.Err() != nil {
			return "", &Error{Code: ErrConflict, Err: err, Key: "복원을 취소했습니다. 기존 데이터는 그대로입니다."}
		}
		if e := d.restoreFault(src, err); e != nil {
			return "", e
		}
		return "", &Error{Code: ErrInternal, Err: err, Key: "복원하기 전에 현재 데이터를 백업하지 못해 복원을 멈췄습니다. 기존 데이터는 그대로입니다. 디스크 공간을 확인하세요."}
	}
	if err := d.store.RestorePrepared(ctx, p, progress); err != nil {
		d.Log.Error("restore", "src", src, "err", err)
		if ctx.Err() != nil {
			return savedCurrent, &Error{Code: ErrConflict, Err: err, Key: "복원을 취소했습니다. 기존 데이터는 그대로입니다."}
		}
		if e := d.restoreFault(src, err); e != nil {
			return savedCurrent, e
		}
		return savedCurrent, &Error{Code: ErrInternal, Err: err, Key: "백업에서 복원하지 못했습니다. 기존 데이터는 그대로입니다."}
	}
	d.Log.Info("restored", "src", src, "saved_current", savedCurrent, "products", p.Summary.Products,
		"orders", p.Summary.Orders, "returns", p.Summary.Returns, "from_version", p.Summary.Version)
	return savedCurrent, nil
}

func (d *Desk) notLiveFile(src string) error {
	if same, _ := sameFile(src, d.store.Path()); same {
		return apperr.New(ErrInvalid, "지금 사용 중인 데이터 파일은 복원할 백업으로 고를 수 없습니다.")
	}
	return nil
}

// restoreRefused says in the seller's words why src was not restored; the store is untouched in each case.
func (d *Desk) restoreRefused(ctx context.Context, src string, err error) error {
	if ctx.Err() != nil {
		return &Error{Code: ErrConflict, Err: err, Key: "복원을 취소했습니다. 기존 데이터는 그대로입니다."}
	}
	if e := d.restoreFault(src, err); e != nil {
		return e
	}
	name := filepath.Base(src)
	var re *data.RestoreError
	if !errors.As(err, &re) {
		return &Error{Code: ErrInternal, Err: err, Key: "백업 파일 '{{.Name}}'을(를) 확인하지 못했습니다. 데이터는 그대로입니다. 자세한 내용은 로그에 기록했습니다.", Args: map[string]any{"Name": name}}
	}
	var e *Error
	switch re.Reason {
	case data.RefuseEmpty:
		e = apperr.New(ErrInvalid, "'{{.Name}}'은(는) 비어 있는 파일입니다. 복원하지 않았고 데이터는 그대로입니다.", "Name", name)
	case data.RefuseNotSellerDesk:
		e = apperr.New(ErrInvalid, "'{{.Name}}'은(는) 셀러데스크 백업 파일이 아닙니다. 복원하지 않았고 데이터는 그대로입니다.", "Name", name)
	case data.RefuseNewerVersion:
		e = apperr.New(ErrInvalid, "'{{.Name}}'은(는) 더 새로운 버전의 셀러데스크에서 만든 백업입니다(데이터 버전 {{.Version}}, 이 프로그램은 {{.Known}}까지). 복원하지 않았고 데이터는 그대로입니다. 셀러데스크를 업데이트한 뒤 복원하세요.",
			"Name", name, "Version", re.Version, "Known", re.Known)
	case data.RefuseDamaged:
		e = apperr.New(ErrInvalid, "백업 파일 '{{.Name}}'이(가) 손상되어 복원하지 않았습니다. 데이터는 그대로입니다. 다른 백업을 고르세요.", "Name", name)
	case data.RefuseMigration:
		e = apperr.New(ErrInternal, "백업 파일 '{{.Name}}'을(를) 이 버전의 구조로 바꾸지 못해 복원하지 않았습니다. 데이터는 그대로입니다. 자세한 내용은 로그에 기록했습니다.", "Name", name)
	default:
		e = apperr.New(ErrInvalid, "백업 파일 '{{.Name}}'을(를) 읽을 수 없어 복원하지 않았습니다. 데이터는 그대로입니다. 파일이 있는지, 읽을 권한이 있는지 확인하세요.", "Name", name)
	}
	e.Err = err
	return e
}

func sameFile(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(sa, sb), nil
}

// restoreReadOnlyKey says a restore is refused because the store is open read-only.
const restoreReadOnlyKey = "읽기 전용으로 열었기 때문에 복원할 수 없습니다. 데이터는 그대로입니다. 데이터 파일과 폴더의 쓰기 권한을 확인한 뒤 셀러데스크를 다시 시작하세요."

// diskFault says why a backup to target failed when the cause is known: a full disk (with the space to make:
// a backup is a whole copy of the data file) or a folder that may not be written; nil otherwise.
func (d *Desk) diskFault(target string, err error) *Error {
	switch {
	case isFull(err):
		return withCause(apperr.New(ErrConflict, "디스크 공간이 부족해 {{.Path}}에 백업하지 못했습니다. 데이터는 그대로입니다. 그 디스크에 {{.Need}} 이상 여유 공간을 만든 뒤 다시 시도하세요.",
			"Path", target, "Need", data.FormatSize(spaceFor(d.store.Path()))), err)
	case denied(err) || isReadOnly(err):
		return withCause(apperr.New(ErrConflict, "{{.Path}}에 쓸 권한이 없어 백업하지 못했습니다. 데이터는 그대로입니다. 쓸 수 있는 다른 폴더를 고르세요.",
			"Path", target), err)
	}
	return nil
}

// restoreFault says why a restore of src stopped when the cause is known: another SellerDesk writing, a full
// disk (the restore makes a checked copy of src and saves the current data first: room for both), a data
// folder that may not be written; nil otherwise. The store is untouched in each case.
func (d *Desk) restoreFault(src string, err error) *Error {
	switch {
	case data.IsBusy(err):
		return withCause(apperr.New(ErrConflict, data.BusyKey), err)
	case isFull(err):
		return withCause(apperr.New(ErrConflict, "디스크 공간이 부족해 복원하지 못했습니다. 데이터는 그대로입니다. 데이터 폴더 {{.Dir}}이(가) 있는 디스크에 {{.Need}} 이상 여유 공간을 만든 뒤 다시 시도하세요.",
			"Dir", d.DataDir, "Need", data.FormatSize(spaceFor(src)+spaceFor(d.store.Path()))), err)
	case isReadOnly(err) || denied(err):
		return withCause(apperr.New(ErrConflict, restoreReadOnlyKey), err)
	}
	return nil
}

// withCause keeps err as e's cause, for the log.
func withCause(e *Error, err error) *Error {
	e.Err = err
	return e
}

// isFull reports a full disk: SQLite's SQLITE_FULL or the system's "no space left".
func isFull(err error) bool { return data.IsFull(err) || atomicfile.IsDiskFull(err) }

// isReadOnly reports a write refused because the store is read-only.
func isReadOnly(err error) bool {
	var re *data.ReadOnlyError
	return errors.As(err, &re)
}

// spaceFor is the room a copy of the SQLite file at path takes (with its WAL), at least data.MinFreeSpace.
func spaceFor(path string) int64 {
	var n int64
	for _, p := range []string{path, path + "-wal"} {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	return max(n, data.MinFreeSpace)
}
