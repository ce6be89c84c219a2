package pdf

import (
	"context"
	"fmt"
	"io"
	"testing"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
)

// FuzzRender renders arbitrary titles and texts, with mention, paragraph
// and event offsets derived from the input (valid or not): the renderer
// must never panic or fail.
func FuzzRender(f *testing.F) {
	f.Add("Japan and Central Asia", "Update: the summit.\n\nJapan meets Kazakhstan in 2004.", 0, 5, 2024)
	f.Add("😀 東京 العربية", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \x00\x01 text\twith\ttabs", 3, 1, 9999)
	f.Add("", "", -1, 100, 0)
	f.Add("a very long title "+string(make([]byte, 300)), "x", 1, 1, -5)
	f.Add("{nb} (parens) \\backslash", "word-with-no-spaces-"+string(make([]rune, 50)), 2, 9, 1)
	ex, err := New(testOpts())
	if err != nil {
		f.Fatal(err)
	}
	e := ex.(*Exporter)
	fs, _ := loadFonts()
	f.Fuzz(func(t *testing.T, title, text string, start, length, year int) {
		if err := renderFuzz(e, fs, title, text, start, length, year); err != nil {
			t.Fatal(err)
		}
	})
}

// renderFuzz renders a two-document pack and a one-document briefing
// built from the fuzz input.
func renderFuzz(e *Exporter, fs *fontSet, title, text string, start, length, year int) error {
	{
		n := utf8.RuneCountInString(text)
		d := &pipeline.Doc{
			Document: pipeline.Document{DocID: "fuzz", Title: title, Text: text, Site: title, Byline: text, Published: text},
			Paragraphs: []pipeline.Paragraph{
				{ParaNo: 1, Kind: pipeline.ParaEditorNote, Start: 0, End: n, Text: text},
				{ParaNo: 2, Kind: pipeline.ParaQuote, Start: start, End: start + length, Text: title},
				{ParaNo: 3, Kind: pipeline.ParaListItem, Start: -start, End: n + length, Text: text},
			},
			Sentences: []pipeline.Sentence{{SentID: "p1s1", ParaNo: 1, Start: start, End: start + length, Text: text}},
			Mentions:  []pipeline.Mention{{SentID: "p1s1", EntityID: "x", Start: start, End: start + length}, {EntityID: "y", Start: 0, End: n}},
			Entities:  []pipeline.Entity{{EntityID: "x", Name: title, Type: "country"}},
			Actors:    []pipeline.ActorRow{{EntityID: "x", Name: title, Type: "country", Salience: float64(year) / 1000, KeyStatement: text, Themes: []pipeline.ThemeScore{{Label: title, Score: float64(length)}}}},
			Events: []pipeline.Event{
				{SentID: "p1s1", Date: text, Text: title, Entities: []string{"x", "zz"}},
				{SentID: "p9s9", Date: itoa4(year), Text: text},
				{SentID: "p1s1", Date: itoa4(year + length), EndDate: title, Text: text},
			},
			Themes:    []pipeline.Theme{{Theme: "t", Label: title, Score: float64(start) / 7}},
			Relations: []pipeline.Relation{{SentID: text, Subject: "x", Object: title, Cue: text, Kind: title}},
			KeyPoints: []string{"p1s1", "missing"},
		}
		ds := &pipeline.Dataset{Docs: []*pipeline.Doc{d, d}}
		ds.Views.Actors = d.Actors
		ds.Views.Countries = d.Actors
		ds.Views.ThemeByDoc = pipeline.Matrix{RowIDs: []string{"t", title}, ColIDs: []string{"fuzz"}, Values: [][]float64{{float64(year)}}}
		ds.Views.DocCompare.Pairs = []pipeline.DocPair{{A: "fuzz", B: title, Similarity: float64(start), SharedEntities: []string{"x", text}, NearDuplicate: true}}
		for _, ev := range d.Events {
			ds.Views.Timeline = append(ds.Views.Timeline, pipeline.TimelineRow{Event: ev, DocTitle: title})
		}
		z := &sanitizer{fs: fs}
		for _, docs := range [][]*pipeline.Doc{{d}, ds.Docs} {
			if err := e.render(context.Background(), io.Discard, ds, docs, z); err != nil {
				return err
			}
		}
	}
	return nil
}

// itoa4 formats a year the way ISO dates do: four digits, with a minus
// sign for negative years (any int, MinInt included).
func itoa4(y int) string {
	sign := ""
	u := uint64(y)
	if y < 0 {
		sign, u = "-", uint64(-(y+1))+1
	}
	return sign + fmt.Sprintf("%04d", u%10000)
}
