package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/briefpack/briefpack/pipeline"
)

// sec is one section of an article or of the overview: its contents key,
// its title, the space it needs below its heading, and how to draw it.
type sec struct {
	key, title string
	keep       float64 // mm that must follow the heading on its page
	draw       func()
	// measure, when set, gives keep at render time (e.g. the first row of
	// a table), so a heading is never stranded above a page break.
	measure func() float64
}

// Display caps: the workbook and CSV carry every row.
const (
	maxActorRows    = 25
	maxCompareCols  = 24
	compareBlock    = 6
	maxThemeBars    = 15
	maxEventRows    = 60
	maxRelationRows = 40
)

// docSections lists the sections an article has, in order. Sections with
// nothing to show are left out (and so never appear in the contents).
func (r *renderer) docSections(i int, d *pipeline.Doc) []sec {
	var out []sec
	add := func(key, title string, keep float64, draw func()) {
		out = append(out, sec{key: docKey(i, key), title: title, keep: keep, draw: draw})
	}
	if len(r.keyPoints(d)) > 0 {
		add("keypoints", "Bottom line up front", 16, func() { r.keyPointsSection(d) })
	}
	add("facts", "Key facts", 30, func() { r.factsBox(d) })
	out[len(out)-1].measure = func() float64 { return r.factsHeight(d) }
	if len(d.Actors) > 0 {
		add("actors", "Actors", 16, func() { r.actorsTable(d.Actors, false) })
		out[len(out)-1].measure = func() float64 { return r.tableKeep(r.actorsSpec(d.Actors, false)) }
	}
	if cs := docCountries(d); len(cs) > 0 {
		add("countries", "Countries compared", 30, func() { r.compare(cs) })
		out[len(out)-1].measure = func() float64 { return r.tableKeep(r.compareSpecs(cs)[0]) }
	}
	if len(d.Themes) > 0 {
		add("themes", "Themes", 12, func() { r.themesChart(d) })
	}
	if len(d.Events) > 0 {
		add("timeline", "Timeline", 20, func() { r.docTimeline(d) })
		out[len(out)-1].measure = func() float64 { return r.docTimelineKeep(d) }
	}
	if len(d.Relations) > 0 {
		add("relations", "Relations", 16, func() { r.relationsTable(d) })
		out[len(out)-1].measure = func() float64 { return r.tableKeep(r.relationsSpec(d)) }
	}
	add("text", "Full text", 15, func() { r.fullText(d) })
	add("source", "Source", 15, func() { r.citation(d) })
	return out
}

// article renders one document, starting on a new page.
func (r *renderer) article(i int, d *pipeline.Doc) {
	title := r.s(docTitle(d))
	r.newPage(title)
	r.mark(docKey(i, ""), title, 0)
	r.setFont(stBold, szTitle)
	r.color(colNavy)
	for _, ln := range r.clampLines(r.wrap(stBold, szTitle, title, r.cw), 4, stBold, szTitle, r.cw) {
		r.text(r.left, r.y(), 8.6, ln)
		r.gap(8.6)
	}
	r.gap(0.5)
	r.para(r.left, r.cw, stRegular, 9, 4.4, colMuted, sourceLine(d))
	r.gap(1.5)
	r.rule(colNavy, 0.6)
	r.gap(2)
	for _, s := range r.docSections(i, d) {
		if r.ctx.Err() != nil {
			return
		}
		r.section(s.key, s.title, 1, s.need())
		s.draw()
	}
}

func (s sec) need() float64 {
	if s.measure != nil {
		return max(s.keep, s.measure())
	}
	return s.keep
}

// keyPoints returns the key point sentences that exist in the document.
func (r *renderer) keyPoints(d *pipeline.Doc) []*pipeline.Sentence {
	var out []*pipeline.Sentence
	for _, id := range d.KeyPoints {
		if s := d.Sentence(id); s != nil {
			out = append(out, s)
		}
	}
	return out
}

