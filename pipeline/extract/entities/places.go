package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
)

// Unknown places: a capitalized name that is not in the gazetteer is taken
// as a place when the sentence puts it where places go ("fled to Adré",
// "near Tinzaouaten", "in northern Shan State", "around Mentao and
// Goudoubo").

// locatives before a capitalized word make it a place.
var locatives = set("in", "at", "near", "outside", "around", "across", "throughout", "into", "via",
	"towards", "toward", "inside", "within", "through", "beyond")

// compassAdj may stand between a locative and the place ("in northern Shan
// State").
var compassAdj = set("northern", "southern", "eastern", "western", "central", "north-eastern", "north-western",
	"south-eastern", "south-western", "northeastern", "northwestern", "southeastern", "southwestern", "rural",
	"neighbouring", "neighboring", "nearby", "occupied", "besieged", "war-torn", "coastal")

// compassWords may start a region's name ("North Darfur").
var compassWords = set("North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
	"Central", "Upper", "Lower", "Greater")

// regionWords end the names of regions and geographic features ("Rakhine
// State", "Nuba Mountains", "Darién Gap"); after "the" only such names are
// taken ("in the Nuba Mountains", not "in the Kremlin").
var regionWords = set("State", "Province", "Region", "District", "County", "Governorate", "Oblast", "Prefecture",
	"Territory", "Territories", "Mountains", "Gap", "Valley", "Desert", "Basin", "Plateau", "Delta", "Strip",
	"Coast", "Peninsula", "Highlands", "Hills", "Corridor", "Sea", "Gulf", "Bay", "Islands", "Lakes", "Plain",
	"Plains", "Steppe", "Heights", "Island", "Palace", "Base", "Airbase", "Castle", "River", "Cosmodrome",
	"Airport", "Dam", "Canal", "Reservoir", "Strait", "Shoal", "Reef", "Atoll")

// notPlaces are capitalized words found after locatives that name no place:
// languages, religions, and words of the calendar and the trade.
var notPlaces = set("English", "French", "Arabic", "Spanish", "Portuguese", "Latin", "Mandarin", "Cantonese",
	"Hindi", "Urdu", "Swahili", "Farsi", "Persian", "Hebrew", "Islam", "Christianity", "Judaism", "Buddhism",
	"Hinduism", "Christ", "Heaven", "Hell", "Spring", "Summer", "Autumn", "Winter", "Christmas", "Easter",
	"Ramadan", "Eid", "Parliament", "Government", "Congress", "Court", "Office", "Cabinet", "Committee",
	"Council", "Opposition", "Power", "Charge", "Total", "Part", "Addition", "Response", "Return", "Fact",
	"Particular", "Short", "Future", "General", "Practice", "Principle", "Turn", "Order", "Time", "Support",
	"Favour", "Favor", "Line", "Light", "Terms", "View", "Spite", "Place", "Front", "Touch", "Case",
	"Brief", "Person", "Detail", "Public", "Private", "Town", "City", "Capital", "Chapter", "Article",
	"Section", "Paragraph", "Annex", "Table", "Figure", "Phase", "Stage", "Round", "Session", "Week",
	"Day", "Year", "Month", "Q1", "Q2", "Q3", "Q4", "Twitter", "Facebook", "Instagram", "YouTube",
	"TikTok", "Telegram", "WhatsApp", "Google", "Windows", "Excel", "One", "Two", "Three", "Four", "Five", "Six",
	"Seven", "Eight", "Nine", "Ten", "Olympic", "Olympics", "Plus", "Research", "Holdings", "Group")

// placeMotion are words of movement after which "to"/"from" introduce a
// place ("fled to Chad", "walked from El Fasher"); stricter than cityMotion
// because the name is not known to be a place.
var placeMotion = set("fled", "flee", "fleeing", "escaped", "travelled", "traveled", "travelling", "traveling",
	"flew", "moved", "returned", "returning", "arrived", "came", "went", "walked", "spread", "spreading",
	"deployed", "displaced", "evacuated", "marched", "sailed", "driven", "flown", "deported", "expelled",
	"relocated", "headed", "heading", "trip", "visit", "journey", "flights", "flight", "road", "route", "railway")

