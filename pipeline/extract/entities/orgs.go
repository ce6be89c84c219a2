package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
)

// stateOrgans after a country's demonym or name are that country's
// government, not a new organization ("the Japanese Foreign Ministry", "the
// UK Government").
var stateOrgans = set("Ministry", "Government", "Cabinet", "Embassy", "Parliament", "Administration",
	"Presidency", "Senate", "Congress", "Office", "Department", "Army", "Navy", "Police", "Authorities")

// classNouns in lower case after a capitalized name say what it names: the
// Ocean of Peace declaration, the Viv Ansanm gang coalition, the M23 rebels.
var classNouns = map[string]string{
	"declaration": pipeline.TypeFramework, "initiative": pipeline.TypeFramework, "treaty": pipeline.TypeFramework,
	"agreement": pipeline.TypeFramework, "framework": pipeline.TypeFramework, "programme": pipeline.TypeFramework,
	"program": pipeline.TypeFramework, "scheme": pipeline.TypeFramework, "process": pipeline.TypeFramework,
	"strategy": pipeline.TypeFramework, "accord": pipeline.TypeFramework, "accords": pipeline.TypeFramework,
	"pact": pipeline.TypeFramework, "convention": pipeline.TypeFramework, "protocol": pipeline.TypeFramework,
	"mechanism": pipeline.TypeFramework, "partnership": pipeline.TypeFramework, "dialogue": pipeline.TypeFramework,
	"format": pipeline.TypeFramework, "compact": pipeline.TypeFramework, "roadmap": pipeline.TypeFramework,
	"charter": pipeline.TypeFramework, "consensus": pipeline.TypeFramework, "doctrine": pipeline.TypeFramework,
	"gang": pipeline.TypeOrganization, "coalition": pipeline.TypeOrganization, "militia": pipeline.TypeOrganization,
	"movement": pipeline.TypeOrganization, "alliance": pipeline.TypeOrganization, "rebels": pipeline.TypeOrganization,
	"faction": pipeline.TypeOrganization, "cartel": pipeline.TypeOrganization, "insurgents": pipeline.TypeOrganization,
	"militants": pipeline.TypeOrganization, "fighters": pipeline.TypeOrganization, "bloc": pipeline.TypeOrganization,
	"group": pipeline.TypeOrganization, "network": pipeline.TypeOrganization, "brigade": pipeline.TypeOrganization,
	"brigades": pipeline.TypeOrganization, "jihadists": pipeline.TypeOrganization, "fund": pipeline.TypeOrganization,
	"party": pipeline.TypeOrganization, "organisation": pipeline.TypeOrganization,
	"organization": pipeline.TypeOrganization,
	"conglomerate": pipeline.TypeOrganization, "company": pipeline.TypeOrganization,
	"consortium": pipeline.TypeOrganization, "corporation": pipeline.TypeOrganization,
	"bank": pipeline.TypeOrganization, "airline": pipeline.TypeOrganization, "carmaker": pipeline.TypeOrganization,
	"hotels": pipeline.TypeOrganization, "brewer": pipeline.TypeOrganization, "insurer": pipeline.TypeOrganization,
	"retailer": pipeline.TypeOrganization, "union": pipeline.TypeOrganization, "television": pipeline.TypeOrganization,
	"newspaper": pipeline.TypeOrganization, "broadcaster": pipeline.TypeOrganization,
	"chief": pipeline.TypeOrganization, "boss": pipeline.TypeOrganization, "chairman": pipeline.TypeOrganization,
	"plan": pipeline.TypeFramework, "instrument": pipeline.TypeFramework, "package": pipeline.TypeFramework,
	"agenda": pipeline.TypeFramework, "vision": pipeline.TypeFramework, "deal": pipeline.TypeFramework,
	"facility": pipeline.TypeOrganization, "mission": pipeline.TypeOrganization, "force": pipeline.TypeOrganization,
	"exercise": pipeline.TypeEvent, "exercises": pipeline.TypeEvent, "operation": pipeline.TypeEvent,
	"plant": pipeline.TypeCity, "dam": pipeline.TypeCity, "canal": pipeline.TypeCity, "reservoir": pipeline.TypeCity,
	"pipeline": pipeline.TypeCity, "block": pipeline.TypeCity, "field": pipeline.TypeCity, "mine": pipeline.TypeCity,
	"refinery": pipeline.TypeCity, "terminal": pipeline.TypeCity, "cosmodrome": pipeline.TypeCity,
	"airbase": pipeline.TypeCity, "base": pipeline.TypeCity,
	"executive": pipeline.TypeOrganization, "founder": pipeline.TypeOrganization,
	"shareholders": pipeline.TypeOrganization, "subsidiary": pipeline.TypeOrganization,
}

// partyAdj before a single unknown capitalized word make it a party or
// group ("the opposition Kuomintang").
var partyAdj = set("opposition", "ruling", "governing", "rival", "Islamist", "separatist", "nationalist",
	"militant", "jihadist")

// stopLower are function words that end the words between a name and its
// class noun.
var stopLower = set("the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "by", "at", "from",
	"is", "was", "are", "were", "has", "have", "had", "will", "would", "that", "which", "who", "as", "its",
	"their", "his", "her", "said", "says")

// hypothetical words before a quoted name make it no entity (a
// hypothetical “Asian Nuclear Alliance”).
var hypothetical = set("hypothetical", "imaginary", "imagined", "fictional", "putative", "would-be", "notional",
	"mooted", "theoretical", "future", "possible", "potential", "new", "a", "an")

