package text

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefpack/briefpack/internal/corpora"
	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
)

func TestSplitTitle(t *testing.T) {
	cases := []struct{ in, title, body string }{
		{"Ad sales boost Time Warner profit\n\nQuarterly profits rose.", "Ad sales boost Time Warner profit", "Quarterly profits rose."},
		{"Title\n  \nBody", "Title", "Body"},
		{"First line is a sentence.\n\nBody", "", "First line is a sentence.\n\nBody"},
		{"No blank line after\nBody", "", "No blank line after\nBody"},
		{"Only one line", "", "Only one line"},
		{"Wait for it...\n\nBody", "Wait for it...", "Body"},
	}
	for _, c := range cases {
		title, body := SplitTitle(c.in)
		if title != c.title || body != c.body {
			t.Errorf("SplitTitle(%q) = %q, %q; want %q, %q", c.in, title, body, c.title, c.body)
		}
	}
}

func parseOne(t *testing.T, name string, data []byte) (pipeline.Article, error) {
	t.Helper()
	var got []pipeline.Article
	err := sources.Parse(context.Background(), &sources.Input{Name: name, Kind: "file", Data: data}, sources.Options{}, func(a pipeline.Article) error {
		got = append(got, a)
		return nil
	})
	if err != nil {
		return pipeline.Article{}, err
	}
	if len(got) != 1 {
		t.Fatalf("%d articles, want 1", len(got))
	}
	return got[0], nil
}

func TestParse(t *testing.T) {
	a, err := parseOne(t, "a.txt", []byte("Headline here\n\nBody text."))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Headline here" || a.Text != "Body text." || a.SourceKind != "text" || a.Source != "a.txt" {
		t.Errorf("article = %+v", a)
	}
	for _, bad := range []struct {
		name string
		data []byte
		want error
	}{
		{"empty", []byte(""), sources.ErrEmpty},
		{"spaces", []byte(" \n\t\n "), sources.ErrEmpty},
		{"pdf", []byte("%PDF-1.7\n..."), sources.ErrUnsupported},
		{"zip", []byte("PK\x03\x04rest"), sources.ErrUnsupported},
		{"binary", []byte("\x01\x02\x03\x04\x05\x06\x00\x07"), sources.ErrUnsupported},
		{"json data", []byte(`{"title": "not an article"}`), sources.ErrUnsupported},
	} {
		_, err := parseOne(t, bad.name, bad.data)
		var se *sources.Error
		if !errors.Is(err, bad.want) || !errors.As(err, &se) || se.Input != bad.name {
			t.Errorf("%s: err = %v, want %v naming the input", bad.name, err, bad.want)
		}
	}
}

func TestBBCTitle(t *testing.T) {
	dir := corpora.Dir(t, "bbc")
	data, err := os.ReadFile(filepath.Join(dir, "business", "001.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := parseOne(t, "001.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Ad sales boost Time Warner profit" {
		t.Errorf("title = %q", a.Title)
	}
}
