package entities

import (
	"slices"
	"strings"

	"github.com/briefpack/briefpack/pipeline"
)

// Compound names join two or more names with hyphens or en dashes and end
// in a word that says what they name: "the India–Central Asia Summit", "the
// EU-Central Asia summit", "the Rasht–Astara railway", "the Central
// Asia-China gas pipeline", "the Turkmenistan–Afghanistan–Pakistan–India
// (TAPI) pipeline". The whole is one actor; "US-China relations" or "the
// Russia-Ukraine war" (no such word) stay two countries.

// compoundNouns end a compound name in lower case, with its type.
var compoundNouns = map[string]string{
	"summit": pipeline.TypeEvent, "pipeline": pipeline.TypeFramework, "railway": pipeline.TypeFramework,
	"railroad": pipeline.TypeFramework, "corridor": pipeline.TypeFramework, "highway": pipeline.TypeFramework,
	"dialogue": pipeline.TypeFramework, "format": pipeline.TypeFramework, "mechanism": pipeline.TypeFramework,
	"canal": pipeline.TypeFramework, "cable": pipeline.TypeFramework, "interconnector": pipeline.TypeFramework,
	"initiative": pipeline.TypeFramework, "forum": pipeline.TypeEvent, "expressway": pipeline.TypeFramework,
	"bridge": pipeline.TypeFramework, "tunnel": pipeline.TypeFramework, "line": pipeline.TypeFramework,
}

// Not compound nouns: "partnership", "agreement", "treaty", "relations",
// "war" after a pair name a relationship, not a named thing ("30 years of
// Kazakhstan-United Nations partnership").

// compoundModifiers may stand between a compound and its noun ("gas
// pipeline", "power cable", "railway corridor").
var compoundModifiers = set("gas", "oil", "power", "rail", "railway", "road", "transport", "trade", "energy",
	"water", "economic", "strategic", "security", "transit", "fibre-optic", "fiber-optic", "electricity")

// isDash reports a hyphen or an en dash token.
func (x *extractor) isDash(k int) bool {
	return x.punct(k, "-") || x.punct(k, "–") || x.punct(k, "‑")
}

// compoundPart returns the end of one part of a compound at token k: a
// gazetteer name or up to three capitalized words ("Mazar-i-Sharif"
// included), or k.
func (x *extractor) compoundPart(k int) int {
	if !x.capWord(k) || stopCaps[x.word(k)] {
		return k
	}
	if j, _, ok := x.gazetteer(k); ok {
		return j
	}
	if commonWord(x.word(k)) && !compassWords[x.word(k)] {
		return k // "Non-Alignment", "Cross-Strait": a hyphenated word, not two names ("North–South" is)
	}
	e := k
	for e < len(x.toks) && e-k < 3 && x.capWord(e) && !stopCaps[x.word(e)] && (e == k || x.toks[e].space) &&
		!(e > k && compoundTail(x.word(e))) {
		e++
		// "Mazar-i-Sharif": a short lower-case particle between hyphens
		if x.punct(e, "-") && x.adjacent(e) && x.isWordTok(e+1) && x.adjacent(e+1) && len(x.word(e+1)) <= 3 &&
			!x.capWord(e+1) && x.punct(e+2, "-") && x.adjacent(e+2) && x.capWord(e+3) && x.adjacent(e+3) {
			e += 4
		}
	}
	return e
}

