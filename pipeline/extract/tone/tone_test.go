package tone

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/textutil/texttest"
)

func TestScoreRules(t *testing.T) {
	cases := []struct {
		name string
		text string
		sign int // -1, 0, +1
	}{
		{"plain positive", "The talks were a success.", 1},
		{"plain negative", "The region faces a threat.", -1},
		{"neutral", "The summit will be held in Astana this month.", 0},
		{"negated positive", "The talks were not a success.", -1},
		{"negated negative", "It does not pose an immediate threat.", 1},
		{"n't negation", "The deal wasn't good.", -1},
		{"cannot", "They cannot support the war.", -1},
		{"never", "Relations were never stable.", -1},
		{"negation out of scope", "No one doubts that, after many long years, relations are stable.", 1},
		{"domain: crisis", "The crisis deepened amid turmoil.", -1},
		{"domain: cooperation", "They welcome closer cooperation.", 1},
		{"inflection fallback", "Officials welcomed the improved ties.", 1},
		{"goods is not good", "Exports of goods rose.", 0},
		{"great powers are not praise", "The great powers met.", 0},
	}
	for _, c := range cases {
		got := Score(c.text)
		if s := signOf(got); s != c.sign {
			t.Errorf("%s: Score(%q) = %v, want sign %d", c.name, c.text, got, c.sign)
		}
		if got < -1 || got > 1 {
			t.Errorf("%s: score %v out of range", c.name, got)
		}
	}
}

func signOf(x float64) int {
	switch {
	case x >= Neutral:
		return 1
	case x <= -Neutral:
		return -1
	}
	return 0
}

func TestIntensifiers(t *testing.T) {
	pairs := []struct{ stronger, weaker string }{
		{"Relations improved dramatically.", "Relations improved."},
		{"Relations are very good.", "Relations are good."},
		{"Relations are good.", "Relations are slightly good."},
		{"Relations are good.", "Relations are somewhat good."},
		{"It is an extremely serious threat.", "It is a threat."},
	}
	for _, p := range pairs {
		a, b := math.Abs(Score(p.stronger)), math.Abs(Score(p.weaker))
		if a <= b {
			t.Errorf("|%q| = %v should exceed |%q| = %v", p.stronger, a, p.weaker, b)
		}
	}
	// "but" shifts the weight to the second clause.
	if s := Score("The plan is good, but the outcome was a disaster."); s >= 0 {
		t.Errorf("but-clause should dominate: %v", s)
	}
}

func TestSeedTone(t *testing.T) {
	d := texttest.Seed(t)
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	find := func(sub string) *pipeline.Sentence {
		for i := range d.Sentences {
			if strings.Contains(d.Sentences[i].Text, sub) {
				return &d.Sentences[i]
			}
		}
		t.Fatalf("no sentence contains %q", sub)
		return nil
	}
	cases := []struct {
		sub  string
		sign int
	}{
		{"faces a potential threat from Russia", -1},
		{"does not pose an immediate threat", -1}, // turmoil, War on Terror, concern outweigh
		{"improved dramatically", 1},
		{"welcome the opportunity to deepen cooperation", 1},
		{"canceled his planned travel", -1},
		{"undermined by the great powers", -1},
		{"will be held in Astana", 0},
	}
	for _, c := range cases {
		if s := find(c.sub); signOf(s.Tone) != c.sign {
			t.Errorf("sentence %q: tone %v, want sign %d", c.sub, s.Tone, c.sign)
		}
	}
	// Document tone: mean of the non-neutral sentences.
	sum, n := 0.0, 0
	for _, s := range d.Sentences {
		if math.Abs(s.Tone) >= Neutral {
			sum += s.Tone
			n++
		}
	}
	if want := math.Round(sum/float64(n)*1000) / 1000; d.Document.Tone != want {
		t.Errorf("document tone %v, want %v", d.Document.Tone, want)
	}
}

func TestNonEnglishAndEmpty(t *testing.T) {
	d := texttest.Doc("x", "", "Это кризис.")
	d.Document.Language = "ru"
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Document.Notes) != 1 || !strings.Contains(d.Document.Notes[0], "tone: English only") {
		t.Errorf("notes = %v", d.Document.Notes)
	}
	e := &pipeline.Doc{}
	if err := New().Process(context.Background(), e); err != nil || e.Document.Tone != 0 {
		t.Errorf("empty doc: tone %v err %v", e.Document.Tone, err)
	}
}

func TestLexicon(t *testing.T) {
	if n := LexiconSize(); n < 300 {
		t.Errorf("lexicon has %d words", n)
	}
	for _, w := range []string{"threat", "war", "turmoil", "concern", "crisis", "cooperation", "support", "welcome", "stable", "improved"} {
		if Valence(w) == 0 {
			t.Errorf("domain word %q missing from the lexicon", w)
		}
	}
}

func FuzzScore(f *testing.F) {
	for _, s := range []string{"not not not good", "but but but", "very", "n't", "great powers", "improved dramatically dramatically", "ééé bad"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := Score(s)
		if v < -1 || v > 1 || math.IsNaN(v) {
			t.Fatalf("Score(%q) = %v", s, v)
		}
	})
}

func BenchmarkTone(b *testing.B) {
	d := texttest.Seed(b)
	st := New()
	b.SetBytes(int64(len(d.Document.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if err := st.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}
