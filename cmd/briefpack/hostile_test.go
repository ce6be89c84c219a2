package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/briefpack/briefpack/internal/hostile"
	"github.com/briefpack/briefpack/internal/state"
	"github.com/briefpack/briefpack/runner"
)

// maxRSS is the memory bound of a whole hostile run of the real binary.
const maxRSS = 1 << 30

// hostileBudget bounds the wall time of the whole hostile run: far below
// the per-article time limit (engine.DefaultTimeout, 2 minutes) times the
// number of inputs, so no input came near hanging.
const hostileBudget = 3 * time.Minute

// buildBriefpack builds the real binary (with its soft memory limit, which
// only main sets) into a temporary folder.
func buildBriefpack(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "briefpack")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestHostileInputs runs a generated corpus of bad and crafted inputs
// (internal/hostile) through full runs with every exporter: each input gets
// a document or a clear error naming it, the rest of the batch completes,
// the exit code is 1, nothing panics or hangs, no goroutine is left behind,
// the real binary stays below 1 GB of resident memory, crafted links never
// become document URLs, formulas stay text and file names derived from
// titles are safe.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("hostile corpus is slow; skipped with -short")
	}
	in := t.TempDir()
	cases, err := hostile.Generate(in, hostile.Options{Huge: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 39 {
		t.Fatalf("only %d hostile cases", len(cases))
	}
	// The heaviest input (a 10 MB single line: ~480 MB of live records)
	// goes to a folder of its own, given only to the binary run, where the
	// CLI's soft memory limit applies; the in-process run checks the same
	// code paths with the rest.
	heavy := t.TempDir()
	for i, c := range cases {
		if c.Name == "one-line-10mb.txt" {
			p := filepath.Join(heavy, c.Name)
			if err := os.Rename(c.Path, p); err != nil {
				t.Fatal(err)
			}
			cases[i].Path = p
		}
	}
	cwd, _ := os.Getwd()

	t.Run("in-process", func(t *testing.T) {
		out := t.TempDir()
		before := runtime.NumGoroutine()
		var stdout, stderr bytes.Buffer
		start := time.Now()
		code := Main(context.Background(), []string{"briefpack", "run", "--out", out, "--run-id", "hostile", "--workers", "2", in}, strings.NewReader(""), &stdout, &stderr)
		t.Logf("in-process run: %s", time.Since(start).Round(time.Millisecond))
		if code != ExitFailed {
			t.Fatalf("exit %d, want 1\n%s\n%s", code, stdout.String(), stderr.String())
		}
		var mine []hostile.Case
		for _, c := range cases {
			if filepath.Dir(c.Path) == in {
				mine = append(mine, c)
			}
		}
		run := filepath.Join(out, "hostile")
		m := readManifest(t, run)
		checkOutcomes(t, mine, m, stderr.String())
		checkOutputs(t, run, m, allOutputs...)
		checkNoCraftedLinks(t, run)
		checkCSVFormulas(t, run)
		checkXLSXFormulas(t, filepath.Join(run, "comparison.xlsx"))
		checkBriefingNames(t, run, m, mine)
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
		if target, _ := os.Readlink(filepath.Join(out, "latest")); target != "hostile" {
			t.Errorf("latest -> %q after a run with failures, want hostile", target)
		}
	})

	t.Run("binary", func(t *testing.T) {
		bin := buildBriefpack(t)
		out := t.TempDir()
		cmd := exec.Command(bin, "run", "--out", out, "--run-id", "hostile", "--workers", "2", in, heavy)
		cmd.Env = append(os.Environ(), "GOMEMLIMIT=") // the CLI's own default limit
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		start := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		timer := time.AfterFunc(hostileBudget, func() { cmd.Process.Kill() })
		err := cmd.Wait()
		timer.Stop()
		took := time.Since(start)
		rss := int64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) << 10 // KB on Linux
		t.Logf("binary run: %s, peak RSS %d MB", took.Round(time.Millisecond), rss>>20)
		if took >= hostileBudget {
			t.Fatalf("hostile run killed after %s", hostileBudget)
		}
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != ExitFailed {
			t.Fatalf("exit: %v, want 1\n%s\n%s", err, stdout.String(), stderr.String())
		}
		if rss > maxRSS {
			t.Errorf("peak RSS %d MB exceeds %d MB", rss>>20, maxRSS>>20)
		}
		if strings.Contains(stderr.String(), "panic") || strings.Contains(stderr.String(), "goroutine ") {
			t.Errorf("panic output on stderr:\n%s", stderr.String())
		}
		if strings.Contains(stderr.String(), "took longer than") {
			t.Errorf("an input hit the per-article time limit:\n%s", stderr.String())
		}
		run := filepath.Join(out, "hostile")
		m := readManifest(t, run)
		checkOutcomes(t, cases, m, stderr.String())
		checkOutputs(t, run, m, allOutputs...)
		checkNoCraftedLinks(t, run)
	})

	// "$(touch pwned)" in a file name is never run by a shell.
	for _, dir := range []string{in, cwd} {
		if _, err := os.Lstat(filepath.Join(dir, "pwned")); err == nil {
			t.Errorf("a shell ran a command from a file name: %s/pwned exists", dir)
		}
	}
}

