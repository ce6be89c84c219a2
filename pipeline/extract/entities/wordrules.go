package entities

import (
	"strings"
	"unicode"

	"github.com/briefpack/briefpack/pipeline"
)

// The sentence loop (sentence in extract.go) hands every word token to the
// rules of wordRules, in order. The first rule that recognises a name there
// records its mentions and says where reading goes on; a token no rule
// takes is skipped. The order is the precedence: a title before a person's
// name, a longer body's name before the known name inside it, the
// gazetteer before the fallbacks for names it lacks.

// scope says on which sentences a rule runs.
type scope uint8

const (
	// anyText: every sentence, in every language.
	anyText scope = iota
	// english: English sentences, title-cased headlines too (there only
	// names a capital cannot fake are taken).
	english
	// prose: English sentences that are not title-cased, where a capital
	// says something about a name.
	prose
)

// at is the word token the rules look at, with the gazetteer's longest
// accepted match there, looked up on first use (the rules before the
// gazetteer's turn never pay for it).
type at struct {
	i      int
	looked bool
	ok     bool
	j      int // end of the gazetteer match
	h      hit
}

// known reports whether a gazetteer name starts at the token; a.j and a.h
// are then its end and hit.
func (x *extractor) known(a *at) bool {
	if !a.looked {
		a.j, a.h, a.ok = x.gazetteer(a.i)
		a.looked = true
	}
	return a.ok
}

// knownAs reports whether the known name at the token (see known) is a
// name, not an ignore entry, of entity type typ.
func (x *extractor) knownAs(a *at, typ string) bool {
	return a.h.form != "" && x.g.entries[a.h.entry].Type == typ
}

// A wordRule reads the text at a word token. When it recognises a name it
// records the mentions and returns the token where reading goes on (after
// the name); otherwise it returns 0 and the next rule looks.
type wordRule struct {
	name  string
	scope scope
	// known: the rule runs only where a known name starts; a.j and a.h
	// are then set.
	known bool
	apply func(x *extractor, a *at) int
}

// named makes a rule of a finder that returns the end of a name starting at
// a token (or 0): the name is recorded as an entity of type typ.
func named(find func(*extractor, int) int, typ string) func(*extractor, *at) int {
	return func(x *extractor, a *at) int {
		k := find(x, a.i)
		if k > 0 {
			x.addLocal(a.i, k, typ, pipeline.FormName)
		}
		return k
	}
}

// wordRules in order of precedence.
var wordRules = []wordRule{
	// Names no capitalised run or known name would give.
	{"numbered instrument", prose, false, (*extractor).numberedInstrument},
	{"quoted name", prose, false, (*extractor).quotedNameRule},
	{"speaker in capitals", prose, false, (*extractor).capsSpeakerRule},
	{"numbered military base", prose, false, (*extractor).militaryBase},
	{"constituency", prose, false, named((*extractor).constituency, pipeline.TypeRegion)}, // "MP for Sheffield Brightside"
	{"peerage", prose, false, named((*extractor).peerOf, pipeline.TypePerson)},            // "the Duke of Edinburgh"
	// Titles and roles: a person's name after them, no names inside them.
	{"title before a name", prose, false, (*extractor).titleBeforeName},
	{"title before a name in a headline", english, false, (*extractor).headlineHolder},
	{"reporters' line", english, false, (*extractor).reporterLine},
	{"long title", prose, false, (*extractor).longTitle},
	// Shapes that override the gazetteer.
	{"formal state name", english, false, (*extractor).formalStateName},
	{"compound", english, false, (*extractor).compound},
	{"site address", english, false, (*extractor).siteAddress},
	{"COP session", anyText, false, (*extractor).copSession},
	{"longer name after 'the'", anyText, true, (*extractor).longerAfterThe},
	{"ship", prose, false, named((*extractor).shipRule, pipeline.TypeOrganization)}, // "the carrier USS Gerald R. Ford"
	{"organization by form", english, false, (*extractor).orgByForm},
	// A known name that opens a longer one.
	{"UN body", english, true, (*extractor).unBody},
	{"city-named event", prose, true, (*extractor).cityNamedEvent},
	{"city pair", prose, true, (*extractor).cityPair},
	{"framework by its city", anyText, true, (*extractor).frameworkByCity},
	{"edition", prose, true, (*extractor).edition},
	{"acronym defined here", anyText, true, (*extractor).definedAcronym},
	{"named after a place or company", prose, true, (*extractor).namedAfterKnown},
	{"administrative region", prose, true, (*extractor).adminRegion},
	{"national company", prose, true, (*extractor).nationalCompany},
	{"ministry after a demonym", prose, true, (*extractor).demonymMinistry},
	{"meeting of a framework", prose, true, (*extractor).frameworkMeeting},
	{"summit of a framework", prose, true, (*extractor).frameworkSummit},
	{"part of a group", prose, true, (*extractor).groupPartRule},
	{"joint document", prose, false, (*extractor).jointDocument},
	{"memorandum", prose, true, (*extractor).memorandum},
	{"national strategy by year", prose, true, (*extractor).horizonStrategy},
	{"named after a person", prose, true, (*extractor).namedAfterPerson},
	// The gazetteer.
	{"known name", anyText, true, (*extractor).knownHit},
	// Names the gazetteer lacks.
	{"short form", english, false, (*extractor).shortForm},
	{"bare head noun", prose, false, (*extractor).bareHeadRule},
	{"instrument named after a place", prose, false, (*extractor).placeNamedInstrument},
	{"list", prose, false, (*extractor).list},
	{"noun organization", prose, false, named((*extractor).nounOrg, pipeline.TypeOrganization)}, // "US bank Wells Fargo"
	{"royal", prose, false, named((*extractor).royalNamed, pipeline.TypeOrganization)},
	{"company by industry", prose, false, (*extractor).companyByIndustry},
	{"employer", prose, false, named((*extractor).employerOrg, pipeline.TypeOrganization)}, // "an analyst at Renaissance Capital"
	{"party adjective", prose, false, (*extractor).partyAdjectiveRule},
	{"Arabic place name", prose, false, (*extractor).arabicPlace},
	{"person", prose, false, (*extractor).person},
	{"place", prose, false, (*extractor).place},
	{"ship without a cue", prose, false, named((*extractor).shipRule, pipeline.TypeOrganization)},
	{"acronym", prose, false, (*extractor).acronym},
	{"camel case", prose, false, (*extractor).camelCaseName},
	{"fallback", prose, false, (*extractor).fallback},
}

