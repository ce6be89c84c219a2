package segment

import (
	"unicode"
	"unicode/utf8"
)

// Character classes of the first letter of the next word.
const (
	clNone  = iota // end of text
	clUpper        // capital letter
	clLower        // small letter
	clDigit        // digit
	clOther        // anything else (dash, symbol, ...)
)

// terminal handles a run of terminal punctuation starting at i and returns
// where scanning continues. It cuts the sentence when the run ends one.
func (s *scanner) terminal(i int) int {
	t := s.text
	n := len(t)
	j := i
	dots, qe, ell, excls := 0, 0, 0, 0
	spaced := false
scan:
	for j < n {
		switch c := t[j]; {
		case c == '.':
			dots++
			j++
		case c == '?' || c == '!':
			qe++
			if c == '!' {
				excls++
			}
			j++
		case c == 0xE2 && j+2 < n && t[j+1] == 0x80 && t[j+2] == 0xA6:
			ell++
			j += 3
		case c == ' ' && (dots > 0 || ell > 0) && j+1 < n && t[j+1] == '.' && loneDot(t, j+1):
			// spaced ellipsis ". . ."
			spaced = true
			j++
		default:
			break scan
		}
	}
	// Closing quotes and brackets belong to the sentence they close.
	k := j
	for k < n {
		if c := t[k]; c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' {
			k++
			continue
		}
		if t[k] == 0xE2 && k+2 < n && t[k+1] == 0x80 && (t[k+2] == 0x9D || t[k+2] == 0x99) { // ” ’
			k += 3
			continue
		}
		if t[k] == 0xC2 && k+1 < n && t[k+1] == 0xBB { // »
			k += 2
			continue
		}
		if t[k] == '[' { // footnote reference "martyr.[1]"
			r := k + 1
			for r < n && r-k < 5 && t[r] >= '0' && t[r] <= '9' {
				r++
			}
			if r > k+1 && r < n && t[r] == ']' {
				k = r + 1
				continue
			}
		}
		break
	}
	if k >= n {
		return k
	}
	if spaceLen(t, k) == 0 {
		// "3.14", "U.S.A", "Jr.'s", "example.com/a.b" -- but "world.Today".
		if ell == 0 && dots < 3 && s.glued(i, k) {
			s.cut(k)
		}
		return k
	}
	// Look at what follows.
	m, nl := k, 0
	for m < n {
		sz := spaceLen(t, m)
		if sz == 0 {
			break
		}
		if t[m] == '\n' {
			nl++
		}
		m += sz
	}
	if m >= n || nl >= 2 {
		return k // end of text, or a blank line (cut by newline)
	}
	if s.boundary(i, j, m, nl > 0, dots, qe, excls, ell, spaced) {
		s.cut(k)
	}
	return k
}

// loneDot reports whether the '.' at p stands alone (part of ". . .").
func loneDot(t string, p int) bool {
	q := p + 1
	if q >= len(t) {
		return true
	}
	switch t[q] {
	case ' ', '.', '\n', '"', '\'', ')', ']', 0xE2:
		return true
	}
	return false
}

// boundary decides whether the punctuation run t[i:j] ends a sentence,
// given that the next word starts at m (after white space).
func (s *scanner) boundary(i, j, m int, newline bool, dots, qe, excls, ell int, spaced bool) bool {
	t := s.text
	// The word before the punctuation.
	ws := i
	for ws > 0 && i-ws < 64 {
		r, sz := utf8.DecodeLastRuneInString(t[:ws])
		if isSpace(r) {
			break
		}
		ws -= sz
	}
	if ws < s.sentStart {
		ws = s.sentStart // "Tuesday.Mr. Smith": the word is "Mr"
	}
	word := trimOpeners(t[ws:i])
	// The next word.
	p := skipOpeners(t, m)
	nc := classAt(t, p)
	next := wordAt(t, p)

	if qe > 0 && dots < 3 && ell == 0 {
		// "?", "!", "?!", "!!", "?."
		if nc == clLower {
			return camel(next)
		}
		if excls == qe && has(excl, word) {
			return nc == clUpper && isStarter(next)
		}
		if nc == clOther && isDash(t, p) {
			return false // "and -- voila! -- you have cake"
		}
		return true
	}
	if dots >= 3 || ell > 0 || spaced {
		// Ellipsis. "[...]" is an omission inside a sentence.
		if i > 0 && (t[i-1] == '[' || t[i-1] == '(') && j < len(t) && (t[j] == ']' || t[j] == ')') {
			return false
		}
		if nc == clLower || nc == clNone {
			return false
		}
		total := dots
		if ell > 0 {
			total += 3 * ell
		}
		if total >= 4 || qe > 0 {
			return true // a full stop plus an ellipsis
		}
		if spaced {
			return false // ". . ." marks an omission inside a sentence
		}
		return nc == clUpper && next != "I"
	}

	// A period (or two).
	if i == s.mk.dot {
		return false // the "1." of a list item
	}
	if nc == clLower {
		return camel(next) && !isAbbrev(word)
	}
	if nc == clNone {
		return false
	}
	if parseMarker(t, p).ok && nc == clDigit {
		// "... first item. 2. The second item." -- but "on Feb. 2. It rained."
		return !isAbbrev(trimClosers(word))
	}
	word = trimClosers(word)
	if word == "" {
		return true
	}
	w0, _ := utf8.DecodeRuneInString(word)
	switch {
	case unicode.IsDigit(w0) || (isCurrency(w0) && len(word) > 1):
		return true // "in 2004. The", "$100.00. It"
	case len(word) == 1 || word == "N°" || word == "n°":
		return s.singleLetter(word, ws, nc, next, newline)
	case isDotted(word):
		if has(neverEnd, word) {
			return false
		}
		if isAMPM(word) {
			return !s.fragment(ws)
		}
		if nc == clUpper {
			return newline || isStarter(next)
		}
		return false
	case has(numAbbrevs, word):
		if nc == clDigit {
			return false // "No. 5", "p. 55", "Art. 3"
		}
		return true
	case has(titles, word):
		return false // "Mr. Smith", "Mt. Fuji"
	case has(abbrevEndsOnCapital, word):
		return nc == clUpper || nc == clDigit
	case has(abbrevs, word):
		if nc == clUpper {
			return newline || isStarter(next)
		}
		return false
	}
	return true
}

