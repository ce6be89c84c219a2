// Package texttest builds hand-made pipeline.Docs for the tests of the
// extraction and aggregation stages: paragraphs, a naive sentence split and
// entity mentions from a small fixed gazetteer. It stands in for the real
// normalize, segment and entities stages so that the later stages can be
// tested alone; it is not meant for production use.
package texttest

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
)

// Ent is a gazetteer entry.
type Ent struct {
	ID, Name, Type, Form string
}

// Gazetteer maps surfaces (matched case-sensitively on word boundaries,
// longest first) to entities. It covers the seed article and the small
// fixtures of the tests.
var Gazetteer = map[string]Ent{
	"Kazakhstan":                  {"KAZ", "Kazakhstan", pipeline.TypeCountry, pipeline.FormName},
	"Uzbekistan":                  {"UZB", "Uzbekistan", pipeline.TypeCountry, pipeline.FormName},
	"Kyrgyzstan":                  {"KGZ", "Kyrgyzstan", pipeline.TypeCountry, pipeline.FormName},
	"Tajikistan":                  {"TJK", "Tajikistan", pipeline.TypeCountry, pipeline.FormName},
	"Turkmenistan":                {"TKM", "Turkmenistan", pipeline.TypeCountry, pipeline.FormName},
	"Japan":                       {"JPN", "Japan", pipeline.TypeCountry, pipeline.FormName},
	"Japanese":                    {"JPN", "Japan", pipeline.TypeCountry, pipeline.FormDemonym},
	"Tokyo":                       {"JPN", "Japan", pipeline.TypeCountry, pipeline.FormMetonym},
	"China":                       {"CHN", "China", pipeline.TypeCountry, pipeline.FormName},
	"Chinese":                     {"CHN", "China", pipeline.TypeCountry, pipeline.FormDemonym},
	"Beijing":                     {"CHN", "China", pipeline.TypeCountry, pipeline.FormMetonym},
	"Russia":                      {"RUS", "Russia", pipeline.TypeCountry, pipeline.FormName},
	"Russian":                     {"RUS", "Russia", pipeline.TypeCountry, pipeline.FormDemonym},
	"Moscow":                      {"RUS", "Russia", pipeline.TypeCountry, pipeline.FormMetonym},
	"Mongolia":                    {"MNG", "Mongolia", pipeline.TypeCountry, pipeline.FormName},
	"Afghanistan":                 {"AFG", "Afghanistan", pipeline.TypeCountry, pipeline.FormName},
	"Ukraine":                     {"UKR", "Ukraine", pipeline.TypeCountry, pipeline.FormName},
	"South Korea":                 {"KOR", "South Korea", pipeline.TypeCountry, pipeline.FormName},
	"India":                       {"IND", "India", pipeline.TypeCountry, pipeline.FormName},
	"United States":               {"USA", "United States", pipeline.TypeCountry, pipeline.FormName},
	"EU":                          {"european-union", "European Union", pipeline.TypeOrganization, pipeline.FormAcronym},
	"Central Asia":                {"central-asia", "Central Asia", pipeline.TypeRegion, pipeline.FormName},
	"Central Asian":               {"central-asia", "Central Asia", pipeline.TypeRegion, pipeline.FormDemonym},
	"Africa":                      {"africa", "Africa", pipeline.TypeRegion, pipeline.FormName},
	"Middle East":                 {"middle-east", "Middle East", pipeline.TypeRegion, pipeline.FormName},
	"Astana":                      {"astana", "Astana", pipeline.TypeCity, pipeline.FormName},
	"Kishida Fumio":               {"kishida-fumio", "Kishida Fumio", pipeline.TypePerson, pipeline.FormName},
	"Islam Karimov":               {"islam-karimov", "Islam Karimov", pipeline.TypePerson, pipeline.FormName},
	"Shavkat Mirziyoyev":          {"shavkat-mirziyoyev", "Shavkat Mirziyoyev", pipeline.TypePerson, pipeline.FormName},
	"Taliban":                     {"taliban", "Taliban", pipeline.TypeOrganization, pipeline.FormName},
	"Caspian Sea":                 {"caspian-sea", "Caspian Sea", pipeline.TypeRegion, pipeline.FormName},
	"Japan Meteorological Agency": {"japan-meteorological-agency", "Japan Meteorological Agency", pipeline.TypeOrganization, pipeline.FormName},
	"Germany":                     {"DEU", "Germany", pipeline.TypeCountry, pipeline.FormName},
	"France":                      {"FRA", "France", pipeline.TypeCountry, pipeline.FormName},
	"Iran":                        {"IRN", "Iran", pipeline.TypeCountry, pipeline.FormName},
	"Israel":                      {"ISR", "Israel", pipeline.TypeCountry, pipeline.FormName},
}

// RepoRoot walks up from the working directory to the folder with go.mod.
func RepoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("texttest: go.mod not found")
		}
		dir = parent
	}
}

// SeedText returns the seed article, skipping the test when it is absent.
func SeedText(tb testing.TB) string {
	tb.Helper()
	p := filepath.Join(RepoRoot(tb), "..", "shared", "seed", "central-asia-japan.txt")
	b, err := os.ReadFile(p)
	if err != nil {
		tb.Skipf("texttest: seed article not available: %v", err)
	}
	return string(b)
}

