// Package segment splits English text into sentences with exact byte
// offsets. It is a hand-written, rule-based scanner (no regular
// expressions): it walks the text once, and at every candidate boundary
// (".", "?", "!", "…", a line break, a list marker or a bullet) it looks at
// the word before and the word after to decide.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is one sentence as byte offsets [Start, End) into the text it was
// found in. Spans are trimmed of surrounding white space.
type Span struct{ Start, End int }

// Split returns the sentences of text in order. The spans never overlap,
// never start or end with white space, fall on UTF-8 boundaries, and
// together cover every non-space character of text exactly once.
//
// A blank line always ends a sentence. A single line break ends one only
// when the line is a list item or a heading, or the next line starts a list
// item; otherwise it counts as a space.
func Split(text string) []Span {
	s := scanner{text: text, sentStart: -1}
	s.run()
	return capLength(text, s.spans)
}

// MaxSentence is the longest sentence Split returns, in bytes. A longer
// run of text with no sentence end (a table flattened to one line, a
// run-on list, a hostile input) is cut at white space, after a ";", ":" or
// "," where there is one in the last quarter of the piece: the stages
// after segmentation keep per-sentence data (an event carries its
// sentence), so an unbounded sentence makes their output grow with the
// square of the text.
const MaxSentence = 2000

// capLength cuts the spans longer than MaxSentence.
func capLength(text string, spans []Span) []Span {
	long := false
	for _, sp := range spans {
		if sp.End-sp.Start > MaxSentence {
			long = true
			break
		}
	}
	if !long {
		return spans
	}
	out := make([]Span, 0, len(spans)+len(spans)/4)
	for _, sp := range spans {
		for sp.End-sp.Start > MaxSentence {
			cut := cutPoint(text, sp.Start, sp.Start+MaxSentence)
			if cut <= sp.Start {
				break // no white space to cut at: keep the rest whole
			}
			out = append(out, trimSpan(text, Span{sp.Start, cut}))
			sp.Start = cut
			for sp.Start < sp.End {
				if n := spaceLen(text, sp.Start); n > 0 {
					sp.Start += n
					continue
				}
				break
			}
		}
		if sp.Start < sp.End {
			out = append(out, sp)
		}
	}
	return out
}

// cutPoint returns where to end a piece of text[start:limit]: after the
// last ";", ":" or "," followed by white space in its last quarter, else at
// its last white space; start when there is none.
func cutPoint(text string, start, limit int) int {
	lastSpace := start
	for i := limit - 1; i > start; i-- {
		if spaceLen(text, i) == 0 {
			continue
		}
		if lastSpace == start {
			lastSpace = i
		}
		if i-start >= (limit-start)*3/4 {
			if p := text[i-1]; p == ';' || p == ':' || p == ',' {
				return i
			}
		} else if lastSpace > start {
			break
		}
	}
	return lastSpace
}

// trimSpan drops white space at the end of a span.
func trimSpan(text string, sp Span) Span {
	for sp.End > sp.Start {
		r, n := utf8.DecodeLastRuneInString(text[sp.Start:sp.End])
		if !unicode.IsSpace(r) {
			break
		}
		sp.End -= n
	}
	return sp
}

// marker is a list marker ("1.", "2)", "a.", "iv.", "(b)") that opens a
// sentence.
type marker struct {
	ok    bool
	kind  byte // 'n' number, 'a' lower-case letter, 'A' upper-case letter
	val   int  // the number, or the letter's position (a = 1)
	roman int  // value when the letters read as a roman numeral, else 0
	style byte // '.' "1.", ')' "1)", 'b' "1.)", 'p' "(1)"
	dot   int  // byte index of the marker's '.', -1 when none
	end   int  // byte index just after the marker's punctuation
}

type scanner struct {
	text      string
	spans     []Span
	segStart  int    // where the current segment starts (may be white space)
	sentStart int    // first non-space byte of the current sentence; -1 before it
	lineStart int    // first byte of the current line
	mk        marker // list marker opening the current sentence
}

