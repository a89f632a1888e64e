//go:build !unix

package data

import "os"

// fileWritable says whether the file at path may be written, by opening it for writing (Windows locks
// belong to the handle, so opening and closing one takes nothing from SQLite's).
func fileWritable(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err == nil {
		f.Close()
	}
	return err
}
