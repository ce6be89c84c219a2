package entities

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
)

// Links between the forms of one actor in a document: a short form met
// after (or before) the full name, a first name, the people of a country.

// personEnding returns the ID of a person found earlier in the document
// whose name ends with the words of [i, k) ("Ould Tah" after "Sidi Ould
// Tah"), or "".
func (x *extractor) personEnding(i, k int) string {
	if k-i < 2 {
		return ""
	}
	tail := " " + strings.Join(strings.Fields(x.text[x.toks[i].start:x.toks[k-1].end]), " ")
	for _, id := range recentIDs(x.localOrder) {
		if e := x.localEnts[id]; e.Type == pipeline.TypePerson && strings.HasSuffix(e.Name, tail) {
			return id
		}
	}
	for _, e := range recentEnts(x.ents) {
		if e.Type == pipeline.TypePerson && strings.HasSuffix(e.Name, tail) {
			return e.EntityID
		}
	}
	return ""
}

// nameStartingWith returns the ID of an organization, framework or event
// of the document whose name starts with the word w and ends in a word
// that says what it is ("Wagner Group" for "Wagner"), or "".
func (x *extractor) nameStartingWith(w string) string {
	for _, id := range recentIDs(x.localOrder) {
		if e := x.localEnts[id]; e.Type != pipeline.TypePerson && strings.HasPrefix(e.Name, w+" ") {
			return id
		}
	}
	for _, e := range recentEnts(x.ents) {
		if (e.Type == pipeline.TypeOrganization || e.Type == pipeline.TypeFramework || e.Type == pipeline.TypeEvent ||
			e.Type == pipeline.TypeCity || e.Type == pipeline.TypeRegion) && strings.HasPrefix(e.Name, w+" ") {
			if _, tail := tailType(e.Name[strings.LastIndexByte(e.Name, ' ')+1:]); tail {
				return e.EntityID
			}
		}
	}
	return ""
}

// personFirstName returns the ID of a person of the document whose name
// starts with the given name w ("Gurbanguly" after "Gurbanguly
// Berdimuhamedow"), when exactly one does, or "".
func (x *extractor) personFirstName(w string) string {
	found := ""
	check := func(id, name, typ string) bool {
		if typ == pipeline.TypePerson && strings.HasPrefix(name, w+" ") {
			if found != "" && found != id {
				return false
			}
			found = id
		}
		return true
	}
	for _, id := range recentIDs(x.localOrder) {
		e := x.localEnts[id]
		if !check(id, e.Name, e.Type) {
			return ""
		}
	}
	for _, e := range recentEnts(x.ents) {
		if !check(e.EntityID, e.Name, e.Type) {
			return ""
		}
	}
	return found
}

// personFirstNameOrSurname reports whether w is the first or last word of
// a person of the document.
func (x *extractor) personFirstNameOrSurname(w string) bool {
	for _, e := range recentEnts(x.ents) {
		if e.Type != pipeline.TypePerson {
			continue
		}
		f := strings.Fields(e.Name)
		if len(f) >= 2 && (f[0] == w || f[len(f)-1] == w) {
			return true
		}
	}
	return false
}

