package html

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
)

// FuzzHTML feeds arbitrary bytes to the html format: no panic, and a page
// either yields an article with text or an error naming the input.
func FuzzHTML(f *testing.F) {
	for _, name := range []string{"article.html", "latin1.html", "navonly.html"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(b, "")
		}
	}
	f.Add([]byte("<html><body><p>x</p></body></html>"), "text/html; charset=koi8-r")
	f.Add([]byte("<!doctype html><script type=application/ld+json>[{\"@type\":\"Article\",\"author\":[[[[{}]]]]}]</script><table><tr><td><p>a<td>b"), "")
	f.Add([]byte("\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00"), "")
	f.Add([]byte("<meta charset=gb2312><title>\xc4\xe3\xba\xc3</title><p>\xc4\xe3\xba\xc3</p>"), "")
	f.Fuzz(func(t *testing.T, data []byte, ct string) {
		in := &sources.Input{Name: "fuzz", Data: data, ContentType: ct}
		_ = Sniff(in)
		a, err := Extract(context.Background(), in, sources.Options{})
		if err != nil {
			return
		}
		if countWords(a.Blocks) == 0 {
			t.Fatalf("article without words accepted")
		}
		for _, b := range a.Blocks {
			if b.Text == "" || b.Kind == "" {
				t.Fatalf("empty block %+v", b)
			}
		}
		_ = Fragment(string(data))
		_ = pipeline.Article{}
	})
}
