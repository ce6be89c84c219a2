// Package golden compares test output with golden files. `go test -update`
// rewrites them; on a mismatch the actual output is saved beside the
// golden file (<name>.actual) for diffing.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// Update is the -update flag of every test binary that imports golden.
var Update = flag.Bool("update", false, "rewrite golden files")

// Check compares got with the golden file at path (rewriting it first
// with -update) and fails the test on a difference.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if bytes.Equal(got, want) {
		os.Remove(path + ".actual")
		return
	}
	os.WriteFile(path+".actual", got, 0o644)
	if len(got)+len(want) < 8000 {
		t.Errorf("output differs from %s (go test -update rewrites it)\n--- got\n%s\n--- want\n%s", path, got, want)
		return
	}
	t.Errorf("output differs from %s; actual output saved as %s.actual (diff them; go test -update rewrites the golden file)", path, path)
}
