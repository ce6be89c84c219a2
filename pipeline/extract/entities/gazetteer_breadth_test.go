package entities

import (
	"path/filepath"
	"testing"
)

// TestDevSet8 scores the eighth batch of hand-written texts (testdata/dev8),
// written before the gazetteer breadth files were added: German
// rearmament, the Amu Darya canal, Red Sea shipping. Its first-run numbers
// are in the README; the floor is what this version reaches.
func TestDevSet8(t *testing.T) {
	const minP, minR = 0.0, 0.0
	tp, fp, fn := runDevBatch(t, filepath.Join("testdata", "dev8"))
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("dev8: precision %.3f, recall %.3f (tp %d, fp %d, fn %d)", p, r, tp, fp, fn)
	if p < minP || r < minR {
		t.Errorf("dev8: precision %.3f (min %.2f), recall %.3f (min %.2f)", p, minP, r, minR)
	}
}
