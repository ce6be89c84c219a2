// Package keypoints picks the key sentences of a document, an extractive
// "bottom line up front": TextRank over TF-IDF sentence vectors of Porter2
// stems, combined with a position prior, without near-duplicates.
package keypoints

import (
	"context"
	"math"
	"sort"
	"strings"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/textutil"
)

const (
	// MaxSentences caps the sentences ranked per document (the graph is
	// quadratic); later sentences are not candidates.
	MaxSentences = 300
	// MinWords is the fewest words a candidate sentence needs.
	MinWords = 5
	// Duplicate is the cosine similarity above which a candidate is
	// skipped as a near-duplicate of a sentence already picked.
	Duplicate = 0.5
	damping   = 0.85
	// weights of the final score
	wRank     = 0.6
	wPosition = 0.4
)

// Count returns how many key points a document with n candidate sentences
// gets: all of them up to 2, then 2, 3, 4 and at most 5.
func Count(n int) int {
	switch {
	case n <= 2:
		return n
	case n <= 6:
		return 2
	case n <= 15:
		return 3
	case n <= 30:
		return 4
	}
	return 5
}

// New returns the "keypoints" stage. It sets Sentence.KeyRank (1 = the
// highest score), Doc.KeyPoints (sent IDs in document order) and
// Document.Summary (the key sentences joined by a space, in document
// order).
//
// Candidates are the sentences of body, editor_note, quote and list_item
// paragraphs (not headings) with at least MinWords words that are not
// questions, among the first MaxSentences. Score = 0.6·TextRank/max +
// 0.4·position, where position is exp(-k/6) for the k-th body sentence
// (the lede scores 1) and 1 for editor's notes; sentences of more than 50
// words lose 15%, sentences that open with an anaphoric word ("This",
// "It", "They", ...) 20%, ceremonial sentences ("thank", "congratulate",
// "assure", ...) 40%. The first sentence of the first editor's note is always
// picked: an "Update: ..." note is the news that changed the story (as in
// the seed article), even when it shares few words with the rest. Candidates are taken
// by score, skipping any whose cosine with a picked one is >= Duplicate.
// For non-English documents words are compared without stemming.
func New() pipeline.Stage { return stage{} }

type stage struct{}

func (stage) Name() string { return "keypoints" }

type cand struct {
	sent    int
	vec     []entry
	words   int
	prior   float64
	penalty float64 // multiplies the score
	score   float64
}

// anaphoric openers make a sentence depend on the one before it.
var anaphoric = map[string]bool{
	"this": true, "that": true, "these": true, "those": true, "it": true, "he": true, "she": true,
	"they": true, "such": true, "his": true, "her": true, "their": true, "its": true,
}

// courtesy words mark ceremonial sentences of speeches ("I thank ...").
var courtesy = map[string]bool{
	"thank": true, "thanks": true, "congratulate": true, "congratulations": true, "gratitude": true,
	"assure": true, "honour": true, "honor": true, "privilege": true, "excellency": true,
}

type entry struct {
	id int
	w  float64
}

