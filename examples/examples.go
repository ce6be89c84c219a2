// Package examples embeds the bundled example article, so that
// `briefpack run` with no input works anywhere. The input name
// "example:central-asia-japan" resolves to it.
package examples

import (
	"context"
	_ "embed"
	"strings"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
)

// SeedName is the bundled example's file name.
const SeedName = "central-asia-japan.txt"

// Input is the input string that names the bundled example.
const Input = "example:central-asia-japan"

// Seed is the text of the bundled example article: a commentary on Japan's
// first summit with the five Central Asian states.
//
//go:embed central-asia-japan.txt
var Seed []byte

func init() {
	sources.RegisterLocator("example", 100, func(ctx context.Context, input string, opts sources.Options) ([]sources.Source, []error, bool) {
		if !strings.HasPrefix(input, "example:") {
			return nil, nil, false
		}
		if input != Input {
			return nil, []error{&sources.Error{Input: input, Err: sources.ErrNotFound}}, true
		}
		return []sources.Source{seed{opts}}, nil, true
	})
}

type seed struct{ opts sources.Options }

func (seed) Input() string { return "examples/" + SeedName }

func (s seed) Articles(ctx context.Context, yield func(pipeline.Article) error) error {
	return sources.Parse(ctx, &sources.Input{Name: s.Input(), Kind: "file", Data: Seed}, s.opts, yield)
}
