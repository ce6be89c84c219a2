package csv

import (
	"context"
	"strings"

	"github.com/briefpack/briefpack/pipeline"
)

// Table is one CSV file: its name (csv/<Name>.csv), what a row is, its
// columns in file order, and the function that emits its rows.
type Table struct {
	Name    string
	Row     string // "one row per ..."
	Columns []Column
	rows    func(ctx context.Context, ds *pipeline.Dataset, emit func(cells ...string) error) error
}

// Tables lists every file the exporter writes, in writing order. The
// column order of each file is part of briefpack's output contract and is
// documented in docs/records.md (generated from this list by the package's
// tests).
func Tables() []Table { return append([]Table(nil), tables...) }

// each runs fn for every document, checking ctx between documents.
func each(ctx context.Context, ds *pipeline.Dataset, fn func(d *pipeline.Doc) error) error {
	for _, d := range ds.Docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

var actorColumns = []Column{
	{"rank", Int, "position in the view (1 = most salient)"},
	{"entity_id", Text, "entity ID (ISO 3166-1 alpha-3 for countries, a stable slug otherwise)"},
	{"name", Text, "canonical name"},
	{"type", Text, "country, region, city, person, organization, framework or event"},
	{"iso2", Text, "ISO 3166-1 alpha-2 code; empty when not a country"},
	{"iso3", Text, "ISO 3166-1 alpha-3 code; empty when not a country"},
	{"wikidata", Text, "Wikidata ID when known, else empty"},
	{"documents", Int, "number of documents that mention the entity"},
	{"mentions", Int, "number of mentions across the run"},
	{"salience", Float, "salience in [0,1] as computed by aggregate"},
	{"tone", Float, "mean tone of the sentences that mention it, in [-1,1]"},
	{"themes", Text, "the entity's themes, strongest first, as theme_id=share joined with |; share = fraction of its sentences carrying the theme"},
	{"key_statement", Text, "the most salient sentence about the entity"},
	{"key_statement_doc", Text, "doc_id of the key statement"},
	{"key_statement_sent", Text, "sent_id of the key statement"},
	{"first_mention", Text, "<doc_id>:<sent_id> of the first mention"},
	{"evidence", Text, "<doc_id>:<sent_id> of every sentence that mentions it, joined with |"},
}

func emitActors(ctx context.Context, rows []pipeline.ActorRow, emit func(cells ...string) error) error {
	var b strings.Builder
	for i, a := range rows {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		b.Reset()
		for j, t := range a.Themes {
			if j > 0 {
				b.WriteByte('|')
			}
			b.WriteString(t.Theme)
			b.WriteByte('=')
			b.WriteString(fmtFloat(t.Score))
		}
		if err := emit(fmtInt(i+1), a.EntityID, a.Name, a.Type, a.ISO2, a.ISO3, a.Wikidata,
			fmtInt(a.Documents), fmtInt(a.Mentions), fmtFloat(a.Salience), fmtFloat(a.Tone),
			b.String(), a.KeyStatement, a.KeyStatementDoc, a.KeyStatementRef, a.FirstMention,
			idList(a.Evidence)); err != nil {
			return err
		}
	}
	return nil
}

// emitThemeMatrix emits a theme matrix (themes on rows, as pipeline.Views
// defines them) in long form, one row per cell.
func emitThemeMatrix(ctx context.Context, ds *pipeline.Dataset, m pipeline.Matrix, emit func(cells ...string) error) error {
	for r := range m.RowIDs {
		if err := ctx.Err(); err != nil {
			return err
		}
		for c := range m.ColIDs {
			v := ""
			if r < len(m.Values) && c < len(m.Values[r]) {
				v = fmtFloat(m.Values[r][c])
			}
			rid, rl, cid, cl := m.RowIDs[r], label(m.RowLabels, r), m.ColIDs[c], label(m.ColLabels, c)
			if err := emit(rid, rl, cid, cl, v); err != nil {
				return err
			}
		}
	}
	return nil
}

func label(labels []string, i int) string {
	if i < len(labels) {
		return labels[i]
	}
	return ""
}

var tables = []Table{
	{
		Name: "documents", Row: "document (after merging duplicates)",
		Columns: []Column{
			{"doc_id", Text, "document ID, a short hash of the normalized text"},
			{"source", Text, "the input that gave this text first (path, URL, stdin, feed URL#item link)"},
			{"sources", Text, "every input that gave this text, one per line"},
			{"source_kind", Text, "text, markdown, html, feed, url or stdin"},
			{"url", Text, "canonical URL when known"},
			{"title", Text, "title"},
			{"byline", Text, "author(s)"},
			{"site", Text, "site or feed name"},
			{"published", Text, "ISO 8601 date or date-time; empty when unknown"},
			{"language", Text, "BCP 47 primary language tag (en, ru, ja, ...)"},
			{"notes", Text, "caveats (e.g. English-only stages skipped), one per line"},
			{"words", Int, "word count"},
			{"paragraphs", Int, "paragraph count"},
			{"sentences", Int, "sentence count"},
			{"tone", Float, "document tone in [-1,1]"},
			{"summary", Text, "key points in document order"},
			{"content_sha256", Text, "SHA-256 of the normalized text, hex"},
			{"text", Text, "the normalized text; every start/end offset in the other files counts Unicode code points into this text"},
		},
		rows: func(ctx context.Context, ds *pipeline.Dataset, emit func(cells ...string) error) error {
			return each(ctx, ds, func(d *pipeline.Doc) error {
				m := d.Document
				return emit(m.DocID, m.Source, textList(m.Sources), m.SourceKind, m.URL, m.Title, m.Byline,
					m.Site, m.Published, m.Language, textList(m.Notes), fmtInt(m.Words), fmtInt(m.Paragraphs),
					fmtInt(m.Sentences), fmtFloat(m.Tone), m.Summary, m.ContentSHA256, m.Text)
			})
		},
	},
	{
		Name: "paragraphs", Row: "paragraph",
		Columns: []Column{
			{"doc_id", Text, "document ID"},
			{"para_no", Int, "paragraph number, 1-based"},
			{"kind", Text, "body, editor_note, heading, quote or list_item"},
			{"start", Int, "start offset (code points) in documents.text"},
			{"end", Int, "end offset (code points, exclusive)"},
			{"text", Text, "paragraph text"},
		},
		rows: func(ctx context.Context, ds *pipeline.Dataset, emit func(cells ...string) error) error {
			return each(ctx, ds, func(d *pipeline.Doc) error {
				for _, p := range d.Paragraphs {
					if err := emit(p.DocID, fmtInt(p.ParaNo), p.Kind, fmtInt(p.Start), fmtInt(p.End), p.Text); err != nil {
						return err
					}
				}
				return nil
			})
		},
	},
	{
		Name: "sentences", Row: "sentence",
		Columns: []Column{
			{"doc_id", Text, "document ID"},
			{"sent_id", Text, "p<para>s<sentence>, both 1-based"},
			{"para_no", Int, "paragraph number"},
			{"start", Int, "start offset (code points) in documents.text"},
			{"end", Int, "end offset (code points, exclusive)"},
			{"key_rank", Int, "rank among the key points (1 = most central); 0 when not a key point"},
			{"tone", Float, "sentence tone in [-1,1]"},
			{"themes", Text, "theme IDs of the sentence, joined with |"},
			{"text", Text, "sentence text"},
		},
		rows: func(ctx context.Context, ds *pipeline.Dataset, emit func(cells ...string) error) error {
			return each(ctx, ds, func(d *pipeline.Doc) error {
				for _, s := range d.Sentences {
					if err := emit(s.DocID, s.SentID, fmtInt(s.ParaNo), fmtInt(s.Start), fmtInt(s.End),
						fmtInt(s.KeyRank), fmtFloat(s.Tone), idList(s.Themes), s.Text); err != nil {
						return err
					}
				}
				return nil
			})
		},
	},
	{
		Name: "mentions", Row: "entity mention",
		Columns: []Column{
			{"doc_id", Text, "document ID"},
			{"sent_id", Text, "sentence ID"},
			{"entity_id", Text, "entity ID"},
			{"surface", Text, "the text as written"},
			{"form", Text, "name, alias, acronym, demonym, metonym or short"},
			{"start", Int, "start offset (code points) in documents.text"},
			{"end", Int, "end offset (code points, exclusive)"},
		},
		rows: func(ctx context.Context, ds *pipeline.Dataset, emit func(cells ...string) error) error {
			return each(ctx, ds, func(d *pipeline.Doc) error {
				for _, m := range d.Mentions {
					if err := emit(m.DocID, m.SentID, m.EntityID, m.Surface, m.Form, fmtInt(m.Start), fmtInt(m.End)); err != nil {
						return err
					}
				}
				return nil
			})
		},
	},
	{
		Name: "entities", Row: "entity in a document, most salient first",
		Columns: []Column{
			{"doc_id", Text, "document ID"},
			{"entity_id", Text, "entity ID (ISO alpha-3 for countries, a stable slug otherwise)"},
			{"name", Text, "canonical name"},
			{"type", Text, "country, region, city, person, organization, framework or event"},
			{"iso2", Text, "ISO 3166-1 alpha-2; empty when not a country"},
			{"iso3", Text, "ISO 3166-1 alpha-3; empty when not a country"},
			{"wikidata", Text, "Wikidata ID when known"},
			{"mentions", Int, "mentions in the document"},
			{"salience", Float, "salience in the document, in [0,1]"},
			{"tone", Float, "mean tone of the sentences that mention it"},
			{"first_sent", Text, "sent_id of the first mention"},
		},
		rows: func(ctx context.Context, ds *pipeline.Dataset, emit func(cells ...string) error) error {
			return each(ctx, ds, func(d *pipeline.Doc) error {
				for _, e := range d.Entities {
					if err := emit(e.DocID, e.EntityID, e.Name, e.Type, e.ISO2, e.ISO3, e.Wikidata,
						fmtInt(e.Mentions), fmtFloat(e.Salience), fmtFloat(e.Tone), e.FirstSent); err != nil {
						return err
					}
				}
				return nil
			})
		},
	},
	{
		Name: "events", Row: "dated statement, in date order within each document",
		Columns: []Column{
			{"doc_id", Text, "document ID"},
			{"sent_id", Text, "sentence ID"},
			{"date", Text, "ISO 8601 to the precision known (2004, 2024-08, 2024-08-09); empty when relative and unresolved"},
			{"end_date", Text, "end of a range, same format; empty when not a range"},
			{"precision", Text, "day, month, year, decade or relative"},
			{"date_text", Text, "the date expression as written"},
			{"start", Int, "start offset (code points) of the date expression in documents.text"},
			{"end", Int, "end offset (code points, exclusive)"},
			{"entities", Text, "entity IDs of the sentence, joined with |"},
			{"text", Text, "the sentence"},
		},
		rows: func(ctx context.Context, ds *pipeline.Dataset, emit func(cells ...string) error) error {
			return each(ctx, ds, func(d *pipeline.Doc) error {
				for _, e := range d.Events {
					if err := emit(e.DocID, e.SentID, e.Date, e.EndDate, e.Precision, e.DateText,
						fmtInt(e.Start), fmtInt(e.End), idList(e.Entities), e.Text); err != nil {
						return err
					}
				}
				return nil
			})
		},
	},
	{
		Name: "quantities", Row: "number with a unit that is not a date",
		Columns: []Column{
			{"doc_id", Text, "document ID"},
			{"sent_id", Text, "sentence ID"},
			{"value", Float, "the number (e.g. 5200000 for \"$5.2 million\")"},
			{"unit", Text, "year, month, percent, USD, ..."},
			{"kind", Text, "duration, money, percent or count"},
			{"start", Int, "start offset (code points) in documents.text"},
			{"end", Int, "end offset (code points, exclusive)"},
			{"text", Text, "the expression as written"},
		},
		rows: func(ctx context.Context, ds *pipeline.Dataset, emit func(cells ...string) error) error {
			return each(ctx, ds, func(d *pipeline.Doc) error {
				for _, q := range d.Quantities {
					if err := emit(q.DocID, q.SentID, fmtFloat(q.Value), q.Unit, q.Kind, fmtInt(q.Start), fmtInt(q.End), q.Text); err != nil {
						return err
					}
				}
				return nil
			})
		},
	},
	{
		Name: "themes", Row: "theme found in a document, highest score first",
		Columns: []Column{
			{"doc_id", Text, "document ID"},
			{"theme", Text, "theme ID"},
			{"label", Text, "theme label"},
			{"score", Float, "score in [0,1]"},
			{"sentences", Int, "sentences that match the theme"},
			{"evidence", Text, "sent_ids of the evidence, strongest first, joined with |"},
		},
		rows: func(ctx context.Context, ds *pipeline.Dataset, emit func(cells ...string) error) error {
			return each(ctx, ds, func(d *pipeline.Doc) error {
				for _, t := range d.Themes {
					if err := emit(t.DocID, t.Theme, t.Label, fmtFloat(t.Score), fmtInt(t.Sentences), idList(t.Evidence)); err != nil {
						return err
					}
				}
				return nil
			})
		},
	},
	{
		Name: "relations", Row: "pair of entities linked in one sentence",
		Columns: []Column{
			{"doc_id", Text, "document ID"},
			{"sent_id", Text, "sentence ID"},
			{"subject", Text, "entity ID of the subject"},
			{"object", Text, "entity ID of the object"},
			{"kind", Text, "cooperation, dependence, rivalry, threat, economic or neutral"},
			{"cue", Text, "the verb or phrase that links them"},
		},
		rows: func(ctx context.Context, ds *pipeline.Dataset, emit func(cells ...string) error) error {
			return each(ctx, ds, func(d *pipeline.Doc) error {
				for _, r := range d.Relations {
					if err := emit(r.DocID, r.SentID, r.Subject, r.Object, r.Kind, r.Cue); err != nil {
						return err
					}
				}
				return nil
			})
		},
	},
	{
		Name: "actors", Row: "entity across the whole run (the run-level actor comparison), most salient first",
		Columns: actorColumns,
		rows: func(ctx context.Context, ds *pipeline.Dataset, emit func(cells ...string) error) error {
			return emitActors(ctx, ds.Views.Actors, emit)
		},
	},
	{
		Name: "countries", Row: "country across the whole run (the actor comparison restricted to countries), same order as actors",
		Columns: actorColumns,
		rows: func(ctx context.Context, ds *pipeline.Dataset, emit func(cells ...string) error) error {
			return emitActors(ctx, ds.Views.Countries, emit)
		},
	},
	{
		Name: "theme_by_actor", Row: "cell of the theme x actor matrix (long form)",
		Columns: []Column{
			{"theme", Text, "theme ID"},
			{"theme_label", Text, "theme label"},
			{"entity_id", Text, "entity ID"},
			{"entity_name", Text, "entity name"},
			{"score", Float, "the matrix value as computed by aggregate; empty if missing"},
		},
		rows: func(ctx context.Context, ds *pipeline.Dataset, emit func(cells ...string) error) error {
			return emitThemeMatrix(ctx, ds, ds.Views.ThemeByActor, emit)
		},
	},
	{
		Name: "theme_by_doc", Row: "cell of the theme x document matrix (long form)",
		Columns: []Column{
			{"theme", Text, "theme ID"},
			{"theme_label", Text, "theme label"},
			{"doc_id", Text, "document ID"},
			{"doc_title", Text, "document title"},
			{"score", Float, "the theme's score in the document; empty if missing"},
		},
		rows: func(ctx context.Context, ds *pipeline.Dataset, emit func(cells ...string) error) error {
			return emitThemeMatrix(ctx, ds, ds.Views.ThemeByDoc, emit)
		},
	},
	{
		Name: "timeline", Row: "event of the run, sorted by date (unresolved relative dates last)",
		Columns: []Column{
			{"sort_key", Text, "first day the date covers (YYYY-MM-DD); empty for unresolved relative dates"},
			{"date", Text, "ISO 8601 to the precision known"},
			{"end_date", Text, "end of a range; empty when not a range"},
			{"precision", Text, "day, month, year, decade or relative"},
			{"date_text", Text, "the date expression as written"},
			{"doc_id", Text, "document ID"},
			{"doc_title", Text, "document title"},
			{"sent_id", Text, "sentence ID"},
			{"start", Int, "start offset (code points) of the date expression"},
			{"end", Int, "end offset (code points, exclusive)"},
			{"entities", Text, "entity IDs of the sentence, joined with |"},
			{"text", Text, "the sentence"},
		},
		rows: func(ctx context.Context, ds *pipeline.Dataset, emit func(cells ...string) error) error {
			for i, t := range ds.Views.Timeline {
				if i%1024 == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				if err := emit(t.SortKey, t.Date, t.EndDate, t.Precision, t.DateText, t.DocID, t.DocTitle, t.SentID,
					fmtInt(t.Start), fmtInt(t.End), idList(t.Entities), t.Text); err != nil {
					return err
				}
			}
			return nil
		},
	},
	{
		Name: "doc_pairs", Row: "pair of documents with anything in common, most similar first",
		Columns: []Column{
			{"a", Text, "doc_id of the first document"},
			{"b", Text, "doc_id of the second document"},
			{"similarity", Float, "cosine similarity over TF-IDF, in [0,1]"},
			{"near_duplicate", Bool, "true when aggregate judged the pair near-duplicates"},
			{"shared_entities", Text, "entity IDs in both, joined with |"},
			{"shared_themes", Text, "theme IDs in both, joined with |"},
		},
		rows: func(ctx context.Context, ds *pipeline.Dataset, emit func(cells ...string) error) error {
			for i, p := range ds.Views.DocCompare.Pairs {
				if i%1024 == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				if err := emit(p.A, p.B, fmtFloat(p.Similarity), fmtBool(p.NearDuplicate),
					idList(p.SharedEntities), idList(p.SharedThemes)); err != nil {
					return err
				}
			}
			return nil
		},
	},
	{
		Name: "failures", Row: "input or document that could not be processed",
		Columns: []Column{
			{"input", Text, "the input (path, URL, ...)"},
			{"stage", Text, "the stage that failed (source, normalize, ..., export)"},
			{"error", Text, "the error message"},
		},
		rows: func(ctx context.Context, ds *pipeline.Dataset, emit func(cells ...string) error) error {
			for _, f := range ds.Failures {
				if err := emit(f.Input, f.Stage, f.Err); err != nil {
					return err
				}
			}
			return nil
		},
	},
}
