package state

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/briefpack/briefpack/pipeline"
)

var update = flag.Bool("update", false, "rewrite golden files")

var t0 = time.Date(2026, 11, 20, 6, 0, 0, 0, time.UTC)

func open(t *testing.T, path string) *Store {
	t.Helper()
	if path == "" {
		path = filepath.Join(t.TempDir(), FileName)
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func doc(id, source, text string) *pipeline.Doc {
	return &pipeline.Doc{
		Article:   pipeline.Article{Source: source, Text: text, Title: "T " + id},
		Document:  pipeline.Document{DocID: id, Source: source, Title: "T " + id, Text: text, Words: len(strings.Fields(text))},
		Sentences: []pipeline.Sentence{{DocID: id, SentID: "p1s1", ParaNo: 1, Start: 0, End: len(text), Text: text, Themes: []string{"energy"}}},
		Entities:  []pipeline.Entity{{DocID: id, EntityID: "JPN", Name: "Japan", Type: pipeline.TypeCountry, Mentions: 2, Salience: 0.5}},
		KeyPoints: []string{"p1s1"},
	}
}

func TestOpenMigratesAndSetsPragmas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", FileName)
	s := open(t, path)
	ctx := context.Background()
	v, err := s.Version(ctx)
	if err != nil || v != SchemaVersion || v < 1 {
		t.Fatalf("version = %d, %v", v, err)
	}
	var mode string
	s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	var busy int
	s.db.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&busy)
	if busy < 1000 {
		t.Errorf("busy_timeout = %d", busy)
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
	s.Close()
	// Reopening an up-to-date database changes nothing.
	s2 := open(t, path)
	if v2, _ := s2.Version(ctx); v2 != v {
		t.Errorf("version after reopen = %d", v2)
	}
}

func TestMigrationKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	ctx := context.Background()
	s := open(t, path)
	r := s.Begin("r1", t0)
	r.MarkSeen("a.txt", "h1", "d1")
	if err := r.Commit(ctx, Summary{Ended: t0.Add(time.Second), Inputs: 1, New: 1}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// A later release adds a migration; an existing database gets it on
	// Open and keeps its rows.
	saved := migrations
	migrations = append(append([]string(nil), migrations...), `ALTER TABLE runs ADD COLUMN host TEXT NOT NULL DEFAULT ''`)
	defer func() { migrations = saved }()
	s2 := open(t, path)
	if v, _ := s2.Version(ctx); v != len(migrations) {
		t.Fatalf("version = %d, want %d", v, len(migrations))
	}
	var host string
	if err := s2.db.QueryRowContext(ctx, "SELECT host FROM runs WHERE run_id = 'r1'").Scan(&host); err != nil {
		t.Fatalf("migrated column: %v", err)
	}
	if st, _ := s2.Check(ctx, "a.txt", "h1"); st != Unchanged {
		t.Errorf("input lost in migration: %v", st)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s := open(t, path)
	if _, err := s.db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err := Open(context.Background(), path)
	if !errors.Is(err, ErrNewerSchema) || !strings.Contains(err.Error(), "version 99") {
		t.Errorf("Open newer schema: %v", err)
	}
}

func TestFailedMigrationRollsBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	open(t, path).Close()
	saved := migrations
	migrations = append(append([]string(nil), migrations...), `CREATE TABLE extra(x); SELECT * FROM no_such_table`)
	defer func() { migrations = saved }()
	if _, err := Open(context.Background(), path); err == nil || !strings.Contains(err.Error(), "migrate to version") {
		t.Fatalf("broken migration: %v", err)
	}
	migrations = saved
	s := open(t, path)
	if v, _ := s.Version(context.Background()); v != len(saved) {
		t.Errorf("version after failed migration = %d", v)
	}
	var n int
	s.db.QueryRow("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").Scan(&n)
	if n != 0 {
		t.Error("half-applied migration left a table behind")
	}
}

func TestIncremental(t *testing.T) {
	ctx := context.Background()
	s := open(t, "")
	check := func(key, hash string, want Status) {
		t.Helper()
		got, err := s.Check(ctx, key, hash)
		if err != nil || got != want {
			t.Errorf("Check(%s, %s) = %v, %v; want %v", key, hash, got, err, want)
		}
	}
	check("a.txt", "h1", New)

	// A run that never commits (killed) marks nothing as seen.
	r := s.Begin("killed", t0)
	r.MarkSeen("a.txt", "h1", "d1")
	check("a.txt", "h1", New)

	// A failed run is in the history but marks nothing.
	if err := r.Fail(ctx, Summary{Ended: t0, Error: "export failed"}); err != nil {
		t.Fatal(err)
	}
	check("a.txt", "h1", New)
	if err := r.Commit(ctx, Summary{}); err == nil {
		t.Error("Commit after Fail succeeded")
	}

	r = s.Begin("r1", t0.Add(time.Minute))
	r.MarkSeen("a.txt", "h1", "d1")
	r.MarkSeen("b.txt", "h2", "d2")
	if err := r.Commit(ctx, Summary{Ended: t0.Add(2 * time.Minute), Inputs: 2, New: 2}); err != nil {
		t.Fatal(err)
	}
	check("a.txt", "h1", Unchanged)
	check("a.txt", "h9", Changed)
	check("c.txt", "h1", New)
	if !s.Seen("b.txt", "h2") || s.Seen("b.txt", "hX") {
		t.Error("Seen disagrees with Check")
	}

	// A fresh Store (the next process) sees the same.
	s2 := open(t, s.Path())
	if st, _ := s2.Check(ctx, "b.txt", "h2"); st != Unchanged {
		t.Errorf("after reopen: %v", st)
	}
	runs, err := s2.Runs(ctx, 0)
	if err != nil || len(runs) != 2 || runs[0].ID != "r1" || runs[1].Status != StatusFailed || runs[1].Error != "export failed" {
		t.Errorf("runs = %+v, %v", runs, err)
	}
}

func TestContentHash(t *testing.T) {
	a := pipeline.Article{Source: "a.txt", Title: "T", Text: "Body."}
	h := ContentHash(a)
	if len(h) != 64 || h != ContentHash(a) {
		t.Fatalf("hash %q not stable", h)
	}
	for name, b := range map[string]pipeline.Article{
		"text":      {Source: "a.txt", Title: "T", Text: "Body!"},
		"title":     {Source: "a.txt", Title: "T2", Text: "Body."},
		"published": {Source: "a.txt", Title: "T", Text: "Body.", Published: t0},
		"blocks":    {Source: "a.txt", Title: "T", Text: "Body.", Blocks: []pipeline.Block{{Kind: "heading", Text: "H"}}},
		"shifted":   {Source: "a.txt", Title: "TB", Text: "ody."},
	} {
		if ContentHash(b) == h {
			t.Errorf("%s change not detected", name)
		}
	}
	if ContentHash(pipeline.Article{Source: "other.txt", Title: "T", Text: "Body."}) != h {
		t.Error("hash depends on the source key; it must be content only")
	}
}

func TestWindow(t *testing.T) {
	ctx := context.Background()
	s := open(t, "")
	commit := func(id string, at time.Time, docs ...*pipeline.Doc) {
		t.Helper()
		r := s.Begin(id, at)
		for _, d := range docs {
			r.MarkSeen(d.Document.Source, "h-"+d.Document.DocID, d.Document.DocID)
			if err := r.AddDoc(d); err != nil {
				t.Fatal(err)
			}
		}
		if err := r.Commit(ctx, Summary{Ended: at}); err != nil {
			t.Fatal(err)
		}
	}
	a, b := doc("da", "a.txt", "Japan met Kazakhstan."), doc("db", "b.txt", "Tokyo hosted a summit.")
	commit("r1", t0, a, b)
	c := doc("dc", "c.txt", "Astana signed deals.")
	commit("r2", t0.Add(5*24*time.Hour), c)
	// b.txt changed: its new version replaces the old one in the store.
	b2 := doc("db2", "b.txt", "Tokyo hosted a second summit.")
	commit("r3", t0.Add(6*24*time.Hour), b2)

	all, err := s.DocsSince(ctx, t0)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(all); !reflect.DeepEqual(got, []string{"da", "dc", "db2"}) {
		t.Errorf("DocsSince(t0) = %v", got)
	}
	recent, _ := s.DocsSince(ctx, t0.Add(3*24*time.Hour))
	if got := ids(recent); !reflect.DeepEqual(got, []string{"dc", "db2"}) {
		t.Errorf("DocsSince(t0+3d) = %v", got)
	}
	// Records survive the round trip (except the raw article text).
	want := *a
	want.Article.Text = ""
	if !reflect.DeepEqual(all[0], &want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", all[0], &want)
	}

	// This run produced dc again and a new dd: the window has each once,
	// this run's first.
	d := doc("dd", "d.txt", "New text.")
	w := Window([]*pipeline.Doc{doc("dc", "c.txt", "Astana signed deals."), d}, all)
	if got := ids(w); !reflect.DeepEqual(got, []string{"dc", "dd", "da", "db2"}) {
		t.Errorf("Window = %v", got)
	}
	for i, d := range w {
		if d.Seq != i {
			t.Errorf("Seq of %s = %d, want %d", d.Document.DocID, d.Seq, i)
		}
	}
}

func ids(docs []*pipeline.Doc) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.Document.DocID)
	}
	return out
}

