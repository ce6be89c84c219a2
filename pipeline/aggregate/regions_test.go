package aggregate_test

import (
	"testing"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/aggregate"
	"github.com/briefpack/briefpack/pipeline/pipelinetest"
)

func TestOrderCountriesSeed(t *testing.T) {
	ds := pipelinetest.Seed(t)
	want := map[string]bool{"KAZ": true, "KGZ": true, "TJK": true, "TKM": true, "UZB": true}
	for name, rows := range map[string][]pipeline.ActorRow{"document": ds.Docs[0].Countries, "run": ds.Views.Countries} {
		if len(rows) < 8 {
			t.Fatalf("%s: %d countries", name, len(rows))
		}
		for i, r := range rows[:5] {
			if !want[r.ISO3] {
				t.Errorf("%s: position %d is %s; the five Central Asian states must come first", name, i+1, r.Name)
			}
		}
		for i := 1; i < 5; i++ {
			if rows[i].Salience > rows[i-1].Salience {
				t.Errorf("%s: region members not in salience order", name)
			}
		}
		next := map[string]bool{}
		for _, r := range rows[5:8] {
			next[r.ISO3] = true
		}
		for _, id := range []string{"JPN", "RUS", "CHN"} {
			if !next[id] {
				t.Errorf("%s: %s should follow the Central Asian states (got %v)", name, id, next)
			}
		}
	}
}

func TestOrderCountriesNoRegion(t *testing.T) {
	rows := []pipeline.ActorRow{
		{EntityID: "USA", ISO3: "USA", Type: pipeline.TypeCountry, Salience: 0.9},
		{EntityID: "eu", Type: pipeline.TypeOrganization, Salience: 0.8},
		{EntityID: "KAZ", ISO3: "KAZ", Type: pipeline.TypeCountry, Salience: 0.5},
		{EntityID: "central-asia", Type: pipeline.TypeRegion, Salience: 0.4}, // only one member present
	}
	got := aggregate.OrderCountries(rows)
	if len(got) != 2 || got[0].ISO3 != "USA" || got[1].ISO3 != "KAZ" {
		t.Errorf("got %+v; want salience order when no region has two members present", got)
	}
}
