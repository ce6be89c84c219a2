package xlsx

import (
	"slices"

	"github.com/briefpack/briefpack/exporters/internal/exportertest"
	"github.com/briefpack/briefpack/pipeline"
)

// fixtureDataset is the hand-built dataset the golden files are made from.
func fixtureDataset() *pipeline.Dataset   { return exportertest.Dataset() }
func contains(xs []string, x string) bool { return slices.Contains(xs, x) }
