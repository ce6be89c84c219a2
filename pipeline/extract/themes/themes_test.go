package themes

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/textutil/texttest"
)

func run(t testing.TB, tx *Taxonomy, d *pipeline.Doc) {
	t.Helper()
	if err := New(tx).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
}

func theme(d *pipeline.Doc, id string) *pipeline.Theme {
	for i := range d.Themes {
		if d.Themes[i].Theme == id {
			return &d.Themes[i]
		}
	}
	return nil
}

// The seed article's themes, each with the word(s) a human would point to
// in its strongest evidence sentence.
func TestSeedThemes(t *testing.T) {
	d := texttest.Seed(t)
	run(t, nil, d)
	cases := []struct {
		theme string
		word  string // regexp the top evidence sentence must contain
	}{
		{"climate", `decarbonization`},
		{"transport", `(?i)logistics|transportation|landlocked`},
		{"education", `human resource|talented`},
		{"energy", `natural gas|energy`},
		{"migration", `labor migra`},
		{"investment", `funds|infrastructure|investment`},
		{"trade", `\btrade\b`},
		{"security", `threat|war|War`},
		{"demography", `birthrate|population`},
		{"multilateralism", `multilateralism|world order|multi-vector`},
		{"disasters", `megaquake`},
	}
	for _, c := range cases {
		th := theme(d, c.theme)
		if th == nil {
			t.Errorf("theme %s missing", c.theme)
			continue
		}
		s := d.Sentence(th.Evidence[0])
		if ok, _ := regexp.MatchString(c.word, s.Text); !ok {
			t.Errorf("theme %s: top evidence %s %q does not contain %q", c.theme, th.Evidence[0], s.Text, c.word)
		}
		if th.Score <= 0 || th.Score > 1 || th.Sentences != len(th.Evidence) {
			t.Errorf("theme %s: score %v sentences %d evidence %d", c.theme, th.Score, th.Sentences, len(th.Evidence))
		}
	}
	for i := 1; i < len(d.Themes); i++ {
		if d.Themes[i-1].Score < d.Themes[i].Score {
			t.Errorf("themes not ordered by score: %v before %v", d.Themes[i-1], d.Themes[i])
		}
	}
	// Sentence.Themes agrees with Evidence.
	for _, th := range d.Themes {
		for _, id := range th.Evidence {
			if !contains(d.Sentence(id).Themes, th.Theme) {
				t.Errorf("sentence %s is evidence for %s but its Themes are %v", id, th.Theme, d.Sentence(id).Themes)
			}
		}
	}
	// Health is not a theme of the seed.
	if th := theme(d, "health"); th != nil {
		t.Errorf("unexpected health theme: %+v", th)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestMatching(t *testing.T) {
	cases := []struct {
		text string
		want []string // themes expected
		not  []string // themes that must not be found
	}{
		{"Investments in railways doubled and freight rose.", []string{"investment", "transport"}, nil},
		// Stems, not substrings: "software" contains "war", "Warsaw" too.
		{"The software firm moved to Warsaw and hired engineers for its website.", []string{"technology"}, []string{"security"}},
		// A multi-word term: "natural gas" (energy) and not "gas" alone at full weight.
		{"Exports of natural gas to China grew.", []string{"energy", "trade"}, nil},
		// Weak terms alone never make a theme.
		{"The environment in the room was calm and the market was open.", nil, []string{"environment", "trade"}},
		// Exceptions: titles and party names are not the theme.
		{"Trade and Industry Secretary Patricia Hewitt said mothers would get more pay.", nil, []string{"trade"}},
		{"The Liberal Democrats and the Democratic Party of Japan disagreed.", nil, []string{"governance"}},
		{"Trade unions welcomed the tariff cuts.", []string{"trade"}, nil},
		// Stems that conflate unrelated words are matched as exact words.
		{"The government said the important deal would secure good jobs for people of every age.", nil, []string{"trade", "security", "governance", "demography"}},
		// Exact terms: securities are not security, a research arm is not arms.
		{"Shares and securities fell; the bank's research arm said so.", []string{"investment"}, []string{"security"}},
		{"Arms sales and security worries grew.", []string{"security"}, nil},
		{"A computer virus hit the firm's security software.", []string{"technology"}, []string{"health", "security"}},
		// Plurals and inflections.
		{"Two earthquakes and a tsunami hit the coast; thousands of refugees fled.", []string{"disasters", "migration"}, nil},
	}
	for _, c := range cases {
		d := texttest.Doc("x", "", c.text)
		run(t, nil, d)
		for _, w := range c.want {
			if theme(d, w) == nil {
				t.Errorf("%q: theme %s missing (got %v)", c.text, w, ids(d))
			}
		}
		for _, n := range c.not {
			if theme(d, n) != nil {
				t.Errorf("%q: unexpected theme %s", c.text, n)
			}
		}
	}
}

func ids(d *pipeline.Doc) []string {
	var out []string
	for _, th := range d.Themes {
		out = append(out, th.Theme)
	}
	return out
}

func TestDefaultTaxonomy(t *testing.T) {
	tx := Default()
	if len(tx.Themes) < 15 {
		t.Fatalf("default taxonomy has %d themes, want >= 15", len(tx.Themes))
	}
	labels := tx.Labels()
	for _, id := range []string{"energy", "climate", "transport", "trade", "investment", "security", "terrorism",
		"migration", "education", "governance", "multilateralism", "great-power", "demography", "disasters",
		"environment", "health", "technology"} {
		if labels[id] == "" {
			t.Errorf("default taxonomy lacks theme %s", id)
		}
	}
}

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadUserFile(t *testing.T) {
	p := writeFile(t, "mine.yaml", `themes:
  - id: space
    label: Space
    terms: [space station, rocket, satellite launch]
  - id: health
    mode: remove
  - id: energy
    mode: extend
    terms: [hydrocarbons]
  - id: trade
    label: Commerce
    terms: [commerce]
`)
	tx, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	l := tx.Labels()
	if l["space"] != "Space" || l["health"] != "" || l["trade"] != "Commerce" {
		t.Fatalf("labels after load: space=%q health=%q trade=%q", l["space"], l["health"], l["trade"])
	}
	d := texttest.Doc("x", "", "The rocket reached the space station. Hydrocarbons remain key. Trade rose and commerce boomed.")
	run(t, tx, d)
	if theme(d, "space") == nil || theme(d, "energy") == nil {
		t.Errorf("user and extended themes not found: %v", ids(d))
	}
	if th := theme(d, "trade"); th == nil || th.Sentences != 1 {
		t.Errorf("replaced trade theme should match only 'commerce': %+v", th)
	}
}

func TestLoadErrors(t *testing.T) {
	cases := []struct {
		name, body, want string
	}{
		{"badid.yaml", "themes:\n  - id: x\n    label: X\n    terms: [a]\n  - id: Bad Id\n    label: B\n    terms: [b]\n", "badid.yaml:5: theme id \"Bad Id\""},
		{"noterms.yaml", "themes:\n  - id: x\n    label: X\n", "noterms.yaml:2: theme \"x\" has no terms"},
		{"onlyweak.yaml", "themes:\n  - id: x\n    label: X\n    weak: [a]\n    except: [b c]\n", "onlyweak.yaml:2: theme \"x\" has no terms"},
		{"unknown.yaml", "themes:\n  - id: x\n    label: X\n    termz: [a]\n", "unknown.yaml:4: field termz not found in type theme"},
		{"syntax.yaml", "themes:\n  - id: [x\n", "syntax.yaml:1: did not find expected"},
		{"extend.yaml", "themes:\n  - id: nope\n    mode: extend\n    terms: [a]\n", "extend.yaml:2: cannot extend unknown theme"},
		{"empty.yaml", "", "empty.yaml: empty file"},
		{"punct.yaml", "themes:\n  - id: x\n    label: X\n    terms: ['--']\n", "punct.yaml:2: theme \"x\": term \"--\" has no words"},
	}
	for _, c := range cases {
		_, err := Load(writeFile(t, c.name, c.body))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", c.name, err, c.want)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "themes: ") {
			t.Errorf("%s: error %q lacks the package prefix", c.name, err)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.yaml")); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("missing file: %v", err)
	}
}

func TestNonEnglishAndEmpty(t *testing.T) {
	d := texttest.Doc("x", "", "Экспорт газа вырос.")
	d.Document.Language = "ru"
	run(t, nil, d)
	if len(d.Themes) != 0 || len(d.Document.Notes) != 1 || !strings.Contains(d.Document.Notes[0], "English only") {
		t.Errorf("non-English doc: themes %v notes %v", d.Themes, d.Document.Notes)
	}
	empty := &pipeline.Doc{}
	run(t, nil, empty)
	if len(empty.Themes) != 0 {
		t.Errorf("empty doc got themes %v", empty.Themes)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte("themes:\n  - id: x\n    label: X\n    terms: [a b, c]\n"))
	f.Add([]byte("themes: []"))
	f.Add([]byte("themes:\n  - id: energy\n    mode: remove\n"))
	f.Add(defaultYAML)
	f.Fuzz(func(t *testing.T, b []byte) {
		var th []Theme
		if err := apply(&th, "fuzz.yaml", b); err != nil {
			if !strings.HasPrefix(err.Error(), "themes: fuzz.yaml") {
				t.Fatalf("error without file name: %v", err)
			}
			return
		}
		tx := build(th)
		for _, x := range tx.Themes {
			if x.ID == "" || len(x.Terms) == 0 {
				t.Fatalf("accepted theme without id or terms: %+v", x)
			}
		}
		d := texttest.Doc("f", "", "Energy and trade and security and a rocket.")
		if err := New(tx).Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkThemes(b *testing.B) {
	d := texttest.Seed(b)
	st := New(nil)
	b.SetBytes(int64(len(d.Document.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if err := st.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}
