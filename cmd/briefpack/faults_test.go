package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefpack/briefpack/internal/state"
)

// outSnapshot hashes every file below dir (symlinks by their target).
func outSnapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	snap := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			snap[rel] = "-> " + target
		case d.Type().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(b)
			snap[rel] = hex.EncodeToString(sum[:])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// writeArticles writes n small generated articles into dir.
func writeArticles(t *testing.T, dir string, n int) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		text := fmt.Sprintf("Report %d on Central Asia\n\nJapan and Kazakhstan held talks in Astana on energy and trade on 9 August 2024. "+
			"President Tokayev welcomed the plan, item %d.\n\nThe United Nations and Uzbekistan joined a second round about water, "+
			"and officials said $%d million would follow in 2025.\n", i, i, i+1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// mountTmpfs mounts a tmpfs of the given size at dir, or skips the test
// when this machine does not allow it (not root, no mount privilege).
func mountTmpfs(t *testing.T, dir, size string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root; skipped")
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s); skipped", err, bytes.TrimSpace(out))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
}

func remount(t *testing.T, dir, opts string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,"+opts, dir).CombinedOutput(); err != nil {
		t.Fatalf("remount %s %s: %v: %s", dir, opts, err, out)
	}
}

type runOutput struct {
	code           int
	stdout, stderr string
}

func runMain(args ...string) runOutput {
	var stdout, stderr bytes.Buffer
	code := Main(context.Background(), append([]string{"briefpack"}, args...), strings.NewReader(""), &stdout, &stderr)
	return runOutput{code, stdout.String(), stderr.String()}
}

// checkUntouched: the previous run is still what latest points to, its
// files hash as before, and no staging folder or temporary file is left.
func checkUntouched(t *testing.T, out string, before map[string]string) {
	t.Helper()
	if target, _ := os.Readlink(filepath.Join(out, "latest")); target != "old" {
		t.Errorf("latest -> %q, want old", target)
	}
	after := outSnapshot(t, filepath.Join(out, "old"))
	for f, h := range before {
		if after[f] != h {
			t.Errorf("old/%s changed or vanished", f)
		}
	}
	if len(after) != len(before) {
		t.Errorf("old holds %d files, had %d", len(after), len(before))
	}
	ents, _ := os.ReadDir(out)
	for _, e := range ents {
		n := e.Name()
		switch {
		case n == "old" || n == "latest" || bookkeeping(n):
		default:
			t.Errorf("left in the output folder after the failed run: %s", n)
		}
	}
}

