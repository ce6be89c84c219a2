package engine

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
)

// FuzzEngine runs the whole standard pipeline on arbitrary text and checks
// the record invariants every exporter relies on: no stage panics (the
// runner turns a panic into an "internal error" failure, which fails the
// fuzz test), every offset is a code point offset within Document.Text
// that cuts out the record's own text, sentence and mention IDs hold
// together, and every string is valid UTF-8.
func FuzzEngine(f *testing.F) {
	for _, s := range []struct{ title, text string }{
		{"", "Japan and Kazakhstan held talks in Astana on 9 August 2024. President Tokayev welcomed the plan."},
		{"Summit", "Update: corrected.\n\nThe United Nations and the EU said $5.2 million (20%) would follow in 2025-26."},
		{"", "Қазақстан мен Жапония Астанада саммит өткізеді."},
		{"", "اليابان وكازاخستان تعقدان قمة في أستانا."},
		{"=1+2", "Japan\u200b and \u202eKazakhstan\u202c met. 🇯🇵 𝔘𝔫𝔦 😀 Mr. U.S. Dr. J. R. R. Tolkien..."},
		{"", "\"Quoted,\" he said. (Aside.) - list\n- item one\n- item two\n> quote"},
		{"", "a\xffb\xfe. Caf\xe9."},
		{"", strings.Repeat("Japan. ", 200)},
		{"", ""},
	} {
		f.Add(s.title, s.text)
	}
	r, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, title, text string) {
		if len(text) > 1<<16 {
			return
		}
		// Sources hand the pipeline valid UTF-8 (pipeline.Article).
		title, text = strings.ToValidUTF8(title, "\uFFFD"), strings.ToValidUTF8(text, "\uFFFD")
		start := time.Now()
		d, err := r.Process(context.Background(), 0, pipeline.Article{Source: "fuzz", SourceKind: "text", Title: title, Text: text})
		// At most 64 KB of text: anything near this bound is pathological
		// (the BBC articles take milliseconds), even on a loaded machine.
		if took := time.Since(start); took > 20*time.Second {
			t.Fatalf("%d bytes took %s", len(text), took)
		}
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("panic in a stage: %v", err)
			}
			return // an empty document is refused
		}
		checkDoc(t, d)
	})
}

func checkDoc(t *testing.T, d *pipeline.Doc) {
	t.Helper()
	text := []rune(d.Document.Text)
	n := len(text)
	if !utf8.ValidString(d.Document.Text) || !utf8.ValidString(d.Document.Title) {
		t.Fatalf("invalid UTF-8 in the document: %q / %q", d.Document.Title, d.Document.Text)
	}
	span := func(what string, start, end int, want string) {
		t.Helper()
		if start < 0 || end < start || end > n {
			t.Fatalf("%s [%d,%d) outside the text of %d code points", what, start, end, n)
		}
		if want != "" && string(text[start:end]) != want {
			t.Fatalf("%s [%d,%d) cuts %q, record says %q", what, start, end, string(text[start:end]), want)
		}
	}
	for _, p := range d.Paragraphs {
		span("paragraph", p.Start, p.End, p.Text)
	}
	sents := map[string]bool{}
	for _, s := range d.Sentences {
		span("sentence "+s.SentID, s.Start, s.End, s.Text)
		if sents[s.SentID] {
			t.Fatalf("duplicate sentence ID %s", s.SentID)
		}
		sents[s.SentID] = true
		if s.ParaNo < 1 || s.ParaNo > len(d.Paragraphs) {
			t.Fatalf("sentence %s in paragraph %d of %d", s.SentID, s.ParaNo, len(d.Paragraphs))
		}
	}
	if d.Document.Sentences != len(d.Sentences) || d.Document.Paragraphs != len(d.Paragraphs) {
		t.Fatalf("document counts %d sentences, %d paragraphs; records %d, %d", d.Document.Sentences, d.Document.Paragraphs, len(d.Sentences), len(d.Paragraphs))
	}
	ents := map[string]bool{}
	for _, e := range d.Entities {
		ents[e.EntityID] = true
		if !utf8.ValidString(e.Name) {
			t.Fatalf("entity name %q", e.Name)
		}
	}
	for _, m := range d.Mentions {
		span("mention "+m.EntityID, m.Start, m.End, m.Surface)
		if !sents[m.SentID] || !ents[m.EntityID] {
			t.Fatalf("mention %+v refers to a missing sentence or entity", m)
		}
	}
	for _, e := range d.Events {
		span("event "+e.DateText, e.Start, e.End, e.DateText)
		if !sents[e.SentID] {
			t.Fatalf("event %+v in a missing sentence", e)
		}
	}
	for _, q := range d.Quantities {
		span("quantity "+q.Text, q.Start, q.End, q.Text)
	}
	for _, rel := range d.Relations {
		if !ents[rel.Subject] || !ents[rel.Object] || !sents[rel.SentID] {
			t.Fatalf("relation %+v refers to a missing entity or sentence", rel)
		}
	}
	for _, th := range d.Themes {
		for _, id := range th.Evidence {
			if !sents[id] {
				t.Fatalf("theme %s evidence %s is no sentence", th.Theme, id)
			}
		}
	}
	for _, id := range d.KeyPoints {
		if !sents[id] {
			t.Fatalf("key point %s is no sentence", id)
		}
	}
}