// orgRule finds an organization, framework or event named by its form at
// token i: capitalized words ending in an organization word ("Japan
// Meteorological Agency"), starting with one followed by of/for/on
// ("Ministry of Foreign Affairs"), or followed by a lower-case word that
// says what it is ("the Ocean of Peace declaration"). It returns the end
// token and the entity type, or 0.
func (x *extractor) orgRule(i int) (int, string) {
	x.orgStart = i
	if !x.capWord(i) && !(isDigits(x.word(i)) && len(x.word(i)) == 4) && !isOrdinal(x.word(i)) {
		return 0, "" // names start with a capital or a year
	}
	if x.punct(i-1, "-") && x.adjacent(i) && x.isWordTok(i-2) && !x.capWord(i-2) {
		return 0, "" // "the pro-European Party of Action and Solidarity": the name starts at "Party"
	}
	j, typ := 0, ""
	if gj, h, ok := x.gazetteer(i); ok && (h.form == pipeline.FormAcronym || h.form == pipeline.FormDemonym) &&
		x.g.entries[h.entry].Type == pipeline.TypeCountry &&
		x.isWordTok(gj) && (x.word(gj) == "Embassy" || x.word(gj) == "Consulate") && !x.capWord(gj+1) {
		if e := x.extendIn(i, gj+1); e > gj+1 {
			return e, pipeline.TypeOrganization // "the U.S. Embassy in Dushanbe", "the Chinese Embassy in Dushanbe": a mission by its city
		}
	}
	if _, h, ok := x.gazetteer(i); ok && h.form == pipeline.FormDemonym && x.g.entries[h.entry].Type == pipeline.TypeCountry {
		// "Saudi Press Agency", "Sudanese Armed Forces" are names; "the
		// Japanese Foreign Ministry" is Japan's ministry.
		j, typ = x.orgCore(i, true)
		if j == i+2 && forces[x.word(j-1)] {
			return j, pipeline.TypeOrganization // "the Indian Navy"
		}
		formal := j-i >= 3 && formalWords[x.word(i+1)] // "the Haitian National Police", "the Sudanese Armed Forces"
		if j == 0 || j-i < 3 || (stateOrgans[x.word(j-1)] && !formal) || !x.capWord(j-1) {
			return 0, ""
		}
		for t := i; t < j; t++ {
			if !x.capWord(t) && !(x.isWordTok(t) && orgConnectors[x.word(t)]) && x.toks[t].kind != tokPoss {
				return 0, "" // but "the Afghan Women's Network"
			}
			if t > i && (x.startsTitle(t) || (x.word(t-1) == "and" && x.startsMatch(t) && !x.andEnds(t-1))) {
				return 0, "" // "German Chancellor Gerhard Schroeder and European Commission ..."
			}
		}
	} else {
		j, typ = x.orgCore(i, false)
	}
	if j == 0 && ministryPortfolios[x.word(i)] && x.isWordTok(i+1) && x.word(i+1) == "Ministry" && !x.capWord(i+2) &&
		!(x.capWord(i-1) && !stopCaps[x.word(i-1)]) {
		j, typ = i+2, pipeline.TypeOrganization // "Russia's Interior Ministry", "the Interior Ministry"
	}
	if j == 0 && x.capWord(i+1) && x.word(i+1) == "International" && !x.capWord(i+2) && !genericWords[x.word(i)] &&
		!stopCaps[x.word(i)] && !x.startsMatch(i) && !(x.isWordTok(i-1) && (x.word(i-1) == "a" || x.word(i-1) == "an")) {
		j, typ = i+2, pipeline.TypeOrganization // "Amnesty International"
	}
	if j == 0 && x.isWordTok(i-1) && partyAdj[x.word(i-1)] && x.capWord(i) && !x.capWord(i+1) && !stopCaps[x.word(i)] &&
		!x.startsMatch(i) && !x.lowerInText(x.word(i)) && !genericWords[x.word(i)] {
		j, typ = i+1, pipeline.TypeOrganization // "the opposition Kuomintang"
	}
	if j == 0 && x.word(i) == "Resolution" && x.isWordTok(i+1) && isDigits(x.word(i+1)) && len(x.word(i+1)) <= 4 {
		j, typ = i+2, pipeline.TypeFramework // "Security Council Resolution 2231"
	}
	if j == 0 && frameworkTails[x.word(i)] && x.word(i) != "Resolution" && x.capWord(i) && x.isWordTok(i+1) && isYear(x.word(i+1)) &&
		!x.capWord(i+2) && !x.capWord(i-1) && !(x.punct(i+2, "-") || x.punct(i+2, "–")) && !x.sentenceStart(i) {
		j, typ = i+2, pipeline.TypeFramework // "ADB's Strategy 2030", "Vision 2050"
	}
	if j == 0 && x.word(i) == "Executive" && x.isWordTok(i+1) && x.word(i+1) == "Order" && x.isWordTok(i+2) && isDigits(x.word(i+2)) {
		j, typ = i+3, pipeline.TypeFramework // "Executive Order 14024"
	}
	if j == 0 && x.word(i) == "Expo" && x.isWordTok(i+1) && isYear(x.word(i+1)) && x.toks[i+1].space {
		j, typ = i+2, pipeline.TypeEvent // "Expo 2017"
	}
	if j == 0 && stormWords[x.word(i)] && x.capWord(i+1) && !x.capWord(i+2) && !x.startsMatch(i+1) {
		j, typ = i+2, pipeline.TypeEvent // "Cyclone Lola", "Typhoon Haiyan"
	}
	if j == 0 && x.word(i) == "Operation" && x.capWord(i+1) {
		j = i + 1 // "Operation Inherent Resolve"
		for j < len(x.toks) && x.capWord(j) && j-i < 5 && !stopCaps[x.word(j)] {
			j++
		}
		if x.capWord(j) || j == i+1 {
			j = 0
		} else {
			typ = pipeline.TypeEvent
		}
	}
	if j == 0 {
		j, typ = x.classNounRule(i)
	}
	if j == 0 {
		j, typ = x.appositiveOrg(i)
	}
	if j == 0 {
		return 0, ""
	}
	if _, known := x.local[keyOf(x.text, x.toks[i])]; known && j == i+1 {
		return 0, "" // "the WPS agenda" after "Women, Peace and Security (WPS)"
	}
	if stateOrgans[x.word(j-1)] {
		// "the UK Government", "Kenya Police": the country
		if gj, h, ok := x.gazetteer(i); ok && gj == j-1 && h.form != "" {
			switch x.g.entries[h.entry].Type {
			case pipeline.TypeCountry, pipeline.TypeCity:
				return 0, ""
			}
		}
	}
	if j-i == 2 && (x.word(j-1) == "Government" || x.word(j-1) == "Cabinet" || x.word(j-1) == "Administration") &&
		looksAdjective(x.word(i)) && !x.matchAt(i) {
		return 0, "" // "the Korean Government": a country's government, not a body of its own
	}
	if g := x.governmentOf(i, j); g > 0 {
		x.rejectEnd = g // "the Federal Government of Nigeria" is Nigeria
		return 0, ""
	}
	if x.slogan(i, j) || x.indefinite(i, j) {
		x.rejectEnd = j
		return 0, ""
	}
	if j-i >= 3 && x.isWordTok(j) && !x.capWord(j) && x.isWordTok(j-2) && (x.word(j-2) == "on" || x.word(j-2) == "of") {
		if _, h, ok := x.gazetteer(j - 1); ok && h.form == pipeline.FormDemonym {
			j -= 2 // "the G20 Leaders' Summit on African soil"
			if j-i == 1 {
				return 0, "" // "the Association of British insurers": no name left
			}
		}
	}
	j = x.extendIn(i, j)
	if typ == pipeline.TypeFramework && x.isWordTok(j) && (x.word(j) == "until" || x.word(j) == "till") && x.isWordTok(j+1) &&
		isYear(x.word(j+1)) && !x.isWordTok(j+2) {
		j += 2 // "the Strategy for Achieving Carbon Neutrality of the Republic of Kazakhstan until 2060"
	}
	if p := x.holderTail(i, j); p > 0 {
		j = p // "Head of the Presidential Administration of the Kyrgyz Republic Adylbek Kasymaliev"
	}
	// "the Board of the Astana International Financial Centre": a body of
	// a named organization is that organization
	if _, head := orgHeads[x.word(i)]; head && j-i > 4 && x.word(i+1) == "of" && isThe(x.word(i+2)) {
		if ij, ityp := x.orgCore(i+3, false); ij == j && ityp != "" {
			if gj, _, known := x.gazetteer(i + 3); !known || gj != j {
				x.orgStart = i + 3
				return j, ityp
			}
		}
	}
	return j, typ
}

