// Package exportertest builds a small, realistic Dataset by hand, standing in for the
// pipeline (pipelinetest.Seed) in exporter golden tests, where the output must
// not change whenever a stage improves. Used by exporters/csv and exporters/xlsx.
package exportertest

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
)

type fixEntity struct {
	id, name, typ, iso2, iso3, wikidata string
	surfaces                            []string // longest first
	forms                               []string
}

var fixEntities = []fixEntity{
	{"JPN", "Japan", pipeline.TypeCountry, "JP", "JPN", "Q17", []string{"Japanese", "Japan", "Tokyo"}, []string{pipeline.FormDemonym, pipeline.FormName, pipeline.FormMetonym}},
	{"KAZ", "Kazakhstan", pipeline.TypeCountry, "KZ", "KAZ", "Q232", []string{"Kazakhstan"}, []string{pipeline.FormName}},
	{"UZB", "Uzbekistan", pipeline.TypeCountry, "UZ", "UZB", "Q265", []string{"Uzbekistan"}, []string{pipeline.FormName}},
	{"KGZ", "Kyrgyzstan", pipeline.TypeCountry, "KG", "KGZ", "Q813", []string{"Kyrgyzstan"}, []string{pipeline.FormName}},
	{"TJK", "Tajikistan", pipeline.TypeCountry, "TJ", "TJK", "Q863", []string{"Tajikistan"}, []string{pipeline.FormName}},
	{"TKM", "Turkmenistan", pipeline.TypeCountry, "TM", "TKM", "Q874", []string{"Turkmenistan"}, []string{pipeline.FormName}},
	{"CHN", "China", pipeline.TypeCountry, "CN", "CHN", "Q148", []string{"China"}, []string{pipeline.FormName}},
	{"RUS", "Russia", pipeline.TypeCountry, "RU", "RUS", "Q159", []string{"Russia", "Moscow"}, []string{pipeline.FormName, pipeline.FormMetonym}},
	{"MNG", "Mongolia", pipeline.TypeCountry, "MN", "MNG", "Q711", []string{"Mongolia"}, []string{pipeline.FormName}},
	{"central-asia-plus-japan", "Central Asia plus Japan Dialogue", pipeline.TypeFramework, "", "", "", []string{"Central Asia plus Japan"}, []string{pipeline.FormName}},
	{"central-asia", "Central Asia", pipeline.TypeRegion, "", "", "Q27275", []string{"Central Asian", "Central Asia"}, []string{pipeline.FormDemonym, pipeline.FormName}},
	{"astana", "Astana", pipeline.TypeCity, "", "", "Q1520", []string{"Astana"}, []string{pipeline.FormName}},
	{"islam-karimov", "Islam Karimov", pipeline.TypePerson, "", "", "Q184621", []string{"Islam Karimov"}, []string{pipeline.FormName}},
	{"kishida-fumio", "Kishida Fumio", pipeline.TypePerson, "", "", "Q1321066", []string{"Kishida Fumio"}, []string{pipeline.FormName}},
	{"japan-meteorological-agency", "Japan Meteorological Agency", pipeline.TypeOrganization, "", "", "", []string{"Japan Meteorological Agency"}, []string{pipeline.FormName}},
	{"taliban", "Taliban", pipeline.TypeOrganization, "", "", "", []string{"Taliban"}, []string{pipeline.FormName}},
	{"un", "United Nations", pipeline.TypeOrganization, "", "", "Q1065", []string{"United Nations", "UN"}, []string{pipeline.FormName, pipeline.FormAcronym}},
}

var fixThemes = []struct {
	id, label string
	cues      []string
}{
	{"diplomacy", "Diplomacy", []string{"dialogue", "Dialogue", "diplomacy", "summit", "framework", "partner"}},
	{"economy", "Economy and trade", []string{"economic", "trade", "partner", "funds", "$"}},
	{"security", "Security", []string{"threat", "Taliban", "concern", "risk", "walls"}},
	{"energy", "Energy and climate", []string{"energy", "decarbonization", "gas", "water"}},
	{"migration", "Labour migration", []string{"labor", "migration"}},
	{"multilateralism", "Multilateralism", []string{"multilateralism", "middle powers", "United Nations"}},
}

