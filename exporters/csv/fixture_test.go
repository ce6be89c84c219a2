package csv

import (
	"github.com/briefpack/briefpack/exporters/internal/exportertest"
	"github.com/briefpack/briefpack/pipeline"
)

// fixtureDataset is the hand-built dataset the golden files are made from.
func fixtureDataset() *pipeline.Dataset { return exportertest.Dataset() }
func itoa(n int) string                 { return exportertest.Itoa(n) }