// singleLetter decides for a period after one letter: an initial
// ("George W. Bush"), the pronoun I ("you and I. Did"), or a lower-case
// abbreviation ("p. 55").
func (s *scanner) singleLetter(word string, ws, nc int, next string, newline bool) bool {
	if nc == clDigit || nc == clOther {
		return false
	}
	if has(labels, prevWord(s.text, ws)) {
		return nc == clUpper // "see Appendix A. Thank you."
	}
	if word == "I" {
		// "you and I. Did ..." vs "Albert I. Jones"
		pw := prevWord(s.text, ws)
		if pw != "" {
			r, _ := utf8.DecodeRuneInString(pw)
			if unicode.IsLower(r) {
				return true
			}
		}
	}
	if next == "I" || next == "A" || (len(next) == 1 && nc == clUpper) {
		return false // "J. R. R. Tolkien", "J. A. Smith"
	}
	return isStarter(next) || (newline && word[0] >= 'a')
}

// fragment reports whether the sentence so far (up to the word at ws) is
// a short time adverbial like "At 5 a.m.", which is not a sentence.
func (s *scanner) fragment(ws int) bool {
	if s.sentStart < 0 || ws <= s.sentStart {
		return false
	}
	t := s.text[s.sentStart:ws]
	words := 0
	first := ""
	for i := 0; i < len(t); {
		for i < len(t) && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n') {
			i++
		}
		if i >= len(t) {
			break
		}
		w := i
		for i < len(t) && t[i] != ' ' && t[i] != '\t' && t[i] != '\n' {
			i++
		}
		if words == 0 {
			first = t[w:i]
		}
		words++
		if words > 2 {
			return false
		}
	}
	return has(fragmentOpeners, first)
}

// prevWord returns the word that ends before ws (skipping white space).
func prevWord(t string, ws int) string {
	e := ws
	for e > 0 {
		r, sz := utf8.DecodeLastRuneInString(t[:e])
		if !isSpace(r) {
			break
		}
		e -= sz
	}
	b := e
	for b > 0 && e-b < 64 {
		r, sz := utf8.DecodeLastRuneInString(t[:b])
		if isSpace(r) {
			break
		}
		b -= sz
	}
	return trimOpeners(t[b:e])
}

// classAt classifies the character at p.
func classAt(t string, p int) int {
	if p >= len(t) {
		return clNone
	}
	c := t[p]
	if c < utf8.RuneSelf {
		switch {
		case c >= 'A' && c <= 'Z':
			return clUpper
		case c >= 'a' && c <= 'z':
			return clLower
		case c >= '0' && c <= '9':
			return clDigit
		}
		return clOther
	}
	r, _ := utf8.DecodeRuneInString(t[p:])
	switch {
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		return clUpper
	case unicode.IsLower(r):
		return clLower
	case unicode.IsDigit(r):
		return clDigit
	case unicode.IsLetter(r):
		return clUpper // caseless scripts: treat as a sentence start
	}
	return clOther
}

