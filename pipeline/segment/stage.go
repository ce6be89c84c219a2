package segment

import (
	"context"
	"fmt"
	"strconv"

	"github.com/briefpack/briefpack/pipeline"
)

// New returns the "segment" stage. It splits each paragraph of the
// document on its own (a sentence never crosses a paragraph), fills
// d.Sentences with byte offsets into d.Document.Text and sets
// d.Document.Sentences. A document without paragraphs but with text is
// segmented as one paragraph numbered 1.
func New() pipeline.Stage { return stage{} }

type stage struct{}

func (stage) Name() string { return "segment" }

func (stage) Process(ctx context.Context, d *pipeline.Doc) error {
	text := d.Document.Text
	paras := d.Paragraphs
	if len(paras) == 0 && len(text) > 0 {
		paras = []pipeline.Paragraph{{ParaNo: 1, Start: 0, End: len(text)}}
	}
	d.Sentences = d.Sentences[:0]
	for i, p := range paras {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if p.Start < 0 || p.End < p.Start || p.End > len(text) {
			return fmt.Errorf("segment: paragraph %d has offsets [%d,%d) outside the text (%d bytes)", p.ParaNo, p.Start, p.End, len(text))
		}
		no := p.ParaNo
		if no <= 0 {
			no = i + 1
		}
		prefix := "p" + strconv.Itoa(no) + "s"
		for k, sp := range Split(text[p.Start:p.End]) {
			st, en := p.Start+sp.Start, p.Start+sp.End
			d.Sentences = append(d.Sentences, pipeline.Sentence{
				DocID:  d.Document.DocID,
				SentID: prefix + strconv.Itoa(k+1),
				ParaNo: no,
				Start:  st,
				End:    en,
				Text:   text[st:en],
			})
		}
	}
	d.Document.Sentences = len(d.Sentences)
	return nil
}
