package entities

import (
	"unicode"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
)

// lfRune is one letter or digit of a candidate long form: the token it
// belongs to and whether it starts that token.
type lfRune struct {
	r     rune
	tok   int
	first bool
}

// spellsAcronym reports whether the words of tokens [s, p) are the long
// form of the acronym acr, in the manner of Schwartz and Hearst (2003,
// "A simple algorithm for identifying abbreviation definitions"): the
// acronym's letters and digits appear in order in the words, its first
// letter at the start of word s. Unlike plain initials, this reads
// "Security of Supply Arrangement (SOSA)", "Bottom-Up Economic
// Transformation Agenda (BETA)", "Power Development Plan 8 (PDP8)" and
// "Korea Gas Corporation (KOGAS)".
//
// Every capitalized word must give a letter, except the second half of a
// hyphenated word ("Bottom-Up"), a company or body tail at the end
// ("Corporation") and, in acronyms of four letters or more, one other word
// ("Lao PDR-Thailand-Malaysia-Singapore Power Integration Project
// (LTMS-PIP)"). The words are capitalized words, numbers and connectors
// ("of", "and", "on"), joined by spaces, hyphens, commas or "&".
func spellsAcronym(x *extractor, s, p int, acr string) bool {
	var sfBuf [16]rune
	sf := sfBuf[:0]
	for i, r := range acr {
		if r == 's' && i == len(acr)-1 && i > 0 {
			break // a plural: "SDGs"
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sf = append(sf, unicode.ToLower(r))
		}
	}
	if len(sf) < 2 || len(sf) > 12 || !x.capWord(s) {
		return false
	}
	var lfBuf [96]lfRune
	lf := lfBuf[:0]
	content := 0
	for k := s; k < p; k++ {
		if !x.isWordTok(k) {
			if x.toks[k].kind == tokPoss {
				continue
			}
			switch x.word(k) {
			case "-", "–", ",", "&", "/":
				continue
			}
			return false
		}
		w := x.word(k)
		r0, _ := utf8.DecodeRuneInString(w)
		switch {
		case x.capWord(k):
			content++
		case unicode.IsDigit(r0):
		case orgConnectors[w] || nameParticles[w] || ((w == "in" || w == "to") && k > s && k < p-1):
			// "Aligned for Advancing Lifesaving and Peace in Sudan (ALPS)"
		case k > s && x.punct(k-1, "-") && x.adjacent(k-1) && x.adjacent(k):
			// "Hizb-ul-Mujahideen"
		default:
			return false
		}
		first := true
		for _, r := range w {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				lf = append(lf, lfRune{unicode.ToLower(r), k, first})
				first = false
				if len(lf) == cap(lfBuf) {
					return false // far longer than any name for an acronym
				}
			}
		}
	}
	if content < 2 || content > 2*len(sf)+1 {
		return false
	}
	// match the acronym from its end, each letter at the latest place it
	// can go; the first must start word s
	var used [96]bool
	l := len(lf) - 1
	for si := len(sf) - 1; si >= 0; si-- {
		for l >= 0 && (lf[l].r != sf[si] || (si == 0 && (!lf[l].first || lf[l].tok != s))) {
			l--
		}
		if l < 0 {
			return false
		}
		used[l] = true
		l--
	}
	if !lf[l+1].first || lf[l+1].tok != s {
		return false
	}
	// every capitalized word gives a letter, with the exceptions above
	skipped := 0
	for i := 0; i < len(lf); {
		k := lf[i].tok
		gives := false
		for ; i < len(lf) && lf[i].tok == k; i++ {
			gives = gives || used[i]
		}
		if gives || !x.capWord(k) {
			continue
		}
		switch {
		case k > s && x.punct(k-1, "-") && x.adjacent(k-1) && x.adjacent(k):
		case k == lf[len(lf)-1].tok && orgTails[x.word(k)]:
		case len(sf) >= 4 && skipped == 0, len(sf) >= 6 && skipped == 1:
			skipped++ // "Economic Resilience Initiative in Central Asia (ERICEN)"
		default:
			return false
		}
	}
	return true
}

// retractAbsorbed drops the sentence's last mentions that the long form
// of an acronym at tokens [s, p) takes in: "Trump Route for International
// Peace and Prosperity (TRIPP)" is not Trump, "... for the North Atlantic
// (DIANA)" not the North Atlantic, and "Information Fusion Centre - Indian
// Ocean Region (IFC-IOR)" neither of its parts. A known body or country
// inside the name stays ("ASEAN Ministers on Energy Meeting (AMEM)",
// "NASA-ISRO Synthetic Aperture Radar (NISAR)") unless the name ends in
// it. It reports whether it dropped any.
func (x *extractor) retractAbsorbed(s, p int) bool {
	dropped := false
	for n := len(x.spans); n > 0 && len(x.mentions) > 0 && x.spans[n-1].m == len(x.mentions)-1; n = len(x.spans) {
		sp := x.spans[n-1]
		if sp.i < s || sp.j > p {
			break
		}
		if e, ok := x.g.Entry(x.mentions[sp.m].EntityID); ok && sp.j != p &&
			(e.Type == pipeline.TypeOrganization || e.Type == pipeline.TypeCountry) {
			break
		}
		x.retractLast()
		x.spans = x.spans[:n-1]
		dropped = true
	}
	return dropped
}

// joinedBefore reports whether the sentence's last mention is a
// rule-found name that ends at token p and joins, with "and", another name
// to the long form of an acronym starting at token s: "GE Aerospace and
// Hindustan Aeronautics Limited (HAL)". It returns the first token of the
// other name.
func (x *extractor) joinedBefore(s, p int) (int, bool) {
	n := len(x.spans)
	if n == 0 || len(x.mentions) == 0 || x.spans[n-1].m != len(x.mentions)-1 {
		return 0, false
	}
	sp := x.spans[n-1]
	a := s - 1
	if x.isWordTok(a) && isThe(x.word(a)) {
		a-- // "Invest India and the Abu Dhabi Investment Office (ADIO)"
	}
	if sp.j != p || sp.i >= a || !x.isWordTok(a) || x.word(a) != "and" || !x.capWord(a-1) {
		return 0, false
	}
	if _, ok := x.localEnts[x.mentions[sp.m].EntityID]; !ok {
		return 0, false
	}
	return sp.i, true
}

// andBefore returns the token of the "and" before a name at token s,
// skipping "the".
func (x *extractor) andBefore(s int) int {
	if x.isWordTok(s-1) && isThe(x.word(s-1)) {
		return s - 2
	}
	return s - 1
}

// longerForm extends the long form of an acronym at tokens [s, p) to an
// earlier word with the same initial that spells it too: "Aligned for
// Advancing Lifesaving and Peace in Sudan (ALPS)" rather than "Advancing
// Lifesaving and Peace in Sudan".
func (x *extractor) longerForm(s, p int, acr string) int {
	for t := s - 1; t >= 0 && t >= s-3; t-- {
		if !x.isWordTok(t) {
			return s
		}
		if !x.capWord(t) {
			if orgConnectors[x.word(t)] && !isThe(x.word(t)) {
				continue
			}
			return s
		}
		if firstRune(x.word(t)) == firstRune(acr) && spellsAcronym(x, t, p, acr) {
			return t
		}
		return s
	}
	return s
}
