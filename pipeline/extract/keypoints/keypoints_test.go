package keypoints

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/textutil/texttest"
)

func run(t testing.TB, d *pipeline.Doc) {
	t.Helper()
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
}

func TestSeedKeyPoints(t *testing.T) {
	d := texttest.Seed(t)
	run(t, d)
	if n := len(d.KeyPoints); n < 3 || n > 5 {
		t.Fatalf("%d key points, want 3 to 5: %v", n, d.KeyPoints)
	}
	summit := "The first summit between the countries of Central Asia and Japan will be held in Astana, Kazakhstan, this month."
	if !strings.Contains(d.Document.Summary, summit) {
		t.Errorf("summary lacks the summit sentence:\n%s", d.Document.Summary)
	}
	if !strings.Contains(d.Document.Summary, "megaquake") {
		t.Errorf("summary lacks the editor's note:\n%s", d.Document.Summary)
	}
	checkConsistent(t, d)
	for _, s := range d.Sentences {
		if s.KeyRank > 0 && strings.HasSuffix(s.Text, "?") {
			t.Errorf("question picked: %s", s.Text)
		}
	}
}

// checkConsistent checks KeyRank, KeyPoints and Summary agree.
func checkConsistent(t *testing.T, d *pipeline.Doc) {
	t.Helper()
	var ranks []int
	var ids []string
	var texts []string
	for _, s := range d.Sentences {
		if s.KeyRank > 0 {
			ranks = append(ranks, s.KeyRank)
			ids = append(ids, s.SentID)
			texts = append(texts, s.Text)
		}
	}
	sort.Ints(ranks)
	for i, r := range ranks {
		if r != i+1 {
			t.Errorf("key ranks %v are not 1..n", ranks)
			break
		}
	}
	if strings.Join(ids, ",") != strings.Join(d.KeyPoints, ",") {
		t.Errorf("KeyPoints %v, sentences with a rank %v", d.KeyPoints, ids)
	}
	if d.Document.Summary != strings.Join(texts, " ") {
		t.Errorf("summary %q is not the key sentences in order", d.Document.Summary)
	}
}

func TestCount(t *testing.T) {
	for _, c := range []struct{ n, want int }{{0, 0}, {1, 1}, {2, 2}, {3, 2}, {6, 2}, {7, 3}, {15, 3}, {16, 4}, {31, 5}, {500, 5}} {
		if got := Count(c.n); got != c.want {
			t.Errorf("Count(%d) = %d, want %d", c.n, got, c.want)
		}
	}
}

func TestNearDuplicatesAndSmallDocs(t *testing.T) {
	text := strings.Join([]string{
		"The central bank raised interest rates to fight inflation on Monday.",
		"The central bank raised interest rates to fight inflation on Monday morning.",
		"Exporters complained that the stronger currency hurts their sales abroad.",
		"Economists expect growth to slow in the second half of the year.",
		"Mortgage holders will pay more each month after the increase.",
		"The government said it would review the budget in the autumn.",
		"Retailers reported weak sales over the holiday period this winter.",
	}, " ")
	d := texttest.Doc("x", "", text)
	run(t, d)
	checkConsistent(t, d)
	if len(d.KeyPoints) != 3 {
		t.Fatalf("7 sentences: %d key points, want 3", len(d.KeyPoints))
	}
	if d.Sentences[0].KeyRank > 0 && d.Sentences[1].KeyRank > 0 {
		t.Errorf("both near-duplicate sentences picked: %s", d.Document.Summary)
	}
	if d.Sentences[0].KeyRank == 0 {
		t.Errorf("the lede is not a key point: %s", d.Document.Summary)
	}

	tiny := texttest.Doc("t", "", "Oil prices rose sharply on Tuesday in Asia.")
	run(t, tiny)
	if len(tiny.KeyPoints) != 1 || tiny.Document.Summary != "Oil prices rose sharply on Tuesday in Asia." {
		t.Errorf("one-sentence doc: %v %q", tiny.KeyPoints, tiny.Document.Summary)
	}
	empty := &pipeline.Doc{}
	run(t, empty)
	if len(empty.KeyPoints) != 0 || empty.Document.Summary != "" {
		t.Errorf("empty doc: %v", empty.KeyPoints)
	}
	// Headings are never key points.
	h := texttest.Doc("h", "", "Central bank raises interest rates again today\nThe central bank raised interest rates on Monday to fight inflation.")
	h.Paragraphs[0].Kind = pipeline.ParaHeading
	run(t, h)
	if h.Sentences[0].KeyRank != 0 {
		t.Errorf("heading picked as a key point")
	}
}

func TestDeterministic(t *testing.T) {
	a, b := texttest.Seed(t), texttest.Seed(t)
	run(t, a)
	run(t, b)
	if a.Document.Summary != b.Document.Summary {
		t.Error("summary differs between runs")
	}
}

func FuzzKeyPoints(f *testing.F) {
	f.Add("One two three four five. Six seven eight nine ten? Eleven.")
	f.Add("")
	f.Add("a a a a a. a a a a a. a a a a a.")
	f.Fuzz(func(t *testing.T, s string) {
		d := texttest.Doc("f", "", s)
		if err := New().Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if len(d.KeyPoints) > 5 {
			t.Fatalf("%d key points", len(d.KeyPoints))
		}
	})
}

func BenchmarkKeyPoints(b *testing.B) {
	d := texttest.Seed(b)
	benchDoc(b, d)
}

// BenchmarkKeyPointsBBC runs on a long BBC business article when the
// corpora are available.
func BenchmarkKeyPointsLong(b *testing.B) {
	dir := filepath.Join(texttest.Corpora(b), "bbc", "politics")
	ents, err := os.ReadDir(dir)
	if err != nil {
		b.Skip(err)
	}
	var sb strings.Builder
	for _, e := range ents[:20] {
		bs, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		sb.Write(bs)
		sb.WriteString("\n")
	}
	benchDoc(b, texttest.Doc("bbc", "", sb.String()))
}

func benchDoc(b *testing.B, d *pipeline.Doc) {
	st := New()
	b.SetBytes(int64(len(d.Document.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if err := st.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}
