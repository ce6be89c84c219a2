// Package pipelinetest gives tests real datasets: the standard pipeline
// run on the bundled seed article or on texts a test supplies. Exporter
// tests use it so that they render what the pipeline really produces.
package pipelinetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/briefpack/briefpack/examples"
	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/engine"
	"github.com/briefpack/briefpack/sources"
	_ "github.com/briefpack/briefpack/sources/markdown"
	_ "github.com/briefpack/briefpack/sources/text"
)

// Now is the fixed clock of test datasets (2024-08-20T00:00:00Z).
var Now = time.Date(2024, 8, 20, 0, 0, 0, 0, time.UTC)

// Seed runs the standard pipeline on the bundled seed article.
func Seed(tb testing.TB) *pipeline.Dataset {
	tb.Helper()
	return Run(tb, Input{Name: "examples/" + examples.SeedName, Data: examples.Seed})
}

// Input is one named input for Run.
type Input struct {
	Name string
	Data []byte
}

// Docs runs the standard pipeline on plain texts (named doc1.txt, ...).
func Docs(tb testing.TB, texts ...string) *pipeline.Dataset {
	tb.Helper()
	ins := make([]Input, len(texts))
	for i, t := range texts {
		ins[i] = Input{Name: fmt.Sprintf("doc%d.txt", i+1), Data: []byte(t)}
	}
	return Run(tb, ins...)
}

// Run runs the standard pipeline on inputs, parsed by content as the CLI
// would, and fails the test on any error.
func Run(tb testing.TB, inputs ...Input) *pipeline.Dataset {
	tb.Helper()
	ds, err := RunErr(context.Background(), inputs...)
	if err != nil {
		tb.Fatal(err)
	}
	return ds
}

// RunErr is Run without a testing.TB, for benchmarks and examples.
func RunErr(ctx context.Context, inputs ...Input) (*pipeline.Dataset, error) {
	pl, err := engine.New(engine.Options{Workers: 1})
	if err != nil {
		return nil, err
	}
	var arts []pipeline.Article
	for _, in := range inputs {
		err := sources.Parse(ctx, &sources.Input{Name: in.Name, Kind: "file", Data: in.Data}, sources.Options{}, func(a pipeline.Article) error {
			arts = append(arts, a)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("pipelinetest: %w", err)
		}
	}
	items := make(chan pipeline.Item, len(arts))
	for i, a := range arts {
		items <- pipeline.Item{Seq: i, Article: a}
	}
	close(items)
	ds, err := pl.Run(ctx, items)
	if err != nil {
		return nil, err
	}
	if len(ds.Failures) > 0 {
		return nil, fmt.Errorf("pipelinetest: %s: %s: %s", ds.Failures[0].Input, ds.Failures[0].Stage, ds.Failures[0].Err)
	}
	ds.Run = pipeline.RunInfo{ID: "test-run", Started: Now, Version: "test", Inputs: []string{"test"}}
	return ds, nil
}
