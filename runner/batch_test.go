package runner_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/internal/config"
	"github.com/briefpack/briefpack/internal/lock"
	"github.com/briefpack/briefpack/internal/state"
	"github.com/briefpack/briefpack/pipeline/engine"
	"github.com/briefpack/briefpack/runner"
	"github.com/briefpack/briefpack/sources"
)

var day0 = time.Date(2026, 11, 20, 6, 0, 0, 0, time.UTC)

var texts = map[string]string{
	"a.txt": "Japan hosts Central Asia\n\nJapan and Kazakhstan agreed on Tuesday to expand cooperation on critical minerals in Astana.",
	"b.txt": "Tokyo summit\n\nLeaders of Uzbekistan and Kyrgyzstan met the Japanese prime minister in Tokyo in August 2024.",
	"c.txt": "Trade routes\n\nThe Trans-Caspian route links Kazakhstan, Azerbaijan and Georgia to European markets.",
	"d.txt": "Water talks\n\nTajikistan and Uzbekistan discussed water sharing on the Amu Darya with Japanese experts.",
	"e.txt": "Energy deal\n\nTurkmenistan signed a gas agreement with a Japanese consortium in Ashgabat on Monday.",
}

func writeInputs(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(texts[n]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func run(t *testing.T, in, out string, now time.Time, b runner.Batch, formats ...string) *runner.Result {
	t.Helper()
	if len(formats) == 0 {
		formats = []string{"jsonl"}
	}
	res, err := runner.Run(context.Background(), runner.Config{Inputs: []string{in}, OutRoot: out, Now: now, Version: "test", Formats: formats, Batch: b})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func latest(t *testing.T, out string) string {
	t.Helper()
	target, err := os.Readlink(filepath.Join(out, "latest"))
	if err != nil {
		t.Fatal(err)
	}
	return target
}

func TestIncrementalRuns(t *testing.T) {
	in := writeInputs(t, "a.txt", "b.txt", "c.txt")
	out := t.TempDir()

	r1 := run(t, in, out, day0, runner.Batch{})
	if r1.NothingNew || r1.Stats.New != 3 || len(r1.Manifest.Docs) != 3 {
		t.Fatalf("first run: %+v, docs %d", r1.Stats, len(r1.Manifest.Docs))
	}
	if r1.Manifest.Batch == nil || !r1.Manifest.Batch.Incremental || r1.Manifest.Batch.New != 3 {
		t.Errorf("manifest batch = %+v", r1.Manifest.Batch)
	}

	// Same inputs: nothing new, nothing published.
	r2 := run(t, in, out, day0.Add(time.Hour), runner.Batch{})
	if !r2.NothingNew || r2.Stats.Unchanged != 3 || r2.Manifest != nil || r2.Failed() {
		t.Fatalf("second run: nothing new %v, %+v", r2.NothingNew, r2.Stats)
	}
	if latest(t, out) != r1.RunID {
		t.Error("a run with nothing new moved latest")
	}

	// One file changed, one added: only those are processed.
	os.WriteFile(filepath.Join(in, "b.txt"), []byte(texts["b.txt"]+" They also discussed rail links."), 0o644)
	os.WriteFile(filepath.Join(in, "d.txt"), []byte(texts["d.txt"]), 0o644)
	r3 := run(t, in, out, day0.Add(2*time.Hour), runner.Batch{})
	if r3.Stats.New != 1 || r3.Stats.Changed != 1 || r3.Stats.Unchanged != 2 || len(r3.Manifest.Docs) != 2 {
		t.Fatalf("third run: %+v, docs %d", r3.Stats, len(r3.Manifest.Docs))
	}
	if latest(t, out) != r3.RunID {
		t.Error("latest not switched")
	}

	// --full processes everything.
	r4 := run(t, in, out, day0.Add(3*time.Hour), runner.Batch{Full: true})
	if len(r4.Manifest.Docs) != 4 || r4.Manifest.Batch.Incremental {
		t.Errorf("full run: %d docs, %+v", len(r4.Manifest.Docs), r4.Manifest.Batch)
	}

	st, err := state.Open(context.Background(), filepath.Join(out, state.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	runs, _ := st.Runs(context.Background(), 0)
	var statuses []string
	for _, r := range runs {
		statuses = append(statuses, r.Status)
	}
	if strings.Join(statuses, ",") != "ok,ok,unchanged,ok" {
		t.Errorf("history statuses (newest first) = %v", statuses)
	}
	if runs[1].Dir != r3.Dir || runs[1].Documents != 2 || len(runs[1].Outputs) == 0 {
		t.Errorf("history row = %+v", runs[1])
	}
}

func TestWindowRun(t *testing.T) {
	in := writeInputs(t, "a.txt", "b.txt")
	out := t.TempDir()
	run(t, in, out, day0, runner.Batch{})
	os.WriteFile(filepath.Join(in, "c.txt"), []byte(texts["c.txt"]), 0o644)
	run(t, in, out, day0.Add(5*24*time.Hour), runner.Batch{})
	os.WriteFile(filepath.Join(in, "d.txt"), []byte(texts["d.txt"]), 0o644)

	// Window 7d on day 6: d (this run) + a, b (day 0) + c (day 5).
	r := run(t, in, out, day0.Add(6*24*time.Hour), runner.Batch{Window: 7 * 24 * time.Hour})
	if got := titles(r); got != "Water talks,Japan hosts Central Asia,Tokyo summit,Trade routes" {
		t.Errorf("7d window docs = %s", got)
	}
	if r.Stats.WindowDocs != 3 || r.Manifest.Batch.Window != "168h0m0s" {
		t.Errorf("stats %+v, batch %+v", r.Stats, r.Manifest.Batch)
	}
	// Totals come from the aggregator; when the engine has one, it must
	// have run again over the whole window.
	if d := r.Manifest.Totals.Documents; d != 0 && d != 4 {
		t.Errorf("aggregate not re-run over the window: totals %+v", r.Manifest.Totals)
	}
	// Window 3d on day 7: e (this run) + c (day 5) + d (day 6).
	os.WriteFile(filepath.Join(in, "e.txt"), []byte(texts["e.txt"]), 0o644)
	r = run(t, in, out, day0.Add(7*24*time.Hour), runner.Batch{Window: 3 * 24 * time.Hour})
	if got := titles(r); got != "Energy deal,Trade routes,Water talks" {
		t.Errorf("3d window docs = %s", got)
	}
}

func titles(r *runner.Result) string {
	var t []string
	for _, d := range r.Manifest.Docs {
		t = append(t, d.Title)
	}
	return strings.Join(t, ",")
}

func TestLockedOutputFolder(t *testing.T) {
	in := writeInputs(t, "a.txt")
	out := t.TempDir()
	lk, err := lock.Acquire(out, lock.Options{PID: 4321})
	if err != nil {
		t.Fatal(err)
	}
	_, err = runner.Run(context.Background(), runner.Config{Inputs: []string{in}, OutRoot: out, Now: day0, Formats: []string{"jsonl"}})
	if !errors.Is(err, lock.ErrBusy) || !strings.Contains(err.Error(), "pid 4321") {
		t.Fatalf("run on a locked folder: %v", err)
	}
	lk.Release()
	run(t, in, out, day0, runner.Batch{})
}

// TestShardsMergeToUnsharded: shards 1/2 and 2/2 merged give the same
// records and CSV tables as one unsharded run.
func TestShardsMergeToUnsharded(t *testing.T) {
	formats := []string{"jsonl"}
	for _, f := range exporters.Names() {
		if f == "csv" {
			formats = append(formats, "csv")
		}
	}
	// Shards split inputs by a hash of their source key, which holds the
	// temporary folder's random name: about one folder in thirty sends all
	// six inputs to one shard. Such a folder tests no split, so the test
	// takes a new one (the chance that twenty in a row do so is nil).
	var in string
	var shards [2]*runner.Result
	for try := 0; try < 20; try++ {
		in = writeInputs(t, "a.txt", "b.txt", "c.txt", "d.txt", "e.txt")
		// Two inputs with the same text: one document with two sources.
		os.WriteFile(filepath.Join(in, "f.txt"), []byte(texts["a.txt"]), 0o644)
		for i := 1; i <= 2; i++ {
			shards[i-1] = run(t, in, t.TempDir(), day0, runner.Batch{Shard: config.Shard{Index: i, Count: 2}}, formats...)
		}
		if shards[0].Stats.Inputs > 0 && shards[1].Stats.Inputs > 0 {
			break
		}
	}
	whole := run(t, in, t.TempDir(), day0, runner.Batch{}, formats...)
	var shardDirs []string
	total := 0
	for i, r := range shards {
		if r.Stats.Inputs == 0 || r.Stats.Inputs == 6 {
			t.Fatalf("shard %d/2 took %d of 6 inputs: not split", i+1, r.Stats.Inputs)
		}
		if want := (config.Shard{Index: i + 1, Count: 2}).String(); r.Manifest.Batch.Shard != want {
			t.Errorf("manifest shard = %q", r.Manifest.Batch.Shard)
		}
		total += r.Stats.Inputs
		shardDirs = append(shardDirs, r.Dir)
	}
	if total != 6 {
		t.Errorf("shards took %d inputs together, want 6", total)
	}
	mergedOut := t.TempDir()
	merged, err := runner.Merge(context.Background(), runner.Config{OutRoot: mergedOut, Now: day0, Version: "test", Formats: formats}, shardDirs)
	if err != nil {
		t.Fatal(err)
	}
	if latest(t, mergedOut) != merged.RunID {
		t.Error("merge did not publish latest")
	}
	if len(merged.Manifest.Docs) != len(whole.Manifest.Docs) {
		t.Fatalf("merged %d docs, unsharded %d", len(merged.Manifest.Docs), len(whole.Manifest.Docs))
	}
	same := func(rel string, sorted bool) {
		a, err1 := os.ReadFile(filepath.Join(whole.Dir, rel))
		b, err2 := os.ReadFile(filepath.Join(merged.Dir, rel))
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", rel, err1, err2)
		}
		if sorted {
			a, b = sortLines(a), sortLines(b)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between the unsharded run and the merged shards:\n%s\n---\n%s", rel, a, b)
		}
	}
	same("records.jsonl", true)
	if len(formats) > 1 {
		csvs, _ := filepath.Glob(filepath.Join(whole.Dir, "csv", "*.csv"))
		if len(csvs) == 0 {
			t.Error("no CSV written")
		}
		for _, c := range csvs {
			same(filepath.Join("csv", filepath.Base(c)), false)
		}
	}
	if _, err := runner.Merge(context.Background(), runner.Config{OutRoot: t.TempDir(), Formats: formats}, []string{t.TempDir()}); err == nil {
		t.Error("merge of a folder without records.jsonl succeeded")
	}
}

func sortLines(b []byte) []byte {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	sort.Strings(lines)
	return []byte(strings.Join(lines, "\n"))
}

func TestKeepPrunesOldRuns(t *testing.T) {
	in := writeInputs(t, "a.txt")
	out := t.TempDir()
	for i, name := range []string{"b.txt", "c.txt", "d.txt", "e.txt"} {
		os.WriteFile(filepath.Join(in, name), []byte(texts[name]), 0o644)
		res, err := runner.Run(context.Background(), runner.Config{
			Inputs: []string{in}, OutRoot: out, RunID: fmt.Sprintf("run-%d", i+1), Now: day0.Add(time.Duration(i) * time.Hour),
			Formats: []string{"jsonl"}, Batch: runner.Batch{Keep: 2},
		})
		if err != nil {
			t.Fatal(err)
		}
		if want := map[int]string{2: "run-1", 3: "run-2"}[i]; strings.Join(res.Pruned, ",") != want {
			t.Errorf("%s pruned %v, want %q", res.RunID, res.Pruned, want)
		}
		time.Sleep(20 * time.Millisecond) // distinct manifest times
	}
	for i := 1; i <= 4; i++ {
		_, err := os.Stat(filepath.Join(out, fmt.Sprintf("run-%d", i)))
		if kept := err == nil; kept != (i >= 3) {
			t.Errorf("run-%d kept=%v", i, kept)
		}
	}
	if latest(t, out) != "run-4" {
		t.Error("latest moved")
	}
}

func TestCancelledRunIsRecorded(t *testing.T) {
	in := writeInputs(t, "a.txt", "b.txt", "c.txt")
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Cancelled while processing (as SIGTERM does), after the first article.
	_, err := runner.Run(ctx, runner.Config{Inputs: []string{in}, OutRoot: out, Now: day0, Formats: []string{"jsonl"}, Engine: engine.Options{Workers: 1}, OnDoc: cancel})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run: %v", err)
	}
	st, err := state.Open(context.Background(), filepath.Join(out, state.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	runs, _ := st.Runs(context.Background(), 0)
	if len(runs) != 1 || runs[0].Status != state.StatusCancelled {
		t.Errorf("history = %+v", runs)
	}
	if st.Seen(filepath.Join(in, "a.txt"), "") {
		t.Error("cancelled run marked its input as seen")
	}
	// The next run processes the input.
	if r := run(t, in, out, day0.Add(time.Hour), runner.Batch{}); r.Stats.New != 3 {
		t.Errorf("after a cancelled run: %+v", r.Stats)
	}
}

// TestConditionalURLs: ETag and Last-Modified from one run make the next
// request conditional; a 304 means nothing new; --full fetches in full.
func TestConditionalURLs(t *testing.T) {
	var mu sync.Mutex
	var conditional []bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		conditional = append(conditional, r.Header.Get("If-None-Match") != "")
		mu.Unlock()
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, texts["a.txt"])
	}))
	defer srv.Close()
	out := t.TempDir()
	do := func(now time.Time, full bool) *runner.Result {
		t.Helper()
		res, err := runner.Run(context.Background(), runner.Config{
			Inputs: []string{srv.URL + "/a.txt"}, OutRoot: out, Now: now, Formats: []string{"jsonl"},
			Sources: sources.Options{AllowPrivate: true}, Batch: runner.Batch{Full: full},
		})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if r := do(day0, false); r.Stats.New != 1 {
		t.Fatalf("first run: %+v %v", r.Stats, r.Dataset.Failures)
	}
	if r := do(day0.Add(time.Hour), false); !r.NothingNew {
		t.Errorf("second run (304) published: %+v", r.Stats)
	}
	if r := do(day0.Add(2*time.Hour), true); r.NothingNew || len(r.Manifest.Docs) != 1 {
		t.Errorf("--full run: %+v", r.Stats)
	}
	mu.Lock()
	defer mu.Unlock()
	if fmt.Sprint(conditional) != "[false true false]" {
		t.Errorf("conditional requests = %v, want [false true false]", conditional)
	}
}

func benchInputs(b *testing.B, n int) string {
	dir := b.TempDir()
	names := []string{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"}
	for i := range n {
		var sb strings.Builder
		fmt.Fprintf(&sb, "Report %d\n\n", i)
		for p := range 4 {
			body := texts[names[(i+p)%5]]
			fmt.Fprintf(&sb, "%s Item %d, paragraph %d.\n\n", body[strings.Index(body, "\n\n")+2:], i, p)
		}
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%04d.txt", i)), []byte(sb.String()), 0o644)
	}
	return dir
}

// BenchmarkRun300 compares a full run of 300 articles with and without the
// state store (the cost of remembering inputs and records).
func BenchmarkRun300(b *testing.B) {
	in := benchInputs(b, 300)
	for _, noState := range []bool{true, false} {
		b.Run(fmt.Sprintf("nostate=%v", noState), func(b *testing.B) {
			for b.Loop() {
				_, err := runner.Run(context.Background(), runner.Config{Inputs: []string{in}, OutRoot: b.TempDir(), Now: day0, Formats: []string{"jsonl"}, Batch: runner.Batch{NoState: noState}})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkUnchangedRun300 is the second run over 300 unchanged articles:
// everything is skipped and nothing is published.
func BenchmarkUnchangedRun300(b *testing.B) {
	in := benchInputs(b, 300)
	out := b.TempDir()
	cfg := runner.Config{Inputs: []string{in}, OutRoot: out, Now: day0, Formats: []string{"jsonl"}}
	if _, err := runner.Run(context.Background(), cfg); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		res, err := runner.Run(context.Background(), cfg)
		if err != nil || !res.NothingNew {
			b.Fatal(err)
		}
	}
}
