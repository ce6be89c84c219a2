package aggregate

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefpack/briefpack/pipeline/textutil/texttest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestSeedGolden dumps what the stages of this folder make of the seed
// article (with the fixture mentions of texttest) as readable text and
// compares it with testdata/seed.golden; run with -update after an
// intended change and review the diff.
func TestSeedGolden(t *testing.T) {
	ds := process(t, texttest.Seed(t))
	d := ds.Docs[0]
	var b strings.Builder
	fmt.Fprintf(&b, "document tone %.3f\n\nthemes\n", d.Document.Tone)
	for _, th := range d.Themes {
		fmt.Fprintf(&b, "  %-16s %.3f %2d %s\n", th.Theme, th.Score, th.Sentences, strings.Join(th.Evidence, " "))
	}
	b.WriteString("\nrelations\n")
	for _, r := range d.Relations {
		fmt.Fprintf(&b, "  %-5s %s %s %s (%s)\n", r.SentID, r.Subject, r.Kind, r.Object, r.Cue)
	}
	b.WriteString("\nkey points\n")
	for _, id := range d.KeyPoints {
		s := d.Sentence(id)
		fmt.Fprintf(&b, "  %d %s %s\n", s.KeyRank, id, s.Text)
	}
	b.WriteString("\nactors\n")
	for _, a := range ds.Views.Actors {
		var th []string
		for _, x := range a.Themes {
			th = append(th, fmt.Sprintf("%s:%.2f", x.Theme, x.Score))
		}
		fmt.Fprintf(&b, "  %-28s sal %.3f tone %6.3f men %2d key %s themes %s\n", a.EntityID, a.Salience, a.Tone, a.Mentions, a.KeyStatementRef, strings.Join(th, " "))
	}
	b.WriteString("\nsentence tones\n")
	for _, s := range d.Sentences {
		fmt.Fprintf(&b, "  %-5s %6.3f %s\n", s.SentID, s.Tone, strings.Join(s.Themes, ","))
	}
	got := b.String()
	path := filepath.Join("testdata", "seed.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		_ = os.WriteFile(path+".actual", []byte(got), 0o644)
		t.Errorf("seed output differs from %s; see %s.actual (diff them, then -update if intended)", path, path)
	}
}
