package html

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/briefpack/briefpack/sources"
	"github.com/briefpack/briefpack/sources/internal/corpus"
	"github.com/briefpack/briefpack/sources/internal/pubdate"
	"github.com/markusmobius/go-trafilatura"
	xhtml "golang.org/x/net/html"
)

// The readability corpus: 130 saved pages with the metadata and article
// Mozilla Readability extracts. We measure against it:
//
//   - title: a match when the normalized titles are equal, or when one of
//     them equals a part of the other split at a site separator (" | ",
//     " - ", " – ", " — ", " :: ", " · ", " / "), since pages differ on
//     whether "Title | Site" is the title. Strict (equality only) is
//     reported too.
//   - byline: over pages whose expected byline is set; a match when the
//     normalized names are equal or every word of the shorter appears in
//     the longer ("By Jane Doe, Staff Writer" vs "Jane Doe").
//   - date: over pages whose expected publishedTime is set; a match when
//     the calendar day is the same as written in the page (no time zone
//     conversion: "2015-07-10T09:53:00-04:00" is 2015-07-10), or when
//     both carry a time and denote the same instant (within a minute).
//
// Normalization: Unicode letters and digits lower-cased, everything else
// (quotes, dashes, punctuation, white space) reduced to single spaces.

type page struct {
	name     string
	src      []byte
	meta     expectedMeta
	expected string // text of expected.html
}

type expectedMeta struct {
	Title         *string `json:"title"`
	Byline        *string `json:"byline"`
	PublishedTime *string `json:"publishedTime"`
}

func loadPages(tb testing.TB) []page {
	tb.Helper()
	dir := corpus.Dir(tb, "html/readability")
	ms, _ := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	sort.Strings(ms)
	var ps []page
	for _, m := range ms {
		d := filepath.Dir(m)
		src, err := os.ReadFile(m)
		if err != nil {
			tb.Fatal(err)
		}
		p := page{name: filepath.Base(d), src: src}
		if b, err := os.ReadFile(filepath.Join(d, "expected-metadata.json")); err == nil {
			if err := json.Unmarshal(b, &p.meta); err != nil {
				tb.Fatalf("%s: %v", d, err)
			}
		}
		if b, err := os.ReadFile(filepath.Join(d, "expected.html")); err == nil {
			doc, err := xhtml.Parse(bytes.NewReader(b))
			if err == nil {
				p.expected = Text(Blocks(doc))
			}
		}
		ps = append(ps, p)
	}
	if len(ps) == 0 {
		tb.Skipf("no pages in %s", dir)
	}
	return ps
}

func norm(s string) string {
	var sb strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(r)
			space = false
		} else if !space {
			sb.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(sb.String())
}

var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " / ", " « ", " » "}

func titleMatch(got, want string) (strict, lenient bool) {
	g, w := norm(got), norm(want)
	if g == w {
		return g != "" || w == "", true
	}
	if g == "" || w == "" {
		return false, false
	}
	parts := func(s string) []string {
		out := []string{s}
		for _, sep := range titleSeps {
			var next []string
			for _, p := range out {
				next = append(next, strings.Split(p, sep)...)
			}
			out = next
		}
		return out
	}
	for _, p := range parts(got) {
		if norm(p) == w {
			return false, true
		}
	}
	for _, p := range parts(want) {
		if norm(p) == g {
			return false, true
		}
	}
	return false, false
}

func bylineMatch(got, want string) bool {
	g, w := norm(strings.TrimPrefix(strings.ToLower(strings.TrimSpace(got)), "by ")),
		norm(strings.TrimPrefix(strings.ToLower(strings.TrimSpace(want)), "by "))
	if g == "" || w == "" {
		return g == w
	}
	if g == w {
		return true
	}
	short, long := strings.Fields(g), strings.Fields(w)
	if len(short) > len(long) {
		short, long = long, short
	}
	set := map[string]bool{}
	for _, t := range long {
		set[t] = true
	}
	for _, t := range short {
		if !set[t] {
			return false
		}
	}
	return true
}

func dateMatch(got time.Time, want string) bool {
	if got.IsZero() || len(want) < 10 {
		return false
	}
	if got.Format("2006-01-02") == want[:10] {
		return true
	}
	w, prec, ok := pubdate.Parse(want)
	d := got.Sub(w)
	return ok && prec == pubdate.Time && d < time.Minute && d > -time.Minute
}

