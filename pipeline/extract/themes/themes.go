// Package themes finds the themes of a document (energy, trade, security,
// demography, ...) by matching a taxonomy of lexicons on Porter2 stems,
// single words and multi-word terms alike. The default taxonomy is embedded
// (taxonomy.yaml); users add, replace, extend or remove themes with their
// own YAML files (see Load).
package themes

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/textutil"
)

//go:embed taxonomy.yaml
var defaultYAML []byte

// Term weights.
const (
	WeightTerm      = 1.0 // a single-word term
	WeightMultiword = 1.5 // a term of two words; each further word adds 0.25
	WeightWeak      = 0.5 // an ambiguous term that only supports a theme
	// SentenceCap caps what one sentence adds to a theme, so a long list
	// sentence cannot carry a theme alone.
	SentenceCap = 2.0
	// MinWeight is the total a theme needs in a document to be reported;
	// besides, at least one of its matches must be a full (not weak) term.
	MinWeight = 1.0
)

// Theme is one theme of a taxonomy.
type Theme struct {
	ID    string
	Label string
	Terms []Term
}

// Term is one lexicon entry of a theme.
type Term struct {
	Text   string   // as written in the taxonomy
	Stems  []string // Porter2 stems of its words
	Weight float64  // 0 for an exception ("except:" in YAML)
	// Exact terms (written with a leading "=") match the lower-case words
	// themselves, not their stems: "=securities" is not "security".
	Exact bool
}

// Taxonomy is a set of themes with a stem index. It is read-only after Load
// and safe for concurrent use.
type Taxonomy struct {
	Themes []Theme
	index  map[string][]termRef // first stem -> terms
	exact  map[string][]termRef // first word -> exact terms
}

type termRef struct {
	theme int
	term  *Term
}

type fileSpec struct {
	Themes []themeSpec `yaml:"themes"`
}

type themeSpec struct {
	ID     string   `yaml:"id"`
	Label  string   `yaml:"label"`
	Mode   string   `yaml:"mode"` // "", "replace", "extend", "remove"
	Terms  []string `yaml:"terms"`
	Weak   []string `yaml:"weak"`
	Except []string `yaml:"except"`
}

var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Default returns the embedded default taxonomy.
func Default() *Taxonomy {
	tx, err := Load()
	if err != nil {
		panic(err) // the embedded file is tested; this cannot happen
	}
	return tx
}

// Load reads the default taxonomy, then each extra YAML file in order. A
// theme in an extra file with a known id replaces it (mode "replace", the
// default), adds terms to it (mode "extend") or removes it (mode "remove");
// a new id adds a theme. A theme has full-weight "terms" (at least one),
// "weak" terms and "except" phrases that do not count for it. Errors name
// the file and the line.
func Load(extra ...string) (*Taxonomy, error) {
	var themes []Theme
	if err := apply(&themes, "taxonomy.yaml (embedded)", defaultYAML); err != nil {
		return nil, err
	}
	for _, path := range extra {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("themes: %w", err)
		}
		if err := apply(&themes, path, b); err != nil {
			return nil, err
		}
	}
	return build(themes), nil
}

