// Package corpus locates the shared test corpora for tests: env
// BRIEFPACK_CORPORA, else ../shared/corpora relative to the repository root
// (the folder holding go.mod).
package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the corpus sub-folder sub (e.g. "html/readability"), or
// skips the test with a clear message when it is absent.
func Dir(tb testing.TB, sub string) string {
	tb.Helper()
	root := os.Getenv("BRIEFPACK_CORPORA")
	if root == "" {
		wd, err := os.Getwd()
		if err != nil {
			tb.Skipf("corpus %s: %v", sub, err)
		}
		for d := wd; ; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				root = filepath.Join(d, "..", "shared", "corpora")
				break
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	dir := filepath.Join(root, sub)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		tb.Skipf("corpus folder %s not found (set BRIEFPACK_CORPORA or put the corpora at ../shared/corpora)", dir)
	}
	return dir
}
