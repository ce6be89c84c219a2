package normalize

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
)

// FuzzNormalize runs the stage on arbitrary text, as plain text and as
// source blocks (split at "\x1e", kinds cycling through the paragraph
// kinds): the document ID is the content hash prefix, paragraphs cut
// Document.Text exactly at byte offsets, are joined by "\n\n", and carry a
// known kind; an empty result is an error, not an empty document.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"Update: fixed.\n\nJapan and Kazakhstan met.\nIt was hard-\nwon.",
		"Title\x1e- item\x1e> quote\x1eBody text.",
		"\u200b\u202e \t\r\n",
		"a\r\rb\rc",
		"",
	} {
		f.Add(s, "T", true)
		f.Add(s, "", false)
	}
	kinds := []string{pipeline.ParaBody, pipeline.ParaHeading, pipeline.ParaQuote, pipeline.ParaListItem, pipeline.ParaEditorNote}
	known := map[string]bool{}
	for _, k := range kinds {
		known[k] = true
	}
	stage := New()
	f.Fuzz(func(t *testing.T, text, title string, blocks bool) {
		text, title = strings.ToValidUTF8(text, "\uFFFD"), strings.ToValidUTF8(title, "\uFFFD")
		a := pipeline.Article{Source: "fuzz.txt", SourceKind: "text", Title: title}
		if blocks {
			for i, b := range strings.Split(text, "\x1e") {
				a.Blocks = append(a.Blocks, pipeline.Block{Kind: kinds[i%len(kinds)], Text: b})
			}
		} else {
			a.Text = text
		}
		d := &pipeline.Doc{Article: a}
		if err := stage.Process(context.Background(), d); err != nil {
			if len(d.Paragraphs) > 0 && d.Document.Text != "" {
				t.Fatalf("error %v with a document", err)
			}
			return
		}
		doc := d.Document
		if doc.Text == "" || len(d.Paragraphs) == 0 {
			t.Fatalf("empty document without an error from %q", text)
		}
		if !strings.HasPrefix(doc.ContentSHA256, doc.DocID) || len(doc.DocID) != 12 {
			t.Fatalf("doc ID %q, hash %q", doc.DocID, doc.ContentSHA256)
		}
		if !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.Title) {
			t.Fatalf("invalid UTF-8")
		}
		var parts []string
		for i, p := range d.Paragraphs {
			if p.ParaNo != i+1 || !known[p.Kind] {
				t.Fatalf("paragraph %d: %+v", i, p)
			}
			if p.Start < 0 || p.End > len(doc.Text) || p.Start > p.End || doc.Text[p.Start:p.End] != p.Text {
				t.Fatalf("paragraph %d [%d,%d) does not cut its text %q", i, p.Start, p.End, p.Text)
			}
			parts = append(parts, p.Text)
		}
		if strings.Join(parts, "\n\n") != doc.Text {
			t.Fatalf("paragraphs joined by blank lines are not the text")
		}
	})
}
