package entities

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
)

// maxNameTokens bounds the length of a name found by form, which keeps the
// stage linear on long runs of capitalized words.
const maxNameTokens = 24

// titleTrie holds the person titles; built once.
var titleTrie = func() *trie {
	t := newTrie()
	for i, s := range titles {
		t.insert(s, hit{entry: int32(i), form: "title"})
	}
	return t
}()

type stage struct{ g *Gazetteer }

// New returns the entity extraction stage ("entities"). For every sentence
// of a Doc it records the entity mentions (Doc.Mentions, byte offsets into
// Document.Text) and one Entity per entity found (Doc.Entities, in order of
// first mention, with Mentions and FirstSent; Salience and Tone are left to
// the aggregate stage). The English rules (titles, organization forms,
// acronym definitions, short forms of rule-found names) run only when
// Document.Language is empty or English; the gazetteer runs for every
// language. The stage is safe for concurrent use on different Docs.
func New(g *Gazetteer) pipeline.Stage { return &stage{g: g} }

func (s *stage) Name() string { return "entities" }

func (s *stage) Process(ctx context.Context, d *pipeline.Doc) error {
	if s.g == nil {
		return fmt.Errorf("entities: no gazetteer")
	}
	lang := d.Document.Language
	english := pipeline.EnglishOrUnknown(lang)
	x := newExtractor(s.g, d.Document.Text, d.Document.DocID, english)
	for i := range d.Sentences {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		x.sentence(&d.Sentences[i])
	}
	x.mergeShortPersons()
	d.Mentions = x.mentions
	d.Entities = x.ents
	if !english {
		d.Document.Notes = append(d.Document.Notes,
			fmt.Sprintf("entities: English rules skipped, gazetteer names only (language %s)", lang))
	}
	return nil
}

// TitleEntities returns the IDs of the gazetteer entities named in a title,
// in order of appearance and without repeats. Titles have no sentence, so
// these are not Mention records.
func (g *Gazetteer) TitleEntities(title string) []string {
	x := newExtractor(g, title, "", false)
	x.sentence(&pipeline.Sentence{Start: 0, End: len(title)})
	ids := make([]string, 0, len(x.ents))
	for _, e := range x.ents {
		ids = append(ids, e.EntityID)
	}
	return ids
}

// extractor holds the state of one document.
type extractor struct {
	g       *Gazetteer
	text    string
	docID   string
	english bool

	toks  []token
	cands []match
	sent  *pipeline.Sentence
	// lastEnd is the token index where the last mention of the current
	// sentence ends (-1 when none).
	lastEnd int
	// headline: the sentence is written in title case, so capitals say
	// nothing about names; only known names are taken.
	headline bool
	// rejectEnd is set by orgRule when it rejects a quoted slogan or a
	// hypothetical: the words up to it are consumed without mentions.
	rejectEnd int
	// orgStart is where the name orgRule found starts (after "Board of
	// the" it is the named body).
	orgStart int
	// portPlaces are the places named in a minister's portfolio, emitted
	// when a name follows it.
	portPlaces []portPlace

	mentions []pipeline.Mention
	ents     []pipeline.Entity
	idx      map[string]int // entity ID -> index in ents
	// local maps a one-word short form (surname, defined acronym) of an
	// entity found in this document to its ID.
	local map[string]string
	// knownStart is where endsInKnownName found the known name.
	knownStart int
	// inners are known names inside the name orgRule returned, to be
	// recorded after it.
	inners []span
	// betweenSides are the two sides betweenEnd read.
	betweenSides []span
	// defined maps an acronym defined in the text after a name the
	// gazetteer gives another meaning ("World Tourism Organisation (WTO)")
	// to that name's entity.
	defined map[string]string
	// localEnts are entities made by the rules (not in the gazetteer);
	// localOrder lists their IDs in order of creation.
	localEnts  map[string]pipeline.Entity
	localOrder []string
	// lowerWords are the words of the document written in lower case
	// (built after lowerQueries searches of the text).
	lowerWords   map[string]bool
	lowerQueries int
	// lowerPairs are the pairs of adjacent lower-case words of the
	// document (built after phraseQueries searches of the text).
	lowerPairs    map[string]bool
	phraseQueries int
	// inq[k] reports whether token k of the sentence is inside quote marks.
	inq []bool
	// spans are the token spans of the current sentence's mentions.
	spans []span
	// at is the word token the rules look at (see wordAt).
	at at
}

// span is a mention's tokens [i, j) in its sentence and its index m in
// the document's mentions.
type span struct{ i, j, m int }

func newExtractor(g *Gazetteer, text, docID string, english bool) *extractor {
	return &extractor{g: g, text: text, docID: docID, english: english,
		idx: map[string]int{}, local: map[string]string{}, defined: map[string]string{}, localEnts: map[string]pipeline.Entity{}}
}

func (x *extractor) word(i int) string {
	t := x.toks[i]
	return x.text[t.start:t.end]
}

func (x *extractor) isWordTok(i int) bool {
	return i >= 0 && i < len(x.toks) && x.toks[i].kind == tokWord
}

// capWord reports whether token i is a word starting with an upper-case
// letter.
func (x *extractor) capWord(i int) bool {
	return i >= 0 && i < len(x.toks) && x.toks[i].kind == tokWord && x.toks[i].upper
}

func (x *extractor) punct(i int, p string) bool {
	return i >= 0 && i < len(x.toks) && x.toks[i].kind == tokPunct && x.word(i) == p
}

// adjacent reports whether token i follows token i-1 with no space.
func (x *extractor) adjacent(i int) bool {
	return i > 0 && i < len(x.toks) && !x.toks[i].space && x.toks[i].start == x.toks[i-1].end
}

func (x *extractor) sentence(s *pipeline.Sentence) {
	if s.Start < 0 || s.End > len(x.text) || s.Start > s.End {
		return
	}
	x.sent = s
	x.toks = tokenize(x.toks[:0], x.text, s.Start, s.End)
	x.lastEnd = -1
	x.spans = x.spans[:0]
	x.headline = x.english && x.titleCased()
	x.inq = x.inq[:0]
	in := false
	for k, t := range x.toks {
		if t.quoted && (in || !x.pluralPoss(k)) {
			in = !in // but "Leaders' Declaration" opens no quote
		}
		x.inq = append(x.inq, in)
	}
	for i := 0; i < len(x.toks); {
		switch x.toks[i].kind {
		case tokPunct:
			i = x.punctAt(i)
		case tokWord:
			i = x.wordAt(i)
		default:
			i++
		}
	}
}

// gazetteer returns the longest gazetteer match at token i whose context
// conditions hold.
func (x *extractor) gazetteer(i int) (int, hit, bool) {
	x.cands = x.g.trie.walk(x.cands[:0], x.text, x.toks, i)
	for c := len(x.cands) - 1; c >= 0; c-- {
		m := x.cands[c]
		hs := x.g.trie.nodes[m.n].hits
		// prefer the last-added hit whose conditions hold
		for h := len(hs) - 1; h >= 0; h-- {
			if x.accept(i, m.j, hs[h]) {
				return m.j, hs[h], true
			}
		}
	}
	return 0, hit{}, false
}

// accept checks the context conditions of a hit for tokens [i, j).
func (x *extractor) accept(i, j int, h hit) bool {
	if h.form == pipeline.FormDemonym && ((x.punct(i-1, "-") && x.adjacent(i) && x.isWordTok(i-2) && !x.capWord(i-2)) ||
		(x.punct(j, "-") && x.adjacent(j) && x.isWordTok(j+1) && (x.word(j+1) == "era" || x.word(j+1) == "style"))) {
		return false // "post-Soviet", "Soviet-era", "anti-American": a time or a stance, not the country
	}
	if i >= 2 && x.punct(i-1, "-") && x.adjacent(i-1) && x.adjacent(i) && unicode.IsDigit(firstRune(x.word(i))) {
		if p := strings.ToLower(x.word(i - 2)); p == "post" || p == "pre" {
			return false // "the post-2030 Agenda" is not the 2030 Agenda
		}
	}
	if h.flags&flagNeedsAnchor != 0 {
		if p := i - 1; x.capWord(p) && !stopCaps[x.word(p)] && x.lastEnd != i && !x.startsTitle(p) && !titleWord(x.word(p)) &&
			!(p == 0 || x.toks[p].quoted) {
			return false // "Cherie Blair" is not Tony Blair
		}
		e := &x.g.entries[h.entry]
		if _, seen := x.idx[e.ID]; !seen && !(j == i+1 && x.isWordTok(j) && eraWords[x.word(j)] && x.knownSurname(i) == e.ID) {
			return false // but "the Carter administration", "the Thatcher government"
		}
		if x.capWord(j) && !x.startsMatch(j) && !stopCaps[x.word(j)] {
			return false // "Kim Yo Jong" is not Kim Jong Un
		}
	}
	if h.form == pipeline.FormShort && x.g.entries[h.entry].Type == pipeline.TypePerson && x.nameGoesOn(j) {
		return false // "Mohamed Hassan Alsuwaidi" is not Mohamed bin Zayed
	}
	if h.flags&flagAmbiguous != 0 {
		// an unmatched capitalized word next to it makes it part of another
		// name ("Michael Jordan", "Chad Smith", "Atlanta, Georgia").
		if i > 0 && x.capWord(i-1) && x.lastEnd != i && (i-1 > 0 || !stopCaps[x.word(i-1)]) {
			return false
		}
		if i > 1 && x.punct(i-1, ",") && x.capWord(i-2) && (x.lastEnd != i-1 || x.lastWasCity()) && i-2 > 0 {
			return false // "Atlanta, Georgia" (Atlanta known or not)
		}
		if x.capWord(j) && !x.startsMatch(j) {
			return false
		}
		if j < len(x.toks) && x.toks[j].kind == tokPunct && x.word(j) == "-" && x.adjacent(j) && x.capWord(j+1) {
			return false // "Jordan-Smith"
		}
	}
	if e := &x.g.entries[h.entry]; e.Type == pipeline.TypeRegion && h.form != pipeline.FormDemonym && i > 1 &&
		x.capWord(i-1) && x.lastEnd != i && !stopCaps[x.word(i-1)] && !x.startsMatch(i-1) && !titleWord(x.word(i-1)) {
		return false // "Baja California": a region's name inside a longer one
	}
	if h.form == pipeline.FormDemonym && x.punct(i-1, ",") && x.lastEnd == i-1 && x.lastWasPlace() && x.capWord(j) &&
		!x.startsMatch(j) && !x.capWord(j+1) {
		return false // "Surrey, British Columbia": a place's region, not Britain
	}
	if h.flags&flagNotInCaps != 0 {
		// in a line of capitals ("AID FOR US AND THEM") the word is a
		// word; next to one acronym ("the US EPA") it is the country
		caps := 0
		for _, k := range []int{i - 1, j} {
			if x.isWordTok(k) && utf8.RuneCountInString(x.word(k)) >= 3 && isAllCaps(x.word(k)) && !x.startsMatch(k) {
				caps++
			}
		}
		mixed := func(k int) bool { return x.isWordTok(k) && !isAllCaps(x.word(k)) }
		if caps == 2 || (caps == 1 && !mixed(i-1) && !mixed(j)) {
			return false
		}
	}
	if h.flags&flagWordAcronym != 0 && x.capWord(j) && !x.startsMatch(j) && !x.startsTitle(j) && !titleWord(x.word(j)) &&
		!commonWord(x.word(j)) && !stopCaps[x.word(j)] {
		if _, tail := tailType(x.word(j)); !tail {
			return false // "Gerd Niebaum" is a man, not the GERD dam
		}
	}
	if h.flags&flagNotAfterThe != 0 && i > 0 && x.isWordTok(i-1) && isThe(x.word(i-1)) {
		return false
	}
	if h.flags&flagNotQualified != 0 && i > 0 && x.isWordTok(i-1) && qualifiers[strings.ToLower(x.word(i-1))] {
		return false
	}
	if h.flags&flagStandalone != 0 {
		if j < len(x.toks) && x.toks[j].kind == tokWord && !standaloneFollowers[x.word(j)] {
			return false
		}
	}
	return true
}

// startsMatch reports whether a gazetteer name starts at token i.
func (x *extractor) startsMatch(i int) bool {
	n, ok := x.g.trie.child(0, x.text, x.toks[i])
	if !ok {
		return false
	}
	if len(x.g.trie.nodes[n].hits) > 0 {
		return true
	}
	return len(x.g.trie.nodes[n].next) > 0
}

// emitHit records a gazetteer hit over tokens [i, j).
func (x *extractor) emitHit(i, j int, h hit) {
	if h.form == "" {
		x.lastEnd = j // ignore entry: consumed, no entity
		return
	}
	e := &x.g.entries[h.entry]
	if e.Type == pipeline.TypeCountry && h.form != pipeline.FormDemonym &&
		(x.isWordTok(j) && currencyWords[x.word(j)] || x.punct(j, "$") && x.adjacent(j)) {
		x.lastEnd = j // "524 billion US dollars", "US$500 million": money, not the country
		return
	}
	if e.ID == "un-security-council" && x.word(i) == "Security" && i >= 2 && x.toks[i-1].kind == tokPoss {
		// "Russia's Security Council" is Russia's, not the UN's
		if c, ok := x.idOfLastMention(); ok && x.lastEnd == i-1 {
			if ce, known := x.g.Entry(c); known && ce.Type == pipeline.TypeCountry {
				x.emitNamed("Security Council of "+ce.Name, pipeline.TypeOrganization, i, j)
				return
			}
		}
	}
	if e.Type == pipeline.TypeCity && e.Metonym && e.Country != "" && !x.cityAsPlace(i, j) {
		x.emit(e.Country, i, j, pipeline.FormMetonym)
		return
	}
	if alt, ok := sharedDemonyms[e.ID]; ok && h.form == pipeline.FormDemonym {
		_, altSeen := x.idx[alt]
		_, seen := x.idx[e.ID]
		if altSeen && !seen {
			x.emit(alt, i, j, h.form) // "Congolese officials" in a text about the DRC
			return
		}
	}
	x.emit(e.ID, i, j, h.form)
}

// sharedDemonyms maps a country whose demonym another country shares to
// that other country, which the demonym means once the text has named it
// and not the first ("Congolese" is the Republic of the Congo's, and the
// DRC's in a text that names only the DRC).
var sharedDemonyms = map[string]string{"COG": "COD"}

// groupParts end the name of a body, meeting or project of a group that
// an acronym names before it ("the C5+1 Security Working Group", "the
// C5+1 Presidential Summit", "the CAREC Regional Economic Corridor").
var groupParts = set("Summit", "Summits", "Meeting", "Forum", "Platform", "Secretariat", "Group", "Corridor",
	"Mechanism", "Initiative", "Programme", "Program")

// horizonNouns follow a country and a year that name a national strategy
// ("the Uzbekistan 2030 strategy", "the Kazakhstan 2050 development plan").
var horizonNouns = set("strategy", "development", "programme", "program", "agenda", "vision", "plan", "goals")

// groupTailWithin reports whether the capitalized run from token k ends,
// within three words, in a word of groupParts.
func (x *extractor) groupTailWithin(k int) bool {
	return x.runEndsIn(k, 3, func(w string) bool { return groupParts[w] })
}

// groupPrefix returns where a name found by form at tokens [s, e) starts
// when the mention right before it is a group's acronym ("C5+1", "CAREC")
// and the name ends in a groupParts word; or -1.
func (x *extractor) groupPrefix(s, e int) int {
	if s == 0 || e <= s || !groupParts[x.word(e-1)] || !x.toks[s].space || x.toks[s].nl || len(x.spans) == 0 {
		return -1
	}
	sp := x.spans[len(x.spans)-1]
	if sp.j != s || !x.acronymGroup(sp.i, sp.j, x.mentions[sp.m].EntityID) {
		return -1
	}
	return sp.i
}

// groupPart returns the end of a group's body, meeting or project named
// by the group's acronym at [i, gj) and one to four capitalized words
// ending in a groupParts word ("C5+1 Ministerial Meeting", "C5+1
// Secretariat"); or 0.
func (x *extractor) groupPart(i, gj int, h hit) int {
	if h.form == "" || h.form == pipeline.FormDemonym || !x.isWordTok(gj) || !x.toks[gj].space || x.toks[gj].nl ||
		!x.acronymGroup(i, gj, x.g.entries[h.entry].ID) {
		return 0
	}
	k := gj
	for k < len(x.toks) && k-gj < 4 && x.capWord(k) && !stopCaps[x.word(k)] && !x.toks[k].quoted &&
		(!x.startsMatch(k) || x.groupTailWithin(k)) {
		k++ // "the C5+1 Business Forum" even though a known name starts with "Business"
	}
	if k == gj+1 && x.word(gj) == "Group" {
		return 0 // "the G7 Group" is the G7
	}
	if k == gj || !groupParts[x.word(k-1)] || x.capWord(k) {
		return 0
	}
	return k
}

// acronymGroup reports whether the mention at tokens [i, j) of entity id
// is an organization or framework written as an acronym ("C5+1", "CAREC").
func (x *extractor) acronymGroup(i, j int, id string) bool {
	surface := x.text[x.toks[i].start:x.toks[j-1].end]
	if len(surface) < 2 || strings.IndexFunc(surface, unicode.IsLower) >= 0 || strings.IndexFunc(surface, unicode.IsSpace) >= 0 {
		return false
	}
	e, ok := x.g.Entry(id)
	return ok && (e.Type == pipeline.TypeOrganization || e.Type == pipeline.TypeFramework)
}

// lawTails end the names of laws, whose words may all be generic ones
// ("the Freedom of Information Act", "the Prevention of Terrorism Bill").
var lawTails = set("Act", "Acts", "Bill", "Law", "Code", "Ordinance", "Decree")

