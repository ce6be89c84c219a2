package entities

import (
	"strings"
	"testing"

	"github.com/briefpack/briefpack/pipeline"
)

func TestLoadBuiltin(t *testing.T) {
	g := testGazetteer(t)
	for _, c := range []struct{ id, name, typ, iso2, iso3, wikidata string }{
		{"JPN", "Japan", pipeline.TypeCountry, "JP", "JPN", "Q17"},
		{"KAZ", "Kazakhstan", pipeline.TypeCountry, "KZ", "KAZ", "Q232"},
		{"UZB", "Uzbekistan", pipeline.TypeCountry, "UZ", "UZB", "Q265"},
		{"KGZ", "Kyrgyzstan", pipeline.TypeCountry, "KG", "KGZ", "Q813"},
		{"TJK", "Tajikistan", pipeline.TypeCountry, "TJ", "TJK", "Q863"},
		{"TKM", "Turkmenistan", pipeline.TypeCountry, "TM", "TKM", "Q874"},
		{"KOR", "South Korea", pipeline.TypeCountry, "KR", "KOR", "Q884"},
		{"IRN", "Iran", pipeline.TypeCountry, "IR", "IRN", "Q794"},
		{"central-asia", "Central Asia", pipeline.TypeRegion, "", "", "Q27275"},
		{"kishida-fumio", "Kishida Fumio", pipeline.TypePerson, "", "", ""},
		{"central-asia-plus-japan-dialogue", "Central Asia plus Japan Dialogue", pipeline.TypeFramework, "", "", ""},
	} {
		e, ok := g.Entry(c.id)
		if !ok {
			t.Errorf("%s missing", c.id)
			continue
		}
		if e.Name != c.name || e.Type != c.typ || e.ISO2 != c.iso2 || e.ISO3 != c.iso3 || e.Wikidata != c.wikidata {
			t.Errorf("%s: got %+v", c.id, e)
		}
	}
	// every UN member state is there with both codes
	n := 0
	for _, e := range g.entries {
		if e.Type == pipeline.TypeCountry {
			n++
			if len(e.ISO3) != 3 || e.ID != e.ISO3 {
				t.Errorf("country %s: bad codes %q %q", e.Name, e.ISO2, e.ISO3)
			}
		}
	}
	if n < 193 {
		t.Errorf("only %d countries", n)
	}
}

func TestLoadExtra(t *testing.T) {
	g, err := Load("testdata/extra.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d := makeDoc(t, "The EDB lent to Qazaqstan. Qazaq firms met Dinara Seitkali in Turkistan. Seitkali read the Japan Times.")
	if err := New(g).Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(mentionsOf(d), " ")
	want := "EDB=edb/acronym Qazaqstan=KAZ/alias Qazaq=KAZ/demonym Dinara Seitkali=dinara-seitkali/name Turkistan=turkistan/name Seitkali=dinara-seitkali/short"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if e, _ := g.Entry("KAZ"); e.Name != "Kazakhstan" || e.ISO2 != "KZ" {
		t.Errorf("override lost built-in fields: %+v", e)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"testdata/bad/type.yaml", "testdata/bad/type.yaml:4: entry \"broken\": unknown type \"planet\""},
		{"testdata/bad/syntax.yaml", "testdata/bad/syntax.yaml"},
		{"testdata/bad/notlist.yaml", "testdata/bad/notlist.yaml:1: want a list of entries"},
		{"testdata/bad/country.yaml", "testdata/bad/country.yaml:1: unknown country \"XXX\""},
		{"testdata/missing.yaml", "testdata/missing.yaml"},
	} {
		_, err := Load(c.file)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "entities: ") {
			t.Errorf("%s: got error %v, want it to contain %q", c.file, err, c.want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Kishida Fumio": "kishida-fumio", "Côte d'Ivoire": "cote-divoire", "Recep Tayyip Erdoğan": "recep-tayyip-erdogan",
		"“Central Asia plus Japan” Dialogue": "central-asia-plus-japan-dialogue", "C5+1": "c5-1", "": "",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
