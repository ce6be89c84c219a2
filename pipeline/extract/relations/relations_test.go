package relations

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/textutil/texttest"
)

func run(t testing.TB, d *pipeline.Doc) {
	t.Helper()
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
}

func rels(d *pipeline.Doc) []string {
	var out []string
	for _, r := range d.Relations {
		out = append(out, fmt.Sprintf("%s %s %s", r.Subject, r.Kind, r.Object))
	}
	return out
}

func has(d *pipeline.Doc, subj, kind, obj string, anyDirection bool) bool {
	for _, r := range d.Relations {
		if r.Kind != kind {
			continue
		}
		if r.Subject == subj && r.Object == obj || anyDirection && r.Subject == obj && r.Object == subj {
			return true
		}
	}
	return false
}

func TestSeedRelations(t *testing.T) {
	d := texttest.Seed(t)
	run(t, d)
	cases := []struct {
		subj, kind, obj string
		anyDir          bool
	}{
		{"KAZ", pipeline.RelThreat, "RUS", false},
		{"CHN", pipeline.RelEconomic, "central-asia", true},
		{"central-asia", pipeline.RelDependence, "RUS", false},
		{"UZB", pipeline.RelDependence, "RUS", false},
		{"KGZ", pipeline.RelDependence, "RUS", false},
		{"TJK", pipeline.RelDependence, "RUS", false},
		{"KAZ", pipeline.RelCooperation, "JPN", false},
		{"JPN", pipeline.RelCooperation, "TKM", false},
	}
	for _, c := range cases {
		if !has(d, c.subj, c.kind, c.obj, c.anyDir) {
			t.Errorf("missing %s %s %s in %q", c.subj, c.kind, c.obj, rels(d))
		}
	}
	for _, r := range d.Relations {
		if r.Subject == r.Object || r.Cue == "" || r.DocID != "seed" || d.Sentence(r.SentID) == nil {
			t.Errorf("bad relation %+v", r)
		}
	}
	// The list sentence "South Korea, the EU, the United States, China,
	// India, and Russia all adopted ..." yields nothing.
	for _, r := range d.Relations {
		if strings.Contains(d.Sentence(r.SentID).Text, "all adopted similar") {
			t.Errorf("list sentence produced %+v", r)
		}
	}
	// Japan is a prepositional object ("partner for Japan") and must not be
	// the subject of the threat.
	if has(d, "JPN", pipeline.RelThreat, "RUS", true) {
		t.Errorf("JPN threat RUS should not be found: %q", rels(d))
	}
}

func TestRules(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []string // "SUBJ kind OBJ", exactly these, in order
	}{
		{"threat from", "Kazakhstan faces a threat from Russia.", []string{"KAZ threat RUS"}},
		{"pose a threat", "Russia poses a serious threat to Ukraine.", []string{"RUS threat UKR"}},
		{"between", "Trade between Germany and France grew.", []string{"DEU economic FRA"}},
		{"coordinated objects", "Japan wants to cooperate with China and India.", []string{"JPN cooperation CHN", "JPN cooperation IND"}},
		{"coordinated subjects", "Uzbekistan and Tajikistan depend on remittances from Russia.", []string{"UZB dependence RUS", "TJK dependence RUS"}},
		{"negated cue", "Kazakhstan cannot support Russia.", nil},
		{"no cue, list", "Germany, France, Iran and Israel sent delegates.", nil},
		{"no cue, pair", "Germany and France sent delegates.", []string{"DEU neutral FRA"}},
		{"no cue, far apart", "Germany sent delegates to a long meeting that France also attended.", nil},
		{"object across clause", "Iran waged its war on poverty, and the Taliban returned.", nil},
		{"verbal attack between people", "Kishida Fumio will attack Islam Karimov over the plan.", []string{"kishida-fumio rivalry islam-karimov"}},
		{"attack between countries", "Russia launched an attack on Ukraine.", []string{"RUS threat UKR"}},
		{"sanctions", "The EU imposed sanctions on Iran.", []string{"european-union rivalry IRN"}},
		{"prepositional object is no subject", "Germany is a partner for France, but it is reliant on Russian gas.", []string{"DEU cooperation FRA", "DEU dependence RUS"}},
	}
	for _, c := range cases {
		d := texttest.Doc("x", "", c.text)
		run(t, d)
		got := rels(d)
		if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
			t.Errorf("%s: %q\n got %q\nwant %q", c.name, c.text, got, c.want)
		}
	}
}

func TestDeterministicAndEmpty(t *testing.T) {
	d1 := texttest.Seed(t)
	d2 := texttest.Seed(t)
	run(t, d1)
	run(t, d2)
	if strings.Join(rels(d1), "|") != strings.Join(rels(d2), "|") {
		t.Error("relations differ between runs")
	}
	e := &pipeline.Doc{}
	run(t, e)
	if len(e.Relations) != 0 {
		t.Errorf("empty doc: %v", e.Relations)
	}
	ru := texttest.Doc("x", "", "Russia and China.")
	ru.Document.Language = "ru"
	run(t, ru)
	if len(ru.Relations) != 0 || len(ru.Document.Notes) != 1 {
		t.Errorf("non-English: %v %v", ru.Relations, ru.Document.Notes)
	}
}

func TestCueLexicon(t *testing.T) {
	kinds := map[string]bool{}
	for _, c := range cueSpecs {
		kinds[c.kind] = true
		if strings.HasPrefix(c.phrase, "*") || strings.HasSuffix(c.phrase, "*") {
			t.Errorf("cue %q starts or ends with a wildcard", c.phrase)
		}
	}
	var ks []string
	for k := range kinds {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	if strings.Join(ks, ",") != "cooperation,dependence,economic,neutral,rivalry,threat" {
		t.Errorf("cue kinds %v", ks)
	}
}

func FuzzRelations(f *testing.F) {
	f.Add("Kazakhstan faces a threat from Russia.")
	f.Add("Trade between Germany and France and Iran, Israel.")
	f.Add("Japan, China, Russia, Iran pose pose a threat to to Israel")
	f.Add("between Japan")
	f.Fuzz(func(t *testing.T, s string) {
		d := texttest.Doc("f", "", s)
		if err := New().Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, r := range d.Relations {
			if r.Subject == r.Object || r.Subject == "" || r.Object == "" {
				t.Fatalf("bad relation %+v", r)
			}
		}
	})
}

func BenchmarkRelations(b *testing.B) {
	d := texttest.Seed(b)
	st := New()
	b.SetBytes(int64(len(d.Document.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if err := st.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}
