package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
)

// People without a capitalized title before them: the sentence says that a
// capitalized name is a person by a role in lower case ("opposition leader
// María Corina Machado"), an appositive ("the Director General of the
// IAEA, Rafael Mariano Grossi, said"; "Tom Fletcher, the Under-Secretary-
// General"), a possessive ("Hungary's Péter Szijjártó") or a verb of
// saying ("Kalonzo Musyoka said"). The name must have two to four words.

// roleNouns are lower-case words for a person's role.
var roleNouns = set("astrophysicist", "physicist", "scientist", "astronaut", "historian", "novelist", "actor",
	"actress", "singer", "filmmaker", "entrepreneur", "investor", "banker", "comedian", "engineer",
	"leader", "leaders", "minister", "president", "envoy", "diplomat", "candidate", "spokesperson",
	"spokesman", "spokeswoman", "commander", "chief", "director", "secretary", "secretary-general", "ambassador",
	"official", "adviser", "advisor", "analyst", "economist", "chairman", "chairwoman", "chair", "premier",
	"governor", "mayor", "senator", "lawmaker", "legislator", "activist", "journalist", "general", "colonel",
	"judge", "prosecutor", "negotiator", "representative", "counterpart", "head", "founder", "ruler", "king",
	"prince", "rapporteur", "coordinator", "deputy", "commissioner", "director-general", "president-elect",
	"vice-president", "strongman", "warlord", "cleric", "imam", "rebel", "militant", "businessman",
	"businesswoman", "tycoon", "billionaire", "dissident", "opposition", "politician", "lawyer",
	"researcher", "professor", "scholar", "expert", "fellow", "emir", "sultan", "sheikh", "monarch", "queen",
	"successor", "predecessor", "speaker", "chancellor", "ex-president", "co-founder", "pm", "mp", "mep",
	"under-secretary-general", "high-commissioner", "writer", "author", "editor", "correspondent", "reporter",
	"officer", "agent", "ministers", "presidents", "chiefs", "rival", "challenger", "opponent", "ally", "critic",
	"aide", "confidant", "nominee", "appointee", "incumbent", "veteran", "figure", "manager", "sister",
	"brother", "wife", "husband", "son", "daughter", "father", "mother", "widow", "nephew", "niece", "cousin",
	"uncle", "aunt", "separatist", "insurgent", "suspect", "blogger", "priest", "monk", "campaigner",
	"oligarch", "defector", "executive", "boss", "ceo", "chairperson", "solicitor", "barrister", "attorney",
	"counsel", "advocate")

// sayVerbs after a name make it a person ("Tammy Bruce said").
var sayVerbs = set("said", "says", "told", "tells", "warned", "warns", "added", "argued", "argues", "noted",
	"notes", "stressed", "insisted", "explained", "announced", "announces", "urged", "urges", "claimed",
	"claims", "admitted", "acknowledged", "wrote", "writes", "tweeted", "posted", "replied", "responded",
	"declared", "stated", "recalled", "conceded", "confirmed", "denied", "suggested", "believes", "believed",
	"thinks", "thought", "hopes", "hoped", "wants", "wanted", "met", "visited", "phoned", "called", "thanked",
	"welcomed", "condemned", "criticised", "criticized", "praised", "accused", "vowed", "pledged", "promised",
	"resigned", "died", "spoke", "speaks", "addressed", "signed", "received", "attended", "estimates", "estimated",
	"reported", "reports", "forecasts", "predicts")