func (s *scanner) run() {
	t := s.text
	n := len(t)
	for i := 0; i < n; {
		c := t[i]
		if s.sentStart < 0 {
			if c == '\n' {
				s.lineStart = i + 1
				i++
				continue
			}
			if sz := spaceLen(t, i); sz > 0 {
				i += sz
				continue
			}
			s.begin(i)
		}
		switch c {
		case '.', '?', '!':
			i = s.terminal(i)
			continue
		case '\n':
			s.newline(i)
		case ' ', '\t':
			if s.mk.ok && i+1 < n && s.listNext(i+1) {
				s.cut(i + 1)
				s.begin(i + 1)
			}
		case 0xE2:
			if i+2 < n && t[i+1] == 0x80 && t[i+2] == 0xA6 { // "…"
				i = s.terminal(i)
				continue
			}
			if i > s.sentStart && bulletLen(t, i) > 0 && i > 0 && spaceBefore(t, i) {
				s.cut(i)
				s.begin(i)
			}
		}
		i++
	}
	s.cut(n)
}

// begin starts a sentence at p (a non-space byte) and reads its list marker.
func (s *scanner) begin(p int) {
	s.sentStart = p
	s.mk = marker{}
	t := s.text
	q := p
	if b := bulletLen(t, q); b > 0 {
		q += b
		for q < len(t) && (t[q] == ' ' || t[q] == '\t') {
			q++
		}
	}
	s.mk = parseMarker(t, q)
}

// cut ends the current segment at p and records its trimmed span.
func (s *scanner) cut(p int) {
	if p <= s.segStart {
		return
	}
	a, b := s.segStart, p
	t := s.text
	for a < b {
		sz := spaceLen(t, a)
		if sz == 0 {
			break
		}
		a += sz
	}
	for b > a {
		r, sz := utf8.DecodeLastRuneInString(t[a:b])
		if !isSpace(r) || (r == utf8.RuneError && sz <= 1) {
			break
		}
		b -= sz
	}
	if a < b {
		s.spans = append(s.spans, Span{a, b})
	}
	s.segStart = p
	s.sentStart = -1
	s.mk = marker{}
}

// newline handles a line break at i inside a sentence.
func (s *scanner) newline(i int) {
	t := s.text
	ls := s.lineStart
	s.lineStart = i + 1
	// Blank line: always a boundary.
	j := i + 1
	for j < len(t) && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r' || t[j] == '\v' || t[j] == '\f') {
		j++
	}
	if j >= len(t) {
		return
	}
	if t[j] == '\n' {
		s.cut(i)
		return
	}
	nextList := lineIsList(t, j)
	if nextList {
		s.cut(i)
		return
	}
	if s.sentStart < ls {
		return // the sentence began on an earlier line: a wrapped line
	}
	nc := classAt(t, skipOpeners(t, j))
	if nc != clUpper && nc != clDigit {
		if nc == clLower && shortLines(t, ls, i, j) {
			s.cut(i)
		}
		return
	}
	lineBegin := s.sentStart
	if lineIsList(t, lineBegin) || looksLikeHeading(t[lineBegin:i]) {
		s.cut(i)
	}
}

// shortLines reports whether the line [ls, i) and the next line starting
// at j are both short fragments without final punctuation: items of a
// list written one per line ("features\ncontact manager\nevents").
func shortLines(t string, ls, i, j int) bool {
	e := j
	for e < len(t) && t[e] != '\n' {
		e++
	}
	return fragmentLine(t[ls:i]) && fragmentLine(t[j:e])
}

// fragmentLine reports whether a line is a short fragment: at most 30
// bytes, no sentence punctuation, not ending in a comma or function word.
func fragmentLine(line string) bool {
	line = strings.TrimRight(line, " \t\r")
	line = strings.TrimLeft(line, " \t")
	if len(line) == 0 || len(line) > 30 {
		return false
	}
	if strings.ContainsAny(line, ".?!;:") {
		return false
	}
	switch line[len(line)-1] {
	case ',', '-', '(', '&', '/':
		return false
	}
	last := line
	if k := strings.LastIndexByte(line, ' '); k >= 0 {
		last = line[k+1:]
	}
	return !has(functionWords, last)
}

