package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefpack/briefpack/internal/hostile"
)

// TestHostileInputs runs a generated corpus of bad and crafted inputs
// through a full run with every exporter: each input gets a document or a
// clear error naming it, the rest of the batch completes, the exit code is
// 1, nothing panics or hangs, no goroutine is left behind, and the heap
// stays far below 1 GB.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("hostile corpus is slow; skipped with -short")
	}
	in := t.TempDir()
	cases, err := hostile.Generate(in, hostile.Options{Huge: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 30 {
		t.Fatalf("only %d hostile cases", len(cases))
	}
	out := t.TempDir()
	before := runtime.NumGoroutine()
	var code int
	var stdout, stderr bytes.Buffer
	start := time.Now()
	peak := peakHeap(func() {
		code = Main(context.Background(), []string{"briefpack", "run", "--out", out, "--run-id", "hostile", in}, strings.NewReader(""), &stdout, &stderr)
	})
	t.Logf("hostile run: %s, peak heap %d MB", time.Since(start).Round(time.Millisecond), peak>>20)
	if code != ExitFailed {
		t.Fatalf("exit %d, want 1\n%s\n%s", code, stdout.String(), stderr.String())
	}
	if peak > 1<<30 {
		t.Errorf("peak heap %d MB exceeds 1 GB", peak>>20)
	}
	m := readManifest(t, filepath.Join(out, "hostile"))
	docOf := map[string]bool{}
	for _, d := range m.Docs {
		for _, s := range d.Sources {
			docOf[s] = true
		}
	}
	errOf := map[string]string{}
	for _, f := range m.Failures {
		errOf[f.Input] = f.Stage + ": " + f.Err
	}
	for _, c := range cases {
		got, failed := errOf[c.Path]
		switch {
		case c.Want == "doc" && !docOf[c.Path]:
			t.Errorf("%s (%s): want a document, got error %q", c.Name, c.Note, got)
		case c.Want != "doc" && c.Want != "" && (!failed || !strings.Contains(got, c.Want)):
			t.Errorf("%s (%s): want an error containing %q, got %q (document: %v)", c.Name, c.Note, c.Want, got, docOf[c.Path])
		case c.Want == "" && !failed && !docOf[c.Path]:
			t.Errorf("%s (%s): neither a document nor an error", c.Name, c.Note)
		}
		outcome := "document"
		if failed {
			outcome = "error: " + got
		}
		t.Logf("%-40q %-45s -> %s", c.Name, c.Note, outcome)
		if failed && !strings.Contains(stderr.String(), c.Path) {
			t.Errorf("%s: failure not reported on stderr", c.Name)
		}
	}
	// Outputs are complete and well-formed.
	for _, o := range m.Outputs {
		if o.Bytes == 0 {
			t.Errorf("%s is empty", o.Path)
		}
		if strings.HasSuffix(o.Path, ".csv") {
			f, err := os.Open(filepath.Join(out, "hostile", o.Path))
			if err != nil {
				t.Fatal(err)
			}
			r := csv.NewReader(f)
			r.FieldsPerRecord = 0
			if _, err := r.ReadAll(); err != nil {
				t.Errorf("%s does not parse: %v", o.Path, err)
			}
			f.Close()
		}
	}
	// Formula injection is neutralized in the CSV.
	if b, err := os.ReadFile(filepath.Join(out, "hostile", "csv", "documents.csv")); err == nil {
		if bytes.Contains(b, []byte(",=HYPERLINK")) || bytes.Contains(b, []byte("\n=HYPERLINK")) {
			t.Error("documents.csv holds a live =HYPERLINK formula")
		}
	}
	// No goroutine leak.
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before+2 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+2 {
		buf := make([]byte, 1<<16)
		buf = buf[:runtime.Stack(buf, true)]
		t.Errorf("goroutines: %d before, %d after\n%s", before, n, buf)
	}
	names, _ := os.ReadDir(out)
	if !slices.ContainsFunc(names, func(e os.DirEntry) bool { return e.Name() == "latest" }) {
		t.Error("latest not switched after a run with failures")
	}
}