func (r *renderer) keyPointsSection(d *pipeline.Doc) {
	dt := newDocText(d)
	for _, s := range r.keyPoints(d) {
		spans := dt.spans(s.Start, s.End, s.Text, stRegular, stBold)
		spans = append(spans, span{text: " (¶ " + strconv.Itoa(s.ParaNo) + ")", style: stRegular, color: &colMuted})
		r.bullet(spans, r.left, r.cw, szBody, lhBody+0.3)
		r.gap(1.2)
	}
}

// bullet draws a bulleted rich paragraph.
func (r *renderer) bullet(spans []span, x, w, size, lh float64) {
	lines := r.layoutRich(spans, size, w-6)
	r.need(math.Min(float64(len(lines)), 2) * lh)
	for j, ln := range lines {
		r.need(lh)
		if j == 0 {
			r.setFont(stBold, size)
			r.color(colNavy)
			r.text(x+1.2, r.y(), lh, "•")
		}
		r.drawLine(ln, x+6, r.y(), lh, size, colText)
		r.gap(lh)
	}
}

// factsHeight is the height of the key-facts box.
func (r *renderer) factsHeight(d *pipeline.Doc) float64 {
	_, h := r.factsLayout(d)
	return h
}

type factLine struct {
	k     string
	lines []string
}

const factsPad, factsLabelW = 3.0, 30.0

// factsLayout wraps the key facts and returns them with the box height.
func (r *renderer) factsLayout(d *pipeline.Doc) ([]factLine, float64) {
	doc := d.Document
	src := doc.Site
	if src == "" {
		src = doc.Source
	} else if doc.Source != "" && doc.Source != doc.URL {
		src += " (" + doc.Source + ")"
	}
	var rows [][2]string
	add := func(k, v string) {
		if strings.TrimSpace(v) != "" {
			rows = append(rows, [2]string{k, v})
		}
	}
	add("Source", src)
	add("URL", doc.URL)
	add("Byline", doc.Byline)
	add("Published", displayDate(doc.Published))
	add("Language", languageName(doc.Language))
	add("Length", fmt.Sprintf("%s words · %d paragraphs · %d sentences", thousands(doc.Words), doc.Paragraphs, doc.Sentences))
	add("Extracted", fmt.Sprintf("%d actors · %d dated events · %d themes · %d relations", len(d.Actors), len(d.Events), len(d.Themes), len(d.Relations)))
	add("Overall tone", tone(doc.Tone)+" (scale −1 negative to +1 positive)")
	if len(doc.Sources) > 1 {
		add("Also received", strings.Join(doc.Sources[1:], "; "))
	}
	add("Document ID", doc.DocID)
	add("Notes", strings.Join(doc.Notes, " · "))

	valW := r.cw - 2*factsPad - factsLabelW
	var ls []factLine
	h := 2 * factsPad
	for _, kv := range rows {
		l := r.clampLines(r.wrap(stRegular, szSmall, r.s(kv[1]), valW), 4, stRegular, szSmall, valW)
		ls = append(ls, factLine{kv[0], l})
		h += float64(len(l)) * factsLH
	}
	return ls, h
}

const factsLH = lhSmall + 0.4

// factsBox draws the shaded key-facts box.
func (r *renderer) factsBox(d *pipeline.Doc) {
	const pad, labelW, lh = factsPad, factsLabelW, factsLH
	ls, h := r.factsLayout(d)
	r.need(h)
	y := r.y()
	r.fillColor(colShade)
	r.pdf.Rect(r.left, y, r.cw, h, "F")
	r.fillColor(colNavy)
	r.pdf.Rect(r.left, y, 0.8, h, "F")
	y += pad
	for _, l := range ls {
		r.setFont(stBold, szSmall)
		r.color(colMuted)
		r.text(r.left+pad+1, y, lh, l.k)
		r.setFont(stRegular, szSmall)
		r.color(colText)
		for _, ln := range l.lines {
			r.text(r.left+pad+labelW, y, lh, ln)
			y += lh
		}
	}
	r.setY(y + pad + 2)
}

