package pdf

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/briefpack/briefpack/examples"
	"github.com/briefpack/briefpack/pipeline"
)

// This file builds a realistic synthetic Dataset (every record and view
// filled) so the layout of every section is exercised even while stages
// of the real pipeline are still missing. Tests also render the real
// pipelinetest.Seed dataset.

var fixtureNow = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)

type gazEntry struct {
	id, name, typ, iso2 string
	surfaces            []string
}

var gazetteer = []gazEntry{
	{"JPN", "Japan", "country", "JP", []string{"Japan", "Japanese", "Tokyo"}},
	{"KAZ", "Kazakhstan", "country", "KZ", []string{"Kazakhstan", "Astana"}},
	{"UZB", "Uzbekistan", "country", "UZ", []string{"Uzbekistan"}},
	{"KGZ", "Kyrgyzstan", "country", "KG", []string{"Kyrgyzstan"}},
	{"TJK", "Tajikistan", "country", "TJ", []string{"Tajikistan"}},
	{"TKM", "Turkmenistan", "country", "TM", []string{"Turkmenistan"}},
	{"CHN", "China", "country", "CN", []string{"China"}},
	{"RUS", "Russia", "country", "RU", []string{"Russia", "Russian", "Moscow"}},
	{"AFG", "Afghanistan", "country", "AF", []string{"Afghanistan"}},
	{"USA", "United States", "country", "US", []string{"United States"}},
	{"KOR", "South Korea", "country", "KR", []string{"South Korea"}},
	{"IND", "India", "country", "IN", []string{"India"}},
	{"MNG", "Mongolia", "country", "MN", []string{"Mongolia"}},
	{"UKR", "Ukraine", "country", "UA", []string{"Ukraine"}},
	{"central-asia", "Central Asia", "region", "", []string{"Central Asia", "Central Asian"}},
	{"eu", "European Union", "organization", "", []string{"EU", "European Union"}},
	{"taliban", "Taliban", "organization", "", []string{"Taliban"}},
	{"jma", "Japan Meteorological Agency", "organization", "", []string{"Japan Meteorological Agency"}},
	{"islam-karimov", "Islam Karimov", "person", "", []string{"Islam Karimov", "Karimov"}},
	{"shavkat-mirziyoyev", "Shavkat Mirziyoyev", "person", "", []string{"Shavkat Mirziyoyev", "Mirziyoyev"}},
	{"kishida-fumio", "Kishida Fumio", "person", "", []string{"Kishida Fumio", "Kishida"}},
	{"ca-plus-japan", "Central Asia plus Japan Dialogue", "framework", "", []string{"Central Asia plus Japan"}},
}

var themeRules = []struct{ id, label, words string }{
	{"diplomacy", "Diplomacy and summitry", "summit dialogue diplomacy framework foreign relations partner"},
	{"economy", "Trade and economy", "economic trade market investment funds resource economically"},
	{"energy", "Energy and climate", "energy gas decarbonization resource"},
	{"security", "Security and threats", "threat war terror turmoil sovereignty independence"},
	{"migration", "Migration and demography", "migration migrants population birthrate talented"},
	{"connectivity", "Transport and logistics", "transportation logistics route infrastructure landlocked"},
}

var sentRE = regexp.MustCompile(`[^.?!]+(?:[.?!]+[”"]?|$)`)
var yearRE = regexp.MustCompile(`\b(19|20)\d{2}\b`)
var relRE = regexp.MustCompile(`(?i)\b(this month|over the past 20 years|in the meantime)\b`)

