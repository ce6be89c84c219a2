package textutil

import (
	"strings"
	"sync"
	"sync/atomic"
)

// This file implements the English (Porter2) Snowball stemmer as described
// at snowballstem.org/algorithms/english/stemmer.html, written by hand for
// briefpack. It works on lower-case ASCII words; other words are returned
// unchanged.

var exceptions1 = map[string]string{
	"skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
	"idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli",
	"only": "onli", "singly": "singl",
	"sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas",
	"cosmos": "cosmos", "bias": "bias", "andes": "andes",
}

var exceptions2 = map[string]bool{
	"inning": true, "outing": true, "canning": true, "herring": true,
	"earring": true, "proceed": true, "exceed": true, "succeed": true,
}

// The stem cache: news text repeats a small vocabulary. Reads go to an
// immutable snapshot map without locking; misses are computed and kept in
// a pending map under a mutex, which is merged into a new snapshot once it
// holds a quarter of the snapshot's size (so the copying costs O(1) per
// word, amortized). It is bounded at cacheMax words; past that, stems are
// computed every time.
var (
	snapshot atomic.Pointer[map[string]string]
	cacheMu  sync.Mutex
	pending  = map[string]string{}
	cached   int
)

const cacheMax = 1 << 18

// Stem returns the Porter2 stem of a lower-case word. Words of two letters
// or fewer, and words with characters other than a-z and apostrophes, are
// returned as they are. It is safe for concurrent use.
func Stem(word string) string {
	if len(word) <= 2 {
		return word
	}
	if m := snapshot.Load(); m != nil {
		if s, ok := (*m)[word]; ok {
			return s
		}
	}
	cacheMu.Lock()
	s, ok := pending[word]
	cacheMu.Unlock()
	if ok {
		return s
	}
	s = stem(word)
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if _, ok := pending[word]; ok || cached >= cacheMax {
		return s
	}
	pending[strings.Clone(word)] = s
	cached++
	old := snapshot.Load()
	size := 0
	if old != nil {
		size = len(*old)
	}
	if len(pending) > 256+size/4 {
		next := make(map[string]string, size+len(pending))
		if old != nil {
			for k, v := range *old {
				next[k] = v
			}
		}
		for k, v := range pending {
			next[k] = v
		}
		snapshot.Store(&next)
		pending = map[string]string{}
	}
	return s
}

func stem(word string) string {
	for i := 0; i < len(word); i++ {
		c := word[i]
		if (c < 'a' || c > 'z') && c != '\'' {
			return word
		}
	}
	if s, ok := exceptions1[word]; ok {
		return s
	}
	w := []byte(word)
	if w[0] == '\'' {
		w = w[1:]
	}
	if len(w) <= 2 {
		return string(w)
	}
	if w[0] == 'y' {
		w[0] = 'Y'
	}
	for i := 1; i < len(w); i++ {
		if w[i] == 'y' && isVowel(w[i-1]) {
			w[i] = 'Y'
		}
	}
	r1, r2 := regions(w)

	// Step 0: possessives.
	switch {
	case hasSuffix(w, "'s'"):
		w = w[:len(w)-3]
	case hasSuffix(w, "'s"):
		w = w[:len(w)-2]
	case hasSuffix(w, "'"):
		w = w[:len(w)-1]
	}

	// Step 1a.
	switch {
	case hasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case hasSuffix(w, "ied"), hasSuffix(w, "ies"):
		if len(w) > 4 {
			w = w[:len(w)-2]
		} else {
			w = w[:len(w)-1]
		}
	case hasSuffix(w, "us"), hasSuffix(w, "ss"):
	case hasSuffix(w, "s"):
		if len(w) >= 2 && containsVowel(w[:len(w)-2]) {
			w = w[:len(w)-1]
		}
	}
	if exceptions2[string(w)] {
		return string(w)
	}

	// Step 1b.
	if suf := longest(w, "eedly", "ingly", "edly", "eed", "ing", "ed"); suf != "" {
		switch suf {
		case "eed", "eedly":
			if len(w)-len(suf) >= r1 {
				w = append(w[:len(w)-len(suf)], 'e', 'e')
			}
		default:
			stem := w[:len(w)-len(suf)]
			if containsVowel(stem) {
				w = stem
				switch {
				case hasSuffix(w, "at"), hasSuffix(w, "bl"), hasSuffix(w, "iz"):
					w = append(w, 'e')
				case endsDouble(w):
					w = w[:len(w)-1]
				case isShortWord(w, r1):
					w = append(w, 'e')
				}
			}
		}
	}

	// Step 1c.
	if n := len(w); n > 2 && (w[n-1] == 'y' || w[n-1] == 'Y') && !isVowel(w[n-2]) {
		w[n-1] = 'i'
	}

	// Step 2.
	if suf := longest(w, step2Suffixes...); suf != "" && len(w)-len(suf) >= r1 {
		stem := w[:len(w)-len(suf)]
		switch suf {
		case "tional":
			w = append(stem, "tion"...)
		case "enci":
			w = append(stem, "ence"...)
		case "anci":
			w = append(stem, "ance"...)
		case "abli":
			w = append(stem, "able"...)
		case "entli":
			w = append(stem, "ent"...)
		case "izer", "ization":
			w = append(stem, "ize"...)
		case "ational", "ation", "ator":
			w = append(stem, "ate"...)
		case "alism", "aliti", "alli":
			w = append(stem, "al"...)
		case "fulness":
			w = append(stem, "ful"...)
		case "ousli", "ousness":
			w = append(stem, "ous"...)
		case "iveness", "iviti":
			w = append(stem, "ive"...)
		case "biliti", "bli":
			w = append(stem, "ble"...)
		case "ogi":
			if len(stem) > 0 && stem[len(stem)-1] == 'l' {
				w = append(stem, "og"...)
			}
		case "fulli":
			w = append(stem, "ful"...)
		case "lessli":
			w = append(stem, "less"...)
		case "li":
			if len(stem) > 0 && isLiEnding(stem[len(stem)-1]) {
				w = stem
			}
		}
	}

	// Step 3.
	if suf := longest(w, step3Suffixes...); suf != "" && len(w)-len(suf) >= r1 {
		stem := w[:len(w)-len(suf)]
		switch suf {
		case "tional":
			w = append(stem, "tion"...)
		case "ational":
			w = append(stem, "ate"...)
		case "alize":
			w = append(stem, "al"...)
		case "icate", "iciti", "ical":
			w = append(stem, "ic"...)
		case "ful", "ness":
			w = stem
		case "ative":
			if len(w)-len(suf) >= r2 {
				w = stem
			}
		}
	}

	// Step 4.
	if suf := longest(w, step4Suffixes...); suf != "" && len(w)-len(suf) >= r2 {
		stem := w[:len(w)-len(suf)]
		if suf == "ion" {
			if len(stem) > 0 && (stem[len(stem)-1] == 's' || stem[len(stem)-1] == 't') {
				w = stem
			}
		} else {
			w = stem
		}
	}

	// Step 5.
	if n := len(w); n > 0 {
		switch w[n-1] {
		case 'e':
			if n-1 >= r2 || (n-1 >= r1 && !endsShortSyllable(w[:n-1])) {
				w = w[:n-1]
			}
		case 'l':
			if n-1 >= r2 && n >= 2 && w[n-2] == 'l' {
				w = w[:n-1]
			}
		}
	}
	for i := range w {
		if w[i] == 'Y' {
			w[i] = 'y'
		}
	}
	return string(w)
}