// isOrdinal: "46th", "1st", "22nd".
func isOrdinal(w string) bool {
	n := len(w)
	if n < 3 || !isDigits(w[:n-2]) {
		return false
	}
	switch w[n-2:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// startsPlace reports whether a gazetteer country or city starts at token
// k.
func (x *extractor) startsPlace(k int) bool {
	if !x.capWord(k) {
		return false
	}
	j, h, ok := x.gazetteer(k)
	if !ok || h.form == "" || h.form == pipeline.FormDemonym {
		return false
	}
	if x.capWord(j) {
		return false // "and Caribbean States": the name goes on
	}
	switch x.g.entries[h.entry].Type {
	case pipeline.TypeCountry, pipeline.TypeCity:
		return true
	}
	return false
}

// headOfKnown reports whether the name at token i is a single head word
// and a connector before a known name: "Council of the European Union",
// "Court of Justice of ..." are bodies of their own.
func (x *extractor) headOfKnown(i int) bool {
	if _, ok := orgHeads[x.word(i)]; !ok || !x.isWordTok(i+1) {
		return false
	}
	switch x.word(i + 1) {
	case "of", "for", "on":
		return x.word(i) != "Summit" && x.word(i) != "Conference"
	}
	return false
}

// classNounRule: capitalized words followed by a lower-case class noun,
// "the Pacific Australia Labour Mobility scheme", "the M23 rebels". One
// word is enough when it is an acronym, has digits or a hyphen.
func (x *extractor) classNounRule(i int) (int, string) {
	if !x.capWord(i) || stopCaps[x.word(i)] || notActorAcronyms[x.word(i)] || (i > 0 && x.toks[i].quoted) {
		return 0, ""
	}
	if x.isWordTok(i-1) && sayVerbs[x.word(i-1)] {
		return 0, "" // "said Junya Tanase of JPMorgan Chase bank": a person, then the bank
	}
	if i == 0 {
		// a sentence start may be capitalized for its own sake, but not
		// "Al-Shabaab"
		if !isAllCaps(x.word(i)) && !(x.punct(i+1, "-") && x.adjacent(i+1) && x.adjacent(i+2) && x.capWord(i+2)) {
			return 0, ""
		}
	}
	k, words, hyph, lastConn := i, 0, false, false
	for k < len(x.toks) && k-i < 8 {
		if k > i && x.toks[k].quoted {
			return 0, ""
		}
		if x.capWord(k) {
			w := x.word(k)
			if stopCaps[w] || months[w] || titleWord(w) {
				return 0, ""
			}
			words++
			lastConn = false
			k++
			for x.punct(k, "-") && x.adjacent(k) && x.isWordTok(k+1) && x.adjacent(k+1) {
				// "Samruk-Kazyna", "Kambarata-1", not "Disney-owned"
				hyph = x.capWord(k+1) || isDigits(x.word(k+1))
				if !hyph && !x.punct(k+2, "-") {
					return 0, "" // "the US-led coalition": an adjective
				}
				k += 2
			}
			continue
		}
		if x.isWordTok(k) && x.word(k) == "of" && words > 0 && x.capWord(k+1) {
			lastConn = true
			k++
			continue
		}
		break
	}
	if lastConn || !x.isWordTok(k) || x.toks[k].quoted {
		return 0, ""
	}
	typ, ok := classNouns[x.word(k)]
	if !ok && words == 1 && inquiryClass[x.word(k)] && k == i+1 && !commonWord(x.word(i)) && !looksAdjective(x.word(i)) &&
		!x.lowerInText(x.word(i)) && !x.startsNonPerson(i) && utf8.RuneCountInString(x.word(i)) > 2 {
		return k + 1, pipeline.TypeEvent // "the Hutton inquiry", "the Butler review": named after its chair
	}
	if ok && words < 2 && roleClass[x.word(k)] {
		ok = false // "the Apple chief": too little to say it is a name
	}
	if !ok && (words >= 2 || hyph || (words == 1 && !x.startsMatch(i))) {
		// "the Samruk-Kazyna sovereign wealth fund": up to two lower-case
		// words between the name and its class noun
		for n := k + 1; n <= k+2 && x.isWordTok(n) && !x.capWord(n) && !stopLower[x.word(n-1)]; n++ {
			if typ, ok = classNouns[x.word(n)]; ok {
				break
			}
		}
	}
	if !ok {
		return 0, ""
	}
	if words < 2 {
		w := x.word(i)
		facility := facilityClass[x.word(k)] || (k+1 < len(x.toks) && x.isWordTok(k+1) && facilityClass[x.word(k+1)]) ||
			(k+2 < len(x.toks) && x.isWordTok(k+2) && facilityClass[x.word(k+2)])
		if facility && !x.lowerInText(w) && !x.startsMatch(i) && utf8.RuneCountInString(w) > 2 {
			// "the Stabroek block", "the Rogun hydropower plant", "the
			// Malabar naval exercise"
		} else if corporateClass[x.word(k)] && !x.lowerInText(w) && !x.startsMatch(i) && !genericWords[w] &&
			!notPlaces[w] && utf8.RuneCountInString(w) > 2 {
			// "the Titan corporation", "the TAV consortium"
		} else if !(isAllCaps(w) || hyph || strings.IndexFunc(w, unicode.IsDigit) >= 0) || len(w) < 2 {
			return 0, ""
		}
	}
	// a name the gazetteer knows as a whole, or a place with a plain noun
	// after it ("the Ukraine peace plan" has a lower-case word between)
	// names the gazetteer knows, alone or paired ("the Kazakhstan-United
	// Nations partnership")
	for t := i; t < k; {
		if x.punct(t, "-") || (x.isWordTok(t) && !x.capWord(t)) {
			t++
			continue
		}
		gj, h, ok := x.gazetteer(t)
		if !ok || h.form == "" {
			break
		}
		t = gj
		if t >= k {
			return 0, ""
		}
	}
	for t := i; t < k; t++ {
		if _, h, ok := x.gazetteer(t); ok && t == i && h.form == pipeline.FormDemonym {
			return 0, "" // "the Saudi-led coalition", "the Russian-backed rebels"
		}
		if x.isWordTok(t) && (genericWords[x.word(t)] || notPlaces[x.word(t)]) && words == 1 {
			return 0, ""
		}
	}
	if x.allGeneric(i, k) {
		return 0, ""
	}
	compassOnly := true
	for t := i; t < k; t++ {
		if x.capWord(t) && !compassWords[x.word(t)] {
			compassOnly = false
		}
	}
	if compassOnly {
		return 0, "" // "South-South cooperation"
	}
	return k, typ
}

// inTails may be followed by "in <country>" in a name ("European Union
// Mission in Armenia", "UN Interim Force in Lebanon").
var inTails = set("Mission", "Force", "Office", "Delegation", "Operation", "Presence", "Programme", "Centre",
	"Center", "Commission", "Committee", "Institute", "Fund")

// officeWords end the names of offices named by their city ("the OSCE
// Programme Office in Bishkek", "the UN Regional Centre in Ashgabat").
var officeWords = set("Office", "Centre", "Center", "Mission", "Delegation", "Representation")

// officeKinds before "Office" make it one of a body's offices in a city
// ("Programme Office", "Regional Office"), not a ministry ("the Taiwan
// Affairs Office in Beijing").
var officeKinds = set("Programme", "Program", "Regional", "Country", "Liaison", "Project", "Field", "Representative",
	"Sub-Regional", "Subregional", "Area")

// missionWords end the names of missions and delegations that go on with
// "to <country>".
var missionWords = set("Mission", "Delegation", "Representation")

// extendIn continues a name with "in" and a known place when the
// capitalized run ends there: "Treaty of Amity and Cooperation in
// Southeast Asia", "Code of Conduct in the South China Sea".
func (x *extractor) extendIn(i, j int) int {
	if x.isWordTok(j) && x.word(j) == "to" && (missionWords[x.word(j-1)] || (x.endsCountry(j) && missionWords[x.word(i+1)])) {
		// "the Special Monitoring Mission to Ukraine", "the EU Delegation to Georgia",
		// "the Permanent Mission of Afghanistan to the United Nations"
		s := j + 1
		if x.isWordTok(s) && isThe(x.word(s)) {
			s++
		}
		if gj, typ := x.knownWhole(s); (typ == pipeline.TypeCountry && s == j+1) || (typ == pipeline.TypeOrganization && s > j+1) {
			return gj
		}
		return j
	}
	if x.isWordTok(j) && x.word(j) == "at" && x.word(j-1) == "Office" && (isAllCaps(x.word(i)) || x.word(i) == "United") {
		if gj, typ := x.knownWhole(j + 1); typ == pipeline.TypeCity {
			return gj // "the UN Office at Geneva", "the United Nations Office at Nairobi"
		}
	}
	if !x.isWordTok(j) || x.word(j) != "in" {
		return j
	}
	if e := x.word(j - 1); e == "Embassy" || e == "Consulate" || x.word(i) == "Embassy" || x.word(i) == "Consulate" {
		// "the Embassy of the People's Republic of China in Manila", "the
		// Indian Embassy in Tokyo": a mission is named by its city
		if gj, typ := x.knownWhole(j + 1); typ == pipeline.TypeCity || (typ == pipeline.TypeCountry && x.endsCountry(j)) {
			return gj // "the Embassy of Kazakhstan in Japan"
		}
		return j
	}
	crossed := inTails[x.word(j-1)]
	for t := i + 1; t < j; t++ {
		if x.isWordTok(t) {
			switch x.word(t) {
			case "of", "on", "for":
				crossed = true
			}
		}
	}
	if !crossed || placedBodies[x.word(i)] || x.endsInKnownName(i, j) {
		return j // "a summit of the Council of Europe in Azerbaijan": the council is not "in Azerbaijan"
	}
	for t := i; t < j; t++ {
		if x.isWordTok(t) && placedBodies[x.word(t)] {
			return j // "the Noguchi Memorial Institute for Medical Research in Ghana": the institute is in Ghana
		}
	}
	s := j + 1
	if x.isWordTok(s) && x.word(s) == "the" {
		s++
	}
	if gj, typ := x.knownWhole(s); typ == pipeline.TypeRegion || typ == pipeline.TypeCountry {
		return gj
	} else if typ == pipeline.TypeCity && officeWords[x.word(j-1)] && !x.capWord(gj) && (officeKinds[x.word(j-2)] || isAllCaps(x.word(i))) {
		return gj // "the OSCE Programme Office in Dushanbe": an office is named by its city
	}
	if x.word(i) == "Project" && x.capWord(s) {
		// Japan's aid projects end in where they are: "the Project for the
		// Improvement of Water Supply in Pyanj District, Khatlon Region"
		k := s
		for k < len(x.toks) && k-s < 10 {
			if x.capWord(k) {
				k++
			} else if (x.punct(k, ",") || (x.isWordTok(k) && (x.word(k) == "and" || x.word(k) == "of")) || (x.punct(k, "-") && x.adjacent(k))) && x.capWord(k+1) {
				k++ // "in Naryn, Talas and Issyk-Kul Regions"
			} else {
				break
			}
		}
		return k
	}
	return j
}

// inQuotes reports whether token i stands inside quote marks: an odd
// number of quote boundaries since the start of the sentence.
func (x *extractor) inQuotes(i int) bool {
	return i >= 0 && i < len(x.inq) && x.inq[i]
}

// slogan reports whether the name at tokens [i, j) is a quoted slogan or a
// hypothetical: part of a longer quotation ("Strong President,
// Authoritative Parliament, Accountable Government") or a whole quoted
// name after "a" or "hypothetical" (to form a “Technological Non-Alignment
// Movement”).
func (x *extractor) slogan(i, j int) bool {
	if !x.inQuotes(i) {
		return false
	}
	k := i
	if x.isWordTok(k) && isThe(x.word(k)) {
		k++
	}
	if gj, h, ok := x.gazetteer(k); ok && h.form != "" && gj >= j {
		return false // a known name in a quoted list: "... the International Monetary Fund, the World Bank"
	}
	closes := j >= len(x.toks) || x.toks[j].quoted ||
		(x.toks[j].kind == tokPunct && (j+1 >= len(x.toks) || x.toks[j+1].quoted)) // “Global Health Strategy,”
	if !x.toks[i].quoted {
		// inside a capitalized quoted name rejected at its start: “Technological
		// Non-Alignment Movement”
		q := i - 1
		for q > 0 && !x.toks[q].quoted && (x.capWord(q) || x.punct(q, "-") || (x.isWordTok(q) && orgConnectors[x.word(q)]) ||
			(x.isWordTok(q) && x.word(q) == "to")) {
			q--
		}
		if q >= 0 && x.toks[q].quoted && x.capWord(q) && !stopCaps[x.word(q)] {
			return true
		}
	}
	if !x.toks[i].quoted || !closes {
		// a piece of a list of slogans ("Strong President, Authoritative
		// Parliament, Accountable Government"), not of a long title ("The
		// Declaration on Principles of International Law concerning ...")
		return x.punct(i-1, ",") || (x.punct(j, ",") && !closes)
	}
	for t := i - 1; t >= 0 && t >= i-2; t-- {
		if x.isWordTok(t) && hypothetical[strings.ToLower(x.word(t))] {
			if w := x.word(t); (w == "a" || w == "an") && x.isWordTok(t-1) && (x.word(t-1) == "to" || x.word(t-1) == "into") &&
				x.hasWord(i, j, "Partnership") {
				return false // "elevated to a 'Special Strategic Partnership for Peace and Prosperity'": the named level of ties
			}
			return true
		}
	}
	return false
}

// hasWord reports whether w is one of the words of tokens [i, j).
func (x *extractor) hasWord(i, j int, w string) bool {
	for t := i; t < j; t++ {
		if x.isWordTok(t) && x.word(t) == w {
			return true
		}
	}
	return false
}

// endsPlace reports whether a gazetteer country, region or city ends right
// before token k ("for Central Asia and Afghanistan").
func (x *extractor) endsPlace(k int) bool {
	for s := k - 1; s >= 0 && s >= k-4; s-- {
		if !x.isWordTok(s) {
			continue
		}
		j, h, ok := x.gazetteer(s)
		if !ok || j != k || h.form == "" {
			continue
		}
		switch x.g.entries[h.entry].Type {
		case pipeline.TypeCountry, pipeline.TypeCity, pipeline.TypeRegion:
			return true
		}
	}
	return false
}

// attributive words after a name make "a <name>" a real body ("a Ministry
// of Defence spokesman").
var attributive = set("spokesman", "spokeswoman", "spokesperson", "source", "sources", "statement", "report",
	"official", "officials", "member", "members", "delegation", "team", "study", "survey", "meeting", "session",
	"resolution", "decision", "ruling", "investigation", "inquiry", "review", "vote", "document", "summit")

// indefinite reports whether a name found by form stands after "a"/"an"
// and is therefore a kind or a hypothetical, not a body: "a Haitian
// Stability Corps could fill the gap".
func (x *extractor) indefinite(i, j int) bool {
	p := i - 1
	if !x.isWordTok(p) || (x.word(p) != "a" && x.word(p) != "an") {
		return false
	}
	if x.isWordTok(p-1) && x.word(p-1) == "of" {
		return false // "the establishment of a UN AI Office would be welcome": a proposal
	}
	if x.isWordTok(j) && attributive[x.word(j)] {
		return false
	}
	// only a hypothetical: "a X could ...", not "to establish an
	// International Agency for Biological Safety", which is a proposal
	k := j
	if x.punct(k, ",") {
		k++
	}
	return x.isWordTok(k) && modals[x.word(k)]
}

var modals = set("could", "would", "might", "may")

// titleSmallWords stay in lower case in a title-case headline ("Can Japan
// Turn Goodwill into Influence in the Pacific").
var titleSmallWords = set("into", "onto", "upon", "than", "amid")

// titleCased reports whether the sentence is a title-case headline: no
// full stop at the end, at least four words of four letters or more,
// nearly all capitalized
// ("Kenya's Ruto Defends Haiti Mission As Funding Dries Up").
func (x *extractor) titleCased() bool {
	n := len(x.toks)
	if n == 0 || x.punct(n-1, "!") || (x.punct(n-1, "?") && !x.inFirstParagraph()) {
		return false // but a question can be the title: "Can the Trilateral Outlast the Next Storm?"
	}
	if x.punct(n-1, ",") || x.punct(n-1, ";") {
		return false // a line of a salutation: "Madam Cristina Duarte, Under-Secretary-General and Special Adviser on Africa,"
	}
	stop := x.punct(n-1, ".") // headlines have no full stop, but for "Now Comes the Hard Part."
	if x.byline() {
		return false
	}
	if x.punct(0, "-") || x.punct(0, "•") || x.punct(0, "*") || x.punct(0, "–") {
		return false // an item of a list: "- Thomas de Waal, Senior Fellow, Carnegie Europe"
	}
	commas, first := 0, -1
	for k := range x.toks {
		if x.punct(k, ";") {
			return false // headlines have no semicolons; lists of dignitaries do
		}
		if x.punct(k, ",") {
			commas++
			if first < 0 {
				first = k
			}
		}
	}
	if commas >= 2 && !isAllCaps(x.word(0)) && first <= 5 && (x.startsTitle(0) || personStart(x.word(0)) || x.nameBefore(first)) {
		return false // a name with its roles: "Dr Laurence Broers, Associate Fellow, Chatham House"
	}
	if commas >= 1 && first <= 8 && !isAllCaps(x.word(0)) && (x.startsTitle(0) || x.punct(1, ":") && x.startsTitle(2) ||
		first >= 2 && first <= 4 && x.startsTitle(first+1) && x.nameBefore(first)) {
		return false // "Senator the Hon Penny Wong, Minister for Foreign Affairs", "Enquiries: Mr Chrispin Phiri, Spokesperson", "Baiba Braže, Minister of Foreign Affairs of Latvia"
	}
	long, caps := 0, 0
	for k := range x.toks {
		if x.toks[k].kind != tokWord || utf8.RuneCountInString(x.word(k)) < 4 || (x.punct(k-1, "-") && x.adjacent(k)) ||
			titleSmallWords[x.word(k)] {
			continue // "Jae-myung" in "Lee Jae-myung's Japan Pragmatism Faces Its Real Test"
		}
		long++
		if x.capWord(k) {
			caps++
		}
	}
	if stop {
		// only in the first paragraph, the title: "Now Comes the Hard Part."
		return long >= 3 && caps == long && n <= 12 && x.inFirstParagraph() && !x.sayVerbIn()
	}
	return long >= 4 && caps*10 >= long*9 && !x.sayVerbIn()
}

// sayVerbIn reports whether the sentence has a verb of speech in lower
// case, which no title-cased headline has ("COP29 President Mukhtar
// Babayev, Minister of ..., said:").
func (x *extractor) sayVerbIn() bool {
	for k := range x.toks {
		if x.isWordTok(k) && !x.capWord(k) && sayVerbs[x.word(k)] {
			return true
		}
	}
	return false
}

// byline reports a byline or delivery line, whose capitals are names, not
// headline style: "By Priya Raman, Senior Fellow, Lowy Institute",
// "Delivered by Ambassador X to the OSCE Permanent Council, Vienna".
func (x *extractor) byline() bool {
	if !x.isWordTok(0) || !x.isWordTok(1) {
		return false
	}
	if x.word(0) == "By" {
		return x.capWord(1)
	}
	c := 2
	if x.isWordTok(c) && isThe(x.word(c)) {
		c++ // "Statement by the Honourable Feleti Teo, Prime Minister of Tuvalu"
	}
	return x.word(1) == "by" && bylineVerbs[x.word(0)] && x.isWordTok(c) && x.capWord(c)
}

var bylineVerbs = set("Delivered", "Presented", "Written", "Remarks", "Statement", "Speech", "Address")

// notActorAcronyms are capitalized abbreviations that name no actor.
var notActorAcronyms = set(
	// credit ratings
	"AAA", "AA", "BBB", "BB", "CCC", "CC", "Baa1", "Baa2", "Baa3", "Ba1", "Ba2", "Ba3",
	// English words set in capitals to open an article or a column ("HOW is
	// it that ...", "AS Opposition Leader ...")
	"HOW", "WHY", "WHAT", "WHEN", "WHERE", "WHILE", "THE", "AND", "BUT", "FOR", "ITS", "WAS", "ARE", "THIS",
	"THAT", "THESE", "THOSE", "THEY", "THERE", "YOU", "SHE", "HIS", "HER", "OUR", "NOT", "ALL", "ONE", "NOW",
	"YET", "AFTER", "BEFORE", "SINCE", "WITH", "FROM", "INTO", "OVER", "JUST", "LAST", "EVERY", "SOME", "MANY",
	"MOST", "FEW", "ONCE", "EVEN", "ONLY", "MORE", "LESS", "THEN", "THAN", "ALMOST", "NEARLY",
	"COP", "AWOL", "GDP", "GNP", "GNI", "CEO", "CEOs", "CFO", "COO", "CTO", "VAT", "IPO", "FDI", "ODA",
	// honours after a name ("President Bola Ahmed Tinubu, GCFR")
	"GCFR", "GCON", "OON", "OFR", "CFR", "CON", "MON", "OBE", "CBE", "MBE", "KBE", "GBE", "KCMG", "GCMG", "CMG",
	"MW", "GW", "KW", "TW", "MWh", "GWh", "TWh", "BCM", "SAR", "LLC", "PLC", "JSC",
	"QC", "KC", "FRS", "PhD", "DPhil", "MBA", "LLB", "LLM",
	"NGO", "NGOs", "PPP", "CPI", "SUV", "SUVs", "EV", "EVs", "ICT", "IoT", "AI", "IT", "TV", "PC", "PCs", "DVD",
	"DVDs", "CD", "CDs", "SMS", "PIN", "ATM", "ATMs", "HIV", "AIDS", "DNA", "MP", "MPs", "MEP", "MEPs", "PM",
	"OK", "FM", "AM", "USD", "EUR", "GBP", "JPY", "CNY", "RUB", "GMT", "UTC", "BST", "EST", "PST", "CET", "LNG",
	"LPG", "GHz", "MHz", "MB", "GB", "TB", "KB", "KM", "HQ", "UAV", "UAVs", "WMD", "WMDs", "ICBM", "ICBMs",
	"SLBM", "IED", "IEDs", "POW", "POWs", "IDP", "IDPs", "PhD", "MBA", "BBC", "CNN", "USB", "PDF", "URL", "HTML",
	"API", "APIs", "GPS", "SIM", "LED", "LCD", "RSS", "VoIP", "PR", "HR", "QC", "KC", "QC", "ID", "IDs", "FAQ",
	"ASAP", "RIP", "COVID", "SARS", "MERS", "CO2", "CO", "NOx", "GHG", "GHGs", "MW", "GW", "KW", "KWh", "MWh",
	"GWh", "TWh", "BC", "AD", "CE", "BCE", "OPEC", "III", "II", "IV", "VI", "VII", "VIII", "IX", "XI", "XII",
	"XX", "XXI", "XXV", "UK", "US", "USA", "EU", "UN", "SDG", "SDGs", "NB", "PS", "ET", "AP", "AFP", "UPI",
	"MoU", "MOU", "MoUs", "MOUs", "FTA", "FTAs", "BIT", "BITs", "R&D", "PLC", "LLC", "LTD", "INC", "CO2e",
	"NATO", "BRICS", "COVID19", "H1N1", "H5N1", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "FY", "YoY", "ESG", "SME", "SMEs", "KPI", "KPIs",
	"EAM", "MoS", "LLP", "PJSC", "OJSC", "CJSC")

// acronymRule takes an unknown acronym in running text for an
// organization ("CARICOM leaders", "BIMSTEC partners", "the M23"): three
// to eight capitals, or a capital and digits, in a sentence that is not in
// capitals.
func (x *extractor) acronymRule(i int) bool {
	w := x.word(i)
	if len(w) == 2 && x.capWord(i) && isDigits(w[1:]) && x.isWordTok(i-1) && x.word(i-1) == "the" {
		return true // "the E3"
	}
	if len(w) < 3 || len(w) > 8 || !x.capWord(i) || !looksAcronym(w) {
		return false
	}
	n := utf8.RuneCountInString(w)
	if n < 3 || n > 8 || notActorAcronyms[w] || postNominals[w] || strings.HasSuffix(w, "s") {
		return false
	}
	if x.punct(i-1, "-") && x.adjacent(i) || x.punct(i+1, "-") && x.adjacent(i+1) {
		return false // "COVID-19", "F-16"
	}
	if x.punct(i-1, "/") && x.adjacent(i) || x.punct(i+1, "/") && x.adjacent(i+1) || x.punct(i+1, ".") && x.adjacent(i+1) && x.isWordTok(i+2) && x.adjacent(i+2) {
		return false // a reference code: "PSC/HoSG/COMM.1156 (2023)"
	}
	if isRoman(w) || x.punct(i-1, "(") {
		return false // "(LAWS)" after a lower-case expansion
	}
	if x.punct(i+1, ":") && commonWord(w) && (i == 0 || x.toks[i].nl) {
		return false // a speaker in a transcript: "QUESTION: ...", "MODERATOR: ..."
	}
	if x.capWord(i+1) && !stopCaps[x.word(i+1)] && x.toks[i+1].space {
		return false // "ABN Amro", "BRP Suluan": part of a longer name
	}
	if x.isWordTok(i+1) && !x.capWord(i+1) {
		nx := x.word(i + 1)
		if !acronymCues[nx] && !sayVerbs[nx] {
			return false // "the MDB evolution": a kind of thing, not a body
		}
	}
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 1 || (letters < 3 && letters == n) {
		return false
	}
	// the sentence must have lower-case words: not a heading in capitals
	lower := 0
	for k := range x.toks {
		if x.isWordTok(k) && unicode.IsLower(firstRune(x.word(k))) {
			lower++
		}
	}
	return lower >= 3
}

func isRoman(w string) bool {
	for _, r := range w {
		if !strings.ContainsRune("IVXLCDM", r) {
			return false
		}
	}
	return true
}

// acronymCues after an unknown acronym say it names a body ("CARICOM
// leaders").
var acronymCues = set("leaders", "leader", "members", "member", "partners", "partner", "states", "countries",
	"nations", "summit", "summits", "secretariat", "chair", "chairman", "chairmanship", "presidency", "officials",
	"official", "forces", "fighters", "troops", "militants", "rebels", "mission", "ministers", "minister",
	"delegation", "delegates", "spokesman", "spokeswoman", "spokesperson", "representatives", "representative",
	"chief", "head", "envoy", "envoys", "secretary-general", "commander", "commanders", "framework", "initiative",
	"has", "have", "had", "is", "are", "was", "were", "will", "would", "should", "can", "could", "may", "must",
	"and", "or", "to", "in", "on", "for", "with", "at", "by", "from", "as", "group", "movement", "party",
	"member-states", "bloc", "agreement", "treaty", "meeting", "meetings", "ministerial", "council", "agency",
	"authorities", "government", "administration", "lawmakers", "lawmaker", "legislators", "candidate",
	"candidates", "politicians", "supporters", "voters")

// possInside are words whose possessive stands inside names ("People's
// Liberation Army", "Children's Fund", "Workers' Party").
var possInside = set("People", "Children", "Women", "Men", "Workers", "Veterans", "Farmers", "Citizens",
	"Nations", "Peoples", "Employers", "Teachers", "Youth", "Students")

func isTail(w string) bool {
	_, ok := tailType(w)
	return ok
}

// startsPlaceOrRegion reports whether a gazetteer country, region or city
// starts at token k.
func (x *extractor) startsPlaceOrRegion(k int) bool {
	_, h, ok := x.gazetteer(k)
	if !ok || h.form == "" || h.form == pipeline.FormDemonym {
		return false
	}
	switch x.g.entries[h.entry].Type {
	case pipeline.TypeCountry, pipeline.TypeCity, pipeline.TypeRegion:
		return true
	}
	return false
}

// roleClass are class nouns naming a person's role in an organization;
// they need a name of two words or more before them ("the former Credit
// Suisse chief executive").
// inquiryClass nouns after a surname name an inquiry by its chair ("the
// Hutton inquiry", "the Lyons review").
var inquiryClass = set("inquiry", "review", "report", "inquest")

var roleClass = set("chief", "boss", "chairman", "executive", "founder", "shareholders", "subsidiary")

// endsCountry reports whether a gazetteer country name ends right before
// token k.
func (x *extractor) endsCountry(k int) bool {
	for s := k - 1; s >= 0 && s >= k-4; s-- {
		if !x.isWordTok(s) {
			continue
		}
		if j, h, ok := x.gazetteer(s); ok && j == k && h.form != "" && h.form != pipeline.FormDemonym &&
			x.g.entries[h.entry].Type == pipeline.TypeCountry {
			return true
		}
	}
	return false
}

// stormWords before a capitalized name make it a named storm (an event).
var stormWords = set("Cyclone", "Typhoon", "Hurricane")

// orgNouns in lower case before a capitalized name make it an
// organization ("US bank Wells Fargo", "insurance broker Marsh &
// McLennan").
var orgNouns = set("bank", "group", "firm", "company", "broker", "carrier", "airline", "giant", "retailer",
	"newspaper", "agency", "regulator", "insurer", "lender", "party", "conglomerate", "manufacturer", "maker",
	"operator", "producer", "supermarket", "chain", "watchdog", "charity", "newspapers", "broadcaster", "channel",
	"daily", "tabloid", "magazine", "think-tank", "militia", "movement", "outfit", "consultancy", "fund",
	"investor", "exchange", "miner", "utility", "developer", "publisher", "studio", "label", "network", "rival",
	"subsidiary", "union", "coalition", "alliance", "faction", "organisation", "organization", "builder",
	"trader", "shipbuilder", "carmaker", "contractor")

// nounOrg finds an organization named after a lower-case organization noun
// at token i ("UK banking group Barclays"). It returns the end, or 0.
func (x *extractor) nounOrg(i int) int {
	if !x.capWord(i) || !x.isWordTok(i-1) || stopCaps[x.word(i)] {
		return 0
	}
	if n := x.word(i - 1); !orgNouns[n] && !(orgNouns[strings.ToLower(n)] && x.sentenceStart(i-1)) {
		return 0 // "oil firm Yukos"; "Miner Highland Gold said" at a sentence start
	}
	k := x.listOrgEnd(i)
	if k <= i || k-i > 6 || (k < len(x.toks) && x.capWord(k)) {
		return 0
	}
	for t := i; t < k; t++ {
		if !x.isWordTok(t) {
			continue
		}
		w := x.word(t)
		if titleWord(w) || months[w] || notPlaces[w] || genericWords[w] && k-i == 1 {
			return 0
		}
		if _, ok := titleTrie.child(0, x.text, x.toks[t]); ok {
			return 0 // "the party Leader"
		}
	}
	if k == i+1 && x.lowerInText(x.word(i)) {
		return 0
	}
	return k
}

// forces after a country's demonym name its armed service ("the Indian
// Navy").
var forces = set("Navy", "Army", "Guard", "Corps", "Marines")

// facilityClass are class nouns of places and installations; one word
// before them is enough.
var facilityClass = set("exercise", "exercises", "operation", "plant", "dam", "canal", "reservoir", "pipeline",
	"block", "field", "mine", "refinery", "terminal", "cosmodrome", "airbase", "base")

// corporateClass nouns right after one capitalized word make it a
// company's name ("the Titan corporation").
var corporateClass = set("company", "corporation", "consortium", "conglomerate", "bank", "airline", "carmaker",
	"hotels", "brewer", "insurer", "retailer")

// companyEnds end a company's name ("Kenya Airways", "Lotte Chemical").
var companyEnds = set("Airways", "Airlines", "Aerospace", "Chemical", "Chemicals", "Motors", "Electric", "Electronics",
	"Steel", "Petroleum", "Holdings", "Industries", "Pharmaceuticals", "Telecom", "Shipbuilding", "Shipbuilders", "Logistics")

// companyBefore reports whether the capitalized words of tokens [i, a)
// before an "and" are a company's name: they end in a company word
// ("Kenya Airways") or are one unknown acronym ("CJ").
func (x *extractor) companyBefore(i, a int) bool {
	if a == i+1 && isAllCaps(x.word(i)) && len(x.word(i)) <= 4 && !x.matchAt(i) {
		return true
	}
	if w := x.word(i); a == i+1 && len(w) > 5 && strings.HasSuffix(w, "bank") && !x.matchAt(i) {
		return true // "Hamkorbank and Ipoteka Bank"
	}
	for k := i; k < a; k++ {
		if !x.capWord(k) {
			return false
		}
	}
	return companyEnds[x.word(a-1)]
}

// camelCase reports whether w has a capital after a lower-case letter
// ("ExxonMobil", "BlackRock"), the mark of a brand or company name.
func camelCase(w string) bool {
	lower := false
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) && lower {
			return true
		}
		lower = unicode.IsLower(r)
	}
	return false
}

