package dates

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/briefpack/briefpack/examples"
	"github.com/briefpack/briefpack/internal/corpora"
	"github.com/briefpack/briefpack/internal/cputime"
	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/extract/entities"
	"github.com/briefpack/briefpack/pipeline/normalize"
	"github.com/briefpack/briefpack/pipeline/segment"
)

// doc builds a document from paragraphs and runs normalize and segment.
func doc(t testing.TB, a pipeline.Article) *pipeline.Doc {
	t.Helper()
	if a.Source == "" {
		a.Source = "test"
	}
	d := &pipeline.Doc{Article: a}
	for _, s := range []pipeline.Stage{normalize.New(), segment.New()} {
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// TestSeed checks the seed article: exactly the events 2004, 2016, 2021
// and "this month" (relative: the seed has no publication date), the
// duration "20 years", and nothing for "5+1".
func TestSeed(t *testing.T) {
	g, err := entities.Load()
	if err != nil {
		t.Fatal(err)
	}
	d := doc(t, pipeline.Article{Source: "seed", Text: string(examples.Seed)})
	for _, s := range []pipeline.Stage{entities.New(g), New()} {
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	type ev struct{ text, date, prec string }
	var gotEv []ev
	for _, e := range d.Events {
		gotEv = append(gotEv, ev{e.DateText, e.Date, e.Precision})
		if d.Document.Text[e.Start:e.End] != e.DateText {
			t.Errorf("event %q: offsets [%d,%d) point at %q", e.DateText, e.Start, e.End, d.Document.Text[e.Start:e.End])
		}
		if s := d.Sentence(e.SentID); s == nil || s.Text != e.Text || e.Start < s.Start || e.End > s.End {
			t.Errorf("event %q: sentence %s does not hold it", e.DateText, e.SentID)
		}
	}
	wantEv := []ev{{"2004", "2004", "year"}, {"2016", "2016", "year"}, {"2021", "2021", "year"}, {"this month", "", "relative"}}
	if !reflect.DeepEqual(gotEv, wantEv) {
		t.Fatalf("events = %v, want %v", gotEv, wantEv)
	}
	// Entities come from the sentence's mentions, deduplicated, in order.
	for _, e := range d.Events {
		var want []string
		seen := map[string]bool{}
		for _, m := range d.Mentions {
			if m.SentID == e.SentID && !seen[m.EntityID] {
				seen[m.EntityID] = true
				want = append(want, m.EntityID)
			}
		}
		if len(want) == 0 || !reflect.DeepEqual(e.Entities, want) {
			t.Errorf("event %q entities = %v, want %v", e.DateText, e.Entities, want)
		}
	}
	if e := d.Events[1]; !contains(e.Entities, "UZB") {
		t.Errorf("2016 event (Karimov died) lacks Uzbekistan: %v", e.Entities)
	}
	if len(d.Quantities) != 1 || d.Quantities[0].Text != "20 years" || d.Quantities[0].Kind != KindDuration || d.Quantities[0].Value != 20 || d.Quantities[0].Unit != "year" {
		t.Fatalf("quantities = %+v, want the duration 20 years", d.Quantities)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestStageAnchorAndOrder(t *testing.T) {
	text := "Prices rose last month. The plan dates from 2004.\n\nTalks were held in the 1990s and on 9 August 2024. Exports fell 5% this year."
	// Anchor from the article.
	d := doc(t, pipeline.Article{Text: text, Published: time.Date(2024, 8, 20, 10, 0, 0, 0, time.UTC), PublishedPrecision: "time"})
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range d.Events {
		got = append(got, e.DateText+"="+e.Date+"/"+e.Precision+"@"+e.SentID)
	}
	want := []string{"the 1990s=1990s/decade@p2s1", "2004=2004/year@p1s2", "this year=2024/year@p2s2", "last month=2024-07/month@p1s1", "9 August 2024=2024-08-09/day@p2s1"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("events\n got  %v\n want %v", got, want)
	}
	if len(d.Quantities) != 1 || d.Quantities[0].Text != "5%" || d.Quantities[0].SentID != "p2s2" {
		t.Fatalf("quantities = %+v", d.Quantities)
	}
	// Anchor from Document.Published only.
	d = doc(t, pipeline.Article{Text: "Prices rose last month. It began in 2004."})
	d.Document.Published = "2024-01-15"
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 2 || d.Events[1].Date != "2023-12" || d.Events[0].Date != "2004" {
		t.Fatalf("events = %+v", d.Events)
	}
	// No anchor: relative dates stay relative and sort last.
	d = doc(t, pipeline.Article{Text: "Prices rose last month. It began in 2004."})
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 2 || d.Events[0].Date != "2004" || d.Events[1].Date != "" || d.Events[1].Precision != pipeline.PrecisionRelative || d.Events[1].DateText != "last month" {
		t.Fatalf("events = %+v", d.Events)
	}
	if d.Events[0].Entities == nil {
		t.Error("Entities should be an empty list, not nil, when the sentence names nobody")
	}
}

func TestStageErrorsAndLanguage(t *testing.T) {
	d := doc(t, pipeline.Article{Text: "It began in 2004."})
	d.Document.Published = "20 August"
	if err := New().Process(context.Background(), d); err == nil || !strings.Contains(err.Error(), `dates: publication date "20 August"`) {
		t.Fatalf("bad published: err = %v", err)
	}
	d = doc(t, pipeline.Article{Text: "It began in 2004."})
	d.Sentences[0].End = 1000
	if err := New().Process(context.Background(), d); err == nil || !strings.HasPrefix(err.Error(), "dates: sentence p1s1") {
		t.Fatalf("bad offsets: err = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := New().Process(ctx, doc(t, pipeline.Article{Text: "In 2004."})); err == nil {
		t.Fatal("cancelled: no error")
	}
	// Non-English: only ISO dates, currency signs and percentages.
	d = doc(t, pipeline.Article{Text: "В 2004 году, 2024-08-09, рост 5% и $5 млн."})
	d.Document.Language = "ru"
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || d.Events[0].Date != "2024-08-09" || len(d.Quantities) != 2 {
		t.Fatalf("ru: events %+v quantities %+v", d.Events, d.Quantities)
	}
	if n := d.Document.Notes; len(n) == 0 || !strings.HasPrefix(n[len(n)-1], "dates: English only") {
		t.Fatalf("ru notes = %v", d.Document.Notes)
	}
	// Empty document.
	d = &pipeline.Doc{}
	if err := New().Process(context.Background(), d); err != nil || len(d.Events) != 0 {
		t.Fatalf("empty: %v %v", err, d.Events)
	}
}

func TestSortEvents(t *testing.T) {
	evs := []pipeline.Event{
		{DateText: "rel2", Start: 50},
		{DateText: "2024-08", Date: "2024-08", Start: 40},
		{DateText: "rel1", Start: 10},
		{DateText: "2024", Date: "2024", Start: 30},
		{DateText: "1990s", Date: "1990s", Start: 60},
		{DateText: "2024 again", Date: "2024", Start: 20},
		{DateText: "2024-01-01", Date: "2024-01-01", Start: 5},
	}
	SortEvents(evs)
	var got []string
	for _, e := range evs {
		got = append(got, e.DateText)
	}
	want := []string{"1990s", "2024-01-01", "2024 again", "2024", "2024-08", "rel1", "rel2"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

// bbcText returns about 1 MB of BBC business articles, or nil.
func bbcText(tb testing.TB) []string {
	root := corpora.Root()
	if root == "" {
		return nil
	}
	files, _ := filepath.Glob(filepath.Join(root, "bbc", "business", "*.txt"))
	sort.Strings(files)
	var lines []string
	size := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
				size += len(l)
			}
		}
		if size > 1<<20 {
			break
		}
	}
	return lines
}

// TestBBC runs Parse over BBC business news: offsets valid, and a sample
// of well-known expressions found.
func TestBBC(t *testing.T) {
	lines := bbcText(t)
	if lines == nil {
		corpora.Dir(t, "bbc")
	}
	kinds := map[string]int{}
	for _, l := range lines {
		ms := Parse(l, time.Time{})
		checkMatches(t, l, ms)
		for _, m := range ms {
			kinds[m.Kind+"/"+m.Precision]++
		}
	}
	t.Logf("%v", kinds)
	for _, k := range []string{"date/year", "date/month", "date/relative", "money/", "percent/", "count/", "duration/"} {
		if kinds[k] == 0 {
			t.Errorf("no %s found in BBC business news", k)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	lines := bbcText(b)
	if lines == nil {
		lines = strings.Split(string(examples.Seed), "\n")
	}
	size := 0
	for _, l := range lines {
		size += len(l)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var toks []token
	start := cputime.Used()
	for b.Loop() {
		for _, l := range lines {
			_, toks = parse(l, anchor, true, toks)
		}
	}
	cputime.Report(b, start, int64(size)*int64(b.N))
}

// BenchmarkStage runs the stage on one document of about 1 MB of BBC
// business news (the seed repeated when the corpus is absent).
func BenchmarkStage(b *testing.B) {
	lines := bbcText(b)
	if lines == nil {
		lines = strings.Split(strings.Repeat(string(examples.Seed)+"\n", 100), "\n")
	}
	d := doc(b, pipeline.Article{Text: strings.Join(lines, "\n\n"), Published: anchor})
	b.SetBytes(int64(len(d.Document.Text)))
	b.ReportAllocs()
	st := New()
	start := cputime.Used()
	for b.Loop() {
		if err := st.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	cputime.Report(b, start, int64(len(d.Document.Text))*int64(b.N))
}