// skipOpeners skips opening quotes and brackets at p.
func skipOpeners(t string, p int) int {
	for p < len(t) {
		switch c := t[p]; {
		case c == '"' || c == '\'' || c == '(' || c == '[' || c == '{':
			p++
			continue
		case c == 0xE2 && p+2 < len(t) && t[p+1] == 0x80 && (t[p+2] == 0x9C || t[p+2] == 0x98):
			p += 3 // “ ‘
			continue
		case c == 0xC2 && p+1 < len(t) && t[p+1] == 0xAB:
			p += 2 // «
			continue
		}
		break
	}
	return p
}

// trimOpeners strips opening quotes and brackets from the start of w.
func trimOpeners(w string) string {
	return w[skipOpeners(w, 0):]
}

// trimClosers strips closing quotes and brackets from the end of w.
func trimClosers(w string) string {
	for len(w) > 0 {
		switch c := w[len(w)-1]; {
		case c == '"' || c == '\'' || c == ')' || c == ']':
			w = w[:len(w)-1]
			continue
		case len(w) >= 3 && w[len(w)-3] == 0xE2 && w[len(w)-2] == 0x80 && (c == 0x9D || c == 0x99):
			w = w[:len(w)-3]
			continue
		}
		break
	}
	return w
}

// wordAt returns the run of letters (and inner apostrophes) at p.
func wordAt(t string, p int) string {
	q := p
	for q < len(t) && q-p < 32 {
		c := t[q]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			q++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, sz := utf8.DecodeRuneInString(t[q:])
		if !unicode.IsLetter(r) {
			break
		}
		q += sz
	}
	return t[p:q]
}

// camel reports whether a lower-case word carries a capital inside, like a
// brand name that starts a sentence ("iPhone", "eBay").
func camel(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			return true
		}
	}
	return false
}

// isDotted reports whether w is a dotted abbreviation: letter groups of at
// most two letters joined by periods ("U.S", "a.m", "Ph.D", "e.g").
func isDotted(w string) bool {
	dot := false
	group := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if group == 0 {
				return false
			}
			dot = true
			group = 0
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			group++
			if group > 2 {
				return false
			}
		default:
			return false
		}
	}
	return dot && group > 0
}

func isAMPM(w string) bool {
	return w == "a.m" || w == "p.m" || w == "A.M" || w == "P.M"
}

func isCurrency(r rune) bool {
	return r == '$' || r == '£' || r == '€' || r == '¥' || r == '#'
}

// isAbbrev reports whether w is any known abbreviation.
func isAbbrev(w string) bool {
	return len(w) == 1 || isDotted(w) || has(titles, w) || has(abbrevs, w) || has(numAbbrevs, w)
}

// isStarter reports whether a capitalised word typically opens a sentence.
func isStarter(w string) bool {
	if w == "" {
		return false
	}
	return has(starters, w)
}

// has looks a word up in a lower-case word list without allocating.
func has(m map[string]bool, w string) bool {
	if len(w) == 0 || len(w) > 16 {
		return false
	}
	var buf [16]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(w)])]
}

// isDash reports whether a dash ("-", "--", "–", "—") starts at p.
func isDash(t string, p int) bool {
	if p >= len(t) {
		return false
	}
	if t[p] == '-' {
		return true
	}
	return p+2 < len(t) && t[p] == 0xE2 && t[p+1] == 0x80 && (t[p+2] == 0x93 || t[p+2] == 0x94)
}

// glued reports whether the terminal run starting at i ends a sentence
// even though the next sentence follows without a space ("Hello
// world.Today is Tuesday.", "bought 1,000.That is a lot."): a capitalised
// word follows, and neither side looks like a URL, e-mail address, domain
// or abbreviation.
func (s *scanner) glued(i, k int) bool {
	t := s.text
	if k+1 >= len(t) || !(t[k] >= 'A' && t[k] <= 'Z') || !(t[k+1] >= 'a' && t[k+1] <= 'z') {
		return false
	}
	// The word before: letters or a number, not an abbreviation or a URL.
	ws := i
	for ws > 0 && i-ws < 64 {
		r, sz := utf8.DecodeLastRuneInString(t[:ws])
		if isSpace(r) {
			break
		}
		ws -= sz
	}
	if ws < s.sentStart {
		ws = s.sentStart
	}
	word := trimOpeners(t[ws:i])
	if len(word) < 2 || isAbbrev(word) || has(starters, word) && len(word) < 3 {
		return false
	}
	for j := 0; j < len(word); j++ {
		switch c := word[j]; c {
		case '/', '@', ':', '.', '_', '=', '?', '&', '#':
			return false
		}
	}
	// The word after: no '/', '@' or inner '.' (a domain or file name).
	for j := k; j < len(t) && j-k < 64; j++ {
		c := t[j]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		if c == '/' || c == '@' || c == '_' {
			return false
		}
		if c == '.' && j+1 < len(t) && (isLetterOrDigit(t[j+1])) {
			return false
		}
	}
	return true
}

func isLetterOrDigit(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
