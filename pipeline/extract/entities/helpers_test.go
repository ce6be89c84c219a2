package entities

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/normalize"
	"github.com/briefpack/briefpack/pipeline/segment"
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

// makeDoc builds a Doc the way the engine does before this stage: the
// real normalize and segment stages.
func makeDoc(tb testing.TB, text string) *pipeline.Doc {
	tb.Helper()
	d := &pipeline.Doc{Article: pipeline.Article{Source: "test", SourceKind: "text", Text: text, Language: "en"}}
	for _, s := range []pipeline.Stage{normalize.New(), segment.New()} {
		if err := s.Process(context.Background(), d); err != nil {
			tb.Fatal(err)
		}
	}
	if d.Document.Language == "" {
		d.Document.Language = "en"
	}
	return d
}

// extract runs the stage on text.
func extract(tb testing.TB, text string) *pipeline.Doc {
	tb.Helper()
	d := makeDoc(tb, text)
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
