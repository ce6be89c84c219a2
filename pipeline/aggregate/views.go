package aggregate

import (
	"context"
	"regexp"
	"sort"

	"github.com/briefpack/briefpack/pipeline"
)

// MaxActorColumns is how many actors the theme × actor matrix shows.
const MaxActorColumns = 20

// New returns the "views" aggregator, which fills Dataset.Views from the
// documents (after NewDocStage ran on each):
//
//   - Actors: every entity of the run, merged by entity ID. Documents is
//     the number of documents that mention it, Mentions the sum, Salience
//     the sum of its per-document saliences divided by the number of
//     documents in the run (its mean prominence over the run: an entity
//     that leads one document of a hundred does not outrank one present
//     in all; with one document it equals the document's salience), Tone
//     the mention-weighted mean of its per-document tones, Themes the
//     share of all its sentences that carry each theme, KeyStatement the
//     one of the document where it is most salient (earlier document on
//     ties), FirstMention the first in input order, Evidence every
//     sentence in input order. Ordered by salience, then mentions (both
//     descending), then name, then ID.
//   - Countries: the actors of type country in comparison order (see
//     OrderCountries: the members of the leading region first).
//   - ThemeByActor: rows are the themes of the run (by summed document
//     score, then ID), columns the first MaxActorColumns actors, values
//     the actor's theme shares.
//   - ThemeByDoc: the same rows, columns the documents in input order,
//     values the documents' theme scores.
//   - Timeline: every event with its document's title, sorted by SortKey
//     (the first day the date covers), then input order, then position;
//     unresolved relative dates last.
//   - DocCompare: see compare.go.
//   - Totals and ThemeLabels.
func New() pipeline.Aggregator { return views{} }

// NewWithLabels is New with the labels of every theme of the taxonomy
// (themes.Taxonomy.Labels()), so Views.ThemeLabels also names themes no
// document carries; labels found in the documents take precedence.
func NewWithLabels(labels map[string]string) pipeline.Aggregator { return views{labels: labels} }

type views struct{ labels map[string]string }

func (views) Name() string { return "views" }

func (a views) Aggregate(ctx context.Context, ds *pipeline.Dataset) error {
	v := &ds.Views
	*v = pipeline.Views{ThemeLabels: map[string]string{}}
	for id, l := range a.labels {
		v.ThemeLabels[id] = l
	}
	for _, d := range ds.Docs {
		for _, t := range d.Themes {
			if t.Label != "" {
				v.ThemeLabels[t.Theme] = t.Label
			}
		}
	}
	v.Actors = mergeActors(ds)
	v.Countries = OrderCountries(v.Actors)
	themes := runThemes(ds)
	v.ThemeByActor = themeByActor(themes, v.ThemeLabels, v.Actors)
	v.ThemeByDoc = themeByDoc(themes, v.ThemeLabels, ds.Docs)
	v.Timeline = timeline(ds.Docs)
	if err := ctx.Err(); err != nil {
		return err
	}
	dc, err := compare(ctx, ds.Docs)
	if err != nil {
		return err
	}
	v.DocCompare = dc
	v.Totals = totals(ds)
	return nil
}

type actorAcc struct {
	row       pipeline.ActorRow
	salSum    float64
	toneSum   float64
	bestSal   float64
	themeHits map[string]float64 // theme -> sentences
	sentences int
}