// appositiveOrg: capitalized words followed by ", the <class noun>" name
// that kind of body ("Alliance Fleuve Congo, the political coalition",
// "Los Chapitos, the faction of ...").
func (x *extractor) appositiveOrg(i int) (int, string) {
	if stopCaps[x.word(i)] && !foreignArticles[x.word(i)] {
		return 0, ""
	}
	k := i
	for k < len(x.toks) && (x.capWord(k) || (k > i && x.isWordTok(k) && isDigits(x.word(k)))) && k-i < 4 {
		k++ // "Srpska Lista", "Mission 300"
	}
	if k-i < 2 || !x.punct(k, ",") || !x.isWordTok(k+1) || !isThe(x.word(k+1)) {
		return 0, ""
	}
	if gj, _, ok := x.gazetteer(i); ok && gj >= k {
		return 0, ""
	}
	for t := k + 2; t < len(x.toks) && t <= k+5; t++ {
		if !x.isWordTok(t) || x.capWord(t) {
			return 0, ""
		}
		if typ, ok := classNouns[x.word(t)]; ok && typ == pipeline.TypeOrganization && !roleClass[x.word(t)] {
			return k, typ
		}
	}
	return 0, ""
}

// foreignArticles may start a name though they are capitalized function
// words in English lists ("Los Chapitos").
var foreignArticles = set("Los", "Las", "El", "La", "Le", "Les", "Al")