type fixPara struct {
	kind  string
	sents []string
}

type fixEvent struct {
	sent                                 string // exact sentence text
	dateText, date, endDate, prec, sortK string
}

type fixQuantity struct {
	sent, text, unit, kind string
	value                  float64
}

type fixDoc struct {
	title, source, published, lang string
	paras                          []fixPara
	events                         []fixEvent
	quantities                     []fixQuantity
}

var fixDocs = []fixDoc{
	{
		title: "Central Asia and Japan: the first summit", source: "seed/central-asia-japan.txt", published: "2024-08-05", lang: "en",
		paras: []fixPara{
			{pipeline.ParaEditorNote, []string{"Update: Japanese Prime Minister Kishida Fumio canceled his planned travel to Kazakhstan, Uzbekistan and Mongolia at the last minute following a warning from the Japan Meteorological Agency of an elevated risk of a “megaquake.”"}},
			{pipeline.ParaBody, []string{
				"The first summit between the countries of Central Asia and Japan will be held in Astana, Kazakhstan, this month.",
				"The “Central Asia plus Japan” Dialogue began in 2004 as an initial framework for dialogue with the representatives of the five Central Asian countries, and made Japan something of a pioneer in Central Asian diplomacy.",
			}},
			{pipeline.ParaBody, []string{
				"Over the past 20 years, relations among the Central Asian countries improved dramatically in 2016 when Uzbekistan’s President Islam Karimov died in office.",
				"The return of the Taliban regime in 2021 is a cause for concern.",
			}},
			{pipeline.ParaBody, []string{
				"Meanwhile, economic relations between China and the Central Asia have expanded considerably.",
				"Russia – historically a key player in the region – has become a conundrum for the countries of Central Asia, which cannot support the war in Ukraine.",
				"Nonetheless, practical relations with Moscow have continued and trade has actually expanded.",
			}},
			{pipeline.ParaBody, []string{
				"Kazakhstan is economically the most important partner for Japan, and at the same time it faces a potential threat from Russia.",
				"Uzbekistan, Kyrgyzstan, and Tajikistan face the task of transforming their economic structures, which currently depend on labor migration to Russia.",
				"There are limited areas in which Japan can cooperate with the peculiar dictatorship of Turkmenistan.",
			}},
		},
		events: []fixEvent{
			{"The first summit between the countries of Central Asia and Japan will be held in Astana, Kazakhstan, this month.", "this month", "", "", pipeline.PrecisionRelative, ""},
			{"The “Central Asia plus Japan” Dialogue began in 2004 as an initial framework for dialogue with the representatives of the five Central Asian countries, and made Japan something of a pioneer in Central Asian diplomacy.", "2004", "2004", "", pipeline.PrecisionYear, "2004-01-01"},
			{"Over the past 20 years, relations among the Central Asian countries improved dramatically in 2016 when Uzbekistan’s President Islam Karimov died in office.", "2016", "2016", "", pipeline.PrecisionYear, "2016-01-01"},
			{"The return of the Taliban regime in 2021 is a cause for concern.", "2021", "2021", "", pipeline.PrecisionYear, "2021-01-01"},
		},
		quantities: []fixQuantity{
			{"Over the past 20 years, relations among the Central Asian countries improved dramatically in 2016 when Uzbekistan’s President Islam Karimov died in office.", "20 years", "year", "duration", 20},
		},
	},
	{
		title: "Kazakhstan at the UN: middle powers", source: "un-debate/KAZ_78_2023.txt", published: "", lang: "en",
		paras: []fixPara{
			{pipeline.ParaHeading, []string{"Middle powers and multilateralism"}},
			{pipeline.ParaBody, []string{
				"Kazakhstan advocates a role for middle powers in reviving multilateralism at the United Nations.",
				"Japan supports the idea, while China and Russia watch closely.",
				"Since the 1990s, Kazakhstan has pursued a multi-vector diplomacy.",
			}},
			{pipeline.ParaQuote, []string{"“We must build bridges, not walls,” the president told the UN on 19 September 2023."}},
			{pipeline.ParaBody, []string{
				"Japan pledged $5.2 million for water projects in Kazakhstan and Uzbekistan during 2023–2024.",
				"Last year the talks on gas stalled, a setback for Astana.",
			}},
		},
		events: []fixEvent{
			{"Since the 1990s, Kazakhstan has pursued a multi-vector diplomacy.", "the 1990s", "1990s", "", pipeline.PrecisionDecade, "1990-01-01"},
			{"“We must build bridges, not walls,” the president told the UN on 19 September 2023.", "19 September 2023", "2023-09-19", "", pipeline.PrecisionDay, "2023-09-19"},
			{"Japan pledged $5.2 million for water projects in Kazakhstan and Uzbekistan during 2023–2024.", "2023–2024", "2023", "2024", pipeline.PrecisionYear, "2023-01-01"},
			{"Last year the talks on gas stalled, a setback for Astana.", "Last year", "", "", pipeline.PrecisionRelative, ""},
		},
		quantities: []fixQuantity{
			{"Japan pledged $5.2 million for water projects in Kazakhstan and Uzbekistan during 2023–2024.", "$5.2 million", "USD", "money", 5200000},
		},
	},
}

