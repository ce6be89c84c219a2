package main

import "github.com/briefpack/briefpack/internal/memtest"

// peakHeap samples the Go heap while fn runs and returns the peak in bytes.
func peakHeap(fn func()) uint64 { return memtest.PeakHeap(fn) }
