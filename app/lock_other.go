//go:build !unix && !windows

package app

import "os"

// tryLock has no system lock to take here (no desktop SellerDesk runs on such a system): it always succeeds.
func tryLock(*os.File) error { return nil }

// unlock releases nothing.
func unlock(*os.File) error { return nil }