func tokens(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		out = append(out, f)
	}
	return out
}

// f1 is the token-level F1 of got against want (bags of words).
func f1(got, want string) float64 {
	g, w := tokens(got), tokens(want)
	if len(g) == 0 && len(w) == 0 {
		return 1
	}
	if len(g) == 0 || len(w) == 0 {
		return 0
	}
	bag := map[string]int{}
	for _, t := range w {
		bag[t]++
	}
	common := 0
	for _, t := range g {
		if bag[t] > 0 {
			bag[t]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(g)), float64(common)/float64(len(w))
	return 2 * p * r / (p + r)
}

type scores struct {
	pages, titles, titleStrict, titleOK, titleStrictOK int
	bylines, bylineOK, dates, dateOK                   int
	noText                                             []string
	f1Ours, f1Traf                                     float64
	f1Pages                                            int
}

func (s scores) titleAcc() float64       { return ratio(s.titleOK, s.titles) }
func (s scores) titleStrictAcc() float64 { return ratio(s.titleStrictOK, s.titles) }
func (s scores) bylineAcc() float64      { return ratio(s.bylineOK, s.bylines) }
func (s scores) dateAcc() float64        { return ratio(s.dateOK, s.dates) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// measure runs the html source (and trafilatura's plain text with the same
// options) over the pages.
func measure(tb testing.TB, ps []page, verbose bool) scores {
	var s scores
	for _, p := range ps {
		s.pages++
		a, err := Extract(context.Background(), &sources.Input{Name: p.name, Kind: "test", Data: p.src}, sources.Options{})
		if err != nil {
			s.noText = append(s.noText, p.name+": "+err.Error())
		}
		if p.meta.Title != nil {
			s.titles++
			st, ok := titleMatch(a.Title, *p.meta.Title)
			if st {
				s.titleStrictOK++
			}
			if ok {
				s.titleOK++
			} else if verbose {
				tb.Logf("title  %-40s got %q want %q", p.name, a.Title, *p.meta.Title)
			}
		}
		if p.meta.Byline != nil && strings.TrimSpace(*p.meta.Byline) != "" {
			s.bylines++
			if bylineMatch(a.Byline, *p.meta.Byline) {
				s.bylineOK++
			} else if verbose {
				tb.Logf("byline %-40s got %q want %q", p.name, a.Byline, *p.meta.Byline)
			}
		}
		if p.meta.PublishedTime != nil && *p.meta.PublishedTime != "" {
			s.dates++
			if dateMatch(a.Published, *p.meta.PublishedTime) {
				s.dateOK++
			} else if verbose {
				tb.Logf("date   %-40s got %v want %q", p.name, a.Published, *p.meta.PublishedTime)
			}
		}
		if p.expected != "" {
			s.f1Pages++
			s.f1Ours += f1(a.Text, p.expected)
			plain := ""
			if r, err := trafilatura.Extract(bytes.NewReader(p.src), Options("")); err == nil {
				plain = r.ContentText
			}
			s.f1Traf += f1(plain, p.expected)
		}
	}
	if s.f1Pages > 0 {
		s.f1Ours /= float64(s.f1Pages)
		s.f1Traf /= float64(s.f1Pages)
	}
	return s
}

// TestReadabilityQuality measures metadata accuracy and main-text F1 on the
// readability pages and fails when they fall below floors set a little
// under what the current code reaches.
func TestReadabilityQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus-wide measurement; skipped with -short")
	}
	ps := loadPages(t)
	s := measure(t, ps, testing.Verbose())
	t.Logf("pages %d: title %.3f (%d/%d; strict %.3f), byline %.3f (%d/%d), date %.3f (%d/%d)",
		s.pages, s.titleAcc(), s.titleOK, s.titles, s.titleStrictAcc(), s.bylineAcc(), s.bylineOK, s.bylines,
		s.dateAcc(), s.dateOK, s.dates)
	t.Logf("main text token F1 over %d pages: ours %.4f, trafilatura plain text %.4f", s.f1Pages, s.f1Ours, s.f1Traf)
	for _, e := range s.noText {
		t.Logf("no text: %s", e)
	}
	floors := []struct {
		name       string
		got, floor float64
	}{
		// measured: title 1.000, byline 0.882, date 1.000, F1 0.960 (0.9604)
		{"title", s.titleAcc(), 0.97},
		{"byline", s.bylineAcc(), 0.85},
		{"date", s.dateAcc(), 0.93},
		{"f1", s.f1Ours, 0.94},
	}
	for _, f := range floors {
		if f.got < f.floor {
			t.Errorf("%s accuracy %.3f is below the floor %.2f", f.name, f.got, f.floor)
		}
	}
	// Our block conversion must not lose to trafilatura's own plain text.
	if s.f1Ours+1e-9 < s.f1Traf {
		t.Errorf("main text F1 %.4f is below trafilatura's plain output %.4f", s.f1Ours, s.f1Traf)
	}
}

