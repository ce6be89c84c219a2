package markdown

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
	_ "github.com/briefpack/briefpack/sources/text"
)

func parse1(t *testing.T, name, data string) (pipeline.Article, error) {
	t.Helper()
	var got []pipeline.Article
	err := sources.Parse(context.Background(), &sources.Input{Name: name, Data: []byte(data)}, sources.Options{}, func(a pipeline.Article) error {
		got = append(got, a)
		return nil
	})
	if err != nil {
		return pipeline.Article{}, err
	}
	return got[0], nil
}

func TestFrontMatter(t *testing.T) {
	a, err := parse1(t, "note.md", `---
title: "Japan and Central Asia"
author: Jane Analyst
date: 2024-08-09
url: https://example.org/a
source: Example Review
lang: en
---
# Ignored heading because front matter has a title

The first **summit** will be held in [Astana](https://example.org).

> A quoted line.

- first item
- second item
`)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Japan and Central Asia" || a.Byline != "Jane Analyst" || a.URL != "https://example.org/a" || a.Site != "Example Review" || a.Language != "en" {
		t.Errorf("metadata = %+v", a)
	}
	if want := time.Date(2024, 8, 9, 0, 0, 0, 0, time.UTC); !a.Published.Equal(want) || a.PublishedPrecision != "day" {
		t.Errorf("published = %v %s", a.Published, a.PublishedPrecision)
	}
	want := []pipeline.Block{
		{Kind: pipeline.ParaHeading, Text: "Ignored heading because front matter has a title"},
		{Kind: pipeline.ParaBody, Text: "The first summit will be held in Astana."},
		{Kind: pipeline.ParaQuote, Text: "A quoted line."},
		{Kind: pipeline.ParaListItem, Text: "first item"},
		{Kind: pipeline.ParaListItem, Text: "second item"},
	}
	if len(a.Blocks) != len(want) {
		t.Fatalf("blocks = %+v", a.Blocks)
	}
	for i := range want {
		if a.Blocks[i] != want[i] {
			t.Errorf("block %d = %+v, want %+v", i, a.Blocks[i], want[i])
		}
	}
}

func TestHeadingBecomesTitle(t *testing.T) {
	a, err := parse1(t, "x.md", "# The Title\n\nBody text here.\n")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "The Title" || len(a.Blocks) != 1 || a.Blocks[0].Text != "Body text here." {
		t.Errorf("got %+v", a)
	}
}

func TestFrontMatterErrors(t *testing.T) {
	cases := []struct {
		name, data string
		line       int
	}{
		{"unclosed", "---\ntitle: x\nbody without end\n", 1},
		{"bad yaml", "---\ntitle: x\nauthor: [unclosed\n---\nbody\n", 3},
		{"bad date", "---\ndate: yesterday-ish\n---\nbody\n", 0},
	}
	for _, c := range cases {
		_, err := parse1(t, c.name+".md", c.data)
		var se *sources.Error
		if !errors.As(err, &se) {
			t.Errorf("%s: err = %v, want *sources.Error", c.name, err)
			continue
		}
		if se.Input != c.name+".md" {
			t.Errorf("%s: error names %q", c.name, se.Input)
		}
		if c.line > 0 && se.Line == 0 {
			t.Errorf("%s: no line in %v", c.name, err)
		}
	}
}

func FuzzMarkdown(f *testing.F) {
	f.Add("---\ntitle: a\n---\n# b\n\ntext")
	f.Add("---\n---\n")
	f.Add("> quote\n- item\n1. one\n```\ncode\n```")
	f.Fuzz(func(t *testing.T, s string) {
		_ = sources.Parse(context.Background(), &sources.Input{Name: "f.md", Data: []byte(s)}, sources.Options{}, func(a pipeline.Article) error {
			for _, b := range a.Blocks {
				if b.Text == "" {
					t.Fatal("empty block")
				}
			}
			return nil
		})
	})
}