// actorsTable lists actors with their salience; run marks the run-level
// table (which shows the number of documents).
func (r *renderer) actorsTable(actors []pipeline.ActorRow, run bool) {
	t := r.actorsSpec(actors, run)
	r.drawTable(t)
	if n := len(actors) - len(t.rows); n > 0 {
		r.note(fmt.Sprintf("%d further actors with lower salience are listed in the workbook and CSV exports.", n))
	}
}

func (r *renderer) actorsSpec(actors []pipeline.ActorRow, run bool) tableSpec {
	cols := []column{{title: "Actor", w: 33}, {title: "Type", w: 22}}
	if run {
		cols = append(cols, column{title: "Docs", w: 10, align: "R"})
	}
	cols = append(cols,
		column{title: "Mentions", w: 16, align: "R"},
		column{title: "Salience", w: 25},
		column{title: "Tone", w: 12, align: "R"},
		column{title: "Key statement", w: 62})
	max := maxActorRows
	if run {
		max = 20
	}
	var rows [][]cell
	for i, a := range actors {
		if i == max {
			break
		}
		row := []cell{{text: a.Name, style: stBold, bar: -1}, tcell(typeLabel(a.Type))}
		if run {
			row = append(row, ncell(strconv.Itoa(a.Documents)))
		}
		row = append(row, ncell(strconv.Itoa(a.Mentions)), bcell(a.Salience), ncell(tone(a.Tone)), tcell(a.KeyStatement))
		rows = append(rows, row)
	}
	return tableSpec{cols, rows, tableOpts{zebra: true, maxLines: 6}}
}

// docCountries are the countries to set side by side: Doc.Countries in
// the aggregate's comparison order, or, for documents that lack it (read
// back from older records), the country rows of Doc.Actors.
func docCountries(d *pipeline.Doc) []pipeline.ActorRow {
	if len(d.Countries) > 0 {
		return d.Countries
	}
	return countries(d.Actors)
}

// countries keeps the country rows of an actor comparison, in order.
func countries(actors []pipeline.ActorRow) []pipeline.ActorRow {
	var out []pipeline.ActorRow
	for _, a := range actors {
		if a.Type == pipeline.TypeCountry {
			out = append(out, a)
		}
	}
	return out
}

// compare sets countries side by side, compareBlock columns per block.
func (r *renderer) compare(rows []pipeline.ActorRow) {
	for i, t := range r.compareSpecs(rows) {
		if i > 0 {
			r.gap(3)
		}
		r.drawTable(t)
	}
	if n := len(rows) - maxCompareCols; n > 0 {
		r.note(fmt.Sprintf("%d further countries are compared in the workbook.", n))
	}
}

// compareSpecs builds one table per block of countries.
func (r *renderer) compareSpecs(rows []pipeline.ActorRow) []tableSpec {
	var specs []tableSpec
	shown := rows
	if len(shown) > maxCompareCols {
		shown = shown[:maxCompareCols]
	}
	showDocs := r.batch && len(rows) > 0 && rows[0].Documents > 0
	for b := 0; b < len(shown); b += compareBlock {
		blk := shown[b:min(b+compareBlock, len(shown))]
		cols := []column{{title: "", w: 24}}
		for _, a := range blk {
			cols = append(cols, column{title: a.Name, w: (r.cw - 24) / float64(compareBlock)})
		}
		w := 24 + float64(len(blk))*(r.cw-24)/float64(compareBlock)
		label := func(s string) cell { return cell{text: s, style: stBold, color: &colMuted, bar: -1} }
		var body [][]cell
		line := func(name string, f func(a pipeline.ActorRow) cell) {
			row := []cell{label(name)}
			for _, a := range blk {
				row = append(row, f(a))
			}
			body = append(body, row)
		}
		if showDocs {
			line("Documents", func(a pipeline.ActorRow) cell { return tcell(strconv.Itoa(a.Documents)) })
		}
		line("Mentions", func(a pipeline.ActorRow) cell { return tcell(strconv.Itoa(a.Mentions)) })
		line("Salience", func(a pipeline.ActorRow) cell { return bcell(a.Salience) })
		line("Tone", func(a pipeline.ActorRow) cell { return tcell(tone(a.Tone)) })
		line("Top themes", func(a pipeline.ActorRow) cell {
			var ts []string
			for i, t := range a.Themes {
				if i == 3 {
					break
				}
				ts = append(ts, fmt.Sprintf("%s (%.0f%%)", themeLabel(t.Label, t.Theme), 100*t.Score))
			}
			if len(ts) == 0 {
				return cell{text: "–", color: &colMuted, bar: -1}
			}
			return tcell(strings.Join(ts, "\n"))
		})
		line("Key statement", func(a pipeline.ActorRow) cell { return cell{text: a.KeyStatement, size: 7.2, bar: -1} })
		specs = append(specs, tableSpec{cols, body, tableOpts{maxLines: 9, x: r.left, w: w, size: 8, lh: 3.6, together: true}})
	}
	return specs
}

