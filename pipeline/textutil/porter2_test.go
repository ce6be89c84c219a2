package textutil

import (
	"strings"
	"testing"
)

// Expected stems from the Snowball English reference vocabulary
// (snowballstem.org, voc.txt / output.txt), checked by hand.
func TestStem(t *testing.T) {
	cases := map[string]string{
		"consign": "consign", "consigned": "consign", "consigning": "consign", "consignment": "consign",
		"consist": "consist", "consisted": "consist", "consistency": "consist", "consistent": "consist",
		"consistently": "consist", "consisting": "consist", "consists": "consist",
		"consolation": "consol", "consolations": "consol", "consolatory": "consolatori",
		"console": "consol", "consoled": "consol", "consoles": "consol", "consolidate": "consolid",
		"consolidated": "consolid", "consolidating": "consolid", "consoling": "consol",
		"knack": "knack", "knackeries": "knackeri", "knacks": "knack", "knag": "knag",
		"knave": "knave", "knaves": "knave", "knavish": "knavish", "kneaded": "knead",
		"kneading": "knead", "knee": "knee", "kneel": "kneel", "kneeled": "kneel",
		"kneeling": "kneel", "kneels": "kneel", "knees": "knee", "knell": "knell",
		"knelt": "knelt", "knew": "knew", "knick": "knick", "knif": "knif", "knife": "knife",
		"knight": "knight", "knightly": "knight", "knights": "knight", "knit": "knit",
		"knits": "knit", "knitted": "knit", "knitting": "knit", "knives": "knive",
		"generously": "generous", "generate": "generat", "communism": "communism",
		"skies": "sky", "dying": "die", "news": "news", "succeeding": "succeed",
		"decarbonization": "decarbon", "migration": "migrat", "migrants": "migrant",
		"logistics": "logist", "relations": "relat", "relationship": "relationship",
		"cooperation": "cooper", "cooperate": "cooper", "dependence": "depend", "depend": "depend",
		"energy": "energi", "japan's": "japan", "ageing": "age", "aging": "age",
		"population": "popul", "investment": "invest", "infrastructure": "infrastructur",
		"multilateralism": "multilater", "caution": "caution", "hopping": "hop", "hoped": "hope",
		"a": "a", "by": "by", "ÿes": "ÿes", "yelling": "yell", "sayings": "say",
	}
	for in, want := range cases {
		if got := stem(in); got != want {
			t.Errorf("stem(%q) = %q, want %q", in, got, want)
		}
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTokenize(t *testing.T) {
	s := "Japan’s “5+1” multi-vector diplomacy can't wait, they said."
	toks := Tokenize(s)
	var got []string
	for _, tk := range toks {
		got = append(got, tk.Lower)
		if s[tk.Start:tk.End] != tk.Text {
			t.Errorf("offsets of %q point to %q", tk.Text, s[tk.Start:tk.End])
		}
	}
	want := []string{"japan's", "5", "1", "multi", "vector", "diplomacy", "can't", "wait", "they", "said"}
	if len(got) != len(want) {
		t.Fatalf("tokens = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("tokens = %q, want %q", got, want)
		}
	}
	if toks[7].Punct != "" || toks[8].Punct != "," {
		t.Errorf("punct = %q %q, want \"\" \",\"", toks[7].Punct, toks[8].Punct)
	}
}

func FuzzStem(f *testing.F) {
	for _, s := range []string{"consolidated", "'s", "ied", "y", "yyy", "eed", "sses", "Ünïcode", "generously", "'''"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w := Lower(s)
		if out := Stem(w); len(out) > len(w)+1 {
			t.Fatalf("stem %q of %q is longer than the word", out, w)
		}
		for _, tk := range Tokenize(s) {
			if tk.Start < 0 || tk.End > len(s) || tk.Start >= tk.End {
				t.Fatalf("bad token offsets %d..%d in %q", tk.Start, tk.End, s)
			}
			_ = Stem(tk.Lower)
		}
	})
}

var benchWords = []string{"consolidated", "international", "relations", "decarbonization", "the", "migration", "countries", "economically"}

func BenchmarkStem(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		stem(benchWords[i%len(benchWords)])
	}
}

func BenchmarkStemCached(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Stem(benchWords[i%len(benchWords)])
	}
}

func BenchmarkTokenize(b *testing.B) {
	s := strings.Repeat("Japan’s “5+1” multi-vector diplomacy can't wait, they said. ", 100)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(s)
	}
}

// TestStemCacheConcurrent stems many words from several goroutines (run
// with -race) and checks the cached stems against the algorithm.
func TestStemCacheConcurrent(t *testing.T) {
	var words []string
	for _, a := range []string{"con", "re", "de", "pre", "inter", "trans", "sub", "over"} {
		for _, b := range []string{"sign", "solid", "nect", "form", "port", "struct", "vent", "duct", "gress", "mit"} {
			for _, c := range []string{"", "s", "ed", "ing", "ation", "ations", "ive", "ively", "ment", "ments", "er", "ers", "al", "ally"} {
				words = append(words, a+b+c)
			}
		}
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func(g int) {
			for i := range words {
				w := words[(i*(g+1))%len(words)]
				if got, want := Stem(w), stem(w); got != want {
					t.Errorf("Stem(%q) = %q, want %q", w, got, want)
				}
			}
			done <- true
		}(g)
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}
