package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/runner"
)

func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(context.Background(), append([]string{"briefpack"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func readManifest(t *testing.T, dir string) runner.Manifest {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m runner.Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// bookkeeping reports the files every run keeps in the output folder: the
// lock file and the state store.
func bookkeeping(name string) bool {
	switch name {
	case ".briefpack.lock", "state.db", "state.db-wal", "state.db-shm":
		return true
	}
	return false
}

func TestRunSeedAllFormats(t *testing.T) {
	out := t.TempDir()
	t.Setenv("SOURCE_DATE_EPOCH", "1724112000")
	code, stdout, stderr := runCLI(t, "", "run", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	latest := filepath.Join(out, "latest")
	if _, err := os.Stat(filepath.Join(latest, "manifest.json")); err != nil {
		t.Fatal("out/latest does not point at a finished run:", err)
	}
	m := readManifest(t, latest)
	if len(m.Docs) != 1 || len(m.Failures) != 0 {
		t.Errorf("manifest: %d docs, failures %v", len(m.Docs), m.Failures)
	}
	files := map[string]bool{}
	for _, o := range m.Outputs {
		files[o.Path] = true
		if len(o.SHA256) != 64 || o.Bytes == 0 {
			t.Errorf("output %s: %d bytes, sha %q", o.Path, o.Bytes, o.SHA256)
		}
	}
	want := map[string]string{"jsonl": "records.jsonl", "pdf": "briefing.pdf", "xlsx": "comparison.xlsx", "csv": "csv/documents.csv"}
	for _, name := range exporters.Names() {
		if f, ok := want[name]; ok && !files[f] {
			t.Errorf("format %s registered but %s not written (outputs %v)", name, f, m.Outputs)
		}
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && !bookkeeping(e.Name()) {
			t.Errorf("leftover %s in the output folder", e.Name())
		}
	}
}

func TestDeterministic(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1724112000")
	var dirs []string
	for i := 0; i < 2; i++ {
		out := t.TempDir()
		// No --run-id: the default one comes from SOURCE_DATE_EPOCH too.
		if code, so, se := runCLI(t, "", "run", "--out", out); code != 0 {
			t.Fatalf("exit %d: %s%s", code, so, se)
		}
		// The run ID is 2024-08-20T00:00:00Z, not the wall clock, so
		// two runs at different moments still print the same cover.
		dirs = append(dirs, filepath.Join(out, "20240820T000000Z"))
	}
	a, b := readManifest(t, dirs[0]), readManifest(t, dirs[1])
	if len(a.Outputs) != len(b.Outputs) {
		t.Fatal("different outputs")
	}
	for i := range a.Outputs {
		if strings.HasSuffix(a.Outputs[i].Path, ".xlsx") {
			continue // the workbook is compared sheet by sheet in its own tests
		}
		if a.Outputs[i] != b.Outputs[i] {
			t.Errorf("%s differs between two runs with the same SOURCE_DATE_EPOCH", a.Outputs[i].Path)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	code, _, stderr := runCLI(t, "", "run", "--format", "jsonl,nope", "--out", t.TempDir())
	if code != ExitUsage || !strings.Contains(stderr, `unknown format "nope"`) || !strings.Contains(stderr, "jsonl") {
		t.Errorf("unknown format: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "", "run", "--no-such-flag")
	if code != ExitUsage || !strings.Contains(stderr, "no-such-flag") {
		t.Errorf("unknown flag: exit %d, stderr %q", code, stderr)
	}
	code, _, _ = runCLI(t, "", "run", "--run-id", "../escape", "--out", t.TempDir())
	if code != ExitUsage {
		t.Errorf("bad run id: exit %d", code)
	}
}

func TestPartialFailure(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("Good title\n\nKazakhstan and Japan met in Astana."), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	bin := filepath.Join(dir, "image.png")
	os.WriteFile(bin, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	out := t.TempDir()
	code, _, stderr := runCLI(t, "", "run", "-f", "jsonl", "--out", out, good, empty, bin, filepath.Join(dir, "missing.txt"))
	if code != ExitFailed {
		t.Fatalf("exit %d, want 1; %s", code, stderr)
	}
	for _, want := range []string{empty + ": source: empty input", bin + ": source: unsupported format: image/png", "missing.txt: source: no such input"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	m := readManifest(t, filepath.Join(out, "latest"))
	if len(m.Docs) != 1 || len(m.Failures) != 3 {
		t.Errorf("manifest: %d docs, %d failures", len(m.Docs), len(m.Failures))
	}
}

func TestExtractAndStdin(t *testing.T) {
	code, stdout, stderr := runCLI(t, "Piped title\n\nJapan and Kazakhstan agreed.", "extract", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d lines", len(lines))
	}
	var obj struct {
		Document struct {
			Title  string `json:"title"`
			Source string `json:"source"`
		} `json:"document"`
		Paragraphs []json.RawMessage `json:"paragraphs"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &obj); err != nil {
		t.Fatal(err)
	}
	if obj.Document.Title != "Piped title" || obj.Document.Source != "stdin" || len(obj.Paragraphs) != 1 {
		t.Errorf("record: %+v", obj)
	}
}

func TestHelpAndVersion(t *testing.T) {
	code, stdout, _ := runCLI(t, "", "--version")
	if code != 0 || !strings.Contains(stdout, "briefpack version") {
		t.Errorf("--version: %d %q", code, stdout)
	}
	for _, args := range [][]string{{"--help"}, {"run", "--help"}, {"extract", "--help"}, {"formats"}} {
		code, stdout, _ := runCLI(t, "", args...)
		if code != 0 || stdout == "" {
			t.Errorf("%v: exit %d, output %q", args, code, stdout)
		}
	}
	_, stdout, _ = runCLI(t, "", "run", "--help")
	for _, want := range []string{"--format", "--out", "--title", "--banner"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("run --help lacks %s", want)
		}
	}
}

func TestCancelledRunLeavesNothing(t *testing.T) {
	out := t.TempDir()
	if code, _, se := runCLI(t, "", "run", "-f", "jsonl", "--out", out, "--run-id", "first"); code != 0 {
		t.Fatal(se)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var o, e bytes.Buffer
	code := Main(ctx, []string{"briefpack", "run", "-f", "jsonl", "--out", out, "--run-id", "second"}, strings.NewReader(""), &o, &e)
	if code == 0 {
		t.Errorf("cancelled run exited 0")
	}
	target, err := os.Readlink(filepath.Join(out, "latest"))
	if err != nil || target != "first" {
		t.Errorf("latest -> %q (%v), want first", target, err)
	}
	entries, _ := os.ReadDir(out)
	for _, en := range entries {
		if en.Name() != "first" && en.Name() != "latest" && !bookkeeping(en.Name()) {
			t.Errorf("cancelled run left %s", en.Name())
		}
	}
}
