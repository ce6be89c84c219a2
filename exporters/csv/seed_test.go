package csv

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/pipeline/pipelinetest"
)

// TestSeed exports the real pipeline's output for the seed article and
// checks what a user of the files relies on: every span points at its
// text in documents.text, the views' numbers are written unchanged, and
// the countries of the article are all there.
func TestSeed(t *testing.T) {
	ds := pipelinetest.Seed(t)
	dir := export(t, ds, exporters.Options{})
	read := func(name string) [][]string { return readCSV(t, filepath.Join(dir, "csv", name+".csv")) }
	texts := map[string][]rune{}
	for _, r := range read("documents")[1:] {
		texts[r[0]] = []rune(r[17])
	}
	if len(texts) != len(ds.Docs) {
		t.Fatalf("documents.csv has %d documents, want %d", len(texts), len(ds.Docs))
	}
	spans := []struct {
		file                  string
		start, end, text, doc int
	}{
		{"paragraphs", 3, 4, 5, 0},
		{"sentences", 3, 4, 8, 0},
		{"mentions", 5, 6, 3, 0},
		{"events", 6, 7, 5, 0},
		{"quantities", 5, 6, 7, 0},
	}
	for _, s := range spans {
		rows := read(s.file)
		for _, r := range rows[1:] {
			start, end := atoi(t, r[s.start]), atoi(t, r[s.end])
			text := texts[r[s.doc]]
			if start < 0 || end > len(text) || start > end {
				t.Errorf("%s: span %d:%d outside the text (%d code points)", s.file, start, end, len(text))
				continue
			}
			if got := string(text[start:end]); got != r[s.text] {
				t.Errorf("%s: text[%d:%d] = %q, want %q", s.file, start, end, got, r[s.text])
			}
		}
	}
	actors := read("actors")
	if len(actors)-1 != len(ds.Views.Actors) {
		t.Fatalf("actors.csv has %d rows, want %d", len(actors)-1, len(ds.Views.Actors))
	}
	for i, a := range ds.Views.Actors {
		r := actors[i+1]
		if r[1] != a.EntityID || r[8] != strconv.Itoa(a.Mentions) || r[9] != fmtFloat(a.Salience) || r[10] != fmtFloat(a.Tone) {
			t.Errorf("actors row %d = %q, want %+v", i+1, r[:11], a)
		}
	}
	have := map[string]bool{}
	for _, r := range read("countries")[1:] {
		have[r[5]] = true
	}
	for _, iso := range []string{"KAZ", "UZB", "KGZ", "TJK", "TKM", "JPN", "CHN", "RUS"} {
		if !have[iso] {
			t.Errorf("countries.csv lacks %s", iso)
		}
	}
}
