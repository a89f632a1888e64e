//go:build windows

package cli

import (
	"os"

	"golang.org/x/sys/windows"
)

// attachParentProcess is ATTACH_PARENT_PROCESS: the console of the process that started this one.
const attachParentProcess = ^uintptr(0)

// AttachConsole connects a headless command to the console it was typed in. The packaged SellerDesk.exe is
// a GUI-subsystem program (so the window opens without a black console beside it), and Windows gives such
// a program no standard handles: without this, a command run from cmd.exe or PowerShell would print
// nothing. Handles that are already valid (output redirected to a file or a pipe) are kept; the others are
// pointed at the parent's console. Started from Explorer there is no parent console and nothing changes.
func AttachConsole() {
	stdin, stdout, stderr := valid(windows.STD_INPUT_HANDLE), valid(windows.STD_OUTPUT_HANDLE), valid(windows.STD_ERROR_HANDLE)
	if stdin && stdout && stderr {
		return
	}
	// kernel32's AttachConsole is not wrapped by x/sys/windows; it fails when there is no parent console
	proc := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	if ok, _, _ := proc.Call(attachParentProcess); ok == 0 {
		return
	}
	if !stdout {
		if f := openConsole("CONOUT$", os.O_WRONLY, windows.STD_OUTPUT_HANDLE); f != nil {
			os.Stdout = f
		}
	}
	if !stderr {
		if f := openConsole("CONOUT$", os.O_WRONLY, windows.STD_ERROR_HANDLE); f != nil {
			os.Stderr = f
		}
	}
	if !stdin {
		if f := openConsole("CONIN$", os.O_RDONLY, windows.STD_INPUT_HANDLE); f != nil {
			os.Stdin = f
		}
	}
}

// valid reports whether the standard handle leads somewhere (a console, a file, a pipe).
func valid(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}

// openConsole opens the console device and makes it the process's standard handle too, so child
// processes and code that asks Windows for the handle find the same console.
func openConsole(name string, flag int, std uint32) *os.File {
	f, err := os.OpenFile(name, flag, 0)
	if err != nil {
		return nil
	}
	windows.SetStdHandle(std, windows.Handle(f.Fd()))
	return f
}