// lawAhead reports whether one to four capitalized words from token k end
// in a law's tail ("Information Act", "Terrorism Bill").
func (x *extractor) lawAhead(k int) bool {
	return x.capWord(k) && x.runEndsIn(k+1, 3, func(w string) bool { return lawTails[w] })
}

// legislatures adopt laws: "the Parliament of the X Act" is the parliament,
// then the act.
var legislatures = set("Parliament", "Government", "Cabinet", "Senate", "Assembly", "Congress", "Duma", "Majlis")

// headlineVerbs are the verbs of title-case headlines, which end the name
// before them ("Organization of Turkic States Grows Up").
var headlineVerbs = set("Adopts", "Approves", "Grows", "Holds", "Signs", "Meets", "Urges", "Calls", "Says", "Welcomes",
	"Launches", "Opens", "Hosts", "Announces", "Condemns", "Warns", "Agrees", "Backs", "Seeks", "Visits", "Discusses",
	"Marks", "Joins", "Receives", "Expands", "Commits", "Extends", "Pledges", "Steps", "Takes", "Unveils", "Reaffirms",
	"Strengthens", "Deepens", "Boosts", "Supports", "Elects", "Appoints", "Names", "Chairs", "Concludes", "Begins",
	"Starts", "Ends", "Wins", "Loses", "Faces", "Sets", "Gets", "Sees", "Eyes", "Plans", "Vows", "Rejects", "Denies",
	"Slams", "Hails", "Praises", "Adopted", "Approved", "Signed", "Held", "Launched")

// innerAcronyms records the known bodies a name found by form names by
// their acronyms inside it as mentions of their own: "the Political Bureau
// of the CPC Central Committee" also mentions the CPC.
func (x *extractor) innerAcronyms(s, e int) {
	for t := s; t < e; t++ {
		if !x.isWordTok(t) || !isAllCaps(x.word(t)) || !x.isWordTok(t-1) || (x.word(t-1) != "the" && x.word(t-1) != "of") {
			continue // only a body of the group: "... of the CPC Central Committee"
		}
		gj, h, ok := x.gazetteer(t)
		if !ok || gj != t+1 || gj > e || (t == s && gj == e) || h.form == "" {
			continue
		}
		if x.g.entries[h.entry].Type != pipeline.TypeOrganization {
			continue
		}
		if n := len(x.spans); n > 0 && x.spans[n-1].i == t {
			continue // emitted already
		}
		x.emitHit(t, gj, h)
	}
	x.lastEnd = e
}

// personFirst reports whether tokens [i, k) are a person's name of two or
// three words that starts with a given name ("Stephen Pound").
func (x *extractor) personFirst(i, k int) bool {
	if k-i < 2 || k-i > 3 || !givenNames[x.word(i)] && !personStart(x.word(i)) {
		return false
	}
	for t := i; t < k; t++ {
		if !x.capWord(t) {
			return false
		}
		if _, tail := tailType(x.word(t)); tail {
			return false
		}
	}
	return true
}

// memoTitleEnd returns the end of a memorandum's title after "Memorandum
// of Understanding" or "of Cooperation" at token j: "on", then capitalized
// words with connectors and commas ("on Cooperation in the Field of
// Critical Minerals Supply Chain", "on a Strategic Partnership in the Field
// of Energy"); or 0. A memorandum "on cooperation in agriculture" or
// "between the ministries" is no named document.
func (x *extractor) memoTitleEnd(j int) int {
	if !x.isWordTok(j) || x.word(j) != "on" {
		return 0
	}
	k := j + 1
	if x.isWordTok(k) && x.word(k) == "a" {
		k++ // but "on the Joint Crediting Mechanism" is about a named thing, found on its own
	}
	return x.titleRun(j, k)
}

// jointTitleEnd returns the end of a joint statement's or declaration's
// title at token i ("Joint Statement on Further Deepening and Expanding the
// Strategic Partnership between Japan and the Republic of Uzbekistan"), or
// 0: "Joint", the kind of text, "on", capitalized words with connectors,
// and the two sides after "between" when both are known.
func (x *extractor) jointTitleEnd(i int) int {
	if x.word(i) != "Joint" || !x.isWordTok(i+2) || !jointKinds[x.word(i+1)] || x.word(i+2) != "on" {
		return 0
	}
	k := i + 3
	if x.isWordTok(k) && (x.word(k) == "a" || x.word(k) == "the") {
		k++
	}
	e := x.titleRun(i+2, k)
	if e == 0 {
		return 0
	}
	if x.isWordTok(e) && x.word(e) == "between" {
		if b := x.betweenEnd(e); b > e {
			x.inners = append(x.inners[:0], x.betweenSides...)
			return b
		}
	}
	return e
}

// jointKinds are the texts two parties issue together.
var jointKinds = set("Statement", "Declaration", "Communiqué", "Communique")

// titleRun returns the end of a title's capitalized words from token k,
// with connectors and commas between them (j is the token before), or 0.
func (x *extractor) titleRun(j, k int) int {
	if !x.capWord(k) {
		return 0
	}
	end := 0
	for k < len(x.toks) && k-j < maxNameTokens {
		switch {
		case x.capWord(k) && !x.toks[k].nl:
			k++
			end = k
		case x.isWordTok(k) && memoConnectors[x.word(k)] && (x.capWord(k+1) || (x.word(k) != "and" && x.isWordTok(k+1) && isThe(x.word(k+1)) && x.capWord(k+2))) &&
			!(x.word(k) == "and" && (jointKinds[x.word(k+1)] || x.word(k+1) == "Joint" || x.word(k+1) == "Memorandum")):
			k++
		case x.punct(k, ",") && (x.capWord(k+1) || (x.isWordTok(k+1) && x.word(k+1) == "and" && x.capWord(k+2))):
			k++
		default:
			return end
		}
	}
	return end
}

// againstHeads name bodies formed against a wrong ("the Coalition against
// Daesh", "the Global Alliance Against Hunger and Poverty"); other bodies
// are not named so ("the Court against Sudan").
var againstHeads = set("Committee", "Coalition", "Alliance", "Campaign", "Partnership", "Fund", "Initiative", "Group", "Network")

// memoConnectors may join the capitalized words of a memorandum's title.
var memoConnectors = set("of", "in", "the", "and", "on", "for", "to", "with")

// familyNouns end the name of a family of programmes whose members are
// named by their topic: "the Team Europe Initiative on Water, Energy and
// Climate Change" is one initiative of Team Europe, not Team Europe.
var familyNouns = set("Initiative", "Initiatives", "Platform", "Programme", "Program", "Facility", "Window")

// eraWords after a known person's surname make it that person, named by
// the government or time they led ("the Carter administration").
var eraWords = set("administration", "administrations", "government", "governments", "presidency", "era", "cabinet",
	"premiership", "doctrine", "years")

// cityAsPlace decides whether a capital at tokens [i, j) is the city as a
// place ("held in Astana", "Astana, Kazakhstan", "a visit to Tokyo") rather
// than its government ("relations with Moscow").
func (x *extractor) cityAsPlace(i, j int) bool {
	if j < len(x.toks) && x.toks[j].kind == tokPoss {
		k := j + 1
		if x.capWord(k) && x.isWordTok(k+1) && !x.capWord(k+1) {
			k++ // "London's Labour mayor"
		}
		// "Moscow's Sheremetyevo International Airport", "London's mayor",
		// not "Moscow's position"
		return x.facilityAfter(j+1) || (x.isWordTok(k) && cityFolk[x.word(k)]) || x.companyAfter(j+1)
	}
	if x.punct(j, "-") && x.adjacent(j) && x.isWordTok(j+1) && x.adjacent(j+1) && x.word(j+1) == "based" {
		return true // "the Astana-based Congress"
	}
	if i == 0 && (x.punct(j, "–") || x.punct(j, "—") || x.punct(j, "/") ||
		(x.punct(j, ",") && x.isWordTok(j+1) && (unicode.IsDigit(firstRune(x.word(j+1))) || months[x.word(j+1)]))) {
		return true // a dateline: "Riyadh – ...", "Pretoria, 21 February 2025 – ..."
	}
	if x.cityEventAfter(j) {
		return true // "the Doha development talks", "a Brussels summit", "the Nairobi process"
	}
	if x.punct(j, ",") && x.isWordTok(j+1) && (x.word(j+1) == "DC" || x.word(j+1) == "D.C") {
		return true // "Washington, DC": the city by its district
	}
	if i == 0 && x.punct(j, ":") && !x.capWord(j+1) {
		return true // a dateline: "Washington: An IMF staff team ..."
	}
	if x.fromTo(i, j) {
		return true // "from Accra to Addis Ababa": a stretch of the map
	}
	if x.routeAfter(j) && !x.isDash(i-1) {
		return true // "the Dushanbe–Kyrgyz border road"
	}
	if x.isWordTok(i-1) && x.word(i-1) == "to" && x.eventFor(j) && x.inviteBefore(i-1) {
		return true // "welcoming the leaders to Tokyo for the first summit"
	}
	if x.placeBefore(i, j) {
		return true
	}
	if first, place, ok := x.listStart(i); ok && (place || x.placeBefore(first, j)) {
		return true // "in Malta, Washington and Bangkok", "Termez – Mazar-i-Sharif – Kabul"
	}
	if x.punct(j, ",") && j+1 < len(x.toks) {
		if _, h, ok := x.gazetteer(j + 1); ok && x.g.entries[h.entry].Type == pipeline.TypeCountry && h.form != pipeline.FormDemonym {
			return true
		}
	}
	return false
}

// placeBefore reports whether the words before token i, where a capital
// named at [i, end) starts, make it the city as a place: a locative ("in
// Astana"), a motion ("a visit to Tokyo", "flew in from Ouagadougou"),
// "the streets of Tbilisi", "the Kenyan capital Nairobi", "north-west
// London".
func (x *extractor) placeBefore(i, end int) bool {
	if x.punct(i-1, "/") && x.adjacent(i-1) && x.adjacent(i) && x.isWordTok(i-2) && isAllCaps(x.word(i-2)) && isAllCaps(x.word(i)) {
		return true // "PORT SUDAN/NAIROBI, Oct 30 -"
	}
	k := i - 1
	if x.punct(k, ",") && x.isWordTok(k-1) && cityTitles[x.word(k-1)] {
		k-- // "our capital, Funafuti"
	}
	if !x.isWordTok(k) {
		return false
	}
	w := x.word(k)
	if k == 0 {
		w = strings.ToLower(w) // "In Kabul, ..."
	}
	if w == "in" && x.isWordTok(k-1) && reactionNouns[x.word(k-1)] {
		return false // "prompted concern in Canberra", "raised questions in Manila": its government
	}
	if cityPlaceWords[w] || captureVerbs[w] || cityTitles[w] || compassAdj[w] {
		return true
	}
	if cardinals[w] {
		return true // "east London", "north-west London"
	}
	if w == "of" && x.isWordTok(k-1) && cityOfWords[x.word(k-1)] {
		return true // "the streets of Tbilisi", "the outskirts of Kyiv"
	}
	if w == "between" && x.isWordTok(k-1) && (cityMotion[x.word(k-1)] ||
		(strings.HasSuffix(x.word(k-1), "ly") && x.isWordTok(k-2) && cityMotion[x.word(k-2)])) {
		return true // "flights between Astana and Budapest", "flies directly between Tashkent and ..."
	}
	if strings.EqualFold(w, "from") && x.isWordTok(end) && x.word(end) == "to" && x.capWord(end+1) {
		return true // "from Baku to Belém"
	}
	if w == "to" && x.lastEnd == k && x.lastWasPlace() {
		return true // "crosses the Caspian Sea to Baku", "from Almaty to Ashgabat"
	}
	if (w == "to" || w == "from") && x.isWordTok(k-1) && cityMotion[strings.ToLower(x.word(k-1))] {
		return true
	}
	if w == "from" && x.punct(k-1, ",") && (x.personEndsAt(k-1) || (x.lastEnd != k-1 && x.capWord(k-2) && x.capWord(k-3))) {
		return true // "Feroz Abbasi, from London,": where a person comes from
	}
	if w == "for" && x.isWordTok(k-1) && cityLeave[x.word(k-1)] {
		return true // "departed for Tashkent"
	}
	if (w == "to" || w == "from") && x.isWordTok(k-1) && motionParticles[x.word(k-1)] && x.isWordTok(k-2) &&
		cityMotion[strings.ToLower(x.word(k-2))] {
		return true // "flew in from Ouagadougou", "travelled on to Doha"
	}
	if (w == "after" || w == "since") && (x.punct(end, ".") || x.punct(end, ",") || end >= len(x.toks) ||
		(x.isWordTok(end) && x.word(end) == "in" && x.isWordTok(end+1) && isDigits(x.word(end+1)))) {
		return true // "After Nairobi in 2016, ...", "eleven years after Nairobi."
	}
	return false
}

// reactionNouns before "in <capital>" make the capital its government
// reacting ("concern in Canberra", "questions in Manila, Hanoi and Kuala
// Lumpur").
var reactionNouns = set("concern", "concerns", "questions", "alarm", "anger", "worry", "worries", "unease", "frustration",
	"relief", "doubts", "scepticism", "skepticism", "irritation", "dismay", "disquiet", "suspicion", "suspicions",
	"fears", "consternation", "outrage", "displeasure")

// knownWhole returns the end and type of a known name (not a demonym)
// that starts at token k and is not followed by a capitalized word, or 0.
func (x *extractor) knownWhole(k int) (int, string) {
	j, h, ok := x.gazetteer(k)
	if !ok || h.form == "" || h.form == pipeline.FormDemonym || x.capWord(j) {
		return 0, ""
	}
	return j, x.g.entries[h.entry].Type
}

// betweenEnd returns the end of "between <known> and <known>" at token k,
// where each side is a country, region or body the gazetteer knows, or 0.
func (x *extractor) betweenEnd(k int) int {
	side := func(t int) int {
		if x.isWordTok(t) && isThe(x.word(t)) {
			t++
		}
		j, h, ok := x.gazetteer(t)
		if !ok || h.form == "" || h.form == pipeline.FormDemonym {
			return 0
		}
		switch x.g.entries[h.entry].Type {
		case pipeline.TypeCountry, pipeline.TypeRegion, pipeline.TypeOrganization:
			return j
		}
		return 0
	}
	a := side(k + 1)
	if a == 0 || !x.isWordTok(a) || x.word(a) != "and" {
		return 0
	}
	b := side(a + 1)
	if b == 0 {
		return 0
	}
	x.betweenSides = x.betweenSides[:0]
	for _, t := range []int{k + 1, a + 1} {
		if x.isWordTok(t) && isThe(x.word(t)) {
			t++
		}
		j, _, _ := x.gazetteer(t)
		x.betweenSides = append(x.betweenSides, span{t, j, 0})
	}
	return b
}

// knownBodyAt reports whether a known organization or person is named in
// full from token k, with no capitalized word after it.
func (x *extractor) knownBodyAt(k int) bool {
	_, typ := x.knownWhole(k)
	return typ == pipeline.TypeOrganization || typ == pipeline.TypePerson
}

// ministryPortfolios name the ministries written "<Demonym> <Portfolio>
// Ministry" ("the Russian Defence Ministry", "the Tajik Foreign Ministry").
// sideNouns after a place name a side of a border or a talk.
var sideNouns = set("side", "sides", "part", "border", "shore", "bank", "delegation", "team")

// sideAhead reports whether "(the) <place or demonym> side" starts at token
// k ("on the U.S. side", "on the Mexican side").
func (x *extractor) sideAhead(k int) bool {
	if x.isWordTok(k) && isThe(x.word(k)) {
		k++
	}
	j, h, ok := x.gazetteer(k)
	if !ok || h.form == "" {
		return false
	}
	switch x.g.entries[h.entry].Type {
	case pipeline.TypeCountry, pipeline.TypeCity, pipeline.TypeRegion:
		return x.isWordTok(j) && sideNouns[x.word(j)]
	}
	return false
}

// portfolioOf reports whether tokens [h, e) are a ministry and its
// portfolio ("Ministry of the Interior", "Ministry of Trade"): a body,
// though its words are generic.
func (x *extractor) portfolioOf(h, e int) bool {
	if w := x.word(h); w != "Ministry" && w != "Department" {
		return false
	}
	k := h + 2
	if x.isWordTok(k) && isThe(x.word(k)) {
		k++
	}
	return e == k+1 && ministryPortfolios[x.word(k)]
}

var ministryPortfolios = set("Foreign", "Defence", "Defense", "Interior", "Finance", "Economy", "Justice", "Health",
	"Energy", "Trade", "Agriculture", "Education", "Emergencies", "Emergency", "Transport", "Culture", "Labour", "Labor")

// ministryAfter returns the end of "<Portfolio> Ministry" (or "Foreign
// Office") at token j, after a country's demonym, or 0.
func (x *extractor) ministryAfter(j int) int {
	if !x.isWordTok(j) || !x.isWordTok(j+1) || !ministryPortfolios[x.word(j)] {
		return 0
	}
	if w := x.word(j + 1); (w == "Ministry" || (w == "Office" && x.word(j) == "Foreign")) && !x.capWord(j+2) {
		return j + 2
	}
	return 0
}

// cityPairNamed names two processes, agreements or summits named after
// cities joined by "and" ("the Luanda and Nairobi processes" are the
// Luanda process and the Nairobi process). The first city is at [i, j);
// it returns the token after the noun, or 0.
func (x *extractor) cityPairNamed(i, j int) int {
	if !x.isWordTok(j) || x.word(j) != "and" {
		return 0
	}
	k, h, ok := x.gazetteer(j + 1)
	if !ok || h.form == "" || x.g.entries[h.entry].Type != pipeline.TypeCity || !x.isWordTok(k) || x.capWord(k+1) {
		return 0
	}
	noun := x.word(k)
	typ := cityNamed[noun]
	if sing, plural := strings.CutSuffix(noun, "es"); plural && cityNamed[sing] != "" {
		noun, typ = sing, cityNamed[sing] // "processes"
	} else if sing, plural := strings.CutSuffix(noun, "s"); plural && cityNamed[sing] != "" {
		noun, typ = sing, cityNamed[sing] // "agreements", "summits"
	}
	if typ == "" {
		return 0
	}
	x.emitNamed(x.text[x.toks[i].start:x.toks[j-1].end]+" "+noun, typ, i, j)
	x.emitNamed(x.text[x.toks[j+1].start:x.toks[k-1].end]+" "+noun, typ, j+1, k+1)
	return k + 1
}

