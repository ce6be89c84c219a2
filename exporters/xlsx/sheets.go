package xlsx

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/briefpack/briefpack/pipeline"
)

// set writes one value in normal (non-stream) mode.
func (b *book) set(sheet string, colNo, row int, v any, style int) error {
	cell := cellName(colNo, row)
	if s, ok := v.(string); ok {
		v = b.text(s)
	}
	v = finite(v)
	if v != nil {
		if err := b.f.SetCellValue(sheet, cell, v); err != nil {
			return err
		}
	}
	if style == 0 {
		style = b.st.top
	}
	return b.f.SetCellStyle(sheet, cell, cell, style)
}

var sheetAbout = map[string]string{
	shOverview:   "this page",
	shActors:     "actor comparison: every entity of the run with mentions, salience, tone, themes, key statement",
	shCountries:  "countries side by side (one column per country)",
	shThemes:     "theme x actor and theme x document matrices",
	shTimeline:   "every dated event, as real dates",
	shDocuments:  "per-document metrics and the similarity matrix",
	shPairs:      "document pairs with anything in common, most similar first",
	shSentences:  "every sentence (filterable table)",
	shMentions:   "every entity mention",
	shEntities:   "entities per document",
	shEvents:     "dated statements per document",
	shQuantities: "numbers with units",
	shRelations:  "entity pairs linked in a sentence",
	shDocThemes:  "themes per document with evidence",
	shParagraphs: "paragraphs with their kind",
	shFailures:   "inputs that could not be processed",
}

func (b *book) overview() error {
	const sh = shOverview
	ds := b.ds
	if err := b.pageSetup(sh); err != nil {
		return err
	}
	for _, w := range []struct {
		c string
		w float64
	}{{"A", 22}, {"B", 70}, {"C", 14}, {"D", 10}, {"E", 10}, {"F", 16}} {
		if err := b.f.SetColWidth(sh, w.c, w.c, w.w); err != nil {
			return err
		}
	}
	title := b.opts.PackTitle
	if title == "" {
		title = "Briefing pack"
	}
	if err := b.set(sh, 1, 1, title+": comparison workbook", b.st.title); err != nil {
		return err
	}
	r := 3
	if err := b.set(sh, 1, r, "Run", b.st.heading); err != nil {
		return err
	}
	started := any(nil)
	if !ds.Run.Started.IsZero() {
		started = ds.Run.Started.UTC()
	}
	kv := []struct {
		k string
		v any
		s int
	}{
		{"Run ID", ds.Run.ID, 0},
		{"Started (UTC)", started, b.st.dateTime},
		{"Version", ds.Run.Version, 0},
	}
	for _, x := range kv {
		r++
		if err := b.set(sh, 1, r, x.k, b.st.bold); err != nil {
			return err
		}
		if err := b.set(sh, 2, r, x.v, x.s); err != nil {
			return err
		}
	}
	r++
	if err := b.set(sh, 1, r, "Inputs", b.st.bold); err != nil {
		return err
	}
	for i, in := range ds.Run.Inputs {
		if i == 50 {
			if err := b.set(sh, 2, r, "… and "+strconv.Itoa(len(ds.Run.Inputs)-50)+" more", 0); err != nil {
				return err
			}
			r++
			break
		}
		if err := b.set(sh, 2, r, in, 0); err != nil {
			return err
		}
		r++
	}
	if len(ds.Run.Inputs) == 0 {
		r++
	}
	r++
	if err := b.set(sh, 1, r, "Key numbers", b.st.heading); err != nil {
		return err
	}
	t := ds.Views.Totals
	for _, x := range []struct {
		k string
		v int
	}{
		{"Documents", t.Documents}, {"Failed inputs", t.Failed}, {"Words", t.Words}, {"Sentences", t.Sentences},
		{"Distinct entities", t.Entities}, {"Mentions", t.Mentions}, {"Events", t.Events}, {"Relations", t.Relations},
	} {
		r++
		if err := b.set(sh, 1, r, x.k, b.st.bold); err != nil {
			return err
		}
		if err := b.set(sh, 2, r, x.v, 0); err != nil {
			return err
		}
	}
	r += 2
	if err := b.set(sh, 1, r, "Documents", b.st.heading); err != nil {
		return err
	}
	r++
	for i, h := range []string{"#", "Title", "Published", "Language", "Words", "Doc ID"} {
		if err := b.set(sh, i+1, r, h, b.st.header); err != nil {
			return err
		}
	}
	for i, d := range ds.Docs {
		if i == maxOverviewDocs {
			r++
			more := "… and " + strconv.Itoa(len(ds.Docs)-i) + " more on the Documents sheet"
			if err := b.set(sh, 2, r, more, 0); err != nil {
				return err
			}
			break
		}
		r++
		m := d.Document
		vals := []struct {
			v any
			s int
		}{{i + 1, 0}, {docTitle(d), b.st.linkWrap}, {b.dateCell(m.Published, ""), 0}, {m.Language, 0}, {m.Words, 0}, {m.DocID, 0}}
		for c, x := range vals {
			v, s := x.v, x.s
			if cell, ok := v.(excelize.Cell); ok {
				v, s = cell.Value, cell.StyleID
			}
			if err := b.set(sh, c+1, r, v, s); err != nil {
				return err
			}
		}
		if i < maxLinks {
			if err := b.f.SetCellHyperLink(sh, cellName(2, r), ref(shDocuments, 3, b.docRow[m.DocID]), "Location"); err != nil {
				return err
			}
		}
	}
	r += 2
	if err := b.set(sh, 1, r, "Sheets", b.st.heading); err != nil {
		return err
	}
	for _, name := range b.order[1:] {
		r++
		if err := b.set(sh, 1, r, name, b.st.link); err != nil {
			return err
		}
		if err := b.f.SetCellHyperLink(sh, cellName(1, r), ref(name, 1, 1), "Location"); err != nil {
			return err
		}
		if err := b.set(sh, 2, r, sheetAbout[name], 0); err != nil {
			return err
		}
	}
	return nil
}