// TestFaultOutputReadOnly: the output folder becomes read-only between two
// runs: the second run fails with a clear error, publishes nothing, and
// leaves the first run's files and latest as they were; once writable
// again, a run completes.
func TestFaultOutputReadOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("mounts a tmpfs; skipped with -short")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	writeArticles(t, in, 5)
	os.Mkdir(out, 0o755)
	mountTmpfs(t, out, "20m")
	if r := runMain("run", "--out", out, "--run-id", "old", "-f", "jsonl,csv", in); r.code != ExitOK {
		t.Fatalf("first run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	before := outSnapshot(t, filepath.Join(out, "old"))
	writeArticles(t, in, 8) // three new articles, so the run has work
	remount(t, out, "ro")
	r := runMain("run", "--out", out, "--run-id", "new", in)
	t.Logf("read-only: exit %d: %s", r.code, strings.TrimSpace(r.stderr))
	if r.code != ExitFailed {
		t.Errorf("exit %d, want 1", r.code)
	}
	if !strings.Contains(r.stderr, "read-only file system") {
		t.Errorf("stderr does not say why:\n%s", r.stderr)
	}
	checkUntouched(t, out, before)
	remount(t, out, "rw")
	if r := runMain("run", "--out", out, "--run-id", "again", in); r.code != ExitOK {
		t.Fatalf("run after the fault: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestFaultOutputFull: the output folder's file system fills up while the
// exporters write: the run fails with a clear error instead of publishing
// a pack with missing files, removes its staging folder, and the previous
// run, latest and the state store are intact.
func TestFaultOutputFull(t *testing.T) {
	if testing.Short() {
		t.Skip("mounts a tmpfs; skipped with -short")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	writeArticles(t, in, 3)
	os.Mkdir(out, 0o755)
	mountTmpfs(t, out, "1m")
	if r := runMain("run", "--out", out, "--run-id", "old", "-f", "jsonl", in); r.code != ExitOK {
		t.Fatalf("first run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	before := outSnapshot(t, filepath.Join(out, "old"))
	writeArticles(t, in, 60) // a full pack of 60 articles does not fit in what is left
	r := runMain("run", "--out", out, "--run-id", "new", in)
	t.Logf("full: exit %d: %s", r.code, strings.TrimSpace(r.stderr))
	if r.code != ExitFailed {
		t.Errorf("exit %d, want 1", r.code)
	}
	if !strings.Contains(r.stderr, "no space left on device") {
		t.Errorf("stderr does not say why:\n%s", r.stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "new")); err == nil {
		t.Error("a run was published from a full disk")
	}
	checkUntouched(t, out, before)
	st, err := state.Open(context.Background(), filepath.Join(out, state.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.IntegrityCheck(context.Background()); err != nil {
		t.Error(err)
	}
	st.Close()
	remount(t, out, "size=64m")
	if r := runMain("run", "--out", out, "--run-id", "again", in); r.code != ExitOK {
		t.Fatalf("run after the fault: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestFaultStagingRemoved: the run's staging folder is removed while the
// exporters write (an operator's clean-up, a tmp reaper): the run fails
// with a clear error and publishes nothing; latest and the previous run
// are untouched. Removing the whole output folder mid-run must not crash
// either.
func TestFaultStagingRemoved(t *testing.T) {
	if testing.Short() {
		t.Skip("slow; skipped with -short")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	writeArticles(t, in, 2)
	if r := runMain("run", "--out", out, "--run-id", "old", "-f", "jsonl", in); r.code != ExitOK {
		t.Fatalf("first run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	before := outSnapshot(t, filepath.Join(out, "old"))
	writeArticles(t, in, 300)
	staging := filepath.Join(out, state.StagingPrefix+"new")
	done := make(chan runOutput, 1)
	go func() { done <- runMain("run", "--out", out, "--run-id", "new", "--workers", "1", in) }()
	// Remove the staging folder as soon as the first export file appears.
	removed := false
	var r runOutput
wait:
	for {
		select {
		case r = <-done:
			break wait
		case <-time.After(5 * time.Millisecond):
			if !removed {
				if ents, err := os.ReadDir(staging); err == nil && len(ents) > 0 {
					os.RemoveAll(staging)
					removed = true
				}
			}
		}
	}
	if !removed {
		t.Skip("the run finished before its staging folder could be removed")
	}
	t.Logf("staging removed: exit %d: %s", r.code, strings.TrimSpace(r.stderr))
	if r.code != ExitFailed {
		t.Errorf("exit %d, want 1\n%s", r.code, r.stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "new")); err == nil {
		t.Error("a run missing its files was published")
	}
	checkUntouched(t, out, before)

	// The whole output folder removed mid-run: an error or a complete
	// run, never a crash or a hang.
	out2 := filepath.Join(dir, "out2")
	go func() {
		done <- runMain("run", "--out", out2, "--run-id", "x", "--workers", "1", "-f", "jsonl,csv", in)
	}()
	waitFor(t, "the run to start", 30*time.Second, func() bool { _, err := os.Stat(filepath.Join(out2, state.StagingPrefix+"x")); return err == nil })
	os.RemoveAll(out2)
	select {
	case r = <-done:
		t.Logf("output folder removed: exit %d: %s", r.code, strings.TrimSpace(r.stderr))
		if r.code == ExitOK {
			m := readManifest(t, filepath.Join(out2, "x"))
			checkOutputs(t, filepath.Join(out2, "x"), m)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("run hung after its output folder was removed")
	}
}