// lastKnownRule is the index of the gazetteer's rule in wordRules; the
// rules after it read names that start at a capital or a digit.
var lastKnownRule = func() int {
	for n, r := range wordRules {
		if r.name == "known name" {
			return n
		}
	}
	panic("entities: no known-name rule")
}()

// wordAt runs the rules at word token i and returns the token where
// reading goes on.
func (x *extractor) wordAt(i int) int {
	x.at = at{i: i}
	a := &x.at // kept in the extractor: a local would escape to the heap
	inProse := x.english && !x.headline
	lower := !x.toks[i].upper && !unicode.IsDigit(firstRune(x.word(i)))
	for n, r := range wordRules {
		if n > lastKnownRule && lower {
			break // the rules for names the gazetteer lacks start at a capital or a digit
		}
		if r.scope == prose && !inProse || r.scope == english && !x.english || r.known && !x.known(a) {
			continue
		}
		if j := r.apply(x, a); j > 0 {
			return j
		}
	}
	return i + 1
}

// punctAt reads a punctuation token: an acronym or alias in brackets, or
// ", or ACR," after a name.
func (x *extractor) punctAt(i int) int {
	if x.punct(i, "(") {
		if j, ok := x.acronymDef(i); ok {
			return j
		}
		if j, ok := x.parenAlias(i); ok {
			return j
		}
	}
	if j := x.orAcronym(i); j > 0 {
		return j
	}
	return i + 1
}

// numberedInstrument: "resolution 2793 (2025)", "resolution 50/80",
// "E.O. 14024".
func (x *extractor) numberedInstrument(a *at) int {
	i := a.i
	w := x.word(i)
	if !(w == "resolution" || w == "Resolution" || w == "E.O.") || !x.isWordTok(i+1) ||
		!isDigits(x.word(i+1)) || len(x.word(i+1)) > 5 || !(len(x.word(i+1)) >= 3 || x.punct(i+2, "/")) {
		return 0
	}
	name, end := "Resolution "+x.word(i+1), i+2
	if w == "E.O." {
		name = "Executive Order " + x.word(i+1)
	} else if x.punct(end, "/") && x.adjacent(end) && x.isWordTok(end+1) && isDigits(x.word(end+1)) && x.adjacent(end+1) {
		name, end = name+"/"+x.word(end+1), end+2
	}
	x.emitNamed(name, pipeline.TypeFramework, i, end)
	return end
}

func (x *extractor) quotedNameRule(a *at) int {
	if !x.toks[a.i].quoted {
		return 0
	}
	if j, ok := x.quotedName(a.i); ok {
		return j
	}
	return 0
}

// capsSpeakerRule: "ROZA OTUNBAYEVA, Special Representative ...", a UN
// speaker.
func (x *extractor) capsSpeakerRule(a *at) int {
	k := x.capsSpeaker(a.i)
	if k > 0 {
		x.addPerson(a.i, k, k-a.i)
	}
	return k
}

// militaryBase: "Russia's 201st military base".
func (x *extractor) militaryBase(a *at) int {
	i := a.i
	if isOrdinal(x.word(i)) && x.isWordTok(i+2) && strings.EqualFold(x.word(i+1), "military") && strings.EqualFold(x.word(i+2), "base") {
		x.addLocal(i, i+3, pipeline.TypeOrganization, pipeline.FormName)
		return i + 3
	}
	return 0
}