// buildDoc runs a toy pipeline over paragraphs (the first is an editor's
// note when it starts with "Update:").
func buildDoc(seq int, title, site, published string, paras []string) *pipeline.Doc {
	d := &pipeline.Doc{Seq: seq}
	text := strings.Join(paras, "\n\n")
	d.Document = pipeline.Document{
		DocID: fmt.Sprintf("d%07x", len(text)*31+seq), Source: fmt.Sprintf("examples/doc%d.txt", seq+1),
		SourceKind: "text", Title: title, Byline: "Uyama Tomohiko", Site: site, Published: published,
		Language: "en", Text: text, URL: "https://www.nippon.com/en/in-depth/d01034/",
		ContentSHA256: strings.Repeat("ab", 32),
	}
	d.Document.Sources = []string{d.Document.Source}
	d.Article = pipeline.Article{Title: title, Source: d.Document.Source}
	pos := 0
	words := 0
	for i, p := range paras {
		n := utf8.RuneCountInString(p)
		kind := pipeline.ParaBody
		if i == 0 && strings.HasPrefix(p, "Update:") {
			kind = pipeline.ParaEditorNote
		}
		d.Paragraphs = append(d.Paragraphs, pipeline.Paragraph{DocID: d.Document.DocID, ParaNo: i + 1, Kind: kind, Start: pos, End: pos + n, Text: p})
		// sentences
		rs := []rune(p)
		sn := 0
		for _, loc := range sentRE.FindAllStringIndex(p, -1) {
			s := strings.TrimSpace(p[loc[0]:loc[1]])
			if s == "" {
				continue
			}
			lead := len(p[loc[0]:loc[1]]) - len(strings.TrimLeftFunc(p[loc[0]:loc[1]], unicode.IsSpace))
			st := utf8.RuneCountInString(p[:loc[0]+lead])
			sn++
			d.Sentences = append(d.Sentences, pipeline.Sentence{DocID: d.Document.DocID, SentID: fmt.Sprintf("p%ds%d", i+1, sn), ParaNo: i + 1,
				Start: pos + st, End: pos + st + utf8.RuneCountInString(s), Text: s})
		}
		_ = rs
		words += len(strings.Fields(p))
		pos += n + 2
	}
	d.Document.Words, d.Document.Paragraphs, d.Document.Sentences = words, len(d.Paragraphs), len(d.Sentences)

	// mentions: longest surface first, whole words, no overlap
	runes := []rune(text)
	type surf struct {
		g gazEntry
		s []rune
	}
	var surfs []surf
	for _, g := range gazetteer {
		for _, s := range g.surfaces {
			surfs = append(surfs, surf{g, []rune(s)})
		}
	}
	sort.SliceStable(surfs, func(i, j int) bool { return len(surfs[i].s) > len(surfs[j].s) })
	taken := make([]bool, len(runes))
	isWord := func(i int) bool {
		return i >= 0 && i < len(runes) && (unicode.IsLetter(runes[i]) || unicode.IsDigit(runes[i]))
	}
	for _, sf := range surfs {
		for i := 0; i+len(sf.s) <= len(runes); i++ {
			if string(runes[i:i+len(sf.s)]) != string(sf.s) || isWord(i-1) || isWord(i+len(sf.s)) {
				continue
			}
			free := true
			for k := i; k < i+len(sf.s); k++ {
				free = free && !taken[k]
			}
			if !free {
				continue
			}
			for k := i; k < i+len(sf.s); k++ {
				taken[k] = true
			}
			d.Mentions = append(d.Mentions, pipeline.Mention{DocID: d.Document.DocID, SentID: sentAt(d, i), EntityID: sf.g.id, Surface: string(sf.s), Start: i, End: i + len(sf.s), Form: pipeline.FormName})
		}
	}
	sort.Slice(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })

	// entities and actors
	count := map[string]int{}
	first := map[string]string{}
	for _, m := range d.Mentions {
		count[m.EntityID]++
		if first[m.EntityID] == "" {
			first[m.EntityID] = m.SentID
		}
	}
	maxc := 1
	for _, c := range count {
		maxc = max(maxc, c)
	}
	for gi, g := range gazetteer {
		if count[g.id] == 0 {
			continue
		}
		sal := 0.15 + 0.85*float64(count[g.id])/float64(maxc) - 0.001*float64(gi)
		d.Entities = append(d.Entities, pipeline.Entity{DocID: d.Document.DocID, EntityID: g.id, Name: g.name, Type: g.typ, ISO2: g.iso2,
			ISO3: iso3(g), Mentions: count[g.id], Salience: sal, FirstSent: first[g.id], Tone: float64(gi%5-2) / 10})
	}
	sort.SliceStable(d.Entities, func(i, j int) bool { return d.Entities[i].Salience > d.Entities[j].Salience })

	// themes
	for _, tr := range themeRules {
		var ev []string
		for _, s := range d.Sentences {
			low := strings.ToLower(s.Text)
			for _, w := range strings.Fields(tr.words) {
				if strings.Contains(low, w) {
					ev = append(ev, s.SentID)
					d.Sentence(s.SentID).Themes = append(d.Sentence(s.SentID).Themes, tr.id)
					break
				}
			}
		}
		if len(ev) > 0 {
			d.Themes = append(d.Themes, pipeline.Theme{DocID: d.Document.DocID, Theme: tr.id, Label: tr.label,
				Score: min(1, float64(len(ev))/float64(len(d.Sentences))*2.2), Sentences: len(ev), Evidence: ev})
		}
	}
	sort.SliceStable(d.Themes, func(i, j int) bool { return d.Themes[i].Score > d.Themes[j].Score })

	for _, en := range d.Entities {
		a := pipeline.ActorRow{EntityID: en.EntityID, Name: en.Name, Type: en.Type, ISO2: en.ISO2, ISO3: en.ISO3, Documents: 1,
			Mentions: en.Mentions, Salience: en.Salience, Tone: en.Tone, FirstMention: d.Document.DocID + ":" + en.FirstSent}
		if s := d.Sentence(en.FirstSent); s != nil {
			a.KeyStatement, a.KeyStatementDoc, a.KeyStatementRef = s.Text, d.Document.DocID, s.SentID
			for _, th := range d.Themes[:min(3, len(d.Themes))] {
				a.Themes = append(a.Themes, pipeline.ThemeScore{Theme: th.Theme, Label: th.Label, Score: th.Score / 2})
			}
		}
		d.Actors = append(d.Actors, a)
	}
	// the aggregate puts the leading region's members side by side
	ca := map[string]bool{"KAZ": true, "UZB": true, "KGZ": true, "TJK": true, "TKM": true}
	for _, pass := range []bool{true, false} {
		for _, a := range d.Actors {
			if a.Type == "country" && ca[a.EntityID] == pass {
				d.Countries = append(d.Countries, a)
			}
		}
	}

	// events
	for _, s := range d.Sentences {
		ents := entitiesIn(d, s)
		for _, m := range yearRE.FindAllStringIndex(s.Text, -1) {
			y := s.Text[m[0]:m[1]]
			d.Events = append(d.Events, pipeline.Event{DocID: d.Document.DocID, SentID: s.SentID, Date: y, DateText: "in " + y, Precision: pipeline.PrecisionYear,
				Start: s.Start, End: s.End, Entities: ents, Text: s.Text})
		}
		for _, m := range relRE.FindAllString(s.Text, -1) {
			d.Events = append(d.Events, pipeline.Event{DocID: d.Document.DocID, SentID: s.SentID, DateText: m, Precision: pipeline.PrecisionRelative,
				Start: s.Start, End: s.End, Entities: ents, Text: s.Text})
		}
	}
	sort.SliceStable(d.Events, func(i, j int) bool {
		a, b := d.Events[i].Date, d.Events[j].Date
		if (a == "") != (b == "") {
			return b == ""
		}
		return a < b
	})

	// relations: consecutive countries in a sentence with a cue word
	cues := []struct{ cue, kind string }{{"cooperat", "cooperation"}, {"threat", "threat"}, {"depend", "dependence"}, {"reliant", "dependence"}, {"trade", "economic"}, {"relations", "neutral"}}
	for _, s := range d.Sentences {
		ents := entitiesIn(d, s)
		if len(ents) < 2 {
			continue
		}
		low := strings.ToLower(s.Text)
		for _, c := range cues {
			if strings.Contains(low, c.cue) {
				d.Relations = append(d.Relations, pipeline.Relation{DocID: d.Document.DocID, SentID: s.SentID, Subject: ents[0], Object: ents[1], Cue: c.cue, Kind: c.kind})
				break
			}
		}
	}
	// key points: three longest sentences, in document order
	idx := make([]int, len(d.Sentences))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return len(d.Sentences[idx[a]].Text) > len(d.Sentences[idx[b]].Text) })
	idx = idx[:min(3, len(idx))]
	sort.Ints(idx)
	for rank, i := range idx {
		d.Sentences[i].KeyRank = rank + 1
		d.KeyPoints = append(d.KeyPoints, d.Sentences[i].SentID)
	}
	return d
}

