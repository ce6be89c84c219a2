package dates

import (
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord tokKind = iota + 1 // letters
	tNum                     // a number, maybe with grouping, decimals and a glued suffix ("9th", "1990s", "5bn")
	tSym                     // one other character
)

// token is one word, number or symbol of the text.
type token struct {
	start, end int
	kind       tokKind
	gap        bool // white space before the token
	upper      bool // word starting with a capital
	// numbers
	val    float64
	digits int  // digits before the decimal point (grouping commas excluded)
	plain  bool // digits only: no grouping, no decimals
	sufAt  int  // start of the glued letter suffix (== end when none)
	apos   bool // "'90s"
	info   wordInfo
	known  bool // info is set
}

func (t *token) suffix(text string) string { return text[t.sufAt:t.end] }

// lex splits text into tokens. It never allocates per token beyond the
// returned slice.
func lex(text string, toks []token) []token {
	n := len(text)
	gap := true
	for i := 0; i < n; {
		c := text[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			gap = true
			i++
			continue
		}
		t := token{start: i, gap: gap}
		gap = false
		switch {
		case c >= '0' && c <= '9':
			i = lexNumber(text, i, &t)
		case (c == '\'' || c == 0xE2) && apostropheDecade(text, i) > 0:
			j := apostropheDecade(text, i)
			t.kind, t.apos, t.plain, t.digits = tNum, true, true, 2
			q := j - 3 // the two digits and the "s"
			t.val = float64(int(text[q]-'0')*10 + int(text[q+1]-'0'))
			t.sufAt, t.end = j-1, j
			i = j
		case c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'):
			j := i
			for j < n && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
				j++
			}
			if j < n && text[j] >= utf8.RuneSelf {
				j = lexWordRest(text, j)
			}
			t.kind, t.end = tWord, j
			t.upper = c >= 'A' && c <= 'Z'
			t.info, t.known = lookup(text[i:j])
			i = j
		case c >= utf8.RuneSelf:
			r, sz := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) {
				j := lexWordRest(text, i)
				t.kind, t.end = tWord, j
				t.upper = unicode.IsUpper(r)
				i = j
			} else if unicode.IsSpace(r) {
				gap = true
				i += sz
				continue
			} else {
				t.kind, t.end = tSym, i+sz
				i += sz
			}
		default:
			t.kind, t.end = tSym, i+1
			i++
		}
		toks = append(toks, t)
	}
	return toks
}

// lexWordRest extends a word over letters from i.
func lexWordRest(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				i++
				continue
			}
			return i
		}
		r, sz := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			return i
		}
		i += sz
	}
	return i
}

// apostropheDecade returns the end of "'90s" / "’90s" at i, or 0.
func apostropheDecade(text string, i int) int {
	j := i
	if text[j] == '\'' {
		j++
	} else if j+2 < len(text) && text[j] == 0xE2 && text[j+1] == 0x80 && text[j+2] == 0x99 {
		j += 3
	} else {
		return 0
	}
	if j+2 < len(text) && isDigit(text[j]) && isDigit(text[j+1]) && text[j+2] == 's' && text[j+1] == '0' {
		if j+3 == len(text) || !isLetterByte(text[j+3]) {
			return j + 3
		}
	}
	return 0
}

// lexNumber reads "2,000", "3.14", "1,000.50", "9th", "1990s", "5bn".
func lexNumber(text string, i int, t *token) int {
	n := len(text)
	t.kind = tNum
	t.plain = true
	v := 0.0
	j := i
	for j < n && isDigit(text[j]) {
		v = v*10 + float64(text[j]-'0')
		j++
	}
	t.digits = j - i
	// Grouping: ",ddd" repeated, only after 1-3 leading digits.
	if t.digits <= 3 {
		for j+3 < n && text[j] == ',' && isDigit(text[j+1]) && isDigit(text[j+2]) && isDigit(text[j+3]) && (j+4 >= n || !isDigit(text[j+4])) {
			v = v*1000 + float64(text[j+1]-'0')*100 + float64(text[j+2]-'0')*10 + float64(text[j+3]-'0')
			t.digits += 3
			t.plain = false
			j += 4
		}
	}
	// Decimals.
	if j+1 < n && text[j] == '.' && isDigit(text[j+1]) {
		t.plain = false
		j++
		f := 0.1
		for j < n && isDigit(text[j]) {
			v += f * float64(text[j]-'0')
			f /= 10
			j++
		}
	}
	t.val = v
	t.sufAt = j
	for j < n && isLetterByte(text[j]) {
		j++
	}
	t.end = j
	return j
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