func docTitle(d *pipeline.Doc) string {
	if d.Document.Title != "" {
		return d.Document.Title
	}
	return d.Document.Source
}

// actors writes the run's actor comparison with heat maps, a bar chart of
// the leading actors, and links to the evidence sentences.
func (b *book) actors() error {
	rows := b.ds.Views.Actors
	cols := []col{{"Rank", 6, 0}, {"Name", 28, 0}, {"Type", 13, 0}, {"ISO", 6, 0}, {"Documents", 11, 0},
		{"Mentions", 10, 0}, {"Salience", 10, b.st.dec}, {"Tone", 9, b.st.dec}}
	firstTheme := len(cols) + 1
	seen := map[string]bool{}
	for _, c := range cols {
		seen[c.name] = true
	}
	for _, t := range b.leadTheme {
		name := uniqueName(t.label, seen)
		cols = append(cols, col{name, 12, b.st.dec})
	}
	lastTheme := len(cols)
	cols = append(cols, col{uniqueName("Key statement", seen), 80, b.st.wrap}, col{uniqueName("Key statement in", seen), 20, 0},
		col{uniqueName("First mention", seen), 20, 0}, col{uniqueName("Entity ID", seen), 24, 0})
	s, err := b.stream(shActors, cols, 1, 2)
	if err != nil {
		return err
	}
	if err := s.header(0, colNames(cols)...); err != nil {
		return err
	}
	for i, a := range rows {
		if i >= MaxDataRows {
			b.omitted[shActors] += len(rows) - i
			break
		}
		iso := a.ISO3
		if iso == "" {
			iso = a.ISO2
		}
		vals := []any{i + 1, b.str(a.Name, b.st.link), a.Type, nilIfEmpty(iso), a.Documents, a.Mentions, a.Salience, a.Tone}
		for _, t := range b.leadTheme {
			vals = append(vals, themeScore(a, t.id))
		}
		keyRef := ""
		if a.KeyStatementDoc != "" || a.KeyStatementRef != "" {
			keyRef = a.KeyStatementDoc + ":" + a.KeyStatementRef
		}
		keyRow, keyOK := b.sentRow[keyRef]
		firstRow, firstOK := b.sentRow[a.FirstMention]
		vals = append(vals, b.str(a.KeyStatement, b.st.wrap), b.str(keyRef, linkStyle(b, keyOK)),
			b.str(a.FirstMention, linkStyle(b, firstOK)), a.EntityID)
		if err := s.next(0, vals...); err != nil {
			return err
		}
		// Links go to the sentence text in the Sentences sheet: the name and
		// the first mention to the first evidence sentence, the key
		// statement reference to the key statement.
		if firstOK {
			if err := s.link(cellName(2, s.row), ref(shSentences, 9, firstRow)); err != nil {
				return err
			}
			if err := s.link(cellName(lastTheme+3, s.row), ref(shSentences, 9, firstRow)); err != nil {
				return err
			}
		}
		if keyOK {
			if err := s.link(cellName(lastTheme+2, s.row), ref(shSentences, 9, keyRow)); err != nil {
				return err
			}
		}
	}
	n := min(len(rows), MaxDataRows)
	if n > 0 {
		last := n + 1
		cf := []struct {
			c1, c2 int
			opts   excelize.ConditionalFormatOptions
		}{
			{5, 5, scale2("63BE7B")}, {6, 6, scale2("63BE7B")}, {7, 7, scale2("63BE7B")}, {8, 8, toneScale()},
		}
		if lastTheme >= firstTheme {
			cf = append(cf, struct {
				c1, c2 int
				opts   excelize.ConditionalFormatOptions
			}{firstTheme, lastTheme, scale2("5A8AC6")})
		}
		for _, x := range cf {
			rg := cellName(x.c1, 2) + ":" + cellName(x.c2, last)
			if err := b.f.SetConditionalFormat(shActors, rg, []excelize.ConditionalFormatOptions{x.opts}); err != nil {
				return err
			}
		}
		top := min(n, 15)
		chart := &excelize.Chart{
			Type: excelize.Bar,
			Series: []excelize.ChartSeries{{
				Name:       "'" + shActors + "'!$G$1",
				Categories: rangeRef(shActors, 2, 2, 2, top+1),
				Values:     rangeRef(shActors, 7, 2, 7, top+1),
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F5597"}},
			}},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Leading actors by salience (top " + strconv.Itoa(top) + ")"}}},
			Legend:    excelize.ChartLegend{Position: "none"},
			XAxis:     excelize.ChartAxis{ReverseOrder: true},
			YAxis:     excelize.ChartAxis{MajorGridLines: true},
			Dimension: excelize.ChartDimension{Width: 640, Height: uint(160 + 22*top)},
			Format:    excelize.GraphicOptions{AltText: "Bar chart of the leading actors by salience", OffsetX: 10},
		}
		if err := b.f.AddChart(shActors, cellName(len(cols)+2, 2), chart); err != nil {
			return err
		}
	}
	if err := s.sw.AddTable(&excelize.Table{Range: "A1:" + cellName(len(cols), max(2, s.row)), Name: "tblActors",
		StyleName: "TableStyleLight1", ShowRowStripes: ptr(false)}); err != nil {
		return err
	}
	return s.flush()
}

