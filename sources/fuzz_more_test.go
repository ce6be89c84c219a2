package sources_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
	_ "github.com/briefpack/briefpack/sources/all"
)

// FuzzParse sends arbitrary bytes, under a chosen file name, through
// sniffing and every registered format: no panic; an error is a
// *sources.Error naming the input; every article carries valid UTF-8, a
// source key derived from the input, and some text.
func FuzzParse(f *testing.F) {
	for _, c := range []struct{ name, data string }{
		{"a.txt", "Title\n\nJapan and Kazakhstan met in Astana."},
		{"a.md", "---\ntitle: T\ndate: 2024-08-09\n---\n# H\n\n> quote\n\n- item\n"},
		{"a.html", "<!doctype html><html lang=en><head><title>T</title><link rel=canonical href=javascript:x></head><body><article><p>Japan and Kazakhstan met in Astana on energy.</p></article></body></html>"},
		{"a.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title><item><title>I</title><link>javascript:alert(1)</link><description>Japan met Kazakhstan.</description></item></channel></rss>"},
		{"a.json", "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"F\",\"items\":[{\"id\":\"1\",\"content_text\":\"Japan met Kazakhstan.\"}]}"},
		{"a.atom", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title><entry><title>E</title><content type=\"html\">&lt;p&gt;Japan&lt;/p&gt;</content></entry></feed>"},
		{"b.txt", "Caf\xe9 \xff\xfe"},
		{"c.txt", "\xff\xfeJ\x00a\x00p\x00a\x00n\x00"},
		{"d.md", "---\ntitle: [unclosed\n---\nBody"},
		{"e.html", "<div><div><div><p>x</p>"},
		{"f.txt", "%PDF-1.4"},
	} {
		f.Add(c.name, []byte(c.data))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if name == "" || strings.ContainsAny(name, "#\x00") {
			name = "fuzz.txt"
		}
		n := 0
		err := sources.Parse(context.Background(), &sources.Input{Name: name, Kind: "file", Data: data}, sources.Options{}, func(a pipeline.Article) error {
			n++
			if a.Source != name && !strings.HasPrefix(a.Source, name+"#") {
				t.Fatalf("article source %q for input %q", a.Source, name)
			}
			for _, s := range []string{a.Title, a.Text, a.Byline, a.Site, a.Description} {
				if !utf8.ValidString(s) {
					t.Fatalf("invalid UTF-8 %q", s)
				}
			}
			for _, b := range a.Blocks {
				if !utf8.ValidString(b.Text) {
					t.Fatalf("invalid UTF-8 block %q", b.Text)
				}
			}
			if strings.TrimSpace(a.Text) == "" && len(a.Blocks) == 0 {
				t.Fatalf("article without text from %q", data)
			}
			return nil
		})
		if err != nil {
			var se *sources.Error
			if !errors.As(err, &se) || se.Input != name {
				t.Fatalf("error %v (%T) does not name the input %q", err, err, name)
			}
		}
		if n > len(data)+1 {
			t.Fatalf("%d articles from %d bytes", n, len(data))
		}
	})
}
