package app

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// leftoverName matches what a SellerDesk process that ended before finishing leaves in the data folder and
// its backups folder: a restore's temporary folder (.sellerdesk-restore-*, as large as the store), and a
// temporary file of its own (.sellerdesk….N.tmp): a backup's copy before its rename, the store's write
// check, an unfinished atomic write (package atomicfile). Other programs' files are never matched.
var leftoverName = regexp.MustCompile(`^\.(sellerdesk-restore-[^/]+|sellerdesk[^/]*[.-][0-9]+\.tmp)$`)

// removeLeftovers deletes those leftovers, but only when no other session (a window, a headless command,
// in any process) has the data file open: then no other SellerDesk can be writing them. It returns what it
// removed, for the log.
func (d *Desk) removeLeftovers(ctx context.Context) []string {
	if d.ReadOnly() {
		return nil
	}
	if n, err := d.store.OtherSessions(ctx); err != nil || n > 0 {
		return nil
	}
	var removed []string
	for _, dir := range []string{d.DataDir, d.BackupDir()} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			name := e.Name()
			if !leftoverName.MatchString(name) || (e.IsDir() != strings.HasPrefix(name, ".sellerdesk-restore-")) {
				continue
			}
			path := filepath.Join(dir, name)
			if err := os.RemoveAll(path); err != nil {
				d.Log.Warn("leftover not removed", "path", path, "err", err)
				continue
			}
			removed = append(removed, path)
		}
	}
	return removed
}