// apply parses one taxonomy file and merges it into themes.
func apply(themes *[]Theme, name string, b []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var spec fileSpec
	if err := dec.Decode(&spec); err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("themes: %s: empty file", name)
		}
		return yamlError(name, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return fmt.Errorf("themes: %s: %v", name, err)
	}
	lines := themeLines(&root)
	if len(spec.Themes) == 0 {
		return fmt.Errorf("themes: %s:1: no themes (expected a top-level \"themes:\" list)", name)
	}
	for i, ts := range spec.Themes {
		line := 0
		if i < len(lines) {
			line = lines[i]
		}
		at := fmt.Sprintf("%s:%d", name, line)
		if !idRE.MatchString(ts.ID) {
			return fmt.Errorf("themes: %s: theme id %q must be a lower-case slug (a-z, 0-9, -)", at, ts.ID)
		}
		pos := -1
		for j := range *themes {
			if (*themes)[j].ID == ts.ID {
				pos = j
			}
		}
		var terms []Term
		for _, list := range []struct {
			items  []string
			weak   bool
			except bool
		}{{ts.Terms, false, false}, {ts.Weak, true, false}, {ts.Except, false, true}} {
			for _, t := range list.items {
				exact := strings.HasPrefix(t, "=")
				stems := termStems(strings.TrimPrefix(t, "="), exact)
				if len(stems) == 0 {
					return fmt.Errorf("themes: %s: theme %q: term %q has no words", at, ts.ID, t)
				}
				w := WeightTerm
				switch {
				case list.except:
					w = 0
				case list.weak:
					w = WeightWeak
				case len(stems) > 1:
					w = WeightMultiword + 0.25*float64(len(stems)-2)
				}
				terms = append(terms, Term{Text: strings.TrimPrefix(t, "="), Stems: stems, Weight: w, Exact: exact})
			}
		}
		switch ts.Mode {
		case "", "replace":
			if ts.Label == "" {
				return fmt.Errorf("themes: %s: theme %q has no label", at, ts.ID)
			}
			if len(ts.Terms) == 0 {
				return fmt.Errorf("themes: %s: theme %q has no terms", at, ts.ID)
			}
			th := Theme{ID: ts.ID, Label: ts.Label, Terms: terms}
			if pos >= 0 {
				(*themes)[pos] = th
			} else {
				*themes = append(*themes, th)
			}
		case "extend":
			if pos < 0 {
				return fmt.Errorf("themes: %s: cannot extend unknown theme %q", at, ts.ID)
			}
			if len(ts.Terms)+len(ts.Weak)+len(ts.Except) == 0 {
				return fmt.Errorf("themes: %s: theme %q: extend without terms", at, ts.ID)
			}
			th := &(*themes)[pos]
			th.Terms = append(append([]Term(nil), th.Terms...), terms...)
			if ts.Label != "" {
				th.Label = ts.Label
			}
		case "remove":
			if pos < 0 {
				return fmt.Errorf("themes: %s: cannot remove unknown theme %q", at, ts.ID)
			}
			*themes = append((*themes)[:pos:pos], (*themes)[pos+1:]...)
		default:
			return fmt.Errorf("themes: %s: theme %q: unknown mode %q (want replace, extend or remove)", at, ts.ID, ts.Mode)
		}
	}
	return nil
}

var lineRE = regexp.MustCompile(`^line (\d+): (.*)$`)

// yamlError rewrites a yaml.v3 error as "themes: <file>:<line>: <message>".
func yamlError(name string, err error) error {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	for i, m := range msgs {
		m = strings.TrimSpace(m)
		if sm := lineRE.FindStringSubmatch(m); sm != nil {
			msgs[i] = fmt.Sprintf("%s:%s: %s", name, sm[1], strings.ReplaceAll(sm[2], "themes.themeSpec", "theme"))
		} else {
			msgs[i] = name + ": " + m
		}
	}
	return fmt.Errorf("themes: %s", strings.Join(msgs, "; "))
}

// themeLines returns the line of each item of the top-level themes list.
func themeLines(root *yaml.Node) []int {
	if root == nil || len(root.Content) == 0 {
		return nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "themes" && m.Content[i+1].Kind == yaml.SequenceNode {
			var out []int
			for _, it := range m.Content[i+1].Content {
				out = append(out, it.Line)
			}
			return out
		}
	}
	return nil
}

func termStems(t string, exact bool) []string {
	toks := textutil.Tokenize(t)
	out := make([]string, 0, len(toks))
	for _, tk := range toks {
		if exact {
			out = append(out, tk.Lower)
		} else {
			out = append(out, textutil.Stem(tk.Lower))
		}
	}
	return out
}