var (
	fixPositive = []string{"improved", "cooperate", "supports", "important", "pioneer", "expanded", "bridges"}
	fixNegative = []string{"concern", "threat", "conundrum", "died", "canceled", "risk", "war", "stalled", "setback"}
)

// runeOffset converts a byte offset in s into a code point offset.
func runeOffset(s string, b int) int { return utf8.RuneCountInString(s[:b]) }

// fixtureDataset returns the hand-built two-document dataset.
// Dataset returns a fresh copy of the hand-built dataset.
func Dataset() *pipeline.Dataset {
	ds := &pipeline.Dataset{
		Run: pipeline.RunInfo{
			ID:      "20240805T090000Z",
			Started: time.Date(2024, 8, 5, 9, 0, 0, 0, time.UTC),
			Version: "0.1.0-test",
			Inputs:  []string{"seed/central-asia-japan.txt", "un-debate/KAZ_78_2023.txt", "corpus/broken.html"},
		},
		Failures: []pipeline.Failure{{Input: "corpus/broken.html", Stage: "source", Err: `decode: unknown charset "x-klingon"`}},
	}
	labels := map[string]string{}
	for _, th := range fixThemes {
		labels[th.id] = th.label
	}
	for seq, fd := range fixDocs {
		ds.Docs = append(ds.Docs, buildFixDoc(seq, fd))
	}
	buildFixViews(ds, labels)
	return ds
}