// personEndsAt reports whether a mention of a person of the current
// sentence ends right before token p.
func (x *extractor) personEndsAt(p int) bool {
	for n := len(x.spans) - 1; n >= 0; n-- {
		if sp := x.spans[n]; sp.j == p {
			id := x.mentions[sp.m].EntityID
			if e, ok := x.g.Entry(id); ok {
				return e.Type == pipeline.TypePerson
			}
			return x.localEnts[id].Type == pipeline.TypePerson
		}
	}
	return false
}

// listStart finds the list a name at token i ends ("Bamako, Ouagadougou
// and Niamey", "Termez – Mazar-i-Sharif – Kabul"): the token where its
// first item starts, and whether an earlier item is a place (a city named
// as a place, a region; a country before "and" or "or"). ok is false when
// the name is not a later item of a list.
func (x *extractor) listStart(i int) (first int, place, ok bool) {
	first = i
	items, serial := 1, false
	for n := len(x.spans) - 1; n >= 0; n-- {
		sp := x.spans[n]
		p := first - 1
		and := false
		if x.isWordTok(p) && (x.word(p) == "and" || x.word(p) == "or") {
			and = true
			if x.punct(p-1, ",") {
				p-- // the serial comma
				serial = true
			}
		} else if !x.punct(p, ",") && !x.punct(p, "–") && !x.punct(p, "—") && !(x.punct(p, "-") && x.toks[p].space) {
			break
		}
		if sp.j != p {
			if sp.j > p {
				continue // a mention inside the current item
			}
			break
		}
		first, ok = sp.i, true
		items++
		m := x.mentions[sp.m]
		if m.Form == pipeline.FormName || m.Form == pipeline.FormAlias || m.Form == pipeline.FormAcronym {
			if e, known := x.g.Entry(m.EntityID); known {
				switch e.Type {
				case pipeline.TypeCity, pipeline.TypeRegion:
					place = true
				case pipeline.TypeCountry:
					place = place || and
				}
			}
		}
	}
	if serial && items < 3 {
		return i, false, false // "on the Irtysh, and Moscow has ...": two clauses, not a list
	}
	return first, place, ok
}

// cityEventAfter reports whether the words after a capital at token j make
// it the name of a place where something happens ("the Doha development
// talks", "a Brussels summit", "the Nairobi process", "Vilnius airport").
func (x *extractor) cityEventAfter(j int) bool {
	if !x.isWordTok(j) {
		return false
	}
	w := x.word(j)
	if cityEvents[w] || cityFolk[w] || isYear(w) {
		return true // "the Brussels summit"; "Paris 2030 targets", "Paris 2024"
	}
	return cityEventMods[w] && x.isWordTok(j+1) && cityEvents[x.word(j+1)]
}

// routeAfter reports whether a dash joins the capital ending at token j to
// another place's word and a route noun follows within a few words.
func (x *extractor) routeAfter(j int) bool {
	if !(x.punct(j, "–") || x.punct(j, "—") || x.punct(j, "-")) || !x.adjacent(j+1) || !x.capWord(j+1) {
		return false
	}
	for t := j + 2; t < j+6 && t < len(x.toks); t++ {
		if !x.isWordTok(t) {
			if x.punct(t, "-") || x.punct(t, "–") {
				continue
			}
			return false
		}
		if routeNouns[x.word(t)] {
			return true
		}
	}
	return false
}

// inviteVerbs bring people to a city ("welcoming the leaders to Tokyo").
var inviteVerbs = set("welcome", "welcomes", "welcomed", "welcoming", "invite", "invites", "invited", "inviting",
	"gather", "gathered", "convene", "convened", "host", "hosted", "bring", "brought", "come", "comes", "came",
	"head", "heads", "headed", "travel", "travels", "travelled", "traveled", "arrive", "fly", "flew", "return",
	"returned", "returns", "go", "goes", "went", "invitation")

// inviteBefore reports an inviting or moving verb among the few words
// before token k.
func (x *extractor) inviteBefore(k int) bool {
	for t, n := k-1, 0; t >= 0 && n < 8; t, n = t-1, n+1 {
		if !x.isWordTok(t) {
			return false
		}
		if inviteVerbs[strings.ToLower(x.word(t))] {
			return true
		}
	}
	return false
}

// eventFor reports "for the (first) summit" and the like after token j:
// the city is the venue.
func (x *extractor) eventFor(j int) bool {
	if !x.isWordTok(j) || x.word(j) != "for" {
		return false
	}
	for t := j + 1; t < j+6 && x.isWordTok(t); t++ {
		w := x.word(t)
		if cityEvents[w] || w == "visit" || w == "visits" || w == "ceremony" || w == "games" || w == "session" {
			return true
		}
	}
	return false
}

// companyAfter reports whether a company's name starts at token k: a
// known company, or capitalized words ending in a group's word ("Abu
// Dhabi's Masdar", "Abu Dhabi's AD Ports Group"), which make the capital
// before it the city its firms belong to.
func (x *extractor) companyAfter(k int) bool {
	if _, h, ok := x.gazetteer(k); ok && h.form != "" && x.g.entries[h.entry].Company {
		return true
	}
	n := 0
	for ; (x.capWord(k) || (x.isWordTok(k) && isAllCaps(x.word(k)))) && n < 5; k++ {
		n++
		if groupWords[x.word(k)] {
			return n > 1 && !x.capWord(k+1)
		}
	}
	return false
}

// groupWords end a company's name ("AD Ports Group").
var groupWords = set("Group", "Holding", "Holdings", "Company", "Corporation")

// facilityAfter reports whether the words from token k name a facility of
// a city: capitalized words, after at most one lower-case word, ending in
// a place's head word ("new Imam Khomeini International Airport",
// "International Petroleum Exchange").
func (x *extractor) facilityAfter(k int) bool {
	if x.isWordTok(k) && !x.capWord(k) {
		k++
	}
	n := 0
	for ; x.capWord(k) && n < 6; k++ {
		n++
		if w := x.word(k); placeWords[w] || cityFacilities[w] {
			return n > 1 || placeWords[w]
		}
	}
	return false
}

// bareHeads are the head words of body names that "the <Head>" stands for
// once the body has been named ("the Venice Commission ... the Commission").
var bareHeads = set("Commission", "Court", "Council", "Tribunal", "Assembly", "Strip", "Peninsula", "Corridor",
	"Canal", "Convention", "Agreement", "Treaty", "Accords", "Declaration", "Protocol")

// euBodies in a document make a bare "the Commission" the European
// Commission.
var euBodies = []string{"eu", "european-parliament", "european-council", "council-of-the-eu", "ursula-von-der-leyen"}

// bareHead links a capitalized head word alone after "the" ("the
// Commission", "the Court") to the last entity of the document whose name
// ends in it, or, for "the Commission" in a text about the European Union,
// to the European Commission. It returns "" when neither applies.
func (x *extractor) bareHead(i int) string {
	w := x.word(i)
	if !bareHeads[w] || !x.isWordTok(i-1) || !isThe(x.word(i-1)) || x.capWord(i+1) || x.punct(i+1, "-") {
		return ""
	}
	if x.isWordTok(i + 1) {
		switch x.word(i + 1) {
		case "of", "for", "on", "to":
			return "" // "the Commission of Inquiry": another body
		}
	}
	for k := len(x.mentions) - 1; k >= 0; k-- {
		id := x.mentions[k].EntityID
		if n, ok := x.idx[id]; ok && (strings.HasSuffix(x.ents[n].Name, " "+w) || strings.HasSuffix(x.mentions[k].Surface, " "+w)) {
			return id // "the Strip" after "the Gaza Strip"
		}
	}
	if w == "Commission" {
		for _, id := range euBodies {
			if _, ok := x.idx[id]; ok {
				return "european-commission"
			}
		}
	}
	return ""
}

// motionParticles stand between a word of motion and "to"/"from".
var motionParticles = set("in", "out", "over", "up", "down", "on", "home", "straight", "directly")

// emit records a mention of entity id over tokens [i, j).
func (x *extractor) emit(id string, i, j int, form string) {
	start, end := int(x.toks[i].start), int(x.toks[j-1].end)
	// A name quoted in part ("Central Asia plus Japan” Dialogue) takes its
	// opening quote mark.
	surface := x.text[start:end]
	if strings.ContainsAny(surface, "”\"") && !strings.ContainsAny(surface[:1], "“\"") {
		if r, n := utf8.DecodeLastRuneInString(x.text[x.sent.Start:start]); (r == '“' || r == '"') && n > 0 {
			start -= n
		}
	}
	x.lastEnd = j
	x.spans = append(x.spans, span{i, j, len(x.mentions)})
	x.mentions = append(x.mentions, pipeline.Mention{
		DocID: x.docID, SentID: x.sent.SentID, EntityID: id,
		Surface: x.text[start:end], Start: start, End: end, Form: form,
	})
	if k, ok := x.idx[id]; ok {
		x.ents[k].Mentions++
		return
	}
	ent := x.entity(id)
	ent.Mentions = 1
	ent.FirstSent = x.sent.SentID
	x.idx[id] = len(x.ents)
	x.ents = append(x.ents, ent)
}

// entity builds the Entity record for an ID from the gazetteer or the
// document's rule-found entities.
func (x *extractor) entity(id string) pipeline.Entity {
	if e, ok := x.g.Entry(id); ok {
		ent := pipeline.Entity{DocID: x.docID, EntityID: e.ID, Name: e.Name, Type: e.Type, Wikidata: e.Wikidata}
		if e.Type == pipeline.TypeCountry {
			ent.ISO2, ent.ISO3 = e.ISO2, e.ISO3
		}
		return ent
	}
	if e, ok := x.localEnts[id]; ok {
		return e
	}
	return pipeline.Entity{DocID: x.docID, EntityID: id, Name: id}
}

// addLocal records a rule-found entity named by tokens [i, j) and its
// mention.
func (x *extractor) addLocal(i, j int, typ, form string) string {
	if i >= 2 && x.punct(i-1, "-") && x.adjacent(i-1) && x.adjacent(i) && x.isWordTok(i-2) && articles[x.word(i-2)] &&
		x.lastEnd <= i-2 {
		i -= 2 // "the al-Hol camp"
	}
	name := x.text[x.toks[i].start:x.toks[j-1].end]
	name = strings.Join(strings.Fields(name), " ")
	if strings.Contains(name, "-") {
		name = groupDash.ReplaceAllString(name, "$1$2") // "G-7 Hiroshima Summit" is the "G7 Hiroshima Summit"
	}
	id := Slug(name)
	if id == "" || (j == i+1 && contraction(name)) { // "I'm", "Don't": never a name
		return ""
	}
	if typ == pipeline.TypeOrganization {
		if bare, ok := strings.CutSuffix(strings.TrimSuffix(name, "."), " Corp"); ok {
			// "Korea Gas Corp", "Sumitomo Mitsui Banking Corp": the known
			// corporation under its short legal form
			if e, known := x.g.byName(bare + " Corporation"); known {
				x.emit(e.ID, i, j, pipeline.FormAlias)
				return e.ID
			}
		}
	}
	if _, ok := x.g.Entry(id); !ok {
		if _, ok := x.localEnts[id]; !ok {
			if typ == pipeline.TypePerson || typ == pipeline.TypeOrganization {
				if known := x.personVariant(name); known != "" {
					// "Antony J. Blinken", "Ilham Heydarovich Aliyev",
					// "Lloyd J. Austin III": a known person with a middle
					// initial, patronymic or suffix
					x.emit(known, i, j, pipeline.FormAlias)
					return known
				}
			}
			if typ == pipeline.TypeOrganization || typ == pipeline.TypePerson {
				if longer := x.companyPrefixOf(name); longer != "" {
					x.emit(longer, i, j, pipeline.FormShort) // "Ala-Too Payment" after "Ala-Too Payment Solutions LLC"
					return longer
				}
			}
			if typ != pipeline.TypePerson {
				if longer := x.shortOf(name, typ); longer != "" {
					// "the Tokyo 2020 Games" after "the Tokyo 2020
					// Olympic and Paralympic Games"
					x.emit(longer, i, j, pipeline.FormShort)
					return longer
				}
			}
			if ini := nameInitials(name); (typ == pipeline.TypeOrganization || typ == pipeline.TypeFramework) && len(ini) >= 3 {
				// "the SEC" before or after "the Securities and Exchange
				// Commission": one body
				if e, ok := x.localEnts[Slug(ini)]; ok && e.Name == ini {
					x.emit(e.EntityID, i, j, pipeline.FormAlias)
					return e.EntityID
				}
				if _, taken := x.local[ini]; !taken {
					x.local[ini] = id
				}
			}
			x.localEnts[id] = pipeline.Entity{DocID: x.docID, EntityID: id, Name: name, Type: typ}
			x.localOrder = append(x.localOrder, id)
		}
	}
	x.emit(id, i, j, form)
	return id
}

// commaListInName reports whether the comma at token k joins single
// capitalized words of a list that ends in "and <Word>" and goes on with
// the name ("... for a Free, Peaceful, and Prosperous Indo-Pacific Region"):
// three or more qualities inside a title, not two names.
func (x *extractor) commaListInName(k int) bool {
	if !x.capWord(k-1) || x.startsMatch(k-1) {
		return false
	}
	// item returns the end of one capitalized, perhaps hyphenated, item
	// ("Good-Neighborliness") at t, or -1
	item := func(t int) int {
		if !x.capWord(t) || x.startsMatch(t) {
			return -1
		}
		e := t + 1
		for x.punct(e, "-") && x.adjacent(e) && x.capWord(e+1) && x.adjacent(e+1) {
			e += 2
		}
		return e
	}
	// goesOn reports whether the name continues after the list's last item
	goesOn := func(e int) bool {
		if x.capWord(e) {
			return true // "and Prosperous Indo-Pacific Region"
		}
		if w := x.word(e); x.isWordTok(e) && (w == "for" || w == "of" || w == "in" || w == "on") {
			return x.capWord(e+1) || (x.isWordTok(e+1) && isThe(x.word(e+1)) && x.capWord(e+2)) // "and Cooperation for the Development ..."
		}
		return false
	}
	last := func(s int) bool {
		e := item(s)
		return e > 0 && !x.startsPlace(s) && goesOn(e)
	}
	t := k
	for n := 0; n < 6; n++ {
		if !x.punct(t, ",") {
			break
		}
		if x.isWordTok(t+1) && x.word(t+1) == "and" {
			return (n > 0 || x.punct(k-2, ",")) && last(t+2) // Oxford comma after two items or more
		}
		e := item(t + 1)
		if e < 0 {
			break
		}
		t = e
		if x.isWordTok(t) && x.word(t) == "and" {
			return last(t + 1)
		}
	}
	return false
}

// siteDomains end the addresses news sites are named by ("Kun.uz",
// "Vlast.kz", "24.kg", "Akipress.com").
var siteDomains = set("uz", "kz", "kg", "tj", "tm", "ru", "az", "ge", "am", "mn", "ua", "by", "com", "org", "net", "info", "news", "media",
	"ai", "io", "asia", "eu")

// siteName returns the end of a site's address at token i ("Gazeta.uz"),
// or 0: a capitalized word or a number, a dot and a domain, all joined.
func (x *extractor) siteName(i int) int {
	w := x.word(i)
	if !(x.capWord(i) || isDigits(w)) || !x.punct(i+1, ".") || !x.adjacent(i+1) || !x.isWordTok(i+2) || !x.adjacent(i+2) ||
		!siteDomains[strings.ToLower(x.word(i+2))] || (x.isWordTok(i+3) && x.adjacent(i+3)) || (x.punct(i+3, ".") && x.adjacent(i+3) && x.isWordTok(i+4) && x.adjacent(i+4)) {
		return 0
	}
	if x.punct(i-1, ".") && x.adjacent(i) {
		return 0 // "www.gazeta.uz" is a link, the site is named in full elsewhere
	}
	return i + 3
}

// orAcronym reads ", or ACR," after a name just found ("the Summit Atom
// Rare Earth Company, or SARECO, with ..."): the acronym is that name's
// when its letters spell it. It returns the token after the acronym, or 0.
func (x *extractor) orAcronym(i int) int {
	if !x.punct(i, ",") || x.lastEnd != i || len(x.spans) == 0 || !x.isWordTok(i+1) || x.word(i+1) != "or" ||
		!x.isWordTok(i+2) || !looksAcronym(x.word(i+2)) || x.capWord(i+3) || !x.english {
		return 0
	}
	sp := x.spans[len(x.spans)-1]
	if sp.j != i || sp.m >= len(x.mentions) || !spellsAcronym(x, sp.i, sp.j, x.word(i+2)) {
		return 0
	}
	if _, _, known := x.gazetteer(i + 2); known {
		return 0 // "the EU, or NATO, ...": a list of known names
	}
	id := x.mentions[sp.m].EntityID
	if key := keyOf(x.text, x.toks[i+2]); x.local[key] == "" {
		x.local[key] = id
	}
	x.emit(id, i+2, i+3, pipeline.FormAcronym)
	return i + 3
}

// meetingWords end the name of a framework's meeting.
var meetingWords = set("Meeting", "Meetings", "Forum", "Conference", "Session", "Consultations")

