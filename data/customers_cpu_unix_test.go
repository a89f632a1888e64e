//go:build unix

package data

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + system) this process has used, for benchmarks run on a shared machine
// where the wall clock measures the neighbours too.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