// placedBodies are institutions that stand somewhere: "in <country>" after
// their name says where, it is not part of the name.
var placedBodies = set("Institute", "University", "Centre", "Center", "Hospital", "School", "College", "Academy",
	"Museum", "Library", "Laboratory", "Observatory", "Embassy", "Consulate")

// governmentOf returns the start of the country in "(Federal|National...)
// Government of (the) <country>" at tokens [i, j), or 0: a government
// named for its country is that country, as "the UK Government" is.
func (x *extractor) governmentOf(i, j int) int {
	k := i
	for k < j && (x.word(k) == "Federal" || x.word(k) == "National" || x.word(k) == "Royal" || x.word(k) == "Transitional" ||
		x.word(k) == "Interim" || x.word(k) == "Provisional") {
		k++
	}
	if k+1 >= j || x.word(k) != "Government" || x.word(k+1) != "of" {
		return 0
	}
	c := k + 2
	if c < j && isThe(x.word(c)) {
		c++
	}
	if gj, h, ok := x.gazetteer(c); ok && gj == j && h.form != "" && h.form != pipeline.FormDemonym &&
		x.g.entries[h.entry].Type == pipeline.TypeCountry {
		return c
	}
	return 0
}

// formalWords after a country's demonym start the formal name of a state
// body ("Haitian National Police", "Sudanese Armed Forces").
var formalWords = set("National", "Armed", "Federal", "Supreme", "Central", "Royal", "Republican", "Revolutionary")

