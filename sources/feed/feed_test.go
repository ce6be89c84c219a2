package feed

import (
	"context"
	"errors"
	"fmt"
	goldenpkg "github.com/briefpack/briefpack/internal/golden"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		name, data string
		want       bool
	}{
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel/></rss>`, true},
		{"rss with stylesheet and comment", "\ufeff<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"s.xsl\"?>\n<!-- generator -->\n<rss>", true},
		{"rss 0.91 doctype", `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91">`, true},
		{"doctype with internal subset", `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss>`, true},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>`, true},
		{"prefixed atom", `<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">`, true},
		{"rdf", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`, true},
		{"json feed", `{"version": "https://jsonfeed.org/version/1", "items": []}`, true},
		{"other json", `{"name": "x"}`, false},
		{"html", `<!DOCTYPE html><html><body><p>x</p></body></html>`, false},
		{"xhtml", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">`, false},
		{"svg", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">`, false},
		{"plain text", "The feed of the river was <rss> strong.", false},
		{"markdown", "# RSS\n\n<rss> is a format.", false},
		{"pdf", "%PDF-1.7\n", false},
		{"utf16 rss", "\xff\xfe<\x00r\x00s\x00s\x00>\x00", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff(&sources.Input{Data: []byte(tt.data)}); got != tt.want {
				t.Errorf("Sniff(%q) = %v, want %v", tt.data, got, tt.want)
			}
		})
	}
}

func render(arts []pipeline.Article) string {
	var sb strings.Builder
	for _, a := range arts {
		pub := ""
		if !a.Published.IsZero() {
			pub = a.Published.Format(time.RFC3339) + " (" + a.PublishedPrecision + ")"
		}
		fmt.Fprintf(&sb, "source: %s\nkind: %s\nurl: %s\ntitle: %s\nbyline: %s\nsite: %s\npublished: %s\nlanguage: %s\ndescription: %s\n",
			a.Source, a.SourceKind, a.URL, a.Title, a.Byline, a.Site, pub, a.Language, a.Description)
		if a.Blocks != nil {
			for _, b := range a.Blocks {
				fmt.Fprintf(&sb, "[%s] %s\n", b.Kind, b.Text)
			}
		} else {
			fmt.Fprintf(&sb, "text: %q\n", a.Text)
		}
		sb.WriteString("===\n")
	}
	return sb.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenpkg.Check(t, filepath.Join("testdata", name), []byte(got))
}

func TestItems(t *testing.T) {
	for _, name := range []string{"sample.rss", "sample.json"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			arts := parseAll(t, name, data)
			golden(t, strings.TrimSuffix(name, filepath.Ext(name))+"."+strings.TrimPrefix(filepath.Ext(name), ".")+".golden", render(arts))
		})
	}
	data, _ := os.ReadFile("testdata/sample.rss")
	arts := parseAll(t, "feed.rss", data)
	if len(arts) != 2 {
		t.Fatalf("got %d articles, want 2 (the picture-only item has no text)", len(arts))
	}
	a := arts[0]
	if a.URL != "https://example.org/2024/08/summit" || a.Source != "feed.rss#https://example.org/2024/08/summit" {
		t.Errorf("relative link not resolved against the feed link: %q %q", a.URL, a.Source)
	}
	if a.Byline != "Aiko Tanaka" || a.Site != "Steppe & Islands Review" || a.Language != "en" || a.Title != "Japan and Central Asia hold first leaders’ summit" {
		t.Errorf("metadata: %+v", a)
	}
	if a.Description != "Tokyo courts five republics." || len(a.Blocks) != 5 || a.Blocks[1].Kind != pipeline.ParaHeading || a.Blocks[4].Kind != pipeline.ParaQuote {
		t.Errorf("content: %q %+v", a.Description, a.Blocks)
	}
	b := arts[1]
	if b.Source != "feed.rss#urn:example:42" || !strings.Contains(b.Text, "5% < 10%") || b.PublishedPrecision != "time" {
		t.Errorf("plain item: %+v", b)
	}
}

func TestMalformed(t *testing.T) {
	tests := []struct {
		name, data string
		line       int
		reason     string
	}{
		{"mismatched tag", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>x</title>\n<item><title>a</title></itm>\n</channel></rss>", 5, "element <item> closed by </itm>"},
		{"truncated", "<?xml version=\"1.0\"?>\n<rss>\n<channel>\n<title>x", 4, "unexpected EOF"},
		{"bad entity", "<rss>\n<channel>\n<title>AT&T</title></channel></rss>", 3, "invalid character entity"},
		{"json", "{\"version\": \"https://jsonfeed.org/version/1\",\n \"items\": [\n {\"id\": 1,}\n]}", 3, "malformed JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Parse(context.Background(), &sources.Input{Name: "bad.xml", Data: []byte(tt.data)}, sources.Options{}, func(pipeline.Article) error { return nil })
			var se *sources.Error
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want *sources.Error", err)
			}
			if se.Line != tt.line || se.Input != "bad.xml" || !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("err = %q (line %d), want line %d and %q", err, se.Line, tt.line, tt.reason)
			}
		})
	}
}