// Corpora returns the corpora folder (env BRIEFPACK_CORPORA or
// ../shared/corpora beside the repo), skipping the test when absent.
func Corpora(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("BRIEFPACK_CORPORA")
	if dir == "" {
		dir = filepath.Join(RepoRoot(tb), "..", "shared", "corpora")
	}
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("texttest: corpora folder %s not available", dir)
	}
	return dir
}

// Seed builds the seed article as a Doc (title "Central Asia and Japan").
func Seed(tb testing.TB) *pipeline.Doc {
	tb.Helper()
	return Doc("seed", "Japan and Central Asia: the first summit", SeedText(tb))
}

// Doc builds a Doc from text: one paragraph per non-empty line (a first line
// starting with "Update:" is an editor's note), sentences split after . ! ?
// followed by a space and an upper-case letter or a quote, mentions from
// Gazetteer, and Entities with mention counts and first sentences.
func Doc(id, title, text string) *pipeline.Doc {
	d := &pipeline.Doc{}
	var paras []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			paras = append(paras, l)
		}
	}
	full := strings.Join(paras, "\n\n")
	d.Document = pipeline.Document{DocID: id, Title: title, Language: "en", Text: full, Paragraphs: len(paras)}
	off := 0
	for i, p := range paras {
		kind := pipeline.ParaBody
		if i == 0 && strings.HasPrefix(p, "Update:") {
			kind = pipeline.ParaEditorNote
		}
		d.Paragraphs = append(d.Paragraphs, pipeline.Paragraph{DocID: id, ParaNo: i + 1, Kind: kind, Start: off, End: off + len(p), Text: p})
		n := 0
		for _, se := range splitSentences(p) {
			n++
			s := pipeline.Sentence{DocID: id, SentID: fmt.Sprintf("p%ds%d", i+1, n), ParaNo: i + 1,
				Start: off + se[0], End: off + se[1], Text: p[se[0]:se[1]]}
			d.Sentences = append(d.Sentences, s)
		}
		off += len(p) + 2
	}
	d.Document.Sentences = len(d.Sentences)
	d.Document.Words = len(strings.Fields(full))
	addMentions(d)
	return d
}

func splitSentences(p string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i + 1
		for j < len(p) && (p[j] == '"' || p[j] == ')') {
			j++
		}
		if strings.HasPrefix(p[j:], "”") {
			j += len("”")
		}
		if j >= len(p) || p[j] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(p[j+1:])
		if unicode.IsUpper(r) || r == '"' || r == '“' {
			out = append(out, [2]int{start, j})
			start = j + 1
		}
	}
	if start < len(p) {
		out = append(out, [2]int{start, len(p)})
	}
	return out
}

func addMentions(d *pipeline.Doc) {
	surfaces := make([]string, 0, len(Gazetteer))
	for s := range Gazetteer {
		surfaces = append(surfaces, s)
	}
	sort.Slice(surfaces, func(i, j int) bool {
		if len(surfaces[i]) != len(surfaces[j]) {
			return len(surfaces[i]) > len(surfaces[j])
		}
		return surfaces[i] < surfaces[j]
	})
	text := d.Document.Text
	ents := map[string]*pipeline.Entity{}
	var order []string
	for _, s := range d.Sentences {
		taken := make([]bool, s.End-s.Start)
		var ms []pipeline.Mention
		for _, surf := range surfaces {
			seg := text[s.Start:s.End]
			for from := 0; ; {
				k := strings.Index(seg[from:], surf)
				if k < 0 {
					break
				}
				a, b := from+k, from+k+len(surf)
				from = b
				if !boundary(seg, a, b) || anyTaken(taken, a, b) {
					continue
				}
				for x := a; x < b; x++ {
					taken[x] = true
				}
				e := Gazetteer[surf]
				ms = append(ms, pipeline.Mention{DocID: d.Document.DocID, SentID: s.SentID, EntityID: e.ID,
					Surface: surf, Start: s.Start + a, End: s.Start + b, Form: e.Form})
			}
		}
		sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
		for _, m := range ms {
			e := Gazetteer[m.Surface]
			en, ok := ents[e.ID]
			if !ok {
				en = &pipeline.Entity{DocID: d.Document.DocID, EntityID: e.ID, Name: e.Name, Type: e.Type, FirstSent: m.SentID}
				if e.Type == pipeline.TypeCountry {
					en.ISO3 = e.ID
				}
				ents[e.ID] = en
				order = append(order, e.ID)
			}
			en.Mentions++
		}
		d.Mentions = append(d.Mentions, ms...)
	}
	for _, id := range order {
		d.Entities = append(d.Entities, *ents[id])
	}
}

func boundary(s string, a, b int) bool {
	if a > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:a])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if b < len(s) {
		r, _ := utf8.DecodeRuneInString(s[b:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func anyTaken(t []bool, a, b int) bool {
	for i := a; i < b; i++ {
		if t[i] {
			return true
		}
	}
	return false
}
