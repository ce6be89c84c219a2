// Package tone scores the tone of each sentence in [-1, 1] with a
// VADER-like method: a hand-curated valence lexicon (lexicon.txt) with
// negation, intensifiers, diminishers and the contrastive "but", and sets
// each document's tone from its sentences.
package tone

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/textutil"
)

//go:embed lexicon.txt
var lexiconTxt []byte

// VADER's constants (Hutto & Gilbert 2014).
const (
	boost    = 0.293 // added to |valence| by an intensifier
	negScale = -0.74 // multiplies the valence of a negated word
	alpha    = 15.0  // normalization: s / sqrt(s² + alpha)
	// Neutral is the |tone| below which a sentence counts as neutral.
	Neutral = 0.05
	// NegationScope is how many words before a sentiment word a negator
	// reaches; articles (a, an, the) are not counted, and another
	// sentiment word in between stops it.
	NegationScope = 3
)

var lexicon = map[string]float64{}

func init() {
	sc := bufio.NewScanner(bytes.NewReader(lexiconTxt))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		w, v, ok := strings.Cut(line, "\t")
		f, err := strconv.ParseFloat(v, 64)
		if !ok || err != nil {
			panic(fmt.Sprintf("tone: lexicon.txt:%d: bad line %q", n, line))
		}
		lexicon[w] = f
	}
}

// LexiconSize is the number of entries in the lexicon.
func LexiconSize() int { return len(lexicon) }

var intensifiers = map[string]float64{
	"very": boost, "highly": boost, "extremely": boost, "dramatically": boost, "considerably": boost,
	"significantly": boost, "greatly": boost, "deeply": boost, "strongly": boost, "really": boost,
	"especially": boost, "exceptionally": boost, "hugely": boost, "immensely": boost, "incredibly": boost,
	"most": boost, "particularly": boost, "remarkably": boost, "seriously": boost, "severely": boost,
	"sharply": boost, "so": boost, "substantially": boost, "totally": boost, "tremendously": boost,
	"utterly": boost, "vastly": boost, "increasingly": boost, "absolutely": boost, "entirely": boost,
	"slightly": -boost, "somewhat": -boost, "marginally": -boost, "partly": -boost, "relatively": -boost,
	"fairly": -boost, "mildly": -boost, "modestly": -boost, "little": -boost, "barely": -boost,
	"hardly": -boost, "scarcely": -boost, "less": -boost,
}

// postIntensifiers may follow the word they modify ("improved dramatically").
var postIntensifiers = map[string]bool{
	"dramatically": true, "considerably": true, "significantly": true, "greatly": true, "sharply": true,
	"substantially": true, "strongly": true, "remarkably": true, "hugely": true, "immensely": true,
	"slightly": true, "somewhat": true, "marginally": true, "modestly": true,
}

var negators = map[string]bool{
	"not": true, "no": true, "never": true, "cannot": true, "nor": true, "neither": true, "without": true,
	"none": true, "nobody": true, "nothing": true, "nowhere": true, "rarely": true, "seldom": true,
	"hardly": true, "barely": true, "scarcely": true,
}

// neutralAfter lists words after which a lexicon word is not sentiment
// ("great powers" is a category, not praise).
var neutralAfter = map[string]map[string]bool{
	"great": {"power": true, "powers": true, "britain": true, "lakes": true, "wall": true, "war": true, "depression": true},
	"free":  {"kick": true, "kicks": true, "agent": true},
	"fine":  {"print": true},
}

func isNegator(lower string) bool {
	return negators[lower] || strings.HasSuffix(lower, "n't")
}

