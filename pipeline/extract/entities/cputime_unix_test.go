//go:build unix

package entities

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the CPU time (user + system) the process has used, so
// benchmarks can report throughput per CPU second on a shared machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports MB per CPU second ("cpuMB/s"): on a shared machine the
// wall-clock MB/s depends on the load, this much less.
func reportCPU(b *testing.B, start time.Duration, size int) {
	if cpu := cpuTime() - start; cpu > 0 && b.N > 0 {
		b.ReportMetric(float64(size*b.N)/1e6/cpu.Seconds(), "cpuMB/s")
	}
}
