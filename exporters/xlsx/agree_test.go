package xlsx

import (
	"context"
	stdcsv "encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/briefpack/briefpack/exporters"
	_ "github.com/briefpack/briefpack/exporters/csv"
	"github.com/briefpack/briefpack/pipeline/pipelinetest"
)

// TestAgreesWithCSV checks that the workbook and the CSV files show the
// same numbers for the seed: every actor's documents, mentions, salience
// and tone (the CSV rounds decimals to 4 places; the workbook keeps the
// full value and displays 3).
func TestAgreesWithCSV(t *testing.T) {
	ds := pipelinetest.Seed(t)
	dir := t.TempDir()
	ex, err := exporters.New("csv", exporters.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ex.Export(context.Background(), ds, &exporters.Dest{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	fh, err := os.Open(filepath.Join(dir, "csv", "actors.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	rows, err := stdcsv.NewReader(fh).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, build(t, ds, testOpts()))
	if len(rows)-1 != len(ds.Views.Actors) {
		t.Fatalf("actors.csv has %d rows, want %d", len(rows)-1, len(ds.Views.Actors))
	}
	for i, r := range rows[1:] {
		get := func(c int) string {
			v, _ := f.GetCellValue(shActors, cellName(c, i+2), excelize.Options{RawCellValue: true})
			return v
		}
		round := func(s string) string {
			x, _ := strconv.ParseFloat(s, 64)
			v := strconv.FormatFloat(x, 'f', 4, 64)
			y, _ := strconv.ParseFloat(v, 64)
			out := strconv.FormatFloat(y, 'f', -1, 64)
			if out == "-0" {
				out = "0"
			}
			return out
		}
		if get(2) != r[2] || get(5) != r[7] || get(6) != r[8] || round(get(7)) != r[9] || round(get(8)) != r[10] {
			t.Errorf("actor %s: workbook %s/%s/%s/%s, csv %s/%s/%s/%s", r[2], get(5), get(6), get(7), get(8), r[7], r[8], r[9], r[10])
		}
	}
}
