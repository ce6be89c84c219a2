package xlsx

import (
	"strings"

	"github.com/briefpack/briefpack/pipeline"
)

// eachDoc runs fn for every document, stopping at the first error or when
// the context is cancelled.
func (b *book) eachDoc(fn func(d *pipeline.Doc) error) error {
	for _, d := range b.ds.Docs {
		if err := b.ctx.Err(); err != nil {
			return err
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

// entityNames maps the entity IDs of one document to their names.
func entityNames(d *pipeline.Doc) map[string]string {
	m := make(map[string]string, len(d.Entities))
	for _, e := range d.Entities {
		m[e.EntityID] = e.Name
	}
	return m
}

func (b *book) sentences() error {
	cols := []col{{"Doc ID", 14, 0}, {"Sentence", 9, 0}, {"Paragraph", 10, 0}, {"Start", 8, 0}, {"End", 8, 0},
		{"Key rank", 9, 0}, {"Tone", 8, b.st.dec}, {"Themes", 24, 0}, {"Text", 100, b.st.wrap}}
	return b.table(shSentences, "tblSentences", cols, func(out *tableRows) error {
		return b.eachDoc(func(d *pipeline.Doc) error {
			for _, s := range d.Sentences {
				var key any
				if s.KeyRank > 0 {
					key = s.KeyRank
				}
				if err := out.emit(s.DocID, s.SentID, s.ParaNo, s.Start, s.End, key, s.Tone,
					nilIfEmpty(strings.Join(s.Themes, ", ")), b.text(s.Text)); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

func (b *book) mentions() error {
	cols := []col{{"Doc ID", 14, 0}, {"Sentence", 9, 0}, {"Entity ID", 22, 0}, {"Entity", 26, 0}, {"Surface", 26, 0},
		{"Form", 10, 0}, {"Start", 8, 0}, {"End", 8, 0}}
	return b.table(shMentions, "tblMentions", cols, func(out *tableRows) error {
		return b.eachDoc(func(d *pipeline.Doc) error {
			names := entityNames(d)
			for _, m := range d.Mentions {
				if err := out.emit(m.DocID, m.SentID, m.EntityID, nilIfEmpty(names[m.EntityID]), b.text(m.Surface), m.Form,
					m.Start, m.End); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

func (b *book) entities() error {
	cols := []col{{"Doc ID", 14, 0}, {"Entity ID", 22, 0}, {"Name", 28, 0}, {"Type", 13, 0}, {"ISO2", 6, 0},
		{"ISO3", 6, 0}, {"Wikidata", 11, 0}, {"Mentions", 10, 0}, {"Salience", 10, b.st.dec}, {"Tone", 8, b.st.dec},
		{"First sentence", 14, 0}}
	return b.table(shEntities, "tblEntities", cols, func(out *tableRows) error {
		return b.eachDoc(func(d *pipeline.Doc) error {
			for _, e := range d.Entities {
				if err := out.emit(e.DocID, e.EntityID, b.text(e.Name), e.Type, nilIfEmpty(e.ISO2), nilIfEmpty(e.ISO3),
					nilIfEmpty(e.Wikidata), e.Mentions, e.Salience, e.Tone, e.FirstSent); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

func (b *book) events() error {
	cols := []col{{"Doc ID", 14, 0}, {"Sentence", 9, 0}, {"Date", 12, 0}, {"End date", 12, 0}, {"Precision", 10, 0},
		{"As written", 20, 0}, {"Start", 8, 0}, {"End", 8, 0}, {"Entities", 30, 0}, {"Text", 90, b.st.wrap}}
	return b.table(shEvents, "tblEvents", cols, func(out *tableRows) error {
		return b.eachDoc(func(d *pipeline.Doc) error {
			for _, e := range d.Events {
				if err := out.emit(e.DocID, e.SentID, nilIfEmpty(e.Date), nilIfEmpty(e.EndDate), e.Precision, b.text(e.DateText),
					e.Start, e.End, nilIfEmpty(strings.Join(e.Entities, ", ")), b.text(e.Text)); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

func (b *book) quantities() error {
	cols := []col{{"Doc ID", 14, 0}, {"Sentence", 9, 0}, {"Value", 14, 0}, {"Unit", 10, 0}, {"Kind", 10, 0},
		{"As written", 24, 0}, {"Start", 8, 0}, {"End", 8, 0}}
	return b.table(shQuantities, "tblQuantities", cols, func(out *tableRows) error {
		return b.eachDoc(func(d *pipeline.Doc) error {
			for _, q := range d.Quantities {
				if err := out.emit(q.DocID, q.SentID, q.Value, q.Unit, q.Kind, b.text(q.Text), q.Start, q.End); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

func (b *book) relations() error {
	cols := []col{{"Doc ID", 14, 0}, {"Sentence", 9, 0}, {"Subject", 26, 0}, {"Kind", 12, 0}, {"Object", 26, 0},
		{"Cue", 20, 0}, {"Subject ID", 22, 0}, {"Object ID", 22, 0}}
	return b.table(shRelations, "tblRelations", cols, func(out *tableRows) error {
		return b.eachDoc(func(d *pipeline.Doc) error {
			names := entityNames(d)
			name := func(id string) string {
				if n := names[id]; n != "" {
					return n
				}
				return id
			}
			for _, r := range d.Relations {
				if err := out.emit(r.DocID, r.SentID, b.text(name(r.Subject)), r.Kind, b.text(name(r.Object)), b.text(r.Cue),
					r.Subject, r.Object); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

func (b *book) docThemes() error {
	cols := []col{{"Doc ID", 14, 0}, {"Theme ID", 18, 0}, {"Theme", 26, 0}, {"Score", 9, b.st.dec},
		{"Sentences", 10, 0}, {"Evidence", 40, b.st.wrap}}
	return b.table(shDocThemes, "tblThemeRecords", cols, func(out *tableRows) error {
		return b.eachDoc(func(d *pipeline.Doc) error {
			for _, t := range d.Themes {
				if err := out.emit(t.DocID, t.Theme, b.text(t.Label), t.Score, t.Sentences,
					nilIfEmpty(b.text(strings.Join(t.Evidence, ", ")))); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

func (b *book) paragraphs() error {
	cols := []col{{"Doc ID", 14, 0}, {"Paragraph", 10, 0}, {"Kind", 12, 0}, {"Start", 8, 0}, {"End", 8, 0},
		{"Text", 110, b.st.wrap}}
	return b.table(shParagraphs, "tblParagraphs", cols, func(out *tableRows) error {
		return b.eachDoc(func(d *pipeline.Doc) error {
			for _, p := range d.Paragraphs {
				if err := out.emit(p.DocID, p.ParaNo, p.Kind, p.Start, p.End, b.text(p.Text)); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

func (b *book) failures() error {
	cols := []col{{"Input", 50, b.st.wrap}, {"Stage", 12, 0}, {"Error", 80, b.st.wrap}}
	return b.table(shFailures, "tblFailures", cols, func(out *tableRows) error {
		for _, f := range b.ds.Failures {
			if err := out.emit(b.text(f.Input), f.Stage, b.text(f.Err)); err != nil {
				return err
			}
		}
		return nil
	})
}
