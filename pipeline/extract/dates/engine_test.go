package dates_test

import (
	"testing"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/pipelinetest"
)

// TestEngineSeed checks the events and quantities of the seed as the
// standard engine produces them (offsets by then in code points).
func TestEngineSeed(t *testing.T) {
	ds := pipelinetest.Seed(t)
	if len(ds.Docs) != 1 {
		t.Fatalf("%d docs", len(ds.Docs))
	}
	d := ds.Docs[0]
	want := []struct{ text, date, prec string }{
		{"2004", "2004", pipeline.PrecisionYear},
		{"2016", "2016", pipeline.PrecisionYear},
		{"2021", "2021", pipeline.PrecisionYear},
		{"this month", "", pipeline.PrecisionRelative},
	}
	if len(d.Events) != len(want) {
		t.Fatalf("events = %+v", d.Events)
	}
	runes := []rune(d.Document.Text)
	for i, w := range want {
		e := d.Events[i]
		if e.DateText != w.text || e.Date != w.date || e.Precision != w.prec {
			t.Errorf("event %d = %q %q %s, want %q %q %s", i, e.DateText, e.Date, e.Precision, w.text, w.date, w.prec)
		}
		if string(runes[e.Start:e.End]) != e.DateText {
			t.Errorf("event %q: code point offsets [%d,%d) give %q", e.DateText, e.Start, e.End, string(runes[e.Start:e.End]))
		}
	}
	var qs []string
	for _, q := range d.Quantities {
		qs = append(qs, q.Kind+":"+q.Text)
	}
	if len(qs) != 1 || qs[0] != "duration:20 years" {
		t.Errorf("quantities = %v, want [duration:20 years]", qs)
	}
}
