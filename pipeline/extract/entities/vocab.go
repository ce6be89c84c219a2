package entities

import (
	_ "embed"
	"strings"
)

// The vocabulary tells common English words from proper nouns: a
// capitalized word whose lower-case form is an English word ("Security",
// "Relief") may be capitalized only for style, one that is not ("Allianz",
// "Hichilema") is a name. See vocab/README.md for the source (SCOWL) and
// its licence.

//go:embed vocab/lower.txt
var lowerVocab string

//go:embed vocab/proper.txt
var properVocab string

// inSorted reports whether w is a line of the sorted, newline-separated
// list. It binary-searches the bytes directly, so nothing is built at
// load time.
func inSorted(list, w string) bool {
	if w == "" || strings.IndexByte(w, '\n') >= 0 {
		return false
	}
	lo, hi := 0, len(list)
	for lo < hi {
		mid := (lo + hi) / 2
		// the line containing mid
		s := strings.LastIndexByte(list[:mid], '\n') + 1
		e := strings.IndexByte(list[mid:], '\n')
		if e < 0 {
			e = len(list)
		} else {
			e += mid
		}
		line := list[s:e]
		switch {
		case line == w:
			return true
		case line < w:
			lo = e + 1
		default:
			hi = s
		}
	}
	return false
}

// commonWord reports whether the lower-case form of w is an English word.
func commonWord(w string) bool {
	lw := strings.ToLower(w)
	return inSorted(lowerVocab, lw) || inSorted(lowerVocab, stripMarks(lw)) // "Communiqué"
}

// properWord reports whether w is a proper noun the vocabulary knows
// (a given name, a place, a brand...), written as the vocabulary writes it.
func properWord(w string) bool {
	return inSorted(properVocab, w)
}