// mergeShortPersons links one-word names found before the full name they
// belong to, once the whole document is read: "his father Gurbanguly" (or
// "Mr. Fred") before "Gurbanguly Berdimuhamedow" (or "Moini Fred"). A
// rule-found one-word entity whose word is the first or last word of
// exactly one person of the document with a longer name becomes a short
// form of that person.
func (x *extractor) mergeShortPersons() {
	x.completeSurnames()
	// first and last words of the people with longer names -> their IDs
	byWord := map[string][]string{}
	for _, p := range x.ents {
		if p.Type != pipeline.TypePerson {
			continue
		}
		name := x.fullName(p)
		f := strings.Fields(name)
		if len(f) < 2 {
			continue
		}
		for _, w := range []string{f[0], f[len(f)-1]} {
			byWord[w] = appendOnce(byWord[w], p.EntityID)
			if bare := stripMarks(w); bare != w {
				byWord[bare] = appendOnce(byWord[bare], p.EntityID) // "Lourenco" for "João Lourenço"
			}
		}
	}
	// first words of the places and bodies with longer names
	placeFirst := map[string][]string{}
	for _, p := range x.ents {
		switch p.Type {
		case pipeline.TypeCity, pipeline.TypeRegion, pipeline.TypeOrganization, pipeline.TypeFramework:
		default:
			continue
		}
		name := x.fullName(p)
		if f := strings.Fields(name); len(f) >= 2 {
			placeFirst[f[0]] = appendOnce(placeFirst[f[0]], p.EntityID)
		}
	}
	into := map[string]string{}
	// a short form of a person the document names in full: a given name and
	// patronymic, as Russian address has it ("Vladimir Vladimirovich" is the
	// one Vladimir of the document with a longer name), or an initial and a
	// surname ("U. Khurelsukh" is the one Ukhnaagiin Khurelsukh)
	for _, e := range x.ents {
		le, local := x.localEnts[e.EntityID]
		if !local || le.Type != pipeline.TypePerson {
			continue
		}
		f := strings.Fields(le.Name)
		if len(f) != 2 {
			continue
		}
		var ps []string
		switch {
		case len(f[0]) == 2 && f[0][1] == '.':
			for _, id := range byWord[f[1]] {
				if p := x.ents[x.idx[id]]; id != e.EntityID && strings.HasPrefix(x.fullName(p), f[0][:1]) {
					ps = append(ps, id)
				}
			}
		case patronymicWord(f[1]):
			for _, id := range byWord[f[0]] {
				if id != e.EntityID {
					ps = append(ps, id)
				}
			}
		}
		if len(ps) == 1 {
			into[e.EntityID] = ps[0]
		}
	}
	// bodies under their full corporate names: "Mitsubishi Tokyo" is
	// "Mitsubishi Tokyo Financial Group"
	byStem := map[string][]string{}
	for _, p := range x.ents {
		if p.Type != pipeline.TypeOrganization {
			continue
		}
		name := x.fullName(p)
		if stem := corporateStem(name); stem != name {
			byStem[stem] = appendOnce(byStem[stem], p.EntityID)
		}
	}
	for _, e := range x.ents {
		if le, local := x.localEnts[e.EntityID]; local && (le.Type == pipeline.TypeOrganization || le.Type == pipeline.TypePerson) {
			if ps := byStem[le.Name]; len(ps) == 1 && ps[0] != e.EntityID {
				into[e.EntityID] = ps[0]
			}
		}
	}
	// a group named only by its short alias, in a document that names one
	// company of the group in full: "Mitsubishi" after "Mitsubishi Tokyo
	// Financial Group" is that company, not Mitsubishi Corporation, and
	// "Sumitomo" after "Sumitomo Mitsui" is the bank
	shortOnly := map[string]string{}
	for _, m := range x.mentions {
		if ge, ok := x.g.Entry(m.EntityID); ok && ge.Company {
			if w, seen := shortOnly[m.EntityID]; m.Form != pipeline.FormAlias || strings.ContainsRune(m.Surface, ' ') ||
				(seen && w != m.Surface) || corporateTailAt(x.text, m.End) {
				shortOnly[m.EntityID] = "" // named in full, or under two short names
			} else if !seen {
				shortOnly[m.EntityID] = m.Surface
			}
		}
	}
	for _, e := range x.ents { // in order of first mention, so that the result does not depend on map order
		id := e.EntityID
		w, ok := shortOnly[id]
		if !ok {
			continue
		}
		var ps []string // not the group itself, whose full name starts with w too
		for _, p := range placeFirst[w] {
			if _, merged := into[p]; p != id && !merged { // "Mitsubishi Tokyo" is merged into the group's full name already
				ps = append(ps, p)
			}
		}
		if w != "" && len(ps) == 1 && x.ents[x.idx[ps[0]]].Type == pipeline.TypeOrganization {
			into[id] = ps[0]
		}
	}
	// the last words of exactly one longer name: "De Vido" is "Julio De
	// Vido"
	bySuffix := map[string][]string{}
	for _, p := range x.ents {
		if p.Type != pipeline.TypePerson {
			continue
		}
		f := strings.Fields(x.fullName(p))
		for n := 2; n < len(f); n++ {
			key := strings.ToLower(strings.Join(f[len(f)-n:], " "))
			bySuffix[key] = appendOnce(bySuffix[key], p.EntityID)
		}
	}
	for _, e := range x.ents {
		le, local := x.localEnts[e.EntityID]
		if _, done := into[e.EntityID]; done || !local || le.Type != pipeline.TypePerson || !strings.ContainsRune(le.Name, ' ') ||
			!nameParticles[strings.ToLower(strings.Fields(le.Name)[0])] {
			continue // a surname of several words starts with a particle: "De Vido", "Van Rompuy"
		}
		if ps := bySuffix[strings.ToLower(le.Name)]; len(ps) == 1 && ps[0] != e.EntityID {
			into[e.EntityID] = ps[0]
		}
	}
	for _, e := range x.ents {
		if _, done := into[e.EntityID]; done {
			continue
		}
		le, local := x.localEnts[e.EntityID]
		if !local || strings.ContainsRune(le.Name, ' ') || (le.Type != pipeline.TypePerson && le.Type != pipeline.TypeOrganization &&
			le.Type != pipeline.TypeCity) {
			continue
		}
		if ps := byWord[le.Name]; len(ps) == 1 && ps[0] != e.EntityID {
			into[e.EntityID] = ps[0]
		} else if ps := placeFirst[le.Name]; len(ps) == 1 && ps[0] != e.EntityID && len(byWord[le.Name]) == 0 {
			into[e.EntityID] = ps[0] // "Rio" and "Rio de Janeiro", "Manus" and "Manus Island"
		}
	}
	x.mergeVariants(into)
	x.mergeDescribed(into)
	x.mergeGeneric(into)
	x.mergeInverted(into)
	x.mergeRegions(into)
	x.remapAcronyms(into)
	if len(into) == 0 {
		return
	}
	for i := range x.mentions {
		if t, ok := into[x.mentions[i].EntityID]; ok {
			x.mentions[i].EntityID = t
			x.mentions[i].Form = pipeline.FormShort
		}
	}
	// rebuild the entity list in order of first mention
	old := x.ents
	byID := make(map[string]pipeline.Entity, len(old))
	for _, e := range old {
		byID[e.EntityID] = e
	}
	for from := range into {
		to := into[from]
		for n := 0; n < 8; n++ { // follow chains: "Mitsubishi" -> MUFG -> MUFG Bank
			next, ok := into[to]
			if !ok || next == from {
				break
			}
			to = next
		}
		into[from] = to
	}
	for from, to := range into {
		t := byID[to]
		t.Mentions += byID[from].Mentions
		byID[to] = t
	}
	x.ents = x.ents[:0:0]
	x.idx = map[string]int{}
	for _, e := range old {
		id := e.EntityID
		first := e.FirstSent
		if t, ok := into[id]; ok {
			id = t
		}
		if _, done := x.idx[id]; done {
			continue
		}
		ent := byID[id]
		ent.FirstSent = first
		x.idx[id] = len(x.ents)
		x.ents = append(x.ents, ent)
	}
}

