// Package corpora locates the shared real-world test corpora
// (../shared/corpora beside the repository, or $BRIEFPACK_CORPORA) and
// skips the calling test with a clear message when they are absent.
package corpora

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the corpora folder, or "" when it cannot be found.
func Root() string {
	if d := os.Getenv("BRIEFPACK_CORPORA"); d != "" {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
		return ""
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			c := filepath.Join(dir, "..", "shared", "corpora")
			if fi, err := os.Stat(c); err == nil && fi.IsDir() {
				return c
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Dir returns the path of a corpus sub-folder (e.g. "bbc"), skipping the
// test when it is absent.
func Dir(tb testing.TB, sub string) string {
	tb.Helper()
	root := Root()
	if root == "" {
		tb.Skip("corpora not found: put the shared corpora at ../shared/corpora beside the repository or set BRIEFPACK_CORPORA; skipping")
	}
	d := filepath.Join(root, sub)
	if _, err := os.Stat(d); err != nil {
		tb.Skipf("corpus %s not found in %s; skipping", sub, root)
	}
	return d
}
