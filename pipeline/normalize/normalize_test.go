package normalize

import (
	"context"
	"strings"
	"testing"

	"github.com/briefpack/briefpack/examples"
	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources/decode"
)

func run(t *testing.T, a pipeline.Article) *pipeline.Doc {
	t.Helper()
	d := &pipeline.Doc{Article: a}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSeed(t *testing.T) {
	text, _ := decode.Text(examples.Seed)
	d := run(t, pipeline.Article{Source: "seed.txt", Text: text})
	if len(d.Paragraphs) != 10 {
		t.Fatalf("%d paragraphs, want 10 (one per line)", len(d.Paragraphs))
	}
	if d.Paragraphs[0].Kind != pipeline.ParaEditorNote {
		t.Errorf("first paragraph kind = %s, want editor_note", d.Paragraphs[0].Kind)
	}
	for _, p := range d.Paragraphs[1:] {
		if p.Kind != pipeline.ParaBody {
			t.Errorf("paragraph %d kind = %s, want body", p.ParaNo, p.Kind)
		}
	}
	for _, p := range d.Paragraphs {
		if d.Document.Text[p.Start:p.End] != p.Text {
			t.Errorf("paragraph %d offsets do not point at its text", p.ParaNo)
		}
	}
	if d.Document.Words < 900 || d.Document.Words > 960 {
		t.Errorf("words = %d, want about 937", d.Document.Words)
	}
	if len(d.Document.DocID) != 12 || d.Document.ContentSHA256[:12] != d.Document.DocID {
		t.Errorf("doc id %q / sha %q", d.Document.DocID, d.Document.ContentSHA256)
	}
	if !strings.HasPrefix(d.Document.Title, "The first summit between the countries of Central Asia and Japan") {
		t.Errorf("fallback title = %q", d.Document.Title)
	}
}

func TestParagraphs(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []pipeline.Block
	}{
		{"hard wraps joined", "This is a para-\ngraph that wraps\nacross lines.\n\nSecond one.",
			[]pipeline.Block{{Kind: "body", Text: "This is a paragraph that wraps across lines."}, {Kind: "body", Text: "Second one."}}},
		{"real hyphen kept", "A well-\nKnown case.\n\nNext.",
			[]pipeline.Block{{Kind: "body", Text: "A well- Known case."}, {Kind: "body", Text: "Next."}}},
		{"one line one paragraph", "First.\nSecond.", []pipeline.Block{{Kind: "body", Text: "First."}, {Kind: "body", Text: "Second."}}},
		{"lists and quotes", "Intro text here is long enough.\n- one\n* two\n1. three\n> quoted",
			[]pipeline.Block{{Kind: "body", Text: "Intro text here is long enough."}, {Kind: "list_item", Text: "one"}, {Kind: "list_item", Text: "two"}, {Kind: "list_item", Text: "1. three"}, {Kind: "quote", Text: "quoted"}}},
		{"heading", "Background\n\nThe long paragraph that follows the heading explains the background in detail.",
			[]pipeline.Block{{Kind: "heading", Text: "Background"}, {Kind: "body", Text: "The long paragraph that follows the heading explains the background in detail."}}},
		{"editor note", "Editor’s note: corrected on Monday.\nBody.",
			[]pipeline.Block{{Kind: "editor_note", Text: "Editor’s note: corrected on Monday."}, {Kind: "body", Text: "Body."}}},
		{"short lines set one under the other", "The statement ends here.\n\nKimiebi Ebienfa\nSpokesperson\nMinistry of Foreign Affairs\nAbuja",
			[]pipeline.Block{{Kind: "body", Text: "The statement ends here."}, {Kind: "body", Text: "Kimiebi Ebienfa"},
				{Kind: "body", Text: "Spokesperson"}, {Kind: "body", Text: "Ministry of Foreign Affairs"}, {Kind: "body", Text: "Abuja"}}},
		{"short prose lines still joined", "A short paragraph that\nwraps in lower case.\n\nNext.",
			[]pipeline.Block{{Kind: "body", Text: "A short paragraph that wraps in lower case."}, {Kind: "body", Text: "Next."}}},
		{"title and byline above the text", "Japan Pragmatism Faces Its Real Test\nThe president has surprised Tokyo.\nBy Kang Min-jae\nWhen Lee won the election, many braced for a chill.\n\nNext.",
			[]pipeline.Block{{Kind: "body", Text: "Japan Pragmatism Faces Its Real Test"},
				{Kind: "body", Text: "The president has surprised Tokyo. By Kang Min-jae"},
				{Kind: "body", Text: "When Lee won the election, many braced for a chill."}, {Kind: "body", Text: "Next."}}},
		{"wrapped prose ending on a connector stays joined", "The minister of\nForeign Affairs spoke.\n\nNext.",
			[]pipeline.Block{{Kind: "body", Text: "The minister of Foreign Affairs spoke."}, {Kind: "body", Text: "Next."}}},
		{"a long headline in title case above the text", "At TICAD 9, Japan Bets on the Indian Ocean to Win Back Africa\nTokyo is repositioning its flagship summit for a new era.\n\nNext.",
			[]pipeline.Block{{Kind: "body", Text: "At TICAD 9, Japan Bets on the Indian Ocean to Win Back Africa"},
				{Kind: "body", Text: "Tokyo is repositioning its flagship summit for a new era."}, {Kind: "body", Text: "Next."}}},
		{"spaces collapsed", "  lots   of\u00a0 space  ", []pipeline.Block{{Kind: "body", Text: "lots of space"}}},
	}
	for _, c := range cases {
		got := Paragraphs(c.in)
		if len(got) != len(c.want) {
			t.Errorf("%s: got %+v", c.name, got)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: block %d = %+v, want %+v", c.name, i, got[i], c.want[i])
			}
		}
	}
}