// meetingOf returns the end of a meeting of a framework named right after
// it: up to three capitalized words ending in a meeting word ("Expert
// Meeting", "Business Forum"), then perhaps "on" and its capitalized topic
// ("on Disaster Risk Reduction"); or 0.
func (x *extractor) meetingOf(gj int) int {
	k := gj
	for k < len(x.toks) && k-gj < 4 && x.capWord(k) && !meetingWords[x.word(k)] && !x.startsMatch(k) {
		k++
	}
	if !x.isWordTok(k) || !meetingWords[x.word(k)] || k == gj {
		return 0 // the summit alone is handled apart; a bare "Meeting" after the name is too loose
	}
	k++
	if x.capWord(k) {
		return 0
	}
	if x.isWordTok(k) && x.word(k) == "on" && x.capWord(k+1) {
		e := k + 1
		for e < len(x.toks) && e-k < 8 && (x.capWord(e) || (x.isWordTok(e) && (x.word(e) == "and" || x.word(e) == "of") && x.capWord(e+1))) {
			e++
		}
		k = e
	}
	return k
}

// lowerInside reports a lower-case word among tokens [s, e) ("plus" in
// "Central Asia plus Japan Dialogue").
func (x *extractor) lowerInside(s, e int) bool {
	for t := s; t < e; t++ {
		if x.isWordTok(t) && !x.capWord(t) {
			return true
		}
	}
	return false
}

// andTheInside reports "and the" among tokens [s, p).
func (x *extractor) andTheInside(s, p int) bool {
	for t := s; t+1 < p; t++ {
		if x.isWordTok(t) && x.word(t) == "and" && x.isWordTok(t+1) && isThe(x.word(t+1)) {
			return true
		}
	}
	return false
}

// namedAfterWords end the names of places and bodies named after a person
// ("the Boris Yeltsin Presidential Library", "Heydar Aliyev International
// Airport").
var namedAfterWords = set("Library", "Airport", "Prize", "Award", "Museum", "Stadium", "Avenue", "Street", "Square",
	"Palace", "Park", "Bridge", "Mosque", "Memorial", "Centre", "Center")

// companyPrefixOf returns the company of the document whose name is name
// followed by at most two words that end in a legal form ("Ala-Too Payment
// Solutions LLC", "Nomad Logistics Company LLP"), or "".
func (x *extractor) companyPrefixOf(name string) string {
	if !strings.Contains(name, " ") && !strings.Contains(name, "-") {
		return ""
	}
	recent := x.localOrder
	if len(recent) > 256 {
		recent = recent[len(recent)-256:] // bounded work per name, as in shortOf
	}
	found := ""
	for _, id := range recent {
		e := x.localEnts[id]
		rest, ok := strings.CutPrefix(e.Name, name+" ")
		if !ok || e.Type != pipeline.TypeOrganization {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 0 || len(f) > 2 || !(legalWords[strings.TrimSuffix(f[len(f)-1], ".")] || f[len(f)-1] == "Company") {
			continue
		}
		if found != "" && found != id {
			return "" // two companies start so: no guess
		}
		found = id
	}
	return found
}

// shortOf returns the ID of an entity of the same type found earlier in the
// document whose name contains every word of name in order and ends with
// the same word, or "".
func (x *extractor) shortOf(name, typ string) string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return ""
	}
	// "the Cooperation Council" after "the Cooperation Council for the
	// Arab States of the Gulf" (a gazetteer name): the same body
	ms := x.mentions
	if len(ms) > 256 {
		ms = ms[len(ms)-256:]
	}
	for k := len(ms) - 1; k >= 0; k-- {
		if s := ms[k].Surface; len(s) > len(name)+4 && strings.EqualFold(s[:len(name)+1], name+" ") {
			switch strings.Fields(s[len(name):])[0] {
			case "of", "for", "in", "to", "on":
				return ms[k].EntityID
			}
		}
	}
	recent := x.localOrder
	if len(recent) > 256 {
		recent = recent[len(recent)-256:] // bounded work per name
	}
	for _, id := range recent {
		e := x.localEnts[id]
		if e.Type != typ {
			continue
		}
		long := strings.Fields(e.Name)
		if len(words) >= 2 && strings.HasSuffix(e.Name, " "+name) {
			return id // "the Coast Guard" after "the Philippine Coast Guard"
		}
		if len(long) > len(words)+1 && strings.HasPrefix(e.Name, name+" ") {
			switch long[len(words)] {
			case "of", "for", "in", "to":
				// "the Ministry of Foreign Affairs" after "the Ministry of
				// Foreign Affairs of the Republic of Kazakhstan"
				return id
			}
		}
		if len(long) <= len(words) || long[len(long)-1] != words[len(words)-1] || long[0] != words[0] {
			continue
		}
		k := 0
		for _, w := range long {
			if k < len(words) && w == words[k] {
				k++
			}
		}
		if k == len(words) {
			return id
		}
	}
	return ""
}

// titleRule finds a person after a title at token i: "President Islam
// Karimov", "Foreign Minister X Y", "Mr. Smith". The title is not part of
// the mention. It returns the token index after the name.
func (x *extractor) titleRule(i int) (int, bool) {
	x.cands = titleTrie.walk(x.cands[:0], x.text, x.toks, i)
	if len(x.cands) == 0 {
		return 0, false
	}
	m := x.cands[len(x.cands)-1]
	title := titles[titleTrie.nodes[m.n].hits[0].entry]
	j := m.j
	if x.isWordTok(j) && x.word(j) == "and" && x.capWord(j+1) {
		// "Deputy Prime Minister and Union Minister for Foreign Affairs",
		// "Chairman and Chief Executive Officer": two titles, one holder
		var buf [4]match
		if ms := titleTrie.walk(buf[:0], x.text, x.toks, j+1); len(ms) > 0 && !nobleTitles[title] && !strings.HasPrefix(title, "Lord") {
			second := titles[titleTrie.nodes[ms[len(ms)-1].n].hits[0].entry]
			if !nobleTitles[second] && !strings.HasPrefix(second, "Lord") && !strings.HasPrefix(second, "Lady") {
				j, title = ms[len(ms)-1].j, second // but "the Queen and Prince Philip" are two people
			}
		}
	}
	if innerTitles[title] && x.arabicParticle(j) {
		return 0, false // "Sultan bin Ahmed Al Jaber", "Sultan Al-Marshad": a given name
	}
	if r := x.capRunEnd(j); r > j+1 {
		// "the Shri Swaminarayan Mandir Temple", "Prince Sultan Air Base": a
		// body or a place named after someone, no person
		if typ, tail := tailType(x.word(r - 1)); tail {
			x.addLocal(i, r, typ, pipeline.FormName)
			return r, true
		} else if placeWords[x.word(r-1)] {
			return 0, false // "the Prince Edward Theatre": no person
		}
	}

	if x.punct(j, ".") && x.adjacent(j) {
		j++ // "Mr." when only "Mr" is listed
	}
	if pj := x.portfolioEnd(j); pj > j {
		// "Minister for Foreign Affairs Lars Løkke Rasmussen": a full name
		// after the portfolio
		// "Chair of the Foreign Affairs Committee Emily Thornberry": a body,
		// then the person
		body, known := -1, false
		var bodyHit hit
		if x.isWordTok(pj) && orgTails[x.word(pj)] && x.capWord(pj+1) {
			body, pj = pj+1, pj+1
		} else if gj, h, ok := x.gazetteer(pj); ok && x.g.entries[h.entry].Type == pipeline.TypeOrganization && x.capWord(gj) {
			body, known, bodyHit = pj, true, h
			pj = gj
		}
		if gj, h, ok := x.gazetteer(pj); ok && h.form != "" && x.g.entries[h.entry].Type == pipeline.TypePerson && !x.capWord(gj) && body < 0 {
			for _, pp := range x.portPlaces {
				x.emitHit(pp.i, pp.j, pp.h)
			}
			x.emitHit(pj, gj, h) // "High Commissioner for Human Rights Volker Türk": a known person
			return gj, true
		}
		if k := x.nameEnd(pj); k-pj >= 2 && (!x.capWord(k) || postNominals[x.word(k)]) && !x.startsNonPerson(pj) && !x.roleWords(pj, k) && !x.commonWords(pj, k) {
			if known {
				x.emitHit(body, pj, bodyHit)
			} else if body >= 0 {
				b := j + 1
				if x.isWordTok(b) && isThe(x.word(b)) {
					b++
				}
				x.addLocal(b, body, pipeline.TypeOrganization, pipeline.FormName)
			}
			words := 0
			for t := pj; t < k; t++ {
				if x.capWord(t) {
					words++
				}
			}
			if words >= 2 {
				for _, pp := range x.portPlaces {
					x.emitHit(pp.i, pp.j, pp.h) // "of the Republic of Kazakhstan"
				}
				x.addPerson(pj, k, words)
				return k, true
			}
		}
		if x.punct(pj, ",") && body < 0 && pj-j >= 2 {
			// "the Minister of Art, Culture, Tourism and the Creative
			// Economy, Barrister Hannatu Musawa": the office is read whole
			// (no names inside it), the holder follows in apposition
			for _, pp := range x.portPlaces {
				x.emitHit(pp.i, pp.j, pp.h)
			}
			return pj, true
		}
		return 0, false
	}
	if placeTitles[title] && x.isWordTok(j) && (x.word(j) == "to" || x.word(j) == "of" || x.word(j) == "on" || x.word(j) == "for") {
		// "Ambassador to China Kanasugi Kenji", "Permanent Representative of
		// the Philippines to the United Nations Antonio M. Lagdameo": the
		// places, then the person
		type hitAt struct {
			i, j int
			h    hit
		}
		var places []hitAt
		c := j
		for len(places) < 2 && x.isWordTok(c) && (x.word(c) == "to" || x.word(c) == "of" || x.word(c) == "on" || x.word(c) == "for") {
			s := c + 1
			if x.isWordTok(s) && isThe(x.word(s)) {
				s++
			}
			gj, h, ok := x.gazetteer(s)
			if !ok || h.form == "" {
				break
			}
			places = append(places, hitAt{s, gj, h})
			c = gj
		}
		if len(places) > 0 {
			if k := x.nameEnd(c); k-c >= 2 && !x.capWord(k) {
				for _, p := range places {
					x.emitHit(p.i, p.j, p.h)
				}
				x.addPerson(c, k, k-c)
				return k, true
			}
		}
	}
	if j >= len(x.toks) || !x.capWord(j) || x.toks[j].quoted {
		return 0, false // "Foreign Ministers' Meetings": no name after a quote or apostrophe
	}
	if (x.word(j) == "To" || x.word(j) == "Do" || x.word(j) == "He") && x.capWord(j+1) && !stopCaps[x.word(j+1)] && !x.startsMatch(j+1) {
		// Vietnamese and Chinese names that are English words: "General
		// Secretary To Lam", "Vice Premier He Lifeng"
		if k := x.nameEnd(j + 1); k > j+1 && !x.capWord(k) {
			x.addPerson(j, k, k-j)
			return k, true
		}
	}
	// A surname this document gave a full name already: "Mr Schroeder"
	// after "Gerhard Schroeder".
	if id, ok := x.local[keyOf(x.text, x.toks[j])]; ok && x.nameEnd(j) == j+1 &&
		!(politicalTitles[title] && x.knownSurname(j) != "" && x.knownSurname(j) != id) {
		x.emit(id, j, j+1, pipeline.FormShort) // but "King Salman" after "Khalid bin Salman" is the king
		return j + 1, true
	}
	// A known person after the title: the title anchors a bare surname.
	x.cands = x.g.trie.walk(x.cands[:0], x.text, x.toks, j)
	if id, cj, form := x.seenPerson(j); id != "" {
		x.emit(id, j, cj, form) // "President Japarov" after "President Sadyr Japarov", not Akylbek Japarov
		return cj, true
	}
cands:
	for c := len(x.cands) - 1; c >= 0; c-- {
		cm := x.cands[c]
		hs := x.g.trie.nodes[cm.n].hits
		surnames := 0 // known people's surnames this context does not give them
		for h := len(hs) - 1; h >= 0; h-- {
			e := &x.g.entries[hs[h].entry]
			if e.Type != pipeline.TypePerson {
				continue
			}
			if hs[h].flags&flagNeedsAnchor != 0 && x.listedShort(hs, h) {
				continue // a surname another known person is known by ("Japarov")
			}
			if hs[h].flags&flagNeedsAnchor != 0 {
				_, seen := x.idx[e.ID]
				honorific := strings.HasPrefix(title, "Mr") || strings.HasPrefix(title, "Ms") || title == "Sir" ||
					title == "Lord" || title == "Lady" || title == "Dame"
				_, named := x.local[keyOf(x.text, x.toks[j])] // "Mr. Brown" after "Mark Brown"
				if !seen && !politicalTitles[title] && !(honorific && !named && x.nameEnd(j) == j+1 && x.knownSurname(j) == e.ID &&
					!x.otherFirstName(x.word(j), e)) {
					surnames++
					continue // "Mr Blair" is Tony Blair when no other known person is a Blair
				}
			}
			if x.nameEnd(j) > cm.j {
				break cands // a longer, different name: "President Li Zhaoxing"
			}
			x.emit(e.ID, j, cm.j, hs[h].form)
			return cm.j, true
		}
		if x.capWord(cm.j) && !x.startsMatch(cm.j) && cm.j == j+1 && x.nameEnd(cm.j) == cm.j+1 {
			break // "Defence Minister Israel Katz": a first name like a place
		}
		if surnames == len(hs) {
			break // "Mr Abbasi" after "Feroz Abbasi": another person of that surname
		}
		// a country, organization or other name right after the title:
		// not a person ("President of", "Minister Japan")
		return 0, false
	}
	k := x.nameEnd(j)
	if k == j {
		return 0, false
	}
	words := 0
	for t := j; t < k; t++ {
		if x.toks[t].kind == tokWord {
			words++
		}
	}
	for t := j; t < k; t++ {
		if _, tail := tailType(x.word(t)); (tail && !(t == j && givenNames[x.word(t)] && k > j+1)) || placeWords[x.word(t)] {
			return 0, false // "Prince Edward Theatre" is a place, not a person; "Mayor Bill de Blasio" is one
		}
	}
	if words == 1 && utf8.RuneCountInString(x.word(j)) == 1 {
		return 0, false // an initial alone: "Mr P."
	}
	if words == 1 && (titleWord(x.word(j)) || roleNouns[strings.ToLower(x.word(j))]) {
		return 0, false // an address: "Mr. Chair", "Madam Speaker"
	}
	if words == 1 && weakTitles[title] {
		// "General Election", "Chief Constable": a weak title needs a
		// full name after it
		if _, known := x.local[keyOf(x.text, x.toks[j])]; !known {
			return 0, false
		}
	}
	if nobleTitles[title] && (words == 1 || words == 2 && !x.monarchFullName(title, j, k)) {
		// "Lord Falconer", "Baroness Morgan", "Lord Irvine of Lairg",
		// "Prince Charles": the title is part of the name people use
		name := k - 1 // "Irvine" in "Lord Irvine of Lairg"
		if x.isWordTok(k) && x.word(k) == "of" && x.capWord(k+1) && !x.matchAt(k+1) {
			k += 2
		}
		if x.isWordTok(k) && isRoman(x.word(k)) && len(x.word(k)) >= 2 {
			k++ // "Pope Leo XIV"
		}
		x.addPerson(i, k, words+1)
		if id, ok := x.idOfLastMention(); ok {
			if _, taken := x.local[keyOf(x.text, x.toks[name])]; !taken {
				x.local[keyOf(x.text, x.toks[name])] = id // "Lord Irvine" later
			}
		}
		return k, true
	}
	if words == 1 {
		if id, ok := x.local[keyOf(x.text, x.toks[j])]; ok {
			x.emit(id, j, k, pipeline.FormShort)
			return k, true
		}
		if id := x.knownSurname(j); id != "" {
			if e, ok := x.g.Entry(id); !ok || !x.otherFirstName(x.word(j), &e) {
				x.emit(id, j, k, pipeline.FormShort) // "Mr Blair": the one known person of that name
				return k, true
			}
		}
	}
	x.addPerson(j, k, words)
	return k, true
}

// knownSurname returns the ID of the one gazetteer person whose surname is
// the word at token j ("Blair" in "Mr Blair"), or "" when none or several
// share it.
func (x *extractor) knownSurname(j int) string {
	var buf [4]match
	id := ""
	for _, m := range x.g.trie.walk(buf[:0], x.text, x.toks, j) {
		if m.j != j+1 {
			continue
		}
		for _, h := range x.g.trie.nodes[m.n].hits {
			e := &x.g.entries[h.entry]
			if h.form != pipeline.FormShort || e.Type != pipeline.TypePerson {
				continue
			}
			if id != "" && id != e.ID {
				return ""
			}
			id = e.ID
		}
	}
	return id
}

// addPerson records a rule-found person named by tokens [j, k) of the
// given number of words, and links the surname of a full name (or the one
// word) to it for later short mentions.
func (x *extractor) addPerson(j, k, words int) {
	id := x.addLocal(j, k, pipeline.TypePerson, pipeline.FormName)
	if id != "" && words > 1 {
		last := k - 1
		if w := x.word(last); !stopCaps[w] && !nameStop[w] && utf8.RuneCountInString(w) > 2 {
			if _, taken := x.local[keyOf(x.text, x.toks[last])]; !taken {
				x.local[keyOf(x.text, x.toks[last])] = id
			}
		}
		// "MIYAJI Takuma": the family name is the one in capitals
		for t := j; t < k; t++ {
			if w := x.word(t); x.isWordTok(t) && utf8.RuneCountInString(w) > 2 && isAllCaps(w) {
				for _, key := range []string{w, titleCase(w)} {
					if _, taken := x.local[key]; !taken {
						x.local[key] = id
					}
				}
			}
		}
	} else if id != "" {
		x.local[keyOf(x.text, x.toks[j])] = id
	}
}