func buildFixDoc(seq int, fd fixDoc) *pipeline.Doc {
	var paras []string
	for _, p := range fd.paras {
		paras = append(paras, strings.Join(p.sents, " "))
	}
	text := strings.Join(paras, "\n\n")
	sum := sha256.Sum256([]byte(text))
	docID := hex.EncodeToString(sum[:])[:12]
	d := &pipeline.Doc{Seq: seq}
	d.Article = pipeline.Article{Source: fd.source, SourceKind: "text", Title: fd.title, Text: text}
	d.Document = pipeline.Document{
		DocID: docID, Source: fd.source, Sources: []string{fd.source}, SourceKind: "text",
		Title: fd.title, Published: fd.published, Language: fd.lang,
		Words: len(strings.Fields(text)), Paragraphs: len(fd.paras),
		ContentSHA256: hex.EncodeToString(sum[:]), Text: text,
	}
	pos := 0 // byte offset
	entByID := map[string]*pipeline.Entity{}
	var entOrder []string
	for pi, fp := range fd.paras {
		ptext := paras[pi]
		d.Paragraphs = append(d.Paragraphs, pipeline.Paragraph{
			DocID: docID, ParaNo: pi + 1, Kind: fp.kind,
			Start: runeOffset(text, pos), End: runeOffset(text, pos+len(ptext)), Text: ptext,
		})
		spos := pos
		for si, st := range fp.sents {
			sid := "p" + itoa(pi+1) + "s" + itoa(si+1)
			s := pipeline.Sentence{DocID: docID, SentID: sid, ParaNo: pi + 1,
				Start: runeOffset(text, spos), End: runeOffset(text, spos+len(st)), Text: st}
			for _, w := range fixPositive {
				if strings.Contains(st, w) {
					s.Tone += 0.5
				}
			}
			for _, w := range fixNegative {
				if strings.Contains(st, w) {
					s.Tone -= 0.5
				}
			}
			s.Tone = max(-1, min(1, s.Tone))
			for _, th := range fixThemes {
				for _, c := range th.cues {
					if strings.Contains(st, c) {
						s.Themes = append(s.Themes, th.id)
						break
					}
				}
			}
			// Mentions: longest surfaces first, no overlaps.
			taken := make([]bool, len(st))
			var ms []pipeline.Mention
			for _, sf := range fixSurfaces() {
				fe, k, surf := sf.e, sf.k, sf.e.surfaces[sf.k]
				{
					for off := 0; ; {
						i := strings.Index(st[off:], surf)
						if i < 0 {
							break
						}
						b := off + i
						off = b + len(surf)
						if taken[b] || taken[b+len(surf)-1] || !wordBoundary(st, b, b+len(surf)) {
							continue
						}
						for j := b; j < b+len(surf); j++ {
							taken[j] = true
						}
						ms = append(ms, pipeline.Mention{DocID: docID, SentID: sid, EntityID: fe.id, Surface: surf,
							Start: runeOffset(text, spos+b), End: runeOffset(text, spos+b+len(surf)), Form: fe.forms[k]})
					}
				}
			}
			sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
			for _, m := range ms {
				e := entByID[m.EntityID]
				if e == nil {
					fe := fixEntityByID(m.EntityID)
					e = &pipeline.Entity{DocID: docID, EntityID: fe.id, Name: fe.name, Type: fe.typ, ISO2: fe.iso2, ISO3: fe.iso3, Wikidata: fe.wikidata, FirstSent: sid}
					entByID[m.EntityID] = e
					entOrder = append(entOrder, m.EntityID)
				}
				e.Mentions++
				e.Tone += s.Tone
			}
			d.Mentions = append(d.Mentions, ms...)
			d.Sentences = append(d.Sentences, s)
			spos += len(st) + 1
		}
		pos += len(ptext) + 2
	}
	d.Document.Sentences = len(d.Sentences)
	// Entities: salience = mentions / most mentions, tone = mean.
	maxM := 0
	for _, e := range entByID {
		maxM = max(maxM, e.Mentions)
	}
	for _, id := range entOrder {
		e := entByID[id]
		e.Tone = round4(e.Tone / float64(e.Mentions))
		e.Salience = round4(float64(e.Mentions) / float64(maxM))
		d.Entities = append(d.Entities, *e)
	}
	sort.SliceStable(d.Entities, func(i, j int) bool { return d.Entities[i].Salience > d.Entities[j].Salience })
	// Key points: the three sentences with most mentions.
	counts := map[string]int{}
	for _, m := range d.Mentions {
		counts[m.SentID]++
	}
	idx := make([]int, len(d.Sentences))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		return counts[d.Sentences[idx[a]].SentID] > counts[d.Sentences[idx[b]].SentID]
	})
	for r, i := range idx[:min(3, len(idx))] {
		d.Sentences[i].KeyRank = r + 1
	}
	var summary []string
	var tone float64
	for _, s := range d.Sentences {
		if s.KeyRank > 0 {
			d.KeyPoints = append(d.KeyPoints, s.SentID)
			summary = append(summary, s.Text)
		}
		tone += s.Tone
	}
	d.Document.Summary = strings.Join(summary, " ")
	d.Document.Tone = round4(tone / float64(len(d.Sentences)))
	// Themes.
	for _, th := range fixThemes {
		t := pipeline.Theme{DocID: docID, Theme: th.id, Label: th.label}
		for _, s := range d.Sentences {
			for _, x := range s.Themes {
				if x == th.id {
					t.Sentences++
					t.Evidence = append(t.Evidence, s.SentID)
				}
			}
		}
		if t.Sentences > 0 {
			t.Score = round4(float64(t.Sentences) / float64(len(d.Sentences)))
			d.Themes = append(d.Themes, t)
		}
	}
	sort.SliceStable(d.Themes, func(i, j int) bool { return d.Themes[i].Score > d.Themes[j].Score })
	// Events and quantities.
	sentByText := map[string]*pipeline.Sentence{}
	for i := range d.Sentences {
		sentByText[d.Sentences[i].Text] = &d.Sentences[i]
	}
	entsOf := func(sid string) []string {
		var ids []string
		for _, m := range d.Mentions {
			if m.SentID == sid && !contains(ids, m.EntityID) {
				ids = append(ids, m.EntityID)
			}
		}
		return ids
	}
	for _, fe := range fd.events {
		s := sentByText[fe.sent]
		b := strings.Index(s.Text, fe.dateText)
		ev := pipeline.Event{DocID: docID, SentID: s.SentID, Date: fe.date, EndDate: fe.endDate, DateText: fe.dateText,
			Precision: fe.prec, Start: s.Start + utf8.RuneCountInString(s.Text[:b]),
			End: s.Start + utf8.RuneCountInString(s.Text[:b+len(fe.dateText)]), Entities: entsOf(s.SentID), Text: s.Text}
		d.Events = append(d.Events, ev)
	}
	for _, fq := range fd.quantities {
		s := sentByText[fq.sent]
		b := strings.Index(s.Text, fq.text)
		d.Quantities = append(d.Quantities, pipeline.Quantity{DocID: docID, SentID: s.SentID, Text: fq.text, Value: fq.value,
			Unit: fq.unit, Kind: fq.kind, Start: s.Start + utf8.RuneCountInString(s.Text[:b]),
			End: s.Start + utf8.RuneCountInString(s.Text[:b+len(fq.text)])})
	}
	// Relations: the first two distinct entities of a sentence.
	cues := []struct{ cue, kind string }{{"cooperate", pipeline.RelCooperation}, {"economic", pipeline.RelEconomic},
		{"threat", pipeline.RelThreat}, {"depend", pipeline.RelDependence}, {"watch", pipeline.RelRivalry}}
	for _, s := range d.Sentences {
		ids := entsOf(s.SentID)
		if len(ids) < 2 {
			continue
		}
		r := pipeline.Relation{DocID: docID, SentID: s.SentID, Subject: ids[0], Object: ids[1], Cue: "and", Kind: pipeline.RelNeutral}
		for _, c := range cues {
			if strings.Contains(s.Text, c.cue) {
				r.Cue, r.Kind = c.cue, c.kind
				break
			}
		}
		d.Relations = append(d.Relations, r)
	}
	// Per-document actors.
	for _, e := range d.Entities {
		d.Actors = append(d.Actors, pipeline.ActorRow{EntityID: e.EntityID, Name: e.Name, Type: e.Type, ISO2: e.ISO2,
			ISO3: e.ISO3, Wikidata: e.Wikidata, Documents: 1, Mentions: e.Mentions, Salience: e.Salience, Tone: e.Tone,
			FirstMention: docID + ":" + e.FirstSent})
	}
	return d
}

