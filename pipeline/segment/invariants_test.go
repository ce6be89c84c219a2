package segment

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// checkInvariants verifies the promises of Split: spans in order, not
// overlapping, within bounds, on rune boundaries, trimmed, and covering
// every non-space character.
func checkInvariants(t *testing.T, text string, spans []Span) {
	t.Helper()
	valid := utf8.ValidString(text)
	prev := 0
	for i, sp := range spans {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
			t.Fatalf("span %d %v out of order or bounds (prev end %d, len %d)", i, sp, prev, len(text))
		}
		if valid {
			if !utf8.RuneStart(text[sp.Start]) || (sp.End < len(text) && !utf8.RuneStart(text[sp.End])) {
				t.Fatalf("span %d %v not on a rune boundary in %q", i, sp, text)
			}
			r, _ := utf8.DecodeRuneInString(text[sp.Start:sp.End])
			l, _ := utf8.DecodeLastRuneInString(text[sp.Start:sp.End])
			if unicode.IsSpace(r) || unicode.IsSpace(l) {
				t.Fatalf("span %d %q not trimmed", i, text[sp.Start:sp.End])
			}
		}
		for p := prev; p < sp.Start; {
			r, sz := utf8.DecodeRuneInString(text[p:])
			if !unicode.IsSpace(r) {
				t.Fatalf("non-space %q at %d not covered (between spans)", r, p)
			}
			p += sz
		}
		prev = sp.End
	}
	for p := prev; p < len(text); {
		r, sz := utf8.DecodeRuneInString(text[p:])
		if !unicode.IsSpace(r) {
			t.Fatalf("non-space %q at %d not covered (after last span)", r, p)
		}
		p += sz
	}
}

func FuzzSplit(f *testing.F) {
	for _, tc := range splitCases {
		f.Add(tc.in)
	}
	f.Add("a. b. c.\n\n1) x 2) y\n• z . . . .")
	f.Add("\xe2\x80\xa6\xe2\x80")
	f.Add("(...) [...] ... …")
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, Split(text))
	})
}