// TestEntityBomb: a "billion laughs" feed must fail fast without expanding
// anything (encoding/xml never expands DOCTYPE entities; gofeed parses with
// it too).
func TestEntityBomb(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n <!ENTITY lol \"lol\">\n")
	prev := "lol"
	for i := 1; i <= 9; i++ {
		name := fmt.Sprintf("lol%d", i)
		fmt.Fprintf(&sb, " <!ENTITY %s \"%s\">\n", name, strings.Repeat("&"+prev+";", 10))
		prev = name
	}
	sb.WriteString("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9; &lol9;</description></item></channel></rss>\n")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	err := Parse(context.Background(), &sources.Input{Name: "bomb.xml", Data: []byte(sb.String())}, sources.Options{}, func(pipeline.Article) error { return nil })
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	var se *sources.Error
	if !errors.As(err, &se) || se.Line == 0 || !strings.Contains(err.Error(), "lol9") {
		t.Errorf("err = %v, want a malformed-XML error naming the entity with its line", err)
	}
	if elapsed > 2*time.Second {
		t.Errorf("took %v", elapsed)
	}
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 50<<20 {
		t.Errorf("allocated %d MB", grown>>20)
	}
}

func TestHeaderCharset(t *testing.T) {
	data := []byte("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Caf\xe9</title><item><title>Cr\xe8me</title><description>Cr\xe8me br\xfbl\xe9e in Almaty.</description></item></channel></rss>")
	for _, ct := range []string{"application/rss+xml; charset=iso-8859-1", ""} {
		var arts []pipeline.Article
		err := Parse(context.Background(), &sources.Input{Name: "latin1.rss", Data: data, ContentType: ct}, sources.Options{}, func(a pipeline.Article) error {
			arts = append(arts, a)
			return nil
		})
		if err != nil {
			t.Fatalf("%q: %v", ct, err)
		}
		if len(arts) != 1 || arts[0].Site != "Café" || arts[0].Text != "Crème brûlée in Almaty." {
			t.Errorf("%q: %+v", ct, arts)
		}
	}
}

func TestFollowLinks(t *testing.T) {
	pageText := strings.Repeat("The full article explains the summit between Japan and the five Central Asian republics in detail. ", 12)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/full":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>Page title</title><meta name="author" content="Page Author"></head><body><article><h1>Page title</h1><p>%s</p></article></body></html>`, pageText)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	feed := fmt.Sprintf(`<rss version="2.0"><channel><title>T</title>
<item><title>Teaser</title><link>%s/full</link><description>Short teaser.</description></item>
<item><title>Broken</title><link>%s/missing</link><description>Another teaser.</description></item>
</channel></rss>`, srv.URL, srv.URL)
	var arts []pipeline.Article
	opts := sources.Options{FollowLinks: true, AllowPrivate: true}
	err := Parse(context.Background(), &sources.Input{Name: "f.rss", Data: []byte(feed)}, opts, func(a pipeline.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil || len(arts) != 2 {
		t.Fatalf("%v, %d articles", err, len(arts))
	}
	a := arts[0]
	if !strings.Contains(a.Text, "explains the summit") || a.Title != "Teaser" || a.Byline != "Page Author" || a.Description != "Short teaser." || a.SourceKind != "feed" {
		t.Errorf("followed item: title %q byline %q description %q text %.80q", a.Title, a.Byline, a.Description, a.Text)
	}
	if arts[1].Text != "Another teaser." {
		t.Errorf("a page that cannot be fetched must leave the teaser: %q", arts[1].Text)
	}
	// Without FollowLinks nothing is fetched.
	arts = nil
	_ = Parse(context.Background(), &sources.Input{Name: "f.rss", Data: []byte(feed)}, sources.Options{AllowPrivate: true}, func(a pipeline.Article) error {
		arts = append(arts, a)
		return nil
	})
	if len(arts) != 2 || arts[0].Text != "Short teaser." {
		t.Errorf("without FollowLinks: %+v", arts)
	}
}

func TestNoItems(t *testing.T) {
	err := Parse(context.Background(), &sources.Input{Name: "empty.rss", Data: []byte(`<rss version="2.0"><channel><title>x</title></channel></rss>`)}, sources.Options{}, func(pipeline.Article) error { return nil })
	if !errors.Is(err, sources.ErrNoText) || !strings.Contains(err.Error(), "empty.rss") {
		t.Errorf("err = %v", err)
	}
}

func FuzzFeed(f *testing.F) {
	for _, name := range []string{"sample.rss", "sample.json"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title><content type="html">&lt;p&gt;hi&lt;/p&gt;</content></entry></feed>`))
	f.Add([]byte(`<?xml version="1.0" encoding="gb2312"?><rss><channel><item><description>` + "\xc4\xe3\xba\xc3" + `</description></item></channel></rss>`))
	f.Add([]byte(`<!DOCTYPE rss [<!ENTITY a "&a;">]><rss><channel><title>&a;</title></channel></rss>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"content_html":"<ul><li>a"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := &sources.Input{Name: "fuzz", Data: data}
		_ = Sniff(in)
		_ = Parse(context.Background(), in, sources.Options{}, func(a pipeline.Article) error {
			if a.Text == "" || a.SourceKind != "feed" {
				t.Fatalf("bad article %+v", a)
			}
			return nil
		})
	})
}