// lineIsList reports whether a list item starts at p: a bullet, "-", "*" or
// "+" followed by a space, or a list marker.
func lineIsList(t string, p int) bool {
	if bulletLen(t, p) > 0 {
		return true
	}
	if p+1 < len(t) && (t[p] == '-' || t[p] == '*' || t[p] == '+') && (t[p+1] == ' ' || t[p+1] == '\t') {
		return true
	}
	return parseMarker(t, p).ok
}

// looksLikeHeading reports whether a line (without its line break) reads as
// a heading rather than a wrapped line of running text.
func looksLikeHeading(line string) bool {
	// trim
	a, b := 0, len(line)
	for a < b && (line[a] == ' ' || line[a] == '\t' || line[a] == '\r') {
		a++
	}
	for b > a && (line[b-1] == ' ' || line[b-1] == '\t' || line[b-1] == '\r') {
		b--
	}
	line = line[a:b]
	if len(line) == 0 || len(line) > 80 {
		return false
	}
	switch line[len(line)-1] {
	case '.', ',', ';', ':', '!', '?', '-', '(', '&', '/':
		return false
	}
	words, caps := 0, 0
	last := ""
	for i := 0; i < len(line); {
		for i < len(line) && line[i] == ' ' {
			i++
		}
		if i >= len(line) {
			break
		}
		w := i
		for i < len(line) && line[i] != ' ' {
			i++
		}
		word := line[w:i]
		words++
		last = word
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
		if word[len(word)-1] == ',' {
			return false
		}
	}
	if words > 10 {
		return false
	}
	if lw, ok := lowerASCII(last); ok && functionWords[lw] {
		return false
	}
	return caps*3 >= words*2 || words <= 4
}

// listNext reports whether the list item after the current one starts at
// p: same marker style, next value ("1. ... 2. ...", "a) ... b) ...").
func (s *scanner) listNext(p int) bool {
	t := s.text
	c := t[p]
	if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '(') {
		return false
	}
	if p <= s.mk.end {
		return false
	}
	m := parseMarker(t, p)
	if !m.ok || m.style != s.mk.style {
		return false
	}
	switch {
	case m.kind == 'n' && s.mk.kind == 'n':
		return m.val == s.mk.val+1
	case m.roman > 0 && s.mk.roman > 0 && m.kind == s.mk.kind:
		if m.roman == s.mk.roman+1 {
			return true
		}
	}
	if m.kind != s.mk.kind || m.kind == 'n' || m.val != s.mk.val+1 {
		return false
	}
	// Upper-case letters with a bare period look like initials ("A. Smith
	// met B. Jones"); only accept them with a bracket style.
	return m.kind == 'a' || m.style != '.'
}

// parseMarker reads a list marker at p: up to three digits, one letter or
// a short roman numeral, followed by ".", ")" or ".)" (or enclosed in
// parentheses), then a space and more text.
func parseMarker(t string, p int) marker {
	m := marker{dot: -1}
	n := len(t)
	if p >= n {
		return m
	}
	q := p
	paren := t[q] == '('
	if paren {
		q++
	}
	w := q
	for q < n && q-w < 4 && t[q] >= '0' && t[q] <= '9' {
		q++
	}
	if q > w {
		if q-w > 3 {
			return m
		}
		m.kind = 'n'
		for k := w; k < q; k++ {
			m.val = m.val*10 + int(t[k]-'0')
		}
	} else {
		for q < n && q-w < 6 && (t[q] >= 'a' && t[q] <= 'z' || t[q] >= 'A' && t[q] <= 'Z') {
			q++
		}
		if q == w || q-w > 5 {
			return m
		}
		word := t[w:q]
		m.roman = romanValue(word)
		if len(word) == 1 {
			if word[0] >= 'a' {
				m.kind, m.val = 'a', int(word[0]-'a')+1
			} else {
				m.kind, m.val = 'A', int(word[0]-'A')+1
			}
		} else if m.roman == 0 {
			return m
		} else if word[0] >= 'a' {
			m.kind = 'a'
		} else {
			m.kind = 'A'
		}
	}
	if q >= n {
		return marker{dot: -1}
	}
	switch {
	case paren:
		if t[q] != ')' {
			return marker{dot: -1}
		}
		m.style = 'p'
		q++
	case t[q] == '.' && q+1 < n && t[q+1] == ')':
		m.style, m.dot = 'b', q
		q += 2
	case t[q] == '.':
		m.style, m.dot = '.', q
		q++
	case t[q] == ')':
		m.style = ')'
		q++
	default:
		return marker{dot: -1}
	}
	// A space, then text.
	if q >= n || (t[q] != ' ' && t[q] != '\t') {
		return marker{dot: -1}
	}
	r := q
	for r < n && (t[r] == ' ' || t[r] == '\t') {
		r++
	}
	if r >= n || t[r] == '\n' || t[r] == '\r' {
		return marker{dot: -1}
	}
	m.ok = true
	m.end = q
	return m
}

