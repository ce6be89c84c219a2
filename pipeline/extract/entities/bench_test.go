package entities

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/briefpack/briefpack/internal/cputime"
	"github.com/briefpack/briefpack/pipeline"
)

// benchDocs returns documents prepared up to the entities stage: BBC
// articles when the corpus is present, else the seed article repeated.
func benchDocs(b *testing.B) ([]*pipeline.Doc, int64) {
	b.Helper()
	var texts []string
	if dir := corporaDir(b); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "bbc", "politics", "*.txt"))
		for _, f := range files {
			if data, err := os.ReadFile(f); err == nil {
				texts = append(texts, string(data))
			}
		}
	}
	if len(texts) == 0 {
		for range 50 {
			texts = append(texts, seedText(b))
		}
	}
	var docs []*pipeline.Doc
	var n int64
	for _, t := range texts {
		d := makeDoc(b, t)
		docs = append(docs, d)
		n += int64(len(d.Document.Text))
	}
	return docs, n
}

// BenchmarkStage measures the whole extraction stage on real articles;
// MB/s is text bytes per wall-clock second, cpuMB/s per CPU second (the
// machine is shared, so the second is the one to compare).
func BenchmarkStage(b *testing.B) {
	docs, n := benchDocs(b)
	st := New(testGazetteer(b))
	ctx := b.Context()
	b.SetBytes(n)
	b.ResetTimer()
	start := cputime.Used()
	defer func() { cputime.Report(b, start, n*int64(b.N)) }()
	for b.Loop() {
		for _, d := range docs {
			d.Mentions, d.Entities = nil, nil
			if err := st.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
