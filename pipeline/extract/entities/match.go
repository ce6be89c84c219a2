package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tokWord  = iota // letters and digits, with inner apostrophes and initials' dots
	tokPunct        // one punctuation or symbol rune
	tokPoss         // possessive 's / ’s
)

// token is one word or punctuation mark, with byte offsets into the text.
type token struct {
	start, end int32
	kind       uint8
	// space reports whether white space (or a quote mark) precedes the token.
	space bool
	// quoted reports whether a quote mark stands between this token and the
	// previous one.
	quoted bool
	// nl reports whether a line break stands between this token and the
	// previous one: a name does not run across it (signature blocks,
	// headers joined into one sentence).
	nl bool
	// upper reports a word starting with an upper-case letter (or an
	// elided article before one: "d'Ivoire"); computed once here, as the
	// rules ask it many times per token.
	upper bool
}

// isQuote reports quote marks, which the tokenizer drops so that names in
// quotes ("Central Asia plus Japan" Dialogue) still match. The apostrophe
// is handled separately.
func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‘', '‹', '›':
		return true
	}
	return false
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize appends the tokens of text[start:end] to dst. Offsets are
// absolute byte offsets into text. It never panics on invalid UTF-8: a bad
// byte is a one-byte punctuation token.
func tokenize(dst []token, text string, start, end int) []token {
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	i := start
	space, quoted, nl := true, false, false
	aposOpen := false // a lone apostrophe opened a quotation
	lineStart := start
	for i < end {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:end])
		}
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || (r >= utf8.RuneSelf && unicode.IsSpace(r)):
			space = true
			if r == '\n' || r == '\r' {
				// a short line ends here: a header or signature line, not
				// prose wrapped at a fixed width
				if i-lineStart < 50 {
					nl = true
				}
				lineStart = i + n
			}
			i += n
		case isQuote(r):
			space, quoted = true, true
			i += n
		case isWordRune(r):
			j := scanWord(text, i, end)
			dst = append(dst, token{start: int32(i), end: int32(j), kind: tokWord, space: space, quoted: quoted, nl: nl, upper: upperWord(text[i:j])})
			space, quoted, nl = false, false, false
			i = j
		case isApos(r):
			// possessive 's after a word
			if len(dst) > 0 && !space && dst[len(dst)-1].end == int32(i) && i+n < end && (text[i+n] == 's') &&
				(i+n+1 >= end || !wordAt(text, i+n+1, end)) {
				dst = append(dst, token{start: int32(i), end: int32(i + n + 1), kind: tokPoss})
				i += n + 1
				space = false
				continue
			}
			// plural possessive after a word ending in s before a lower-case
			// word ("Yukos' parent"), unless a single quote is open; inside a
			// name ("Foreign Ministers' Meeting") it stays a quote mark,
			// which pluralPoss reads
			if !aposOpen && len(dst) > 0 && !space && dst[len(dst)-1].end == int32(i) && text[i-1] == 's' &&
				i+n+1 < end && text[i+n] == ' ' && text[i+n+1] >= 'a' && text[i+n+1] <= 'z' && dst[len(dst)-1].kind == tokWord {
				dst = append(dst, token{start: int32(i), end: int32(i + n), kind: tokPoss})
				i += n
				space = false
				continue
			}
			// a lone apostrophe works as a quote mark
			aposOpen = !aposOpen
			space, quoted = true, true
			i += n
		default:
			dst = append(dst, token{start: int32(i), end: int32(i + n), kind: tokPunct, space: space, quoted: quoted, nl: nl})
			space, quoted, nl = false, false, false
			i += n
		}
	}
	return dst
}

// wordAt reports whether a word rune starts at text[i].
func wordAt(text string, i, end int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:end])
	return isWordRune(r)
}

// scanWord returns the end of the word starting at i: word runes, an inner
// apostrophe followed by a letter other than a possessive s ("d'Ivoire",
// "O'Brien"), and the dots of initials ("U.S.", "D.C.").
func scanWord(text string, i, end int) int {
	j := i
	letters := 0 // word runes since the last dot
	initials := true
	for j < end {
		r, n := rune(text[j]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[j:end])
		}
		switch {
		case isWordRune(r):
			letters++
			if letters > 1 {
				initials = false
			}
			j += n
			continue
		case isApos(r) && j+n < end && wordAt(text, j+n, end):
			// not a possessive 's
			if text[j+n] == 's' && (j+n+1 >= end || !wordAt(text, j+n+1, end)) {
				return j
			}
			initials = false
			letters = 0
			j += n
			continue
		case r == '.' && initials && letters == 1 && unicode.IsUpper(firstRune(text[i:j])):
			// "U.S." and "D.C.": a dot after a single capital, when another
			// single capital and dot follow or the dotted run is already
			// two letters long.
			if j+1 < end && isUpperASCII(text[j+1]) && (j+2 >= end || text[j+2] == '.') {
				letters = 0
				j++
				continue
			}
			if strings.Count(text[i:j], ".") >= 1 {
				return j + 1
			}
			return j
		}
		return j
	}
	return j
}

func isUpperASCII(b byte) bool { return b >= 'A' && b <= 'Z' }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// Flags of a trie hit.
const (
	flagAmbiguous    = 1 << iota // reject next to an unmatched capitalized word
	flagNotInCaps                // acronym that is a common word: reject in all-capitals text
	flagStandalone               // "the States": only before punctuation or a function word
	flagNeedsAnchor              // surname: only after a full mention or a title
	flagNotAfterThe              // "Congress" but not "the Congress"
	flagNotQualified             // not after an ordinal or possessive ("its fourth General Assembly")
	flagWordAcronym              // an acronym written as a word ("Nato"): not before a surname ("Gerd Niebaum")
)