// appendOnce appends id to ids unless it is there already.
func appendOnce(ids []string, id string) []string {
	for _, v := range ids {
		if v == id {
			return ids
		}
	}
	return append(ids, id)
}

// recentIDs and recentEnts bound the work of a lookup to the last 256
// names of the document.
func recentIDs(ids []string) []string {
	if len(ids) > 256 {
		return ids[len(ids)-256:]
	}
	return ids
}

func recentEnts(es []pipeline.Entity) []pipeline.Entity {
	if len(es) > 256 {
		return es[len(es)-256:]
	}
	return es
}

// lastWasCity reports whether the last mention is of a city, or of a
// name no list knows that is not a person.
func (x *extractor) lastWasCity() bool {
	if len(x.mentions) == 0 {
		return false
	}
	id := x.mentions[len(x.mentions)-1].EntityID
	if e, ok := x.localEnts[id]; ok {
		return e.Type != pipeline.TypePerson // a name no list knows: "Atlanta, Georgia"
	}
	if e, ok := x.g.Entry(id); ok {
		return e.Type == pipeline.TypeCity
	}
	return false
}

// demonymOf guesses the country whose people a word names when the
// gazetteer lists no demonym for it: "Tuvaluans" and "Tuvaluan" are of
// Tuvalu, "Nauruans" of Nauru, "Kenyans" of Kenya.
func (x *extractor) demonymOf(w string) string {
	for _, suf := range []string{"ians", "ans", "ns", "ian", "an", "n", "ese", "is", "i"} {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok || utf8.RuneCountInString(stem) < 3 {
			continue
		}
		for _, c := range []string{stem, stem + "a", stem + "e"} {
			if e, ok := x.g.byName(c); ok && e.Type == pipeline.TypeCountry {
				return e.ID
			}
		}
	}
	return ""
}