func TestConditionalStore(t *testing.T) {
	ctx := context.Background()
	s := open(t, "")
	const u = "https://example.org/feed.xml"
	r := s.Begin("r1", t0)
	if e, lm := r.Validators(u); e != "" || lm != "" {
		t.Errorf("unknown url has validators %q %q", e, lm)
	}
	r.Remember(u, `"abc"`, "Fri, 27 Nov 2026 10:00:00 GMT")
	if e, _ := r.Validators(u); e != `"abc"` {
		t.Errorf("same run does not see its own validators: %q", e)
	}
	r.Fail(ctx, Summary{Ended: t0})
	if e, _ := s.Begin("r2", t0).Validators(u); e != "" {
		t.Error("validators of a failed run were kept")
	}
	r = s.Begin("r3", t0)
	r.Remember(u, `"def"`, "")
	if err := r.Commit(ctx, Summary{Ended: t0}); err != nil {
		t.Fatal(err)
	}
	if e, lm := s.Begin("r4", t0).Validators(u); e != `"def"` || lm != "" {
		t.Errorf("committed validators = %q %q", e, lm)
	}
}

func TestConcurrentBuffering(t *testing.T) {
	ctx := context.Background()
	s := open(t, "")
	r := s.Begin("r1", t0)
	done := make(chan bool)
	for w := range 4 {
		go func() {
			for i := range 50 {
				key := fmt.Sprintf("w%d/%d.txt", w, i)
				r.MarkSeen(key, "h", key)
				r.AddDoc(doc(key, key, "text"))
				r.Remember("https://x/"+key, "e", "")
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
	if err := r.Commit(ctx, Summary{Ended: t0}); err != nil {
		t.Fatal(err)
	}
	docs, _ := s.DocsSince(ctx, t0)
	if len(docs) != 200 {
		t.Errorf("stored %d docs, want 200", len(docs))
	}
}

func TestHistory(t *testing.T) {
	ctx := context.Background()
	s := open(t, "")
	runs := []struct {
		id  string
		at  time.Time
		sum Summary
	}{
		{"20261120T060000Z", t0, Summary{Ended: t0.Add(1500 * time.Millisecond), Inputs: 12, New: 12, Documents: 12, Outputs: []string{"briefing.pdf", "records.jsonl"}, Status: StatusOK}},
		{"20261121T060000Z", t0.Add(24 * time.Hour), Summary{Job: "morning", Ended: t0.Add(24*time.Hour + 800*time.Millisecond), Inputs: 14, New: 1, Changed: 1, Unchanged: 11, Failed: 1, Documents: 2, Outputs: []string{"records.jsonl"}, Status: StatusPartial}},
		{"20261122T060000Z", t0.Add(48 * time.Hour), Summary{Job: "morning", Ended: t0.Add(48*time.Hour + 200*time.Millisecond), Inputs: 14, Unchanged: 14, Status: "unchanged"}},
	}
	for _, r := range runs {
		if err := s.Begin(r.id, r.at).Commit(ctx, r.sum); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Runs(ctx, 2)
	if err != nil || len(got) != 2 || got[0].ID != "20261122T060000Z" || got[1].Changed != 1 {
		t.Fatalf("Runs(2) = %+v, %v", got, err)
	}
	all, _ := s.Runs(ctx, 0)
	var table, js bytes.Buffer
	if err := WriteHistory(&table, all, false); err != nil {
		t.Fatal(err)
	}
	if err := WriteHistory(&js, all, true); err != nil {
		t.Fatal(err)
	}
	golden(t, "history.txt", table.Bytes())
	golden(t, "history.json", js.Bytes())

	var empty bytes.Buffer
	WriteHistory(&empty, nil, true)
	if strings.TrimSpace(empty.String()) != "[]" {
		t.Errorf("empty JSON history = %q", empty.String())
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		os.WriteFile(path+".actual", got, 0o644)
		t.Errorf("%s differs from golden (see %s.actual):\n%s", name, path, got)
	}
}

func TestPruneAndStaging(t *testing.T) {
	out := t.TempDir()
	mk := func(name string, age time.Duration) {
		dir := filepath.Join(out, name)
		os.MkdirAll(dir, 0o755)
		m := filepath.Join(dir, "manifest.json")
		os.WriteFile(m, []byte("{}"), 0o644)
		when := time.Now().Add(-age)
		os.Chtimes(m, when, when)
	}
	mk("run-a", 5*time.Hour)
	mk("run-b", 4*time.Hour)
	mk("run-c", 3*time.Hour)
	mk("run-d", 2*time.Hour)
	mk("run-e", 1*time.Hour)
	os.MkdirAll(filepath.Join(out, "notes"), 0o755) // no manifest: not a run
	os.MkdirAll(filepath.Join(out, ".staging-run-f", "csv"), 0o755)
	os.WriteFile(filepath.Join(out, FileName), nil, 0o644)
	// latest points at an old run (e.g. the newer ones were written by
	// another job); it must survive.
	os.Symlink("run-b", filepath.Join(out, "latest"))

	removed, err := Prune(out, 2)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(removed, []string{"run-c", "run-a"}) {
		t.Errorf("removed %v", removed)
	}
	for _, keep := range []string{"run-e", "run-d", "run-b", "notes", ".staging-run-f", FileName, "latest"} {
		if _, err := os.Lstat(filepath.Join(out, keep)); err != nil {
			t.Errorf("%s removed: %v", keep, err)
		}
	}
	if removed, _ := Prune(out, 0); removed != nil {
		t.Error("keep 0 removed something")
	}
	st, err := CleanStaging(out)
	if err != nil || !reflect.DeepEqual(st, []string{".staging-run-f"}) {
		t.Errorf("CleanStaging = %v, %v", st, err)
	}
	if r, err := Prune(filepath.Join(out, "missing"), 3); r != nil || err != nil {
		t.Errorf("Prune of a missing folder: %v %v", r, err)
	}
}

func TestOpenRejectsOddPath(t *testing.T) {
	if _, err := Open(context.Background(), filepath.Join(t.TempDir(), "a?b.db")); err == nil {
		t.Error("path with ? accepted")
	}
}

func BenchmarkCheck(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), FileName))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	r := s.Begin("r1", t0)
	for i := range 10000 {
		r.MarkSeen(fmt.Sprintf("news/%05d.md", i), fmt.Sprintf("h%d", i), "")
	}
	r.Commit(ctx, Summary{Ended: t0})
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		s.Check(ctx, fmt.Sprintf("news/%05d.md", i%10000), "h")
	}
}