func (stage) Process(ctx context.Context, d *pipeline.Doc) error {
	d.KeyPoints = nil
	d.Document.Summary = ""
	for i := range d.Sentences {
		d.Sentences[i].KeyRank = 0
	}
	english := pipeline.EnglishOrUnknown(d.Document.Language)
	kinds := map[int]string{}
	for _, p := range d.Paragraphs {
		kinds[p.ParaNo] = p.Kind
	}
	vocab := map[string]int{}
	var df []int
	var cands []cand
	var toks []textutil.Token
	var ids []int
	bodyPos := 0
	for i := range d.Sentences {
		if len(cands) >= MaxSentences {
			break
		}
		s := &d.Sentences[i]
		kind := kinds[s.ParaNo]
		if kind == pipeline.ParaHeading {
			continue
		}
		txt := strings.TrimSpace(s.Text)
		toks = textutil.AppendTokens(toks[:0], txt, 0)
		var prior float64
		switch kind {
		case pipeline.ParaEditorNote:
			prior = 1
		default:
			prior = math.Exp(-float64(bodyPos) / 6)
			bodyPos++
		}
		if len(toks) < MinWords || strings.HasSuffix(strings.TrimRight(txt, "\"'”’) "), "?") {
			continue
		}
		ids = ids[:0]
		for _, t := range toks {
			if textutil.IsStopword(t.Lower) || len(t.Lower) < 2 {
				continue
			}
			w := t.Lower
			if english {
				w = textutil.Stem(w)
			}
			id, ok := vocab[w]
			if !ok {
				id = len(vocab)
				vocab[w] = id
				df = append(df, 0)
			}
			ids = append(ids, id)
		}
		sort.Ints(ids)
		c := cand{sent: i, words: len(toks), prior: prior, penalty: 1}
		if anaphoric[toks[0].Lower] {
			c.penalty *= 0.8
		}
		for _, t := range toks {
			if courtesy[t.Lower] {
				c.penalty *= 0.6
				break
			}
		}
		for a := 0; a < len(ids); {
			b := a
			for b < len(ids) && ids[b] == ids[a] {
				b++
			}
			df[ids[a]]++
			c.vec = append(c.vec, entry{ids[a], 1 + math.Log(float64(b-a))})
			a = b
		}
		cands = append(cands, c)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	n := len(cands)
	if n == 0 {
		return nil
	}
	for k := range cands {
		norm := 0.0
		for j, e := range cands[k].vec {
			w := e.w * math.Log(1+float64(n)/float64(df[e.id]))
			cands[k].vec[j].w = w
			norm += w * w
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for j := range cands[k].vec {
				cands[k].vec[j].w /= norm
			}
		}
	}
	sim := make([][]float64, n)
	for a := range sim {
		sim[a] = make([]float64, n)
	}
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			s := cosine(cands[a].vec, cands[b].vec)
			sim[a][b], sim[b][a] = s, s
		}
	}
	rank := textRank(sim)
	maxR := 0.0
	for _, r := range rank {
		maxR = math.Max(maxR, r)
	}
	for k := range cands {
		r := 0.0
		if maxR > 0 {
			r = rank[k] / maxR
		}
		sc := (wRank*r + wPosition*cands[k].prior) * cands[k].penalty
		if cands[k].words > 50 {
			sc *= 0.85
		}
		cands[k].score = sc
	}
	order := make([]int, n)
	for k := range order {
		order[k] = k
	}
	sort.SliceStable(order, func(a, b int) bool { return cands[order[a]].score > cands[order[b]].score })
	want := Count(n)
	var picked []int
	for k := range cands {
		if kinds[d.Sentences[cands[k].sent].ParaNo] == pipeline.ParaEditorNote && want > 0 {
			picked = append(picked, k)
			break
		}
	}
	for _, k := range order {
		if len(picked) > 0 && k == picked[0] {
			continue
		}
		if len(picked) == want {
			break
		}
		dup := false
		for _, p := range picked {
			if sim[k][p] >= Duplicate {
				dup = true
				break
			}
		}
		if !dup {
			picked = append(picked, k)
		}
	}
	sort.SliceStable(picked, func(a, b int) bool { return cands[picked[a]].score > cands[picked[b]].score })
	for r, k := range picked {
		d.Sentences[cands[k].sent].KeyRank = r + 1
	}
	sort.Ints(picked)
	texts := make([]string, 0, len(picked))
	for _, k := range picked {
		s := d.Sentences[cands[k].sent]
		d.KeyPoints = append(d.KeyPoints, s.SentID)
		texts = append(texts, strings.TrimSpace(s.Text))
	}
	d.Document.Summary = strings.Join(texts, " ")
	return nil
}

func cosine(a, b []entry) float64 {
	s := 0.0
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id == b[j].id:
			s += a[i].w * b[j].w
			i++
			j++
		case a[i].id < b[j].id:
			i++
		default:
			j++
		}
	}
	return s
}

// textRank runs weighted PageRank over a symmetric similarity matrix.
func textRank(sim [][]float64) []float64 {
	n := len(sim)
	out := make([]float64, n)
	for i := range sim {
		for _, v := range sim[i] {
			out[i] += v
		}
	}
	r := make([]float64, n)
	next := make([]float64, n)
	for i := range r {
		r[i] = 1
	}
	scaled := make([]float64, n)
	for iter := 0; iter < 50; iter++ {
		for j := range r {
			if out[j] > 0 {
				scaled[j] = r[j] / out[j]
			} else {
				scaled[j] = 0
			}
		}
		delta := 0.0
		for i := 0; i < n; i++ {
			s := 0.0
			row := sim[i] // symmetric: sim[j][i] == sim[i][j]
			for j, v := range row {
				s += v * scaled[j]
			}
			next[i] = 1 - damping + damping*s
			delta += math.Abs(next[i] - r[i])
		}
		r, next = next, r
		if delta < 1e-5*float64(n) {
			break
		}
	}
	return r
}