// monarchFullName reports whether a king or queen is named in full after
// the title ("King Norodom Sihamoni"): the name then stands without it, as
// readers write it ("King Charles" keeps it; "King Sejong Institutes" is
// no person).
func (x *extractor) monarchFullName(title string, j, k int) bool {
	if title != "King" && title != "Queen" || k-j != 2 {
		return false
	}
	last := x.word(k - 1)
	return !isTail(last) && !placeWords[last] && !strings.HasSuffix(last, "s") && !isRoman(last)
}

// placeTitles are held for or in a place, named after them before the
// holder ("Ambassador to China Kanasugi Kenji", "Standing Rapporteur on
// Ukraine Michał Szczerba").
var placeTitles = set("Ambassador", "Envoy", "Special Envoy", "Permanent Representative", "Rapporteur",
	"Special Rapporteur", "Standing Rapporteur")

// koreanSyllables reports whether token k opens a hyphenated Korean given
// name whose first syllable is an English word ("In-sun" in "Kang In-sun").
func (x *extractor) koreanSyllables(k int) bool {
	return x.punct(k+1, "-") && x.adjacent(k+1) && x.isWordTok(k+2) && x.adjacent(k+2) && !x.capWord(k+2) &&
		utf8.RuneCountInString(x.word(k)) <= 3 && utf8.RuneCountInString(x.word(k+2)) <= 4 && !(x.punct(k+3, "-") && x.adjacent(k+3))
}

// nickname reports whether token k is one quoted word right after a given
// name, closed before the next word ("Bong" in "Christopher "Bong" Go").
func (x *extractor) nickname(k int) bool {
	gap := x.text[x.toks[k-1].end:x.toks[k].start]
	end := x.text[x.toks[k].end:x.toks[k+1].start]
	open := strings.TrimSpace(gap)
	return (open == "\"" || open == "“" || open == "'" || open == "‘") && strings.ContainsAny(end, "\"”'’")
}

// nameEnd returns the end of a personal name starting at token j: up to
// four capitalized words, with particles ("bin", "van"), hyphenated parts
// and initials ("George W. Bush").
func (x *extractor) nameEnd(j int) int {
	k, words, nick := j, 0, -1
	for k < len(x.toks) && words < 4 {
		if w := x.word(k); x.isWordTok(k) && words > 0 && nameParticles[strings.ToLower(w)] && x.capWord(k) && x.capWord(k+1) {
			k++ // "Al Thani", "Bin Laden": a capitalized particle is no word of its own
			continue
		}
		t := x.toks[k]
		if k > j && words == 1 && t.quoted && x.capWord(k) && !t.nl && k+1 < len(x.toks) && x.toks[k+1].quoted &&
			x.toks[k+1].space && x.capWord(k+1) && x.adjacent(k) == false && x.nickname(k) {
			k++ // "Christopher "Bong" Go", "Luis 'Toto' Caputo": a nickname inside the name
			nick = k
			continue
		}
		if t.kind != tokWord || (k > j && (t.quoted && k != nick || t.nl)) {
			break
		}
		w := x.word(k)
		var buf [4]match
		if ms := titleTrie.walk(buf[:0], x.text, x.toks, k); len(ms) > 0 && !(words > 0 && innerTitles[w] && x.capWord(k+1)) &&
			!(innerTitles[w] && x.arabicParticle(k+1)) {
			break // "Lord Chancellor", "General Secretary"; but "Hassan Sheikh Mohamud"
		}
		switch {
		case words > 0 && postNominals[w]:
			return k // "Pat Conroy MP", "Philippe Sands QC"
		case words > 0 && patronymics[w]:
			return k + 1 // "Makhabat Tajibek kyzy"
		case x.capWord(k) && (!stopCaps[w] && !nameStop[w] || words > 0 && x.koreanSyllables(k)):
			if x.startsNonPerson(k) && words > 0 && !(words == 1 && x.surnameLikePlace(k)) {
				return k
			}
			words++
			k++
			// initial: "W."; abbreviated given name: "Ma. Theresa"
			if x.punct(k, ".") && x.adjacent(k) && (utf8.RuneCountInString(w) == 1 ||
				(utf8.RuneCountInString(w) <= 4 && words == 1 && x.capWord(k+1) && !isAllCaps(w))) {
				k++
			}
			// hyphenated: "Kassym-Jomart", "Jae-myung"
			for x.punct(k, "-") && x.adjacent(k) && x.isWordTok(k+1) && x.adjacent(k+1) {
				k += 2
			}
		case words > 0 && particleCamel(w) && (x.capWord(k+1) || !x.isWordTok(k+1)):
			words++
			k++ // "Neil deGrasse Tyson"
		case words > 0 && nameParticles[w] && x.punct(k+1, "-") && x.adjacent(k+1) && x.adjacent(k+2) && x.capWord(k+2):
			k += 2 // "al-Sharaa"
		case words > 0 && nameParticles[w] && (x.capWord(k+1) ||
			(x.isWordTok(k+1) && nameParticles[x.word(k+1)] && x.capWord(k+2))): // "de la Fuente"
			k++
		default:
			return k
		}
	}
	return k
}

// startsNonPerson reports whether a gazetteer name of something other than
// a person starts at token k.
func (x *extractor) startsNonPerson(k int) bool {
	var buf [4]match
	ms := x.g.trie.walk(buf[:0], x.text, x.toks, k)
	for _, m := range ms {
		for _, h := range x.g.trie.nodes[m.n].hits {
			if h.form != "" && x.g.entries[h.entry].Type != pipeline.TypePerson && h.flags&(flagAmbiguous|flagWordAcronym) == 0 {
				return true // an ambiguous name is also a given name: "Milan Radoicic", "Chad Smith"
			}
		}
	}
	return false
}