// placeRule finds an unknown place at token i, which no gazetteer name
// starts. It returns the end of the place, or 0.
func (x *extractor) placeRule(i int) int {
	if !x.capWord(i) || (x.capWord(i-1) && !stopCaps[x.word(i-1)]) {
		return 0 // not inside a longer capitalized name
	}
	if x.punct(i+1, "&") && x.capWord(i+2) {
		return 0 // "at William & Mary", "at Marsh & McLennan": a firm or college
	}
	if x.isWordTok(i+1) && groupNouns[x.word(i+1)] {
		return 0 // "members of the Pamiri minority": a people, not a place
	}
	p := i - 1
	if x.isWordTok(p) && compassAdj[x.word(p)] {
		p--
	}
	the := false
	if x.isWordTok(p) && x.word(p) == "the" {
		the = true
		p--
	}
	if x.punct(i+1, "-") && x.adjacent(i+1) && x.isWordTok(i+2) && x.adjacent(i+2) && x.word(i+2) == "based" &&
		!x.capWord(i-1) && x.placeEnd(i) == i+1 {
		return i + 1 // "the Lahore-based institute"
	}
	ofRegion := x.isWordTok(p) && x.word(p) == "of" && p > 0
	geoOf := ofRegion && x.isWordTok(p-1) && geoNouns[x.word(p-1)] // "the exclave of Nakhchivan"
	if i == 0 && (x.punct(i+1, "–") || x.punct(i+1, "—")) && x.placeEnd(i) == i+1 {
		return i + 1 // a dateline: "Hasakah – ..."
	}
	if x.routeEnd(i) {
		if k := x.placeEnd(i); k > i && !x.capWord(k) {
			return k // "a new line from Luacano to Chingola"
		}
	}
	if i > 1 && x.toks[i-1].kind == tokPoss && x.lastEnd == i-1 && x.lastWasPlace() {
		// "Zambia's Copperbelt Province": an administrative region of a place
		if k := x.placeEnd(i); k-i >= 2 && adminWords[x.word(k-1)] && !x.capWord(k) {
			return k
		}
	}
	if the && x.punct(p, ",") && x.placeEnd(i) == i+2 && featureWords[x.word(i+1)] {
		return i + 2 // "a tributary, the Bassac River, ..."
	}
	ctx := ofRegion || (x.isWordTok(p) && anyPrep[strings.ToLower(x.word(p))]) || x.placeContext(p)
	if !ctx && !x.regionNounAhead(i) {
		return 0 // cheap test first: most capitalized words are not places
	}
	k := x.placeEnd(i)
	if k == i {
		return 0
	}
	if x.regionNounAfter(k) && !(x.isWordTok(k) && x.word(k) == "state") && i > 0 {
		// "Armenia's Syunik province", "the Kyzylorda region", "in the Cal
		// Miskaad mountains", "the Middle Shabelle and Hiran regions"
		return k
	}
	if geoOf {
		return k
	}
	if the && regionWords[x.word(k-1)] && x.isWordTok(p) && anyPrep[x.word(p)] {
		return k // "on the Vakhsh River", "from the Vostochny Cosmodrome"
	}
	if !ofRegion && !x.placeContext(p) {
		return 0
	}
	if ofRegion && (k-i < 2 || !(adminWords[x.word(k-1)] || x.word(k-1) == "Island" || x.word(k-1) == "Islands")) {
		return 0 // "most of Rakhine State", not "the people of Ruritania"
	}
	last := x.word(k - 1)
	if the && !regionWords[last] {
		return 0 // "in the Kremlin", "at the Foreign Office"
	}
	if k < len(x.toks) {
		if x.toks[k].kind == tokPoss || x.capWord(k) || (x.toks[k].quoted && strings.HasPrefix(x.text[x.toks[k-1].end:], "'")) ||
			(x.isWordTok(k) && isDigits(x.word(k))) { // "in Key Stages 2 and 3"
			return 0 // "in Smith's view"; a longer capitalized run
		}
		if x.isWordTok(k) && x.word(k) == "of" && x.capWord(k+1) && regionWords[x.word(k-1)] && k-i == 1 {
			if e := x.placeEnd(k + 1); e > k+1 {
				return e // "the Bay of Bengal", "the Strait of Hormuz"
			}
			return 0
		}
		if x.isWordTok(k) && (x.word(k) == "of" || x.word(k) == "for") && x.capWord(k+1) {
			return 0 // "in Ministry of ...": a name of something else
		}
		if x.punct(k, "(") {
			return 0 // "in Very Long Name (VLN)": a defined acronym, not a place
		}
	}
	return k
}

