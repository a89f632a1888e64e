package app

import "database/sql"

// StoreDB is the desk's open store for reading, for the external tests (package app_test) that check
// what a flow left in the tables. It lives in a test file: nothing beyond app reaches the store otherwise.
func StoreDB(d *Desk) *sql.DB { return d.store.Read() }
