package entities

import (
	"path/filepath"
	"testing"
)

// TestDevSet15 scores batches dev15-dev17, written by helpers who never
// saw the extractor, its code or its output (real people and bodies,
// made-up texts in the genres briefpack reads: commentaries, MOFA and
// State Department readouts, wire reports, EU, GCC and Security Council
// statements, think-tank analyses, MFA releases). dev15 was tuned on,
// dev16 partly (its misses were seen), dev17 not at all: its numbers are
// a first run. See README for the numbers before and after this version.
// The floors are what this version reaches.
func TestDevSet15(t *testing.T) {
	for _, b := range []struct {
		dir        string
		minP, minR float64
	}{{"dev15", 0.93, 0.88}, {"dev16", 0.93, 0.93}, {"dev17", 0.91, 0.85}, {"dev18", 0, 0}, {"dev19", 0, 0}, {"dev20", 0, 0}, {"dev21", 0, 0}, {"dev22", 0, 0}, {"dev23", 0, 0}, {"dev24", 0, 0}, {"dev25", 0, 0}} {
		t.Run(b.dir, func(t *testing.T) {
			tp, fp, fn := runDevBatch(t, filepath.Join("testdata", b.dir))
			p := float64(tp) / float64(max(tp+fp, 1))
			r := float64(tp) / float64(max(tp+fn, 1))
			t.Logf("%s: precision %.3f, recall %.3f (tp %d, fp %d, fn %d)", b.dir, p, r, tp, fp, fn)
			if p < b.minP || r < b.minR {
				t.Errorf("%s: precision %.3f (min %.2f), recall %.3f (min %.2f)", b.dir, p, b.minP, r, b.minR)
			}
		})
	}
}
