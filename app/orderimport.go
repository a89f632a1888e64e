package app

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"sellerdesk/app/apperr"
	"sellerdesk/app/orders"
	"sellerdesk/app/txn"
	"sellerdesk/data"
)

// OrderImport is what an order import did: the order lines' counts and problems, and the return requests
// it opened or moved for lines Smart Store returned or exchanged.
type OrderImport struct {
	Orders orders.ImportResult
	// ReturnsOpened counts the requests opened for lines of this file whose return or exchange claim
	// changed and that had none: at 요청 for a claim asked, at 입고 (waiting for inspection) for one done.
	ReturnsOpened int
	// ReturnsMoved counts the open requests moved on to 입고 because Smart Store finished their claim.
	ReturnsMoved int
	// ReturnsClosed counts the open requests closed (거부) because the buyer withdrew the claim (철회).
	ReturnsClosed int
}

// ImportOrderFile is ImportOrders on the file at path: the window and the headless command both hand it the
// path the seller chose. A file that cannot be opened is the seller's to fix (ErrInvalid, naming it).
func (d *Desk) ImportOrderFile(ctx context.Context, path, password string, progress func(float64)) (OrderImport, error) {
	f, err := os.Open(path)
	if err != nil {
		e := apperr.New(apperr.ErrInvalid, "파일 {{.Path}}을(를) 열 수 없습니다. 파일이 있는지, 다른 프로그램이 쓰고 있지 않은지 확인하세요", "Path", path)
		e.Err = err
		return OrderImport{Orders: orders.ImportResult{File: filepath.Base(path)}}, e
	}
	defer f.Close()
	return d.ImportOrders(ctx, f, path, password, progress)
}

// ImportOrders is the seller's order import, the one the window and the headless command both call: it
// reads a Smart Store order export, imports its lines (the orders area) and opens, moves or closes the
// return requests of this file's lines whose claim changed (the returns area), all in one transaction. Each area
// writes its own rows through its Tx-level function; neither writes the other's.
//
// progress gets 0…1: reading and storing the lines take most of it, the returns the rest. A cancelled ctx
// stops the reading and the writing wherever they are, and nothing is written: the error then says so and
// errors.Is(err, context.Canceled) holds. A file with a password returns the sheet's password error, so the
// caller can ask for it.
func (d *Desk) ImportOrders(ctx context.Context, r io.Reader, name, password string, progress func(float64)) (OrderImport, error) {
	report := func(f float64) {
		if progress != nil {
			progress(f)
		}
	}
	var res OrderImport
	defer importGC()()
	w := txn.Writer{Store: d.store, Log: d.Log, Area: "주문"}
	err := w.Write(ctx, "주문 가져오기", func(tx *data.Tx) error {
		res = OrderImport{}
		var err error
		res.Orders, err = d.Orders.ImportFileTx(ctx, tx, r, name, password, func(f float64) { report(f * 0.9) })
		if err != nil {
			return err
		}
		report(0.9)
		// only the lines of this file whose claim changed: never every returned line of the store
		sync, err := d.Returns.SyncClaimsTx(ctx, tx, res.Orders.Claims)
		if err != nil {
			return err
		}
		res.ReturnsOpened, res.ReturnsMoved, res.ReturnsClosed = sync.Opened, sync.Moved, sync.Closed
		report(0.95)
		// a cancel that comes after the last write must still undo the whole import, not commit it
		return ctx.Err()
	})
	if err != nil {
		return OrderImport{Orders: orders.ImportResult{File: filepath.Base(name)}}, err
	}
	d.Orders.Logged(res.Orders)
	d.Log.Info("returns synced with the import", "file", res.Orders.File, "opened", res.ReturnsOpened, "moved", res.ReturnsMoved,
		"closed", res.ReturnsClosed)
	report(1)
	return res, nil
}

// importGC lets the garbage collector run less often while an order file is imported, and returns the
// function that puts it back. An import allocates every cell of the file once and keeps little: at Go's
// default the collector ran so often that the whole `sellerdesk import orders` took 1.6 × a bare excelize
// read of a 100,000-row export; with a target of 300 % it took 1.48–1.51 × (176–223 MB peak RSS, not 120 MB).
// The soft limit keeps any file's import under the 500 MB the issue allows: near it the collector works
// harder again. Imports in one process do not overlap (one writer), so restoring the old values is safe.
func importGC() (restore func()) {
	percent := debug.SetGCPercent(300)
	limit := debug.SetMemoryLimit(400 << 20)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}
