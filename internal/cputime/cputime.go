// Package cputime measures the CPU time the process has used, so that
// benchmarks can report throughput per CPU second: on a shared machine the
// wall-clock rate depends on the load, this much less.
package cputime

import (
	"testing"
	"time"
)

// Report reports the bytes processed since start (a value of Used) per
// CPU second, as "cpuMB/s". It reports nothing where CPU time is not
// measured.
func Report(b *testing.B, start time.Duration, bytes int64) {
	if cpu := Used() - start; cpu > 0 && bytes > 0 {
		b.ReportMetric(float64(bytes)/1e6/cpu.Seconds(), "cpuMB/s")
	}
}