func iso3(g gazEntry) string {
	if g.typ == "country" {
		return g.id
	}
	return ""
}

func sentAt(d *pipeline.Doc, pos int) string {
	for _, s := range d.Sentences {
		if pos >= s.Start && pos < s.End {
			return s.SentID
		}
	}
	return ""
}

func entitiesIn(d *pipeline.Doc, s pipeline.Sentence) []string {
	var out []string
	for _, m := range d.Mentions {
		if m.SentID == s.SentID && !contains(out, m.EntityID) {
			out = append(out, m.EntityID)
		}
	}
	return out
}

// buildDataset aggregates docs the way the aggregate stage would (roughly).
func buildDataset(docs ...*pipeline.Doc) *pipeline.Dataset {
	ds := &pipeline.Dataset{Docs: docs, Run: pipeline.RunInfo{ID: "test", Started: fixtureNow, Version: "test"}}
	v := &ds.Views
	v.ThemeLabels = map[string]string{}
	acts := map[string]*pipeline.ActorRow{}
	var order []string
	for _, d := range docs {
		v.Totals.Documents++
		v.Totals.Words += d.Document.Words
		v.Totals.Sentences += d.Document.Sentences
		v.Totals.Mentions += len(d.Mentions)
		v.Totals.Events += len(d.Events)
		v.Totals.Relations += len(d.Relations)
		for _, a := range d.Actors {
			if p, ok := acts[a.EntityID]; ok {
				p.Documents++
				p.Mentions += a.Mentions
				p.Salience = max(p.Salience, a.Salience)
				continue
			}
			c := a
			acts[a.EntityID] = &c
			order = append(order, a.EntityID)
		}
		for _, e := range d.Events {
			key := e.Date
			v.Timeline = append(v.Timeline, pipeline.TimelineRow{Event: e, DocTitle: d.Document.Title, SortKey: key})
		}
		for _, t := range d.Themes {
			v.ThemeLabels[t.Theme] = t.Label
		}
	}
	for _, id := range order {
		v.Actors = append(v.Actors, *acts[id])
	}
	sort.SliceStable(v.Actors, func(i, j int) bool { return v.Actors[i].Salience > v.Actors[j].Salience })
	v.Countries = countries(v.Actors)
	v.Totals.Entities = len(v.Actors)
	sort.SliceStable(v.Timeline, func(i, j int) bool {
		a, b := v.Timeline[i].SortKey, v.Timeline[j].SortKey
		if (a == "") != (b == "") {
			return b == ""
		}
		return a < b
	})
	// theme x doc
	for _, tr := range themeRules {
		v.ThemeByDoc.RowIDs = append(v.ThemeByDoc.RowIDs, tr.id)
		v.ThemeByDoc.RowLabels = append(v.ThemeByDoc.RowLabels, tr.label)
		row := make([]float64, len(docs))
		for j, d := range docs {
			for _, t := range d.Themes {
				if t.Theme == tr.id {
					row[j] = t.Score
				}
			}
		}
		v.ThemeByDoc.Values = append(v.ThemeByDoc.Values, row)
	}
	for _, d := range docs {
		v.ThemeByDoc.ColIDs = append(v.ThemeByDoc.ColIDs, d.Document.DocID)
		v.ThemeByDoc.ColLabels = append(v.ThemeByDoc.ColLabels, d.Document.Title)
		v.DocCompare.DocIDs = append(v.DocCompare.DocIDs, d.Document.DocID)
		v.DocCompare.Titles = append(v.DocCompare.Titles, d.Document.Title)
	}
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			a, b := docs[i], docs[j]
			var shared []string
			for _, x := range a.Entities {
				if b.Entity(x.EntityID) != nil {
					shared = append(shared, x.EntityID)
				}
			}
			sim := float64(len(shared)) / float64(max(1, len(a.Entities)+len(b.Entities)-len(shared)))
			v.DocCompare.Pairs = append(v.DocCompare.Pairs, pipeline.DocPair{A: a.Document.DocID, B: b.Document.DocID, Similarity: sim,
				SharedEntities: shared, SharedThemes: []string{"diplomacy"}, NearDuplicate: sim > 0.9})
		}
	}
	sort.SliceStable(v.DocCompare.Pairs, func(i, j int) bool { return v.DocCompare.Pairs[i].Similarity > v.DocCompare.Pairs[j].Similarity })
	return ds
}

