package text

import (
	"strings"
	"testing"
)

// FuzzSplitTitle: the title and the body come from the input (nothing
// invented, nothing but the title line and blank lines lost), and a title
// is one line of at most 150 characters.
func FuzzSplitTitle(f *testing.F) {
	for _, s := range []string{"Title\n\nBody.", "Not a title.\n\nBody", "Only one line", "", "\n\n\n", "T\r\n\r\nB", strings.Repeat("x", 200) + "\n\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		title, body := SplitTitle(s)
		if title == "" {
			// Leading blank lines and spaces are dropped.
			if body != strings.TrimLeft(s, "\n ") {
				t.Fatalf("SplitTitle(%q): no title but body %q", s, body)
			}
			return
		}
		if strings.ContainsAny(title, "\n") || len([]rune(title)) > 150 {
			t.Fatalf("SplitTitle(%q): title %q", s, title)
		}
		if !strings.Contains(s, title) || !strings.Contains(s, body) {
			t.Fatalf("SplitTitle(%q) = %q, %q: not from the input", s, title, body)
		}
	})
}
