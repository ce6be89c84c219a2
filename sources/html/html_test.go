package html

import (
	"context"
	"errors"
	goldenpkg "github.com/briefpack/briefpack/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		data string
		ct   string
		want bool
	}{
		{"doctype", "<!DOCTYPE html><html><body><p>x</p></body></html>", "", true},
		{"html tag", "<html lang=en><p>x", "", true},
		{"bom space comment", "\ufeff  \n<!-- saved page -->\n<!doctype HTML>\n<html>", "", true},
		{"xhtml", `<?xml version="1.0" encoding="utf-8"?>` + "\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", "", true},
		{"fragment with body", "<div><head></head><body><p>Hello</p></body></div>", "", true},
		{"paragraph tag early", "<p>Hello world</p><p>Second</p>", "", true},
		{"content type", "Hello", "text/html; charset=utf-8", true},
		{"plain text", "Japan and Central Asia\n\nThe summit <p> was held.", "", false},
		{"markdown", "# Title\n\nSome text with <b>bold</b>.\n", "", false},
		{"markdown opening with html", "<p>\n<img src=logo.png>\n</p>\n\n# Project\n\nText.\n", "", false},
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>`, "", false},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>`, "", false},
		{"json", `{"version":"https://jsonfeed.org/version/1.1"}`, "", false},
		{"pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "", false},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "", false},
		{"utf16 html", "\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff(&sources.Input{Data: []byte(tt.data), ContentType: tt.ct}); got != tt.want {
				t.Errorf("Sniff(%q) = %v, want %v", tt.data, got, tt.want)
			}
		})
	}
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// render shows an article's metadata and blocks, one per line, for golden
// comparison.
func render(a pipeline.Article) string {
	var sb strings.Builder
	pub := ""
	if !a.Published.IsZero() {
		pub = a.Published.Format(time.RFC3339) + " (" + a.PublishedPrecision + ")"
	}
	for _, kv := range [][2]string{{"title", a.Title}, {"byline", a.Byline}, {"site", a.Site}, {"published", pub},
		{"language", a.Language}, {"url", a.URL}, {"description", a.Description}, {"source_kind", a.SourceKind}} {
		sb.WriteString(kv[0] + ": " + kv[1] + "\n")
	}
	sb.WriteString("---\n")
	for _, b := range a.Blocks {
		sb.WriteString("[" + b.Kind + "] " + b.Text + "\n")
	}
	return sb.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenpkg.Check(t, filepath.Join("testdata", name), []byte(got))
}

func TestExtractArticle(t *testing.T) {
	in := &sources.Input{Name: "testdata/article.html", Kind: "test", Data: readFile(t, "article.html")}
	a, err := Extract(context.Background(), in, sources.Options{})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "article.golden", render(a))

	// What a user relies on, independent of the golden file.
	if a.Title != "Japan deepens ties with Central Asia" {
		t.Errorf("title %q", a.Title)
	}
	if a.Byline != "Aiko Tanaka, Daniyar Seitkali" {
		t.Errorf("byline %q: JSON-LD authors must win over the author meta tag", a.Byline)
	}
	if got := a.Published.Format(time.RFC3339); got != "2024-08-09T10:30:00+09:00" || a.PublishedPrecision != "time" {
		t.Errorf("published %s (%s)", got, a.PublishedPrecision)
	}
	if a.Language != "en" || a.Site != "The Example Times" || a.URL != "https://example.com/news/japan-central-asia" {
		t.Errorf("language %q site %q url %q", a.Language, a.Site, a.URL)
	}
	kinds := map[string]int{}
	for _, b := range a.Blocks {
		kinds[b.Kind]++
	}
	if kinds[pipeline.ParaHeading] < 1 || kinds[pipeline.ParaListItem] != 3 || kinds[pipeline.ParaQuote] != 1 || kinds[pipeline.ParaBody] < 4 {
		t.Errorf("block kinds %v", kinds)
	}
	for _, junk := range []string{"Share on Twitter", "Related articles", "Great article", "All rights reserved", "Business"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("boilerplate %q kept in the text", junk)
		}
	}
}

func TestExtractCharset(t *testing.T) {
	data := readFile(t, "latin1.html")
	tests := []struct {
		name, ct string
	}{
		{"meta charset", ""},
		{"header charset", "text/html; charset=ISO-8859-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract(context.Background(), &sources.Input{Name: "latin1.html", Data: data, ContentType: tt.ct}, sources.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range []string{"cafés", "naïve", "crème brûlée", "£", "¥"} {
				if !strings.Contains(a.Text, w) {
					t.Errorf("decoded text lacks %q: %q", w, a.Text)
				}
			}
			if !strings.Contains(a.Title, "Café") {
				t.Errorf("title %q", a.Title)
			}
		})
	}
}

