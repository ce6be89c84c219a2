// Package aggregate computes the views of briefpack: per document (entity
// salience and tone, the actor table) in the "docviews" stage, and per run
// (actors and countries across documents, theme matrices, the timeline,
// document comparison, totals) in the "views" aggregator. Exporters only
// render these numbers.
package aggregate

import (
	"context"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
)

// Salience weights (they sum to 1). See NewDocStage.
const (
	wFreq  = 0.30
	wShare = 0.15
	wPos   = 0.15
	wTitle = 0.15
	wLede  = 0.10
	wKey   = 0.15
	// freqSaturation is the mention count at which the frequency term
	// reaches 1.
	freqSaturation = 10
)

// NewDocStage returns the "docviews" stage. For every entity of a document
// it sets Salience, Tone, sorts d.Entities by salience (then name, then
// ID) and fills d.Actors in the same order.
//
// Salience, in [0, 1] and comparable across documents (it mostly uses
// absolute quantities, not ranks within the document):
//
//	0.30 · min(1, ln(1+m) / ln(1+10))   m = mentions; 10 mentions saturate
//	0.15 · m / M                        M = all entity mentions of the document
//	0.15 · (1 − f / n)                  f = index of the first sentence that mentions it, n = sentences
//	0.15 · [named in the title]         by the entity's name or any surface seen in its mentions
//	0.10 · [mentioned in the lede]      the first body paragraph
//	0.15 · min(1, k / 2)                k = key sentences (KeyRank > 0) that mention it
//
// Tone is the mean tone of the distinct sentences that mention it.
//
// The actor row's Themes give, for each theme, the share of the entity's
// sentences that carry it. KeyStatement is the sentence that mentions the
// entity with the highest 1/(1+o) + 0.5·[key point] + 0.25·[the entity is
// the first one mentioned in the sentence] + 0.25·[it is named there, not
// only referred to by a demonym or metonym], o being the number of other
// entities in it; questions score half; ties go to the earlier sentence.
func NewDocStage() pipeline.Stage { return docStage{} }

type docStage struct{}

func (docStage) Name() string { return "docviews" }

type entityFacts struct {
	sents    []int // sentence indices, ascending, distinct
	mentions int
	surfaces map[string]bool
}

func (docStage) Process(ctx context.Context, d *pipeline.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d.Actors = nil
	if len(d.Entities) == 0 {
		return nil
	}
	sentIdx := make(map[string]int, len(d.Sentences))
	for i, s := range d.Sentences {
		sentIdx[s.SentID] = i
	}
	facts := map[string]*entityFacts{}
	for _, e := range d.Entities {
		facts[e.EntityID] = &entityFacts{surfaces: map[string]bool{}}
	}
	// entities per sentence, in order of first mention, and the
	// (sentence, entity) pairs where the entity is named rather than
	// referred to by a demonym or metonym
	sentEnts := make([][]string, len(d.Sentences))
	named := map[string]bool{}
	total := 0
	for _, m := range d.Mentions {
		f := facts[m.EntityID]
		if f == nil {
			continue
		}
		total++
		f.mentions++
		f.surfaces[m.Surface] = true
		i, ok := sentIdx[m.SentID]
		if !ok {
			continue
		}
		if n := len(f.sents); n == 0 || f.sents[n-1] != i {
			f.sents = append(f.sents, i)
		}
		if !containsStr(sentEnts[i], m.EntityID) {
			sentEnts[i] = append(sentEnts[i], m.EntityID)
		}
		if m.Form != pipeline.FormDemonym && m.Form != pipeline.FormMetonym {
			named[m.SentID+"\x00"+m.EntityID] = true
		}
	}
	for _, f := range facts {
		sort.Ints(f.sents)
		f.sents = dedupInts(f.sents)
	}
	lede := ledePara(d)
	title := strings.ToLower(d.Document.Title)
	labels := map[string]string{}
	for _, t := range d.Themes {
		labels[t.Theme] = t.Label
	}
	n := len(d.Sentences)
	for i := range d.Entities {
		e := &d.Entities[i]
		f := facts[e.EntityID]
		m := f.mentions
		if m == 0 {
			m = e.Mentions
		}
		if e.Mentions == 0 {
			e.Mentions = m
		}
		first := 0
		if len(f.sents) > 0 {
			first = f.sents[0]
		} else if k, ok := sentIdx[e.FirstSent]; ok {
			first = k
		}
		sal := wFreq * math.Min(1, math.Log(1+float64(m))/math.Log(1+freqSaturation))
		if total > 0 {
			sal += wShare * float64(f.mentions) / float64(total)
		}
		if n > 0 && m > 0 {
			sal += wPos * (1 - float64(first)/float64(n))
		}
		if inTitle(title, e.Name, f.surfaces) {
			sal += wTitle
		}
		key := 0
		inLede := false
		toneSum := 0.0
		for _, k := range f.sents {
			s := d.Sentences[k]
			if s.KeyRank > 0 {
				key++
			}
			if s.ParaNo == lede && lede > 0 {
				inLede = true
			}
			toneSum += s.Tone
		}
		if inLede {
			sal += wLede
		}
		sal += wKey * math.Min(1, float64(key)/2)
		e.Salience = round3(math.Min(1, sal))
		e.Tone = 0
		if len(f.sents) > 0 {
			e.Tone = round3(toneSum / float64(len(f.sents)))
		}
	}
	sort.SliceStable(d.Entities, func(a, b int) bool {
		x, y := d.Entities[a], d.Entities[b]
		if x.Salience != y.Salience {
			return x.Salience > y.Salience
		}
		if x.Name != y.Name {
			return x.Name < y.Name
		}
		return x.EntityID < y.EntityID
	})
	for _, e := range d.Entities {
		f := facts[e.EntityID]
		row := pipeline.ActorRow{
			EntityID: e.EntityID, Name: e.Name, Type: e.Type, ISO2: e.ISO2, ISO3: e.ISO3, Wikidata: e.Wikidata,
			Documents: 1, Mentions: e.Mentions, Salience: e.Salience, Tone: e.Tone,
			Themes: themeShares(d, f.sents, labels),
		}
		if len(f.sents) > 0 {
			row.FirstMention = d.Document.DocID + ":" + d.Sentences[f.sents[0]].SentID
			best, bestScore := -1, -1.0
			for _, k := range f.sents {
				sc := statementScore(d.Sentences[k], e.EntityID, sentEnts[k], named[d.Sentences[k].SentID+"\x00"+e.EntityID])
				if sc > bestScore {
					best, bestScore = k, sc
				}
			}
			s := d.Sentences[best]
			row.KeyStatement = strings.TrimSpace(s.Text)
			row.KeyStatementDoc = d.Document.DocID
			row.KeyStatementRef = s.SentID
			for _, k := range f.sents {
				row.Evidence = append(row.Evidence, d.Document.DocID+":"+d.Sentences[k].SentID)
			}
		} else if e.FirstSent != "" {
			row.FirstMention = d.Document.DocID + ":" + e.FirstSent
		}
		d.Actors = append(d.Actors, row)
	}
	d.Countries = OrderCountries(d.Actors)
	return nil
}