func linkStyle(b *book, linked bool) int {
	if linked {
		return b.st.link
	}
	return 0
}

func themeScore(a pipeline.ActorRow, id string) any {
	for _, t := range a.Themes {
		if t.Theme == id {
			return t.Score
		}
	}
	return nil // the actor has no sentence with this theme: empty, not 0
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func uniqueName(name string, seen map[string]bool) string {
	name = strings.TrimSpace(name)
	if name == "" {
		name = "Column"
	}
	out := name
	for i := 2; seen[strings.ToLower(out)] || seen[out]; i++ {
		out = name + " (" + strconv.Itoa(i) + ")"
	}
	seen[out] = true
	seen[strings.ToLower(out)] = true
	return out
}

func scale2(color string) excelize.ConditionalFormatOptions {
	return excelize.ConditionalFormatOptions{Type: "2_color_scale", Criteria: "=", MinType: "min", MaxType: "max",
		MinColor: "FFFFFF", MaxColor: color}
}

// toneScale is red (negative) through white (0) to green (positive).
func toneScale() excelize.ConditionalFormatOptions {
	return excelize.ConditionalFormatOptions{Type: "3_color_scale", Criteria: "=", MinType: "num", MidType: "num",
		MaxType: "num", MinValue: "-1", MidValue: "0", MaxValue: "1", MinColor: "F8696B", MidColor: "FFFFFF", MaxColor: "63BE7B"}
}

// countries lays the countries side by side: one column per country,
// one row per metric, then a conventional row-per-country table.
func (b *book) countries() error {
	const sh = shCountries
	rows := b.ds.Views.Countries
	if err := b.pageSetup(sh); err != nil {
		return err
	}
	actorRow := map[string]int{}
	for i, a := range b.ds.Views.Actors {
		if i < MaxDataRows {
			actorRow[a.EntityID] = i + 2
		}
	}
	if err := b.f.SetColWidth(sh, "A", "A", 36); err != nil {
		return err
	}
	if len(rows) > 0 {
		if err := b.f.SetColWidth(sh, "B", colName(len(rows)+1), 26); err != nil {
			return err
		}
	}
	if err := b.f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: "B2", ActiveCell: "B2", Pane: "bottomRight"}}}); err != nil {
		return err
	}
	if err := b.set(sh, 1, 1, "Country", b.st.header); err != nil {
		return err
	}
	type metric struct {
		label string
		style int
		scale *excelize.ConditionalFormatOptions
		value func(a pipeline.ActorRow) any
	}
	green, blue, tone := scale2("63BE7B"), scale2("5A8AC6"), toneScale()
	metrics := []metric{
		{"ISO code", 0, nil, func(a pipeline.ActorRow) any { return nilIfEmpty(a.ISO3) }},
		{"Documents", 0, &green, func(a pipeline.ActorRow) any { return a.Documents }},
		{"Mentions", 0, &green, func(a pipeline.ActorRow) any { return a.Mentions }},
		{"Salience", b.st.dec, &green, func(a pipeline.ActorRow) any { return a.Salience }},
		{"Tone", b.st.dec, &tone, func(a pipeline.ActorRow) any { return a.Tone }},
	}
	for _, t := range b.leadTheme {
		id := t.id
		metrics = append(metrics, metric{"Theme: " + t.label, b.st.dec, &blue, func(a pipeline.ActorRow) any { return themeScore(a, id) }})
	}
	metrics = append(metrics,
		metric{"Top themes", b.st.wrap, nil, func(a pipeline.ActorRow) any { return topThemes(a, 3) }},
		metric{"Key statement", b.st.wrap, nil, func(a pipeline.ActorRow) any { return a.KeyStatement }},
		metric{"First mention", 0, nil, func(a pipeline.ActorRow) any { return a.FirstMention }},
	)
	for m, x := range metrics {
		if err := b.set(sh, 1, m+2, x.label, b.st.bold); err != nil {
			return err
		}
	}
	for c, a := range rows {
		colNo := c + 2
		if err := b.set(sh, colNo, 1, a.Name, b.st.colHead); err != nil {
			return err
		}
		if r, ok := actorRow[a.EntityID]; ok && c < maxLinks {
			if err := b.f.SetCellHyperLink(sh, cellName(colNo, 1), ref(shActors, 2, r), "Location"); err != nil {
				return err
			}
		}
		for m, x := range metrics {
			if err := b.set(sh, colNo, m+2, x.value(a), x.style); err != nil {
				return err
			}
		}
	}
	// Grow the rows of wrapped text to fit their longest cell.
	for m, x := range metrics {
		if !b.wraps(x.style) {
			continue
		}
		lines := 1
		for _, a := range rows {
			if t, ok := x.value(a).(string); ok {
				lines = max(lines, textLines(t, 26))
			}
		}
		if err := b.fitRow(sh, m+2, lines); err != nil {
			return err
		}
	}
	if len(rows) > 0 {
		for m, x := range metrics {
			if x.scale == nil {
				continue
			}
			rg := cellName(2, m+2) + ":" + cellName(len(rows)+1, m+2)
			if err := b.f.SetConditionalFormat(sh, rg, []excelize.ConditionalFormatOptions{*x.scale}); err != nil {
				return err
			}
		}
	}
	// The same data as a conventional table below, one row per country.
	r := len(metrics) + 4
	if err := b.set(sh, 1, r, "One row per country", b.st.heading); err != nil {
		return err
	}
	r++
	heads := []string{"Country", "ISO code", "Documents", "Mentions", "Salience", "Tone", "Top themes", "Key statement"}
	for i, h := range heads {
		if err := b.set(sh, i+1, r, h, b.st.header); err != nil {
			return err
		}
	}
	for _, a := range rows {
		r++
		vals := []struct {
			v any
			s int
		}{{a.Name, b.st.bold}, {nilIfEmpty(a.ISO3), 0}, {a.Documents, 0}, {a.Mentions, 0}, {a.Salience, b.st.dec},
			{a.Tone, b.st.dec}, {topThemes(a, 3), b.st.wrap}, {a.KeyStatement, b.st.wrap}}
		lines := 1
		for i, x := range vals {
			if err := b.set(sh, i+1, r, x.v, x.s); err != nil {
				return err
			}
			if t, ok := x.v.(string); ok && b.wraps(x.s) {
				lines = max(lines, textLines(t, 26))
			}
		}
		if err := b.fitRow(sh, r, lines); err != nil {
			return err
		}
	}
	return nil
}

