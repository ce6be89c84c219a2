// Package relations finds pairs of entities linked in one sentence, with
// the cue (verb or phrase) that links them and a kind: cooperation,
// dependence, rivalry, threat, economic or neutral.
//
// Rules, in order, for each sentence with two or more distinct entities:
//
//  1. Cues (cues.go) are matched on Porter2 stems; the longest cue wins at
//     each position. A cue preceded by a negator within two words
//     ("cannot support") links nothing.
//  2. The subject is the nearest entity before the cue (at most
//     DefaultMaxLeft words before it, or the cue's own limit) that is not
//     the object of a preposition ("partner for Japan" cannot be the
//     subject of a later verb); "the countries of X" and similar heads
//     count as X itself. When every candidate follows a preposition the
//     nearest one is taken. The object is the first entity at most
//     MaxRight words after the cue with no punctuation in between (it
//     stays in the cue's clause). Cues with a short reach ("war in") also
//     need their subject in the same clause. Coordinated entities ("Uzbekistan,
//     Kyrgyzstan, and Tajikistan", "China and Russia") all take part.
//  3. "between" cues ("economic relations between X and Y") link the
//     coordinated entities that follow the cue.
//  4. Pairs with no cue are reported only as neutral, and only when the
//     two mentions are joined only by "and", "with", "plus", "versus" or
//     "vs" (and an article), are not part of a list of three or more entities,
//     and are not both already linked by a cue in the sentence. A list
//     sentence thus adds no all-pairs noise.
//
// Each unordered pair appears at most once per sentence, with the first
// cue that linked it.
package relations

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/textutil"
)

const (
	// DefaultMaxLeft is how many words before a cue its subject may start.
	DefaultMaxLeft = 25
	// MaxRight is how many words after a cue its object may start.
	MaxRight = 8
)

type cue struct {
	stems   []string // "" for a wildcard of up to two words
	kind    string
	between bool
	maxLeft int
	verbal  bool
}

var cueIndex = map[string][]*cue{}

func init() {
	for _, cs := range cueSpecs {
		c := &cue{kind: cs.kind, between: cs.between, maxLeft: cs.maxLeft, verbal: cs.verbal}
		if c.maxLeft == 0 {
			c.maxLeft = DefaultMaxLeft
		}
		for _, w := range strings.Fields(cs.phrase) {
			if w == "*" {
				c.stems = append(c.stems, "")
				continue
			}
			for _, t := range textutil.Tokenize(w) {
				c.stems = append(c.stems, textutil.Stem(t.Lower))
			}
		}
		cueIndex[c.stems[0]] = append(cueIndex[c.stems[0]], c)
	}
}

// match returns the index just past the cue when it matches at i, or -1.
func (c *cue) match(stems []string, i int) int {
	j := i
	for k, s := range c.stems {
		if s == "" {
			// Wildcard: up to two words, then the next stem must match.
			next := c.stems[k+1]
			found := -1
			for skip := 0; skip <= 2 && j+skip < len(stems); skip++ {
				if stems[j+skip] == next {
					found = j + skip
					break
				}
			}
			if found < 0 {
				return -1
			}
			j = found
			continue
		}
		if j >= len(stems) || stems[j] != s {
			return -1
		}
		j++
	}
	return j
}

var negators = map[string]bool{
	"not": true, "no": true, "never": true, "cannot": true, "nor": true, "neither": true, "without": true,
}

var prepositions = map[string]bool{
	"for": true, "with": true, "to": true, "from": true, "in": true, "on": true, "by": true, "at": true,
	"into": true, "than": true, "about": true, "against": true, "between": true, "among": true, "of": true,
	"like": true, "towards": true, "toward": true, "under": true, "over": true, "via": true, "through": true,
	"amid": true, "beside": true, "near": true,
}

// heads are nouns after which "of X" stands for X itself ("the countries
// of Central Asia want ...").
var heads = map[string]bool{
	"countries": true, "country": true, "states": true, "state": true, "nations": true, "nation": true,
	"government": true, "governments": true, "people": true, "peoples": true, "leaders": true,
	"leader": true, "leadership": true, "president": true, "republics": true, "economies": true,
	"some": true, "many": true, "most": true, "all": true, "none": true, "each": true, "both": true,
	"rest": true, "members": true, "citizens": true, "authorities": true, "officials": true,
	"ministry": true, "parliament": true, "army": true, "forces": true, "companies": true, "firms": true,
}

var connectors = map[string]bool{"and": true, "with": true, "plus": true, "versus": true, "vs": true}

type slot struct {
	entity     string
	first, end int // token range [first, end)
}

// New returns the "relations" stage.
func New() pipeline.Stage { return stage{} }

type stage struct{}

func (stage) Name() string { return "relations" }

