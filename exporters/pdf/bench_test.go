package pdf

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefpack/briefpack/examples"
	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/internal/corpora"
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

// batchDataset is the real pipeline's output for n articles: BBC News texts
// (the first n/5 of each topic folder) when the shared corpora are present,
// else n variants of the seed article.
func batchDataset(b *testing.B, n int) *pipeline.Dataset {
	b.Helper()
	var ins []pipelinetest.Input
	if root := corpora.Root(); root != "" {
		topics := []string{"business", "entertainment", "politics", "sport", "tech"}
		for i := 0; len(ins) < n && i < 1000; i++ {
			for _, t := range topics {
				if len(ins) == n {
					break
				}
				name := filepath.Join(root, "bbc", t, fmt.Sprintf("%03d.txt", i+1))
				data, err := os.ReadFile(name)
				if err != nil {
					continue
				}
				ins = append(ins, pipelinetest.Input{Name: t + "/" + filepath.Base(name), Data: data})
			}
		}
	}
	if len(ins) < n {
		b.Logf("BBC corpus not found (set BRIEFPACK_CORPORA): using variants of the seed article")
		ins = ins[:0]
		paras := strings.FieldsFunc(string(examples.Seed), func(r rune) bool { return r == '\n' })
		body := paras[1:] // without the editor's note
		for i := 0; i < n; i++ {
			// three paragraphs and a numbered opening line, so the
			// pipeline does not merge the articles as duplicates
			a, c, d := i%len(body), (i+3)%len(body), (i+5)%len(body)
			text := fmt.Sprintf("Central Asia file %03d\n\nThis is file %d of the series.\n\n%s\n\n%s\n\n%s", i, i, body[a], body[c], body[d])
			ins = append(ins, pipelinetest.Input{Name: fmt.Sprintf("doc%03d.txt", i), Data: []byte(text)})
		}
	}
	ds := pipelinetest.Run(b, ins...)
	if len(ds.Docs) < n*9/10 {
		b.Fatalf("the pipeline kept %d of %d articles", len(ds.Docs), n)
	}
	return ds
}

// BenchmarkBatch100 exports a 100-article batch as the CLI does: the
// combined pack and one briefing per article, written to disk. "pack" is
// the combined pack alone.
func BenchmarkBatch100(b *testing.B) {
	ds := batchDataset(b, 100)
	for _, tc := range []struct {
		name       string
		noArticles bool
	}{{"pack", true}, {"all", false}} {
		b.Run(tc.name, func(b *testing.B) {
			o := testOpts()
			o.NoPerArticle = tc.noArticles
			ex, err := New(o)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := ex.Export(context.Background(), ds, &exporters.Dest{Dir: b.TempDir()}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(len(ds.Docs)), "ms/article")
		})
	}
}