// personRule finds a person at token i from the context of the name; i
// starts no gazetteer name. It returns the end of the name, or 0, and the
// number of words.
func (x *extractor) personRule(i int) (int, int) {
	if !x.capWord(i) || stopCaps[x.word(i)] || (roleNouns[strings.ToLower(x.word(i))] && !x.arabicParticle(i+1)) || partyWords[x.word(i)] || factionAdj(x.word(i)) ||
		(orgNouns[strings.ToLower(x.word(i))] && x.sentenceStart(i)) {
		return 0, 0 // "Economist Colen Garrow said": the name starts after the role
	}
	if portfolioWords[x.word(i)] && commonWord(x.word(i)) && x.capWord(i+1) && x.capWord(i-1) && portfolioWords[x.word(i-1)] {
		return 0, 0 // "... for Terrorism and Financial Intelligence John K. Hurley": the name starts after the portfolio
	}
	k := x.nameEnd(i)
	words := 0
	for t := i; t < k; t++ {
		if x.toks[t].kind != tokWord {
			continue
		}
		w := x.word(t)
		if !x.capWord(t) {
			if nameParticles[w] || particleCamel(w) || x.syllableAfterHyphen(t) {
				continue
			}
			return 0, 0
		}
		if !(x.punct(t-1, "-") && x.adjacent(t) && t > i+1 && x.capWord(t-2)) && !(nameParticles[strings.ToLower(w)] && x.capWord(t+1)) {
			words++ // not the second half of "Al-Khulaifi", nor the "Al" of "Al Thani"
		}
		if contraction(w) {
			return 0, 0 // "I'm Jewish"
		}
		if _, tail := tailType(w); (tail && !(t == i && givenNames[w] && k > i+1)) || (placeWords[w] && !(t == i && x.syllableAfterHyphen(i+3))) || regionWords[w] || genericWords[w] || notPlaces[w] ||
			compassWords[w] || months[w] || isAllCaps(w) || isDigits(w) || nameStop[w] {
			return 0, 0
		}
	}
	if words < 2 || words > 4 {
		return 0, 0
	}
	if x.roleWords(i, k) {
		return 0, 0 // a role after a name: "Dr Laurence Broers, Associate Fellow, Chatham House"
	}
	if x.startsNonPerson(i) {
		return 0, 0
	}
	if x.isWordTok(i-1) && (x.word(i-1) == "and" || x.word(i-1) == "of" || x.word(i-1) == "&") && x.capWord(i-2) &&
		!personNouns[x.word(i-2)] && !(x.word(i-1) == "and" && x.lastWasPerson(i-1)) {
		return 0, 0 // inside a longer name: "the Health and Safety Executive said"
	}
	if k < len(x.toks) && x.capWord(k) {
		return 0, 0
	}
	if i == 1 && x.word(0) == "By" && x.byline() && (k >= len(x.toks) || x.punct(k, ",") || x.word(k) == "and") {
		return k, words // a byline: "By Nomvula Dlamini, Africa Programme"
	}
	if x.roleBefore(i) || x.possessor(i) || x.officeBefore(i) || x.partyBefore(i) || x.afterPersonAnd(i, words) || x.appositive(i, k) || x.roleAfter(k) || x.personOf(i) || x.agentBefore(i) ||
		(x.punct(k, ",") && x.isWordTok(k+1) && (x.word(k+1) == "who" || x.word(k+1) == "whose")) ||
		(k < len(x.toks) && x.toks[k].kind == tokPoss && x.isWordTok(k+1) && personNouns[x.word(k+1)]) {
		return k, words
	}
	if x.isWordTok(k) && sayVerbs[x.word(k)] && !(x.isWordTok(i-1) && isThe(x.word(i-1))) {
		return k, words
	}
	if x.isWordTok(k) && (x.word(k) == "MP" || x.word(k) == "MEP") && x.toks[k].space {
		return k, words // "Emily Thornberry MP"
	}
	if x.isWordTok(i-1) && sayVerbs[x.word(i-1)] && (x.punct(k, ",") || x.punct(k, ".") || (x.isWordTok(k) && x.word(k) == "of")) {
		return k, words // "said Paul Hofheinz of the Lisbon Council", "said Brian Brink, senior vice-president"
	}
	return 0, 0
}

// prevWord returns the lower-case word before token i, joining hyphenated
// parts ("secretary-general"), and the index where it starts.
func (x *extractor) prevWord(i int) (string, int) {
	p := i - 1
	if !x.isWordTok(p) {
		return "", -1
	}
	s := p
	for s >= 2 && x.punct(s-1, "-") && x.adjacent(s) && x.adjacent(s-1) && x.isWordTok(s-2) {
		s -= 2
	}
	return strings.ToLower(x.text[x.toks[s].start:x.toks[p].end]), s
}

// hyphenSuffixes are lower-case words that follow a name and a hyphen in
// English compounds ("Smith-led", "Moscow-based"), not a given name's
// second syllable.
var hyphenSuffixes = set("led", "based", "backed", "born", "style", "era", "owned", "run", "linked", "funded",
	"made", "controlled", "brokered", "sponsored", "supported", "dominated", "friendly", "related", "wide", "level",
	"like", "type", "class", "bound", "free", "only", "up", "out", "on", "off", "over", "down", "to", "year",
	"old", "day", "term", "time", "scale", "speaking", "leaning", "appointed", "elected", "aligned", "allied",
	"centred", "centered", "focused", "listed", "flagged", "held", "inspired", "esque", "ish", "ism", "ist",
	"ists", "ite", "ites", "proof", "bashing", "watchers", "watcher", "sceptic", "skeptic", "lite")