// fitRow sets the height of a row in normal mode for lines of text.
func (b *book) fitRow(sheet string, row, lines int) error {
	if lines <= 1 {
		return nil
	}
	return b.f.SetRowHeight(sheet, row, float64(min(lines, maxLines))*lineHeight)
}

// topThemes lists an actor's first n themes (already ordered by the
// pipeline) as "Label 0.50; Label 0.33".
func topThemes(a pipeline.ActorRow, n int) any {
	var parts []string
	for i, t := range a.Themes {
		if i == n {
			break
		}
		l := t.Label
		if l == "" {
			l = t.Theme
		}
		parts = append(parts, l+" "+strconv.FormatFloat(t.Score, 'f', 2, 64))
	}
	if len(parts) == 0 {
		return nil
	}
	return strings.Join(parts, "; ")
}

// oriented is a theme matrix turned so that themes are columns (the
// pipeline's matrices have themes on rows).
type oriented struct {
	rowLabels, themeLabels []string
	value                  func(r, c int) any
}

func (b *book) orient(m pipeline.Matrix) oriented {
	get := func(r, c int) any {
		if r < len(m.Values) && c < len(m.Values[r]) {
			return m.Values[r][c]
		}
		return nil
	}
	lab := func(labels, ids []string, i int) string {
		if i < len(labels) && labels[i] != "" {
			return labels[i]
		}
		return ids[i]
	}
	var o oriented
	for i := range m.ColIDs {
		o.rowLabels = append(o.rowLabels, lab(m.ColLabels, m.ColIDs, i))
	}
	for i := range m.RowIDs {
		o.themeLabels = append(o.themeLabels, lab(m.RowLabels, m.RowIDs, i))
	}
	o.value = func(r, c int) any { return get(c, r) }
	return o
}