// Valence returns the lexicon valence of a lower-case word, trying the
// base form for -s, -es, -ed, -d, -ing and -ly when the word is not listed.
func Valence(w string) float64 {
	if v, ok := lexicon[w]; ok {
		return v
	}
	n := len(w)
	var buf [3]string
	cands := buf[:0]
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		cands = append(cands, w[:n-3]+"y")
	case strings.HasSuffix(w, "es") && n > 3:
		cands = append(cands, w[:n-2], w[:n-1])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && n > 3:
		cands = append(cands, w[:n-1])
	case strings.HasSuffix(w, "ied") && n > 4:
		cands = append(cands, w[:n-3]+"y")
	case strings.HasSuffix(w, "ed") && n > 4:
		cands = append(cands, w[:n-2], w[:n-1])
		if w[n-3] == w[n-4] {
			cands = append(cands, w[:n-3])
		}
	case strings.HasSuffix(w, "ing") && n > 5:
		cands = append(cands, w[:n-3], w[:n-3]+"e")
		if w[n-4] == w[n-5] {
			cands = append(cands, w[:n-4])
		}
	case strings.HasSuffix(w, "ly") && n > 4:
		cands = append(cands, w[:n-2])
	}
	for _, c := range cands {
		if v, ok := lexicon[c]; ok {
			return v
		}
	}
	return 0
}

// Score returns the tone of a sentence in [-1, 1].
func Score(sentence string) float64 {
	return score(textutil.Tokenize(sentence))
}

func score(toks []textutil.Token) float64 {
	return scoreBuf(toks, nil)
}

// scoreBuf is score with a reusable buffer for the words' valences.
func scoreBuf(toks []textutil.Token, vals []float64) float64 {
	sum := 0.0
	butAt := -1
	vals = vals[:0]
	for i, t := range toks {
		if t.Lower == "but" {
			butAt = i
		}
		vals = append(vals, Valence(t.Lower))
	}
	for i, t := range toks {
		v := vals[i]
		if v == 0 {
			continue
		}
		if i+1 < len(toks) && neutralAfter[t.Lower][toks[i+1].Lower] {
			continue
		}
		// Intensifiers and diminishers before the word (VADER: full, 0.95, 0.9).
		for k, scale := 1, 1.0; k <= 3 && i-k >= 0; k++ {
			if b, ok := intensifiers[toks[i-k].Lower]; ok {
				v += sign(v) * b * scale
			}
			scale -= 0.05
		}
		// Intensifiers right after the word ("improved dramatically").
		if i+1 < len(toks) && postIntensifiers[toks[i+1].Lower] {
			v += sign(v) * intensifiers[toks[i+1].Lower]
		}
		// Negation within the scope, articles not counted. A sentiment
		// word in between takes the negation ("cannot support the war":
		// only "support" is negated).
		for k, seen := i-1, 0; k >= 0 && seen < NegationScope; k-- {
			l := toks[k].Lower
			if l == "a" || l == "an" || l == "the" {
				continue
			}
			seen++
			if isNegator(l) {
				v *= negScale
				break
			}
			if vals[k] != 0 {
				break
			}
		}
		if butAt >= 0 {
			if i < butAt {
				v *= 0.5
			} else {
				v *= 1.5
			}
		}
		sum += v
	}
	if sum == 0 {
		return 0
	}
	return math.Round(sum/math.Sqrt(sum*sum+alpha)*1000) / 1000
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// New returns the "tone" stage. It sets Sentence.Tone for every sentence
// and Document.Tone to the mean tone of the non-neutral sentences
// (|tone| >= Neutral), 0 when every sentence is neutral: neutral
// sentences (most of a news article) would otherwise pull every document
// towards 0 and hide the difference between a calm and an alarmed text.
func New() pipeline.Stage { return stage{} }

type stage struct{}

func (stage) Name() string { return "tone" }

func (stage) Process(ctx context.Context, d *pipeline.Doc) error {
	if lang := d.Document.Language; !pipeline.EnglishOrUnknown(lang) {
		d.Document.Notes = append(d.Document.Notes, fmt.Sprintf("tone: English only, skipped (language %s)", lang))
		return nil
	}
	var toks []textutil.Token
	var vals []float64
	sum, n := 0.0, 0
	for i := range d.Sentences {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		toks = textutil.AppendTokens(toks[:0], d.Sentences[i].Text, 0)
		if cap(vals) < len(toks) {
			vals = make([]float64, 0, 2*len(toks))
		}
		t := scoreBuf(toks, vals)
		d.Sentences[i].Tone = t
		if math.Abs(t) >= Neutral {
			sum += t
			n++
		}
	}
	d.Document.Tone = 0
	if n > 0 {
		d.Document.Tone = math.Round(sum/float64(n)*1000) / 1000
	}
	return nil
}
