//go:build !windows

package cli

// AttachConsole does nothing outside Windows: there a program started from a terminal always has the
// terminal's standard handles (see console_windows.go for why Windows differs).
func AttachConsole() {}