func TestEmptyAndBlocks(t *testing.T) {
	d := &pipeline.Doc{Article: pipeline.Article{Source: "x", Text: " \n \n"}}
	if err := New().Process(context.Background(), d); err == nil {
		t.Error("empty article: no error")
	}
	d = run(t, pipeline.Article{Source: "x", Title: "T", Blocks: []pipeline.Block{{Kind: pipeline.ParaHeading, Text: "Head"}, {Text: "Update: late news."}, {Kind: pipeline.ParaBody, Text: "  "}}})
	if len(d.Paragraphs) != 2 || d.Paragraphs[0].Kind != pipeline.ParaHeading || d.Paragraphs[1].Kind != pipeline.ParaEditorNote {
		t.Errorf("blocks: %+v", d.Paragraphs)
	}
	if d.Document.Text != "Head\n\nUpdate: late news." {
		t.Errorf("text = %q", d.Document.Text)
	}
}

func TestSameTextSameID(t *testing.T) {
	a := run(t, pipeline.Article{Source: "a", Text: "Same text.\r\n"})
	b := run(t, pipeline.Article{Source: "b", Title: "Other", Text: "Same   text."})
	if a.Document.DocID != b.Document.DocID {
		t.Error("same normalized text gave different doc ids")
	}
}

func TestTextLimit(t *testing.T) {
	para := strings.Repeat("Japan and Kazakhstan met in Astana. ", 30) // 1,080 bytes
	text := strings.Repeat(para+"\n\n", 10)
	d := &pipeline.Doc{Article: pipeline.Article{Source: "big.txt", Title: "Big", Text: text}}
	if err := NewWithLimit(2500).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if n := len(d.Document.Text); n > 2500 || n < 2000 {
		t.Errorf("kept %d bytes, want at most 2500 and close to it", n)
	}
	if !strings.HasSuffix(d.Document.Text, "Astana.") {
		t.Errorf("cut mid-sentence: ...%q", d.Document.Text[len(d.Document.Text)-30:])
	}
	last := d.Paragraphs[len(d.Paragraphs)-1]
	if d.Document.Text[last.Start:last.End] != last.Text || len(d.Paragraphs) != 3 {
		t.Errorf("%d paragraphs, last %+v", len(d.Paragraphs), last)
	}
	found := false
	for _, n := range d.Document.Notes {
		found = found || strings.HasPrefix(n, "text: only the first")
	}
	if !found {
		t.Errorf("no truncation note in %v", d.Document.Notes)
	}
	// One enormous line is cut at a sentence end too.
	d = &pipeline.Doc{Article: pipeline.Article{Source: "line.txt", Title: "Line", Text: strings.Repeat("Japan met Kazakhstan. ", 1000)}}
	if err := NewWithLimit(1000).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Document.Text) > 1000 || !strings.HasSuffix(d.Document.Text, "Kazakhstan.") {
		t.Errorf("single line cut to %d bytes ending %q", len(d.Document.Text), d.Document.Text[len(d.Document.Text)-12:])
	}
	// Under the limit nothing changes.
	d = run(t, pipeline.Article{Source: "s.txt", Title: "S", Text: para})
	if len(d.Document.Notes) != 0 || d.Document.Text != strings.TrimSpace(para) {
		t.Errorf("short text changed: notes %v", d.Document.Notes)
	}
}
