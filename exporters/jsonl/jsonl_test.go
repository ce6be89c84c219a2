package jsonl

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/briefpack/briefpack/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/pipeline/pipelinetest"
)

func export(t *testing.T) []byte {
	t.Helper()
	ds := pipelinetest.Seed(t)
	dir := t.TempDir()
	e, err := exporters.New("jsonl", exporters.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Export(context.Background(), ds, &exporters.Dest{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestGolden compares records.jsonl for the seed byte for byte. After an
// intended change to any stage, run `go test ./exporters/jsonl -update`
// and review the diff.
func TestGolden(t *testing.T) {
	got := export(t)
	golden.Check(t, filepath.Join("testdata", "seed.golden.jsonl"), got)
}

// TestRecords checks what a consumer relies on: one object per line, every
// record array present, and offsets that are code point offsets into the
// document text.
func TestRecords(t *testing.T) {
	b := export(t)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d lines for one document", len(lines))
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(lines[0]), &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"document", "paragraphs", "sentences", "mentions", "entities", "events", "quantities", "themes", "relations", "actors", "key_points"} {
		if v, ok := raw[k]; !ok || string(v) == "null" {
			t.Errorf("key %q missing or null", k)
		}
	}
	docs, err := Read(bytes.NewReader(b), "records.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	text := []rune(d.Document.Text)
	if utf8.RuneCountInString(d.Document.Text) == len(d.Document.Text) {
		t.Fatal("seed text is ASCII; the offset check needs curly quotes")
	}
	for _, s := range d.Sentences {
		if string(text[s.Start:s.End]) != s.Text {
			t.Errorf("sentence %s: text[%d:%d] = %q, want %q", s.SentID, s.Start, s.End, string(text[s.Start:s.End]), s.Text)
		}
	}
	for _, m := range d.Mentions {
		if string(text[m.Start:m.End]) != m.Surface {
			t.Errorf("mention %s: text[%d:%d] = %q, want %q", m.EntityID, m.Start, m.End, string(text[m.Start:m.End]), m.Surface)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	ds := pipelinetest.Seed(t)
	var buf bytes.Buffer
	for _, d := range ds.Docs {
		if err := Encode(&buf, d); err != nil {
			t.Fatal(err)
		}
	}
	docs, err := Read(&buf, "x")
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	for _, d := range docs {
		Encode(&again, d)
	}
	var first bytes.Buffer
	Encode(&first, ds.Docs[0])
	if !bytes.Equal(first.Bytes(), again.Bytes()) {
		t.Error("records changed in a write/read/write round trip")
	}
	if _, err := Read(strings.NewReader("{\"document\":{}}\n{broken\n"), "bad.jsonl"); err == nil || !strings.Contains(err.Error(), "bad.jsonl:2") {
		t.Errorf("error for a broken line = %v, want it to name bad.jsonl:2", err)
	}
}