func (x *extractor) titleBeforeName(a *at) int {
	if j, ok := x.titleRule(a.i); ok {
		return j
	}
	return 0
}

// longTitle: "Special Representative of the Secretary-General for ...",
// no name inside a title.
func (x *extractor) longTitle(a *at) int { return x.longTitleEnd(a.i) }

// compound: "the Baku–Tbilisi–Ceyhan pipeline". Its parts are recorded
// first, so that "(TAPI)" after it links to the compound.
func (x *extractor) compound(a *at) int {
	i := a.i
	if isThe(x.word(i)) && x.capWord(i+1) {
		i++ // "the Caspian–Black Sea–Europe Green Energy Corridor": not "the Caspian" first
	}
	j, typ := x.compoundRule(i)
	if j == 0 {
		return 0
	}
	x.compoundParts(i, j)
	if e, known := x.g.byName(x.text[x.toks[i].start:x.toks[j-1].end]); known {
		x.emit(e.ID, i, j, pipeline.FormAlias)
	} else if id := x.sameRailway(i, j); id != "" {
		x.emit(id, i, j, pipeline.FormAlias) // "the Baku-Tbilisi-Kars line" after "the Baku–Tbilisi–Kars railway"
	} else {
		x.addLocal(i, j, typ, pipeline.FormName)
	}
	return j
}

// siteAddress: news sites by their address ("Gazeta.uz", "24.kg"); later
// "Gazeta" is the site.
func (x *extractor) siteAddress(a *at) int {
	i := a.i
	j := x.siteName(i)
	if j == 0 {
		return 0
	}
	key := keyOf(x.text, x.toks[i])
	if kj, kh, known := x.gazetteer(i); known && (kj == i+1 || kj == j) && kh.form != "" && x.g.entries[kh.entry].Type == pipeline.TypeOrganization {
		if kj == j {
			x.emitHit(i, j, kh) // a known site: "Kun.uz"
		} else {
			x.emit(x.g.entries[kh.entry].ID, i, j, pipeline.FormAlias) // "Snopes.com" is Snopes
		}
		if x.local[key] == "" {
			x.local[key] = x.g.entries[kh.entry].ID
		}
	} else if id, seen := x.local[key]; seen {
		x.emit(id, i, j, pipeline.FormAlias)
	} else if id := x.addLocal(i, j, pipeline.TypeOrganization, pipeline.FormName); id != "" {
		x.local[key] = id
	}
	return j
}

func (x *extractor) copSession(a *at) int {
	if j, ok := x.copRule(a.i); ok {
		return j
	}
	return 0
}

// longerAfterThe: in "the Caspian Sea" the longer name after "the" beats
// "the Caspian"; reading goes on at "Caspian".
func (x *extractor) longerAfterThe(a *at) int {
	if isThe(x.word(a.i)) && a.i+1 < a.j {
		if nj, _, nok := x.gazetteer(a.i + 1); nok && nj > a.j {
			return a.i + 1
		}
	}
	return 0
}