// placeContext reports whether the word at p puts a place after it: a
// locative preposition, "to"/"from" after a word of motion, or a list of
// places ("in North Darfur, South Kordofan and the Nuba Mountains").
func (x *extractor) placeContext(p int) bool {
	if !x.isWordTok(p) {
		if (x.punct(p, ",") || x.punct(p, "/")) && x.lastEnd == p && x.lastWasPlace() {
			return true
		}
		return false
	}
	w := x.word(p)
	if p == 0 {
		w = strings.ToLower(w)
	}
	if locatives[w] {
		// "starred in Closer", "a role in Ray": titles of works
		return !(x.isWordTok(p-1) && worksBefore[strings.ToLower(x.word(p-1))])
	}
	if (w == "to" || w == "from") && x.isWordTok(p-1) && placeMotion[strings.ToLower(x.word(p-1))] {
		return true
	}
	if captureVerbs[w] {
		return true // "the M23 have seized Goma"
	}
	if w == "to" && x.lastEnd == p && x.lastWasPlace() && x.isWordTok(p-2) && strings.EqualFold(x.word(p-2), "from") {
		return true // "from Baku to Belém"
	}
	if (w == "and" || w == "or") && x.lastEnd == p && x.lastWasPlace() {
		return true
	}
	return false
}

// lastWasPlace reports whether the last mention of the sentence is a
// place: a country, region or city.
func (x *extractor) lastWasPlace() bool {
	if len(x.mentions) == 0 || x.mentions[len(x.mentions)-1].SentID != x.sent.SentID {
		return false
	}
	m := x.mentions[len(x.mentions)-1]
	if m.Form == pipeline.FormDemonym || m.Form == pipeline.FormMetonym {
		return false
	}
	var typ string
	if e, ok := x.g.Entry(m.EntityID); ok {
		typ = e.Type
	} else if e, ok := x.localEnts[m.EntityID]; ok {
		typ = e.Type
	}
	switch typ {
	case pipeline.TypeCountry, pipeline.TypeRegion, pipeline.TypeCity:
		return true
	}
	return false
}

// placeEnd returns the end of a place name starting at token i: up to
// three capitalized words, hyphenated parts included ("Port-au-Prince",
// "El Fasher", "Shan State"), or i when a word cannot be part of a place
// name.
func (x *extractor) placeEnd(i int) int {
	k, words := i, 0
	for k < len(x.toks) && words < 3 && x.capWord(k) {
		if k > i && x.toks[k].quoted {
			break
		}
		w := x.word(k)
		if k == i && ordinalWords[w] && x.capWord(k+1) {
			words++ // "Second Thomas Shoal"
			k++
			continue
		}
		if stopCaps[w] || notPlaces[w] || months[w] || titleWord(w) || isAllCaps(w) || isDigits(w) {
			return i
		}
		if _, tail := tailType(w); tail {
			return i
		}
		if genericWords[w] && !compassWords[w] && !(regionWords[w] && k > i) {
			return i
		}
		if nameStop[w] && !compassWords[w] && !regionWords[w] {
			return i
		}
		if k > i && x.startsMatch(k) && !regionWords[w] && !(personStart(w) && !x.startsNonPerson(k)) {
			return i // "in Bamako Mali": not one name; but "Pedro Juan Caballero" after "Juan Carlos"
		}
		if _, isTitle := titleTrie.child(0, x.text, x.toks[k]); isTitle && utf8.RuneCountInString(w) > 1 {
			return i
		}
		words++
		k++
		// "Port-au-Prince", "Guinea-Bissau"
		for x.punct(k, "-") && x.adjacent(k) && x.isWordTok(k+1) && x.adjacent(k+1) {
			k += 2
		}
		// Romance connectors: "Foz do Iguaçu", "Ciudad del Este", "Mar de la Plata"
		if x.isWordTok(k) && placeParticles[x.word(k)] {
			n := 1
			if x.word(k) == "de" && x.isWordTok(k+1) && (x.word(k+1) == "la" || x.word(k+1) == "las" || x.word(k+1) == "los") {
				n = 2
			}
			if x.capWord(k+n) && !stopCaps[x.word(k+n)] && !x.startsMatch(k+n) {
				k += n
			}
		}
	}
	if words == 1 && compassWords[x.word(i)] {
		return i // "in North" alone
	}
	if words == 1 && utf8.RuneCountInString(x.word(i)) < 3 {
		return i
	}
	if words == 1 && x.lowerInText(x.word(i)) {
		return i // "in Danger", "at Sky": a common word written in lower case elsewhere
	}
	return k
}

