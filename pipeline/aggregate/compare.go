package aggregate

import (
	"container/heap"
	"context"
	"math"
	"sort"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/textutil"
)

const (
	// FullMatrixMax is the largest run for which DocCompare.Sim holds the
	// whole similarity matrix; larger runs keep only Pairs.
	FullMatrixMax = 200
	// MaxPairs caps DocCompare.Pairs.
	MaxPairs = 1000
	// PairMinSimilarity is the similarity from which a pair is listed even
	// without shared entities.
	PairMinSimilarity = 0.2
	// NearDuplicate is the similarity from which a pair is flagged as a
	// near-duplicate.
	NearDuplicate = 0.9
)

type term struct {
	id int32
	w  float32
}

// compare builds the document comparison. Each document is a TF-IDF
// vector over its words (Porter2 stems for English, lower-cased words
// otherwise; stopwords, numbers and one-letter words left out): weight
// (1 + ln tf) · (ln((1+N)/(1+df)) + 1), L2-normalized. Cosine similarities
// are computed sparsely through an inverted index, one document at a time
// against the later ones, so memory is O(total terms + N) and the run
// never holds an N × N matrix unless N <= FullMatrixMax. Pairs lists
// pairs with similarity >= PairMinSimilarity or at least one shared
// entity, most similar first (ties in input order), at most MaxPairs.
func compare(ctx context.Context, docs []*pipeline.Doc) (pipeline.DocComparison, error) {
	n := len(docs)
	dc := pipeline.DocComparison{DocIDs: make([]string, n), Titles: make([]string, n), Pairs: []pipeline.DocPair{}}
	for i, d := range docs {
		dc.DocIDs[i] = d.Document.DocID
		dc.Titles[i] = d.Document.Title
	}
	vocab := map[string]int32{}
	var df []int32
	vecs := make([][]term, n)
	var toks []textutil.Token
	var ids []int32
	for i, d := range docs {
		if i%32 == 0 {
			if err := ctx.Err(); err != nil {
				return dc, err
			}
		}
		english := pipeline.EnglishOrUnknown(d.Document.Language)
		toks = textutil.AppendTokens(toks[:0], d.Document.Text, 0)
		ids = ids[:0]
		for _, t := range toks {
			w := t.Lower
			if len(w) < 2 || textutil.IsStopword(w) || isNumber(w) {
				continue
			}
			if english {
				w = textutil.Stem(w)
			}
			id, ok := vocab[w]
			if !ok {
				id = int32(len(vocab))
				vocab[w] = id
				df = append(df, 0)
			}
			ids = append(ids, id)
		}
		sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
		var v []term
		for a := 0; a < len(ids); {
			b := a
			for b < len(ids) && ids[b] == ids[a] {
				b++
			}
			df[ids[a]]++
			v = append(v, term{ids[a], float32(1 + math.Log(float64(b-a)))})
			a = b
		}
		vecs[i] = v
	}
	postings := make([][]term, len(df)) // term -> (doc, weight)
	for i, v := range vecs {
		norm := 0.0
		for k := range v {
			w := float64(v[k].w) * (math.Log(float64(1+n)/float64(1+df[v[k].id])) + 1)
			v[k].w = float32(w)
			norm += w * w
		}
		norm = math.Sqrt(norm)
		for k := range v {
			v[k].w = float32(float64(v[k].w) / norm)
			postings[v[k].id] = append(postings[v[k].id], term{int32(i), v[k].w})
		}
	}
	ents := make([][]string, n)
	themes := make([][]string, n)
	for i, d := range docs {
		for _, e := range d.Entities {
			ents[i] = append(ents[i], e.EntityID)
		}
		sort.Strings(ents[i])
		ents[i] = dedupStrings(ents[i])
		for _, t := range d.Themes {
			themes[i] = append(themes[i], t.Theme)
		}
		sort.Strings(themes[i])
		themes[i] = dedupStrings(themes[i])
	}
	if n <= FullMatrixMax {
		dc.Sim = make([][]float64, n)
		for i := range dc.Sim {
			dc.Sim[i] = make([]float64, n)
			if len(vecs[i]) > 0 {
				dc.Sim[i][i] = 1
			}
		}
	}
	acc := make([]float32, n)
	var touched []int32
	h := &pairHeap{}
	for i := 0; i < n; i++ {
		if i%32 == 0 {
			if err := ctx.Err(); err != nil {
				return dc, err
			}
		}
		for _, t := range vecs[i] {
			for _, p := range postings[t.id] {
				if int(p.id) <= i {
					continue
				}
				if acc[p.id] == 0 {
					touched = append(touched, p.id)
				}
				acc[p.id] += t.w * p.w
			}
		}
		// Pairs that share an entity but no word still qualify.
		consider := func(j int, sim float64) {
			if dc.Sim != nil {
				dc.Sim[i][j], dc.Sim[j][i] = sim, sim
			}
			cand := pairCand{i: i, j: j, sim: sim}
			if h.Len() == MaxPairs && !better(cand, (*h)[0]) {
				return
			}
			if sim < PairMinSimilarity && !intersects(ents[i], ents[j]) {
				return
			}
			heap.Push(h, cand)
			if h.Len() > MaxPairs {
				heap.Pop(h)
			}
		}
		for _, j := range touched {
			consider(int(j), round3(math.Min(1, float64(acc[j]))))
		}
		// Documents with no shared word may still share an entity.
		if len(ents[i]) > 0 && (h.Len() < MaxPairs) {
			for j := i + 1; j < n; j++ {
				if acc[j] == 0 {
					consider(j, 0)
				}
			}
		}
		for _, j := range touched {
			acc[j] = 0
		}
		touched = touched[:0]
	}
	cands := []pairCand(*h)
	sort.Slice(cands, func(a, b int) bool { return better(cands[a], cands[b]) })
	for _, c := range cands {
		dc.Pairs = append(dc.Pairs, pipeline.DocPair{
			A: dc.DocIDs[c.i], B: dc.DocIDs[c.j], Similarity: c.sim,
			SharedEntities: intersection(ents[c.i], ents[c.j]),
			SharedThemes:   intersection(themes[c.i], themes[c.j]),
			NearDuplicate:  c.sim >= NearDuplicate,
		})
	}
	return dc, nil
}

type pairCand struct {
	i, j int
	sim  float64
}

// better orders pairs: more similar first, then input order.
func better(a, b pairCand) bool {
	if a.sim != b.sim {
		return a.sim > b.sim
	}
	if a.i != b.i {
		return a.i < b.i
	}
	return a.j < b.j
}

// pairHeap is a min-heap with the worst kept pair on top.
type pairHeap []pairCand

func (h pairHeap) Len() int           { return len(h) }
func (h pairHeap) Less(a, b int) bool { return better(h[b], h[a]) }
func (h pairHeap) Swap(a, b int)      { h[a], h[b] = h[b], h[a] }
func (h *pairHeap) Push(x any)        { *h = append(*h, x.(pairCand)) }
func (h *pairHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

func dedupStrings(xs []string) []string {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func intersects(a, b []string) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

func intersection(a, b []string) []string {
	out := []string{}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			out = append(out, a[i])
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return out
}