// inputOf reports whether a document came from input path: the path
// itself, or one of its feed items (path#item).
func inputOf(d runner.ManifestDoc, path string) bool {
	for _, s := range d.Sources {
		if s == path || strings.HasPrefix(s, path+"#") {
			return true
		}
	}
	return false
}

func checkOutcomes(t *testing.T, cases []hostile.Case, m runner.Manifest, stderr string) {
	t.Helper()
	errOf := map[string]string{}
	for _, f := range m.Failures {
		errOf[f.Input] = f.Stage + ": " + f.Err
		// The runner turns a panic in a stage into "internal error".
		if strings.Contains(f.Err, "internal error") {
			t.Errorf("%s: a stage panicked: %s", f.Input, f.Err)
		}
	}
	for _, c := range cases {
		got, failed := errOf[c.Path]
		doc := slices.ContainsFunc(m.Docs, func(d runner.ManifestDoc) bool { return inputOf(d, c.Path) })
		switch {
		case c.Want == "doc" && !doc:
			t.Errorf("%s (%s): want a document, got error %q", c.Name, c.Note, got)
		case c.Want != "doc" && c.Want != "" && (!failed || !strings.Contains(got, c.Want)):
			t.Errorf("%s (%s): want an error containing %q, got %q (document: %v)", c.Name, c.Note, c.Want, got, doc)
		case c.Want == "" && !failed && !doc:
			t.Errorf("%s (%s): neither a document nor an error", c.Name, c.Note)
		}
		outcome := "document"
		if failed {
			outcome = "error: " + got
		}
		t.Logf("%-44q %-50s -> %s", c.Name, c.Note, outcome)
		if failed && !strings.Contains(stderr, c.Path) {
			t.Errorf("%s: failure not reported on stderr", c.Name)
		}
	}
}

// allOutputs are files a run with every exporter writes.
var allOutputs = []string{"records.jsonl", "briefing.pdf", "comparison.xlsx", "csv/documents.csv"}

// checkOutputs: every output the manifest lists exists with its size and
// SHA-256, no other file is in the run folder, every CSV parses, and the
// required files are there.
func checkOutputs(t *testing.T, run string, m runner.Manifest, required ...string) {
	t.Helper()
	listed := map[string]bool{"manifest.json": true}
	for _, o := range m.Outputs {
		listed[o.Path] = true
		b, err := os.ReadFile(filepath.Join(run, filepath.FromSlash(o.Path)))
		if err != nil {
			t.Errorf("listed output: %v", err)
			continue
		}
		sum := sha256.Sum256(b)
		if int64(len(b)) != o.Bytes || hex.EncodeToString(sum[:]) != o.SHA256 {
			t.Errorf("%s: %d bytes, sha256 %x; manifest says %d, %s", o.Path, len(b), sum, o.Bytes, o.SHA256)
		}
		if o.Bytes == 0 {
			t.Errorf("%s is empty", o.Path)
		}
		if strings.HasSuffix(o.Path, ".csv") {
			r := csv.NewReader(bytes.NewReader(b))
			if _, err := r.ReadAll(); err != nil {
				t.Errorf("%s does not parse: %v", o.Path, err)
			}
		}
	}
	filepath.WalkDir(run, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(run, p)
		if !listed[filepath.ToSlash(rel)] {
			t.Errorf("file %s in the run folder is not in the manifest (partial or stray output)", rel)
		}
		return nil
	})
	for _, f := range required {
		if !listed[f] {
			t.Errorf("%s missing from the run", f)
		}
	}
}

