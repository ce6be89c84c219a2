package cputime

import (
	"runtime"
	"testing"
)

func TestUsedGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("CPU time is not measured on this system")
	}
	start := Used()
	x := 0
	for i := 0; i < 50_000_000; i++ {
		x += i % 7
	}
	if x < 0 || Used() <= start {
		t.Errorf("CPU time did not grow: %v then %v", start, Used())
	}
}