func buildFixViews(ds *pipeline.Dataset, labels map[string]string) {
	v := &ds.Views
	v.ThemeLabels = labels
	type acc struct {
		row      pipeline.ActorRow
		sents    []*pipeline.Sentence
		tone     float64
		keyCount int
	}
	accs := map[string]*acc{}
	var order []string
	for _, d := range ds.Docs {
		counts := map[string]int{}
		for _, m := range d.Mentions {
			counts[m.SentID]++
		}
		for _, e := range d.Entities {
			a := accs[e.EntityID]
			if a == nil {
				a = &acc{row: pipeline.ActorRow{EntityID: e.EntityID, Name: e.Name, Type: e.Type, ISO2: e.ISO2, ISO3: e.ISO3,
					Wikidata: e.Wikidata, FirstMention: d.Document.DocID + ":" + e.FirstSent}}
				accs[e.EntityID] = a
				order = append(order, e.EntityID)
			}
			a.row.Documents++
			a.row.Mentions += e.Mentions
			a.row.Salience = max(a.row.Salience, e.Salience)
			a.tone += e.Tone
			for i := range d.Sentences {
				s := &d.Sentences[i]
				for _, m := range d.Mentions {
					if m.SentID == s.SentID && m.EntityID == e.EntityID {
						a.sents = append(a.sents, s)
						a.row.Evidence = append(a.row.Evidence, d.Document.DocID+":"+s.SentID)
						if counts[s.SentID] > a.keyCount {
							a.keyCount = counts[s.SentID]
							a.row.KeyStatement, a.row.KeyStatementDoc, a.row.KeyStatementRef = s.Text, d.Document.DocID, s.SentID
						}
						break
					}
				}
			}
		}
	}
	for _, id := range order {
		a := accs[id]
		a.row.Tone = round4(a.tone / float64(a.row.Documents))
		n := map[string]int{}
		for _, s := range a.sents {
			for _, t := range s.Themes {
				n[t]++
			}
		}
		for _, th := range fixThemes {
			if n[th.id] > 0 {
				a.row.Themes = append(a.row.Themes, pipeline.ThemeScore{Theme: th.id, Label: th.label, Score: round4(float64(n[th.id]) / float64(len(a.sents)))})
			}
		}
		sort.SliceStable(a.row.Themes, func(i, j int) bool { return a.row.Themes[i].Score > a.row.Themes[j].Score })
		v.Actors = append(v.Actors, a.row)
	}
	sort.SliceStable(v.Actors, func(i, j int) bool {
		if v.Actors[i].Salience != v.Actors[j].Salience {
			return v.Actors[i].Salience > v.Actors[j].Salience
		}
		return v.Actors[i].Mentions > v.Actors[j].Mentions
	})
	for _, a := range v.Actors {
		if a.Type == pipeline.TypeCountry {
			v.Countries = append(v.Countries, a)
		}
	}
	// Matrices: themes on rows, by total score over the documents, as
	// aggregate orders them.
	total := map[string]float64{}
	for _, d := range ds.Docs {
		for _, t := range d.Themes {
			total[t.Theme] += t.Score
		}
	}
	rowThemes := append(fixThemes[:0:0], fixThemes...)
	sort.SliceStable(rowThemes, func(i, j int) bool {
		if total[rowThemes[i].id] != total[rowThemes[j].id] {
			return total[rowThemes[i].id] > total[rowThemes[j].id]
		}
		return rowThemes[i].id < rowThemes[j].id
	})
	for _, th := range rowThemes {
		v.ThemeByActor.RowIDs = append(v.ThemeByActor.RowIDs, th.id)
		v.ThemeByActor.RowLabels = append(v.ThemeByActor.RowLabels, th.label)
		v.ThemeByDoc.RowIDs = append(v.ThemeByDoc.RowIDs, th.id)
		v.ThemeByDoc.RowLabels = append(v.ThemeByDoc.RowLabels, th.label)
		var ra, rd []float64
		for _, a := range v.Actors {
			x := 0.0
			for _, t := range a.Themes {
				if t.Theme == th.id {
					x = t.Score
				}
			}
			ra = append(ra, x)
		}
		for _, d := range ds.Docs {
			x := 0.0
			for _, t := range d.Themes {
				if t.Theme == th.id {
					x = t.Score
				}
			}
			rd = append(rd, x)
		}
		v.ThemeByActor.Values = append(v.ThemeByActor.Values, ra)
		v.ThemeByDoc.Values = append(v.ThemeByDoc.Values, rd)
	}
	for _, a := range v.Actors {
		v.ThemeByActor.ColIDs = append(v.ThemeByActor.ColIDs, a.EntityID)
		v.ThemeByActor.ColLabels = append(v.ThemeByActor.ColLabels, a.Name)
	}
	for _, d := range ds.Docs {
		v.ThemeByDoc.ColIDs = append(v.ThemeByDoc.ColIDs, d.Document.DocID)
		v.ThemeByDoc.ColLabels = append(v.ThemeByDoc.ColLabels, d.Document.Title)
		v.DocCompare.DocIDs = append(v.DocCompare.DocIDs, d.Document.DocID)
		v.DocCompare.Titles = append(v.DocCompare.Titles, d.Document.Title)
		for _, e := range d.Events {
			sk := ""
			for _, fd := range fixDocs {
				for _, fe := range fd.events {
					if fe.sent == e.Text && fe.dateText == e.DateText {
						sk = fe.sortK
					}
				}
			}
			v.Timeline = append(v.Timeline, pipeline.TimelineRow{Event: e, DocTitle: d.Document.Title, SortKey: sk})
		}
		v.Totals.Documents++
		v.Totals.Words += d.Document.Words
		v.Totals.Sentences += len(d.Sentences)
		v.Totals.Mentions += len(d.Mentions)
		v.Totals.Events += len(d.Events)
		v.Totals.Relations += len(d.Relations)
	}
	sort.SliceStable(v.Timeline, func(i, j int) bool {
		a, b := v.Timeline[i].SortKey, v.Timeline[j].SortKey
		if (a == "") != (b == "") {
			return b == ""
		}
		return a < b
	})
	v.Totals.Entities = len(v.Actors)
	v.Totals.Failed = len(ds.Failures)
	v.DocCompare.Sim = [][]float64{{1, 0.3127}, {0.3127, 1}}
	a, b := ds.Docs[0], ds.Docs[1]
	var shared []string
	for _, e := range a.Entities {
		if b.Entity(e.EntityID) != nil {
			shared = append(shared, e.EntityID)
		}
	}
	sort.Strings(shared)
	v.DocCompare.Pairs = []pipeline.DocPair{{A: a.Document.DocID, B: b.Document.DocID, Similarity: 0.3127,
		SharedEntities: shared, SharedThemes: []string{"diplomacy", "economy", "multilateralism"}}}
}

type fixSurface struct {
	e fixEntity
	k int
}

// fixSurfaces lists every surface form, longest first.
func fixSurfaces() []fixSurface {
	var out []fixSurface
	for _, fe := range fixEntities {
		for k := range fe.surfaces {
			out = append(out, fixSurface{fe, k})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return len(out[i].e.surfaces[out[i].k]) > len(out[j].e.surfaces[out[j].k])
	})
	return out
}

func fixEntityByID(id string) fixEntity {
	for _, fe := range fixEntities {
		if fe.id == id {
			return fe
		}
	}
	panic("fixture: unknown entity " + id)
}

func wordBoundary(s string, b, e int) bool {
	isWord := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }
	return (b == 0 || !isWord(s[b-1])) && (e == len(s) || !isWord(s[e]))
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func round4(x float64) float64 {
	if x < 0 {
		return -round4(-x)
	}
	return float64(int64(x*10000+0.5)) / 10000
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// Itoa formats an int (shared by the tests that use this package).
func Itoa(n int) string { return itoa(n) }