// orgByForm finds a body by the form of its name ("Ministry of ...",
// "... Agency", "... Bank") when that name is longer than the known name
// at the token.
func (x *extractor) orgByForm(a *at) int {
	i := a.i
	ok := x.known(a) // looked up before orgRule changes what the document has seen
	gj, gh := a.j, a.h
	x.rejectEnd = 0
	x.inners = x.inners[:0]
	oj, typ := x.orgRule(i)
	if x.headline && oj > 0 && !x.hasConnector(i, oj) {
		oj = 0 // a headline: only "X of Y" names ("Statement by the Ministry of Foreign Affairs of Denmark")
	}
	if oj > i+1 && x.titleGoesOn(oj-1, oj) {
		oj = 0 // "Managing Director and Group CEO": the tail opens a title
	}
	if oj > i && x.word(oj-1) == "Bill" && (x.capWord(oj) && !x.toks[oj].nl ||
		x.isWordTok(oj) && nameParticles[x.word(oj)] && x.capWord(oj+1)) {
		oj = 0 // "Mayor Bill de Blasio": a given name, not a bill
	}
	if oj == 0 && x.rejectEnd > i {
		return x.rejectEnd // a slogan or a hypothetical: no mentions in it
	}
	if oj == 0 || ok && oj <= gj {
		return 0
	}
	if ok && gh.form != "" && gj-i >= 2 && x.isWordTok(gj) && (x.word(gj) == "on" || x.word(gj) == "of" || x.word(gj) == "for") &&
		!x.startsPlaceOrRegion(gj+1) && !(x.isWordTok(gj+1) && isThe(x.word(gj+1)) && x.startsPlaceOrRegion(gj+2)) &&
		!(x.word(gj) == "on" && familyNouns[x.word(gj-1)]) {
		switch x.g.entries[gh.entry].Type {
		case pipeline.TypeOrganization, pipeline.TypeFramework, pipeline.TypeEvent:
			// "Paris Agreement on Climate Change" is the Paris Agreement
			// under a longer name ("Democratic Party of Côte d'Ivoire" is
			// another party); a known body after "of" is a mention of its
			// own ("the Constitutive Act of the African Union").
			x.emit(x.g.entries[gh.entry].ID, i, oj, pipeline.FormAlias)
			x.emitInners(i, oj)
			return oj
		}
	}
	if x.knownAs(a, pipeline.TypeCountry) {
		if kj, kh, known := x.gazetteer(gj); known && kj == oj && kh.form != "" && x.g.entries[kh.entry].Type == pipeline.TypeOrganization {
			x.emitHit(i, gj, gh) // "US EPA", "US SEC": the country, then its known body
			x.emitHit(gj, kj, kh)
			return oj
		}
	}
	if x.knownAs(a, pipeline.TypeOrganization) && oj == gj+1 && (legalWords[x.word(gj)] || x.word(gj) == "TV") {
		// "Mitsubishi Corp" is Mitsubishi Corporation, "Al Jazeera TV" is Al Jazeera
		x.emit(x.g.entries[gh.entry].ID, i, oj, pipeline.FormAlias)
		return oj
	}
	if s := x.boardOf(i); s > 0 {
		if bj, bh, bok := x.gazetteer(s); bok && bj == oj && bh.form != "" {
			x.emitHit(s, bj, bh) // "the Board of the Astana International Financial Centre" is the centre
			return oj
		}
	}
	if x.knownAs(a, pipeline.TypeOrganization) && gj == oj-1 && x.orgStart == i && x.word(gj) == "Summit" {
		x.emitHit(i, gj, gh) // "the BRICS Summit": the group and its summit
	}
	if typ == pipeline.TypeFramework && lawTails[x.word(oj-1)] && x.orgStart == i {
		if cj, ch, cok := x.gazetteer(i); cok && ch.form == pipeline.FormAcronym && oj-cj >= 2 && x.capWord(cj) &&
			x.g.entries[ch.entry].Type == pipeline.TypeCountry {
			x.emitHit(i, cj, ch) // "the U.S. CHIPS and Science Act": the country, then its law (but "the Iran Freedom and Counter-Proliferation Act" is named so)
			x.orgStart = cj
		}
	}
	if p := x.groupPrefix(x.orgStart, oj); p >= 0 {
		x.orgStart = p // "the C5+1 Security Working Group"
	}
	x.addLocal(x.orgStart, oj, typ, pipeline.FormName)
	x.emitInners(x.orgStart, oj)
	x.innerAcronyms(x.orgStart, oj)
	return oj
}

// emitInners records the known names orgRule found inside the name [s, e)
// ("the Parliamentary Assembly of the Council of Europe").
func (x *extractor) emitInners(s, e int) {
nextInner:
	for n, in := range x.inners {
		for _, prev := range x.inners[:n] {
			if prev.i == in.i {
				continue nextInner // read twice by a nested orgCore
			}
		}
		if ij, ih, iok := x.gazetteer(in.i); iok && ij == in.j && in.i >= s && in.j <= e {
			x.emitHit(in.i, ij, ih)
		}
	}
}

// unBody: "UN Volunteers", "UN Women", a UN body named after the prefix.
func (x *extractor) unBody(a *at) int {
	if a.h.form == "" || x.g.entries[a.h.entry].ID != "un" {
		return 0
	}
	k := x.bodyAfter(a.j)
	if k <= a.j {
		return 0
	}
	x.addLocal(a.i, k, pipeline.TypeOrganization, pipeline.FormName)
	return k
}

// cityNamedEvent: "the Madrid summit", "the Pretoria agreement", "the Doha
// process".
func (x *extractor) cityNamedEvent(a *at) int {
	i := a.i
	if !x.knownAs(a, pipeline.TypeCity) || !x.isWordTok(a.j) || cityNamed[x.word(a.j)] == "" || x.capWord(a.j+1) ||
		!x.isWordTok(i-1) || !isThe(x.word(i-1)) {
		return 0
	}
	x.addLocal(i, a.j+1, cityNamed[x.word(a.j)], pipeline.FormName)
	return a.j + 1
}

// cityPair: "the Luanda and Nairobi processes".
func (x *extractor) cityPair(a *at) int {
	i := a.i
	if !x.knownAs(a, pipeline.TypeCity) || !x.isWordTok(i-1) ||
		!(isThe(x.word(i-1)) || !x.capWord(i-1) && x.isWordTok(i-2) && isThe(x.word(i-2))) {
		return 0
	}
	return x.cityPairNamed(i, a.j)
}

// frameworkByCity: "apply Montreux strictly" after "the Montreux
// Convention".
func (x *extractor) frameworkByCity(a *at) int {
	if !x.knownAs(a, pipeline.TypeCity) {
		return 0
	}
	if id := x.frameworkNamedAfter(a.i, a.j); id != "" {
		x.emit(id, a.i, a.j, pipeline.FormShort)
		return a.j
	}
	return 0
}