func (b *book) themes() error {
	byActor := b.orient(b.ds.Views.ThemeByActor)
	byDoc := b.orient(b.ds.Views.ThemeByDoc)
	nThemes := max(len(byActor.themeLabels), len(byDoc.themeLabels))
	cols := []col{{"", 36, b.st.wrap}}
	for range nThemes {
		cols = append(cols, col{"", 13, b.st.dec})
	}
	s, err := b.stream(shThemes, cols, 0, 1)
	if err != nil {
		return err
	}
	block := func(skip int, title, corner string, o oriented) (headerRow, first, last int, err error) {
		if err = s.next(skip, excelize.Cell{StyleID: b.st.heading, Value: title}); err != nil {
			return
		}
		if err = s.header(0, append([]string{corner}, o.themeLabels...)...); err != nil {
			return
		}
		headerRow = s.row
		first = s.row + 1
		for r, label := range o.rowLabels {
			if r >= MaxDataRows-s.row {
				b.omitted[shThemes] += len(o.rowLabels) - r
				break
			}
			vals := []any{b.str(label, b.st.bold)}
			for c := range o.themeLabels {
				vals = append(vals, o.value(r, c))
			}
			if err = s.next(0, vals...); err != nil {
				return
			}
		}
		last = s.row
		if last >= first && len(o.themeLabels) > 0 {
			err = b.f.SetConditionalFormat(shThemes, cellName(2, first)+":"+cellName(len(o.themeLabels)+1, last),
				[]excelize.ConditionalFormatOptions{scale2("5A8AC6")})
		}
		return
	}
	hdr, first, last, err := block(0, "Theme by actor: share of the actor's sentences that carry the theme", "Actor", byActor)
	if err != nil {
		return err
	}
	if _, _, _, err := block(2, "Theme by document: theme score in the document", "Document", byDoc); err != nil {
		return err
	}
	if n := min(last-first+1, 6); n > 0 && len(byActor.themeLabels) > 0 {
		chart := &excelize.Chart{
			Type:      excelize.Bar,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Themes of the leading actors"}}},
			Legend:    excelize.ChartLegend{Position: "bottom"},
			XAxis:     excelize.ChartAxis{ReverseOrder: true},
			YAxis:     excelize.ChartAxis{MajorGridLines: true},
			Dimension: excelize.ChartDimension{Width: 640, Height: uint(220 + 28*len(byActor.themeLabels))},
			Format:    excelize.GraphicOptions{AltText: "Clustered bar chart: theme scores of the leading actors", OffsetX: 10},
		}
		for i := 0; i < n; i++ {
			r := first + i
			chart.Series = append(chart.Series, excelize.ChartSeries{
				Name:       "'" + shThemes + "'!$A$" + strconv.Itoa(r),
				Categories: rangeRef(shThemes, 2, hdr, len(byActor.themeLabels)+1, hdr),
				Values:     rangeRef(shThemes, 2, r, len(byActor.themeLabels)+1, r),
			})
		}
		if err := b.f.AddChart(shThemes, cellName(nThemes+3, 2), chart); err != nil {
			return err
		}
	}
	return s.flush()
}