func build(themes []Theme) *Taxonomy {
	tx := &Taxonomy{Themes: themes, index: map[string][]termRef{}, exact: map[string][]termRef{}}
	for i := range tx.Themes {
		for j := range tx.Themes[i].Terms {
			t := &tx.Themes[i].Terms[j]
			if t.Exact {
				tx.exact[t.Stems[0]] = append(tx.exact[t.Stems[0]], termRef{i, t})
			} else {
				tx.index[t.Stems[0]] = append(tx.index[t.Stems[0]], termRef{i, t})
			}
		}
	}
	return tx
}

// Labels returns theme ID -> label.
func (tx *Taxonomy) Labels() map[string]string {
	m := make(map[string]string, len(tx.Themes))
	for _, t := range tx.Themes {
		m[t.ID] = t.Label
	}
	return m
}

// Match is one theme found in a text.
type Match struct {
	Theme  int      // index into Taxonomy.Themes
	Weight float64  // sum of the weights of the matched terms
	Terms  []string // matched terms, as written in the taxonomy
	Strong float64  // the part of Weight from full (not weak) terms
}

// Match finds the themes in a sequence of words, given as Porter2 stems
// and as lower-case words (same length). Within a theme, matches do not
// overlap and the longest term wins at each position (on equal length an
// exception, then an exact term); different themes may match the same
// words. Results are ordered by theme index.
func (tx *Taxonomy) Match(stems, lowers []string) []Match {
	var byTheme []*Match // by theme index, allocated on the first match
	var covered []int    // theme -> first position not yet covered
	type pick struct {
		theme int
		term  *Term
	}
	var best []pick
	for i := 0; i < len(stems); i++ {
		refs, exact := tx.index[stems[i]], tx.exact[lowers[i]]
		if len(refs) == 0 && len(exact) == 0 {
			continue
		}
		if covered == nil {
			covered = make([]int, len(tx.Themes))
			byTheme = make([]*Match, len(tx.Themes))
		}
		best = best[:0]
		for _, list := range [2][]termRef{refs, exact} {
			for _, r := range list {
				words := stems
				if r.term.Exact {
					words = lowers
				}
				if covered[r.theme] > i || !hasAt(words, i, r.term.Stems) {
					continue
				}
				k := 0
				for k < len(best) && best[k].theme != r.theme {
					k++
				}
				if k == len(best) {
					best = append(best, pick{r.theme, r.term})
				} else if b := best[k].term; len(r.term.Stems) > len(b.Stems) ||
					len(r.term.Stems) == len(b.Stems) && preferred(r.term, b) {
					best[k].term = r.term
				}
			}
		}
		for _, p := range best {
			th, t := p.theme, p.term
			covered[th] = i + len(t.Stems)
			if t.Weight == 0 {
				continue // an exception: these words do not count for the theme
			}
			m := byTheme[th]
			if m == nil {
				m = &Match{Theme: th}
				byTheme[th] = m
			}
			m.Weight += t.Weight
			if t.Weight >= WeightTerm {
				m.Strong += t.Weight
			}
			m.Terms = append(m.Terms, t.Text)
		}
	}
	var out []Match
	for _, m := range byTheme {
		if m != nil {
			out = append(out, *m)
		}
	}
	return out
}

// preferred breaks ties between terms of the same length: an exception
// first, then an exact term, then the higher weight.
func preferred(a, b *Term) bool {
	if (a.Weight == 0) != (b.Weight == 0) {
		return a.Weight == 0
	}
	if a.Exact != b.Exact {
		return a.Exact
	}
	return a.Weight > b.Weight
}

func hasAt(stems []string, i int, term []string) bool {
	if i+len(term) > len(stems) {
		return false
	}
	for k, s := range term {
		if stems[i+k] != s {
			return false
		}
	}
	return true
}