// romanValue returns the value of a lower- or upper-case roman numeral up
// to 39 written in canonical form, else 0.
func romanValue(w string) int {
	lw, ok := lowerASCII(w)
	if !ok {
		return 0
	}
	if w != lw {
		// All upper case is fine too; mixed case is not.
		for i := 0; i < len(w); i++ {
			if w[i] >= 'a' && w[i] <= 'z' {
				return 0
			}
		}
	}
	v, ok := romans[lw]
	if !ok {
		return 0
	}
	return v
}

var romans = func() map[string]int {
	ones := []string{"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"}
	tens := []string{"", "x", "xx", "xxx"}
	m := make(map[string]int)
	for t := range tens {
		for o := range ones {
			if t == 0 && o == 0 {
				continue
			}
			m[tens[t]+ones[o]] = t*10 + o
		}
	}
	return m
}()

// bulletLen returns the byte length of a bullet character at p, or 0.
func bulletLen(t string, p int) int {
	if p+2 >= len(t) || t[p] != 0xE2 {
		return 0
	}
	switch t[p+1] {
	case 0x80:
		if t[p+2] == 0xA2 || t[p+2] == 0xA3 { // • ‣
			return 3
		}
	case 0x81:
		if t[p+2] == 0x83 { // ⁃
			return 3
		}
	case 0x96:
		if t[p+2] == 0xAA || t[p+2] == 0xA0 || t[p+2] == 0xBA || t[p+2] == 0xB8 { // ▪ ■ ► ▸
			return 3
		}
	case 0x97:
		if t[p+2] == 0xA6 || t[p+2] == 0x8F || t[p+2] == 0x8B { // ◦ ● ○
			return 3
		}
	case 0x9E:
		if t[p+2] == 0xA2 || t[p+2] == 0xA4 { // ➢ ➤
			return 3
		}
	}
	return 0
}

// spaceLen returns the byte length of a white-space character at i, or 0.
func spaceLen(t string, i int) int {
	c := t[i]
	if c < utf8.RuneSelf {
		switch c {
		case ' ', '\t', '\n', '\r', '\v', '\f':
			return 1
		}
		return 0
	}
	if c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3 {
		return 0
	}
	r, sz := utf8.DecodeRuneInString(t[i:])
	if unicode.IsSpace(r) {
		return sz
	}
	return 0
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
	}
	return unicode.IsSpace(r)
}

// spaceBefore reports whether the character before p is white space.
func spaceBefore(t string, p int) bool {
	if p == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t[:p])
	return isSpace(r)
}

// lowerASCII lower-cases a short ASCII word; ok is false for long or
// non-ASCII words, which are never in the word lists.
func lowerASCII(w string) (string, bool) {
	if len(w) == 0 || len(w) > 16 {
		return "", false
	}
	var buf [16]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return "", false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if string(buf[:len(w)]) == w {
		return w, true
	}
	return string(buf[:len(w)]), true
}