// orgRule finds an organization or framework named by its form at token i:
// capitalized words ending in an organization word ("Japan Meteorological
// Agency", "Liberal Democratic Party") or starting with one followed by
// "of"/"for" ("Ministry of Foreign Affairs"). It returns the end token and
// the entity type, or 0.
func (x *extractor) orgCore(i int, demonymOK bool) (int, string) {
	w := x.word(i)
	// A year starts a name when no known name follows it ("2050 Strategy
	// for the Blue Pacific Continent", but the 2026 NPT Review Conference
	// is an edition of the NPT Review Conference).
	numStart := isDigits(w) && len(w) == 4 && x.capWord(i+1) && !x.startsMatch(i+1) && x.isWordTok(i+1) &&
		(genericWords[x.word(i+1)] || isTail(x.word(i+1))) // "2050 Strategy", not "its 2004 Igaliku Agreement"
	// An ordinal names an edition of its own: "the 47th ASEAN Summit" is
	// another event than "the 41st ASEAN Summit".
	numStart = numStart || (isOrdinal(w) && x.capWord(i+1))
	ordinalWord, ordEnd := false, i+1
	if v, k := x.ordinalAt(i); v > 0 && k > i && x.capWord(i) && x.capWord(k) && !isThe(w) {
		numStart = true // "the Eleventh Summit of the Organization of Turkic States", "Twenty-Ninth Session"
		ordinalWord, ordEnd = true, k
	}
	if (!x.capWord(i) && !numStart) || (stopCaps[w] && !ordinalWord && !(weekdays[w] && x.isWordTok(i+1) && newspaperTails[x.word(i+1)]) &&
		!(w == "Senior" && x.isWordTok(i+1) && x.word(i+1) == "Officials" && x.tailWithin(i+2, 2))) {
		return 0, "" // but "the Sunday Times", "the Senior Officials Committee"
	}
	// "Japan-North Korea Pyongyang Declaration": the countries of a
	// hyphenated pair are mentions of their own, the name starts after them.
	if j, h, ok := x.gazetteer(i); ok && h.form != "" && ((x.pairDash(j) && x.adjacent(j)) || (x.pairDash(i-1) && x.adjacent(i))) {
		switch x.g.entries[h.entry].Type {
		case pipeline.TypeCountry, pipeline.TypeRegion:
			// ... unless what follows the pair is generic: the
			// "Japan-Central Asia Economic Forum" is one name.
			if !(x.pairDash(j) && x.genericAfterPair(j+1)) {
				return 0, ""
			}
		}
	}
	// A country's demonym does not start an organization's name
	// ("Japanese Foreign Ministry" is Japan, then the ministry); a region's
	// may ("African Group").
	if _, h, ok := x.gazetteer(i); ok && !demonymOK && h.form == pipeline.FormDemonym && x.g.entries[h.entry].Type == pipeline.TypeCountry {
		return 0, ""
	}
	k, lastCap := i, i
	bestTail, tailTyp := 0, ""
	ands := 0
	joined := false  // an "and" inside one name (andJoins)
	between := false // "between <party> and <party>" inside the name
	crossed := false
	for k < len(x.toks) && k-i < maxNameTokens {
		t := x.toks[k]
		if k > i && t.nl {
			break // "Spokesperson\nMinistry of Foreign Affairs\nAbuja": lines of a signature
		}
		if k > i && t.quoted && !x.pluralPoss(k) {
			break // a quote mark ends the name, but not "Leaders' Summit"
		}
		if t.kind == tokWord {
			ww := x.word(k)
			if k == i && numStart {
				k = ordEnd // "46th ASEAN Summit", "2050 Strategy for the Blue Pacific Continent", "Seventy-eighth World Health Assembly"
				continue
			}
			if k == i+1 && isDigits(ww) && x.capWord(k+1) && len(ww) <= 4 {
				k++ // "Tokyo 2020 Olympic and Paralympic Games"
				continue
			}
			if k > i && (ww == "OR" || ww == "AND" || ww == "THE") {
				break // "Department of International Relations and Cooperation OR Tambo Building"
			}
			if ww == "in" && crossed && x.isWordTok(k+1) && isThe(x.word(k+1)) && x.isWordTok(k+2) && isOrdinal(x.word(k+2)) &&
				x.isWordTok(k+3) && x.word(k+3) == "Century" {
				k += 4 // "... for the Development of Central Asia in the 21st Century"
				lastCap, bestTail = k, k
				continue
			}
			if ww == "up" && k-3 > i && strings.EqualFold(x.word(k-1), "Period") && x.word(k-3) == "for" && x.isWordTok(k+1) && x.word(k+1) == "to" && x.isWordTok(k+2) && isYear(x.word(k+2)) {
				k += 3 // "... for the Period up to 2030"
				lastCap, bestTail = k, k
				continue
			}
			if (ww == "on" || ww == "from") && x.sideAhead(k+1) {
				break // "the Drug Enforcement Administration on the U.S. side": a side, not part of the name
			}
			if ww == "MP" || ww == "MPs" || ww == "MEP" || ww == "MEPs" || ww == "MSP" {
				break // "Labour MP Stephen Pound and Labour Party leaders": a member, then a name
			}
			if k > i && x.headline && headlineVerbs[ww] {
				break // "World Bank Group Adopts New Partnership Framework for ..."
			}
			if x.capWord(k) {
				if gj, h, ok := x.gazetteer(k); ok && gj > k+1 && h.form != "" && x.lowerInside(k, gj) {
					switch x.g.entries[h.entry].Type {
					case pipeline.TypeOrganization, pipeline.TypeFramework, pipeline.TypeEvent:
						if crossed && k > i {
							k, lastCap = gj, gj // "Summit Meeting of the Central Asia plus Japan Dialogue": the known name whole
							continue
						}
					case pipeline.TypeCity, pipeline.TypeCountry, pipeline.TypeRegion:
						if x.tailWithin(gj, 3) && !(k == i && x.pairDash(i-1)) { // not the "Republic of Korea Summit" of "Central Asia – Republic of Korea Summit"
							k, lastCap = gj, gj // "the G20 Rio de Janeiro Leaders' Declaration": the place whole
							continue
						}
					}
				}
			}
			if x.capWord(k) || (isAllCaps(ww) && k > i) {
				if k > i && (stopCaps[ww] || ww == "Member" || ww == "Members") && !(x.word(k-1) == "a" || x.word(k-1) == "an") &&
					!(ww == "Against" && bestTail == k && x.capWord(k+1) && !stopCaps[x.word(k+1)]) && // "Global Alliance Against Hunger and Poverty"
					!(crossed && isThe(x.word(k-1)) && x.capWord(k+1) && !stopCaps[x.word(k+1)]) && // "for the Next Decade"
					!(crossed && ww == "All" && x.word(k-1) == "of" && x.capWord(k+1) && !stopCaps[x.word(k+1)]) && // "the Rights of All Migrant Workers"
					!(orgInner[ww] && x.capWord(k+1)) { // "UN Interim Force"
					break // but "for a Just Peace"
				}
				if k > i && crossed && x.knownPersonAt(k) {
					break // "General Secretary of the Central Committee of the Communist Party of Vietnam Nguyen Phu Trong"
				}
				if k > i && (bestTail == k || crossed) && x.capWord(k+1) && !isAllCaps(ww) && !isAllCaps(x.word(k+1)) &&
					!notNames[ww] && !commonWord(x.word(k+1)) && !x.matchAt(k) &&
					(personStart(ww) || (!commonWord(ww) && !x.startsMatch(k))) {
					break // "Secretary-General of the Organization of Turkic States Kubanychbek Omuraliev"
				}
				if k > i && crossed && titleWord(ww) && !x.capWord(k+1) && x.endsPlace(k) {
					break // "a Church of Scotland Minister in Kirkcaldy": the body, then a title
				}
				if k > i && titleWord(ww) && x.capWord(k+1) {
					// "Bank of Japan Governor Haruhiko Kuroda" ends before
					// the title; "Youth Leader Fund" and "Association of
					// Chief Police Officers" go on.
					if _, tail := tailType(x.word(k + 1)); !tail || (x.word(k+1) == "Bill" && x.capWord(k+2)) {
						break // "Opposition Leader Bill Shorten": a given name, not a bill
					}
				}
				k++
				lastCap = k
				if typ, ok := tailType(ww); ok && k-i >= 2 && !(ww == "Bill" && x.capWord(k)) {
					bestTail, tailTyp = k, typ
				} else if ww == "Management" && k-i >= 3 && managedWords[x.word(k-2)] {
					bestTail, tailTyp = k, pipeline.TypeOrganization // "TCI Fund Management", not "Crisis Management"
				}
				continue
			}
			if k > i && isYear(ww) && bestTail == k && frameworkTails[x.word(k-1)] && x.word(k-1) != "Resolution" {
				k++ // "ASEAN Community Vision 2045", "Strategy 2030": the year is part of the name
				if (x.punct(k, "-") || x.punct(k, "–")) && x.adjacent(k) && x.isWordTok(k+1) && x.adjacent(k+1) && isYear(x.word(k+1)) {
					k += 2 // "Basin Development Strategy 2021-2030"
				}
				lastCap, bestTail = k, k
				continue
			}
			if crossed && ww == "in" && x.isWordTok(k+1) && isThe(x.word(k+1)) && x.isWordTok(k+2) && inThePhrase[x.word(k+2)] &&
				x.isWordTok(k+3) && x.word(k+3) == "of" && x.capWord(k+4) {
				k += 2 // "Agreement on Cooperation in the Field of Energy", "... in the Face of Sea-Level Rise"
				continue
			}
			if ww == "in" && k > i && x.capWord(k+1) && !x.matchAt(k+1) && x.tailWithin(k+1, 3) {
				k++ // "ASEAN Trade in Goods Agreement", "Trade in Services Agreement"
				continue
			}
			if (crossed || bestTail == k) && ww == "to" && x.capWord(k+1) && commonWord(x.word(k+1)) && !x.matchAt(k+1) &&
				x.isWordTok(k+2) && (isThe(x.word(k+2)) || x.capWord(k+2)) {
				k++ // "Jeddah Declaration of Commitment to Protect the Civilians of Sudan"
				continue
			}
			if crossed && ww == "and" && x.isWordTok(k+1) && isThe(x.word(k+1)) && x.capWord(k+2) &&
				nominalization(x.word(k+2)) && orgHeads[x.word(k+2)] == "" && !isTail(x.word(k+2)) && x.isWordTok(k+3) && x.word(k+3) == "of" {
				k += 2 // "... Question of Palestine and the Implementation of the Two-State Solution"
				continue
			}
			if crossed && ww == "and" && x.isWordTok(k+1) && (x.word(k+1) == "its" || x.word(k+1) == "Its") && x.capWord(k+2) &&
				!stopCaps[x.word(k+2)] && x.endsPlace(k) {
				k += 2 // "International Humanitarian Conference for Sudan and its Neighbouring Countries"
				continue
			}
			if ww == "and" && k == i+1 && x.capWord(k+1) {
				if id, ok := x.local[keyOf(x.text, x.toks[i])]; ok && x.isPerson(id) {
					break // "Osmonov and Chui Finance Group LLC": a man named before, then a firm
				}
			}
			if ww == "and" && k > i && x.capWord(k+1) {
				last := k - 1
				if last > i && legalWords[x.word(last)] {
					last-- // "TotalEnergies SE and Exxon Mobil Corp"
				}
				if e, known := x.g.byName(x.text[x.toks[i].start:x.toks[last].end]); known && e.Type != pipeline.TypeCountry &&
					e.Type != pipeline.TypeRegion && e.Type != pipeline.TypeCity {
					break // "Japan Bank for International Cooperation and Nippon Export and Investment Insurance": two bodies
				}
			}
			placeAnd := ww == "and" && x.endsPlace(k) && x.isWordTok(k+1) && isThe(x.word(k+1)) && x.startsPlaceOrRegion(k+2)
			if ww == "and" && k == i+1 && bestTail == 0 && !commonWord(x.word(i)) && x.knownBodyAt(k+1) {
				break // "Denso and Toyota Motor Corporation", "Kioxia and MUFG Bank": two companies
			}
			if ww == "and" && x.endsPlace(k) && x.knownBodyAt(k+1) {
				break // "Bank of America and Citigroup": two companies
			}
			if ww == "and" && bestTail == 0 && !crossed && x.knownBodyAt(k+1) && x.personFirst(i, k) {
				break // "Stephen Pound and Labour Party leaders": a person, then a party
			}
			if x.stateAndGovernment(k) {
				joined = true
				k++ // "Authority of Heads of State and Government"
				continue
			}
			if ww == "and" && crossed && ands == 0 && x.andEnds(k) && !x.endsCountry(k) { // not "... Party of Tajikistan and Group 24"
				joined = true
				ands++
				k++ // "Action Plan for Human Resource Exchange and Cooperation", "Ministry of Trade and Industry"
				continue
			}
			if ww == "and" && (bestTail == k || (k == i+1 && frameworkTails[x.word(i)])) && ands == 0 && x.andJoins(i, k) {
				ands++
				joined = true
				k++ // "Enhanced Partnership and Cooperation Agreement": one name
				continue
			}
			if ww == "and" && !placeAnd && (bestTail == k || ands > 0 || (x.isWordTok(k+1) && isThe(x.word(k+1)))) {
				// "the NPT and the CTBT", "Highlands and Islands and
				// Southampton": two names, not one
				break
			}
			if ww == "and" && x.isWordTok(k+1) && isAllCaps(x.word(k+1)) && !x.capWord(k+2) {
				break // "the Organization of American States and BINUH"
			}
			if ww == "and" && x.startsPlace(k+1) && !x.endsPlace(k) {
				break // "the Organization of American States and Canada"
			}
			if ww == "and" {
				ands++
			}
			if ww != "and" && ww != "the" && crossed && x.endsCountry(k) &&
				!(ww == "for" && x.capWord(k+1) && orgTails[x.word(i)] && x.isWordTok(i+1) && x.word(i+1) == "of") &&
				!(ww == "for" && tailTyp == pipeline.TypeFramework && x.isWordTok(k+1) && isThe(x.word(k+1)) && x.isWordTok(k+2) && x.word(k+2) == "Period") {
				// (and "the National Development Strategy of the Republic of
				// Tajikistan for the Period up to 2030" goes on)
				// (but "the Agency of the Republic of Kazakhstan for Regulation
				// and Development of the Financial Market" goes on: the
				// agency is named by what it is for)
				break // "Ministry of Foreign Affairs of Denmark" ends before "on the Arctic"
			}
			if ww == "between" && k > i && (bestTail == k || crossed && lastCap == k) && tailTyp != "" &&
				(crossed || k-i == 1 || (k-i == 2 && x.word(i) == "Association")) {
				// only where the name before it is not one on its own: "the
				// Mutual Defense Treaty between ..." is the Mutual Defense
				// Treaty
				if e := x.betweenEnd(k); e > k {
					// "the Association Agreement between the European Union
					// and Georgia", "the Treaty between the Kyrgyz Republic
					// and the Republic of Tajikistan on ...": the two sides
					// are mentions of their own
					x.inners = append(x.inners, x.betweenSides...)
					k, lastCap, bestTail, crossed, between = e, e, e, true, true
					continue
				}
			}
			if frameworkConnectors[ww] && k > i && (x.capWord(k+1) || (x.isWordTok(k+1) && isThe(x.word(k+1)) && x.capWord(k+2))) &&
				(tailTyp == pipeline.TypeFramework || frameworkTails[x.word(i)]) && (bestTail == k || crossed || k == i+1) {
				crossed = true
				k++ // "Declaration on Principles of International Law concerning Friendly Relations"
				continue
			}
			if (orgConnectors[ww] || ((ww == "a" || ww == "an") && k > i && (x.word(k-1) == "for" || x.word(k-1) == "of" || x.word(k-1) == "on" ||
				(crossed && x.capWord(k-1) && strings.HasSuffix(x.word(k-1), "ing"))))) && k > i && // "for Achieving a World Free of Terrorism"
				(x.capWord(k+1) || (x.isWordTok(k+1) && (x.word(k+1) == "the" || x.word(k+1) == "a") && x.capWord(k+2))) {
				prev := x.word(k - 1)
				_, prevTail := tailType(prev)
				switch {
				case (ww == "on" || ww == "in") && x.headline && crossed && orgHeads[prev] == "" && orgHeads[x.word(i)] == pipeline.TypeOrganization:
					// a headline: "Statement of the Department of Foreign
					// Affairs on the Latest Incident", every word capitalized
					ww = ""
				case ww == "and" || ww == "&":
					// "Food and Agriculture Organization"
				case (ww == "the" || ww == "a" || ww == "an") && orgConnectors[prev]:
				case ww == "for" && prev == "Parliament" && k == i+1:
					ww = "" // "entered Parliament for Sheffield Brightside": a seat follows
				case ww == "of" && legislatures[prev] && x.isWordTok(k+1) && isThe(x.word(k+1)) && x.lawAhead(k+2):
					ww = "" // "the Parliament of the Foreign Agents Registration Act": the body adopts the law
				case orgHeads[prev] != "" || prevTail || crossed || (prev == "General" && k >= i+2 && orgHeads[x.word(k-2)] != ""):
					// "Ministry of", "Fund for Saving the Aral Sea", then
					// "Convention on the Rights of the Child"
					crossed = true
				case (ww == "for" || ww == "für" || ww == "pour" || ww == "para") && x.capWord(k+1):
					// "Nutrition for Growth Summit", but not "Porto Alegre
					// for the World Social Forum" nor "Wilson of Mellon Bank"
					crossed = true
				case ww == "of" && x.lawAhead(k+1):
					crossed = true // "Freedom of Information Act", "Prevention of Terrorism Bill"
				default:
					// "Porto Alegre for the World Social Forum": a
					// connector after a plain word ends the name
					ww = ""
				}
				if ww != "" {
					k++
					continue
				}
			}
			break
		}
		if k > i && x.punct(k, "(") && x.isWordTok(k+1) && looksAcronym(x.word(k+1)) && x.punct(k+2, ")") && x.capWord(k+3) &&
			!x.toks[k+3].nl {
			if gj, _, known := x.gazetteer(i); known && gj == k {
				// "the Shanghai Cooperation Organisation (SCO) Summit": the
				// known body is named; the summit after it is not read
			} else if _, tail := tailType(x.word(k + 3)); tail && (eventTails[x.word(k+3)] || frameworkTails[x.word(k+3)]) {
				k += 3 // "ASEAN-Gulf Cooperation Council (GCC) Summit": the acronym inside the name
				continue
			}
		}
		if x.punct(k, "-") && x.adjacent(k) && x.capWord(k+1) && x.adjacent(k+1) {
			k++
			continue
		}
		if crossed && x.punct(k, ",") && x.commaListInName(k) {
			k++ // "Strategy for a Free, Peaceful, and Prosperous Indo-Pacific Region"
			continue
		}
		if x.punct(k, "–") && x.adjacent(k) && x.capWord(k+1) && x.adjacent(k+1) && x.endsPlace(k) && x.genericAfterPair(k+1) {
			k++ // "United States–Central Asia Trade and Investment Framework Agreement"
			continue
		}
		if k > i && x.punct(k, "-") && x.adjacent(k) && x.word(k-1) == strings.ToUpper(x.word(k-1)) && x.isWordTok(k+1) && isDigits(x.word(k+1)) &&
			x.adjacent(k+1) && len(x.word(k+1)) <= 2 {
			k += 2 // "G-7 Hiroshima Summit" as "G7 Hiroshima Summit"
			continue
		}
		if k == i+1 && x.word(i) == "High" && x.punct(k, "-") && x.adjacent(k) && x.isWordTok(k+1) && x.adjacent(k+1) &&
			x.word(k+1) == "level" && x.capWord(k+2) {
			k += 2 // "the High-level Strategic Dialogue"
			continue
		}
		if x.punct(k, "-") && x.adjacent(k) && x.isWordTok(k+1) && x.adjacent(k+1) && k-1 > i && len(x.word(k-1)) == 1 && x.capWord(k-1) {
			k += 2 // "Joint Statement Initiative on E-commerce"
			lastCap = k
			continue
		}
		if x.punct(k, "-") && x.adjacent(k) && x.isWordTok(k+1) && x.adjacent(k+1) && x.capWord(k+2) && k-1 > i &&
			!adjHyphen[x.word(k+1)] {
			k += 2 // "Association of Serb-majority Municipalities"
			continue
		}
		if k > i && (x.punct(k, "–") || x.punct(k, "-") || x.punct(k, "—")) && bestTail == k && frameworkTails[x.word(k-1)] &&
			x.word(k-1) != "Resolution" && x.isWordTok(k+1) && isYear(x.word(k+1)) {
			k += 2 // "Turkic World Vision – 2040"
			lastCap, bestTail = k, k
			continue
		}
		if t.kind == tokPoss && k > i && possInside[x.word(k-1)] && x.capWord(k+1) {
			k++ // "People's Liberation Army", "Children's Fund"
			continue
		}
		if t.kind == tokPoss && k == i+1 && x.capWord(k+1) && !x.capWord(k+2) && !x.capWord(i-1) && !x.punct(i-1, "&") &&
			!x.startsMatch(i) && (isTail(x.word(k+1)) || placeWords[x.word(k+1)]) {
			k++ // "Sam's Club", "Fisherman's Terminal": a name with a possessive inside
			continue
		}
		if crossed && x.punct(k, ",") && x.capWord(k+1) && x.commaListName(k) {
			k++ // "Treaty on Permanent Good-Neighbourliness, Friendship and Cooperation"
			continue
		}
		break
	}
	if bestTail > 0 && bestTail < lastCap && orgHeads[w] != "" && x.isWordTok(i+1) && (x.word(i+1) == "of" || x.word(i+1) == "for") {
		bestTail = lastCap // "Association of Chief Police Officers"
	}
	if bestTail > 0 {
		end := bestTail
		// "Convention on the Law of the Sea", "Fund for Saving the Aral
		// Sea": the name goes on after of/for/on when capitals follow.
		continued := false
		if lastCap > bestTail && x.isWordTok(bestTail) {
			switch x.word(bestTail) {
			case "of", "for", "on":
				end, continued = lastCap, true
			case "to":
				if u := x.word(bestTail + 1); x.capWord(bestTail+1) && commonWord(u) && !x.startsMatch(bestTail+1) && !stopCaps[u] && lastCap > bestTail+2 {
					end, continued = lastCap, true // "the Global Coalition to Address Synthetic Drug Threats"
				}
			case "against", "Against":
				if tailTyp == pipeline.TypeFramework || againstHeads[x.word(bestTail-1)] {
					end, continued = lastCap, true // "the Convention against Torture", not "the Court against Sudan"
				}
			case "in":
				if x.isWordTok(bestTail+2) && inThePhrase[x.word(bestTail+2)] {
					end, continued = lastCap, true // "Agreement on Strategic Partnership in the Field of Green Energy"
				}
			}
		}
		if continuedTails[x.word(bestTail-1)] && (!continued || x.word(bestTail) != "of") {
			return 0, "" // "International Year of ...", not "New Year on the ABC"
		}
		if x.endsInKnownName(i, end) && !x.headOfKnown(i) && !(numStart && x.editionHead(i)) && !between {
			// (an edition keeps its body's name: "the Eleventh Summit of the
			// Organization of Turkic States" is that summit)
			// "Ministerial Meeting of the Security Council", "President of
			// the General Assembly": something of a known body, which is
			// the entity a reader wants. The words before the known name
			// are skipped ("Ministerial Council of the Cooperation Council
			// for the Arab States of the Gulf" is not "Council of the ...").
			// A body of its own before "of the <known>" stays a name
			// ("the Ministerial Council" of the GCC, "the Authority of
			// Heads of State and Government" of ECOWAS); the known name
			// is found after it.
			c := x.knownStart
			if c-1 > i && isThe(x.word(c-1)) {
				c--
			}
			if c-1 > i && (x.word(c-1) == "of" || x.word(c-1) == "for") {
				c--
			}
			if c-i >= 2 && x.capWord(c-1) && (!x.allGeneric(i, c) || bodyTails[x.word(c-1)]) && !x.allTitles(i, c) &&
				!x.startsTitle(i) && !titleWord(x.word(c-1)) {
				if typ, ok := tailType(x.word(c - 1)); ok && typ == pipeline.TypeFramework && x.word(c) == "of" && !bareTails[x.word(c-1)] &&
					c-i <= 2 { // not "the Cooperative Framework Agreement of the Nile Basin Initiative"
					if kj, kh, kok := x.gazetteer(x.knownStart); kok && kj == end && kh.form != "" && x.g.entries[kh.entry].Type == pipeline.TypeOrganization {
						// "the Constitutive Act of the African Union": a body's
						// founding text named whole; the body is a mention of its own
						x.inners = append(x.inners, span{x.knownStart, kj, int(kh.entry)})
						return end, typ
					}
				}
				if typ, ok := tailType(x.word(c - 1)); ok && typ == pipeline.TypeOrganization {
					if kj, kh, kok := x.gazetteer(x.knownStart); c-i == 2 && namedOrgans[x.word(i)+" "+x.word(i+1)] && x.word(c) == "of" && kok && kj == end &&
						x.g.entries[kh.entry].Type == pipeline.TypeOrganization {
						// "the Parliamentary Assembly of the Council of
						// Europe": an organ named whole with its body; the
						// known body is a mention of its own
						x.inners = append(x.inners, span{x.knownStart, kj, int(kh.entry)})
						return end, typ
					}
					return c, typ // a body: "Ministerial Council", "Peace and Security Council"
				}
			}
			x.rejectEnd = x.knownStart
			return 0, ""
		}
		if x.allGeneric(i, end) && !(crossed && lawTails[x.word(end-1)]) {
			return 0, "" // but "the Freedom of Information Act" is a law
		}
		if !continued && (bareTails[x.word(end-1)] || (x.word(end-1) == "Group" && strings.ContainsAny(x.word(i), "0123456789"))) && !(i > 0 && x.isWordTok(i-1) && (isOrdinal(x.word(i-1)) || isDigits(x.word(i-1)))) {
			// "Security Council Resolution": the council, not a new name;
			// but "the BRICS Summit" is the group's summit
			if j, h, ok := x.gazetteer(i); ok && j == end-1 && h.form != "" {
				switch t := x.g.entries[h.entry].Type; {
				case t == pipeline.TypeOrganization && x.word(end-1) == "Summit":
					return end, pipeline.TypeEvent
				case t == pipeline.TypeOrganization, t == pipeline.TypeFramework, t == pipeline.TypeEvent:
					return 0, ""
				}
			}
		}
		if a := x.splitAnd(i, end); a > 0 && !joined {
			if x.companyBefore(i, a) {
				return a, pipeline.TypeOrganization
			}
			return x.orgEnd(i, a)
		}
		return end, tailTyp
	}
	// "Ministry of Foreign Affairs", "Strategic Framework for the Defence
	// of ...": a head, a connector, a name
	for h := i; h < i+3 && h+1 < lastCap; h++ {
		typ, ok := orgHeads[x.word(h)]
		if !ok || lastCap-i < 3 || !x.capWord(h) {
			continue
		}
		c := h + 1
		if x.isWordTok(c) && x.word(c) == "General" {
			c++ // "Directorate General of Military Operations"
		}
		if x.isWordTok(c) && (x.word(c) == "of" || x.word(c) == "for" || x.word(c) == "on" ||
			(foreignHeads[x.word(h)] && romanceConnectors[x.word(c)])) { // "Banque du Liban"
			if (x.endsInKnownName(i, lastCap) && !x.headOfKnown(i)) || x.allGeneric(i, lastCap) && !x.portfolioOf(h, lastCap) {
				return 0, ""
			}
			return lastCap, typ
		}
	}
	return 0, ""
}

// groupDash finds a group's name written with a dash ("G-7", "G-20").
var groupDash = regexp.MustCompile(`\b([A-Z])-([0-9]{1,2})\b`)

// inThePhrase are the nouns of "in the ... of" inside the long names of
// agreements and declarations ("Agreement on Cooperation in the Field of
// Education").
// managedWords before "Management" make it a company's name ("TCI Fund
// Management", "BlackRock Investment Management").
var managedWords = set("Fund", "Funds", "Asset", "Assets", "Investment", "Investments", "Capital", "Wealth",
	"Portfolio", "Property")

// frameworkConnectors continue the title of a treaty, declaration or
// agreement ("... concerning Friendly Relations and Cooperation among
// States").
// "between" and "with" are not: "the Declaration of Principles between the
// Government of the DRC and ..." is read as the declaration and the DRC.
var frameworkConnectors = set("concerning", "regarding", "among", "amongst")

var inThePhrase = set("Field", "Fields", "Face", "Area", "Areas", "Sphere", "Spheres", "Context", "Framework")

// titleWord reports words that start a person's title and so end an
// organization's name ("Bank of Japan Governor ...").
func titleWord(w string) bool {
	switch w {
	case "President", "Governor", "Minister", "Chairman", "Chairwoman", "Director", "Secretary", "Spokesman",
		"Spokeswoman", "Spokesperson", "Chief", "Head", "Ambassador", "Mr", "Mrs", "Ms", "Dr", "Leader":
		return true
	}
	return false
}

