package aggregate

import (
	"context"
	"strings"
	"testing"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/extract/entities"
	"github.com/briefpack/briefpack/pipeline/extract/keypoints"
	"github.com/briefpack/briefpack/pipeline/extract/relations"
	"github.com/briefpack/briefpack/pipeline/extract/themes"
	"github.com/briefpack/briefpack/pipeline/extract/tone"
	"github.com/briefpack/briefpack/pipeline/normalize"
	"github.com/briefpack/briefpack/pipeline/segment"
	"github.com/briefpack/briefpack/pipeline/textutil/texttest"
)

// realSeed runs the real upstream stages (normalize, segment, entities)
// and this folder's stages on the seed article.
func realSeed(t *testing.T) *pipeline.Dataset {
	t.Helper()
	g, err := entities.Load()
	if err != nil {
		t.Fatal(err)
	}
	r := &pipeline.Runner{
		Stages: []pipeline.Stage{normalize.New(), segment.New(), entities.New(g), themes.New(nil), tone.New(),
			relations.New(), keypoints.New(), NewDocStage()},
		Aggregators: []pipeline.Aggregator{New()},
	}
	a := pipeline.Article{Source: "seed.txt", SourceKind: "text", Title: "Japan and Central Asia", Language: "en", Text: texttest.SeedText(t)}
	d, err := r.Process(context.Background(), 0, a)
	if err != nil {
		t.Fatal(err)
	}
	ds := &pipeline.Dataset{Docs: []*pipeline.Doc{d}}
	if err := r.Aggregate(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	return ds
}

// TestRealPipelineSeed checks the seed expectations of the themes,
// relations, keypoints and aggregate briefs with real mentions from the
// entities stage.
func TestRealPipelineSeed(t *testing.T) {
	ds := realSeed(t)
	d := ds.Docs[0]
	has := func(subj, kind, obj string, anyDir bool) bool {
		for _, r := range d.Relations {
			if r.Kind == kind && (r.Subject == subj && r.Object == obj || anyDir && r.Subject == obj && r.Object == subj) {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		s, k, o string
		any     bool
	}{
		{"KAZ", pipeline.RelThreat, "RUS", false},
		{"CHN", pipeline.RelEconomic, "central-asia", true},
		{"central-asia", pipeline.RelDependence, "RUS", false},
		{"UZB", pipeline.RelDependence, "RUS", false},
	} {
		if !has(c.s, c.k, c.o, c.any) {
			t.Errorf("relation %s %s %s missing", c.s, c.k, c.o)
		}
	}
	for _, r := range d.Relations {
		if s := d.Sentence(r.SentID); s == nil || strings.Contains(s.Text, "all adopted similar") {
			t.Errorf("relation %+v from the list sentence", r)
		}
	}
	countries := map[string]pipeline.ActorRow{}
	for _, c := range ds.Views.Countries {
		countries[c.EntityID] = c
	}
	for _, id := range []string{"KAZ", "UZB", "KGZ", "TJK", "TKM"} {
		c, ok := countries[id]
		if !ok || len(c.Themes) == 0 || c.KeyStatement == "" {
			t.Errorf("%s: present %v themes %v key statement %q", id, ok, c.Themes, c.KeyStatement)
		}
	}
	if !strings.Contains(d.Document.Summary, "The first summit between the countries of Central Asia and Japan will be held in Astana, Kazakhstan, this month.") {
		t.Errorf("summary lacks the summit sentence: %s", d.Document.Summary)
	}
	if len(ds.Views.Actors) < 2 || ds.Views.Actors[0].Salience < 0.6 {
		t.Errorf("top actor salience too low: %+v", ds.Views.Actors[:1])
	}
}