// corporateWords close a company's full name and are dropped in its short
// name ("Mitsubishi Tokyo Financial Group", "UFJ Holdings").
// "Company" is not one of them: "the Laos–China Railway Company" runs the
// railway. They are the legal forms and the words of a group.
var corporateWords = func() map[string]bool {
	m := set("Group", "Holdings", "Holding", "Financial", "Corp.", "Inc.", "plc", "Ltd.")
	for w := range legalWords {
		m[w] = true
	}
	return m
}()

// legalWords after a known organization's name are its legal form, not a
// longer name ("Mitsubishi Corp", "Exxon Mobil Corporation").
var legalWords = set("Corp", "Corporation", "Co", "Inc", "Ltd", "Limited", "Plc", "PLC", "LLC", "LLP", "JSC", "PJSC", "CJSC", "OJSC",
	"AG", "SA", "SpA", "SE", "NV", "ASA", "Oyj", "AB", "GmbH")

// corporateStem returns name without its closing corporate words, keeping
// at least two words ("Mitsubishi Tokyo Financial Group" -> "Mitsubishi
// Tokyo"); a name without them comes back as it is.
func corporateStem(name string) string {
	f := strings.Fields(name)
	n := len(f)
	for n > 2 && corporateWords[f[n-1]] {
		n--
	}
	return strings.Join(f[:n], " ")
}

// fullName is the name of an entity as the document wrote it for the
// entities the rules found, or as the gazetteer has it.
func (x *extractor) fullName(e pipeline.Entity) string {
	if le, ok := x.localEnts[e.EntityID]; ok {
		return le.Name
	}
	return e.Name
}

// mergeVariants adds to into the rule-found people and bodies whose name
// is another entity's name spelled differently by one letter in a long
// word ("Viktor Makarov" and "Victor Makarov", "Yuganskneftgas" and
// "Yuganskneftegas"): a text that spells a name two ways names one actor.
// The variant goes into the known entity, or else into the one with more
// mentions (the first on a tie).
func (x *extractor) mergeVariants(into map[string]string) {
	for a := range x.ents {
		ea := x.ents[a]
		la, local := x.localEnts[ea.EntityID]
		if !local || (la.Type != pipeline.TypePerson && la.Type != pipeline.TypeOrganization) {
			continue
		}
		if _, done := into[ea.EntityID]; done {
			continue
		}
		for b := range x.ents {
			eb := x.ents[b]
			if b == a || eb.Type != la.Type {
				continue
			}
			if _, done := into[eb.EntityID]; done {
				continue
			}
			if !variantNames(la.Name, x.fullName(eb)) && !x.variantOfAlias(la.Name, eb.EntityID) {
				continue
			}
			_, bLocal := x.localEnts[eb.EntityID]
			if bLocal && (eb.Mentions < ea.Mentions || (eb.Mentions == ea.Mentions && b > a)) {
				continue // b is the variant; it is merged when its turn comes
			}
			into[ea.EntityID] = eb.EntityID
			break
		}
	}
}

