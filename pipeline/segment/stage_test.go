package segment

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefpack/briefpack/examples"
	"github.com/briefpack/briefpack/internal/corpora"
	"github.com/briefpack/briefpack/internal/cputime"
	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/normalize"
)

// docOf builds a document the way normalize does: paragraphs joined by a
// blank line.
func docOf(paras ...string) *pipeline.Doc {
	d := &pipeline.Doc{}
	var sb strings.Builder
	for i, p := range paras {
		if i > 0 {
			sb.WriteString("\n\n")
		}
		st := sb.Len()
		sb.WriteString(p)
		d.Paragraphs = append(d.Paragraphs, pipeline.Paragraph{DocID: "d1", ParaNo: i + 1, Kind: pipeline.ParaBody, Start: st, End: sb.Len(), Text: p})
	}
	d.Document = pipeline.Document{DocID: "d1", Text: sb.String()}
	return d
}

func TestStage(t *testing.T) {
	d := docOf("Mr. Smith arrived. He left at 5 p.m.", "No final stop here", "Short one? Yes!")
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	want := []struct{ id, text string }{
		{"p1s1", "Mr. Smith arrived."}, {"p1s2", "He left at 5 p.m."},
		{"p2s1", "No final stop here"},
		{"p3s1", "Short one?"}, {"p3s2", "Yes!"},
	}
	if len(d.Sentences) != len(want) || d.Document.Sentences != len(want) {
		t.Fatalf("got %d sentences (Document.Sentences %d), want %d: %+v", len(d.Sentences), d.Document.Sentences, len(want), d.Sentences)
	}
	for i, w := range want {
		s := d.Sentences[i]
		if s.SentID != w.id || s.Text != w.text || d.Document.Text[s.Start:s.End] != w.text || s.DocID != "d1" {
			t.Errorf("sentence %d = %+v, want %s %q", i, s, w.id, w.text)
		}
		if p := d.Paragraphs[s.ParaNo-1]; s.Start < p.Start || s.End > p.End {
			t.Errorf("sentence %s [%d,%d) crosses paragraph %d [%d,%d)", s.SentID, s.Start, s.End, p.ParaNo, p.Start, p.End)
		}
	}
}

func TestStageNeverCrossesParagraph(t *testing.T) {
	// Without the paragraph split "Inc." followed by "The" on the next
	// paragraph would still end; but "Mr." must not join two paragraphs.
	d := docOf("He met Mr.", "Smith later.")
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != 2 || d.Sentences[0].SentID != "p1s1" || d.Sentences[1].SentID != "p2s1" {
		t.Fatalf("got %+v", d.Sentences)
	}
}

func TestStageEmptyAndBad(t *testing.T) {
	d := docOf()
	if err := New().Process(context.Background(), d); err != nil || len(d.Sentences) != 0 || d.Document.Sentences != 0 {
		t.Fatalf("empty doc: err %v, sentences %d", err, len(d.Sentences))
	}
	d = docOf("abc")
	d.Paragraphs[0].End = 10
	err := New().Process(context.Background(), d)
	if err == nil || !strings.HasPrefix(err.Error(), "segment: paragraph 1") {
		t.Fatalf("bad offsets: err %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := New().Process(ctx, docOf("A. B.")); err == nil {
		t.Fatal("cancelled context: no error")
	}
}

// TestSeed checks the seed article: 10 paragraphs and 37 sentences, counted
// by reading it (1 editor's note, then 3, 2, 3, 3, 5, 7, 5, 4, 4).
func TestSeed(t *testing.T) {
	d := &pipeline.Doc{Article: pipeline.Article{Source: "seed", Text: string(examples.Seed)}}
	if err := normalize.New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	perPara := map[int]int{}
	for _, s := range d.Sentences {
		perPara[s.ParaNo]++
	}
	var got []int
	for i := 1; i <= len(d.Paragraphs); i++ {
		got = append(got, perPara[i])
	}
	want := []int{1, 3, 2, 3, 3, 5, 7, 5, 4, 4}
	if len(got) != len(want) {
		t.Fatalf("paragraphs: got %d, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			for _, s := range d.Sentences {
				t.Logf("%s %q", s.SentID, s.Text)
			}
			t.Fatalf("sentences per paragraph: got %v, want %v", got, want)
		}
	}
	checks := map[string]string{
		"p2s1":  "The first summit between the countries of Central Asia and Japan will be held in Astana, Kazakhstan, this month.",
		"p2s3":  "Subsequently, South Korea, the EU, the United States, China, India, and Russia all adopted similar “5+1” frameworks.",
		"p6s1":  "What is the significance for Japan of deepening relations with Central Asia?",
		"p10s4": "The summit needs to be more than just a one-time event; rather, it should herald a permanent strengthening of Japan’s diplomacy in the region.",
	}
	for id, want := range checks {
		if s := d.Sentence(id); s == nil || s.Text != want {
			t.Errorf("%s = %+v, want %q", id, s, want)
		}
	}
}

// TestBBC runs the splitter over a sample of the BBC corpus: no empty or
// runaway sentence, invariants hold.
func TestBBC(t *testing.T) {
	dir := corpora.Dir(t, "bbc")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	sort.Strings(files)
	if len(files) == 0 {
		t.Skip("no BBC files found")
	}
	step := len(files) / 300
	if step < 1 {
		step = 1
	}
	sents := 0
	for i := 0; i < len(files); i += step {
		b, err := os.ReadFile(files[i])
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if !utf8.ValidString(text) {
			continue // the one Latin-1 file
		}
		spans := Split(text)
		checkInvariants(t, text, spans)
		for _, sp := range spans {
			s := text[sp.Start:sp.End]
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: empty sentence", files[i])
			}
			if len(s) > 600 {
				t.Errorf("%s: sentence of %d bytes: %q", files[i], len(s), s)
			}
		}
		sents += len(spans)
	}
	t.Logf("%d sentences", sents)
}

func benchText(b *testing.B) string {
	var sb strings.Builder
	if root := corpora.Root(); root != "" {
		files, _ := filepath.Glob(filepath.Join(root, "bbc", "business", "*.txt"))
		sort.Strings(files)
		for _, f := range files {
			if sb.Len() > 1<<20 {
				break
			}
			data, err := os.ReadFile(f)
			if err == nil {
				sb.Write(data)
				sb.WriteString("\n\n")
			}
		}
	}
	for sb.Len() < 1<<20 {
		sb.Write(examples.Seed)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func BenchmarkSplit(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	start := cputime.Used()
	for b.Loop() {
		Split(text)
	}
	cputime.Report(b, start, int64(len(text))*int64(b.N))
}