// edition: "TICAD 8", "TICAD VI", an edition of a known conference.
func (x *extractor) edition(a *at) int {
	if a.h.form != pipeline.FormAcronym || a.j != a.i+1 || !x.isWordTok(a.j) || !x.toks[a.j].space {
		return 0
	}
	if t := x.g.entries[a.h.entry].Type; t != pipeline.TypeFramework && t != pipeline.TypeEvent {
		return 0
	}
	w := x.word(a.j)
	if !(isDigits(w) && len(w) <= 2 || isRoman(w) && len(w) >= 2) || x.isWordTok(a.j+1) {
		return 0
	}
	x.addLocal(a.i, a.j+1, pipeline.TypeEvent, pipeline.FormName)
	return a.j + 1
}

// definedAcronym: "World Tourism Organisation (WTO)", then "WTO" is not the
// trade body here.
func (x *extractor) definedAcronym(a *at) int {
	if a.h.form != pipeline.FormAcronym || a.j != a.i+1 {
		return 0
	}
	if id, def := x.defined[keyOf(x.text, x.toks[a.i])]; def {
		x.emit(id, a.i, a.j, pipeline.FormShort)
		return a.j
	}
	return 0
}

// namedAfterKnown: a place or body named after a known place or company
// ("insurer China Life", "Kabul International Airport", "the Gulf
// Initiative").
func (x *extractor) namedAfterKnown(a *at) int {
	i := a.i
	k := x.placeNamed(i, a.j, a.h)
	if k == 0 {
		k = x.companyNamed(i, a.j, a.h)
	}
	if k == 0 {
		return 0
	}
	start := i
	if isThe(x.word(i)) {
		start++
	}
	if e := x.g.entries[a.h.entry]; e.Type == pipeline.TypeRegion && adminWords[x.word(k-1)] {
		x.emit(e.ID, start, k, pipeline.FormAlias) // "Xinjiang Uyghur Autonomous Region" is Xinjiang
		return k
	}
	typ := pipeline.TypeOrganization
	if t, tail := tailType(x.word(k - 1)); tail {
		typ = t
	} else if headWord(x.word(k - 1)) {
		typ = pipeline.TypeCity // "Kabul International Airport": a place
	}
	x.addLocal(start, k, typ, pipeline.FormName)
	return k
}

// adminRegion: "Samarkand region", "Tashkent region", the region, not the
// city.
func (x *extractor) adminRegion(a *at) int {
	if !x.knownAs(a, pipeline.TypeCity) || a.h.form == pipeline.FormDemonym || !x.isWordTok(a.j) || !adminRegions[x.word(a.j)] {
		return 0
	}
	x.addLocal(a.i, a.j+1, pipeline.TypeRegion, pipeline.FormName)
	return a.j + 1
}

// nationalCompany: "Indian Airlines", "Kenya Airways".
func (x *extractor) nationalCompany(a *at) int {
	if !x.knownAs(a, pipeline.TypeCountry) {
		return 0
	}
	if k := x.industryCompany(a.i); k > a.j {
		x.addLocal(a.i, k, pipeline.TypeOrganization, pipeline.FormName)
		return k
	}
	return 0
}

// demonymMinistry: "the Russian Defence Ministry".
func (x *extractor) demonymMinistry(a *at) int {
	if !x.knownAs(a, pipeline.TypeCountry) || a.h.form != pipeline.FormDemonym {
		return 0
	}
	k := x.ministryAfter(a.j)
	if k > 0 {
		x.addLocal(a.i, k, pipeline.TypeOrganization, pipeline.FormName)
	}
	return k
}

// frameworkMeeting: "the Central Asia plus Japan Dialogue Expert Meeting on
// Disaster Risk Reduction", the dialogue and its meeting.
func (x *extractor) frameworkMeeting(a *at) int {
	if !x.knownAs(a, pipeline.TypeFramework) || a.h.form == pipeline.FormDemonym || !x.capWord(a.j) || !x.toks[a.j].space {
		return 0
	}
	k := x.meetingOf(a.j)
	if k > 0 {
		x.emitHit(a.i, a.j, a.h)
		x.addLocal(a.i, k, pipeline.TypeEvent, pipeline.FormName)
	}
	return k
}

// frameworkSummit: "the Central Asia plus Japan Dialogue Summit Meeting".
func (x *extractor) frameworkSummit(a *at) int {
	if !x.knownAs(a, pipeline.TypeFramework) || a.h.form == pipeline.FormDemonym || !x.isWordTok(a.j) ||
		x.word(a.j) != "Summit" || !x.toks[a.j].space {
		return 0
	}
	k := a.j + 1
	if x.isWordTok(k) && x.word(k) == "Meeting" {
		k++
	}
	if x.capWord(k) {
		return 0
	}
	x.emitHit(a.i, a.j, a.h)
	x.addLocal(a.i, k, pipeline.TypeEvent, pipeline.FormName)
	return k
}

