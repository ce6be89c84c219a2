package entities

import (
	"sort"
	"strings"
	"testing"
)

func TestVocabSorted(t *testing.T) {
	for name, list := range map[string]string{"lower": lowerVocab, "proper": properVocab} {
		lines := strings.Split(strings.TrimSuffix(list, "\n"), "\n")
		if len(lines) < 5000 || !sort.StringsAreSorted(lines) {
			t.Errorf("%s: %d lines, sorted %v (the lookup needs bytewise order)", name, len(lines), sort.StringsAreSorted(lines))
		}
		// every line is found, and a few near misses are not
		for i := 0; i < len(lines); i += 97 {
			if !inSorted(list, lines[i]) {
				t.Errorf("%s: line %q not found", name, lines[i])
			}
		}
		if inSorted(list, lines[0][:len(lines[0])-1]+"\x00") || inSorted(list, "") || inSorted(list, "zzzzzzzz\n") {
			t.Errorf("%s: near miss found", name)
		}
	}
}

func TestCommonWord(t *testing.T) {
	for w, want := range map[string]bool{
		"Security": true, "relief": true, "Government": true, "Aids": true,
		"Allianz": false, "Hichilema": false, "Kazakhstan": false, "Trafigura": false,
	} {
		if got := commonWord(w); got != want {
			t.Errorf("commonWord(%q) = %v, want %v", w, got, want)
		}
	}
	for w, want := range map[string]bool{"Harvard": true, "Margaret": true, "Christmas": true, "Hynix": false} {
		if got := properWord(w); got != want {
			t.Errorf("properWord(%q) = %v, want %v", w, got, want)
		}
	}
}