var step2Suffixes = []string{
	"ization", "ational", "fulness", "ousness", "iveness",
	"tional", "biliti", "lessli",
	"entli", "ation", "alism", "aliti", "ousli", "iviti", "fulli",
	"enci", "anci", "abli", "izer", "ator", "alli",
	"bli", "ogi", "li",
}

var step3Suffixes = []string{
	"ational", "tional", "alize", "icate", "iciti", "ative", "ical", "ness", "ful",
}

var step4Suffixes = []string{
	"ement", "ance", "ence", "able", "ible", "ment",
	"ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion",
	"al", "er", "ic",
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func isLiEnding(c byte) bool {
	switch c {
	case 'c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't':
		return true
	}
	return false
}

func hasSuffix(w []byte, s string) bool {
	return len(w) >= len(s) && string(w[len(w)-len(s):]) == s
}

// longest returns the longest of the suffixes (given longest first) that w
// ends with, or "".
func longest(w []byte, suffixes ...string) string {
	best := ""
	for _, s := range suffixes {
		if len(s) > len(best) && hasSuffix(w, s) {
			best = s
		}
	}
	return best
}

func containsVowel(w []byte) bool {
	for _, c := range w {
		if isVowel(c) {
			return true
		}
	}
	return false
}

func endsDouble(w []byte) bool {
	n := len(w)
	if n < 2 || w[n-1] != w[n-2] {
		return false
	}
	switch w[n-1] {
	case 'b', 'd', 'f', 'g', 'm', 'n', 'p', 'r', 't':
		return true
	}
	return false
}

// regions returns the start of R1 and R2.
func regions(w []byte) (r1, r2 int) {
	r1 = len(w)
	s := string(w)
	switch {
	case len(s) >= 5 && (s[:5] == "gener" || s[:5] == "arsen"):
		r1 = 5
	case len(s) >= 6 && s[:6] == "commun":
		r1 = 6
	default:
		for i := 1; i < len(w); i++ {
			if !isVowel(w[i]) && isVowel(w[i-1]) {
				r1 = i + 1
				break
			}
		}
	}
	r2 = len(w)
	for i := r1 + 1; i < len(w); i++ {
		if !isVowel(w[i]) && isVowel(w[i-1]) {
			r2 = i + 1
			break
		}
	}
	return r1, r2
}

// endsShortSyllable reports whether w ends with a short syllable.
func endsShortSyllable(w []byte) bool {
	n := len(w)
	if n == 2 {
		return isVowel(w[0]) && !isVowel(w[1])
	}
	if n >= 3 {
		c := w[n-1]
		return !isVowel(w[n-3]) && isVowel(w[n-2]) && !isVowel(c) && c != 'w' && c != 'x' && c != 'Y'
	}
	return false
}

func isShortWord(w []byte, r1 int) bool {
	return r1 >= len(w) && endsShortSyllable(w)
}