// groupPartRule: "the C5+1 Secretariat", the group and its body.
func (x *extractor) groupPartRule(a *at) int {
	k := x.groupPart(a.i, a.j, a.h)
	if k == 0 {
		return 0
	}
	typ, _ := tailType(x.word(k - 1))
	if typ == "" {
		typ = pipeline.TypeOrganization
	}
	x.emitHit(a.i, a.j, a.h)
	x.addLocal(a.i, k, typ, pipeline.FormName)
	return k
}

// jointDocument: a joint statement or declaration of named sides; the sides
// are mentions of their own.
func (x *extractor) jointDocument(a *at) int {
	x.inners = x.inners[:0]
	e := x.jointTitleEnd(a.i)
	if e == 0 {
		return 0
	}
	for _, in := range x.inners {
		if ij, ih, iok := x.gazetteer(in.i); iok && ij == in.j {
			x.emitHit(in.i, ij, ih)
		}
	}
	x.addLocal(a.i, e, pipeline.TypeFramework, pipeline.FormName)
	return e
}

// memorandum: "the Memorandum of Understanding on a Strategic Partnership
// in the Field of Energy".
func (x *extractor) memorandum(a *at) int {
	if a.h.form != "" || x.word(a.i) != "Memorandum" {
		return 0
	}
	e := x.memoTitleEnd(a.j)
	if e > 0 {
		x.addLocal(a.i, e, pipeline.TypeFramework, pipeline.FormName)
	}
	return e
}

// horizonStrategy: "the Uzbekistan 2030 strategy", "Kazakhstan 2050".
func (x *extractor) horizonStrategy(a *at) int {
	gj := a.j
	if !x.knownAs(a, pipeline.TypeCountry) || a.h.form != pipeline.FormName || !x.isWordTok(gj) ||
		!isYear(x.word(gj)) || x.word(gj) < "2025" || !x.toks[gj].space || !x.isWordTok(gj+1) || !horizonNouns[x.word(gj+1)] {
		return 0
	}
	x.emitHit(a.i, gj, a.h)
	x.addLocal(a.i, gj+1, pipeline.TypeFramework, pipeline.FormName)
	return gj + 1
}

// namedAfterPerson: "the Boris Yeltsin Presidential Library".
func (x *extractor) namedAfterPerson(a *at) int {
	gj := a.j
	if !x.knownAs(a, pipeline.TypePerson) || !x.capWord(gj) || !x.toks[gj].space {
		return 0
	}
	e := x.capRunEnd(gj)
	if e <= gj || e-gj > 3 || x.capWord(e) {
		return 0
	}
	typ, tail := tailType(x.word(e - 1))
	if !(tail && typ == pipeline.TypeOrganization || namedAfterWords[x.word(e-1)]) {
		return 0
	}
	if !tail {
		typ = pipeline.TypeOrganization
	}
	x.addLocal(a.i, e, typ, pipeline.FormName)
	return e
}

// knownHit records the gazetteer's match; a known company keeps its legal
// form ("TotalEnergies SE", "Eni SpA").
func (x *extractor) knownHit(a *at) int {
	gj := a.j
	if a.h.form != "" && x.g.entries[a.h.entry].Company && x.isWordTok(gj) && legalWords[x.word(gj)] && x.toks[gj].space && !x.capWord(gj+1) {
		gj++
	}
	if e := &x.g.entries[a.h.entry]; a.h.form != "" && e.Type == pipeline.TypeOrganization && e.Ambiguous && gj > a.i+1 {
		// "the Electoral Commission" after "the Electoral Commission of
		// Ghana" is Ghana's, not the known British one (a known name
		// marked ambiguous: the UN Security Council is not)
		name := x.text[x.toks[a.i].start:x.toks[gj-1].end]
		if id := x.shortOf(name, pipeline.TypeOrganization); id != "" {
			x.emit(id, a.i, gj, pipeline.FormShort)
			return gj
		}
	}
	x.emitHit(a.i, gj, a.h)
	return gj
}

// shortForm: a surname or acronym of an entity found earlier in the
// document. In a title-cased headline it is the only rule for unknown
// names, so a headline token it does not take is skipped.
func (x *extractor) shortForm(a *at) int {
	if id, ok := x.local[keyOf(x.text, x.toks[a.i])]; ok && !(x.isPerson(id) && x.nameGoesOn(a.i+1)) {
		x.emit(id, a.i, a.i+1, pipeline.FormShort)
		return a.i + 1
	}
	if x.headline {
		return a.i + 1
	}
	return 0
}

// bareHeadRule: "the Ministry" after "the Ministry of Foreign Affairs".
func (x *extractor) bareHeadRule(a *at) int {
	if id := x.bareHead(a.i); id != "" {
		x.emit(id, a.i, a.i+1, pipeline.FormShort)
		return a.i + 1
	}
	return 0
}

// list: names in a list of like names.
func (x *extractor) list(a *at) int {
	k, typ := x.listRule(a.i)
	if k == 0 {
		return 0
	}
	if typ == pipeline.TypePerson {
		x.addPerson(a.i, k, k-a.i)
	} else {
		x.addLocal(a.i, k, typ, pipeline.FormName)
	}
	return k
}

