package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/internal/lock"
	"github.com/briefpack/briefpack/internal/state"
	"github.com/briefpack/briefpack/sources"
)

// End-to-end tests of scheduled batch runs: config file, incremental
// state, the output lock, killed runs, the scheduler and shard merging.

var batchTexts = []string{
	"Japan hosts Central Asia\n\nJapan and Kazakhstan agreed on Tuesday to expand cooperation on critical minerals in Astana.",
	"Tokyo summit\n\nLeaders of Uzbekistan and Kyrgyzstan met the Japanese prime minister in Tokyo in August 2024.",
	"Trade routes\n\nThe Trans-Caspian route links Kazakhstan, Azerbaijan and Georgia to European markets.",
	"Water talks\n\nTajikistan and Uzbekistan discussed water sharing on the Amu Darya with Japanese experts.",
	"Energy deal\n\nTurkmenistan signed a gas agreement with a Japanese consortium in Ashgabat on Monday.",
}

const feedXML = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Region wire</title><link>https://wire.example/</link>
<item><title>Rail link opens</title><link>https://wire.example/rail</link><guid>rail</guid>
<pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate>
<description>Kazakhstan opened a new rail link to China on Monday, officials in Astana said. The line will carry grain and metals.</description></item>
<item><title>Grain exports rise</title><link>https://wire.example/grain</link><guid>grain</guid>
<pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate>
<description>Grain exports from Kazakhstan rose by 12 percent in October, the agriculture ministry in Astana reported.</description></item>
</channel></rss>
`

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func missingExporters(names ...string) []string {
	var missing []string
	for _, n := range names {
		if !slices.Contains(exporters.Names(), n) {
			missing = append(missing, n)
		}
	}
	return missing
}

func hasFormat(name string) bool {
	for _, f := range sources.FormatNames() {
		if f == name {
			return true
		}
	}
	return false
}

// TestConfigIncrementalRuns: a config with a folder and a feed file runs
// twice; the second run processes nothing new and says so; a changed file
// is processed again.
func TestConfigIncrementalRuns(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"articles/a.txt": batchTexts[0], "articles/b.txt": batchTexts[1], "articles/c.txt": batchTexts[2],
		"feeds/wire.xml": feedXML,
		"briefpack.yaml": "sources: [articles/, feeds/wire.xml]\nout: out\nformats: [jsonl, csv]\n",
	})
	cfg := filepath.Join(dir, "briefpack.yaml")
	out := filepath.Join(dir, "out") // relative to the config file

	code, stdout, stderr := runCLI(t, "", "run", "--config", cfg)
	if code != 0 {
		t.Fatalf("first run: exit %d\n%s%s", code, stdout, stderr)
	}
	m1 := readManifest(t, filepath.Join(out, "latest"))
	wantDocs := 4 // three files and the feed (one article when feeds are not linked in)
	if hasFormat("feed") {
		wantDocs = 5
	}
	if len(m1.Docs) != wantDocs || m1.Batch == nil || m1.Batch.New != wantDocs {
		t.Fatalf("first run: %d docs, batch %+v (want %d)", len(m1.Docs), m1.Batch, wantDocs)
	}
	if !strings.Contains(stdout, fmt.Sprintf("inputs: %d new, 0 changed, 0 unchanged", wantDocs)) {
		t.Errorf("first run does not report its inputs:\n%s", stdout)
	}
	first, _ := os.Readlink(filepath.Join(out, "latest"))

	code, stdout, stderr = runCLI(t, "", "run", "--config", cfg)
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, fmt.Sprintf("nothing new: %d inputs unchanged since the last run", wantDocs)) {
		t.Errorf("second run does not say nothing new:\n%s", stdout)
	}
	if now, _ := os.Readlink(filepath.Join(out, "latest")); now != first {
		t.Errorf("latest moved from %s to %s on a run with nothing new", first, now)
	}

	time.Sleep(1100 * time.Millisecond) // a new run id (UTC seconds)
	writeFiles(t, dir, map[string]string{"articles/b.txt": batchTexts[1] + " They also agreed on a rail link."})
	code, stdout, stderr = runCLI(t, "", "run", "--config", cfg)
	if code != 0 {
		t.Fatalf("third run: exit %d\n%s%s", code, stdout, stderr)
	}
	m3 := readManifest(t, filepath.Join(out, "latest"))
	if len(m3.Docs) != 1 || m3.Docs[0].Sources[0] != filepath.Join(dir, "articles", "b.txt") || m3.Batch.Changed != 1 || m3.Batch.Unchanged != wantDocs-1 {
		t.Errorf("third run: docs %+v, batch %+v", m3.Docs, m3.Batch)
	}

	// --full processes everything again.
	time.Sleep(1100 * time.Millisecond)
	if code, so, se := runCLI(t, "", "run", "--config", cfg, "--full"); code != 0 {
		t.Fatalf("full run: exit %d\n%s%s", code, so, se)
	}
	if m := readManifest(t, filepath.Join(out, "latest")); len(m.Docs) != wantDocs {
		t.Errorf("--full run: %d docs", len(m.Docs))
	}

	// history: newest first, as a table and as JSON.
	code, stdout, _ = runCLI(t, "", "history", "--config", cfg, "--json")
	var runs []state.RunRecord
	if code != 0 || json.Unmarshal([]byte(stdout), &runs) != nil || len(runs) != 4 {
		t.Fatalf("history --json: exit %d, %d runs\n%s", code, len(runs), stdout)
	}
	var statuses []string
	for _, r := range runs {
		statuses = append(statuses, r.Status)
	}
	if strings.Join(statuses, ",") != "ok,ok,unchanged,ok" || runs[1].Changed != 1 || runs[3].New != wantDocs {
		t.Errorf("history: %+v", runs)
	}
	code, stdout, _ = runCLI(t, "", "history", "--config", cfg)
	if code != 0 || !strings.Contains(stdout, "UNCHANGED") || strings.Count(stdout, "\n") != 5 {
		t.Errorf("history table: exit %d\n%s", code, stdout)
	}
}

func TestPrecedenceFlagsEnvFile(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	writeFiles(t, dir, map[string]string{"a.txt": batchTexts[0], "c.yaml": "out: from-file\nformats: [jsonl]\n"})
	cfg := filepath.Join(dir, "c.yaml")
	envOut, flagOut := filepath.Join(dir, "from-env"), filepath.Join(dir, "from-flag")

	if code, so, se := runCLI(t, "", "run", "--config", cfg, in); code != 0 {
		t.Fatalf("exit %d: %s%s", code, so, se)
	}
	if _, err := os.Stat(filepath.Join(dir, "from-file", "latest", "records.jsonl")); err != nil {
		t.Errorf("file's out not used: %v", err)
	}
	t.Setenv("BRIEFPACK_OUT", envOut)
	t.Setenv("BRIEFPACK_FORMATS", "csv,jsonl")
	if code, so, se := runCLI(t, "", "run", "--config", cfg, in); code != 0 {
		t.Fatalf("exit %d: %s%s", code, so, se)
	}
	if _, err := os.Stat(filepath.Join(envOut, "latest", "csv")); err != nil {
		t.Errorf("env out/formats not used over the file: %v", err)
	}
	if code, so, se := runCLI(t, "", "run", "--config", cfg, "--out", flagOut, "-f", "jsonl", in); code != 0 {
		t.Fatalf("exit %d: %s%s", code, so, se)
	}
	if _, err := os.Stat(filepath.Join(flagOut, "latest", "csv")); err == nil {
		t.Error("--format did not override BRIEFPACK_FORMATS")
	}
	if _, err := os.Stat(filepath.Join(flagOut, "latest", "records.jsonl")); err != nil {
		t.Errorf("--out did not override BRIEFPACK_OUT: %v", err)
	}
	code, stdout, _ := runCLI(t, "", "config", "show", "--config", cfg, "--out", flagOut)
	for _, want := range []string{"# flag --out", "# env BRIEFPACK_FORMATS", "# default"} {
		if code != 0 || !strings.Contains(stdout, want) {
			t.Errorf("config show lacks %q (exit %d):\n%s", want, code, stdout)
		}
	}
	t.Setenv("BRIEFPACK_WORKERS", "lots")
	code, _, stderr := runCLI(t, "", "run", "--config", cfg, in)
	if code != ExitUsage || !strings.Contains(stderr, `env BRIEFPACK_WORKERS: workers: want an integer, got "lots"`) {
		t.Errorf("bad env value: exit %d\n%s", code, stderr)
	}
}

func TestConfigInitAndValidate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "briefpack.yaml")
	if code, so, se := runCLI(t, "", "config", "init", path); code != 0 || !strings.Contains(so, "wrote") {
		t.Fatalf("init: exit %d %s%s", code, so, se)
	}
	code, _, stderr := runCLI(t, "", "config", "init", path)
	if code != ExitUsage || !strings.Contains(stderr, "--force") {
		t.Errorf("init over an existing file: exit %d %s", code, stderr)
	}
	if code, _, _ := runCLI(t, "", "config", "init", "--force", path); code != 0 {
		t.Errorf("init --force: exit %d", code)
	}
	// The example refers to articles/ and feeds/*.xml: create the folder
	// and it validates.
	os.MkdirAll(filepath.Join(dir, "articles"), 0o755)
	code, so, se := runCLI(t, "", "config", "validate", path)
	if missing := missingExporters("pdf", "xlsx", "csv", "jsonl"); len(missing) > 0 {
		// Not every exporter is linked into this build yet: the example
		// may only be faulted for those.
		for _, line := range strings.Split(strings.TrimSpace(se), "\n") {
			if !strings.Contains(line, "unknown format") && !strings.Contains(line, "problem(s)") {
				t.Errorf("validate the example: %s", line)
			}
		}
	} else if code != 0 || !strings.Contains(so, "ok (2 scheduled jobs)") {
		t.Errorf("validate the example: exit %d\n%s%s", code, so, se)
	}

	bad := "sources: [missing/]\nfromats: [pdf]\nformats: [csv, docx]\nworkers: four\nschedules:\n  - name: x\n    cron: \"61 * * * *\"\n"
	os.WriteFile(path, []byte(bad), 0o644)
	code, _, stderr = runCLI(t, "", "config", "validate", path)
	if code != ExitUsage {
		t.Errorf("validate a bad file: exit %d", code)
	}
	for _, want := range []string{
		path + ":1:11: sources[0]: no such file: " + filepath.Join(dir, "missing"),
		path + ":2:1: fromats: unknown field (did you mean \"formats\"?)",
		path + ":3:16: formats[1]: unknown format \"docx\"",
		path + ":4:10: workers: want an integer, got \"four\"",
		path + ":7:11: schedules[0].cron: bad cron expression \"61 * * * *\"",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("validate output lacks %q:\n%s", want, stderr)
		}
	}
	// A run with that config refuses to start.
	if code, _, _ := runCLI(t, "", "run", "--config", path); code != ExitUsage {
		t.Errorf("run with a bad config: exit %d, want 2", code)
	}
}

func TestLockedOutputExitsThree(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": batchTexts[0]})
	out := filepath.Join(dir, "out")
	lk, err := lock.Acquire(out, lock.Options{PID: 98765})
	if err != nil {
		t.Fatal(err)
	}
	defer lk.Release()
	code, _, stderr := runCLI(t, "", "run", "-f", "jsonl", "--out", out, filepath.Join(dir, "a.txt"))
	if code != ExitLocked || !strings.Contains(stderr, "another run (pid 98765, started ") || !strings.Contains(stderr, "holds "+out) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestShardsMergeCLI(t *testing.T) {
	files := map[string]string{}
	for i, s := range batchTexts {
		files[fmt.Sprintf("in/%02d.txt", i)] = s
		files[fmt.Sprintf("in/%02d-copy.txt", i)] = strings.Replace(s, "\n\n", "\n\nUpdate. ", 1)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1732000000")
	// Shards split inputs by a hash of their path, which holds the
	// temporary folder's random name: a folder that sends every input to
	// one shard tests no split, so the test takes a new one.
	var dir string
	o := func(n string) string { return filepath.Join(dir, n) }
	for try := 0; try < 20; try++ {
		dir = t.TempDir()
		writeFiles(t, dir, files)
		in := filepath.Join(dir, "in")
		for _, args := range [][]string{
			{"run", "-f", "jsonl,csv", "--shard", "1/2", "--out", o("s1"), in},
			{"run", "-f", "jsonl,csv", "--shard", "2/2", "--out", o("s2"), in},
		} {
			if code, so, se := runCLI(t, "", args...); code != 0 {
				t.Fatalf("%v: exit %d\n%s%s", args, code, so, se)
			}
		}
		_, err1 := os.Stat(o("s1/latest"))
		_, err2 := os.Stat(o("s2/latest"))
		if err1 == nil && err2 == nil {
			break
		}
	}
	for _, args := range [][]string{
		{"run", "-f", "jsonl,csv", "--out", o("whole"), filepath.Join(dir, "in")},
		{"merge", "-f", "jsonl,csv", "--out", o("merged"), o("s1/latest"), o("s2/latest")},
	} {
		if code, so, se := runCLI(t, "", args...); code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", args, code, so, se)
		}
	}
	s1, s2 := readManifest(t, o("s1/latest")), readManifest(t, o("s2/latest"))
	if len(s1.Docs) == 0 || len(s2.Docs) == 0 || len(s1.Docs)+len(s2.Docs) != 10 {
		t.Errorf("shards have %d and %d docs", len(s1.Docs), len(s2.Docs))
	}
	cmp := func(rel string, sorted bool) {
		a, _ := os.ReadFile(filepath.Join(o("whole/latest"), rel))
		b, _ := os.ReadFile(filepath.Join(o("merged/latest"), rel))
		if sorted {
			a, b = sortedLines(a), sortedLines(b)
		}
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s: merged shards differ from the unsharded run (%d vs %d bytes)", rel, len(a), len(b))
		}
	}
	cmp("records.jsonl", true)
	csvs, _ := filepath.Glob(filepath.Join(o("whole/latest"), "csv", "*.csv"))
	for _, c := range csvs {
		cmp(filepath.Join("csv", filepath.Base(c)), false)
	}
	if code, _, _ := runCLI(t, "", "run", "--shard", "3/2", "--out", o("x"), filepath.Join(dir, "in")); code != ExitUsage {
		t.Errorf("--shard 3/2: exit %d, want 2", code)
	}
}

func sortedLines(b []byte) []byte {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	sort.Strings(lines)
	return []byte(strings.Join(lines, "\n"))
}

// --- tests with the real binary -----------------------------------------

func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "briefpack")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// writeLargeInput writes n generated articles into dir.
func writeLargeInput(t *testing.T, dir string, n int) {
	t.Helper()
	os.MkdirAll(dir, 0o755)
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "Report %d on Central Asia\n\n", i)
		for p := range 6 {
			for s := range 5 {
				src := batchTexts[(i+p+s)%len(batchTexts)]
				body := src[strings.Index(src, "\n\n")+2:]
				fmt.Fprintf(&b, "%s In item %d, paragraph %d, officials added detail %d. ", body, i, p, s)
			}
			b.WriteString("\n\n")
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%05d.txt", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func waitFor(t *testing.T, what string, d time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func hasStaging(out string) bool {
	m, _ := filepath.Glob(filepath.Join(out, state.StagingPrefix+"*"))
	return len(m) > 0
}

// TestKilledRunAndConcurrentRun: a second run started while one is
// running refuses with exit 3; SIGKILL mid-run leaves the previous outputs
// and the store intact, and the next run completes and clears the stale lock.
func TestKilledRunAndConcurrentRun(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	small, large, out := filepath.Join(dir, "small"), filepath.Join(dir, "large"), filepath.Join(dir, "out")
	writeFiles(t, small, map[string]string{"a.txt": batchTexts[0], "b.txt": batchTexts[1]})
	writeLargeInput(t, large, 400)

	first := exec.Command(bin, "run", "-f", "jsonl", "--out", out, "--run-id", "first", small)
	if b, err := first.CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, b)
	}
	before, err := os.ReadFile(filepath.Join(out, "first", "records.jsonl"))
	if err != nil {
		t.Fatal(err)
	}

	// A long run, and a second one started while it holds the folder.
	// Its last input is stdin, held open, so it is surely still running
	// when it is killed, whatever the machine's speed.
	long := exec.Command(bin, "run", "-f", "jsonl", "--out", out, "--workers", "1", small, large, "-")
	stdin, err := long.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	if err := long.Start(); err != nil {
		t.Fatal(err)
	}
	defer long.Process.Kill()
	waitFor(t, "the long run to start processing", 20*time.Second, func() bool { return hasStaging(out) })
	second := exec.Command(bin, "run", "-f", "jsonl", "--out", out, small)
	b, err := second.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != ExitLocked {
		t.Errorf("second run: %v, want exit 3\n%s", err, b)
	}
	if want := fmt.Sprintf("another run (pid %d, started ", long.Process.Pid); !strings.Contains(string(b), want) {
		t.Errorf("second run message lacks %q:\n%s", want, b)
	}

	// Kill the long run without warning.
	time.Sleep(300 * time.Millisecond)
	if !hasStaging(out) {
		t.Fatal("the long run finished before it could be killed")
	}
	long.Process.Signal(syscall.SIGKILL)
	long.Wait()

	if target, _ := os.Readlink(filepath.Join(out, "latest")); target != "first" {
		t.Errorf("latest -> %q after the kill, want first", target)
	}
	after, _ := os.ReadFile(filepath.Join(out, "first", "records.jsonl"))
	if !bytes.Equal(before, after) {
		t.Error("the killed run changed the previous run's output")
	}
	st, err := state.Open(context.Background(), filepath.Join(out, state.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.IntegrityCheck(context.Background()); err != nil {
		t.Error(err)
	}
	runs, _ := st.Runs(context.Background(), 0)
	if len(runs) != 1 || runs[0].ID != "first" {
		t.Errorf("history after the kill: %+v", runs)
	}
	if st.Seen(filepath.Join(large, "r00000.txt"), "") {
		t.Error("killed run marked an input as seen")
	}
	st.Close()

	// The next run completes: the large inputs are new (the killed run
	// committed nothing), the small ones unchanged.
	next := exec.Command(bin, "run", "-f", "jsonl", "--out", out, "--workers", "2", small, large)
	var nextOut, nextErr bytes.Buffer
	next.Stdout, next.Stderr = &nextOut, &nextErr
	if err := next.Run(); err != nil {
		t.Fatalf("run after the kill: %v\n%s%s", err, nextOut.String(), nextErr.String())
	}
	if !strings.Contains(nextErr.String(), fmt.Sprintf("cleared stale lock from pid %d", long.Process.Pid)) {
		t.Errorf("stale lock not reported:\n%s", nextErr.String())
	}
	if !strings.Contains(nextOut.String(), "inputs: 400 new, 0 changed, 2 unchanged") {
		t.Errorf("run after the kill:\n%s", nextOut.String())
	}
	if hasStaging(out) {
		t.Error("staging folder of the killed run left behind")
	}
}

// TestScheduleEverySecondAndSIGTERM: `briefpack schedule` runs a job on a
// one-second schedule and stops cleanly on SIGTERM.
func TestScheduleEverySecondAndSIGTERM(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"in/a.txt": batchTexts[0],
		"briefpack.yaml": `out: out
