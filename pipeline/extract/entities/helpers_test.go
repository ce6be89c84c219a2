package entities

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/briefpack/briefpack/pipeline"
)

var (
	gzOnce sync.Once
	gz     *Gazetteer
	gzErr  error
)

// testGazetteer loads the built-in gazetteer once per test binary.
func testGazetteer(tb testing.TB) *Gazetteer {
	tb.Helper()
	gzOnce.Do(func() { gz, gzErr = Load() })
	if gzErr != nil {
		tb.Fatal(gzErr)
	}
	return gz
}

// makeDoc builds a Doc the way normalize and segment would: paragraphs are
// the lines of text joined by "\n\n", sentences are split by a trivial
// splitter (". ", "? ", "! " followed by a capital) until pipeline/segment
// is available to these tests.
func makeDoc(text string) *pipeline.Doc {
	var paras []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			paras = append(paras, l)
		}
	}
	full := strings.Join(paras, "\n\n")
	d := &pipeline.Doc{Document: pipeline.Document{DocID: "d1", Text: full, Language: "en"}}
	off := 0
	for pi, p := range paras {
		start := off
		d.Paragraphs = append(d.Paragraphs, pipeline.Paragraph{DocID: "d1", ParaNo: pi + 1, Start: start, End: start + len(p), Text: p})
		sn := 0
		s := 0
		rs := []rune(p)
		_ = rs
		for i := 0; i < len(p); i++ {
			c := p[i]
			if (c == '.' || c == '?' || c == '!') && i+2 < len(p) && p[i+1] == ' ' && unicode.IsUpper(rune(p[i+2])) && !abbrevBefore(p, i) {
				sn++
				d.Sentences = append(d.Sentences, pipeline.Sentence{DocID: "d1", SentID: fmt.Sprintf("p%ds%d", pi+1, sn), ParaNo: pi + 1,
					Start: start + s, End: start + i + 1, Text: p[s : i+1]})
				s = i + 2
			}
		}
		if s < len(p) {
			sn++
			d.Sentences = append(d.Sentences, pipeline.Sentence{DocID: "d1", SentID: fmt.Sprintf("p%ds%d", pi+1, sn), ParaNo: pi + 1,
				Start: start + s, End: start + len(p), Text: p[s:]})
		}
		off += len(p) + 2
	}
	return d
}

// abbrevBefore: "Mr. X", "U.S. President", "Dr. Y" do not end a sentence.
func abbrevBefore(p string, i int) bool {
	j := i
	for j > 0 && p[j-1] != ' ' {
		j--
	}
	w := p[j:i]
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Prof", "Lt", "Col", "No", "vs", "U.S", "U.K", "U.N":
		return true
	}
	return len(w) == 1 && unicode.IsUpper(rune(w[0]))
}

// extract runs the stage on text.
func extract(tb testing.TB, text string) *pipeline.Doc {
	tb.Helper()
	d := makeDoc(text)
	if err := New(testGazetteer(tb)).Process(context.Background(), d); err != nil {
		tb.Fatal(err)
	}
	return d
}

// corporaDir finds the shared corpora: $BRIEFPACK_CORPORA, or
// ../shared/corpora beside the repository root (the folder with go.mod).
func corporaDir(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv("BRIEFPACK_CORPORA"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "corpora")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func readCorpus(tb testing.TB, rel string) string {
	tb.Helper()
	dir := corporaDir(tb)
	data, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		tb.Skipf("corpus file %s not available (set BRIEFPACK_CORPORA or place shared/corpora beside the repo): %v", rel, err)
	}
	return string(data)
}

// seedPath locates the seed article.
func seedText(tb testing.TB) string {
	tb.Helper()
	dir := corporaDir(tb)
	p := filepath.Join(filepath.Dir(dir), "seed", "central-asia-japan.txt")
	data, err := os.ReadFile(p)
	if err != nil {
		tb.Skipf("seed article %s not available: %v", p, err)
	}
	return string(data)
}

func dumpDoc(d *pipeline.Doc) string {
	var sb strings.Builder
	for _, e := range d.Entities {
		fmt.Fprintf(&sb, "%-40s %-13s %3d %s\n", e.EntityID, e.Type, e.Mentions, e.Name)
	}
	return sb.String()
}