func (stage) Process(ctx context.Context, d *pipeline.Doc) error {
	d.Relations = d.Relations[:0]
	if lang := d.Document.Language; !pipeline.EnglishOrUnknown(lang) {
		d.Document.Notes = append(d.Document.Notes, fmt.Sprintf("relations: English only, skipped (language %s)", lang))
		return nil
	}
	types := map[string]string{}
	for _, e := range d.Entities {
		types[e.EntityID] = e.Type
	}
	bySent := map[string][]pipeline.Mention{}
	for _, m := range d.Mentions {
		bySent[m.SentID] = append(bySent[m.SentID], m)
	}
	text := d.Document.Text
	var toks []textutil.Token
	var stems []string
	for i, s := range d.Sentences {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		ms := bySent[s.SentID]
		if len(ms) < 2 || !distinct(ms) {
			continue
		}
		if s.Start >= 0 && s.End <= len(text) && s.Start <= s.End {
			toks = textutil.AppendTokens(toks[:0], text[s.Start:s.End], s.Start)
		} else {
			toks = textutil.AppendTokens(toks[:0], s.Text, s.Start)
		}
		stems = stems[:0]
		for _, t := range toks {
			stems = append(stems, textutil.Stem(t.Lower))
		}
		for _, r := range sentenceRelations(toks, stems, slots(ms, toks), types) {
			r.DocID, r.SentID = d.Document.DocID, s.SentID
			d.Relations = append(d.Relations, r)
		}
	}
	return nil
}

func distinct(ms []pipeline.Mention) bool {
	for _, m := range ms[1:] {
		if m.EntityID != ms[0].EntityID {
			return true
		}
	}
	return false
}

// slots maps mentions to token ranges, in text order.
func slots(ms []pipeline.Mention, toks []textutil.Token) []slot {
	ms = append([]pipeline.Mention(nil), ms...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	var out []slot
	k := 0
	for _, m := range ms {
		for k < len(toks) && toks[k].End <= m.Start {
			k++
		}
		first := k
		end := first
		for end < len(toks) && toks[end].Start < m.End {
			end++
		}
		if end == first {
			continue
		}
		if n := len(out); n > 0 && out[n-1].end > first {
			continue // overlapping mentions: keep the first
		}
		out = append(out, slot{entity: m.EntityID, first: first, end: end})
	}
	return out
}

// sentenceRelations applies the rules of the package doc to one sentence.
func sentenceRelations(toks []textutil.Token, stems []string, sl []slot, types map[string]string) []pipeline.Relation {
	var out []pipeline.Relation
	seen := map[[2]string]bool{}
	add := func(a, b slot, cueText, kind string) {
		if a.entity == b.entity {
			return
		}
		key := [2]string{a.entity, b.entity}
		if key[0] > key[1] {
			key[0], key[1] = key[1], key[0]
		}
		if seen[key] {
			return
		}
		seen[key] = true
		out = append(out, pipeline.Relation{Subject: a.entity, Object: b.entity, Cue: cueText, Kind: kind})
	}
	inSlot := make([]bool, len(toks))
	for _, s := range sl {
		for k := s.first; k < s.end; k++ {
			inSlot[k] = true
		}
	}
	for i := 0; i < len(stems); i++ {
		if inSlot[i] {
			continue
		}
		var best *cue
		bestEnd := -1
		for _, c := range cueIndex[stems[i]] {
			if e := c.match(stems, i); e > bestEnd {
				best, bestEnd = c, e
			}
		}
		if best == nil {
			continue
		}
		cueText := cueString(toks, i, bestEnd)
		if negated(toks, i) {
			i = bestEnd - 1
			continue
		}
		if best.between {
			objs := rightChain(toks, sl, bestEnd, 4)
			for k := 1; k < len(objs); k++ {
				add(objs[0], objs[k], cueText, best.kind)
			}
		} else {
			subj := leftChain(toks, sl, i, best.maxLeft)
			objs := rightChain(toks, sl, bestEnd, MaxRight)
			for _, a := range subj {
				for _, b := range objs {
					kind := best.kind
					if best.verbal && !(isPlace(types[a.entity]) && isPlace(types[b.entity])) {
						kind = pipeline.RelRivalry
					}
					add(a, b, cueText, kind)
				}
			}
		}
		i = bestEnd - 1
	}
	// Rule 4: neutral links between adjacent, joined mentions that a cue
	// did not already link (co-arguments of a cue are not paired).
	cued := map[string]bool{}
	for _, r := range out {
		cued[r.Subject], cued[r.Object] = true, true
	}
	for k := 0; k+1 < len(sl); k++ {
		a, b := sl[k], sl[k+1]
		if b.first-a.end > 2 || !joined(toks, a.end, b.first) || cued[a.entity] && cued[b.entity] {
			continue
		}
		if chainLen(toks, sl, k) >= 3 {
			continue
		}
		add(a, b, cueString(toks, a.end, b.first), pipeline.RelNeutral)
	}
	return out
}

func cueString(toks []textutil.Token, i, j int) string {
	parts := make([]string, 0, j-i)
	for k := i; k < j; k++ {
		parts = append(parts, toks[k].Text)
	}
	return strings.Join(parts, " ")
}

func negated(toks []textutil.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		l := toks[k].Lower
		if negators[l] || strings.HasSuffix(l, "n't") {
			return true
		}
	}
	return false
}

