package entities

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// devExpected is a testdata/dev/*.expected.yaml file: the actors of a
// hand-written text, listed by reading it before the extractor ever ran on
// it. An item names one actor; alternatives separated by "|" are other
// extents of the same name ("Rafael Mariano Grossi|Rafael Grossi").
// Acceptable names are named in the text and are not junk, but a reader
// would not miss them; they count neither way.
type devExpected struct {
	Actors     []string `yaml:"actors"`
	Acceptable []string `yaml:"acceptable"`
}

// devScore is the comparison of one document's actor list with its
// expected list.
type devScore struct {
	tp, fp, fn     int
	missed, extras []string
}

// resolveIDs gives the IDs a name may get: the gazetteer entry the whole
// name matches (any form) and its slug.
// A reader may drop a leading "the" the gazetteer keeps ("Guardian" for
// "the Guardian"), so the name with "the" is tried too.
func resolveIDs(g *Gazetteer, name string) []string {
	name = strings.TrimSpace(name)
	ids := []string{Slug(name)}
	names := []string{name, "the " + name}
	if core := personCore(name); core != "" {
		names = append(names, core) // "Enrique A. Manalo" is the Enrique Manalo the gazetteer knows
	}
	for _, suf := range []string{" Corp.", " Corp", " Co.", " Inc.", " Inc", " Ltd.", " Ltd", " Plc", " PLC", " L.L.C."} {
		if bare, ok := strings.CutSuffix(name, suf); ok {
			names = append(names, bare) // "Mitsubishi Corp." is the Mitsubishi the gazetteer knows
			ids = append(ids, Slug(bare))
			if strings.HasPrefix(suf, " Corp") {
				names = append(names, bare+" Corporation") // "Chiyoda Corp." is the Chiyoda Corporation it knows
			}
		}
	}
	for _, n := range names {
		toks := tokenize(nil, n, 0, len(n))
		for _, m := range g.trie.walk(nil, n, toks, 0) {
			if m.j != len(toks) {
				continue
			}
			for _, h := range g.trie.nodes[m.n].hits {
				if h.form != "" {
					ids = append(ids, g.entries[h.entry].ID)
				}
			}
		}
	}
	return ids
}

// scoreDev compares the entity IDs found with the expected actors.
func scoreDev(g *Gazetteer, exp devExpected, got []string) devScore {
	alt := map[string]int{}
	for i, a := range exp.Actors {
		for _, name := range strings.Split(a, "|") {
			for _, id := range resolveIDs(g, name) {
				if _, dup := alt[id]; !dup {
					alt[id] = i
				}
			}
		}
	}
	ok := map[string]bool{}
	for _, a := range exp.Acceptable {
		for _, name := range strings.Split(a, "|") {
			for _, id := range resolveIDs(g, name) {
				ok[id] = true
			}
		}
	}
	var s devScore
	found := map[int]string{}
	ids := append([]string(nil), got...)
	sort.Strings(ids)
	for _, id := range ids {
		if gi, in := alt[id]; in {
			if first, dup := found[gi]; dup {
				s.fp++
				s.extras = append(s.extras, id+" (duplicate of "+first+")")
				continue
			}
			found[gi] = id
			s.tp++
			continue
		}
		if ok[id] {
			continue
		}
		s.fp++
		s.extras = append(s.extras, id)
	}
	for i, a := range exp.Actors {
		if _, ok := found[i]; !ok {
			s.fn++
			s.missed = append(s.missed, a)
		}
	}
	return s
}

// devBatches are the hand-written held-out texts. Batch 1 (testdata/dev)
// was written before any change and the rules were then generalised while
// looking at its misses, so it is now tuned-on; batch 2 (testdata/dev2)
// was written after that work, run once, and then tuned on too; batch 3
// (testdata/dev3) was written after all that (see README for the
// first-run numbers of each).
// The floors are what this version reaches, micro-averaged over a batch.
var devBatches = []struct {
	dir        string
	minP, minR float64
}{
	{"dev", 0.98, 0.96},
	{"dev2", 0.98, 0.96},
	{"dev3", 0.98, 0.95},
	{"dev4", 0.97, 0.90},
	{"dev5", 0.97, 0.92},
	{"dev6", 0.98, 0.94},
	{"dev7", 0.97, 0.88},
}

// TestDevSet runs the stage on the hand-written held-out texts and reports
// per-document precision and recall of the actor list; it asserts the
// floor of each batch.
func TestDevSet(t *testing.T) {
	for _, b := range devBatches {
		t.Run(b.dir, func(t *testing.T) {
			checkDevBatch(t, b.dir, b.minP, b.minR)
		})
	}
}

// runDevBatch scores every text of a folder and returns the summed counts.
func runDevBatch(t *testing.T, dir string) (tp, fp, fn int) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no dev texts in %s: %v", dir, err)
	}
	g := testGazetteer(t)
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".expected.yaml")
		if err != nil {
			t.Fatal(err)
		}
		var exp devExpected
		if err := yaml.Unmarshal(raw, &exp); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		d := extract(t, string(text))
		var got []string
		for _, e := range d.Entities {
			got = append(got, e.EntityID)
		}
		s := scoreDev(g, exp, got)
		tp, fp, fn = tp+s.tp, fp+s.fp, fn+s.fn
		p := float64(s.tp) / float64(max(s.tp+s.fp, 1))
		r := float64(s.tp) / float64(max(s.tp+s.fn, 1))
		t.Logf("%-32s P %.2f R %.2f (%d/%d)\n\tmissed: %v\n\tnot on the list: %v",
			filepath.Base(f), p, r, s.tp, s.tp+s.fn, s.missed, s.extras)
	}
	return tp, fp, fn
}

func TestScoreDev(t *testing.T) {
	g := testGazetteer(t)
	exp := devExpected{
		Actors:     []string{"Japan", "Rafael Mariano Grossi|Rafael Grossi", "Summit of the Future"},
		Acceptable: []string{"Seoul"},
	}
	s := scoreDev(g, exp, []string{"JPN", "rafael-grossi", "seoul", "junk-name"})
	if s.tp != 2 || s.fp != 1 || s.fn != 1 {
		t.Errorf("got tp %d fp %d fn %d, want 2 1 1 (%+v)", s.tp, s.fp, s.fn, s)
	}
	s = scoreDev(g, exp, []string{"JPN", "rafael-grossi", "rafael-mariano-grossi"})
	if s.tp != 2 || s.fp != 1 {
		t.Errorf("two IDs for one actor: got tp %d fp %d, want 2 1", s.tp, s.fp)
	}
}

// checkDevBatch scores the batch in testdata/dir, logs its precision and
// recall and asserts their floors.
func checkDevBatch(t *testing.T, dir string, minP, minR float64) {
	t.Helper()
	tp, fp, fn := runDevBatch(t, filepath.Join("testdata", dir))
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("%s: precision %.3f, recall %.3f (tp %d, fp %d, fn %d)", dir, p, r, tp, fp, fn)
	if p < minP || r < minR {
		t.Errorf("%s: precision %.3f (min %.2f), recall %.3f (min %.2f)", dir, p, minP, r, minR)
	}
}