// BenchmarkCommit1000 measures committing a run of 1000 documents (their
// records compressed) with their inputs, in one transaction.
func BenchmarkCommit1000(b *testing.B) {
	ctx := context.Background()
	text := strings.Repeat("Japan and Kazakhstan agreed to expand cooperation on critical minerals. ", 60)
	for i := 0; b.Loop(); i++ {
		s, err := Open(ctx, filepath.Join(b.TempDir(), FileName))
		if err != nil {
			b.Fatal(err)
		}
		r := s.Begin(fmt.Sprint("r", i), t0)
		for j := range 1000 {
			key := fmt.Sprintf("news/%04d.md", j)
			r.MarkSeen(key, "h", key)
			r.AddDoc(doc(key, key, text))
		}
		if err := r.Commit(ctx, Summary{Ended: t0}); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// TestEncodeStreamMatchesMarshal: the streaming encoder writes exactly
// what json.Marshal writes, including nil and empty slices and zero values.
func TestEncodeStreamMatchesMarshal(t *testing.T) {
	full := doc("d1", "a.txt", "Japan & Kazakhstan <agreed> \"x\" \u2028 ünïcode.")
	full.Events = []pipeline.Event{{DocID: "d1", Entities: nil}}
	full.Themes = []pipeline.Theme{}
	full.Article.Published = t0
	for name, d := range map[string]*pipeline.Doc{"full": full, "zero": {}} {
		want, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := encodeStream(&got, d); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s:\n got %s\nwant %s", name, got.Bytes(), want)
		}
	}
	type tagged struct {
		A  string `json:"a,omitempty"`
		B  []int  `json:"b"`
		C  []byte
		D  string `json:"-"`
		e  int
		Nf []string `json:"nf,omitempty"`
	}
	for _, v := range []tagged{{}, {A: "x", B: []int{1, 2}, C: []byte("hi"), D: "no", e: 3, Nf: []string{"q"}}} {
		want, _ := json.Marshal(v)
		var got bytes.Buffer
		if err := encodeStream(&got, &v); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("tagged:\n got %s\nwant %s", got.Bytes(), want)
		}
	}
}

func TestOpenDamagedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	os.WriteFile(path, bytes.Repeat([]byte("not a database "), 100), 0o644)
	_, err := Open(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "move it away") {
		t.Errorf("Open of a damaged file: %v", err)
	}
}