// variantNames reports whether two names have the same words but for one
// letter changed, added or dropped in words of six letters or more.
func variantNames(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) != len(fb) || a == b {
		return false
	}
	for i := range fa {
		if fa[i] == fb[i] {
			continue
		}
		if utf8.RuneCountInString(fa[i]) < 6 || utf8.RuneCountInString(fb[i]) < 6 || !oneEdit(fa[i], fb[i]) ||
			strings.ContainsAny(fa[i]+fb[i], "0123456789") { // "URC2024" and "URC2025" are two conferences
			return false
		}
	}
	return true
}

// oneEdit reports whether b is a with one rune changed, added or dropped.
func oneEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) > 1 {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if len(ra) == len(rb) {
		return string(ra[i+1:]) == string(rb[i+1:])
	}
	return string(ra[i:]) == string(rb[i+1:])
}

// remapAcronyms adds to into the bodies named in a text only by an
// acronym that is also the initials of another body the text names in
// full: "LSE" after "London Stock Exchange" is the exchange, not the London
// School of Economics, and "GM" after "General Motors" is the carmaker.
func (x *extractor) remapAcronyms(into map[string]string) {
	surface := map[string]string{} // entity -> its one acronym, "" if named otherwise
	for _, m := range x.mentions {
		a, seen := surface[m.EntityID]
		switch {
		case m.Form != pipeline.FormAcronym || (seen && a != m.Surface):
			surface[m.EntityID] = ""
		case !seen:
			surface[m.EntityID] = m.Surface
		}
	}
	for _, e := range x.ents { // in order of first mention: the result does not depend on map order
		id := e.EntityID
		a, ok := surface[id]
		if !ok {
			continue
		}
		_, known := x.g.Entry(id)
		if _, local := x.localEnts[id]; len(a) < 2 || (known && len(a) < 3) || (!known && !local) || into[id] != "" {
			continue // a known acronym of two letters ("EU") is left alone; a rule-found one ("GM") may be spelled out
		}
		var to []string
		for _, e := range x.ents {
			if n := x.fullName(e); e.EntityID != id && e.Type == pipeline.TypeOrganization && strings.Contains(n, " ") && nameInitials(n) == a {
				to = append(to, e.EntityID)
			}
		}
		if len(to) == 1 {
			into[id] = to[0]
		}
	}
}

// patronymicWord reports a Russian-style patronymic ("Vladimirovich",
// "Miromonovich", "Sergeyevna").
func patronymicWord(w string) bool {
	for _, suf := range []string{"ovich", "evich", "ovna", "evna", "ich", "ichna"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			return true
		}
	}
	return false
}

// corporateTailAt reports whether a company's legal word follows offset
// end of text ("Mitsubishi Corp.", "Sumitomo Corporation"): the mention
// then names the company in full.
func corporateTailAt(text string, end int) bool {
	if end < 0 || end >= len(text) || text[end] != ' ' {
		return false
	}
	rest := text[end+1:]
	n := 0
	for n < len(rest) && rest[n] < utf8.RuneSelf && unicode.IsLetter(rune(rest[n])) {
		n++
	}
	w := rest[:n]
	return legalWords[w] || w == "plc" || w == "Holdings"
}