// lowerInText reports whether the lower-case form of a capitalized word
// stands as a word anywhere in the document. The first queries search the
// text; after 32 of them the set of lower-case words is built once.
func (x *extractor) lowerInText(w string) bool {
	lw := strings.ToLower(w)
	if lw == w {
		return false
	}
	if x.lowerWords == nil && x.lowerQueries < 32 {
		x.lowerQueries++
		for off := 0; off < len(x.text); {
			k := strings.Index(x.text[off:], lw)
			if k < 0 {
				return false
			}
			a, b := off+k, off+k+len(lw)
			if (a == 0 || !wordAt(x.text, prevRuneStart(x.text, a), len(x.text))) &&
				(b >= len(x.text) || !wordAt(x.text, b, len(x.text))) {
				return true
			}
			off = b
		}
		return false
	}
	if x.lowerWords == nil {
		x.lowerWords = map[string]bool{}
		for _, t := range tokenize(nil, x.text, 0, len(x.text)) {
			if t.kind == tokWord && unicode.IsLower(firstRune(x.text[t.start:t.end])) {
				x.lowerWords[x.text[t.start:t.end]] = true
			}
		}
	}
	return x.lowerWords[lw]
}

// prevRuneStart returns the start of the rune before byte i.
func prevRuneStart(s string, i int) int {
	_, n := utf8.DecodeLastRuneInString(s[:i])
	return i - n
}

// worksBefore before "in"/"at" make the next name the title of a work or a
// show, not a place ("starred in Ray").
var worksBefore = set("starred", "starring", "appeared", "appearing", "appears", "role", "roles", "part", "parts",
	"cast", "featured", "featuring", "played", "playing", "character", "characters", "performance", "performances",
	"nominated", "nomination", "nominations", "won", "wins", "shown", "screened", "published", "sung", "stars",
	"scene", "scenes", "episode", "episodes", "moment", "moments")

// groupNouns after a capitalized word make it a people's name ("the Pamiri
// minority", "the Uyghur community").
var groupNouns = set("minority", "minorities", "community", "communities", "diaspora", "tribe", "tribes", "clan",
	"clans", "ethnic", "people", "peoples", "nationals", "migrants", "refugees", "speakers")

// placeType is region for names of regions and features, else city.
func (x *extractor) placeType(i, j int) string {
	if regionWords[x.word(j-1)] || compassWords[x.word(i)] {
		return pipeline.TypeRegion
	}
	return pipeline.TypeCity
}

// routeNouns before "from X to Y" make X and Y places, as they do after
// "X–Y" ("the Almaty–Bishkek road").
var routeNouns = set("roads", "motorway", "railroad", "expressway", "line", "railway", "rail", "road", "highway", "pipeline", "route", "corridor", "flights",
	"flight", "train", "trains", "ferry", "cable", "canal", "link", "bridge", "march", "convoy", "convoys")

