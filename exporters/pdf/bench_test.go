package pdf

import (
	"context"
	"io"
	"testing"

	"github.com/briefpack/briefpack/pipeline"
)

// BenchmarkBriefing renders the one-article briefing of the seed (cover,
// contents, every section, full text) into memory.
func BenchmarkBriefing(b *testing.B) {
	ds := seedFixture()
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