func mergeActors(ds *pipeline.Dataset) []pipeline.ActorRow {
	acc := map[string]*actorAcc{}
	var order []string
	for _, d := range ds.Docs {
		for _, r := range d.Actors {
			a := acc[r.EntityID]
			if a == nil {
				a = &actorAcc{row: r, bestSal: -1, themeHits: map[string]float64{}}
				a.row.Documents, a.row.Mentions, a.row.Evidence, a.row.Themes = 0, 0, nil, nil
				acc[r.EntityID] = a
				order = append(order, r.EntityID)
			}
			a.row.Documents++
			a.row.Mentions += r.Mentions
			a.salSum += r.Salience
			a.toneSum += r.Tone * float64(r.Mentions)
			if a.row.FirstMention == "" {
				a.row.FirstMention = r.FirstMention
			}
			if r.Salience > a.bestSal && r.KeyStatement != "" {
				a.bestSal = r.Salience
				a.row.KeyStatement, a.row.KeyStatementDoc, a.row.KeyStatementRef = r.KeyStatement, r.KeyStatementDoc, r.KeyStatementRef
			}
			n := len(r.Evidence)
			a.sentences += n
			for _, t := range r.Themes {
				a.themeHits[t.Theme] += t.Score * float64(n)
			}
			a.row.Evidence = append(a.row.Evidence, r.Evidence...)
			if a.row.Wikidata == "" {
				a.row.Wikidata = r.Wikidata
			}
		}
	}
	labels := map[string]string{}
	for _, d := range ds.Docs {
		for _, t := range d.Themes {
			labels[t.Theme] = t.Label
		}
	}
	docs := float64(len(ds.Docs))
	out := make([]pipeline.ActorRow, 0, len(order))
	for _, id := range order {
		a := acc[id]
		r := a.row
		if docs > 0 {
			r.Salience = round3(a.salSum / docs)
		}
		if r.Mentions > 0 {
			r.Tone = round3(a.toneSum / float64(r.Mentions))
		}
		if a.sentences > 0 {
			for t, h := range a.themeHits {
				l := labels[t]
				if l == "" {
					l = t
				}
				r.Themes = append(r.Themes, pipeline.ThemeScore{Theme: t, Label: l, Score: round3(h / float64(a.sentences))})
			}
			sortThemeScores(r.Themes)
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool {
		x, y := out[i], out[j]
		switch {
		case x.Salience != y.Salience:
			return x.Salience > y.Salience
		case x.Mentions != y.Mentions:
			return x.Mentions > y.Mentions
		case x.Name != y.Name:
			return x.Name < y.Name
		}
		return x.EntityID < y.EntityID
	})
	return out
}

// runThemes returns the theme IDs of the run by summed score, then ID.
func runThemes(ds *pipeline.Dataset) []string {
	sum := map[string]float64{}
	for _, d := range ds.Docs {
		for _, t := range d.Themes {
			sum[t.Theme] += t.Score
		}
	}
	ids := make([]string, 0, len(sum))
	for t := range sum {
		ids = append(ids, t)
	}
	sort.Slice(ids, func(i, j int) bool {
		if sum[ids[i]] != sum[ids[j]] {
			return sum[ids[i]] > sum[ids[j]]
		}
		return ids[i] < ids[j]
	})
	return ids
}

func themeRows(themes []string, labels map[string]string) pipeline.Matrix {
	m := pipeline.Matrix{RowIDs: themes, RowLabels: make([]string, len(themes)), ColIDs: []string{}, ColLabels: []string{}}
	for i, t := range themes {
		m.RowLabels[i] = labels[t]
	}
	return m
}

func themeByActor(themes []string, labels map[string]string, actors []pipeline.ActorRow) pipeline.Matrix {
	m := themeRows(themes, labels)
	cols := actors
	if len(cols) > MaxActorColumns {
		cols = cols[:MaxActorColumns]
	}
	for _, a := range cols {
		m.ColIDs = append(m.ColIDs, a.EntityID)
		m.ColLabels = append(m.ColLabels, a.Name)
	}
	m.Values = make([][]float64, len(themes))
	for i, t := range themes {
		m.Values[i] = make([]float64, len(cols))
		for j, a := range cols {
			for _, ts := range a.Themes {
				if ts.Theme == t {
					m.Values[i][j] = ts.Score
				}
			}
		}
	}
	return m
}

func themeByDoc(themes []string, labels map[string]string, docs []*pipeline.Doc) pipeline.Matrix {
	m := themeRows(themes, labels)
	row := map[string]int{}
	for i, t := range themes {
		row[t] = i
	}
	m.Values = make([][]float64, len(themes))
	for i := range m.Values {
		m.Values[i] = make([]float64, len(docs))
	}
	for j, d := range docs {
		m.ColIDs = append(m.ColIDs, d.Document.DocID)
		m.ColLabels = append(m.ColLabels, docLabel(d))
		for _, t := range d.Themes {
			m.Values[row[t.Theme]][j] = t.Score
		}
	}
	return m
}

func docLabel(d *pipeline.Doc) string {
	if d.Document.Title != "" {
		return d.Document.Title
	}
	return d.Document.DocID
}

var dateRE = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?`)

// SortKey returns the first day an ISO 8601 date covers (YYYY-MM-DD), or
// "" when the date is empty or not a date ("2004" gives "2004-01-01",
// "2024-08" gives "2024-08-01").
func SortKey(date string) string {
	m := dateRE.FindStringSubmatch(date)
	if m == nil {
		return ""
	}
	mm, dd := m[2], m[3]
	if mm == "" {
		mm = "01"
	}
	if dd == "" {
		dd = "01"
	}
	return m[1] + "-" + mm + "-" + dd
}

func timeline(docs []*pipeline.Doc) []pipeline.TimelineRow {
	type item struct {
		row pipeline.TimelineRow
		doc int
	}
	var items []item
	for i, d := range docs {
		for _, e := range d.Events {
			items = append(items, item{pipeline.TimelineRow{Event: e, DocTitle: docLabel(d), SortKey: SortKey(e.Date)}, i})
		}
	}
	sort.SliceStable(items, func(a, b int) bool {
		x, y := items[a], items[b]
		if (x.row.SortKey == "") != (y.row.SortKey == "") {
			return x.row.SortKey != ""
		}
		if x.row.SortKey != y.row.SortKey {
			return x.row.SortKey < y.row.SortKey
		}
		if x.doc != y.doc {
			return x.doc < y.doc
		}
		if x.row.Start != y.row.Start {
			return x.row.Start < y.row.Start
		}
		return x.row.DateText < y.row.DateText
	})
	out := make([]pipeline.TimelineRow, len(items))
	for i, it := range items {
		out[i] = it.row
	}
	return out
}

func totals(ds *pipeline.Dataset) pipeline.Totals {
	t := pipeline.Totals{Documents: len(ds.Docs), Failed: len(ds.Failures)}
	ents := map[string]bool{}
	for _, d := range ds.Docs {
		t.Words += d.Document.Words
		t.Sentences += len(d.Sentences)
		t.Mentions += len(d.Mentions)
		t.Events += len(d.Events)
		t.Relations += len(d.Relations)
		for _, e := range d.Entities {
			ents[e.EntityID] = true
		}
	}
	t.Entities = len(ents)
	return t
}