// companyByIndustry: "Barrick Gold", "Canada's First Quantum Minerals";
// after "Air Deccan", "Deccan" is the airline.
func (x *extractor) companyByIndustry(a *at) int {
	i := a.i
	k := x.industryCompany(i)
	if k == 0 {
		return 0
	}
	id := x.addLocal(i, k, pipeline.TypeOrganization, pipeline.FormName)
	if key := keyOf(x.text, x.toks[i+1]); id != "" && x.word(i) == "Air" && k == i+2 {
		if _, taken := x.local[key]; !taken {
			x.local[key] = id
		}
	}
	return k
}

// partyAdjectiveRule: "Democrat John Kerry", "Conservative shadow
// chancellor".
func (x *extractor) partyAdjectiveRule(a *at) int {
	if id := x.partyAdjective(a.i); id != "" {
		x.emit(id, a.i, a.i+1, pipeline.FormAlias)
		return a.i + 1
	}
	return 0
}

func (x *extractor) person(a *at) int {
	k, words := x.personRule(a.i)
	if k > 0 {
		x.addPerson(a.i, k, words)
	}
	return k
}

func (x *extractor) place(a *at) int {
	k := x.placeRule(a.i)
	if k > 0 {
		x.addLocal(a.i, k, x.placeType(a.i, k), pipeline.FormName)
	}
	return k
}

func (x *extractor) acronym(a *at) int {
	if x.acronymRule(a.i) {
		x.addLocal(a.i, a.i+1, pipeline.TypeOrganization, pipeline.FormAcronym)
		return a.i + 1
	}
	return 0
}

// camelCaseName: "ExxonMobil", a company by the shape of its name.
func (x *extractor) camelCaseName(a *at) int {
	i := a.i
	if i > 0 && x.capWord(i) && camelCase(x.word(i)) && !notActorAcronyms[x.word(i)] && !x.capWord(i+1) && !x.capWord(i-1) && !x.inQuotes(i) && !x.punct(i+1, "(") &&
		!(x.punct(i-1, "/") && x.adjacent(i)) && !(x.punct(i+1, "/") && x.adjacent(i+1)) &&
		!(x.isWordTok(i+1) && productNouns[x.word(i+1)]) {
		x.addLocal(i, i+1, pipeline.TypeOrganization, pipeline.FormName)
		return i + 1
	}
	return 0
}

// fallback: a capitalised run no other rule explains.
func (x *extractor) fallback(a *at) int {
	k, typ := x.fallbackRule(a.i)
	switch {
	case k == 0:
	case typ == "": // linked to a known entity already
	case typ == pipeline.TypePerson:
		x.addPerson(a.i, k, k-a.i)
	default:
		x.addLocal(a.i, k, typ, pipeline.FormName)
	}
	return k
}

// stateHeads end the formal name of a state before "of" its short name;
// stateModifiers qualify them ("the Federal Democratic Republic of
// Ethiopia", "the Islamic Republic of Pakistan", "the Hashemite Kingdom of
// Jordan").
var (
	stateHeads     = set("Republic", "Kingdom", "State", "Federation", "Sultanate", "Emirate", "Principality", "Commonwealth", "Duchy", "Confederation")
	stateModifiers = set("Islamic", "Federal", "Federative", "Democratic", "People", "Socialist", "United", "Arab", "Plurinational",
		"Bolivarian", "Cooperative", "Co-operative", "Hashemite", "Grand", "Independent", "Oriental", "Union")
)

// formalStateName reads a state's formal name: modifiers, a head, "of" and
// a known country ("the Islamic Republic of Pakistan" is Pakistan, not the
// "Islamic Republic" of Iran).
func (x *extractor) formalStateName(a *at) int {
	i, k := a.i, a.i
	for k < len(x.toks) && k-i < 6 {
		if x.capWord(k) && (stateModifiers[x.word(k)] || stateHeads[x.word(k)]) {
			k++
		} else if x.toks[k].kind == tokPoss && k > i && x.word(k-1) == "People" {
			k++ // "the Lao People's Democratic Republic"
		} else {
			break
		}
	}
	if k == i || !stateHeads[x.word(k-1)] || !x.isWordTok(k) || x.word(k) != "of" {
		return 0
	}
	j, h, ok := x.gazetteer(k + 1)
	if !ok || h.form == "" || h.form == pipeline.FormDemonym || x.g.entries[h.entry].Type != pipeline.TypeCountry {
		return 0
	}
	if gj, _, known := x.gazetteer(i); known && gj >= j {
		return 0 // a known formal name: "the Democratic People's Republic of Korea" is North Korea
	}
	x.emit(x.g.entries[h.entry].ID, i, j, pipeline.FormAlias)
	return j
}