// statementScore rates a sentence as the key statement about an entity.
func statementScore(s pipeline.Sentence, id string, ents []string, named bool) float64 {
	others := 0
	for _, e := range ents {
		if e != id {
			others++
		}
	}
	sc := 1 / float64(1+others)
	if s.KeyRank > 0 {
		sc += 0.5
	}
	if len(ents) > 0 && ents[0] == id {
		sc += 0.25
	}
	if named {
		sc += 0.25
	}
	if strings.HasSuffix(strings.TrimSpace(s.Text), "?") {
		sc /= 2
	}
	return sc
}

// themeShares returns, per theme, the share of the sentences that carry
// it, strongest first (ties by theme ID).
func themeShares(d *pipeline.Doc, sents []int, labels map[string]string) []pipeline.ThemeScore {
	if len(sents) == 0 {
		return nil
	}
	count := map[string]int{}
	for _, k := range sents {
		for _, t := range d.Sentences[k].Themes {
			count[t]++
		}
	}
	out := make([]pipeline.ThemeScore, 0, len(count))
	for t, c := range count {
		l := labels[t]
		if l == "" {
			l = t
		}
		out = append(out, pipeline.ThemeScore{Theme: t, Label: l, Score: round3(float64(c) / float64(len(sents)))})
	}
	sortThemeScores(out)
	return out
}

func sortThemeScores(ts []pipeline.ThemeScore) {
	sort.Slice(ts, func(a, b int) bool {
		if ts[a].Score != ts[b].Score {
			return ts[a].Score > ts[b].Score
		}
		return ts[a].Theme < ts[b].Theme
	})
}

// ledePara returns the number of the first body paragraph, 0 if none.
func ledePara(d *pipeline.Doc) int {
	for _, p := range d.Paragraphs {
		if p.Kind == pipeline.ParaBody || p.Kind == "" {
			return p.ParaNo
		}
	}
	return 0
}

// inTitle reports whether the lower-cased title names the entity, on word
// boundaries.
func inTitle(title, name string, surfaces map[string]bool) bool {
	if title == "" {
		return false
	}
	if name != "" && containsWord(title, strings.ToLower(name)) {
		return true
	}
	keys := make([]string, 0, len(surfaces))
	for s := range surfaces {
		keys = append(keys, s)
	}
	sort.Strings(keys)
	for _, s := range keys {
		if s != "" && containsWord(title, strings.ToLower(s)) {
			return true
		}
	}
	return false
}

func containsWord(s, w string) bool {
	for from := 0; from < len(s); {
		k := strings.Index(s[from:], w)
		if k < 0 {
			return false
		}
		a, b := from+k, from+k+len(w)
		if boundaryBefore(s, a) && boundaryAfter(s, b) {
			return true
		}
		from = a + 1
	}
	return false
}

func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func dedupInts(xs []int) []int {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