func (b *book) timeline() error {
	rows := b.ds.Views.Timeline
	cols := []col{{"Date", 13, 0}, {"End date", 13, 0}, {"Precision", 10, 0}, {"ISO date", 12, 0},
		{"As written", 20, b.st.wrap}, {"Event", 80, b.st.wrap}, {"Document", 32, b.st.wrap}, {"Doc ID", 14, 0},
		{"Sentence", 10, 0}, {"Entities", 30, b.st.wrap}}
	s, err := b.stream(shTimeline, cols, 1, 1)
	if err != nil {
		return err
	}
	if err := s.header(0, colNames(cols)...); err != nil {
		return err
	}
	for i, t := range rows {
		if i >= MaxDataRows {
			b.omitted[shTimeline] += len(rows) - i
			break
		}
		if i%4096 == 0 {
			if err := b.ctx.Err(); err != nil {
				return err
			}
		}
		// Real dates only; what Excel cannot hold as a date (relative,
		// before 1900) leaves the cell empty, the ISO and written forms
		// stay in their columns.
		var date, end any
		if _, _, ok := parseISODate(t.SortKey); ok {
			date = b.dateCell(t.SortKey, t.Precision)
		}
		if _, p, ok := parseISODate(t.EndDate); ok {
			end = b.dateCell(t.EndDate, p)
		}
		ents := make([]string, 0, len(t.Entities))
		for _, id := range t.Entities {
			if n := b.names[id]; n != "" {
				ents = append(ents, n)
			} else {
				ents = append(ents, id)
			}
		}
		sentStyle := 0
		target, linked := b.sentRow[t.DocID+":"+t.SentID]
		if linked {
			sentStyle = b.st.link
		}
		if err := s.next(0, date, end, t.Precision, nilIfEmpty(t.Date), b.str(t.DateText, 0), b.str(t.Text, 0),
			b.str(t.DocTitle, 0), t.DocID, b.str(t.SentID, sentStyle), b.str(strings.Join(ents, ", "), 0)); err != nil {
			return err
		}
		if linked {
			if err := s.link(cellName(9, s.row), ref(shSentences, 9, target)); err != nil {
				return err
			}
		}
	}
	if err := s.sw.AddTable(&excelize.Table{Range: "A1:" + cellName(len(cols), max(2, s.row)), Name: "tblTimeline",
		StyleName: "TableStyleLight9", ShowRowStripes: ptr(true)}); err != nil {
		return err
	}
	return s.flush()
}

