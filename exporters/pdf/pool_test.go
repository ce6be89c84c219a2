package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/pipeline"
)

// poolDataset is a batch of n short articles with distinct titles.
func poolDataset(n int) *pipeline.Dataset {
	paras := seedParas()
	var docs []*pipeline.Doc
	for i := 0; i < n; i++ {
		k := 1 + i%(len(paras)-1)
		ps := []string{paras[k], paras[1+k%(len(paras)-1)]}
		docs = append(docs, buildDoc(i, fmt.Sprintf("Central Asia note %02d", i), "Example Wire", "2024-08-09", ps))
	}
	return buildDataset(docs...)
}

// standalone renders each document of ds on its own, sequentially, keyed by
// the file name Export gives it.
func standalone(t *testing.T, e *Exporter, ds *pipeline.Dataset) map[string][]byte {
	t.Helper()
	fs, _ := loadFonts()
	names := newSlugger()
	want := map[string][]byte{}
	for _, d := range ds.Docs {
		var buf bytes.Buffer
		if err := e.render(context.Background(), &buf, ds, []*pipeline.Doc{d}, &sanitizer{fs: fs}); err != nil {
			t.Fatal(err)
		}
		want[names.name(d.Document.Title, d.Document.DocID)+".pdf"] = buf.Bytes()
	}
	return want
}

// listDir returns every file name in dir (including temporary files).
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// TestPerArticlePool checks that the per-article files written by the
// worker pool are byte for byte the documents rendered alone, one after
// the other, whatever the number of workers.
func TestPerArticlePool(t *testing.T) {
	ds := poolDataset(9)
	ex, err := New(testOpts())
	if err != nil {
		t.Fatal(err)
	}
	want := standalone(t, ex.(*Exporter), ds)
	for _, procs := range []int{1, 3, 8} {
		t.Run(fmt.Sprintf("GOMAXPROCS=%d", procs), func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			dir := t.TempDir()
			dst := &exporters.Dest{Dir: dir}
			if err := ex.Export(context.Background(), ds, dst); err != nil {
				t.Fatal(err)
			}
			got := listDir(t, filepath.Join(dir, ArticleDir))
			if len(got) != len(want) {
				t.Fatalf("%d files %v, want %d", len(got), got, len(want))
			}
			for _, name := range got {
				b, _ := os.ReadFile(filepath.Join(dir, ArticleDir, name))
				if w, ok := want[name]; !ok || !bytes.Equal(b, w) {
					t.Errorf("%s differs from the document rendered alone (known name: %v)", name, ok)
				}
			}
			if n := len(dst.Files()); n != len(want)+1 {
				t.Errorf("Dest records %d files, want %d", n, len(want)+1)
			}
		})
	}
}

// TestPerArticleCancelled cancels an export once a few per-article files
// have been written: Export returns context.Canceled, the workers stop, and
// every file left in briefings/ is complete (no temporary or half-written
// file).
func TestPerArticleCancelled(t *testing.T) {
	ds := poolDataset(24)
	ex, err := New(testOpts())
	if err != nil {
		t.Fatal(err)
	}
	want := standalone(t, ex.(*Exporter), ds)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()
	stop := make(chan struct{})
	go func() {
		// cancel as soon as three briefings exist
		for {
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
			if m, _ := filepath.Glob(filepath.Join(dir, ArticleDir, "*.pdf")); len(m) >= 3 {
				cancel()
				return
			}
		}
	}()
	err = ex.Export(ctx, ds, &exporters.Dest{Dir: dir})
	close(stop)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	got := listDir(t, filepath.Join(dir, ArticleDir))
	if len(got) < 3 || len(got) == len(want) {
		t.Errorf("%d of %d files written before the export stopped", len(got), len(want))
	}
	for _, name := range got {
		b, _ := os.ReadFile(filepath.Join(dir, ArticleDir, name))
		if w, ok := want[name]; !ok || !bytes.Equal(b, w) {
			t.Errorf("cancelled export left %s, not a complete briefing", name)
		}
	}
}

// TestPerArticleError makes every per-article file fail (briefings is a
// plain file): the error names the first document's file whatever the
// scheduling, and no temporary file is left behind (the pack, rendered at
// the same time, may be complete or abandoned).
func TestPerArticleError(t *testing.T) {
	ds := poolDataset(6)
	ex, err := New(testOpts())
	if err != nil {
		t.Fatal(err)
	}
	first := newSlugger().name(ds.Docs[0].Document.Title, ds.Docs[0].Document.DocID) + ".pdf"
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	for i := 0; i < 3; i++ {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, ArticleDir), []byte("in the way"), 0o644); err != nil {
			t.Fatal(err)
		}
		err := ex.Export(context.Background(), ds, &exporters.Dest{Dir: dir})
		if err == nil || !strings.Contains(err.Error(), ArticleDir+"/"+first) || !strings.HasPrefix(err.Error(), "pdf: ") {
			t.Fatalf("err = %v, want a pdf: error about %s", err, first)
		}
		for _, f := range listDir(t, dir) {
			if f != FileName && f != ArticleDir {
				t.Errorf("run folder holds %s", f)
			}
		}
	}
}
