// Package all links in every exporter.
package all

import (
	_ "github.com/briefpack/briefpack/exporters/csv"
	_ "github.com/briefpack/briefpack/exporters/jsonl"
	_ "github.com/briefpack/briefpack/exporters/pdf"
	_ "github.com/briefpack/briefpack/exporters/xlsx"
)