func (b *book) documents() error {
	docs := b.ds.Docs
	cols := []col{{"#", 5, 0}, {"Doc ID", 14, 0}, {"Title", 40, b.st.wrap}, {"Published", 12, 0}, {"Language", 9, 0},
		{"Words", 8, 0}, {"Sentences", 10, 0}, {"Paragraphs", 11, 0}, {"Entities", 9, 0}, {"Events", 8, 0},
		{"Themes", 8, 0}, {"Tone", 8, b.st.dec}, {"Source(s)", 36, b.st.wrap}, {"URL", 30, 0}, {"Notes", 30, b.st.wrap},
		{"Summary", 80, b.st.wrap}}
	// The similarity matrix below the table needs one column per document.
	sim := b.ds.Views.DocCompare
	showSim := len(sim.DocIDs) >= 2 && len(sim.DocIDs) <= maxSimDocs && len(sim.Sim) == len(sim.DocIDs)
	s, err := b.stream(shDocuments, cols, 1, 3)
	if err != nil {
		return err
	}
	if err := s.header(0, colNames(cols)...); err != nil {
		return err
	}
	for i, d := range docs {
		if i >= MaxDataRows {
			b.omitted[shDocuments] += len(docs) - i
			break
		}
		m := d.Document
		sources := m.Sources
		if len(sources) == 0 && m.Source != "" {
			sources = []string{m.Source}
		}
		if err := s.next(0, i+1, m.DocID, b.str(m.Title, 0), b.dateCell(m.Published, ""), nilIfEmpty(m.Language),
			m.Words, m.Sentences, m.Paragraphs, len(d.Entities), len(d.Events), len(d.Themes), m.Tone,
			b.str(strings.Join(sources, "\n"), 0), nilIfEmpty(m.URL), b.str(strings.Join(m.Notes, "\n"), 0),
			b.str(m.Summary, 0)); err != nil {
			return err
		}
	}
	tableEnd := max(2, s.row)
	if len(docs) > 0 {
		if err := b.f.SetConditionalFormat(shDocuments, "L2:L"+strconv.Itoa(s.row), []excelize.ConditionalFormatOptions{toneScale()}); err != nil {
			return err
		}
	}
	if err := s.sw.AddTable(&excelize.Table{Range: "A1:" + cellName(len(cols), tableEnd), Name: "tblDocuments",
		StyleName: "TableStyleLight9", ShowRowStripes: ptr(true)}); err != nil {
		return err
	}
	if len(docs) == 0 {
		s.row = 2 // the table's empty data row
	}
	if showSim {
		near := map[[2]string]bool{}
		for _, p := range sim.Pairs {
			if p.NearDuplicate {
				near[[2]string{p.A, p.B}] = true
				near[[2]string{p.B, p.A}] = true
			}
		}
		if err := s.next(2, excelize.Cell{StyleID: b.st.heading, Value: "Document similarity (cosine over TF-IDF); near-duplicates in red"}); err != nil {
			return err
		}
		heads := []string{"", "Doc ID", "Title"}
		for i := range sim.DocIDs {
			heads = append(heads, "#"+strconv.Itoa(i+1))
		}
		if err := s.header(0, heads...); err != nil {
			return err
		}
		for i, id := range sim.DocIDs {
			title := ""
			if i < len(sim.Titles) {
				title = sim.Titles[i]
			}
			vals := []any{excelize.Cell{StyleID: b.st.bold, Value: "#" + strconv.Itoa(i+1)}, id, b.str(title, b.st.wrap)}
			for j := range sim.DocIDs {
				var v any
				if j < len(sim.Sim[i]) {
					v = sim.Sim[i][j]
				}
				st := b.st.dec
				if i != j && near[[2]string{id, sim.DocIDs[j]}] {
					st = b.st.dup
				}
				vals = append(vals, excelize.Cell{StyleID: st, Value: v})
			}
			if err := s.next(0, vals...); err != nil {
				return err
			}
		}
	}
	return s.flush()
}

