package dates

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/briefpack/briefpack/pipeline"
)

// New returns the "dates" stage. For every sentence it records one Event
// per date expression (with the entity IDs mentioned in the sentence, from
// d.Mentions) and one Quantity per duration, amount of money, percentage
// or count. Relative expressions are resolved against the publication date
// (d.Article.Published, else d.Document.Published) and stay "relative"
// when it is unknown. Events are sorted by date, then position, with
// unresolved relative dates last.
//
// On a non-English document only ISO dates, amounts with a currency sign
// and percentages with "%" are read, and a note says so.
func New() pipeline.Stage { return stage{} }

type stage struct{}

func (stage) Name() string { return "dates" }

func (stage) Process(ctx context.Context, d *pipeline.Doc) error {
	text := d.Document.Text
	anchor, err := Anchor(d)
	if err != nil {
		return err
	}
	english := isEnglish(d.Document.Language)
	if !english {
		d.Document.Notes = append(d.Document.Notes, fmt.Sprintf("dates: English only; read only ISO dates, currency signs and percentages (language %s)", d.Document.Language))
	}
	ents := sentenceEntities(d.Mentions)
	d.Events = d.Events[:0]
	d.Quantities = d.Quantities[:0]
	var toks []token
	var ms []Match
	for i := range d.Sentences {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		s := &d.Sentences[i]
		if s.Start < 0 || s.End < s.Start || s.End > len(text) {
			return fmt.Errorf("dates: sentence %s has offsets [%d,%d) outside the text (%d bytes)", s.SentID, s.Start, s.End, len(text))
		}
		ms, toks = parse(text[s.Start:s.End], anchor, english, toks)
		for _, m := range ms {
			if m.Kind == KindDate {
				ids := append([]string{}, ents[s.SentID]...)
				d.Events = append(d.Events, pipeline.Event{
					DocID: d.Document.DocID, SentID: s.SentID,
					Date: m.Date, EndDate: m.EndDate, DateText: m.Text, Precision: m.Precision,
					Start: s.Start + m.Start, End: s.Start + m.End,
					Entities: ids, Text: text[s.Start:s.End],
				})
				continue
			}
			d.Quantities = append(d.Quantities, pipeline.Quantity{
				DocID: d.Document.DocID, SentID: s.SentID, Text: m.Text,
				Value: m.Value, Unit: m.Unit, Kind: m.Kind,
				Start: s.Start + m.Start, End: s.Start + m.End,
			})
		}
	}
	SortEvents(d.Events)
	return nil
}

// SortEvents orders events by the first day they cover, then by position;
// events without a date (unresolved relative ones) come last, in position
// order.
func SortEvents(evs []pipeline.Event) {
	sort.SliceStable(evs, func(i, j int) bool {
		a, b := evs[i], evs[j]
		if (a.Date == "") != (b.Date == "") {
			return a.Date != ""
		}
		if ka, kb := SortKey(a.Date), SortKey(b.Date); ka != kb {
			return ka < kb
		}
		return a.Start < b.Start
	})
}

// Anchor returns the date relative expressions of d are resolved against:
// d.Article.Published when set, else d.Document.Published (ISO 8601 date
// or date-time), else the zero time.
func Anchor(d *pipeline.Doc) (time.Time, error) {
	if !d.Article.Published.IsZero() {
		return d.Article.Published, nil
	}
	s := d.Document.Published
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("dates: publication date %q is not ISO 8601", s)
}

func isEnglish(lang string) bool {
	return pipeline.EnglishOrUnknown(lang)
}

// sentenceEntities maps each sentence ID to the entity IDs mentioned in
// it, in order of appearance, without duplicates.
func sentenceEntities(ms []pipeline.Mention) map[string][]string {
	idx := make([]int, len(ms))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return ms[idx[a]].Start < ms[idx[b]].Start })
	out := make(map[string][]string)
	for _, i := range idx {
		m := ms[i]
		if m.EntityID == "" {
			continue
		}
		ids := out[m.SentID]
		dup := false
		for _, id := range ids {
			if id == m.EntityID {
				dup = true
				break
			}
		}
		if !dup {
			out[m.SentID] = append(ids, m.EntityID)
		}
	}
	return out
}