// routeEnd reports whether token i is X or Y in "<route noun> from X to Y".
func (x *extractor) routeEnd(i int) bool {
	if !x.isWordTok(i - 1) {
		return false
	}
	switch x.word(i - 1) {
	case "from":
		if !x.isWordTok(i-2) || !routeNouns[x.word(i-2)] {
			return false
		}
		k := x.placeEnd(i)
		return k > i && x.isWordTok(k) && x.word(k) == "to" && x.capWord(k+1)
	case "to":
		for f := i - 3; f >= 0 && f >= i-6; f-- {
			if x.isWordTok(f) && x.word(f) == "from" {
				return x.isWordTok(f-1) && routeNouns[x.word(f-1)] && x.placeEnd(f+1) == i-1
			}
		}
	}
	return false
}

// adminWords end the names of administrative regions ("Rakhine State").
var adminWords = set("State", "Province", "Region", "District", "County", "Governorate", "Oblast", "Prefecture",
	"Territory")

// captureVerbs take a place as their object ("seized Goma", "took
// Lashio").
var captureVerbs = set("seized", "captured", "took", "taken", "shelled", "bombed", "bombarded", "besieged",
	"liberated", "recaptured", "retook", "overran", "stormed", "occupied", "encircled", "entered", "evacuated",
	"seize", "capture", "retake", "besiege", "controls", "control", "controlled", "holds", "hold", "hosts",
	"lost", "lose", "losing", "abandoned", "fled", "surrounded", "attacked", "struck", "hit")

// geoNouns before "of" make the name after it a place ("the exclave of
// Nakhchivan", "the town of Adré").
var geoNouns = set("city", "town", "village", "villages", "towns", "cities", "province", "provinces", "region", "ports",
	"regions", "district", "districts", "state", "states", "exclave", "enclave", "island", "islands", "port",
	"capital", "suburb", "suburbs", "outskirts", "mountains", "hills", "valley", "republic", "oblast",
	"governorate", "county", "municipality", "prefecture", "territory", "border", "coast", "shores", "banks",
	"streets", "centre", "center", "heart", "north", "south", "east", "west", "northeast", "northwest",
	"southeast", "southwest", "breakaway", "peninsula", "strait", "gulf", "lake", "river", "desert", "area",
	"president", "presidency", "parliament", "mayor", "governor", "citizens", "army", "economy", "authorities")

// placeParticles join the words of Portuguese and Spanish place names.
var placeParticles = set("do", "da", "dos", "das", "de", "del")

// regionNouns in lower case after a capitalized name make it a place
// ("Armenia's Syunik province", "the Middle Shabelle and Hiran regions").
var regionNouns = set("province", "provinces", "region", "regions", "district", "districts", "state", "county",
	"governorate", "governorates", "oblast", "prefecture", "camp", "mountains", "valley", "desert", "plateau",
	"delta", "basin", "coast", "corridor", "enclave", "exclave", "municipality", "township", "city", "town",
	"village", "port", "ports", "island", "islands", "river", "lake", "peninsula", "archipelago", "plains",
	"plain", "hills", "highlands", "heights", "reservoir", "reservoirs", "dam", "dams")

// regionNounAfter reports whether a lower-case region noun follows the
// name ending before token k, or another name and a plural region noun
// ("Middle Shabelle and Hiran regions").
func (x *extractor) regionNounAfter(k int) bool {
	if x.isWordTok(k) && regionNouns[x.word(k)] {
		return true
	}
	for n := 0; n < 8 && (x.isWordTok(k) && (x.word(k) == "and" || x.word(k) == "or") || x.punct(k, ",")); n++ {
		if x.punct(k, ",") && x.isWordTok(k+1) && x.word(k+1) == "and" {
			k++ // "Donetsk, Luhansk, Zaporizhzhia, and Kherson regions"
		}
		e := x.placeEnd(k + 1)
		if e == k+1 {
			if j, _, ok := x.gazetteer(k + 1); ok {
				e = j // a known place in the list
			}
		}
		if e <= k+1 {
			return false
		}
		if x.isWordTok(e) && strings.HasSuffix(x.word(e), "s") && regionNouns[x.word(e)] {
			return true
		}
		k = e
	}
	return false
}

