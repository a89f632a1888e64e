//go:build unix

package data

import "golang.org/x/sys/unix"

// fileWritable says whether the file at path may be written, without opening it: on Unix, closing any
// descriptor of a database file drops every lock SQLite holds on it in this process, so Open must not open
// and close the file itself beside another open store.
func fileWritable(path string) error { return unix.Access(path, unix.W_OK) }