func TestExtractNoText(t *testing.T) {
	for _, name := range []string{"navonly.html"} {
		_, err := Extract(context.Background(), &sources.Input{Name: name, Data: readFile(t, name)}, sources.Options{})
		if !errors.Is(err, sources.ErrNoText) {
			t.Errorf("%s: err = %v, want ErrNoText", name, err)
		}
		var se *sources.Error
		if !errors.As(err, &se) || se.Input != name {
			t.Errorf("%s: error %v does not name the input", name, err)
		}
	}
	_, err := Extract(context.Background(), &sources.Input{Name: "empty", Data: []byte("<html><body></body></html>")}, sources.Options{})
	if !errors.Is(err, sources.ErrNoText) {
		t.Errorf("empty page: err = %v, want ErrNoText", err)
	}
}

func TestSidecarWins(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "article.html")
	if err := os.WriteFile(page, readFile(t, "article.html"), 0o644); err != nil {
		t.Fatal(err)
	}
	side := "title: Edited title\nauthor: Desk Editor\npublished: 2024-08-10\nsite: Briefing Desk\n"
	if err := os.WriteFile(page+".meta.yaml", []byte(side), 0o644); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(page)
	a, err := Extract(context.Background(), &sources.Input{Name: page, Kind: "file", Data: data}, sources.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Edited title" || a.Byline != "Desk Editor" || a.Site != "Briefing Desk" {
		t.Errorf("sidecar not applied: title %q byline %q site %q", a.Title, a.Byline, a.Site)
	}
	if a.Published.Format("2006-01-02") != "2024-08-10" || a.PublishedPrecision != "day" {
		t.Errorf("published %v (%s)", a.Published, a.PublishedPrecision)
	}
	// Fields the sidecar leaves out still come from the page.
	if a.URL != "https://example.com/news/japan-central-asia" {
		t.Errorf("url %q", a.URL)
	}

	if err := os.WriteFile(page+".meta.yaml", []byte("published: next tuesday\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Extract(context.Background(), &sources.Input{Name: page, Kind: "file", Data: data}, sources.Options{}); err == nil || !strings.Contains(err.Error(), "meta.yaml") {
		t.Errorf("a bad sidecar must be an error naming it, got %v", err)
	}
}

func TestParseRegistered(t *testing.T) {
	var got []pipeline.Article
	err := sources.Parse(context.Background(), &sources.Input{Name: "a.html", Data: readFile(t, "article.html")}, sources.Options{},
		func(a pipeline.Article) error { got = append(got, a); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].SourceKind != "html" || got[0].Source != "a.html" {
		t.Fatalf("got %+v", got)
	}
}

func TestFragment(t *testing.T) {
	bs := Fragment(`<p>First <b>bold</b>move.</p><h3>Sub</h3><ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul><blockquote>Said <em>so</em>.</blockquote>tail text<br>after break<table><tr><td>a</td><td>b</td></tr></table>`)
	want := []pipeline.Block{
		{Kind: "body", Text: "First bold move."},
		{Kind: "heading", Text: "Sub"},
		{Kind: "list_item", Text: "one"},
		{Kind: "list_item", Text: "two"},
		{Kind: "list_item", Text: "nested"},
		{Kind: "quote", Text: "Said so."},
		{Kind: "body", Text: "tail text"},
		{Kind: "body", Text: "after break"},
		{Kind: "body", Text: "a | b"},
	}
	if len(bs) != len(want) {
		t.Fatalf("got %d blocks %+v, want %+v", len(bs), bs, want)
	}
	for i := range want {
		if bs[i] != want[i] {
			t.Errorf("block %d = %+v, want %+v", i, bs[i], want[i])
		}
	}
}

func TestNeedsSpace(t *testing.T) {
	tests := []struct {
		html, want string
	}{
		{"<p><code>data-cover</code>attribute</p>", "data-cover attribute"},
		{"<p>word<b>,</b> next</p>", "word, next"},
		{"<p><em>end.</em>Next</p>", "end. Next"},
		{"<p>日本<b>と</b>中央アジア</p>", "日本と中央アジア"},
		{"<p>3.<b>5</b> percent</p>", "3.5 percent"},
	}
	for _, tt := range tests {
		bs := Fragment(tt.html)
		if len(bs) != 1 || bs[0].Text != tt.want {
			t.Errorf("Fragment(%q) = %+v, want %q", tt.html, bs, tt.want)
		}
	}
}
