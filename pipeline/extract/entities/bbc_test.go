package entities

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/briefpack/briefpack/pipeline"
)

// TestBBCNoJunk runs the stage on BBC News articles and checks the actor
// lists for the junk a reader would spot at once: titles, discourse words,
// months or generic phrases as entities, names that start in lower case,
// and specific junk seen while tuning.
func TestBBCNoJunk(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus run")
	}
	dir := filepath.Join(corporaDir(t), "bbc")
	var files []string
	for _, topic := range []string{"politics", "business", "entertainment", "sport", "tech"} {
		fs, _ := filepath.Glob(filepath.Join(dir, topic, "*.txt"))
		if len(fs) > 80 {
			fs = fs[:80]
		}
		files = append(files, fs...)
	}
	if len(files) == 0 {
		t.Skipf("BBC corpus not found under %s (set BRIEFPACK_CORPORA)", dir)
	}
	g := testGazetteer(t)
	st := New(g)
	bannedNames := set("General Election", "Workers", "P.", "Edward Theatre", "New Year on the ABC",
		"International Conference", "Porto Alegre for the World Social Forum", "Chancellor", "Election",
		"Office of the Deputy Prime", "People UK and the Economic and Social Research Council")
	seen := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := makeDoc(t, string(data))
		if err := st.Process(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Entities {
			seen++
			if _, known := g.Entry(e.EntityID); known {
				continue
			}
			if why := junk(e, d.Document.Text); why != "" || bannedNames[e.Name] {
				t.Errorf("%s: junk entity %q (%s): %s", filepath.Base(filepath.Dir(f))+"/"+filepath.Base(f), e.Name, e.Type, why)
			}
		}
		for _, m := range d.Mentions {
			// a whole title, not the start of one ("Republican" starts
			// "Republican Representative" and names a party)
			if n, ok := titleTrie.child(0, m.Surface, token{end: int32(len(m.Surface))}); ok && len(titleTrie.nodes[n].hits) > 0 &&
				!strings.Contains(m.Surface, " ") {
				t.Errorf("%s: a title alone as a mention: %q", f, m.Surface)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no entities at all")
	}
}

// junk explains why a rule-found entity is junk, or returns "". A one-word
// organization is junk when the article also uses the word in lower case
// (a common word, "Workers"); "Siemens" and "Volkswagen" are names.
func junk(e pipeline.Entity, text string) string {
	words := strings.Fields(e.Name)
	if len(words) == 0 {
		return "empty name"
	}
	if !unicode.IsUpper(firstRune(e.Name)) && !unicode.IsDigit(firstRune(e.Name)) {
		return "starts in lower case"
	}
	generic := true
	for _, w := range words {
		w = strings.Trim(w, ",.")
		if stopCaps[w] && len(words) == 1 {
			return "stop word"
		}
		if e.Type == pipeline.TypePerson && (stopCaps[w] || nameStop[w]) {
			return "person name with a non-name word " + w
		}
		if _, tail := tailType(w); !tail && !genericWords[w] && !orgConnectors[w] {
			generic = false
		}
	}
	if len(words) == 2 && words[0] == "High" && orgTails[words[1]] {
		generic = false // "High Court", "High Commission": a body of its own
	}
	if generic && e.Type != pipeline.TypePerson {
		return "generic words only"
	}
	oneWordOK := e.Type == pipeline.TypePerson || e.Type == pipeline.TypeCity || e.Type == pipeline.TypeRegion
	if !oneWordOK && len(words) < 2 && !strings.Contains(e.Name, "-") && strings.ToUpper(e.Name) != e.Name &&
		(text == "" || lowerUsed(text, e.Name)) {
		return "one-word organization"
	}
	return ""
}

func TestJunkCheck(t *testing.T) {
	for _, c := range []struct {
		name, typ string
		junk      bool
		text      string
	}{
		{"However", pipeline.TypePerson, true, ""},
		{"International Conference", pipeline.TypeOrganization, true, ""},
		{"Prime Minister Smith", pipeline.TypePerson, true, ""},
		{"Agency", pipeline.TypeOrganization, true, ""},
		{"the ministry", pipeline.TypeOrganization, true, ""},
		{"Japan Meteorological Agency", pipeline.TypeOrganization, false, ""},
		{"Jack Straw", pipeline.TypePerson, false, ""},
		{"UN Volunteers", pipeline.TypeOrganization, false, ""},
		{"Cloud", pipeline.TypeOrganization, true, ""},
		{"Siemens", pipeline.TypeOrganization, false, "firms such as Siemens and Volkswagen"},
		{"Workers", pipeline.TypeOrganization, true, "Workers said the workers were angry"},
	} {
		if got := junk(pipeline.Entity{Name: c.name, Type: c.typ}, c.text) != ""; got != c.junk {
			t.Errorf("junk(%q) = %v, want %v", c.name, got, c.junk)
		}
	}
}

// lowerUsed reports whether the lower-case form of a word stands as a word
// in text.
func lowerUsed(text, w string) bool {
	lw := strings.ToLower(w)
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if f == lw {
			return true
		}
	}
	return false
}