// themesChart draws the themes as horizontal vector bars.
func (r *renderer) themesChart(d *pipeline.Doc) {
	var items []barItem
	for i, t := range d.Themes {
		if i == maxThemeBars {
			break
		}
		note := fmt.Sprintf("%.2f", t.Score)
		if t.Sentences > 0 {
			note += fmt.Sprintf(" · %d sent.", t.Sentences)
		}
		items = append(items, barItem{label: themeLabel(t.Label, t.Theme), value: t.Score, note: note})
	}
	r.bars(items)
	if n := len(d.Themes) - len(items); n > 0 {
		r.note(fmt.Sprintf("%d weaker themes are listed in the workbook.", n))
	}
}

// barItem is one bar of a chart; value in [0,1].
type barItem struct {
	label string
	value float64
	note  string
}

// bars draws a horizontal bar chart with a label column and a value note.
func (r *renderer) bars(items []barItem) {
	const labelW, noteW, barH = 52.0, 26.0, 3.4
	x0 := r.left + labelW + 2
	track := r.cw - labelW - 2 - noteW
	for _, it := range items {
		lines := r.clampLines(r.wrap(stRegular, szSmall, r.s(it.label), labelW), 2, stRegular, szSmall, labelW)
		h := math.Max(float64(len(lines))*lhSmall, barH) + 2.2
		r.need(h)
		y := r.y()
		r.setFont(stRegular, szSmall)
		r.color(colText)
		ty := y + (h-float64(len(lines))*lhSmall)/2
		for j, ln := range lines {
			r.text(r.left, ty+float64(j)*lhSmall, lhSmall, ln)
		}
		v := it.value
		if math.IsNaN(v) || v < 0 {
			v = 0
		}
		v = math.Min(v, 1)
		by := y + (h-barH)/2
		r.fillColor(colBarTrack)
		r.pdf.Rect(x0, by, track, barH, "F")
		if v > 0 {
			r.fillColor(colBar)
			r.pdf.Rect(x0, by, math.Max(0.4, track*v), barH, "F")
		}
		r.setFont(stRegular, szTiny)
		r.color(colMuted)
		r.text(x0+track+2, y+(h-lhTiny)/2, lhTiny, r.fit(stRegular, szTiny, it.note, noteW-2))
		r.setY(y + h)
	}
	r.gap(2)
}

// relationsTable lists the entity pairs linked in a sentence.
func (r *renderer) relationsTable(d *pipeline.Doc) {
	t := r.relationsSpec(d)
	r.drawTable(t)
	if n := len(d.Relations) - len(t.rows); n > 0 {
		r.note(fmt.Sprintf("%d further relations are listed in the workbook and CSV exports.", n))
	}
}

func (r *renderer) relationsSpec(d *pipeline.Doc) tableSpec {
	cols := []column{{title: "Subject", w: 34}, {title: "Relation", w: 22}, {title: "Object", w: 34}, {title: "Cue", w: 62}, {title: "Where", w: 13, align: "R"}}
	var rows [][]cell
	for i, rel := range d.Relations {
		if i == maxRelationRows {
			break
		}
		rows = append(rows, []cell{
			{text: r.entityName(d, rel.Subject), style: stBold, bar: -1},
			tcell(rel.Kind),
			{text: r.entityName(d, rel.Object), style: stBold, bar: -1},
			{text: rel.Cue, style: stItalic, bar: -1},
			ncell(paraRef(d, rel.SentID)),
		})
	}
	return tableSpec{cols, rows, tableOpts{zebra: true, maxLines: 4}}
}

