package all

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefpack/briefpack/internal/corpora"
	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
)

// Every one of the 2,225 BBC articles must parse, with its title line as
// the title: sniffing must not mistake a text that starts with "BMW" or
// "GIF" for an image, and the Latin-1 file must decode.
func TestBBCParses(t *testing.T) {
	dir := corpora.Dir(t, "bbc")
	n := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".txt" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		got := 0
		perr := sources.Parse(context.Background(), &sources.Input{Name: p, Kind: "file", Data: data}, sources.Options{}, func(a pipeline.Article) error {
			got++
			if a.Title == "" || a.SourceKind != "text" {
				t.Errorf("%s: title %q, kind %q", p, a.Title, a.SourceKind)
			}
			return nil
		})
		if perr != nil || got != 1 {
			t.Errorf("%s: %d articles, error %v", p, got, perr)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 2225 {
		t.Errorf("%d BBC files, want 2225", n)
	}
}
