// Package csv writes a briefpack run as CSV files, one per record type and
// one per run-level view, under csv/ in the run folder.
//
// Files are RFC 4180 (comma separator, CRLF line ends, double-quote
// quoting), UTF-8 (with a byte order mark when Options.CSVBOM is set), with
// a header row and a fixed column order documented in docs/records.md.
// Text cells that start with = + - @ tab, CR or LF get a leading apostrophe
// unless Options.NoFormulaGuard is set; numeric cells are never changed.
//
// The exporter only renders what the pipeline computed: the records of each
// document and the Dataset's views.
package csv

import (
	"context"
	"fmt"
	"io"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/pipeline"
)

func init() {
	exporters.Register("csv", New)
}

// Exporter writes csv/<table>.csv for every table in Tables.
type Exporter struct {
	opts exporters.Options
}

// New returns the CSV exporter. It reads Options.CSVBOM and
// Options.NoFormulaGuard.
func New(opts exporters.Options) (exporters.Exporter, error) {
	return &Exporter{opts: opts}, nil
}

// Export writes every table of ds into dst, each file atomically.
func (e *Exporter) Export(ctx context.Context, ds *pipeline.Dataset, dst *exporters.Dest) error {
	if ds == nil {
		return fmt.Errorf("csv: nil dataset")
	}
	for _, t := range tables {
		t := t
		err := dst.WriteFile(ctx, "csv/"+t.Name+".csv", func(w io.Writer) error {
			return e.WriteTable(ctx, w, t, ds)
		})
		if err != nil {
			return fmt.Errorf("csv: %w", err)
		}
	}
	return nil
}

// WriteTable writes one table of ds to w.
func (e *Exporter) WriteTable(ctx context.Context, w io.Writer, t Table, ds *pipeline.Dataset) error {
	rw, err := newRowWriter(w, t.Columns, e.opts.CSVBOM, !e.opts.NoFormulaGuard)
	if err != nil {
		return err
	}
	if err := t.rows(ctx, ds, rw.write); err != nil {
		return fmt.Errorf("table %s: %w", t.Name, err)
	}
	return rw.flush()
}