// headlineHolder reads a title (or "by") and a full name in a title-cased line,
// where capitals say little: the name must be two or three words no
// English word, and end the line or stand before a comma, colon or bracket
// ("Weekly Press Conference of Foreign Ministry Spokesman Esmaeil Baqaei,
// Tehran"; not "President Trump Signs Order").
func (x *extractor) headlineHolder(a *at) int {
	if !x.headline {
		return 0
	}
	var buf [4]match
	j := a.i // "... Briefing by Stéphane Dujarric, Spokesperson ..."
	if ms := titleTrie.walk(buf[:0], x.text, x.toks, a.i); len(ms) > 0 {
		j = ms[len(ms)-1].j
	} else if !x.isWordTok(a.i-1) || x.word(a.i-1) != "by" {
		return 0
	}
	k := x.nameEnd(j)
	if k-j < 2 || k-j > 3 || x.startsNonPerson(j) || x.knownAt(j) {
		return 0
	}
	for t := j; t < k; t++ {
		if !x.capWord(t) || commonWord(x.word(t)) || isAllCaps(x.word(t)) {
			return 0
		}
	}
	if k < len(x.toks) && !(x.punct(k, ",") || x.punct(k, ":") || x.punct(k, "(") || x.punct(k, "–") || x.punct(k, "-")) {
		return 0
	}
	x.addPerson(j, k, k-j)
	return k
}

// placeNamedInstrument: "the Sandhurst treaty", "the Bonn process": an
// unknown name no English word between "the" and a lower-case noun of
// agreements or meetings is the instrument's name (known cities are read
// by cityNamedEvent).
func (x *extractor) placeNamedInstrument(a *at) int {
	i := a.i
	if !x.capWord(i) || !x.isWordTok(i-1) || !isThe(x.word(i-1)) || !x.isWordTok(i+1) || x.capWord(i+2) {
		return 0
	}
	typ := cityNamed[x.word(i+1)]
	if w := x.word(i); typ == "" || commonWord(w) || isAllCaps(w) || x.lowerInText(w) || months[w] || weekdays[w] || stopCaps[w] {
		return 0
	}
	x.addLocal(i, i+2, typ, pipeline.FormName)
	return i + 2
}

// reporterLine reads a line of reporters' names ("Rajeev Syal and Kim Willsher in
// Paris", "By Jane Doe"): in a title-cased line, names of two or three
// words no English word, joined by "and" or commas, and at most a known
// place after "in", up to the end of the line.
func (x *extractor) reporterLine(a *at) int {
	i := a.i
	if !x.headline || i > 1 || i == 1 && x.word(0) != "By" {
		return 0
	}
	type name struct{ j, k int }
	var names []name
	k := i
	for {
		e := x.nameEnd(k)
		if e-k < 2 || e-k > 3 || x.startsNonPerson(k) {
			return 0
		}
		for t := k; t < e; t++ {
			if !x.capWord(t) || commonWord(x.word(t)) || isAllCaps(x.word(t)) {
				return 0
			}
		}
		names = append(names, name{k, e})
		if x.isWordTok(e) && x.word(e) == "and" || x.punct(e, ",") {
			k = e + 1
			continue
		}
		k = e
		break
	}
	place := 0
	if x.isWordTok(k) && x.word(k) == "in" {
		j, h, ok := x.gazetteer(k + 1)
		if !ok || h.form == "" || x.g.entries[h.entry].Type != pipeline.TypeCity {
			return 0
		}
		place, k = k+1, j
	}
	if k != len(x.toks) {
		return 0
	}
	for _, n := range names {
		x.addPerson(n.j, n.k, n.k-n.j)
	}
	if place > 0 {
		pj, ph, _ := x.gazetteer(place)
		x.emitHit(place, pj, ph)
	}
	return k
}

// arabicPlace reads a place named with an Arabic article joined to its
// second word ("Bab al-Salam", "Deir el-Balah", "Ras al-Ain") after a
// locative or a verb of passage: one place, not "Bab" and "Salam".
func (x *extractor) arabicPlace(a *at) int {
	i := a.i
	if !x.capWord(i) || !x.isWordTok(i+1) || !articles[x.word(i+1)] || !x.punct(i+2, "-") || !x.adjacent(i+2) ||
		!x.capWord(i+3) || !x.adjacent(i+3) || x.capWord(i+4) || x.startsMatch(i) && x.matchAt(i) {
		return 0
	}
	if p := i - 1; p < 0 || !x.isWordTok(p) || x.capWord(p) {
		return 0 // a person's name ("Ahmed al-Sharaa") starts the sentence or follows a title
	}
	if w := x.word(i - 1); !placePreps[w] && !(w == "and" && x.lastWasPlace()) {
		return 0
	}
	x.addLocal(i, i+4, pipeline.TypeCity, pipeline.FormName)
	return i + 4
}

// placePreps before a name make it a place ("through Bab al-Hawa", "in
// Deir el-Balah").
var placePreps = set("in", "at", "from", "to", "through", "via", "near", "reached", "into", "around", "outside", "towards")