// hit is one entity a surface form leads to.
type hit struct {
	entry int32
	form  string // "" for ignore entries
	flags uint8
}

type node struct {
	next map[string]int32
	hits []hit
}

// trie is a token trie: each edge is one token's key. Matching walks at most
// the depth of the longest name from each token, so it is linear in the text
// length.
type trie struct {
	nodes []node
}

func newTrie() *trie { return &trie{nodes: []node{{}}} }

// keyOf is the trie key of a token: its text with the typographic
// apostrophe folded to ASCII.
func keyOf(text string, t token) string {
	s := text[t.start:t.end]
	if t.kind == tokPoss {
		return "'s"
	}
	if strings.Contains(s, "’") {
		s = strings.ReplaceAll(s, "’", "'")
	}
	return s
}

func (tr *trie) path(s string, create bool) int32 {
	toks := tokenize(nil, s, 0, len(s))
	if len(toks) == 0 {
		return -1
	}
	cur := int32(0)
	for _, t := range toks {
		k := keyOf(s, t)
		nx, ok := tr.nodes[cur].next[k]
		if !ok {
			if !create {
				return -1
			}
			if tr.nodes[cur].next == nil {
				tr.nodes[cur].next = map[string]int32{}
			}
			nx = int32(len(tr.nodes))
			tr.nodes[cur].next[k] = nx
			tr.nodes = append(tr.nodes, node{})
		}
		cur = nx
	}
	return cur
}

// insert adds a hit for the surface s. A later hit for the same entry
// replaces the earlier one; a later hit for another entry takes precedence
// over earlier ones (user files override the built-in data).
func (tr *trie) insert(s string, h hit) {
	n := tr.path(s, true)
	if n < 0 {
		return
	}
	hs := tr.nodes[n].hits
	for i := range hs {
		if hs[i].entry == h.entry {
			// keep the stronger form: a name beats an alias or short form
			if formRank(h.form) >= formRank(hs[i].form) {
				hs[i] = h
			}
			return
		}
	}
	tr.nodes[n].hits = append(hs, h)
}

func formRank(f string) int {
	switch f {
	case "name":
		return 5
	case "alias":
		return 4
	case "acronym":
		return 3
	case "demonym":
		return 2
	case "short":
		return 1
	}
	return 0
}

func (tr *trie) setFlag(s string, f uint8) {
	n := tr.path(s, false)
	if n < 0 {
		return
	}
	for i := range tr.nodes[n].hits {
		tr.nodes[n].hits[i].flags |= f
	}
}

// child follows the edge for token t from node n, trying the title-case
// form of an all-capitals word ("KISHIDA" -> "Kishida") when the exact key
// is missing.
func (tr *trie) child(n int32, text string, t token) (int32, bool) {
	m := tr.nodes[n].next
	if m == nil {
		return 0, false
	}
	k := keyOf(text, t)
	if nx, ok := m[k]; ok {
		return nx, true
	}
	if t.kind == tokWord && len(k) >= 3 && isAllCaps(k) {
		if nx, ok := m[titleCase(k)]; ok {
			return nx, true
		}
	}
	return 0, false
}

// childAfterHyphen also accepts a lower-case word for a capitalized one
// right after a hyphen ("Confidence-building" for "Confidence-Building").
func (tr *trie) childAfterHyphen(n int32, text string, t token) (int32, bool) {
	if nx, ok := tr.child(n, text, t); ok {
		return nx, true
	}
	k := keyOf(text, t)
	if t.kind != tokWord || k == "" || !unicode.IsLower(firstRune(k)) {
		return 0, false
	}
	r, size := utf8.DecodeRuneInString(k)
	nx, ok := tr.nodes[n].next[string(unicode.ToUpper(r))+k[size:]]
	return nx, ok
}

// isAllCaps reports whether s has at least two letters and no lower-case
// letter.
func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

func titleCase(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + strings.ToLower(s[n:])
}

// match is a candidate: tokens [i, j) lead to node n.
type match struct {
	j int
	n int32
}

// walk appends to buf every node with hits reached from token i, shortest
// first.
func (tr *trie) walk(buf []match, text string, toks []token, i int) []match {
	cur := int32(0)
	for j := i; j < len(toks); j++ {
		var nx int32
		var ok bool
		if j > i && toks[j-1].kind == tokPunct && text[toks[j-1].start] == '-' && !toks[j].space {
			nx, ok = tr.childAfterHyphen(cur, text, toks[j])
		} else {
			nx, ok = tr.child(cur, text, toks[j])
		}
		if !ok {
			break
		}
		cur = nx
		if len(tr.nodes[cur].hits) > 0 {
			buf = append(buf, match{j: j + 1, n: cur})
		}
	}
	return buf
}

// upperWord reports whether w starts with an upper-case letter, or with an
// elided article before one ("d'Ivoire", "l'Union").
func upperWord(w string) bool {
	if unicode.IsUpper(firstRune(w)) {
		return true
	}
	if len(w) > 3 && (w[0] == 'd' || w[0] == 'l') {
		if w[1] == '\'' {
			return unicode.IsUpper(firstRune(w[2:]))
		}
		if strings.HasPrefix(w[1:], "’") {
			return unicode.IsUpper(firstRune(w[1+len("’"):]))
		}
	}
	return false
}
