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
func (d *Desk) AutoBackupDue() (bool, error) {
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
		return "", &Error{Code: ErrInternal, Err: err, Message: fmt.Sprintf("'%s'에 백업하지 못했습니다. 디스크 공간과 쓰기 권한을 확인하세요.", abs)}
	}
	d.Log.Info("backup", "path", abs)
	return abs, nil
}

// Restore replaces the store's content with the backup at src. The current data is first saved as a
// before-restore backup, so a restore can itself be undone. progress gets the fraction copied.
func (d *Desk) Restore(ctx context.Context, src string, progress func(float64)) (savedCurrent string, err error) {
	if same, _ := sameFile(src, d.store.Path()); same {
		return "", &Error{Code: ErrInvalid, Message: "지금 사용 중인 데이터 파일은 복원할 백업으로 고를 수 없습니다."}
	}
	if err := d.store.VerifyBackup(ctx, src); err != nil {
		d.Log.Warn("restore refused", "src", src, "err", err)
		return "", err
	}
	savedCurrent = d.backupPath(BackupBeforeRestore)
	if err := d.store.BackupTo(ctx, savedCurrent); err != nil {
		d.Log.Error("backup before restore", "err", err)
		return "", &Error{Code: ErrInternal, Err: err, Message: "복원하기 전에 현재 데이터를 백업하지 못해 복원을 멈췄습니다. 디스크 공간을 확인하세요."}
	}
	if err := d.store.RestoreFrom(ctx, src, progress); err != nil {
		d.Log.Error("restore", "src", src, "err", err)
		if ctx.Err() != nil {
			return savedCurrent, &Error{Code: ErrConflict, Err: err, Message: "복원을 취소했습니다. 기존 데이터는 그대로입니다."}
		}
		return savedCurrent, &Error{Code: ErrInternal, Err: err, Message: "백업에서 복원하지 못했습니다. 기존 데이터는 그대로입니다."}
	}
	d.Log.Info("restored", "src", src, "saved_current", savedCurrent)
	return savedCurrent, nil
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
