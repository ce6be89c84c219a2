package pdf

import (
	"fmt"
	"math"
	"strings"

	"github.com/briefpack/briefpack/pipeline"
)

// Overview caps.
const (
	maxMatrixRows = 60
	matrixBlock   = 7
	maxPairs      = 15
	maxFailures   = 50
	maxRunEvents  = 120
)

// overviewSections lists the cross-document sections that have data.
func (r *renderer) overviewSections() []sec {
	v := r.ds.Views
	var out []sec
	add := func(key, title string, keep float64, draw func()) {
		out = append(out, sec{key: "ov/" + key, title: title, keep: keep, draw: draw})
	}
	add("numbers", "Key numbers", 40, r.keyNumbers)
	if len(v.Actors) > 0 {
		add("actors", "Actors across the pack", 16, func() { r.actorsTable(v.Actors, true) })
		out[len(out)-1].measure = func() float64 { return r.tableKeep(r.actorsSpec(v.Actors, true)) }
	}
	if len(v.Countries) > 0 {
		add("countries", "Countries compared", 30, func() { r.compare(v.Countries) })
		out[len(out)-1].measure = func() float64 { return r.tableKeep(r.compareSpecs(v.Countries)[0]) }
	}
	if len(v.ThemeByDoc.RowIDs) > 0 && len(v.ThemeByDoc.ColIDs) > 0 {
		add("themes", "Themes by document", 28, r.themeMatrix)
	}
	if len(v.Timeline) > 0 {
		add("timeline", "Timeline across documents", 30, r.runTimeline)
		out[len(out)-1].measure = func() float64 { return r.timelineFigure(r.runTimelineEvents(), true) + 28 }
	}
	if len(v.DocCompare.Pairs) > 0 {
		add("compare", "Document comparison", 30, r.docPairs)
	}
	if len(r.ds.Failures) > 0 {
		add("failures", "Inputs not processed", 12, r.failures)
	}
	return out
}

// overview renders the cross-document section before the articles.
func (r *renderer) overview() error {
	r.newPage("Overview")
	r.pdf.Bookmark("Overview", 0, r.y())
	r.setFont(stBold, szTitle)
	r.color(colNavy)
	r.text(r.left, r.y(), 8.6, "Overview")
	r.gap(9)
	r.para(r.left, r.cw, stRegular, 9, 4.4, colMuted,
		fmt.Sprintf("What the %d documents of this pack have in common: actors, countries, themes, dates and overlaps.", len(r.docs)))
	r.gap(1.5)
	r.rule(colNavy, 0.6)
	r.gap(2)
	for _, s := range r.overviewSections() {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		r.section(s.key, s.title, 1, s.need())
		s.draw()
	}
	return nil
}

// keyNumbers draws the run totals as tiles.
func (r *renderer) keyNumbers() {
	t := r.ds.Views.Totals
	tiles := []struct {
		n     int
		label string
	}{
		{t.Documents, "documents"}, {t.Failed, "inputs not processed"}, {t.Words, "words"}, {t.Sentences, "sentences"},
		{t.Entities, "distinct actors"}, {t.Mentions, "actor mentions"}, {t.Events, "dated events"}, {t.Relations, "relations"},
	}
	const per, gap, th = 4, 3.0, 16.0
	tw := (r.cw - gap*(per-1)) / per
	for i := 0; i < len(tiles); i += per {
		r.need(th)
		y := r.y()
		for j := 0; j < per && i+j < len(tiles); j++ {
			x := r.left + float64(j)*(tw+gap)
			r.fillColor(colShade)
			r.pdf.Rect(x, y, tw, th, "F")
			r.fillColor(colNavy)
			r.pdf.Rect(x, y, tw, 0.7, "F")
			r.setFont(stBold, 15)
			r.color(colNavy)
			r.text(x+3, y+2.5, 7, thousands(tiles[i+j].n))
			r.setFont(stRegular, szTiny)
			r.color(colMuted)
			r.text(x+3, y+10, lhTiny, tiles[i+j].label)
		}
		r.setY(y + th + gap)
	}
	r.gap(1)
}

// themeMatrix shades the theme-by-document matrix, documents as rows.
func (r *renderer) themeMatrix() {
	m := r.ds.Views.ThemeByDoc
	isDoc := func(ids []string) bool {
		for _, id := range ids {
			if _, ok := r.docTitles[id]; ok {
				return true
			}
		}
		return false
	}
	val := func(i, j int) float64 {
		if i < len(m.Values) && j < len(m.Values[i]) {
			return m.Values[i][j]
		}
		return 0
	}
	label := func(labels, ids []string, i int) string {
		if i < len(labels) && strings.TrimSpace(labels[i]) != "" {
			return labels[i]
		}
		if i < len(ids) {
			if t, ok := r.docTitles[ids[i]]; ok {
				return t
			}
			return ids[i]
		}
		return ""
	}
	nr, nc := len(m.RowIDs), len(m.ColIDs)
	rowLabel := func(i int) string { return label(m.RowLabels, m.RowIDs, i) }
	colLabel := func(j int) string { return label(m.ColLabels, m.ColIDs, j) }
	get := val
	if isDoc(m.ColIDs) && !isDoc(m.RowIDs) {
		nr, nc = nc, nr
		rowLabel = func(i int) string { return label(m.ColLabels, m.ColIDs, i) }
		colLabel = func(j int) string { return label(m.RowLabels, m.RowIDs, j) }
		get = func(i, j int) float64 { return val(j, i) }
	}
	max := 0.0
	for i := 0; i < nr; i++ {
		for j := 0; j < nc; j++ {
			if v := get(i, j); !math.IsNaN(v) && v > max {
				max = v
			}
		}
	}
	rows := min(nr, maxMatrixRows)
	for b := 0; b < nc; b += matrixBlock {
		if b > 0 {
			r.gap(3)
		}
		cols := []column{{title: "Document", w: 46}}
		end := min(b+matrixBlock, nc)
		for j := b; j < end; j++ {
			cols = append(cols, column{title: colLabel(j), w: (r.cw - 46) / matrixBlock, align: "C"})
		}
		w := 46 + float64(end-b)*(r.cw-46)/matrixBlock
		var body [][]cell
		for i := 0; i < rows; i++ {
			row := []cell{{text: rowLabel(i), bar: -1}}
			for j := b; j < end; j++ {
				v := get(i, j)
				c := cell{align: "C", bar: -1}
				if v > 0 && !math.IsNaN(v) {
					c.text = fmt.Sprintf("%.2f", v)
					f := shade(v / math.Max(max, 1e-9))
					c.fill = &f
				} else {
					c.color = &colRule
					c.text = "·"
				}
				row = append(row, c)
			}
			body = append(body, row)
		}
		r.table(cols, body, tableOpts{x: r.left, w: w, maxLines: 3, size: 7.5, lh: 3.4, headStyle: stBold})
	}
	if nr > rows {
		r.note(fmt.Sprintf("%d further documents are in the workbook’s theme matrix.", nr-rows))
	}
	r.note("Cells show each theme’s score in the document; darker is stronger.")
}