// completeSurnames gives a person found only by a surname ("Mr Mubanga")
// the full name the text writes once with no cue around it ("Martin
// Mubanga, Richard Belmar and Feroz Abbasi, from London, have been held"):
// the one capitalized word that stands before the surname in the text and
// is no title, known name or common word. One pass over the text.
func (x *extractor) completeSurnames() {
	lastWords := map[string]bool{} // last words of the longer names of people
	for _, p := range x.ents {
		if f := strings.Fields(x.fullName(p)); p.Type == pipeline.TypePerson && len(f) > 1 {
			lastWords[f[len(f)-1]] = true
		}
	}
	given := map[string]string{} // surname -> the first name before it; "-" for two
	for _, e := range x.ents {
		le, local := x.localEnts[e.EntityID]
		if local && le.Type == pipeline.TypePerson && !strings.ContainsRune(le.Name, ' ') &&
			utf8.RuneCountInString(le.Name) >= 3 && !lastWords[le.Name] {
			given[le.Name] = "" // "Al-Khulaifi" after "Mohammed bin Abdulaziz Al-Khulaifi" is linked by mergeShortPersons
		}
	}
	if len(given) == 0 {
		return
	}
	prev, prevEnd := "", -1
	for i := 0; i < len(x.text); {
		r, n := utf8.DecodeRuneInString(x.text[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(x.text) {
			r, n := utf8.DecodeRuneInString(x.text[j:])
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
				break
			}
			j += n
		}
		w := strings.TrimRight(x.text[i:j], "-'’")
		if g, cand := given[w]; cand && g != "-" && i > 0 && prevEnd == i-1 && x.text[i-1] == ' ' && x.firstNameLike(prev) {
			if g == "" || g == prev {
				given[w] = prev
			} else {
				given[w] = "-" // two first names: no guess
			}
		}
		prev, prevEnd = w, i+len(w)
		i = j
	}
	for n := range x.ents {
		e := x.ents[n]
		le, local := x.localEnts[e.EntityID]
		g := given[le.Name]
		if !local || g == "" || g == "-" || strings.ContainsRune(le.Name, ' ') {
			continue
		}
		full := g + " " + le.Name
		id := Slug(full)
		if _, taken := x.idx[id]; taken {
			continue // the full name is an entity already: mergeShortPersons links them
		}
		if _, known := x.g.Entry(id); known {
			continue
		}
		old := e.EntityID
		le.EntityID, le.Name = id, full
		delete(x.localEnts, old)
		x.localEnts[id] = le
		x.ents[n].EntityID, x.ents[n].Name = id, full
		delete(x.idx, old)
		x.idx[id] = n
		for k := range x.mentions {
			if x.mentions[k].EntityID == old {
				x.mentions[k].EntityID = id
			}
		}
	}
}

// otherFirstName reports whether the text writes the surname after a first
// name that is not the known person e's ("Feroz Abbasi" is no Shahid
// Khaqan Abbasi), so that a bare "Mr Abbasi" is that other person.
func (x *extractor) otherFirstName(surname string, e *Entry) bool {
	names := append([]string{e.Name}, e.Aliases...)
	for at := 0; ; {
		k := strings.Index(x.text[at:], " "+surname)
		if k < 0 {
			return false
		}
		end := at + k
		at = end + 1
		if after := end + 1 + len(surname); after < len(x.text) {
			if r, _ := utf8.DecodeRuneInString(x.text[after:]); unicode.IsLetter(r) {
				continue
			}
		}
		start := end
		for start > 0 {
			r, n := utf8.DecodeLastRuneInString(x.text[:start])
			if !unicode.IsLetter(r) {
				break
			}
			start -= n
		}
		first := x.text[start:end]
		if !x.firstNameLike(first) {
			continue
		}
		mine := false
		for _, n := range names {
			if strings.HasSuffix(n, first+" "+surname) {
				mine = true
			}
		}
		if !mine {
			return true
		}
	}
}

// firstNameLike reports whether a capitalized word before a surname may be
// a first name: no title, party, month, known name or common word.
func (x *extractor) firstNameLike(g string) bool {
	if g == "" || !unicode.IsUpper(firstRune(g)) || stopCaps[g] || titleWord(g) || weakTitles[g] || months[g] ||
		partyWords[g] || (commonWord(g) && !properWord(g)) || strings.HasSuffix(g, "'s") || strings.HasSuffix(g, "’s") {
		return false
	}
	if _, ok := titleTrie.child(0, g, token{end: int32(len(g))}); ok {
		return false // "Mr", "Sir", "President"
	}
	if _, known := x.g.byName(g); known && !givenNames[g] {
		return false // "Kenyan Mubanga", "Labour Mubanga"
	}
	return true
}

// variantOfAlias reports whether name is one of a known entity's aliases
// spelled differently ("Yuganskneftegaz" for Yugansk, alias
// "Yuganskneftegas").
func (x *extractor) variantOfAlias(name, id string) bool {
	e, ok := x.g.Entry(id)
	if !ok {
		return false
	}
	for _, a := range e.Aliases {
		if variantNames(name, a) {
			return true
		}
	}
	return false
}

// describedTails are class nouns a text adds to a named work: "the Qosh Tepa
// Canal" and "Qosh Tepa", "the El Dabaa Nuclear Power Plant" and "El
// Dabaa" are one actor.
var describedTails = []string{" Canal", " Dam", " Nuclear Power Plant", " Hydropower Plant", " Power Plant",
	" Hydropower Project", " Gas Pipeline", " Pipeline", " Project", " Reservoir", " Gas Field", " Oil Field"}

// companyTails end a known company's legal or group name: "Alibaba Group"
// is Alibaba.
var companyTails = []string{" Group", " Holdings", " Corporation", " Company", " Inc", " Ltd", " Plc", " Limited"}

// legalTails end any known organization's legal name: "Kazakhstan Temir
// Zholy JSC" is KTZ.
var legalTails = []string{" National Company JSC", " JSC", " CJSC", " PJSC", " OJSC", " LLC", " LLP", " National Company"}

// mergeDescribed adds to into the pairs of entities of this document whose
// names differ by a class noun at the end: the one the text alone found goes
// into the other. The bare name must name a work, not a place: "the South
// Caucasus Pipeline" is not the South Caucasus.
func (x *extractor) mergeDescribed(into map[string]string) {
	byName := map[string]int{}
	for k, e := range x.ents {
		byName[strings.ToLower(x.fullName(e))] = k
	}
	for _, e := range x.ents {
		name := strings.ToLower(x.fullName(e))
		if e.Type == pipeline.TypePerson || e.Type == pipeline.TypeCountry {
			continue
		}
		for _, a := range nameAffixes {
			bare, ok := strings.CutSuffix(name, a.text)
			if a.prefix {
				bare, ok = strings.CutPrefix(name, a.text)
			}
			if !ok {
				continue
			}
			k, seen := byName[bare]
			if !seen {
				break
			}
			b := x.ents[k]
			if b.EntityID == e.EntityID {
				break
			}
			_, bLocal := x.localEnts[b.EntityID]
			_, eLocal := x.localEnts[e.EntityID]
			if a.company {
				if g, known := x.g.Entry(b.EntityID); !known || !g.Company || !eLocal {
					break
				}
			}
			if a.legal {
				if g, known := x.g.Entry(b.EntityID); !known || g.Type != pipeline.TypeOrganization || !eLocal {
					break
				}
			}
			if b.Type == pipeline.TypeCountry || (!bLocal && b.Type != pipeline.TypeFramework &&
				b.Type != pipeline.TypeOrganization && b.Type != pipeline.TypeEvent) {
				break
			}
			_, bDone := into[b.EntityID]
			_, eDone := into[e.EntityID]
			if bDone || eDone {
				break // linked already
			}
			if bLocal {
				into[b.EntityID] = e.EntityID
			} else if eLocal {
				into[e.EntityID] = b.EntityID
			}
			break
		}
	}
}

// nameAffix is a word or words a text adds to a name it also writes bare.
type nameAffix struct {
	text    string // lower case, with the space that joins it
	prefix  bool   // before the name ("Air Deccan"), else after it
	company bool   // a legal or group name: the bare name must be a known company
	legal   bool   // a legal form: the bare name must be a known organization
}

// nameAffixes are the described and company tails, tried in this order, and
// an airline's "Air".
var nameAffixes = func() []nameAffix {
	var as []nameAffix
	for _, t := range describedTails {
		as = append(as, nameAffix{text: strings.ToLower(t)})
	}
	for _, t := range companyTails {
		as = append(as, nameAffix{text: strings.ToLower(t), company: true})
	}
	for _, t := range legalTails {
		as = append(as, nameAffix{text: strings.ToLower(t), legal: true})
	}
	return append(as, nameAffix{text: "air ", prefix: true}) // "Deccan" and "Air Deccan"
}()

// genericBodies are the known entities of bodies a text names generically
// ("the Treasury", "the National Assembly"), with the words that name them.
var genericBodies = map[string]string{"treasury": "Treasury", "national-assembly": "National Assembly",
	"state-council": "State Council", "national-security-council": "National Security Council"}

// mergeGeneric adds to into a generic body the text also names in full:
// "the Treasury" after "the US Treasury" is that Treasury.
func (x *extractor) mergeGeneric(into map[string]string) {
	for _, e := range x.ents {
		words, ok := genericBodies[e.EntityID]
		if !ok {
			continue
		}
		if _, done := into[e.EntityID]; done {
			continue
		}
		match := ""
		for _, o := range x.ents {
			if o.EntityID == e.EntityID || !strings.Contains(x.fullName(o), words) {
				continue
			}
			if _, done := into[o.EntityID]; done {
				continue
			}
			if match != "" && match != o.EntityID {
				match = ""
				break // two of them: leave it
			}
			match = o.EntityID
		}
		if match != "" {
			into[e.EntityID] = match
		}
	}
}

// mergeInverted adds to into a department or ministry the text found by
// its form when the text also names it the other way round with a known
// or found name: "the Department of Justice" and "the Justice Department",
// "the Ministry of Defence" and "the Defence Ministry" are one body.
func (x *extractor) mergeInverted(into map[string]string) {
	key := func(name string) string {
		f := strings.Fields(strings.ToLower(name))
		for _, h := range []string{"department", "ministry"} {
			if len(f) == 3 && f[0] == h && f[1] == "of" {
				return h + ":" + f[2]
			}
			if len(f) == 2 && f[1] == h {
				return h + ":" + f[0]
			}
			if len(f) == 3 && (f[0] == "us" || f[0] == "u.s." || f[0] == "uk") && f[2] == h {
				return h + ":" + f[1]
			}
		}
		return ""
	}
	byKey := map[string][]string{}
	for _, e := range x.ents {
		if e.Type != pipeline.TypeOrganization {
			continue
		}
		names := []string{x.fullName(e)}
		if g, ok := x.g.Entry(e.EntityID); ok {
			names = append(names, g.Aliases...)
		}
		seen := map[string]bool{}
		for _, n := range names {
			if k := key(n); k != "" && !seen[k] {
				seen[k] = true
				byKey[k] = append(byKey[k], e.EntityID)
			}
		}
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		ids := byKey[k]
		if len(ids) != 2 {
			continue
		}
		a, b := ids[0], ids[1]
		_, aLocal := x.localEnts[a]
		_, bLocal := x.localEnts[b]
		if _, done := into[a]; done {
			continue
		}
		if _, done := into[b]; done {
			continue
		}
		if bLocal { // the found name goes into the known one, or the later into the first
			into[b] = a
		} else if aLocal {
			into[a] = b
		}
	}
}

// mergeRegions adds to into a region named after its city when the text
// names the city too: "the Samarkand region" and "Samarkand" are one
// place to a reader of the document.
func (x *extractor) mergeRegions(into map[string]string) {
	// "the Caucasus" in a text that names the South Caucasus is the
	// South Caucasus: readers list one region.
	if _, south := x.idx["south-caucasus"]; south {
		if _, bare := x.idx["caucasus"]; bare && into["caucasus"] == "" {
			into["caucasus"] = "south-caucasus"
		}
	}
	byName := map[string]string{}
	for _, e := range x.ents {
		if e.Type == pipeline.TypeCity || e.Type == pipeline.TypeRegion {
			byName[strings.ToLower(x.fullName(e))] = e.EntityID
		}
	}
	for _, e := range x.ents {
		if e.Type != pipeline.TypeRegion {
			continue
		}
		if _, done := into[e.EntityID]; done {
			continue
		}
		f := strings.Fields(x.fullName(e))
		if len(f) < 2 || !adminRegions[strings.ToLower(f[len(f)-1])] {
			continue
		}
		bare := strings.ToLower(strings.Join(f[:len(f)-1], " "))
		if b, ok := byName[bare]; ok && b != e.EntityID {
			if _, done := into[b]; !done {
				into[e.EntityID] = b
			}
		}
	}
}
