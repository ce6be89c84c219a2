package engine

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/briefpack/briefpack/internal/corpora"
	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
	_ "github.com/briefpack/briefpack/sources/text"
)

// bbcArticles reads the whole BBC corpus once.
func bbcArticles(b *testing.B) []pipeline.Article {
	dir := corpora.Dir(b, "bbc")
	var paths []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".txt" {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	var arts []pipeline.Article
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		sources.Parse(context.Background(), &sources.Input{Name: p, Data: data}, sources.Options{}, func(a pipeline.Article) error {
			arts = append(arts, a)
			return nil
		})
	}
	return arts
}

func runAll(b *testing.B, r *pipeline.Runner, arts []pipeline.Article) {
	for i := 0; i < b.N; i++ {
		in := make(chan pipeline.Item, len(arts))
		bytes := 0
		for j, a := range arts {
			in <- pipeline.Item{Seq: j, Article: a}
			bytes += len(a.Text)
		}
		close(in)
		start := time.Now()
		ds, err := r.Run(context.Background(), in)
		if err != nil {
			b.Fatal(err)
		}
		el := time.Since(start).Seconds()
		b.ReportMetric(float64(len(ds.Docs))/el, "articles/s")
		b.ReportMetric(float64(bytes)/el/1e6, "MB/s")
	}
}

// BenchmarkBBCStages measures the pipeline over the 2,225 BBC articles with
// the text-understanding-I stages only (normalize, lang, segment,
// entities, dates) and with every stage and the run views, so the cost of
// themes, tone, relations, key points and aggregation is visible.
func BenchmarkBBCStages(b *testing.B) {
	arts := bbcArticles(b)
	full, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	base := &pipeline.Runner{Stages: full.Stages[:5], Timeout: DefaultTimeout}
	b.Run("base", func(b *testing.B) { runAll(b, base, arts) })
	b.Run("full", func(b *testing.B) { runAll(b, full, arts) })
}
