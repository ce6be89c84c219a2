package entities_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/briefpack/briefpack/pipeline/pipelinetest"
)

// TestEngineSeed checks the actors of the seed article as the standard
// engine produces them (all stages, offsets converted to code points),
// against the counts of TestSeedActors.
func TestEngineSeed(t *testing.T) {
	ds := pipelinetest.Seed(t)
	if len(ds.Docs) != 1 {
		t.Fatalf("%d docs", len(ds.Docs))
	}
	d := ds.Docs[0]
	var got []string
	for _, e := range d.Entities {
		got = append(got, e.EntityID+":"+itoa(e.Mentions))
	}
	sort.Strings(got)
	want := []string{
		"AFG:1", "CHN:8", "IND:1", "JPN:19", "KAZ:4", "KGZ:1", "KOR:1", "MNG:1", "RUS:13", "TJK:1", "TKM:1",
		"UKR:1", "USA:2", "UZB:3", "africa:1", "astana:1", "caspian-sea:1", "central-asia:19",
		"central-asia-plus-japan-dialogue:2", "eu:1", "eurasia:1", "islam-karimov:1", "jma:1",
		"kishida-fumio:1", "middle-east:1", "shavkat-mirziyoyev:1", "taliban:1", "west:1",
	}
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("engine seed entities\ngot  %v\nwant %v", got, want)
	}
	// offsets are code points after the runner: check through runes
	runes := []rune(d.Document.Text)
	for _, m := range d.Mentions {
		if m.Start < 0 || m.End > len(runes) || string(runes[m.Start:m.End]) != m.Surface {
			t.Errorf("mention %+v does not match the text", m)
		}
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