// shipPrefixes name a navy or coast guard vessel with the words after
// them ("BRP Sierra Madre", "USS Gerald R. Ford", "HMS Prince of Wales").
var shipPrefixes = set("BRP", "USS", "USNS", "HMS", "HMAS", "HMCS", "HMNZS", "INS", "JS", "ROKS", "TCG", "RFS",
	"MV", "MT", "SS")

// shipRule returns the end of a ship's name at token i, or 0.
func (x *extractor) shipRule(i int) int {
	if !shipPrefixes[x.word(i)] || !x.capWord(i+1) || !x.toks[i+1].space {
		return 0
	}
	k := i + 1
	for k < len(x.toks) && k-i <= 4 && (x.capWord(k) || (x.isWordTok(k) && x.word(k) == "of" && x.capWord(k+1))) &&
		!stopCaps[x.word(k)] {
		k++
		if x.punct(k, ".") && x.adjacent(k) && utf8.RuneCountInString(x.word(k-1)) == 1 {
			k++ // "Gerald R. Ford"
		}
	}
	return k
}

// placeNamed finds a company, body or place whose name starts with a
// country's name at token i ("China Life", "Japan Tobacco", "US Army"), or
// with a region's or city's before a head word ("Pacific Islands Forum",
// "Kabul International Airport"): the place, matched up to gj, followed by
// the words nameAfter takes, which a country's own organs are not ("UK
// Government" is the country). It returns the end, or 0.
func (x *extractor) placeNamed(i, gj int, h hit) int {
	typ := x.g.entries[h.entry].Type
	if (typ != pipeline.TypeCountry && typ != pipeline.TypeRegion && typ != pipeline.TypeCity) ||
		h.form == pipeline.FormDemonym || h.form == "" || !x.capWord(gj) || (x.matchAt(gj) && !x.knownInside(gj)) || personStart(x.word(gj)) ||
		x.officeBefore(gj) {
		return 0 // "Minister of Finance of the Kyrgyz Republic Almaz Baketaev": the holder
	}
	if p := i - 1; x.isWordTok(p) && (x.word(p) == "of" ||
		((isThe(x.word(p)) || fallbackConnectors[x.word(p)] || x.word(p) == "to" || x.word(p) == "and") && x.capWord(p-1) && !stopCaps[x.word(p-1)])) {
		return 0 // "President of Viet Nam Luong Cuong", "the Plan to End the Gaza Conflict"
	}
	k, headed, _ := x.nameAfter(i, gj)
	if (typ == pipeline.TypeRegion || typ == pipeline.TypeCity) && !headed {
		return 0 // a region or city names a body or a place only with its head word
	}
	return k
}