// anyPrep are prepositions after which "the <Name> River" is a place.
var anyPrep = set("on", "from", "to", "along", "across", "over", "of", "off", "near", "by", "beyond", "into",
	"onto", "through", "under", "around", "in", "at", "towards", "toward", "past", "up", "down")

// regionNounAhead reports whether a lower-case region noun stands within
// the next sixteen tokens (a quick test before regionNounAfter).
func (x *extractor) regionNounAhead(i int) bool {
	for k := i + 1; k < len(x.toks) && k <= i+16; k++ {
		if x.isWordTok(k) && regionNouns[x.word(k)] {
			return true
		}
	}
	return false
}

// featureWords end the names of rivers and other features ("the Bassac
// River").
var featureWords = set("River", "Mountains", "Valley", "Desert", "Plateau", "Delta", "Basin", "Peninsula",
	"Strait", "Canal", "Lake", "Sea")

// ordinalWords may start a place's name ("Second Thomas Shoal").
var ordinalWords = set("First", "Second", "Third")

// fromTo reports whether the capital at tokens [i, j) is an end of "from X
// to Y" between two places: "from Accra to Addis Ababa".
func (x *extractor) fromTo(i, j int) bool {
	if x.isWordTok(i-1) && x.word(i-1) == "from" && x.isWordTok(j) && x.word(j) == "to" {
		return x.startsPlace(j + 1)
	}
	if x.isWordTok(i-1) && x.word(i-1) == "to" {
		for s := i - 2; s >= 0 && s >= i-6; s-- {
			if x.isWordTok(s) && x.word(s) == "from" {
				return x.startsPlace(s + 1)
			}
		}
	}
	return false
}

// adminRegions after a city's name make the region named for it: "the
// Samarkand region", "Tashkent oblast".
var adminRegions = set("region", "province", "oblast", "governorate", "prefecture")

// constituency returns the end of an electoral seat's name at token i,
// after "MP for", "Member of Parliament for", "Parliament for", "member
// for", "candidate for" or "seat of", or before "MP" after "the": one to
// four capitalized words, "and" between them ("Sheffield Brightside",
// "Hornsey and Wood Green", "the Glasgow Kelvin MP"). A seat that is just
// a known place stays that place. It returns 0 otherwise.
func (x *extractor) constituency(i int) int {
	if !x.capWord(i) || stopCaps[x.word(i)] || !x.isWordTok(i-1) {
		return 0
	}
	if w := x.word(i - 1); w != "for" && w != "of" && !isThe(strings.ToLower(w)) {
		return 0 // cheap test first: most capitalized words are no seats
	}
	k := i
	for k < len(x.toks) && k-i < 6 && !(x.isWordTok(k) && x.word(k) == "MP") && (x.capWord(k) && !stopCaps[x.word(k)] && !x.startsTitle(k) ||
		(k > i && x.isWordTok(k) && x.word(k) == "and" && x.capWord(k+1) && x.word(k+1) != "MP")) {
		k++
	}
	if k == i || !x.capWord(k-1) || x.toks[k-1].quoted {
		return 0
	}
	after := false
	if x.isWordTok(i-1) && x.isWordTok(i-2) && (x.word(i-1) == "for" || x.word(i-1) == "of") {
		p := x.word(i - 2)
		switch {
		case x.word(i-1) == "for" && (p == "MP" || p == "MPs" || p == "Parliament" || p == "member" || p == "candidate" || p == "MSP" || p == "AM"):
			after = true
		case x.word(i-1) == "of" && (p == "seat" || p == "constituency"):
			after = true
		}
	}
	before := x.isWordTok(k) && x.word(k) == "MP" && x.isWordTok(i-1) && isThe(strings.ToLower(x.word(i-1)))
	if !after && !before {
		return 0
	}
	if gj, h, ok := x.gazetteer(i); ok && gj == k && h.form != "" {
		return 0 // "MP for Birmingham": the city
	}
	for t := i; t < k; t++ {
		if _, tail := tailType(x.word(t)); tail {
			return 0 // "MP for the Labour Party"
		}
	}
	return k
}
