package runner_test

import (
	"context"
	"testing"
	"time"

	_ "github.com/briefpack/briefpack/exporters/all"
	"github.com/briefpack/briefpack/internal/corpora"
	"github.com/briefpack/briefpack/internal/memtest"
	"github.com/briefpack/briefpack/runner"
	_ "github.com/briefpack/briefpack/sources/all"
)

// BenchmarkBBCRun is `briefpack run ../shared/corpora/bbc` with every
// exporter: it reports articles per second and the peak Go heap.
func BenchmarkBBCRun(b *testing.B) {
	dir := corpora.Dir(b, "bbc")
	for i := 0; i < b.N; i++ {
		out := b.TempDir()
		var res *runner.Result
		var err error
		start := time.Now()
		peak := memtest.PeakHeap(func() {
			res, err = runner.Run(context.Background(), runner.Config{Inputs: []string{dir}, OutRoot: out, Now: time.Unix(0, 0).UTC(), Version: "bench"})
		})
		elapsed := time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Manifest.Failures) > 0 {
			b.Fatalf("%d failures, first: %+v", len(res.Manifest.Failures), res.Manifest.Failures[0])
		}
		n := len(res.Dataset.Docs)
		b.ReportMetric(float64(n)/elapsed.Seconds(), "articles/s")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		b.ReportMetric(float64(res.Manifest.Timings.Pipeline)/1000, "pipeline-s")
		b.ReportMetric(float64(res.Manifest.Timings.Export)/1000, "export-s")
		b.Logf("BBC corpus: %d articles in %s (%.0f articles/s), peak heap %.0f MB, pipeline %d ms, export %d ms",
			n, elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds(), float64(peak)/(1<<20), res.Manifest.Timings.Pipeline, res.Manifest.Timings.Export)
	}
}

// BenchmarkBBCPipeline is the pipeline alone over the BBC corpus.
func BenchmarkBBCPipeline(b *testing.B) {
	dir := corpora.Dir(b, "bbc")
	for i := 0; i < b.N; i++ {
		cfg := runner.Config{Inputs: []string{dir}, Formats: []string{"jsonl"}}
		_, pl, err := runner.Prepare(&cfg)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		ds, err := runner.Process(context.Background(), cfg, pl)
		if err != nil {
			b.Fatal(err)
		}
		el := time.Since(start)
		words := 0
		for _, d := range ds.Docs {
			words += len(d.Document.Text)
		}
		b.ReportMetric(float64(len(ds.Docs))/el.Seconds(), "articles/s")
		b.ReportMetric(float64(words)/el.Seconds()/1e6, "MB/s")
	}
}