// syllableAfterHyphen reports a short lower-case word joined by a hyphen to
// a capitalized one, the second syllable of a given name ("Park Choon-sup",
// "Kim Jong-un", "Kang Min-jae"), but not an English compound ("Putin-led",
// "Smith-style"): a known suffix is not, nor a common word after a long or
// common first half. The person rules and the fallback share it.
func (x *extractor) syllableAfterHyphen(t int) bool {
	if t < 2 || !x.isWordTok(t) || x.capWord(t) || !x.punct(t-1, "-") || !x.adjacent(t) || !x.adjacent(t-1) || !x.capWord(t-2) {
		return false
	}
	w, first := x.word(t), x.word(t-2)
	n := utf8.RuneCountInString(w)
	return n <= 5 && !hyphenSuffixes[w] && !isDigits(w) &&
		(!commonWord(w) || (n <= 4 && utf8.RuneCountInString(first) <= 5 && !commonWord(first)))
}

// roleBefore: "opposition leader María Corina Machado", "the veteran
// diplomat Othman Hashim".
func (x *extractor) roleBefore(i int) bool {
	w, s := x.prevWord(i)
	if s < 0 || !roleNouns[w] {
		return false
	}
	return !x.capWord(s) || s == 0 || postNominals[x.word(s)] // "Opposition leader" at a sentence start; "MEP Nigel Farage"
}

// possessor: "Hungary's Péter Szijjártó", after a country or organization.
func (x *extractor) possessor(i int) bool {
	if i < 2 || x.toks[i-1].kind != tokPoss || x.lastEnd != i-1 || len(x.mentions) == 0 {
		return false
	}
	m := x.mentions[len(x.mentions)-1]
	if m.SentID != x.sent.SentID {
		return false
	}
	typ := ""
	if e, ok := x.g.Entry(m.EntityID); ok {
		typ = e.Type
	} else if e, ok := x.localEnts[m.EntityID]; ok {
		typ = e.Type
	}
	return typ == pipeline.TypeCountry || typ == pipeline.TypeOrganization
}

// appositive: ", Kaja Kallas," after a phrase with a title or a role
// ("the High Representative ..., Kaja Kallas, told").
func (x *extractor) appositive(i, k int) bool {
	if !x.punct(i-1, ",") {
		return false
	}
	if !(k >= len(x.toks) || x.punct(k, ",") || x.punct(k, ";") || x.punct(k, ".") || x.punct(k, ")") ||
		(x.isWordTok(k) && (x.word(k) == "of" || x.word(k) == "for" || sayVerbs[x.word(k)] || x.word(k) == "has" || x.word(k) == "who"))) {
		return false
	}
	for t := i - 2; t >= 0 && t >= i-30; t-- {
		if !x.isWordTok(t) {
			continue
		}
		w := x.word(t)
		if roleNouns[strings.ToLower(w)] || titleWord(w) {
			return true
		}
		if _, ok := titleTrie.child(0, x.text, x.toks[t]); ok && x.capWord(t) && !stopCaps[w] {
			return true
		}
	}
	return false
}

// roleAfter: "Tom Fletcher, the Under-Secretary-General", "Izumi
// Nakamitsu, the UN High Representative".
func (x *extractor) roleAfter(k int) bool {
	if x.isWordTok(k) && x.word(k) == "of" {
		n := k + 1
		for x.capWord(n) && n-k <= 3 {
			n++
		}
		if _, _, known := x.gazetteer(k + 1); known && n > k+1 {
			k = n // "Abbas Mahamat Tolli of Chad, a former governor"
		}
	}
	if !x.punct(k, ",") {
		return false
	}
	t := k + 1
	if x.isWordTok(t) && (isThe(x.word(t)) || x.word(t) == "a" || x.word(t) == "an") {
		t++
	}
	for n := 0; n < 4 && t < len(x.toks); n, t = n+1, t+1 {
		if x.toks[t].kind == tokPoss && t > k+1 && x.adjacent(t) {
			n-- // "Bradley T. Smith, the Treasury's acting under secretary"
			continue
		}
		if !x.isWordTok(t) {
			return false
		}
		w := x.word(t)
		if roleNouns[strings.ToLower(w)] || titleWord(w) {
			return true
		}
		if ms := titleTrie.walk(nil, x.text, x.toks, t); len(ms) > 0 && x.capWord(t) && utf8.RuneCountInString(w) > 2 {
			return true // "the Under-Secretary-General"
		}
	}
	return false
}

