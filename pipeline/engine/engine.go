// Package engine assembles the standard briefpack pipeline: the stages in
// order and the run-level aggregator. It is the one place that knows the
// order; stages themselves only know the records.
package engine

import (
	"log/slog"
	"time"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/aggregate"
	"github.com/briefpack/briefpack/pipeline/extract/dates"
	"github.com/briefpack/briefpack/pipeline/extract/entities"
	"github.com/briefpack/briefpack/pipeline/extract/keypoints"
	"github.com/briefpack/briefpack/pipeline/extract/relations"
	"github.com/briefpack/briefpack/pipeline/extract/themes"
	"github.com/briefpack/briefpack/pipeline/extract/tone"
	"github.com/briefpack/briefpack/pipeline/lang"
	"github.com/briefpack/briefpack/pipeline/normalize"
	"github.com/briefpack/briefpack/pipeline/segment"
)

// Options configure the standard pipeline.
type Options struct {
	Workers        int           // articles processed at once; <= 0 means one per CPU
	Timeout        time.Duration // per article; 0 means DefaultTimeout
	GazetteerFiles []string      // YAML files that extend or override the gazetteer
	ThemeFiles     []string      // YAML files that extend or override the theme taxonomy
	Logger         *slog.Logger  // nil discards
}

// DefaultTimeout bounds the processing of one article.
const DefaultTimeout = 2 * time.Minute

// New builds the standard pipeline. It fails when an extension file cannot
// be read or parsed; the error names the file.
func New(opts Options) (*pipeline.Runner, error) {
	gz, err := entities.Load(opts.GazetteerFiles...)
	if err != nil {
		return nil, err
	}
	tx, err := themes.Load(opts.ThemeFiles...)
	if err != nil {
		return nil, err
	}
	stages := []pipeline.Stage{
		normalize.New(),
		lang.New(),
		segment.New(),
		entities.New(gz),
		dates.New(),
		themes.New(tx),
		tone.New(),
		relations.New(),
		keypoints.New(),
		aggregate.NewDocStage(),
	}
	aggs := []pipeline.Aggregator{aggregate.NewWithLabels(tx.Labels())}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	return &pipeline.Runner{Stages: stages, Aggregators: aggs, Workers: opts.Workers, Timeout: opts.Timeout, Logger: opts.Logger}, nil
}
