// Package decode turns the raw bytes of a text input into clean UTF-8:
// byte order marks, UTF-16 (with or without BOM), legacy single-byte text
// (Windows-1252, a superset of Latin-1's printable range), NFC, and "\n"
// line ends. It also drops characters that only cause harm in a briefing:
// NUL and other C0/C1 controls, zero-width spaces and bidi overrides.
package decode

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Charsets reported by Text.
const (
	UTF8      = "utf-8"
	UTF16LE   = "utf-16le"
	UTF16BE   = "utf-16be"
	Win1252   = "windows-1252"
	UTF8BOM   = "utf-8 (bom)"
	UTF16LEBO = "utf-16le (bom)"
	UTF16BEBO = "utf-16be (bom)"
)

// Text decodes b and returns the cleaned text and the charset it found.
func Text(b []byte) (string, string) {
	var s, cs string
	switch {
	case bytes.HasPrefix(b, []byte{0xef, 0xbb, 0xbf}):
		s, cs = string(b[3:]), UTF8BOM
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		s, cs = fromUTF16(b[2:], false), UTF16LEBO
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		s, cs = fromUTF16(b[2:], true), UTF16BEBO
	case utf8.Valid(b):
		if o := UTF16Order(b); o != 0 {
			s, cs = fromUTF16(b, o == 2), map[int]string{1: UTF16LE, 2: UTF16BE}[o]
		} else {
			s, cs = string(b), UTF8
		}
	default:
		if o := UTF16Order(b); o != 0 {
			s, cs = fromUTF16(b, o == 2), map[int]string{1: UTF16LE, 2: UTF16BE}[o]
		} else {
			d, err := charmap.Windows1252.NewDecoder().Bytes(b)
			if err != nil { // cannot happen for a single-byte charset, but be safe
				d = []byte(strings.ToValidUTF8(string(b), "\uFFFD"))
			}
			s, cs = string(d), Win1252
		}
	}
	return Clean(s), cs
}

// Clean normalizes valid UTF-8 text: line ends to "\n", NFC, and removal of
// control, zero-width and bidi-override characters. Tabs and form feeds
// become spaces.
func Clean(s string) string {
	if strings.ContainsRune(s, '\r') {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	needs := false
	for _, r := range s {
		if drop(r) || r == '\t' || r == '\f' || r == '\v' {
			needs = true
			break
		}
	}
	if needs {
		var sb strings.Builder
		sb.Grow(len(s))
		for _, r := range s {
			switch {
			case r == '\t' || r == '\f' || r == '\v':
				sb.WriteByte(' ')
			case drop(r):
			default:
				sb.WriteRune(r)
			}
		}
		s = sb.String()
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return s
}

func drop(r rune) bool {
	switch {
	case r == '\n':
		return false
	case r < 0x20, r >= 0x7f && r < 0xa0: // C0 and C1 controls
		return true
	case r == 0x200b, r == 0xfeff, r == 0x2060, r == 0x00ad: // zero-width space, BOM, word joiner, soft hyphen
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f: // bidi embeddings, overrides, isolates, marks
		return true
	case r == utf8.RuneError:
		return false // keep the visible replacement character
	}
	return false
}

func fromUTF16(b []byte, bigEndian bool) string {
	n := len(b) / 2
	u := make([]uint16, n)
	for i := 0; i < n; i++ {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// UTF16Order returns 1 for BOM-less UTF-16LE, 2 for UTF-16BE, 0 otherwise:
// a NUL in nearly every other byte of a mostly-ASCII text.
func UTF16Order(b []byte) int {
	n := len(b) &^ 1
	if n > 8192 {
		n = 8192
	}
	if n < 4 {
		return 0
	}
	evenNUL, oddNUL := 0, 0
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			evenNUL++
		}
		if b[i+1] == 0 {
			oddNUL++
		}
	}
	pairs := n / 2
	switch {
	case oddNUL*10 >= pairs*7 && evenNUL*10 < pairs:
		return 1
	case evenNUL*10 >= pairs*7 && oddNUL*10 < pairs:
		return 2
	}
	return 0
}