// paraRef is "¶ 3" for a sentence ID.
func paraRef(d *pipeline.Doc, sentID string) string {
	if d != nil {
		if s := d.Sentence(sentID); s != nil && s.ParaNo > 0 {
			return "¶ " + strconv.Itoa(s.ParaNo)
		}
	}
	if strings.HasPrefix(sentID, "p") {
		if i := strings.IndexByte(sentID, 's'); i > 1 {
			if n, err := strconv.Atoi(sentID[1:i]); err == nil {
				return "¶ " + strconv.Itoa(n)
			}
		}
	}
	return sentID
}

// fullText sets the numbered paragraphs with actor names in bold.
func (r *renderer) fullText(d *pipeline.Doc) {
	dt := newDocText(d)
	paras := d.Paragraphs
	if len(paras) == 0 {
		if strings.TrimSpace(d.Document.Text) == "" {
			r.note("This document has no text.")
			return
		}
		for i, t := range strings.Split(d.Document.Text, "\n\n") {
			paras = append(paras, pipeline.Paragraph{ParaNo: i + 1, Kind: pipeline.ParaBody, Start: -1, End: -1, Text: t})
		}
	}
	const numW = 9.0
	x, w := r.left+numW, r.cw-numW
	for _, p := range paras {
		if r.ctx.Err() != nil {
			return
		}
		plain, strong, size, lh := stRegular, stBold, float64(szBody), lhBody
		c := colText
		indent := 0.0
		var shade, barC *rgb
		switch p.Kind {
		case pipeline.ParaHeading:
			plain, strong, size, lh, c = stBold, stBold, szH2, 5.6, colNavy
		case pipeline.ParaEditorNote:
			plain, strong = stItalic, stBoldItalic
			shade, barC = &colNote, &colNoteBar
		case pipeline.ParaQuote:
			plain, strong = stItalic, stBoldItalic
			indent, barC = 5, &colRule
		case pipeline.ParaListItem:
			indent = 5
		}
		spans := dt.spans(p.Start, p.End, p.Text, plain, strong)
		if p.Kind == pipeline.ParaEditorNote {
			spans = append([]span{{text: "Editor’s note. ", style: stBold, color: &colNoteBar}}, spans...)
		}
		pad := 0.0
		if shade != nil {
			pad = 1.6
		}
		lines := r.layoutRich(spans, size, w-indent-2*pad)
		if len(lines) == 0 {
			continue
		}
		keep := math.Min(float64(len(lines)), 2)*lh + 2*pad
		if p.Kind == pipeline.ParaHeading {
			keep += 2 * lhBody
		}
		r.need(keep)
		if p.Kind == pipeline.ParaHeading {
			r.gap(1.5)
		}
		top := r.y()
		if shade != nil {
			r.fillColor(*shade)
			r.pdf.Rect(x-pad, top, w+pad, pad, "F")
			r.fillColor(*barC)
			r.pdf.Rect(x-pad, top, 0.8, pad, "F")
			r.gap(pad)
		}
		for j, ln := range lines {
			if r.y()+lh+pad > r.bt {
				r.newPage(r.running)
			}
			y := r.y()
			if shade != nil {
				r.fillColor(*shade)
				r.pdf.Rect(x-pad, y, w+pad, lh, "F")
			}
			if barC != nil {
				r.fillColor(*barC)
				bx := x - pad
				if shade == nil {
					bx = x + 1
				}
				r.pdf.Rect(bx, y, 0.8, lh, "F")
			}
			if j == 0 {
				r.setFont(stRegular, szTiny)
				r.color(colMuted)
				r.textRight(r.left+numW-3, y+0.3, lh, strconv.Itoa(p.ParaNo))
				if p.Kind == pipeline.ParaListItem {
					r.setFont(stBold, size)
					r.color(colNavy)
					r.text(x+1, y, lh, "•")
				}
			}
			r.drawLine(ln, x+indent+pad, y, lh, size, c)
			r.gap(lh)
		}
		if shade != nil {
			y := r.y()
			r.fillColor(*shade)
			r.pdf.Rect(x-pad, y, w+pad, pad, "F")
			r.fillColor(*barC)
			r.pdf.Rect(x-pad, y, 0.8, pad, "F")
			r.gap(pad)
		}
		r.gap(2.2)
	}
}