// governed reports whether the slot is the object of a preposition
// ("partner for Japan"), not counting head-noun constructions ("the
// countries of Central Asia").
func governed(toks []textutil.Token, s slot) bool {
	k := s.first - 1
	for k >= 0 && isArticle(toks[k].Lower) && toks[k+1].Punct == "" {
		k--
	}
	if k < 0 || stripQuotes(toks[k+1].Punct) != "" {
		return false
	}
	p := toks[k].Lower
	if !prepositions[p] {
		return false
	}
	return !(p == "of" && k > 0 && heads[toks[k-1].Lower])
}

func isArticle(w string) bool { return w == "the" || w == "a" || w == "an" }

func stripQuotes(p string) string {
	return strings.Trim(p, "\"'“”‘’«»")
}

// leftChain returns the subject of a cue at token i and its coordinated
// entities.
func leftChain(toks []textutil.Token, sl []slot, i, maxLeft int) []slot {
	var cands []int
	for k := len(sl) - 1; k >= 0; k-- {
		if sl[k].end > i {
			continue
		}
		if i-sl[k].end > maxLeft || maxLeft < DefaultMaxLeft && punctBetween(toks, sl[k].end, i) {
			break
		}
		cands = append(cands, k)
	}
	if len(cands) == 0 {
		return nil
	}
	pick := cands[0]
	for _, k := range cands {
		if !governed(toks, sl[k]) {
			pick = k
			break
		}
	}
	lo, hi := chain(toks, sl, pick, pick, true, false)
	if hi != pick {
		return sl[pick : pick+1]
	}
	return sl[lo : pick+1]
}

// rightChain returns the first entity at most maxRight words after token j
// and the entities coordinated with it.
func rightChain(toks []textutil.Token, sl []slot, j, maxRight int) []slot {
	for k := range sl {
		if sl[k].first < j {
			continue
		}
		if sl[k].first-j > maxRight || punctBetween(toks, j, sl[k].first) {
			return nil
		}
		_, hi := chain(toks, sl, k, k, false, true)
		return sl[k : hi+1]
	}
	return nil
}

// coordinated reports whether two consecutive slots are joined only by
// commas, "and", "or", "as well as" and articles, and whether the link
// holds a conjunction ("and", "or") rather than a bare comma.
func link(toks []textutil.Token, a, b slot) (ok, conj bool) {
	if b.first < a.end || b.first-a.end > 4 {
		return false, false
	}
	comma := false
	for k := a.end; k <= b.first && k < len(toks); k++ {
		switch p := stripQuotes(toks[k].Punct); p {
		case "":
		case ",":
			comma = true
		default:
			return false, false
		}
		if k == b.first {
			break
		}
		switch toks[k].Lower {
		case "and", "or":
			conj = true
		case "the", "as", "well":
		default:
			return false, false
		}
	}
	return comma || conj, conj
}

// coordinated reports whether two consecutive slots are joined as items of
// one list.
func coordinated(toks []textutil.Token, a, b slot) bool {
	ok, _ := link(toks, a, b)
	return ok
}

// chain returns the list [lo, hi] around slots lo..hi grown left from lo
// and right from hi, trimmed so that its last link holds a conjunction: "X,
// Y and Z" is a list, "X, the Y" (an apposition) is not.
func chain(toks []textutil.Token, sl []slot, lo, hi int, growLeft, growRight bool) (int, int) {
	for growLeft && lo > 0 && coordinated(toks, sl[lo-1], sl[lo]) {
		lo--
	}
	for growRight && hi+1 < len(sl) && coordinated(toks, sl[hi], sl[hi+1]) {
		hi++
	}
	for hi > lo {
		if _, conj := link(toks, sl[hi-1], sl[hi]); conj {
			break
		}
		hi--
	}
	return lo, hi
}

// isPlace reports whether an entity type is a place (an unknown type
// counts as one).
func isPlace(typ string) bool {
	switch typ {
	case pipeline.TypeCountry, pipeline.TypeRegion, pipeline.TypeCity, "":
		return true
	}
	return false
}

// punctBetween reports whether punctuation other than quotes separates
// token from-1 and token to (inclusive of the gap before to).
func punctBetween(toks []textutil.Token, from, to int) bool {
	for k := from; k <= to && k < len(toks); k++ {
		if k > 0 && stripQuotes(toks[k].Punct) != "" {
			return true
		}
	}
	return false
}

// joined reports whether the words between two slots are a connector
// with at most an article ("and", "and the", "with"), without
// punctuation.
func joined(toks []textutil.Token, from, to int) bool {
	found := false
	for k := from; k <= to && k < len(toks); k++ {
		if stripQuotes(toks[k].Punct) != "" {
			return false
		}
		if k == to {
			break
		}
		switch l := toks[k].Lower; {
		case connectors[l]:
			found = true
		case isArticle(l):
		default:
			return false
		}
	}
	return found
}

// chainLen is the length of the list through slots k and k+1.
func chainLen(toks []textutil.Token, sl []slot, k int) int {
	lo, hi := chain(toks, sl, k, k+1, true, true)
	if hi < k+1 {
		return 1
	}
	return hi - lo + 1
}
