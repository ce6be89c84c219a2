package main

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/briefpack/briefpack/internal/lock"
	"github.com/briefpack/briefpack/internal/state"
	"github.com/briefpack/briefpack/runner"
)

// TestKillAtRandomMoments kills the real binary with SIGKILL at 20 random
// moments (fixed seed) of a 500-article run. After every kill the state
// store passes PRAGMA integrity_check, out/latest points to a complete run
// whose files hash as its manifest says, every visible folder is a
// complete run (a .staging-* folder is never taken for one), and the next
// run completes and removes the staging folders the killed runs left.
func TestKillAtRandomMoments(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it 20 times; skipped with -short")
	}
	bin := buildBriefpack(t)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	writeArticles(t, in, 500)

	run := func(id, formats string) *exec.Cmd {
		return exec.Command(bin, "run", "-q", "--full", "--out", out, "--run-id", id, "-f", formats, "--workers", "2", in)
	}
	// A complete first run, timed: the kills fall within a run's length.
	const light, all = "csv,jsonl", "pdf,xlsx,csv,jsonl"
	typical := map[string]time.Duration{}
	for _, f := range []string{light, all} {
		id := "base-" + strings.ReplaceAll(f, ",", "-")
		start := time.Now()
		if b, err := run(id, f).CombinedOutput(); err != nil {
			t.Fatalf("first run: %v\n%s", err, b)
		}
		typical[f] = time.Since(start)
	}
	t.Logf("typical run: %s with %s, %s with every format", typical[light].Round(time.Millisecond), light, typical[all].Round(time.Millisecond))

	rnd := rand.New(rand.NewPCG(20261128, 7))
	killed := 0
	for i := range 20 {
		formats := light
		if i%7 == 3 { // 3 of the 20 with every format (the PDFs take longest)
			formats = all
		}
		// Up to 1.2 times the typical length, so that some kills land in
		// the last moments (manifest, publish, state commit) or just after.
		span := typical[formats]*6/5 - 50*time.Millisecond
		delay := 50*time.Millisecond + time.Duration(rnd.Int64N(int64(max(span, time.Millisecond))))
		id := "k" + string(rune('a'+i))
		cmd := run(id, formats)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			killed++
		} else if err != nil {
			t.Fatalf("run %s failed before the kill: %v\n%s", id, err, stderr.String())
		}
		checkAfterKill(t, out, id, delay)
		if t.Failed() {
			return
		}
	}
	t.Logf("%d of 20 runs killed mid-run (the others had finished)", killed)
	if killed < 10 {
		t.Errorf("only %d runs were killed mid-run; the delays do not test much", killed)
	}

	// The next run completes and clears what the killed runs left.
	cmd := run("final", light)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("run after the kills: %v\n%s", err, stderr.String())
	}
	if target, _ := os.Readlink(filepath.Join(out, "latest")); target != "final" {
		t.Errorf("latest -> %q after the final run", target)
	}
	if m, _ := filepath.Glob(filepath.Join(out, state.StagingPrefix+"*")); len(m) > 0 {
		t.Errorf("staging folders left after a complete run: %v", m)
	}
	checkComplete(t, filepath.Join(out, "final"))
}

// checkAfterKill checks the output folder after run id was killed.
func checkAfterKill(t *testing.T, out, id string, delay time.Duration) {
	t.Helper()
	// The state store is sound.
	db, err := sql.Open("sqlite", filepath.Join(out, state.FileName))
	if err != nil {
		t.Fatal(err)
	}
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Errorf("kill of %s after %s: integrity_check: %q, %v", id, delay, res, err)
	}
	db.Close()
	// latest points to a complete run.
	target, err := os.Readlink(filepath.Join(out, "latest"))
	if err != nil {
		t.Fatalf("kill of %s after %s: latest: %v", id, delay, err)
	}
	if strings.HasPrefix(target, ".") || strings.Contains(target, "/") {
		t.Errorf("kill of %s after %s: latest -> %q", id, delay, target)
	}
	checkComplete(t, filepath.Join(out, target))
	// Every visible folder is a complete run; hidden entries are the
	// lock, staging folders of killed runs and a latest link being made.
	ents, _ := os.ReadDir(out)
	for _, e := range ents {
		n := e.Name()
		switch {
		case n == "latest" || n == lock.FileName || strings.HasPrefix(n, state.FileName):
		case strings.HasPrefix(n, state.StagingPrefix) || n == ".latest.tmp":
		case e.IsDir():
			checkComplete(t, filepath.Join(out, n))
		default:
			t.Errorf("kill of %s after %s: unexpected %s in the output folder", id, delay, n)
		}
	}
}

// checkComplete: the run folder has a manifest and every output it lists
// is there with the listed size and SHA-256.
func checkComplete(t *testing.T, run string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(run, "manifest.json"))
	if err != nil {
		t.Errorf("%s is not a complete run: %v", filepath.Base(run), err)
		return
	}
	var m runner.Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Errorf("%s/manifest.json: %v", filepath.Base(run), err)
		return
	}
	if len(m.Outputs) == 0 || len(m.Docs) == 0 {
		t.Errorf("%s: %d outputs, %d documents", filepath.Base(run), len(m.Outputs), len(m.Docs))
	}
	for _, o := range m.Outputs {
		data, err := os.ReadFile(filepath.Join(run, filepath.FromSlash(o.Path)))
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(run), err)
			continue
		}
		sum := sha256.Sum256(data)
		if int64(len(data)) != o.Bytes || hex.EncodeToString(sum[:]) != o.SHA256 {
			t.Errorf("%s/%s does not match its manifest entry", filepath.Base(run), o.Path)
		}
	}
}