// New returns the "themes" stage. A nil taxonomy means Default().
//
// Scoring: each sentence adds to a theme the weights of its matched terms,
// capped at SentenceCap. A theme with total W >= MinWeight is reported
// with Score = 1 - exp(-W / (1.5 + 0.05·n)) for a document of n sentences,
// so evidence in several sentences raises the score towards 1 and long
// documents need more evidence. Evidence lists the matching sentences,
// strongest first: by the weight of their full terms, then of all terms,
// then in document order. Sentence.Themes lists the
// reported themes of each sentence, strongest first (ties by ID).
func New(tx *Taxonomy) pipeline.Stage {
	if tx == nil {
		tx = Default()
	}
	return stage{tx}
}

type stage struct{ tx *Taxonomy }

func (stage) Name() string { return "themes" }

func (s stage) Process(ctx context.Context, d *pipeline.Doc) error {
	if lang := d.Document.Language; !pipeline.EnglishOrUnknown(lang) {
		d.Document.Notes = append(d.Document.Notes, fmt.Sprintf("themes: English only, skipped (language %s)", lang))
		return nil
	}
	tx := s.tx
	type hit struct {
		sent   int
		weight float64
		strong float64
	}
	hits := make([][]hit, len(tx.Themes))
	sentMatches := make([][]Match, len(d.Sentences))
	var toks []textutil.Token
	var stems, lowers []string
	for i := range d.Sentences {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		toks = textutil.AppendTokens(toks[:0], d.Sentences[i].Text, 0)
		stems, lowers = stems[:0], lowers[:0]
		for _, t := range toks {
			stems = append(stems, textutil.Stem(t.Lower))
			lowers = append(lowers, t.Lower)
		}
		ms := tx.Match(stems, lowers)
		sentMatches[i] = ms
		for _, m := range ms {
			hits[m.Theme] = append(hits[m.Theme], hit{i, m.Weight, m.Strong})
		}
	}
	n := float64(len(d.Sentences))
	reported := make([]bool, len(tx.Themes))
	d.Themes = d.Themes[:0]
	for th, hs := range hits {
		if len(hs) == 0 {
			continue
		}
		w, strong := 0.0, false
		for _, h := range hs {
			w += math.Min(h.weight, SentenceCap)
			strong = strong || h.strong > 0
		}
		if w < MinWeight || !strong {
			continue
		}
		reported[th] = true
		sort.SliceStable(hs, func(a, b int) bool {
			if hs[a].strong != hs[b].strong {
				return hs[a].strong > hs[b].strong
			}
			return hs[a].weight > hs[b].weight
		})
		ev := make([]string, len(hs))
		for k, h := range hs {
			ev[k] = d.Sentences[h.sent].SentID
		}
		d.Themes = append(d.Themes, pipeline.Theme{
			DocID:     d.Document.DocID,
			Theme:     tx.Themes[th].ID,
			Label:     tx.Themes[th].Label,
			Score:     round3(1 - math.Exp(-w/(1.5+0.05*n))),
			Sentences: len(hs),
			Evidence:  ev,
		})
	}
	sort.SliceStable(d.Themes, func(a, b int) bool {
		if d.Themes[a].Score != d.Themes[b].Score {
			return d.Themes[a].Score > d.Themes[b].Score
		}
		return d.Themes[a].Theme < d.Themes[b].Theme
	})
	for i, ms := range sentMatches {
		var ids []Match
		for _, m := range ms {
			if reported[m.Theme] {
				ids = append(ids, m)
			}
		}
		sort.SliceStable(ids, func(a, b int) bool {
			if ids[a].Weight != ids[b].Weight {
				return ids[a].Weight > ids[b].Weight
			}
			return tx.Themes[ids[a].Theme].ID < tx.Themes[ids[b].Theme].ID
		})
		d.Sentences[i].Themes = nil
		for _, m := range ids {
			d.Sentences[i].Themes = append(d.Sentences[i].Themes, tx.Themes[m.Theme].ID)
		}
	}
	return nil
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