// seedParas are the seed article's paragraphs.
func seedParas() []string {
	var out []string
	for _, l := range strings.Split(string(examples.Seed), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

const seedTitle = "Japan and Central Asia: The Significance of the First Summit"

// seedFixture is the one-article synthetic dataset.
func seedFixture() *pipeline.Dataset {
	return buildDataset(buildDoc(0, seedTitle, "Nippon.com", "2024-08-09", seedParas()))
}

// batchFixture is a three-article dataset: the seed, a short related
// piece, and a near-duplicate of the seed.
func batchFixture() *pipeline.Dataset {
	a := buildDoc(0, seedTitle, "Nippon.com", "2024-08-09", seedParas())
	b := buildDoc(1, "Astana Hosts Energy Talks as Russia and China Court the Region", "Example Wire", "2024-08-12", []string{
		"Kazakhstan hosted talks on energy cooperation with China in Astana on Monday, officials said.",
		"What was agreed",
		"Russia remains a key supplier of natural gas to Uzbekistan and Kyrgyzstan, which depend on labor migration to Russia.",
		"“We will not choose between our neighbours,” a Kazakhstan official told reporters in Astana.",
		"A pipeline study with China.",
		"A rail corridor across the Caspian Sea.",
		"Tajikistan and Turkmenistan sent deputy ministers; Turkmenistan stressed the Caspian Sea route agreed in 2019.",
		"Analysts expect Japan to announce decarbonization projects at the summit in Astana this month.",
	})
	for i, k := range map[int]string{1: pipeline.ParaHeading, 3: pipeline.ParaQuote, 4: pipeline.ParaListItem, 5: pipeline.ParaListItem} {
		b.Paragraphs[i].Kind = k
	}
	c := buildDoc(2, seedTitle+" (syndicated copy)", "Partner Daily", "2024-08-10", seedParas()[1:])
	return buildDataset(a, b, c)
}