// shade maps t in [0,1] to a light-to-mid blue, dark text stays legible.
func shade(t float64) rgb {
	t = math.Max(0, math.Min(1, t))
	mix := func(a, b int) int { return int(math.Round(float64(a) + (float64(b)-float64(a))*t)) }
	return rgb{mix(240, 120), mix(244, 156), mix(250, 208)}
}

// runTimelineEvents are the markers of the run's timeline.
func (r *renderer) runTimelineEvents() []tlEvent {
	var evs []tlEvent
	for _, e := range r.ds.Views.Timeline {
		if pos, ok := datePos(e.Date); ok {
			evs = append(evs, tlEvent{pos, r.eventLabel(nil, e.Event)})
		}
	}
	return evs
}

// runTimeline is the timeline across documents.
func (r *renderer) runTimeline() {
	var dated, undated []pipeline.TimelineRow
	for _, e := range r.ds.Views.Timeline {
		if _, ok := datePos(e.Date); ok {
			dated = append(dated, e)
		} else {
			undated = append(undated, e)
		}
	}
	r.timelineFigure(r.runTimelineEvents(), false)
	cols := []column{{title: "Date", w: 26}, {title: "Event", w: 100}, {title: "Document", w: 44}}
	var rows [][]cell
	all := append(dated, undated...)
	for i, e := range all {
		if i == maxRunEvents {
			break
		}
		dc := cell{text: eventDate(e.Event), style: stBold, bar: -1}
		if e.Date == "" {
			dc.style = stItalic
		}
		title := e.DocTitle
		if title == "" {
			title = r.docTitles[e.DocID]
		}
		rows = append(rows, []cell{dc, tcell(e.Text), {text: title, color: &colMuted, bar: -1}})
	}
	r.table(cols, rows, tableOpts{zebra: true, maxLines: 5})
	if n := len(all) - len(rows); n > 0 {
		r.note(fmt.Sprintf("%d further events are listed in the workbook and CSV exports.", n))
	}
}

// docPairs lists the most similar document pairs.
func (r *renderer) docPairs() {
	cols := []column{{title: "Document", w: 40}, {title: "Compared with", w: 40}, {title: "Similarity", w: 24}, {title: "Shared actors", w: 38}, {title: "Shared themes", w: 28}}
	var rows [][]cell
	pairs := r.ds.Views.DocCompare.Pairs
	for i, p := range pairs {
		if i == maxPairs {
			break
		}
		var ents, ths []string
		for _, id := range p.SharedEntities {
			ents = append(ents, r.entityName(nil, id))
		}
		for _, id := range p.SharedThemes {
			ths = append(ths, r.themeName(id))
		}
		b := r.title(p.B)
		sim := bcell(p.Similarity)
		row := []cell{tcell(r.title(p.A)), tcell(b), sim, tcell(strings.Join(ents, ", ")), tcell(strings.Join(ths, ", "))}
		if p.NearDuplicate {
			row[1] = cell{text: b + "\nNEAR-DUPLICATE", style: stBold, color: &colBanner, bar: -1}
		}
		rows = append(rows, row)
	}
	r.table(cols, rows, tableOpts{zebra: true, maxLines: 5})
	if n := len(pairs) - len(rows); n > 0 {
		r.note(fmt.Sprintf("%d further pairs are compared in the workbook.", n))
	}
}

func (r *renderer) title(docID string) string {
	if t, ok := r.docTitles[docID]; ok {
		return t
	}
	return docID
}

func (r *renderer) themeName(id string) string {
	if l, ok := r.ds.Views.ThemeLabels[id]; ok && l != "" {
		return l
	}
	return id
}

// failures lists the inputs the run could not process.
func (r *renderer) failures() {
	cols := []column{{title: "Input", w: 60}, {title: "Stage", w: 20}, {title: "Error", w: 90}}
	var rows [][]cell
	for i, f := range r.ds.Failures {
		if i == maxFailures {
			break
		}
		rows = append(rows, []cell{tcell(f.Input), tcell(f.Stage), tcell(f.Err)})
	}
	r.table(cols, rows, tableOpts{zebra: true, maxLines: 4})
	if n := len(r.ds.Failures) - len(rows); n > 0 {
		r.note(fmt.Sprintf("%d further failures are listed in the run manifest.", n))
	}
}
