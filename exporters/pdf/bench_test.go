package pdf

import (
	"context"
	"io"
	"testing"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/pipelinetest"
)

// BenchmarkBriefing renders the one-article briefing of the seed (cover,
// contents, every section, full text) into memory.
func BenchmarkBriefing(b *testing.B) {
	ds := pipelinetest.Seed(b) // the real pipeline's output for the seed
	ex, err := New(testOpts())
	if err != nil {
		b.Fatal(err)
	}
	e := ex.(*Exporter)
	fs, _ := loadFonts()
	z := &sanitizer{fs: fs}
	b.ReportAllocs()
	for b.Loop() {
		if err := e.render(context.Background(), io.Discard, ds, []*pipeline.Doc{ds.Docs[0]}, z); err != nil {
			b.Fatal(err)
		}
	}
}
