// Package engine assembles the standard briefpack pipeline: the stages in
// order and the run-level aggregator. It is the one place that knows the
// order; stages themselves only know the records.
package engine

import (
	"log/slog"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/normalize"
)

// Options configure the standard pipeline.
type Options struct {
	Workers        int          // articles processed at once; <= 0 means one per CPU
	GazetteerFiles []string     // YAML files that extend or override the gazetteer
	ThemeFiles     []string     // YAML files that extend or override the theme taxonomy
	Logger         *slog.Logger // nil discards
}

// New builds the standard pipeline. It fails when an extension file cannot
// be read or parsed; the error names the file.
func New(opts Options) (*pipeline.Runner, error) {
	stages := []pipeline.Stage{
		normalize.New(),
	}
	var aggs []pipeline.Aggregator
	return &pipeline.Runner{Stages: stages, Aggregators: aggs, Workers: opts.Workers, Logger: opts.Logger}, nil
}
