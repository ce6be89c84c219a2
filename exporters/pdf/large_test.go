package pdf

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/pipeline"
)

// TestLargePack renders a 1,000-article pack and its 1,000 per-article
// briefings, and reports time and peak heap. It takes a while on a shared
// machine, so it runs only with BRIEFPACK_LARGE=1.
func TestLargePack(t *testing.T) {
	if os.Getenv("BRIEFPACK_LARGE") == "" {
		t.Skip("set BRIEFPACK_LARGE=1 to render a 1,000-article pack")
	}
	needTools(t)
	paras := seedParas()
	var docs []*pipeline.Doc
	for i := 0; i < 1000; i++ {
		// articles of 2 to 4 seed paragraphs, different titles
		k := 1 + i%len(paras)
		ps := []string{paras[k%len(paras)], paras[(k+1)%len(paras)], paras[(k+2)%len(paras)]}
		docs = append(docs, buildDoc(i, fmt.Sprintf("Central Asia file %04d: %s", i, paras[k%len(paras)][:40]), "Example Wire", "2024-08-09", ps))
	}
	ds := buildDataset(docs...)
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	}()
	o := testOpts()
	o.NoPerArticle = true
	ex, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	if err := ex.Export(context.Background(), ds, &exporters.Dest{Dir: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	t.Logf("combined pack alone: %v", time.Since(t0).Round(time.Millisecond))
	if ex, err = New(testOpts()); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t0 = time.Now()
	if err := ex.Export(context.Background(), ds, &exporters.Dest{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	el := time.Since(t0)
	close(stop)
	wg.Wait()
	st, _ := os.Stat(filepath.Join(dir, FileName))
	files, _ := filepath.Glob(filepath.Join(dir, ArticleDir, "*.pdf"))
	n := pageCount(t, filepath.Join(dir, FileName))
	t.Logf("1000 articles: %v, briefing.pdf %d pages %.1f MB, %d per-article files, peak heap in use %.0f MB",
		el.Round(time.Millisecond), n, float64(st.Size())/1e6, len(files), float64(peak.Load())/1e6)
	if len(files) != 1000 {
		t.Errorf("%d per-article files", len(files))
	}
	run(t, "qpdf", "--check", filepath.Join(dir, FileName))
}