// compoundRule finds a compound name at token i; it returns its end and
// type, or 0.
func (x *extractor) compoundRule(i int) (int, string) {
	if !x.capWord(i) || (i > 0 && x.isDash(i-1) && x.adjacent(i)) {
		return 0, ""
	}
	dash := false // cheap check first: a joining dash within a few tokens
	for k := i + 1; k < len(x.toks) && k-i <= 6 && !dash; k++ {
		dash = x.isDash(k) && x.adjacent(k) && x.adjacent(k+1) && x.capWord(k+1) ||
			x.punct(k, "–") && x.capWord(k+1) && x.spacedCompound(k+1)
	}
	if !dash {
		return 0, ""
	}
	parts, k := 0, i
	for {
		e := x.compoundPart(k)
		if e == k {
			break
		}
		parts++
		k = e
		if x.isDash(k) && x.adjacent(k) && x.adjacent(k+1) && x.capWord(k+1) {
			k++
			continue
		}
		if x.punct(k, "–") && x.toks[k].space && x.capWord(k+1) && x.toks[k+1].space && x.spacedCompound(k+1) {
			k++ // "the Australia – Tuvalu Falepili Union"
			continue
		}
		break
	}
	if parts < 2 || x.isDash(k-1) {
		return 0, ""
	}
	chainEnd := k
	// "(TAPI)" after the chain: the chain is the name, the acronym its
	// short form (linked by the acronym rule)
	if x.punct(k, "(") && x.isWordTok(k+1) && looksAcronym(x.word(k+1)) && x.punct(k+2, ")") {
		if _, typ := x.compoundNoun(k + 3); typ != "" {
			return chainEnd, typ
		}
		return 0, ""
	}
	// capitalized tail: "Summit", "Business Council", "Rare Earths Forum",
	// "Foreign and Defense Ministerial Meeting"
	t := k
	for t < len(x.toks) && t-k < 6 && (x.capWord(t) && !stopCaps[x.word(t)] ||
		(t > k && x.isWordTok(t) && x.word(t) == "and" && x.capWord(t+1)) ||
		(t > k && x.isDash(t) && x.adjacent(t) && x.adjacent(t+1) && x.capWord(t+1))) { // "Medium-Term Action Plan"
		t++
	}
	if t > k {
		for n := k; n < t; n++ {
			if x.matchAt(n) {
				return 0, "" // "Japan-North Korea Pyongyang Declaration": a known name after the pair
			}
		}
		if gj, _, ok := x.gazetteer(i); ok && gj >= t {
			return 0, ""
		}
		if typ, ok := tailType(x.word(t - 1)); ok {
			if x.isWordTok(t) && (x.word(t) == "on" || x.word(t) == "of" || x.word(t) == "for") {
				// "the Kazakhstan–China Joint Commission on the Use and
				// Protection of Transboundary Rivers"
				if oj, _ := x.orgCore(k, false); oj > t {
					return oj, typ
				}
			}
			return x.withVersion(t), typ // "Japan-India Digital Partnership 2.0"
		}
		if typ, ok := compoundNouns[strings.ToLower(x.word(t-1))]; ok {
			return t, typ
		}
		if compoundFrameworks[x.word(t-1)] {
			return x.withVersion(t), pipeline.TypeFramework // "Lancang–Mekong Cooperation", "Phnom Penh–Sihanoukville Expressway"
		}
		return 0, ""
	}
	// lower-case noun: "summit", "gas pipeline"
	if end, typ := x.compoundNoun(k); typ != "" {
		return end, typ
	}
	return 0, ""
}

// compoundNoun finds a compound noun at token k, after at most two
// modifiers ("gas pipeline", "railway"); it returns its end and type.
func (x *extractor) compoundNoun(k int) (int, string) {
	for n := k; n < len(x.toks) && n-k < 3 && x.isWordTok(n); n++ {
		if typ, ok := compoundNouns[x.word(n)]; ok {
			return n + 1, typ
		}
		if !compoundModifiers[x.word(n)] {
			break
		}
	}
	return 0, ""
}

// matchAt reports whether a gazetteer name whose context holds starts at
// token k.
func (x *extractor) matchAt(k int) bool {
	if k < 0 || k >= len(x.toks) {
		return false
	}
	_, _, ok := x.gazetteer(k)
	return ok
}

// railNouns name one railway ("the Baku–Tbilisi–Kars railway", "the
// Baku-Tbilisi-Kars line").
var railNouns = []string{"railway", "line", "railroad"}

// sameRailway returns the ID of a railway of the document with the same
// ends as the compound at [i, j) and another rail noun, or "".
func (x *extractor) sameRailway(i, j int) string {
	last := x.word(j - 1)
	if !slices.Contains(railNouns, last) {
		return ""
	}
	stem := Slug(x.text[x.toks[i].start:x.toks[j-1].start])
	for _, n := range railNouns {
		if n == last {
			continue
		}
		if _, ok := x.localEnts[stem+"-"+n]; ok {
			return stem + "-" + n
		}
	}
	return ""
}

// compoundParts records the known names inside a compound as mentions of
// their own, nested in the compound's ("the ASEAN-GCC Summit" also
// mentions ASEAN and the GCC): readers list them as actors.
func (x *extractor) compoundParts(i, j int) {
	for k := i; k < j; {
		if gj, gh, ok := x.gazetteer(k); ok && gj <= j && gh.form != "" && x.g.entries[gh.entry].Type != pipeline.TypeCity &&
			!(gh.form == pipeline.FormDemonym && x.g.entries[gh.entry].Type == pipeline.TypeRegion) {
			// not the cities of a route ("the Lagos–Abidjan corridor"),
			// nor continents as adjectives ("the Asian-African Conference")
			x.emitHit(k, gj, gh)
			k = gj
			continue
		}
		k++
	}
	x.lastEnd = j
}

