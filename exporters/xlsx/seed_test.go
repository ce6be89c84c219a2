package xlsx

import (
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/pipeline/pipelinetest"
)

// TestSeed builds the workbook from the real pipeline's output for the
// seed article: the five Central Asian states sit next to Japan, China and
// Russia on Countries, the Actors numbers are the views', and the
// article's years are real dates on the Timeline. Two builds are the same.
func TestSeed(t *testing.T) {
	ds := pipelinetest.Seed(t)
	opts := exporters.Options{Version: "test", Now: pipelinetest.Now}
	data := build(t, ds, opts)
	if dumpWorkbook(t, data) != dumpWorkbook(t, build(t, ds, opts)) {
		t.Fatal("two builds of the seed workbook differ")
	}
	f := open(t, data)
	rows, _ := f.GetRows(shCountries)
	header := "," + strings.Join(rows[0][1:], ",") + ","
	for _, iso := range []string{"KAZ", "UZB", "KGZ", "TJK", "TKM", "JPN", "CHN", "RUS"} {
		name := ""
		for _, c := range ds.Views.Countries {
			if c.ISO3 == iso {
				name = c.Name
			}
		}
		if name == "" {
			t.Errorf("the pipeline found no %s in the seed", iso)
		} else if !strings.Contains(header, ","+name+",") {
			t.Errorf("Countries lacks a column for %s (%s): %s", name, iso, header)
		}
	}
	for i, a := range ds.Views.Actors {
		if i+2 > 1+MaxDataRows {
			break
		}
		m, _ := f.GetCellValue(shActors, cellName(6, i+2))
		s, _ := f.GetCellValue(shActors, cellName(7, i+2), excelize.Options{RawCellValue: true})
		if m != strconv.Itoa(a.Mentions) || s != strconv.FormatFloat(a.Salience, 'f', -1, 64) {
			t.Errorf("Actors row %d: mentions %s salience %s, want %+v", i+2, m, s, a)
		}
	}
	years := map[string]bool{}
	tl, _ := f.GetRows(shTimeline)
	for r := 2; r <= len(tl); r++ {
		v, _ := f.GetCellValue(shTimeline, cellName(1, r))
		id, _ := f.GetCellStyle(shTimeline, cellName(1, r))
		st, _ := f.GetStyle(id)
		if st.CustomNumFmt != nil && *st.CustomNumFmt == "yyyy" {
			years[v] = true
		}
	}
	for _, y := range []string{"2004", "2016", "2021"} {
		if !years[y] {
			t.Errorf("Timeline lacks %s as a year-formatted date (have %v)", y, years)
		}
	}
}
