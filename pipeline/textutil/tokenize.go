// Package textutil holds the small text tools the extraction stages share:
// a word tokenizer with byte offsets, an English Porter2 (Snowball) stemmer
// and an English stopword list. It has no dependencies beyond the standard
// library and never allocates per rune.
package textutil

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word of a text.
type Token struct {
	Text  string // the word as written (curly apostrophes kept)
	Lower string // lower-cased, with ’ and ʼ folded to '
	Start int    // byte offset of the first byte in the tokenized string
	End   int    // byte offset just past the last byte
	// Punct is the non-space punctuation found between the previous token
	// and this one (e.g. "," or ";" or "–"); empty when only spaces.
	Punct string
}

// IsWordRune reports whether r can be part of a word: a letter or a digit.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// Tokenize splits s into words. A word is a run of letters and digits;
// an apostrophe between two letters stays inside the word ("don't",
// "Japan’s"), a hyphen splits ("multi-vector" gives "multi" and
// "vector"). Offsets are byte offsets into s.
func Tokenize(s string) []Token {
	return AppendTokens(nil, s, 0)
}

// AppendTokens appends the words of s to dst, adding base to every offset,
// so the tokens of a sentence can carry document offsets.
func AppendTokens(dst []Token, s string, base int) []Token {
	i := 0
	gapStart := 0
	for i < len(s) {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if !IsWordRune(r) {
			i += w
			continue
		}
		start := i
		hasUpper, hasNonASCII, hasApos := false, false, false
		for i < len(s) {
			r, w = rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, w = utf8.DecodeRuneInString(s[i:])
			}
			if IsWordRune(r) {
				if r >= utf8.RuneSelf {
					hasNonASCII = true
				} else if 'A' <= r && r <= 'Z' {
					hasUpper = true
				}
				i += w
				continue
			}
			if isApostrophe(r) && i+w < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[i+w:])
				if unicode.IsLetter(r2) {
					hasApos = true
					i += w
					continue
				}
			}
			break
		}
		text := s[start:i]
		lower := text
		switch {
		case hasNonASCII || hasApos:
			lower = foldLower(text)
		case hasUpper:
			lower = strings.ToLower(text)
		}
		dst = append(dst, Token{Text: text, Lower: lower, Start: base + start, End: base + i, Punct: punctOf(s[gapStart:start])})
		gapStart = i
	}
	return dst
}

// punctOf returns the gap with spaces removed; most gaps are a single space
// and return "" without allocating.
func punctOf(gap string) string {
	if gap == "" || gap == " " {
		return ""
	}
	return strings.Join(strings.Fields(gap), "")
}

// foldLower lower-cases s and folds typographic apostrophes to '.
func foldLower(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isApostrophe(r) {
			b.WriteByte('\'')
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Lower lower-cases a word and folds typographic apostrophes, as Token.Lower.
func Lower(s string) string { return foldLower(s) }

// Stems returns the Porter2 stems of the words of s, in order.
func Stems(s string) []string {
	toks := Tokenize(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = Stem(t.Lower)
	}
	return out
}