// acronymDef handles "(SCO)" at token p, the definition of an acronym
// after a name: "the Shanghai Cooperation Organisation (SCO)". The acronym
// then links to that entity; the parenthesis is not a separate mention. It
// returns the token after ")".
func (x *extractor) acronymDef(p int) (int, bool) {
	if p+3 < len(x.toks) && x.lastEnd == p && len(x.mentions) > 0 && x.isWordTok(p+1) && looksAcronym(x.word(p+1)) &&
		x.isWordTok(p+2) && isDigits(x.word(p+2)) && x.punct(p+3, ")") {
		return p + 4, true // "the Eighth Tokyo International Conference on African Development (TICAD 8)"
	}
	if p+4 < len(x.toks) && x.isWordTok(p+1) && x.punct(p+2, "-") && x.isWordTok(p+3) && x.punct(p+4, ")") &&
		x.adjacent(p+2) && x.adjacent(p+3) && x.english {
		// "(LTMS-PIP)": a name only, no short form to link
		acr := x.word(p+1) + x.word(p+3)
		if !looksAcronym(acr) {
			return 0, false
		}
		return x.acronymSearch(p, p+4, acr, "")
	}
	if p+2 >= len(x.toks) || !x.isWordTok(p+1) || !x.punct(p+2, ")") {
		return 0, false
	}
	acr := x.word(p + 1)
	if !looksAcronym(acr) {
		return 0, false
	}
	key := keyOf(x.text, x.toks[p+1])
	if x.lastEnd == p && len(x.mentions) > 0 {
		m := x.mentions[len(x.mentions)-1]
		if _, _, known := x.gazetteer(p + 1); x.english && !known && nameInitials(m.Surface) != acronymLetters(acr) &&
			!strings.ContainsAny(acr, "0123456789") {
			// the name before it may end in the mention: "Defence
			// Innovation Accelerator for the North Atlantic (DIANA)"
			if j, ok := x.acronymSearch(p, p+2, acr, key); ok {
				return j, true
			}
		}
		id := m.EntityID
		if _, ok := x.local[key]; !ok {
			x.local[key] = id
		}
		if gj, gh, ok := x.gazetteer(p + 1); ok && gj == p+2 && gh.form == pipeline.FormAcronym &&
			x.g.entries[gh.entry].ID != id && nameInitials(m.Surface) == acronymLetters(acr) {
			x.defined[key] = id // "World Tourism Organisation (WTO)"
		}
		return p + 3, true
	}
	if _, _, ok := x.gazetteer(p + 1); ok || !x.english {
		return 0, false
	}
	return x.acronymSearch(p, p+2, acr, key)
}

// acronymSearch finds the words before the parenthesis at token p whose
// initials spell the acronym acr, records them as the acronym's name and
// returns the token after ")".
//
// The acronym's closing parenthesis is token c; a hyphenated acronym
// ("LTMS-PIP") has no key, as no later short form is linked to it.
func (x *extractor) acronymSearch(p, c int, acr, key string) (int, bool) {
	// find the words before the parenthesis whose initials spell it
	letters := acronymLetters(acr)
	floor := x.lastEnd
	retract := -1 // start token of the last mention, which the name may absorb
	if n := len(x.spans); floor == p && n > 0 {
		// the name ends in the last mention ("... for the North Atlantic
		// (DIANA)"): it may start anywhere after the mention before it
		floor, retract = 0, x.spans[n-1].i
		if n >= 2 {
			floor = x.spans[n-2].j
		}
	} else if floor < 0 {
		floor = 0
	} else if len(x.mentions) > 0 && x.mentions[len(x.mentions)-1].SentID == x.sent.SentID {
		m := x.mentions[len(x.mentions)-1]
		for t := floor - 1; t >= 0; t-- {
			if int(x.toks[t].start) == m.Start {
				retract = t
				break
			}
		}
	}
	for s := p - 1; s >= 0 && p-s <= 3*len(letters)+2; s-- {
		if !x.capWord(s) {
			continue
		}
		if w := x.word(s); isAllCaps(w) && utf8.RuneCountInString(w) >= 3 && s < p-1 && x.andTheInside(s, p) {
			continue // "TURKSOY and the Parliamentary Assembly of Turkic States (TURKPA)": two names
		}
		inside := s >= floor || s == retract
		if ini := initials(x, s, p); (inside && (ini == letters || (len(letters) >= 3 && initialsWithConnectors(x, s, p) == letters))) ||
			spellsAcronym(x, s, p, acr) {
			s = x.longerForm(s, p, acr)
			if n := len(x.spans); n > 0 && x.spans[n-1].i == s && x.spans[n-1].j == p && x.spans[n-1].m < len(x.mentions) {
				if id := x.mentions[x.spans[n-1].m].EntityID; id != "" {
					if _, known := x.g.Entry(id); known {
						if key != "" {
							x.local[key] = id
						}
						return c + 1, true // "Islamic State in Iraq and the Levant-Khorasan (ISIL-K)": a known name, spelled out
					}
				}
			}
			// Only the names of actors: "Really Simple Syndication (RSS)"
			// or "Liquid Crystal Display (LCD)" are technologies.
			q := p - 1
			for q > s && !x.capWord(q) {
				q-- // "Power Development Plan 8 (PDP8)"
			}
			typ := ""
			if t, ok := tailType(x.word(q)); ok {
				typ = t
			} else if x.word(q) == "Goals" || x.word(q) == "Agenda" || x.word(q) == "Arrangement" || x.word(q) == "Project" {
				typ = pipeline.TypeFramework
			} else if orgHeads[x.word(s)] != "" {
				typ = orgHeads[x.word(s)]
			}
			if x.isWordTok(c + 1) {
				switch x.word(c + 1) {
				case "agenda", "initiative", "framework", "programme", "program", "plan", "strategy", "process", "instrument",
					"facility", "mechanism", "fund", "project", "mission", "satellite", "summit", "corridor":
					typ = pipeline.TypeFramework
				}
			}
			if typ == "" && capsIn(x, s, p) >= 4 && len(letters) >= 3 {
				// "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)", "Integrated
				// Food Security Phase Classification (IPC)": technologies
				// rarely have four-word names.
				typ = pipeline.TypeOrganization
			}
			if typ == "" || !x.isWordTok(p-1) {
				return 0, false
			}
			if x.retractAbsorbed(s, p) {
			} else if first, ok := x.joinedBefore(s, p); ok {
				// "GE Aerospace and Hindustan Aeronautics Limited (HAL)":
				// two names, not one
				e := x.localEnts[x.mentions[len(x.mentions)-1].EntityID]
				x.retractLast()
				if _, used := x.idx[e.EntityID]; !used {
					delete(x.localEnts, e.EntityID)
				}
				x.addLocal(first, x.andBefore(s), e.Type, pipeline.FormName)
			}
			id := x.addLocal(s, p, typ, pipeline.FormName)
			if id != "" && key != "" {
				x.local[key] = id
			}
			return c + 1, true
		}
	}
	return 0, false
}

// looksAcronym: 2-10 runes, letters and digits, at least two capitals, no
// lower-case letter except a plural s ("SDGs").
func looksAcronym(s string) bool {
	n, caps := 0, 0
	for i, r := range s {
		n++
		switch {
		case unicode.IsUpper(r):
			caps++
		case unicode.IsDigit(r):
		case r == 's' && i == len(s)-1:
		default:
			return false
		}
	}
	return n >= 2 && n <= 10 && caps >= 2
}