func BenchmarkTrafilaturaAlone(b *testing.B) {
	ps := loadPages(b)
	b.ResetTimer()
	for range b.N {
		for _, p := range ps {
			_, _ = trafilatura.Extract(bytes.NewReader(p.src), Options(""))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(ps)), "µs/page")
}

func BenchmarkHTMLSource(b *testing.B) {
	ps := loadPages(b)
	ctx := context.Background()
	b.ResetTimer()
	for range b.N {
		for _, p := range ps {
			_, _ = Extract(ctx, &sources.Input{Name: p.name, Kind: "test", Data: p.src}, sources.Options{})
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(ps)), "µs/page")
	b.StopTimer()
	s := measure(b, ps, false)
	b.ReportMetric(s.titleAcc(), "title_acc")
	b.ReportMetric(s.bylineAcc(), "byline_acc")
	b.ReportMetric(s.dateAcc(), "date_acc")
	b.ReportMetric(s.f1Ours, "f1")
	b.ReportMetric(s.f1Traf, "f1_trafilatura")
}

// BenchmarkHTMLOverhead runs trafilatura alone and the html source over the
// same pages, interleaved, and reports how much more the source costs
// (ratio; the budget is 1.20).
func BenchmarkHTMLOverhead(b *testing.B) {
	ps := loadPages(b)
	ctx := context.Background()
	var alone, ours time.Duration
	b.ResetTimer()
	runAlone := func(p page) {
		t0 := time.Now()
		_, _ = trafilatura.Extract(bytes.NewReader(p.src), Options(""))
		alone += time.Since(t0)
	}
	runOurs := func(p page) {
		t0 := time.Now()
		_, _ = Extract(ctx, &sources.Input{Name: p.name, Kind: "test", Data: p.src}, sources.Options{})
		ours += time.Since(t0)
	}
	for i := range b.N {
		for j, p := range ps {
			// Alternate which runs first so neither profits from the
			// other's warm caches.
			if (i+j)%2 == 0 {
				runAlone(p)
				runOurs(p)
			} else {
				runOurs(p)
				runAlone(p)
			}
		}
	}
	b.ReportMetric(float64(ours)/float64(alone), "ratio")
	b.ReportMetric(float64(alone.Microseconds())/float64(b.N*len(ps)), "alone_µs/page")
	b.ReportMetric(float64(ours.Microseconds())/float64(b.N*len(ps)), "ours_µs/page")
}

// TestTrafilaturaSettings compares trafilatura's focus and fallback
// settings by main-text F1 and time on the readability pages; it is how
// Options was chosen. Run with BRIEFPACK_MEASURE=1 (it takes a while).
func TestTrafilaturaSettings(t *testing.T) {
	if os.Getenv("BRIEFPACK_MEASURE") == "" {
		t.Skip("set BRIEFPACK_MEASURE=1 to compare trafilatura settings")
	}
	ps := loadPages(t)
	for _, fallback := range []bool{false, true} {
		for _, focus := range []struct {
			name string
			f    trafilatura.ExtractionFocus
		}{{"balanced", trafilatura.Balanced}, {"precision", trafilatura.FavorPrecision}, {"recall", trafilatura.FavorRecall}} {
			o := Options("")
			o.EnableFallback, o.Focus = fallback, focus.f
			var sum float64
			n := 0
			start := time.Now()
			for _, p := range ps {
				if p.expected == "" {
					continue
				}
				n++
				if r, err := trafilatura.Extract(bytes.NewReader(p.src), o); err == nil {
					sum += f1(r.ContentText, p.expected)
				}
			}
			t.Logf("fallback=%-5v focus=%-9s F1 %.4f over %d pages in %v", fallback, focus.name, sum/float64(n), n, time.Since(start).Round(time.Millisecond))
		}
	}
}