// companyNamed finds a company whose name starts with a known company's
// at token i ("Toyota Tsusho", "Siemens Energy", "Mitsubishi Tokyo"): the
// company, matched up to gj, followed by the words nameAfter takes, which
// corporate words alone are not ("Sony Corp" is Sony). It returns the end,
// or 0.
func (x *extractor) companyNamed(i, gj int, h hit) int {
	if !x.g.entries[h.entry].Company || (h.form != pipeline.FormName && h.form != pipeline.FormAlias) || !x.capWord(gj) ||
		(x.matchAt(gj) && !x.cityAt(gj) && !x.knownInside(gj)) || givenNames[x.word(gj)] {
		return 0
	}
	k, _, corporate := x.nameAfter(i, gj)
	if corporate {
		return 0
	}
	if k > gj && x.productAfter(gj, k) {
		return 0 // "the Ford Five Hundred", "the Toyota Prius Hybrid": the company and its product
	}
	return k
}

// writtenNumbers are numbers in product names ("Ford Five Hundred").
var writtenNumbers = set("One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Hundred", "Thousand")

// productAfter reports whether the capitalized words [gj, k) after a known
// company name one of its products: a model code, written numbers or a
// product word.
func (x *extractor) productAfter(gj, k int) bool {
	for t := gj; t < k; t++ {
		if w := x.word(t); x.isWordTok(t) && (modelCode(w) || writtenNumbers[w] || productCaps[w]) {
			return true
		}
	}
	return false
}

// nameAfter returns the end of the capitalized words from token gj, on the
// line of the known name that starts at i, when they continue that name:
// words no list knows, that start no title and that are more than generic
// words; 0 when they do not. headed tells whether the last word is a place's
// or body's head word; corporate, whether all the words are corporate ones
// ("Corp", "Group").
func (x *extractor) nameAfter(i, gj int) (k int, headed, corporate bool) {
	if !x.capWord(gj) || x.toks[gj].nl || !x.toks[gj].space || x.toks[gj].quoted || x.startsTitle(gj) ||
		(i > 0 && x.capWord(i-1) && !stopCaps[x.word(i-1)]) || x.isDash(i-1) || x.punct(i-1, "/") {
		return 0, false, false // "Japan-Philippines"
	}
	k = x.trimConnectors(gj, x.fallbackEnd(gj))
	for t := gj + 1; t < k; t++ {
		if headWord(x.word(t-1)) && !x.capWord(t) {
			k = t // "the Istanbul Congress Center on Monday"
			break
		}
	}
	if k <= gj || k-gj > 4 {
		return 0, false, false
	}
	headed = headWord(x.word(k - 1))
	generic, corporate := true, true
	for t := gj; t < k; t++ {
		if !corporateWords[x.word(t)] {
			corporate = false
		}
		if !x.capWord(t) {
			continue
		}
		w := x.word(t)
		if titleWord(w) || weakTitles[w] || isTitlePart(w) || stopCaps[w] || months[w] || (looksAdjective(w) && !headed) ||
			isAllCaps(w) || x.toks[t].quoted || strings.ContainsAny(w, "0123456789") || (x.isDash(t+1) && x.adjacent(t+1)) {
			return 0, false, false // but "Baku Olympic Stadium": an adjective inside a headed name
		}
		if !genericWords[w] && !nameStop[w] && !stateWords[w] {
			generic = false
		}
	}
	if first := x.word(gj); strings.HasSuffix(first, "ing") && commonWord(first) {
		return 0, false, false // "the Agreement between Japan and the Philippines Concerning ..."
	}
	if plural := x.text[x.toks[i].start:x.toks[k-1].end]; strings.HasSuffix(plural, "s") && x.knownName(plural[:len(plural)-1]) {
		return 0, false, false // "the Ukraine Recovery Conferences": a known name in the plural
	}
	if generic || (k < len(x.toks) && x.toks[k].kind == tokPoss && k == gj+1 && commonWord(x.word(gj))) {
		return 0, false, false // "the UK Government", "Japan Sunday's ..."
	}
	return k, headed, corporate
}

// headWord reports words that end the name of a body, framework, event,
// place or building ("Forum", "Agreement", "Airport", "Cathedral").
func headWord(w string) bool {
	_, tail := tailType(w)
	return tail || regionWords[w] || placeWords[w]
}

// knownInside reports whether the known name at token k is followed on the
// same line by capitalized words that end in a head word, so that it is a
// word inside a longer name ("Istanbul Congress Center").
func (x *extractor) knownInside(k int) bool {
	j, _, ok := x.gazetteer(k)
	if !ok {
		return false
	}
	for ; x.capWord(j) && !x.toks[j].nl && j-k < 4; j++ {
		if headWord(x.word(j)) && !x.capWord(j+1) {
			return true
		}
	}
	return false
}

// cityAt reports whether a known city's name, and nothing longer, starts
// at token k ("Mitsubishi Tokyo" is a bank, not Mitsubishi in Tokyo).
func (x *extractor) cityAt(k int) bool {
	j, h, ok := x.gazetteer(k)
	return ok && j == k+1 && x.g.entries[h.entry].Type == pipeline.TypeCity && !x.capWord(j)
}

// stateWords name the organs of any state; after a country's name they
// are the country itself ("the UK Parliament" is in the gazetteer when it
// is more).
var stateWords = set("Parliament", "Cabinet", "Embassy", "Presidency", "Authorities", "Mission", "Delegation",
	"Administration", "Establishment", "Constitution", "Budget", "Treasury")

