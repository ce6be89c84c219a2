package decode

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/briefpack/briefpack/internal/corpora"
)

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	if bom {
		if bigEndian {
			out = append(out, 0xfe, 0xff)
		} else {
			out = append(out, 0xff, 0xfe)
		}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestText(t *testing.T) {
	const sample = "Kazakhstan’s President — Astana, “quoted”.\nSecond line."
	cases := []struct {
		name    string
		in      []byte
		want    string
		charset string
	}{
		{"utf8", []byte(sample), sample, UTF8},
		{"utf8 bom", append([]byte{0xef, 0xbb, 0xbf}, sample...), sample, UTF8BOM},
		{"utf16le bom", utf16Bytes(sample, false, true), sample, UTF16LEBO},
		{"utf16be bom", utf16Bytes(sample, true, true), sample, UTF16BEBO},
		{"utf16le no bom", utf16Bytes("Plain ASCII text in UTF-16 without a byte order mark.", false, false), "Plain ASCII text in UTF-16 without a byte order mark.", UTF16LE},
		{"utf16be no bom", utf16Bytes("Plain ASCII text in UTF-16 without a byte order mark.", true, false), "Plain ASCII text in UTF-16 without a byte order mark.", UTF16BE},
		{"latin1", []byte("Caf\xe9 in M\xfcnchen costs \xa35"), "Café in München costs £5", Win1252},
		{"windows-1252 quotes", []byte("\x93quoted\x94 and \x96 dash"), "“quoted” and – dash", Win1252},
		{"crlf", []byte("a\r\nb\rc"), "a\nb\nc", UTF8},
		{"nfc", []byte("Cafe\u0301"), "Café", UTF8},
		{"controls dropped", []byte("a\x00b\x07c\td"), "abc d", UTF8},
		{"zero width and bidi dropped", []byte("ab\u200bc\u202ed\u2066e\u2069"), "abcde", UTF8},
		{"zwj kept", []byte("👩\u200d💻"), "👩\u200d💻", UTF8},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, cs := Text(c.in)
			if got != c.want {
				t.Errorf("Text = %q, want %q", got, c.want)
			}
			if cs != c.charset {
				t.Errorf("charset = %q, want %q", cs, c.charset)
			}
		})
	}
}

// The BBC corpus's sport/199.txt is Latin-1; it must decode to proper text.
func TestBBCLatin1(t *testing.T) {
	dir := corpora.Dir(t, "bbc")
	b, err := os.ReadFile(filepath.Join(dir, "sport", "199.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if utf8.Valid(b) {
		t.Skip("sport/199.txt is valid UTF-8 in this copy of the corpus")
	}
	got, cs := Text(b)
	if cs != Win1252 {
		t.Errorf("charset = %s, want %s", cs, Win1252)
	}
	if strings.ContainsRune(got, utf8.RuneError) {
		t.Errorf("decoded text holds replacement characters")
	}
	if !utf8.ValidString(got) {
		t.Error("decoded text is not valid UTF-8")
	}
}

func FuzzText(f *testing.F) {
	f.Add([]byte("hello\r\nworld"))
	f.Add([]byte{0xff, 0xfe, 'a', 0})
	f.Add([]byte{0xef, 0xbb, 0xbf, 0xff})
	f.Add([]byte("caf\xe9"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, _ := Text(b)
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 out of %q", b)
		}
		if strings.ContainsAny(s, "\r\x00") {
			t.Fatalf("CR or NUL left in %q", s)
		}
		if again := Clean(s); again != s {
			t.Fatalf("Clean is not idempotent: %q -> %q", s, again)
		}
	})
}
