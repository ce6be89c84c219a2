package entities

import (
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/briefpack/briefpack/pipeline"
)

// TestSeedActors checks the actor list of the seed article against counts
// made by reading the text (not by running the code). How the counts were
// made, paragraph by paragraph (P1 is the "Update:" editor's note):
//
//   - A demonym or adjective counts as a mention of its country or region:
//     "Japanese Prime Minister" is Japan, "Central Asian countries" is
//     Central Asia, "Russian natural gas" is Russia, "Eurasian" is Eurasia.
//   - A capital standing for its government counts for the country
//     ("relations with Moscow" is Russia; "crucial to Tokyo" and "important
//     for Tokyo" are Japan), while "held in Astana, Kazakhstan" is the city.
//   - "Japan" inside "Japan Meteorological Agency" and inside the
//     "Central Asia plus Japan" Dialogue belongs to those names, not to
//     Japan; "Central Asia" inside the Dialogue's name likewise.
//   - "Western-centered" is not a mention of the West; "the West and Japan"
//     (P10) is: the West there is an actor that engages with the region.
//   - "War on Terror" is a slogan in quotes, not an actor.
//
// Japan (19): P1 Japanese; P2 "Central Asia and Japan", "made Japan";
// P3 Japan's presence; P4 "when Japan initiated"; P6 "for Japan", Tokyo,
// "both Japan"; P7 "for Japan", "with Japan"; P8 "partner for Japan",
// "Although Japan", "for Japan itself", "in which Japan"; P9 "Japan's
// relationships", Tokyo, "Japan should"; P10 "the West and Japan",
// "Japan's diplomacy".
// Central Asia (19): P2 "of Central Asia", "five Central Asian",
// "Central Asian diplomacy"; P3 "Central Asian countries"; P4 "in Central
// Asia", "the Central Asian countries", "to Central Asian countries";
// P5 "and the Central Asia", "of Central Asia"; P6 "with Central Asia",
// "Middle East, Central Asia", "and Central Asia are adjacent", "that
// Central Asia does not"; P7 "for Central Asian countries", "of Central
// Asia are becoming", "Central Asian countries want", "of Central Asia
// want"; P9 "of Central Asia"; P10 "with Central Asia".
// Russia (13): P2; P5 "Russia –", Moscow; P6 "China and Russia" twice;
// P7 "China or Russia", "Russian natural gas", "Russian investment",
// "China and Russia"; P8 "threat from Russia", "migration to Russia",
// "that of Russia"; P10 "China and Russia".
// China (8): P2; P5; P6 twice; P7 three times; P10.
// Kazakhstan (4): P1, P2 "Astana, Kazakhstan", P8, P9.
// Uzbekistan (3): P1, P4 "Uzbekistan's President", P8.
// United States (2): P2, P4. The "Central Asia plus Japan" Dialogue (2):
// P2, P3. Every other actor appears once.
func TestSeedActors(t *testing.T) {
	d := extract(t, seedText(t))
	want := map[string]int{
		"JPN": 19, "central-asia": 19, "RUS": 13, "CHN": 8, "KAZ": 4, "UZB": 3, "USA": 2,
		"central-asia-plus-japan-dialogue": 2,
		"KGZ":                              1, "TJK": 1, "TKM": 1, "MNG": 1, "KOR": 1, "IND": 1, "AFG": 1, "UKR": 1,
		"astana": 1, "eu": 1, "jma": 1, "taliban": 1, "kishida-fumio": 1, "islam-karimov": 1,
		"shavkat-mirziyoyev": 1,
		// welcome extras named in the issue, and the West (see above)
		"africa": 1, "middle-east": 1, "caspian-sea": 1, "eurasia": 1, "west": 1,
	}
	got := map[string]int{}
	for _, e := range d.Entities {
		got[e.EntityID] = e.Mentions
	}
	var diffs []string
	for id, n := range want {
		if got[id] != n {
			diffs = append(diffs, id+": want "+itoa(n)+", got "+itoa(got[id]))
		}
	}
	for id, n := range got {
		if _, ok := want[id]; !ok {
			diffs = append(diffs, "unexpected entity "+id+" ("+itoa(n)+" mentions)")
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("seed actors differ:\n%s\nall:\n%s", strings.Join(diffs, "\n"), dumpDoc(d))
	}

	// Details a reader sees in the actor table.
	checks := []struct {
		id, name, typ, iso2, iso3, wikidata, first string
	}{
		{"JPN", "Japan", pipeline.TypeCountry, "JP", "JPN", "Q17", "p1s1"},
		{"KAZ", "Kazakhstan", pipeline.TypeCountry, "KZ", "KAZ", "Q232", "p1s1"},
		{"KOR", "South Korea", pipeline.TypeCountry, "KR", "KOR", "Q884", "p2s3"},
		{"RUS", "Russia", pipeline.TypeCountry, "RU", "RUS", "Q159", "p2s3"},
		{"astana", "Astana", pipeline.TypeCity, "", "", "", "p2s1"},
		{"kishida-fumio", "Kishida Fumio", pipeline.TypePerson, "", "", "", "p1s1"},
		{"central-asia-plus-japan-dialogue", "Central Asia plus Japan Dialogue", pipeline.TypeFramework, "", "", "", "p2s2"},
		{"eu", "European Union", pipeline.TypeOrganization, "", "", "Q458", "p2s3"},
		{"jma", "Japan Meteorological Agency", pipeline.TypeOrganization, "", "", "", "p1s1"},
	}
	for _, c := range checks {
		e := d.Entity(c.id)
		if e == nil {
			continue // reported above
		}
		if e.Name != c.name || e.Type != c.typ || e.ISO2 != c.iso2 || e.ISO3 != c.iso3 || e.Wikidata != c.wikidata || e.FirstSent != c.first {
			t.Errorf("%s: got %+v", c.id, *e)
		}
	}

	// Forms: Tokyo and Moscow are metonyms, demonyms are marked.
	forms := map[string]string{}
	for _, m := range d.Mentions {
		forms[m.Surface] = m.EntityID + "/" + m.Form
		if d.Document.Text[m.Start:m.End] != m.Surface {
			t.Errorf("mention %q does not match text at %d:%d", m.Surface, m.Start, m.End)
		}
	}
	for surface, want := range map[string]string{
		"Tokyo": "JPN/metonym", "Moscow": "RUS/metonym", "Astana": "astana/name",
		"Japanese": "JPN/demonym", "Russian": "RUS/demonym", "Central Asian": "central-asia/demonym",
		"Eurasian": "eurasia/demonym", "EU": "eu/acronym", "“Central Asia plus Japan” Dialogue": "central-asia-plus-japan-dialogue/name",
	} {
		if forms[surface] != want {
			t.Errorf("%q: got %q, want %q", surface, forms[surface], want)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
