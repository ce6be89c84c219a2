package segment_test

import (
	"testing"

	"github.com/briefpack/briefpack/pipeline/pipelinetest"
)

// TestEngineSeed checks the seed's sentences as the standard engine
// produces them (offsets by then in code points).
func TestEngineSeed(t *testing.T) {
	ds := pipelinetest.Seed(t)
	d := ds.Docs[0]
	if len(d.Sentences) != 37 || d.Document.Sentences != 37 {
		t.Fatalf("got %d sentences (Document.Sentences %d), want 37", len(d.Sentences), d.Document.Sentences)
	}
	runes := []rune(d.Document.Text)
	for _, s := range d.Sentences {
		if string(runes[s.Start:s.End]) != s.Text {
			t.Errorf("%s: code point offsets [%d,%d) give %q, text %q", s.SentID, s.Start, s.End, string(runes[s.Start:s.End]), s.Text)
		}
	}
}