// checkNoCraftedLinks: javascript: and data: links from feeds, HTML and
// front matter never become a document's URL (records.jsonl, CSV) nor
// appear anywhere in the outputs (PDF link annotations, workbook links).
func checkNoCraftedLinks(t *testing.T, run string) {
	t.Helper()
	f, err := os.Open(filepath.Join(run, "records.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<30)
	n := 0
	for sc.Scan() {
		var rec struct {
			Document struct {
				URL   string `json:"url"`
				Title string `json:"title"`
			} `json:"document"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("records.jsonl: %v", err)
		}
		if u := strings.ToLower(rec.Document.URL); u != "" && !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			t.Errorf("document %q has URL %q in records.jsonl", rec.Document.Title, rec.Document.URL)
		}
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Error("records.jsonl holds no document")
	}
	b, err := os.ReadFile(filepath.Join(run, "csv", "documents.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "url")
	if col < 0 {
		t.Fatal("documents.csv has no url column")
	}
	for _, r := range rows[1:] {
		if u := strings.ToLower(r[col]); u != "" && !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			t.Errorf("documents.csv: url %q", r[col])
		}
	}
	filepath.WalkDir(run, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".xlsx") {
			data = unzipAll(t, p)
		}
		for _, bad := range []string{"javascript:alert", "data:text/html"} {
			if bytes.Contains(data, []byte(bad)) {
				t.Errorf("%s contains %q", p, bad)
			}
		}
		return nil
	})
}

// checkCSVFormulas: no CSV text cell starts with a formula trigger; only
// numbers (such as a tone of -0.25) may start with '-' or '+'.
func checkCSVFormulas(t *testing.T, run string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(run, "csv", "*.csv"))
	guarded := 0
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, r := range rows {
			for _, cell := range r {
				if strings.HasPrefix(cell, "'=") || strings.HasPrefix(cell, "'@") || strings.HasPrefix(cell, "'+") || strings.HasPrefix(cell, "'-") {
					guarded++
				}
				if cell == "" || !strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					continue
				}
				if _, err := strconv.ParseFloat(cell, 64); err == nil && cell[0] != '=' && cell[0] != '@' {
					continue
				}
				t.Errorf("%s: live formula cell %q", filepath.Base(p), cell)
			}
		}
	}
	if guarded == 0 {
		t.Error("no guarded cell in the CSV files: the formula inputs did not reach them")
	}
}

// checkXLSXFormulas reads the workbook back: no cell holds a formula, and
// the hostile titles are there as plain strings.
func checkXLSXFormulas(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		for ri, r := range rows {
			for ci, v := range r {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
				if fo, _ := f.GetCellFormula(sheet, cell); fo != "" {
					t.Errorf("%s!%s holds formula %q", sheet, cell, fo)
				}
				for _, want := range []string{"=HYPERLINK(", "@SUM(1+1)", "+cmd|"} {
					if strings.Contains(v, want) {
						found[want] = true
						if typ, _ := f.GetCellType(sheet, cell); typ == excelize.CellTypeFormula {
							t.Errorf("%s!%s: %q is a formula cell", sheet, cell, v)
						}
					}
				}
			}
		}
	}
	for _, want := range []string{"=HYPERLINK(", "@SUM(1+1)"} {
		if !found[want] {
			t.Errorf("comparison.xlsx: no cell holds the hostile text %q", want)
		}
	}
}

var slugRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,79}\.pdf$`)

// checkBriefingNames: the per-article PDFs have safe, bounded, unique
// names, one per document, whatever the titles.
func checkBriefingNames(t *testing.T, run string, m runner.Manifest, cases []hostile.Case) {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(run, "briefings"))
	if err != nil {
		t.Fatal(err)
	}
	reserved := regexp.MustCompile(`^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)`)
	for _, e := range entries {
		if !e.Type().IsRegular() || !slugRe.MatchString(e.Name()) || reserved.MatchString(e.Name()) {
			t.Errorf("unsafe briefing file name %q", e.Name())
		}
	}
	if len(entries) != len(m.Docs) {
		t.Errorf("%d briefing PDFs for %d documents", len(entries), len(m.Docs))
	}
	titled := 0
	for _, c := range cases {
		if c.Title != "" {
			titled++
		}
	}
	if titled < 10 {
		t.Errorf("only %d hostile titles", titled)
	}
	// Nothing was written outside the run folder.
	if _, err := os.Stat(filepath.Join(run, "..", "etc")); err == nil {
		t.Error("a title escaped the run folder")
	}
}

// unzipAll returns the concatenated content of every part of a zip file
// (an xlsx workbook), hyperlink relationships included.
func unzipAll(t *testing.T, path string) []byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var all []byte
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	return all
}

// TestHostileNamedPipe: a named pipe given as an input whose writer never
// writes stops at the time limit with a clear error; a pipe with no writer
// reads as empty; the other input of the run is processed.
func TestHostileNamedPipe(t *testing.T) {
	dir := t.TempDir()
	silent, nowriter := filepath.Join(dir, "silent.txt"), filepath.Join(dir, "nowriter.txt")
	for _, p := range []string{silent, nowriter} {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
	}
	w, err := os.OpenFile(silent, os.O_RDWR, 0) // a writer that never writes
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ok := filepath.Join(dir, "ok.txt")
	os.WriteFile(ok, []byte("Japan and Kazakhstan held talks in Astana on energy.\n"), 0o644)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	start := time.Now()
	code := Main(context.Background(), []string{"briefpack", "run", "--out", out, "-f", "jsonl", "--timeout", "1s", silent, nowriter, ok}, strings.NewReader(""), &stdout, &stderr)
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("run took %s", took)
	}
	if code != ExitFailed {
		t.Fatalf("exit %d, want 1\n%s%s", code, stdout.String(), stderr.String())
	}
	m := readManifest(t, filepath.Join(out, "latest"))
	errOf := map[string]string{}
	for _, f := range m.Failures {
		errOf[f.Input] = f.Err
	}
	if !strings.Contains(errOf[silent], "no complete input within 1s") {
		t.Errorf("silent pipe: %q", errOf[silent])
	}
	if !strings.Contains(errOf[nowriter], "empty input") {
		t.Errorf("pipe without writer: %q", errOf[nowriter])
	}
	if len(m.Docs) != 1 || !inputOf(m.Docs[0], ok) {
		t.Errorf("documents: %+v", m.Docs)
	}
	if matches, _ := filepath.Glob(filepath.Join(out, state.StagingPrefix+"*")); len(matches) > 0 {
		t.Errorf("staging left: %v", matches)
	}
}