func acronymLetters(s string) string {
	var sb strings.Builder
	for _, r := range s {
		if unicode.IsUpper(r) {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// initials spells the upper-case initials of the capitalized words in
// tokens [s, p), skipping connectors.
func initials(x *extractor, s, p int) string {
	var sb strings.Builder
	for k := s; k < p; k++ {
		if !x.isWordTok(k) {
			if x.punct(k, "-") || x.punct(k, ",") {
				continue
			}
			return ""
		}
		w := x.word(k)
		if orgConnectors[w] || nameParticles[w] {
			continue
		}
		r := firstRune(w)
		if !unicode.IsUpper(r) {
			if x.punct(k+1, "-") && x.adjacent(k+1) && x.capWord(k+2) {
				continue // "al-Islam", "wal-Muslimin"
			}
			return ""
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// capsIn counts the capitalized words of tokens [s, p).
func capsIn(x *extractor, s, p int) int {
	n := 0
	for k := s; k < p; k++ {
		if x.capWord(k) {
			n++
		}
	}
	return n
}

func isThe(w string) bool { return w == "the" || w == "The" }

// tailType gives the entity type named by the last word of a capitalized
// phrase, if that word ends organization, framework or event names.
func tailType(w string) (string, bool) {
	switch {
	case orgTails[w]:
		return pipeline.TypeOrganization, true
	case frameworkTails[w]:
		return pipeline.TypeFramework, true
	case eventTails[w]:
		return pipeline.TypeEvent, true
	}
	return "", false
}

// allGeneric reports whether the capitalized words of tokens [i, j) are
// all generic words or name tails ("International Conference").
func (x *extractor) allGeneric(i, j int) bool {
	for k := i; k < j; k++ {
		if !x.capWord(k) {
			continue
		}
		w := x.word(k)
		if w == "High" && k+1 < j && orgTails[x.word(k+1)] {
			return false // "the High Court", "the High Commission": a body
		}
		if _, tail := tailType(w); tail || genericWords[w] || titleWord(w) {
			continue
		}
		return false
	}
	return true
}

// bodyAfter returns the end of up to three capitalized words after a "UN"
// prefix at token j that name a body ("UN Volunteers"), or j.
func (x *extractor) bodyAfter(j int) int {
	k := j
	for k < len(x.toks) && k-j < 3 && x.capWord(k) {
		w := x.word(k)
		if stopCaps[w] || nameStop[w] || genericWords[w] || x.startsMatch(k) {
			break
		}
		if n := titleTrie.walk(nil, x.text, x.toks, k); len(n) > 0 {
			break
		}
		k++
	}
	if k < len(x.toks) && x.capWord(k) {
		return j // a longer capitalized run: not sure where the name ends
	}
	if k > j && x.isWordTok(k) && x.word(k) == "of" && x.capWord(k+1) && !x.matchAt(k+1) {
		e := k + 1
		for e < len(x.toks) && x.capWord(e) && e-k <= 3 {
			e++
		}
		return e // "UN Panel of Experts"
	}
	return k
}

// endsInKnownName reports whether tokens [i, end) contain a connector after
// which the name of a known organization, framework or event runs exactly
// to end: "Ministerial Meeting of the Security Council", "Roadmap for ...
// of the Vienna Programme of Action" are about that known entity.
func (x *extractor) endsInKnownName(i, end int) bool {
	first, from := -1, i+1
	if gj, h, ok := x.gazetteer(i); ok && h.form != "" && gj > from && gj < end {
		from = gj // the "de" of "Rio de Janeiro" is no connector of the name
	}
	for k := from; k < end; k++ {
		if x.isWordTok(k) && orgConnectors[x.word(k)] && x.word(k) != "and" {
			first = k
			break
		}
	}
	if first < 0 {
		return false
	}
	for s := first + 1; s < end; s++ {
		j, h, ok := x.gazetteer(s)
		if !ok || j != end || h.form == "" || h.form == pipeline.FormDemonym {
			continue
		}
		switch x.g.entries[h.entry].Type {
		case pipeline.TypeOrganization, pipeline.TypeFramework, pipeline.TypeEvent:
			x.knownStart = s
			return true
		}
	}
	return false
}

// splitAnd finds an "and" in tokens [i, end) with an organization word on
// both sides ("Department of Health and State University of New York"):
// two names, not one. It returns the position of that "and", or 0.
func (x *extractor) splitAnd(i, end int) int {
	orgWord := func(k int) bool {
		w := x.word(k)
		_, tail := tailType(w)
		return tail || orgHeads[w] != ""
	}
	for a := i + 1; a < end-1; a++ {
		if x.isWordTok(a) && x.word(a) == "and" && x.companyBefore(i, a) {
			for k := a + 1; k < end; k++ {
				if x.isWordTok(k) && orgWord(k) {
					return a // "Kenya Airways and Equity Bank", "CJ and Shinhan Bank"
				}
			}
		}
	}
	if gj, h, ok := x.gazetteer(i); ok && h.form != "" && gj < end && x.capWord(gj) {
		// "African Union Support and Stabilization Mission": a known name
		// the capitalized run goes on from is a part of one name
		return 0
	}
	// the last "and" first: "the Ministry of Agriculture, Forestry and
	// Fisheries of Japan and the Department of Agriculture"
	for a := end - 2; a > i; a-- {
		if !x.isWordTok(a) || x.word(a) != "and" {
			continue
		}
		before, after := false, false
		for k := i; k < a; k++ {
			before = before || (x.isWordTok(k) && orgWord(k))
		}
		if j, h, ok := x.gazetteer(i); ok && j == a && h.form != "" && h.form != pipeline.FormDemonym {
			before = true // "IMF and World Bank"
		}
		for k := a + 1; k < end; k++ {
			after = after || (x.isWordTok(k) && orgWord(k))
		}
		if before && after {
			return a
		}
	}
	return 0
}

// orgEnd re-runs the organization rule on tokens [i, end) only.
func (x *extractor) orgEnd(i, end int) (int, string) {
	saved := x.toks
	x.toks = x.toks[:end]
	j, typ := x.orgRule(i)
	x.toks = saved
	return j, typ
}

// copRule finds a numbered Conference of the Parties: "COP26", "COP 15",
// "COP-29". The number is part of the name: COP26 and COP29 are different
// events.
func (x *extractor) copRule(i int) (int, bool) {
	w := x.word(i)
	num, j := "", i+1
	switch {
	case strings.HasPrefix(w, "COP") && len(w) > 3 && isDigits(w[3:]):
		num = w[3:]
	case w == "COP" && x.isWordTok(i+1) && isDigits(x.word(i+1)):
		num, j = x.word(i+1), i+2
	case w == "COP" && x.punct(i+1, "-") && x.isWordTok(i+2) && isDigits(x.word(i+2)):
		num, j = x.word(i+2), i+3
	default:
		return x.copSpelled(i)
	}
	if len(num) > 3 {
		return 0, false
	}
	return x.emitCOP(num, i, j), true
}

// emitCOP records a mention of the numbered Conference of the Parties over
// tokens [i, j) and returns j.
func (x *extractor) emitCOP(num string, i, j int) int {
	id := "cop" + num
	if _, ok := x.localEnts[id]; !ok {
		x.localEnts[id] = pipeline.Entity{DocID: x.docID, EntityID: id, Name: "COP" + num, Type: pipeline.TypeEvent}
	}
	x.emit(id, i, j, pipeline.FormName)
	return j
}

// copSpelled finds a Conference of the Parties written out, with its
// number as an ordinal or an acronym after it: "the Twenty-Ninth Session of
// the Conference of the Parties to the United Nations Framework Convention
// on Climate Change (COP29)", "the twenty-seventh Conference of the
// Parties". It is COP29 or COP27, one event with its convention and
// acronym inside; with no number it is no actor ("the Conference of the
// Parties decided"), and nothing is recorded.
func (x *extractor) copSpelled(i int) (int, bool) {
	if !x.hasWord(i, i+9, "Conference") {
		return 0, false // cheap test first: no "Conference" near, no COP
	}
	num, k := x.ordinalAt(i)
	if num > 0 && x.isWordTok(k) && strings.EqualFold(x.word(k), "session") && x.isWordTok(k+1) && x.word(k+1) == "of" {
		k += 2
		if x.isWordTok(k) && isThe(x.word(k)) {
			k++
		}
	}
	if !x.isWordTok(k+3) || x.word(k) != "Conference" || x.word(k+1) != "of" || !isThe(x.word(k+2)) || x.word(k+3) != "Parties" {
		return 0, false
	}
	end := k + 4 // after "Parties"
	j := end
	conv, convEnd, convHit := 0, 0, hit{}
	if x.isWordTok(j) && x.word(j) == "to" && x.isWordTok(j+1) && isThe(x.word(j+1)) {
		if gj, h, ok := x.gazetteer(j + 2); ok && h.form != "" {
			conv, convEnd, convHit, j = j+2, gj, h, gj // "to the United Nations Framework Convention on Climate Change"
		}
	}
	acr := 0
	if x.punct(j, "(") && x.isWordTok(j+1) && x.punct(j+2, ")") {
		if w := x.word(j + 1); strings.HasPrefix(w, "COP") && len(w) > 3 && len(w) <= 6 && isDigits(w[3:]) {
			n, _ := strconv.Atoi(w[3:])
			if num == 0 || num == n {
				num, acr = n, j+1 // "(COP29)"
			}
		}
	}
	if num == 0 {
		return end, true // the Conference of the Parties of no number: no actor
	}
	start := i
	if isThe(x.word(start)) {
		start++
	}
	x.emitCOP(strconv.Itoa(num), start, end)
	if conv > 0 {
		x.emitHit(conv, convEnd, convHit) // the convention is named too
	}
	if acr > 0 {
		x.emit("cop"+strconv.Itoa(num), acr, acr+1, pipeline.FormShort)
		return acr + 2, true
	}
	return j, true
}

// ordinalAt reads an ordinal number at token i ("29th", "Twenty-Ninth",
// "twenty-seventh", "third"), skipping "the" before it. It returns the
// number (0 if none) and the token after the ordinal, or i.
func (x *extractor) ordinalAt(i int) (int, int) {
	k := i
	if x.isWordTok(k) && isThe(x.word(k)) {
		k++
	}
	if !x.isWordTok(k) {
		return 0, i
	}
	w := strings.ToLower(x.word(k))
	if isOrdinal(w) {
		v, _ := strconv.Atoi(w[:len(w)-2]) // "29th"
		return v, k + 1
	}
	if v, ok := ordinalUnits[w]; ok {
		return v, k + 1
	}
	if tens, ok := ordinalTens[w]; ok && x.punct(k+1, "-") && x.isWordTok(k+2) {
		if v, ok := ordinalUnits[strings.ToLower(x.word(k+2))]; ok && v < 10 {
			return tens + v, k + 3
		}
	}
	return 0, i
}

var ordinalUnits = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
	"eightieth": 80, "ninetieth": 90}

var ordinalTens = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90}

// editionHead reports whether the ordinal at token i is followed by an
// event's head word ("Eleventh Summit", "29th Session", "3rd Meeting").
func (x *extractor) editionHead(i int) bool {
	_, k := x.ordinalAt(i)
	return k > i && x.isWordTok(k) && (eventTails[x.word(k)] || x.word(k) == "Session" || x.word(k) == "Conference")
}

// isYear reports a four-digit year from 1900 to 2199.
func isYear(s string) bool {
	return len(s) == 4 && isDigits(s) && (s[:2] == "19" || s[:2] == "20" || s[:2] == "21")
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// quotedName finds a programme or policy named in quotes and followed by a
// word that says so: the “Last One Mile Support” programme, the “Quality
// Infrastructure Investment” initiative. The quote marks are not part of
// the mention.
func (x *extractor) quotedName(i int) (int, bool) {
	k := i
	words := 0
	for k < len(x.toks) && k-i < 8 {
		if k > i && x.toks[k].quoted {
			break
		}
		t := x.toks[k]
		switch {
		case t.kind == tokWord && x.capWord(k):
			words++
		case t.kind == tokWord && (orgConnectors[x.word(k)] || x.word(k) == "with" || x.word(k) == "to") && k > i:
		case t.kind == tokPunct && x.word(k) == "-" && k > i:
		default:
			return 0, false
		}
		k++
	}
	if k == i || k >= len(x.toks) || !x.toks[k].quoted || words < 2 || !x.capWord(k-1) {
		return 0, false
	}
	if !x.isWordTok(k) || !programmeNouns[x.word(k)] {
		return 0, false
	}
	if _, _, ok := x.gazetteer(i); ok {
		if j, _, _ := x.gazetteer(i); j == k {
			return 0, false // a known name in quotes: the gazetteer takes it
		}
	}
	x.addLocal(i, k, pipeline.TypeFramework, pipeline.FormName)
	return k, true
}

// retractLast removes the last mention (a name a longer name turned out to
// contain) and its entity when that was its only mention.
func (x *extractor) retractLast() {
	m := x.mentions[len(x.mentions)-1]
	x.mentions = x.mentions[:len(x.mentions)-1]
	k, ok := x.idx[m.EntityID]
	if !ok {
		return
	}
	x.ents[k].Mentions--
	if x.ents[k].Mentions == 0 && k == len(x.ents)-1 {
		x.ents = x.ents[:k]
		delete(x.idx, m.EntityID)
	}
}

// pairDash reports a hyphen or an en dash at token k, which join the
// sides of a pair ("Japan-Central Asia", "United States–Central Asia").
func (x *extractor) pairDash(k int) bool {
	return x.punct(k, "-") || x.punct(k, "–")
}

// genericAfterPair reports whether a place name starts at token k and is
// followed by generic words ending in a name tail ("Central Asia Economic
// Forum").
func (x *extractor) genericAfterPair(k int) bool {
	j, h, ok := x.gazetteer(k)
	if !ok || h.form == "" {
		return false
	}
	switch x.g.entries[h.entry].Type {
	case pipeline.TypeCountry, pipeline.TypeRegion:
	default:
		return false
	}
	if x.pairDash(j) && x.adjacent(j) && x.adjacent(j+1) {
		return x.genericAfterPair(j + 1) // "United States-Mexico-Canada Agreement", "Caspian–Black Sea–Europe Green Energy Corridor"
	}
	e, ands := j, 0
	for e < len(x.toks) && e-j < 6 && (x.capWord(e) ||
		(ands == 0 && e > j && x.isWordTok(e) && x.word(e) == "and" && x.capWord(e+1))) { // "Trade and Investment Framework Agreement"
		if !x.capWord(e) {
			ands++
		}
		e++
	}
	if e == j || x.capWord(e) {
		return false
	}
	if _, tail := tailType(x.word(e - 1)); !tail {
		return false
	}
	return x.allGeneric(j, e)
}

// hasConnector reports whether tokens [i, j) contain of, for or on.
func (x *extractor) hasConnector(i, j int) bool {
	for t := i + 1; t < j; t++ {
		if x.isWordTok(t) {
			switch x.word(t) {
			case "of", "for", "on":
				return true
			}
		}
	}
	return false
}

// portfolioWords name a minister's portfolio ("Minister for Foreign
// Affairs and Trade").
var portfolioWords = set("Foreign", "Affairs", "Defence", "Defense", "Trade", "Finance", "Economy", "Economic",
	"Energy", "Health", "Interior", "Justice", "Education", "Culture", "Agriculture", "Development", "Cooperation",
	"Co-operation", "International", "Relations", "European", "Climate", "Environment", "Industry", "Labour",
	"Labor", "Transport", "Home", "State", "Security", "Digital", "Science", "Technology", "Social", "Commerce",
	"Investment", "Tourism", "Planning", "Infrastructure", "Fisheries", "Mining", "Water", "Resources",
	"Natural", "Public", "Works", "Women", "Youth", "Sport", "Sports", "Information", "Communications",
	"Immigration", "Integration", "Refugees", "Humanitarian", "Disarmament", "Policy", "Emergency",
	"Situations", "Veterans", "Family", "Children", "Equality", "Treasury", "Budget", "Enterprise",
	"Innovation", "Housing", "Local", "Government", "Urban", "Rural", "Regional", "Maritime", "Ocean", "Land",
	"Forestry", "Food", "Employment", "Welfare", "Heritage", "Arts", "Media", "National", "Overseas",
	"Commonwealth", "Republic", "Kingdom", "Federation", "Affair", "Diaspora", "Investments", "Exports",
	"Industries", "Strategic", "Affaires", "Nordic", "Arctic", "Development,", "Human", "Rights", "Partnerships",
	"Crisis", "Management", "Neighbourhood", "Enlargement", "Migration", "Trade,", "Ecology", "Ecological",
	"Art", "Minerals", "Mines", "Petroleum", "Power", "Aviation", "Railways", "Roads", "Broadcasting", "Reintegration",
	"Communication", "Nutrition", "Sanitation", "Irrigation", "Livestock", "Lands", "Endowments",
	"Aerospace", "Emergencies", "Nuclear", "Geology", "Subsoil", "Construction", "Communal", "Services",
	"Irrigation", "Transportation", "Logistics", "Mineral", "Minerals", "Petroleum", "Chemicals", "Technologies",
	"Competition", "Statistics", "Revenue", "Taxes", "Communication", "Protection", "Consumer", "Medical",
	"Ports", "Shipping", "Waterways", "Railways", "Roads", "Highways", "Aviation", "Civil", "Coal", "Mines", "Steel",
	"Textiles", "Telecommunications", "Posts", "Livestock", "Petroleum,",
	"Terrorism", "Counterterrorism", "Financial", "Intelligence", "Arms", "Control", "Political", "Civilian",
	"Democracy", "Population", "Sanctions", "Coordination", "Legislative", "Diplomacy", "Nonproliferation",
	"Non-Proliferation", "Cyber", "Space", "Growth", "Multilateral", "Global")

// portfolioEnd returns the end of "for/of <portfolio>" after a title at
// token j ("for Foreign Affairs", "of Foreign Affairs of the Republic of
// Kazakhstan"), or j.
func (x *extractor) portfolioEnd(j int) int {
	x.portPlaces = x.portPlaces[:0]
	if !x.isWordTok(j) || (x.word(j) != "for" && x.word(j) != "of") {
		return j
	}
	k, words := j+1, 0
	for k < len(x.toks) {
		if x.isWordTok(k) {
			w := x.word(k)
			if gj, h, ok := x.capPlaceAt(k); ok && h.form != pipeline.FormDemonym && (words > 0 && gj > k+1 || words == 0 && x.capWord(gj)) {
				// "... of the Republic of the Union of Myanmar": the country
				// whole, before its words count as portfolio; "Emperor of
				// Japan Naruhito": the country is the office
				x.portPlaces = append(x.portPlaces, portPlace{k, gj, h})
				words = max(words, 1)
				k = gj
				continue
			}
			if portfolioWords[w] || (x.capWord(k) && commonWord(w) && !givenNames[w] && !properWord(w) && !titleWord(w) &&
				((x.isWordTok(k+1) && (portfolioWords[x.word(k+1)] || words > 0 && x.word(k+1) == "and")) || (words > 0 && x.punct(k+1, ",") && portfolioWords[x.word(k+2)]))) {
				words++ // "Minister of Ecology and Natural Resources", "of Digital Development, Innovation and Aerospace Industry"
				k++
				continue
			}
			if isThe(w) && x.isWordTok(k+1) && portfolioWords[x.word(k+1)] {
				// "Under Secretary of the Treasury for ...", "President of
				// the European Commission Ursula von der Leyen": a known body
				for _, s := range []int{k, k + 1} {
					if gj, h, ok := x.gazetteer(s); ok && gj <= k+3 && h.form != "" && x.g.entries[h.entry].Type == pipeline.TypeOrganization &&
						!(x.isWordTok(gj) && x.word(gj) == "of") { // but "the National Assembly of Laos" is a body of its own
						x.portPlaces = append(x.portPlaces, portPlace{s, gj, h})
						words++
						k = gj
						break
					}
				}
				if words > 0 && len(x.portPlaces) > 0 && x.portPlaces[len(x.portPlaces)-1].j == k {
					continue
				}
			}
			if (w == "and" || w == "of" || w == "for" || w == "the") && words > 0 {
				k++
				continue
			}
			if words > 0 && x.capWord(k) && commonWord(w) && !givenNames[w] && !properWord(w) && !titleWord(w) && !isTail(w) && !x.startsTitle(k) && !x.knownPersonAt(k) &&
				!nameParticles[strings.ToLower(w)] && x.capWord(k+1) && x.nameEnd(k+1) >= k+3 {
				words++ // "Minister of Climate Change Simon Watts": the last word of the portfolio, then a full name
				k++
				break
			}
			if w == "the" && words == 0 {
				k++
				continue
			}
			if gj, h, ok := x.placeAt(k); ok && words > 0 {
				x.portPlaces = append(x.portPlaces, portPlace{k, gj, h})
				k = gj
				continue
			}
		}
		if x.punct(k, "-") && x.adjacent(k) {
			k++
			continue
		}
		if x.punct(k, ",") && words > 0 && x.isWordTok(k+1) && portfolioWords[x.word(k+1)] {
			k++ // "Minister of Investment, Industry and Trade"
			continue
		}
		break
	}
	for k > j+1 && x.isWordTok(k-1) && (x.word(k-1) == "and" || x.word(k-1) == "of" || x.word(k-1) == "for" || x.word(k-1) == "the") {
		k-- // "of International Exploration and Production Clay Neff": the portfolio goes on in words not known
	}
	if words == 0 {
		return j
	}
	return k
}

// placeAt returns the end and hit of a known country or region (not an
// ignore entry) named at token k.
func (x *extractor) placeAt(k int) (int, hit, bool) {
	j, h, ok := x.gazetteer(k)
	if !ok || h.form == "" {
		return 0, hit{}, false
	}
	switch x.g.entries[h.entry].Type {
	case pipeline.TypeCountry, pipeline.TypeRegion:
		return j, h, true
	}
	return 0, hit{}, false
}

// capPlaceAt is placeAt for a capitalized token only.
func (x *extractor) capPlaceAt(k int) (int, hit, bool) {
	if !x.capWord(k) {
		return 0, hit{}, false
	}
	return x.placeAt(k)
}

// portPlace is a gazetteer hit over tokens [i, j) inside a portfolio.
type portPlace struct {
	i, j int
	h    hit
}

// nameInitials spells the initials of the capitalized words of a name,
// skipping connectors ("Securities and Exchange Commission" -> "SEC").
func nameInitials(name string) string {
	var sb strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		if orgConnectors[w] {
			continue
		}
		r := firstRune(w)
		if !unicode.IsUpper(r) {
			return ""
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// pluralPoss reports whether the quote mark before token k is the
// apostrophe of a plural possessive inside a name ("Quad Leaders'
// Summit").
func (x *extractor) pluralPoss(k int) bool {
	if k < 1 || !x.isWordTok(k-1) || !x.capWord(k) {
		return false
	}
	prev := x.word(k - 1)
	gap := x.text[x.toks[k-1].end:x.toks[k].start]
	return strings.HasSuffix(prev, "s") && (gap == "' " || gap == "’ ") && x.capWord(k-1)
}

// initialsWithConnectors spells the initials of tokens [s, p) counting
// capitalized and lower-case words alike ("Security Action for Europe" ->
// "SAFE").
func initialsWithConnectors(x *extractor, s, p int) string {
	var sb strings.Builder
	for k := s; k < p; k++ {
		if !x.isWordTok(k) {
			continue
		}
		sb.WriteRune(unicode.ToUpper(firstRune(x.word(k))))
	}
	return sb.String()
}

// nominalization reports nouns made from verbs ("Implementation",
// "Settlement"), which go on a long name after "and the".
func nominalization(w string) bool {
	return strings.HasSuffix(w, "tion") || strings.HasSuffix(w, "ment") || strings.HasSuffix(w, "sion")
}

// andJoins reports whether "and" at token k joins the words of one name
// after a tail word ("Enhanced Partnership and Cooperation Agreement",
// "Agreement on Comprehensive Migration and Mobility Partnership"): the
// words after it are capitalized, start no known name or body, and end,
// within three words, in a framework tail of the same kind as the name.
func (x *extractor) andJoins(i, k int) bool {
	n := k + 1
	if !x.capWord(n) || x.matchAt(n) || orgHeads[x.word(n)] != "" {
		return false
	}
	for n < len(x.toks) && n-k <= 3 && x.capWord(n) && !stopCaps[x.word(n)] {
		n++
	}
	if n == k+1 || x.capWord(n) {
		return false
	}
	last := x.word(n - 1)
	first := x.word(k - 1)
	if frameworkTails[last] && frameworkTails[first] && first != last {
		return true
	}
	// "Agreement on Comprehensive Migration and Mobility Partnership": a
	// framework named by its head and a connector
	return frameworkTails[last] && frameworkTails[x.word(i)] && x.hasConnector(i, k)
}

// idOfLastMention returns the entity ID of the last mention, if any.
func (x *extractor) idOfLastMention() (string, bool) {
	if len(x.mentions) == 0 {
		return "", false
	}
	return x.mentions[len(x.mentions)-1].EntityID, true
}

// emitNamed records a mention of tokens [i, j) of the rule-found entity
// with the given display name ("resolution 2793" and "Resolution 2793"
// are one entity).
func (x *extractor) emitNamed(name, typ string, i, j int) {
	id := Slug(name)
	if _, known := x.g.Entry(id); !known {
		if _, ok := x.localEnts[id]; !ok {
			x.localEnts[id] = pipeline.Entity{DocID: x.docID, EntityID: id, Name: name, Type: typ}
			x.localOrder = append(x.localOrder, id)
		}
	}
	x.emit(id, i, j, pipeline.FormName)
}

// commaListName reports whether the comma at token k continues a list of
// capitalized words inside a name, closed by "and" and a capitalized word
// ("..., Friendship and Cooperation", "Water, Energy and Climate Change").
func (x *extractor) commaListName(k int) bool {
	listWord := func(n int) bool {
		if !x.capWord(n) {
			return false
		}
		w := x.word(n)
		return commonWord(w) || portfolioWords[w] || (isAllCaps(w) && len(w) <= 4 && !x.startsMatch(n))
	}
	for n := k + 1; n < len(x.toks) && n-k < 12; n++ {
		switch {
		case listWord(n), x.punct(n, "-"): // "Agriculture, Forestry and Fisheries", "Industry, SME and Cooperatives"
		case x.punct(n, ","):
		case x.isWordTok(n) && x.word(n) == "and":
			return listWord(n + 1)
		default:
			return false
		}
	}
	return false
}

// andEnds reports whether "and" at token k is followed by one or two
// capitalized English words that end the name ("... Exchange and
// Cooperation", "Trade and Industry"), not by another name.
func (x *extractor) andEnds(k int) bool {
	n := k + 1
	for n < len(x.toks) && n-k <= 2 && x.capWord(n) && (commonWord(x.word(n)) || (isAllCaps(x.word(n)) && len(x.word(n)) <= 4)) &&
		!x.matchAt(n) && orgHeads[x.word(n)] == "" && !stopCaps[x.word(n)] { // "Ministry of Science and ICT"
		n++
	}
	if n > k+1 && x.isWordTok(n) && x.word(n) == "of" {
		s := n + 1
		if x.isWordTok(s) && isThe(x.word(s)) {
			s++
		}
		if _, typ := x.knownWhole(s); typ == pipeline.TypeCountry {
			return true // "Ministry of Science and ICT of Korea"
		}
	}
	return n > k+1 && !x.capWord(n) && !(x.isWordTok(n) && (x.word(n) == "of" || x.word(n) == "for"))
}

// tailWithin reports whether the capitalized words from token k end, within
// n words, in a tail word of a name, followed by no more capitals.
func (x *extractor) tailWithin(k, n int) bool {
	return x.runEndsIn(k, n, func(w string) bool { _, tail := tailType(w); return tail })
}

// runEndsIn reports whether the capitalized words from token k end, within
// n words, in a word ends accepts, followed by no more capitals.
func (x *extractor) runEndsIn(k, n int, ends func(string) bool) bool {
	for t := k; t < len(x.toks) && t-k < n && x.capWord(t); t++ {
		if ends(x.word(t)) && !x.capWord(t+1) {
			return true
		}
	}
	return false
}

// bodyTails end the names of standing bodies, which keep a generic name of
// their own inside a known organization ("the Ministerial Council" of the
// GCC); a "Ministerial Conference" of the WTO is a meeting of it.
// namedOrgans are the organs readers name whole with the body they belong
// to ("the Parliamentary Assembly of the Council of Europe"), where a
// "Supreme Council" or a "Peace and Security Council" goes by itself.
var namedOrgans = set("Parliamentary Assembly", "Executive Committee", "Central Committee")

var bodyTails = set("Council", "Commission", "Committee", "Assembly", "Authority", "Secretariat", "Court", "Board",
	"Parliament", "Tribunal")

// stateAndGovernment reports "and" at token k in "Heads of State and
// Government", a fixed phrase inside names of bodies.
func (x *extractor) stateAndGovernment(k int) bool {
	return x.isWordTok(k) && x.word(k) == "and" && x.word(k-1) == "State" && x.isWordTok(k+1) && x.word(k+1) == "Government"
}