// knownName reports whether name is a gazetteer name or stands in the
// document's text, not followed by a letter.
func (x *extractor) knownName(name string) bool {
	if _, ok := x.g.byName(name); ok {
		return true
	}
	for rest := x.text; ; {
		p := strings.Index(rest, name)
		if p < 0 {
			return false
		}
		rest = rest[p+len(name):]
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsLetter(r) {
			return true
		}
	}
}

// royalNamed finds a body named after a sovereign at token i ("the Queen's
// Lancashire Regiment", "King's College London"): "Queen's" or "King's"
// before capitalized words that end like a body's name. It returns the
// end, or 0.
func (x *extractor) royalNamed(i int) int {
	if w := x.word(i); (w != "Queen" && w != "King") || i+2 >= len(x.toks) || x.toks[i+1].kind != tokPoss || !x.capWord(i+2) {
		return 0
	}
	k := x.trimConnectors(i+2, x.fallbackEnd(i+2))
	if k <= i+2 {
		return 0
	}
	last := x.word(k - 1)
	if k < len(x.toks) && x.capWord(k) && placedBodies[last] {
		k++ // "King's College London"
	}
	if _, tail := tailType(last); !tail && !placedBodies[last] {
		return 0
	}
	return k
}

// inFirstParagraph reports whether the sentence is in the document's first
// paragraph, where its title stands.
func (x *extractor) inFirstParagraph() bool {
	return x.sent != nil && strings.HasPrefix(x.sent.SentID, "p1s")
}

// employerRoles before "at", "with" or "from" make the capitalized name
// after them the person's employer ("an analyst at Renaissance Capital",
// "a Singapore-based analyst with Purvin and Gertz").
var employerRoles = set("analyst", "analysts", "economist", "economists", "strategist", "strategists", "researcher",
	"researchers", "fellow", "professor", "lecturer", "partner", "consultant", "consultants", "trader", "traders",
	"dealer", "dealers", "expert", "experts", "adviser", "advisor")

// employerOrg finds the employer named after a role and "at"/"with"/"from"
// at token i. It returns the end of the name, or 0.
func (x *extractor) employerOrg(i int) int {
	if !x.capWord(i) || stopCaps[x.word(i)] || !x.isWordTok(i-1) {
		return 0
	}
	if x.word(i-1) == "of" && x.personEndsAt(i-1) {
		if k := x.employerEnd(i); k > i+1 && x.andInside(i, k) {
			return k // "Emmanuel Gaillard of Shearman and Sterling"
		}
		return 0
	}
	if !x.isWordTok(i-2) || !employerRoles[x.word(i-2)] {
		return 0
	}
	switch x.word(i - 1) {
	case "at", "with", "from":
	default:
		return 0
	}
	return x.employerEnd(i)
}

// employerEnd returns the end of an employer's name starting at token i
// (capitalized words, "and" or "&" between them), or 0 when the words are
// a common word or hold a known name.
func (x *extractor) employerEnd(i int) int {
	k := i
	for k < len(x.toks) && k-i < 6 {
		if x.capWord(k) && !stopCaps[x.word(k)] && !months[x.word(k)] {
			k++
		} else if (x.isWordTok(k) && x.word(k) == "and" || x.punct(k, "&")) && x.capWord(k+1) && k > i {
			k++ // "Purvin and Gertz", "Standard & Poor's"
		} else {
			break
		}
	}
	if k == i || x.matchAt(i) || x.startsTitle(i) || (k == i+1 && (commonWord(x.word(i)) || x.lowerInText(x.word(i)))) {
		return 0
	}
	for t := i; t < k; t++ {
		if _, _, ok := x.gazetteer(t); ok {
			return 0 // a known name inside: the rules that know it decide
		}
	}
	return k
}

// andInside reports whether "and" or "&" joins the words of [i, k), the
// mark of a partnership's name.
func (x *extractor) andInside(i, k int) bool {
	for t := i + 1; t < k; t++ {
		if (x.isWordTok(t) && x.word(t) == "and") || x.punct(t, "&") {
			return true
		}
	}
	return false
}

// boardOf returns the token after "Board of (the)" at token i ("the Board of
// Directors of the Asian Infrastructure Investment Bank"), or 0.
func (x *extractor) boardOf(i int) int {
	if !x.isWordTok(i) || (x.word(i) != "Board" && x.word(i) != "Boards") {
		return 0
	}
	k := i + 1
	if x.isWordTok(k) && x.word(k) == "of" && x.isWordTok(k+1) && (x.word(k+1) == "Directors" || x.word(k+1) == "Governors") {
		k += 2
	}
	if !x.isWordTok(k) || x.word(k) != "of" {
		return 0
	}
	k++
	if x.isWordTok(k) && isThe(x.word(k)) {
		k++
	}
	return k
}

// nameBefore reports whether the tokens before token k are two to four
// capitalized words no known name starts: a person's name opening a line
// ("Kenta Morimoto, Research Fellow, Indo-Pacific Programme").
func (x *extractor) nameBefore(k int) bool {
	if k < 2 || k > 4 {
		return false
	}
	proper := false
	for t := 0; t < k; t++ {
		if !x.capWord(t) || x.startsMatch(t) || stopCaps[x.word(t)] {
			return false
		}
		proper = proper || !commonWord(x.word(t))
	}
	return proper // "Amid Famine, Siege of El Fasher, ..." is a headline
}

// industryEnds end a company's name after a proper name ("Barrick Gold",
// "First Quantum Minerals", "Mopani Copper Mines").
var industryEnds = set("Minerals", "Mining", "Mines", "Metals", "Gold", "Resources", "Petroleum", "Steel", "Airways",
	"Airlines", "Motors", "Holdings", "Industries", "Chemicals", "Pharmaceuticals", "Telecom", "Electric",
	"Electronics", "Logistics", "Shipping", "Shipbuilding", "Aerospace", "Semiconductor", "Semiconductors", "Foods", "Seafood",
	"Beverages", "Breweries", "Brewery", "Textiles", "Cement", "Fertilizers", "Fertilisers")

// industryCompany returns the end of a company's name at token i: two to
// four capitalized words ending in an industry word, the first no English
// word ("Barrick Gold") or after a country's possessive ("Canada's First
// Quantum Minerals"); or 0.
func (x *extractor) industryCompany(i int) int {
	afterPoss := i >= 2 && x.toks[i-1].kind == tokPoss && x.lastEnd == i-1
	if x.word(i) == "Air" && x.capWord(i+1) && !x.toks[i+1].nl {
		// "Air Deccan", "Air Sahara", "Air New Zealand", but not "Air Force"
		if j, typ := x.knownWhole(i + 1); typ == pipeline.TypeCountry || typ == pipeline.TypeRegion || typ == pipeline.TypeCity {
			return j
		}
		if w := x.word(i + 1); !commonWord(w) && !genericWords[w] && !stopCaps[w] && !x.capWord(i+2) {
			return i + 2
		}
	}
	airline := func(k int) bool { return x.word(k-1) == "Airlines" || x.word(k-1) == "Airways" }
	if !x.capWord(i) || (stopCaps[x.word(i)] && !afterPoss) || x.toks[i].quoted {
		return 0
	}
	if x.startsMatch(i) {
		// "Indian Airlines", "Kenya Airways": a country's airline
		gj, h, ok := x.gazetteer(i)
		if !ok || x.g.entries[h.entry].Type != pipeline.TypeCountry || !x.isWordTok(gj) || !airline(gj+1) || x.capWord(gj+1) {
			return 0
		}
		return gj + 1
	}
	k := i
	for k < len(x.toks) && k-i < 4 && x.capWord(k) && !x.toks[k].nl && (k == i || !x.startsMatch(k)) {
		k++
	}
	if k-i < 2 || !industryEnds[x.word(k-1)] || x.capWord(k) {
		return 0
	}
	if commonWord(x.word(i)) && !afterPoss && !airline(k) {
		return 0 // but "Jet Airways", "Kingfisher Airlines"
	}
	for t := i; t < k-1; t++ {
		if conceptHeads[x.word(t)] || genericWords[x.word(t)] && t == i && !afterPoss {
			return 0 // "Critical Minerals", "National Mining"
		}
	}
	return k
}
