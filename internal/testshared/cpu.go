package testshared

import (
	"syscall"
	"testing"
)

// CPUSeconds returns the CPU time the process has used, user and system:
// the benchmarks report work per CPU-second, which a shared machine's
// load disturbs less than wall time.
func CPUSeconds(tb testing.TB) float64 {
	tb.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