// personNouns before "of" make the name after it a person ("the death of
// Yevgeny Prigozhin", "the Government of Nicolás Maduro Moros").
var personNouns = set("death", "killing", "assassination", "arrest", "detention", "release", "funeral", "murder",
	"widow", "son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "successor",
	"predecessor", "supporters", "supporter", "allies", "ally", "resignation", "ouster", "overthrow",
	"government", "Government", "administration", "regime", "election", "inauguration", "visit", "trial",
	"conviction", "imprisonment", "leadership", "presidency", "premiership", "rule", "legacy")

func (x *extractor) personOf(i int) bool {
	if !x.isWordTok(i-1) || x.word(i-1) != "of" || !x.isWordTok(i-2) {
		return false
	}
	return personNouns[x.word(i-2)]
}

// agentBefore: "headed by Leonardo Santos Simão", "led by ...".
func (x *extractor) agentBefore(i int) bool {
	if !x.isWordTok(i-1) || x.word(i-1) != "by" || !x.isWordTok(i-2) {
		return false
	}
	switch x.word(i - 2) {
	case "led", "headed", "chaired", "founded", "commanded", "co-chaired", "presided", "hosted", "nominated",
		"appointed", "replaced", "succeeded", "represented", "accompanied", "joined", "signed", "interviewed":
		return true
	}
	return false
}