func (b *book) pairs() error {
	ps := b.ds.Views.DocCompare.Pairs
	title := map[string]string{}
	for _, d := range b.ds.Docs {
		title[d.Document.DocID] = docTitle(d)
	}
	labels := b.ds.Views.ThemeLabels
	cols := []col{{"Document A", 36, b.st.wrap}, {"Document B", 36, b.st.wrap}, {"Similarity", 11, b.st.dec},
		{"Near duplicate", 10, 0}, {"Shared entities", 40, b.st.wrap}, {"Shared themes", 30, b.st.wrap},
		{"Doc A ID", 14, 0}, {"Doc B ID", 14, 0}}
	n := min(len(ps), MaxDataRows)
	if len(ps) > n {
		b.omitted[shPairs] += len(ps) - n
	}
	if n > 0 {
		last := strconv.Itoa(n + 1)
		if err := b.f.SetConditionalFormat(shPairs, "A2:H"+last, []excelize.ConditionalFormatOptions{
			{Type: "formula", Criteria: "$D2=TRUE", Format: &b.st.dupCF}}); err != nil {
			return err
		}
		if err := b.f.SetConditionalFormat(shPairs, "C2:C"+last, []excelize.ConditionalFormatOptions{scale2("63BE7B")}); err != nil {
			return err
		}
	}
	return b.table(shPairs, "tblDocPairs", cols, func(out *tableRows) error {
		for _, p := range ps {
			ents := make([]string, len(p.SharedEntities))
			for i, id := range p.SharedEntities {
				ents[i] = id
				if n := b.names[id]; n != "" {
					ents[i] = n
				}
			}
			ths := make([]string, len(p.SharedThemes))
			for i, id := range p.SharedThemes {
				ths[i] = id
				if l := labels[id]; l != "" {
					ths[i] = l
				}
			}
			if err := out.emit(b.str(title[p.A], 0), b.str(title[p.B], 0), p.Similarity, p.NearDuplicate,
				b.str(strings.Join(ents, ", "), 0), b.str(strings.Join(ths, ", "), 0), p.A, p.B); err != nil {
				return err
			}
		}
		return nil
	})
}