// citation ends an article with its source.
func (r *renderer) citation(d *pipeline.Doc) {
	doc := d.Document
	var parts []string
	parts = append(parts, "“"+strings.TrimSpace(docTitle(d))+"”")
	if doc.Byline != "" {
		parts = append(parts, doc.Byline)
	}
	if doc.Site != "" {
		parts = append(parts, doc.Site)
	}
	if doc.Published != "" {
		parts = append(parts, displayDate(doc.Published))
	}
	cite := strings.Join(parts, ". ") + "."
	r.para(r.left, r.cw, stRegular, szSmall, lhSmall+0.3, colText, cite)
	if doc.URL != "" {
		r.para(r.left, r.cw, stRegular, szSmall, lhSmall+0.3, colNavy, doc.URL)
	}
	srcs := doc.Sources
	if len(srcs) == 0 && doc.Source != "" {
		srcs = []string{doc.Source}
	}
	for _, s := range srcs {
		if s != doc.URL {
			r.para(r.left, r.cw, stRegular, szSmall, lhSmall+0.3, colMuted, "Input: "+s)
		}
	}
	meta := "Document ID " + doc.DocID
	if doc.ContentSHA256 != "" {
		meta += " · SHA-256 " + doc.ContentSHA256
	}
	r.para(r.left, r.cw, stRegular, szTiny, lhTiny, colMuted, meta)
}

// ---- formatting ----

// tone shows a tone score with its sign.
func tone(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	if math.Abs(v) < 0.005 {
		return "0.00"
	}
	if v < 0 {
		return fmt.Sprintf("−%.2f", -v) // a true minus sign, as wide as "+"
	}
	return fmt.Sprintf("+%.2f", v)
}

func typeLabel(t string) string {
	if t == "" {
		return "–"
	}
	return strings.ToUpper(t[:1]) + t[1:]
}

// displayDate turns an ISO 8601 date (to any precision) into "2 August
// 2024", "August 2024" or "2024"; anything else is returned as it is.
func displayDate(iso string) string {
	iso = strings.TrimSpace(iso)
	for _, l := range []struct{ in, out string }{
		{time.RFC3339, "2 January 2006"},
		{"2006-01-02T15:04:05", "2 January 2006"},
		{"2006-01-02", "2 January 2006"},
		{"2006-01", "January 2006"},
		{"2006", "2006"},
	} {
		if t, err := time.Parse(l.in, iso); err == nil {
			return t.Format(l.out)
		}
	}
	return iso
}

// languageName names common languages; other codes are shown as they are.
func languageName(code string) string {
	names := map[string]string{
		"en": "English", "ru": "Russian", "kk": "Kazakh", "uz": "Uzbek", "ky": "Kyrgyz", "tg": "Tajik", "tk": "Turkmen",
		"ja": "Japanese", "zh": "Chinese", "ko": "Korean", "de": "German", "fr": "French", "es": "Spanish",
		"ar": "Arabic", "fa": "Persian", "tr": "Turkish", "it": "Italian", "pt": "Portuguese", "uk": "Ukrainian",
		"mn": "Mongolian", "hi": "Hindi", "nl": "Dutch", "pl": "Polish",
	}
	if n, ok := names[strings.ToLower(code)]; ok {
		return n + " (" + code + ")"
	}
	if code == "" || code == "und" {
		return "undetermined"
	}
	return code
}