formats: [jsonl]
schedules:
  - name: tick
    cron: "@every 1s"
    sources: [in/]
`,
	})
	cmd := exec.Command(bin, "schedule", "--config", filepath.Join(dir, "briefpack.yaml"), "--log-format", "json")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := make(chan map[string]any, 100)
	var all bytes.Buffer
	go func() {
		sc := bufio.NewScanner(io.TeeReader(stderr, &all))
		for sc.Scan() {
			var m map[string]any
			if json.Unmarshal(sc.Bytes(), &m) == nil {
				lines <- m
			}
		}
		close(lines)
	}()
	published, nothingNew := false, false
	timeout := time.After(15 * time.Second)
	for !(published && nothingNew) {
		select {
		case m, ok := <-lines:
			if !ok {
				t.Fatalf("scheduler exited early:\n%s", all.String())
			}
			switch m["msg"] {
			case "run published":
				published = true
			case "nothing new":
				nothingNew = published
			}
		case <-timeout:
			t.Fatalf("no published run followed by a nothing-new run within 15s:\n%s", all.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "latest", "records.jsonl")); err != nil {
		t.Error(err)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() {
		for range lines {
		}
		done <- cmd.Wait()
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("scheduler exit after SIGTERM: %v\n%s", err, all.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("scheduler did not stop within 10s of SIGTERM")
	}
	if !strings.Contains(all.String(), `"msg":"scheduler stopped"`) {
		t.Errorf("no clean stop logged:\n%s", all.String())
	}
	if hasStaging(filepath.Join(dir, "out")) {
		t.Error("staging folder left after SIGTERM")
	}
}

func TestScheduleAndHistoryUsage(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"none.yaml":    "out: out\n",
		"nosrc.yaml":   "schedules: [{name: a, cron: '@daily'}]\n",
		"badcron.yaml": "sources: [x/]\nschedules: [{name: a, cron: '@sometimes'}, {name: b, cron: '@daily', formats: [docx]}]\n",
	})
	for _, tt := range []struct{ file, want string }{
		{"none.yaml", "no schedules"},
		{"nosrc.yaml", `job "a" has no sources`},
		{"badcron.yaml", `schedules[0].cron: bad cron expression "@sometimes"`},
		{"badcron.yaml", `schedules[1].formats[0]: unknown format "docx"`},
	} {
		code, _, stderr := runCLI(t, "", "schedule", "--config", filepath.Join(dir, tt.file))
		if code != ExitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%s: exit %d, stderr %q (want %q)", tt.file, code, stderr, tt.want)
		}
	}
	code, stdout, _ := runCLI(t, "", "history", "--out", filepath.Join(dir, "nothing"))
	if code != 0 || !strings.Contains(stdout, "no runs recorded") {
		t.Errorf("history of an empty folder: exit %d %q", code, stdout)
	}
	code, stdout, _ = runCLI(t, "", "history", "--json", "--out", filepath.Join(dir, "nothing"))
	if code != 0 || strings.TrimSpace(stdout) != "[]" {
		t.Errorf("history --json of an empty folder: exit %d %q", code, stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "nothing")); err == nil {
		t.Error("history created the output folder")
	}
	code, _, stderr := runCLI(t, "", "run", "--job", "nope", "--config", filepath.Join(dir, "nosrc.yaml"))
	if code != ExitUsage || !strings.Contains(stderr, `job "nope" is not in`) {
		t.Errorf("run --job nope: exit %d %q", code, stderr)
	}
}

// TestFailedInputsRetried: a failed input is not remembered; a run with
// nothing new still reports it (exit 1).
func TestFailedInputsRetried(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"in/a.txt": batchTexts[0], "in/empty.txt": ""})
	out := filepath.Join(dir, "out")
	for i := range 2 {
		code, stdout, stderr := runCLI(t, "", "run", "-f", "jsonl", "--out", out, filepath.Join(dir, "in"))
		if code != ExitFailed || !strings.Contains(stderr, "empty.txt: source: empty input") {
			t.Errorf("run %d: exit %d, stderr %q", i+1, code, stderr)
		}
		if i == 1 && !strings.Contains(stdout, "nothing new: 1 inputs unchanged") {
			t.Errorf("run 2: %q", stdout)
		}
	}
}