// contraction reports words like "I'm", "We're", "Don't".
func contraction(w string) bool {
	for _, suf := range []string{"'m", "'re", "'ve", "'ll", "'d", "n't", "’m", "’re", "’ve", "’ll", "’d", "n’t"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// partyWords before a name are the person's party, not part of the name
// ("Conservative Graham Brady said").
var partyWords = set("Conservative", "Labour", "Liberal", "Democrat", "Republican", "Tory", "Green", "Socialist",
	"Communist", "Nationalist", "Unionist", "Independent")

// lastWasPerson reports whether the last mention is a person's and ends
// right before token k ("Senators Sam Nunn and Richard Lugar").
func (x *extractor) lastWasPerson(k int) bool {
	if x.lastEnd != k || len(x.mentions) == 0 || x.mentions[len(x.mentions)-1].SentID != x.sent.SentID {
		return false
	}
	id := x.mentions[len(x.mentions)-1].EntityID
	if e, ok := x.g.Entry(id); ok {
		return e.Type == pipeline.TypePerson
	}
	return x.localEnts[id].Type == pipeline.TypePerson
}

// titleRunBefore reports whether the capitalized words before token i hold
// a title, so that a given name at i starts a person's name after it
// ("Special Presidential Envoy for Climate John Podesta").
func (x *extractor) titleRunBefore(i int) bool {
	for p := i - 1; p >= 0 && p >= i-8; p-- {
		if !x.isWordTok(p) {
			return false
		}
		w := x.word(p)
		if !x.capWord(p) {
			if w == "for" || w == "of" || w == "on" || w == "the" {
				continue
			}
			return false
		}
		if titleWord(w) || weakTitles[w] || politicalTitles[w] || w == "Envoy" || w == "Representative" || w == "Adviser" || w == "Advisor" {
			return true
		}
	}
	return false
}

// partyAdjectives name a party when they stand before a person, a role or
// a title ("Democrat John Kerry", "Conservative shadow chancellor",
// "Republican Senator Lindsey Graham").
var partyAdjectives = map[string]string{"Democrat": "democratic-party", "Democratic": "democratic-party",
	"Republican": "republican-party", "Conservative": "conservative-party", "Tory": "conservative-party"}

// partyRoles are lower-case words after a party adjective that make it the
// party ("Conservative MPs", "Democratic senator", "Republican voters").
var partyRoles = set("shadow", "mp", "mps", "mep", "meps", "peer", "peers", "candidate", "candidates", "nominee",
	"senator", "senators", "congressman", "congresswoman", "lawmaker", "lawmakers", "leader", "leadership",
	"spokesman", "spokeswoman", "spokesperson", "chairman", "party", "campaign", "politician", "politicians",
	"voters", "supporters", "backbencher", "backbenchers", "frontbencher", "frontbench", "councillor",
	"councillors", "governor", "governors", "president", "presidential", "majority", "minority", "members",
	"member", "activists", "rival", "rivals", "challenger", "administration", "government", "manifesto",
	"primary", "primaries", "convention", "minister", "ministers", "secretary", "chancellor", "mayor", "governments",
	"administrations", "leaders", "parties", "mayors")

// partyAdjective returns the party a capitalized party adjective at token i
// names, or "".
func (x *extractor) partyAdjective(i int) string {
	id := partyAdjectives[x.word(i)]
	if id == "" || !x.isWordTok(i+1) || x.toks[i+1].nl {
		return ""
	}
	if _, known := x.g.Entry(id); !known {
		return ""
	}
	next := x.word(i + 1)
	switch {
	case !x.capWord(i+1) || postNominals[next]:
		if !partyRoles[strings.ToLower(next)] {
			return ""
		}
	case x.word(i) == "Democratic":
		return "" // "Democratic Republic", "Democratic Unionist Party"
	case titleWord(next) || next == "Senator" || next == "Representative" || next == "Congressman" || next == "Congresswoman":
	case x.capWord(i+2) && !stopCaps[next] && personStart(next) && !x.startsNonPerson(i+1):
		// "Democrat John Kerry"
	default:
		return ""
	}
	return id
}

// partyBefore: a party adjective right before the name ("Democrat John
// Kerry"), or a faction's ("Blairite Alan Milburn").
func (x *extractor) partyBefore(i int) bool {
	return x.isWordTok(i-1) && ((partyAdjectives[x.word(i-1)] != "" && x.lastEnd == i) || factionAdj(x.word(i-1)))
}

// factionAdj reports a capitalized word for the followers of a leader or
// creed ("Blairite", "Brownite", "Trotskyite").
func factionAdj(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ite") && unicode.IsUpper(firstRune(w)) && !givenNames[w]
}

// afterPersonAnd: a name of two or three words after "<person> and", whose
// first word may be a given name ("Richard Belmar and Moazzam Begg").
func (x *extractor) afterPersonAnd(i, words int) bool {
	return words >= 2 && words <= 3 && x.isWordTok(i-1) && x.word(i-1) == "and" && x.personEndsAt(i-1) &&
		(personStart(x.word(i)) || !commonWord(x.word(i)))
}

// arabicParticle reports "bin", "ibn", "bint" or the article "Al" ("Al
// Jaber", "Al-Marshad", "al-Hilu") at token k: after "Sultan" or "Sheikh" it
// makes that word a given name, not a title.
func (x *extractor) arabicParticle(k int) bool {
	if !x.isWordTok(k) {
		return false
	}
	switch x.word(k) {
	case "bin", "ibn", "bint", "Bin", "Ibn":
		return true
	case "Al", "al", "Al-", "al-":
		return x.capWord(k+1) || (x.punct(k+1, "-") && x.capWord(k+2))
	}
	return false
}

// roleWords reports whether the capitalized words of tokens [i, k) are all
// words of roles and concepts ("Associate Fellow", "Relief Coordinator"):
// no person's name.
func (x *extractor) roleWords(i, k int) bool {
	for t := i; t < k; t++ {
		if x.capWord(t) && !conceptHeads[x.word(t)] {
			return false
		}
	}
	return true
}

// capRunEnd returns the end of the capitalized words from token j (at most
// six).
func (x *extractor) capRunEnd(j int) int {
	k := j
	for k < len(x.toks) && k-j < 6 && x.capWord(k) && !x.toks[k].nl {
		k++
	}
	return k
}

// nameGoesOn reports whether token j goes on with a personal name after a
// person's short form: a capitalized word that starts no known name and is
// no title, tail or concept ("Mohamed Hassan Alsuwaidi" after "Mohamed bin
// Zayed" is another man).
func (x *extractor) nameGoesOn(j int) bool {
	if !x.capWord(j) || x.toks[j].nl {
		return false
	}
	if _, h, ok := x.gazetteer(j); ok && x.g.entries[h.entry].Type != pipeline.TypePerson {
		return false
	}
	w := x.word(j)
	_, tail := tailType(w)
	return !tail && !stopCaps[w] && !genericWords[w] && !titleWord(w) && !conceptHeads[w] && !postNominals[w]
}

// isPerson reports whether the entity id, known or found in this text, is
// a person.
func (x *extractor) isPerson(id string) bool {
	if e, ok := x.g.Entry(id); ok {
		return e.Type == pipeline.TypePerson
	}
	return x.localEnts[id].Type == pipeline.TypePerson
}

// commonWords reports whether the capitalized words of tokens [i, k) are
// all English words ("Advanced Technology"): no person's name.
func (x *extractor) commonWords(i, k int) bool {
	for t := i; t < k; t++ {
		if x.capWord(t) && (!commonWord(x.word(t)) || givenNames[x.word(t)]) {
			return false
		}
	}
	return true
}

// titleGoesOn reports whether a title starts at token t and runs past
// token j ("Group CEO" after "Managing Director and").
func (x *extractor) titleGoesOn(t, j int) bool {
	var buf [4]match
	for _, m := range titleTrie.walk(buf[:0], x.text, x.toks, t) {
		if m.j > j {
			return true
		}
	}
	return false
}

// particleCamel reports a surname that joins a particle to a capital:
// "deGrasse".
func particleCamel(w string) bool {
	for _, p := range []string{"de", "di", "da", "van", "von", "du", "le", "la"} {
		if rest, ok := strings.CutPrefix(w, p); ok && rest != "" && unicode.IsUpper(firstRune(rest)) {
			return true
		}
	}
	return false
}

// seenPerson returns the person this document already named whose short
// form or name is the candidate x.cands at token j, with the end and form
// of the match, or "".
func (x *extractor) seenPerson(j int) (string, int, string) {
	for c := len(x.cands) - 1; c >= 0; c-- {
		cm := x.cands[c]
		if x.nameEnd(j) > cm.j {
			return "", 0, ""
		}
		for _, h := range x.g.trie.nodes[cm.n].hits {
			e := &x.g.entries[h.entry]
			if _, seen := x.idx[e.ID]; seen && e.Type == pipeline.TypePerson && h.form != "" {
				return e.ID, cm.j, h.form
			}
		}
	}
	return "", 0, ""
}

// listedShort reports whether another hit of hs than h is a person's
// listed short form (not a mere surname): that person is the one a bare
// surname means.
func (x *extractor) listedShort(hs []hit, h int) bool {
	for k, o := range hs {
		if k != h && o.form == pipeline.FormShort && o.flags&flagNeedsAnchor == 0 &&
			x.g.entries[o.entry].Type == pipeline.TypePerson {
			return true
		}
	}
	return false
}

// personVariant returns the ID of a person known to the gazetteer or this
// document whose name is name without its middle initials, a patronymic or
// a generational suffix ("Antony J. Blinken" is Antony Blinken, "Ilham
// Heydarovich Aliyev" Ilham Aliyev) or without a middle or extra given
// name (moreNames), or "".
func (x *extractor) personVariant(name string) string {
	for _, v := range moreNames(name) {
		if e, ok := x.g.byName(v); ok && e.Type == pipeline.TypePerson {
			return e.ID
		}
	}
	v := personCore(name)
	if v == "" {
		return ""
	}
	if e, ok := x.g.byName(v); ok && e.Type == pipeline.TypePerson {
		return e.ID
	}
	if e, ok := x.localEnts[Slug(v)]; ok && e.Type == pipeline.TypePerson {
		return e.EntityID
	}
	return ""
}

// moreNames returns the shorter forms of a full name of three or four
// plain words that drop a middle or an extra given name ("William Samoei
// Ruto" -> "William Ruto", "Muhammad Shehbaz Sharif" -> "Shehbaz Sharif").
func moreNames(name string) []string {
	f := strings.Fields(name)
	if len(f) < 3 || len(f) > 4 || isTail(f[len(f)-1]) {
		return nil // but "Kofi Annan Foundation" is a body
	}
	for _, w := range f {
		if !unicode.IsUpper(firstRune(w)) || strings.ContainsAny(w, "-.'’") {
			return nil
		}
	}
	return []string{f[0] + " " + f[len(f)-1], strings.Join(f[1:], " ")}
}

// personCore returns a personal name without its middle initials, a
// patronymic or a generational suffix ("Lloyd J. Austin III" -> "Lloyd
// Austin"), or "" when there is none to drop.
func personCore(name string) string {
	f := strings.Fields(name)
	if len(f) < 3 {
		return ""
	}
	kept := f[:1]
	for k, w := range f[1:] {
		last := k == len(f)-2
		switch {
		case !last && (len(w) == 2 && w[1] == '.' || len(w) == 1) && unicode.IsUpper(firstRune(w)):
			continue // "J."
		case last && (w == "Jr." || w == "Jr" || w == "Sr." || w == "Sr" || w == "II" || w == "III" || w == "IV"):
			continue
		case !last && isPatronymic(w):
			continue
		}
		kept = append(kept, w)
	}
	if len(kept) == len(f) || len(kept) < 2 {
		return ""
	}
	return strings.Join(kept, " ")
}

// isPatronymic reports an East Slavic or Turkic patronymic middle name
// ("Heydarovich", "Vladimirovna", "Nursultanuly").
func isPatronymic(w string) bool {
	for _, suf := range []string{"ovich", "evich", "ovna", "evna", "ichna", "oglu", "ogly", "uly", "ulu"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// longTitleEnd returns the end of a title of four tokens or more that
// starts at token i and ends in the Secretary-General ("Special
// Representative of the Secretary-General"), or 0: the words of such a
// title name no actor.
func (x *extractor) longTitleEnd(i int) int {
	var buf [4]match
	ms := titleTrie.walk(buf[:0], x.text, x.toks, i)
	if len(ms) == 0 || ms[len(ms)-1].j-i < 4 || x.word(ms[len(ms)-1].j-1) != "General" {
		return 0 // "President of the European Commission" ends in a body the text names
	}
	return ms[len(ms)-1].j
}

// capsSpeaker returns the end of a speaker's name set in capitals at the
// start of a sentence, as UN meetings coverage writes them: two to four
// capitalized words of letters, then a comma and a title or "a"/"the"/
// "former" ("ROZA OTUNBAYEVA, Special Representative ...", "MAHBOUBA SERAJ,
// a women's rights activist"); or 0.
func (x *extractor) capsSpeaker(i int) int {
	if i != 0 {
		return 0
	}
	k := i
	for k < len(x.toks) && k-i < 6 && x.isWordTok(k) && isAllCaps(x.word(k)) && utf8.RuneCountInString(x.word(k)) >= 2 &&
		onlyLetters(x.word(k)) && !notActorAcronyms[x.word(k)] {
		k++
	}
	if _, _, ok := x.gazetteer(i); ok && k-i >= 2 {
		return 0 // "UNITED NATIONS, ..."
	}
	if k-i >= 2 && x.punct(k, "(") {
		// "ROBERT WOOD (United States) said": the speaker, then the
		// delegation
		if gj, h, ok := x.gazetteer(k + 1); ok && h.form != "" && x.punct(gj, ")") {
			return k
		}
	}
	if k-i < 2 || !x.punct(k, ",") || !x.isWordTok(k+1) {
		return 0
	}
	switch x.word(k + 1) {
	case "a", "an", "the", "former":
		return k
	}
	if x.startsTitle(k + 1) {
		return k
	}
	for t := k + 1; t < len(x.toks) && t <= k+3 && x.isWordTok(t) && isAllCaps(x.word(t)); t++ {
		if roleNouns[strings.ToLower(x.word(t))] {
			return k // "NED PRICE, DEPARTMENT SPOKESPERSON": a byline in capitals
		}
	}
	return 0
}

// bodyClosers end the name of a body or office before the name of its
// holder ("... Central Asian Affairs Donald Lu", "... of the Kyrgyz
// Republic Adylbek Kasymaliev").
var bodyClosers = set("Affairs", "Republic", "Kingdom", "States", "Emirates", "Nations", "Federation", "Ministers",
	"Directors", "Governors", "Representatives", "Deputies", "Commissioners", "Trustees", "Elders")

// officeBefore reports whether the capitalized words right before token i
// close an office held by a person named at i: a title, "of" or "for",
// then a body or place whose name ends at i ("Assistant Secretary of
// State for South and Central Asian Affairs Donald Lu", "Executive
// Secretary of the Preparatory Commission for the Comprehensive
// Nuclear-Test-Ban Treaty Organization Robert Floyd", "Vice President of
// the Islamic Republic of Iran Mohammad Reza Aref").
func (x *extractor) officeBefore(i int) bool {
	if i < 3 || !x.isWordTok(i-1) || !x.capWord(i-1) || !x.toks[i].space || x.toks[i].nl || !x.capWord(i+1) ||
		stopCaps[x.word(i)] || genericWords[x.word(i)] || titleWord(x.word(i)) || x.startsNonPerson(i) {
		return false
	}
	if !x.closesBody(i) && !(len(x.spans) > 0 && x.spans[len(x.spans)-1].j == i && !x.personEndsAt(i)) {
		return false
	}
	for t := i - 1; t > 0 && t > i-maxNameTokens; t-- {
		if x.toks[t].nl {
			return false
		}
		if x.punct(t, "-") && x.adjacent(t) || x.toks[t].kind == tokPoss {
			continue // "Vice-Chairman", "the People's Committee of Hanoi"
		}
		if !x.isWordTok(t) {
			return false
		}
		w := x.word(t)
		if w == "of" || w == "for" {
			if x.titleEndsAt(t) {
				return true
			}
			continue
		}
		if !x.capWord(t) && w != "the" && w != "and" && w != "on" && w != "in" && w != "to" && w != "&" {
			return false
		}
	}
	return false
}

// knownPersonAt reports whether a known person's name of two words or more
// starts at token k.
func (x *extractor) knownPersonAt(k int) bool {
	j, h, ok := x.gazetteer(k)
	return ok && j >= k+2 && h.form != "" && x.g.entries[h.entry].Type == pipeline.TypePerson
}

// closesBody reports whether the word before token i ends the name of a
// body, office or country ("... Affairs", "... Commission", "... of the
// Kyrgyz Republic", "... of Iran").
func (x *extractor) closesBody(i int) bool {
	w := x.word(i - 1)
	if _, tail := tailType(w); tail || bodyClosers[w] || portfolioWords[w] {
		return true
	}
	return x.endsCountry(i)
}

// titleEndsAt reports whether a person's title ends right before token t
// ("Executive Secretary" before "of", "Assistant Secretary of State"
// before "for").
func (x *extractor) titleEndsAt(t int) bool {
	if x.capWord(t-1) && roleNouns[strings.ToLower(x.word(t-1))] {
		return true // "Head", "Deputy Chairman"
	}
	var buf [4]match
	for s := t - 1; s >= 0 && s >= t-5; s-- {
		if !x.isWordTok(s) || !(x.capWord(s) || x.word(s) == "of") {
			return false
		}
		for _, m := range titleTrie.walk(buf[:0], x.text, x.toks, s) {
			if m.j == t {
				return true
			}
		}
	}
	return false
}

// holderTail returns where the name of an office's holder starts inside
// capitalized words [s, e) read as one body ("Head of the Presidential
// Administration of the Kyrgyz Republic Adylbek Kasymaliev"): the last two
// or three words, when they may be a person's name and the words before
// them close an office; or -1.
func (x *extractor) holderTail(s, e int) int {
	if x.capWord(e) {
		return -1
	}
	for p := e - 2; p >= e-3 && p > s+1; p-- {
		ok := true
		for t := p; t < e; t++ {
			w := x.word(t)
			if !x.capWord(t) || x.startsNonPerson(t) || isAllCaps(w) || placeWords[w] || genericWords[w] || portfolioWords[w] ||
				bodyClosers[w] || stopCaps[w] || nameStop[w] {
				ok = false
				break
			}
			if _, tail := tailType(w); tail {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if !x.closesBody(p) {
			continue
		}
		if x.officeBefore(p) {
			return p
		}
	}
	return -1
}

// peerRanks name a person by a peerage of a place ("Duke of Edinburgh").
var peerRanks = set("Duke", "Duchess", "Earl", "Countess", "Marquess", "Marchioness", "Viscount", "Viscountess",
	"Prince", "Princess")

// peerOf returns the end of a person named by a peerage at token i: a
// rank, "of", and a place of one or two capitalized words ("the Duke of
// Edinburgh", "the Prince of Wales", "the Duchess of Cornwall"); or 0. The
// place is no mention of its own: the peer is no actor in Edinburgh.
func (x *extractor) peerOf(i int) int {
	if !peerRanks[x.word(i)] || !x.capWord(i) || !x.isWordTok(i+1) || x.word(i+1) != "of" || !x.capWord(i+2) ||
		(x.isWordTok(i-1) && x.word(i-1) == "Crown") {
		return 0 // but "the Crown Prince of Abu Dhabi, Sheikh Khaled": a title before a name
	}
	k := i + 3
	if x.capWord(k) && !x.startsTitle(k) && !stopCaps[x.word(k)] {
		k++
	}
	if x.capWord(k) || (x.punct(k, ",") && x.capWord(k+1) && personStart(x.word(k+1))) {
		return 0 // "the Prince of Asturias, Felipe": a title before a name
	}
	if _, h, ok := x.gazetteer(i + 2); ok && x.g.entries[h.entry].Type != pipeline.TypeCity &&
		x.g.entries[h.entry].Type != pipeline.TypeRegion && x.g.entries[h.entry].Type != pipeline.TypeCountry {
		return 0 // "the Prince of the Church"...: only places
	}
	return k
}