// frameworkNamedAfter returns the ID of a framework or event of the
// document named after the place at tokens [i, j) ("the Montreux
// Convention", "the Minsk agreements"), when the place stands alone,
// not before another name or a noun, or "".
func (x *extractor) frameworkNamedAfter(i, j int) string {
	if x.capWord(j) || (x.isWordTok(j) && (sayVerbs[x.word(j)] || auxiliaries[x.word(j)])) || (j < len(x.toks) && x.toks[j].kind == tokPoss) {
		return "" // "Minsk said", "Lisbon's mayor": the city or its government
	}
	if x.isWordTok(i-1) && cityPlaceWords[strings.ToLower(x.word(i-1))] {
		return "" // "a summit in Lisbon": the place
	}
	name := x.text[x.toks[i].start:x.toks[j-1].end]
	for _, e := range recentEnts(x.ents) {
		if (e.Type == pipeline.TypeFramework || e.Type == pipeline.TypeEvent) && strings.HasPrefix(e.Name, name+" ") {
			return e.EntityID
		}
	}
	return ""
}

// auxiliaries after a place name make it the subject of a verb: the city
// or its government, not a framework named after it.
var auxiliaries = set("is", "was", "has", "had", "will", "would", "could", "can", "must", "should", "may",
	"might", "does", "did", "wants", "wanted", "hopes", "hoped", "insists", "insisted", "accused", "rejected",
	"denied", "welcomed", "agreed", "refused")

// compoundFrameworks end a compound name in capitals ("Lancang–Mekong
// Cooperation") though they end no other name.
var compoundFrameworks = set("Cooperation", "Partnership", "Process", "Expressway", "Highway", "Bridge", "Tunnel",
	"Railway", "Format", "FTA")

// compoundTail reports a word that ends a compound name rather than being
// part of one of its parts.
func compoundTail(w string) bool {
	if _, ok := tailType(w); ok {
		return true
	}
	_, ok := compoundNouns[strings.ToLower(w)]
	return ok || compoundFrameworks[w]
}

// spacedCompound reports whether the name at token k, after a spaced en
// dash, goes on to a capitalized tail word of a compound ("Nauru – Australia
// Treaty"), so that the dash joins two names rather than a clause.
func (x *extractor) spacedCompound(k int) bool {
	for n := k; n < len(x.toks) && n-k < 6 && x.capWord(n); n++ {
		if n > k && compoundTail(x.word(n)) {
			return true
		}
	}
	return false
}

// parenAlias handles "(Pukpuk Treaty)" or "(Kantei)" at token p right
// after a name: one to three capitalized words in parentheses are another
// name of the entity just mentioned. It returns the token after ")".
func (x *extractor) parenAlias(p int) (int, bool) {
	if !x.english || x.lastEnd != p || len(x.mentions) == 0 {
		return 0, false
	}
	k := p + 1
	for k < len(x.toks) && k-p <= 4 && (x.capWord(k) && !stopCaps[x.word(k)] || (k > p+1 && x.toks[k].kind == tokPoss && x.capWord(k+1))) {
		k++ // "(People's Council)"
	}
	if k == p+1 || !x.punct(k, ")") {
		return 0, false
	}
	if _, _, known := x.gazetteer(p + 1); known {
		return 0, false // "(Japan)": another actor, left to the gazetteer
	}
	m := x.mentions[len(x.mentions)-1]
	if m.Form == pipeline.FormDemonym {
		return 0, false
	}
	x.emit(m.EntityID, p+1, k, pipeline.FormAlias)
	if k == p+2 {
		if key := keyOf(x.text, x.toks[p+1]); x.local[key] == "" {
			x.local[key] = m.EntityID // later "Kantei" alone
		}
	}
	return k + 1, true
}

// withVersion extends a name at t by a version number ("2.0").
func (x *extractor) withVersion(t int) int {
	if x.isWordTok(t) && isDigits(x.word(t)) && x.toks[t].space && x.punct(t+1, ".") && x.adjacent(t+1) &&
		x.isWordTok(t+2) && isDigits(x.word(t+2)) && x.adjacent(t+2) {
		return t + 3
	}
	return t
}
