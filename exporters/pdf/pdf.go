// Package pdf renders the briefing pack: one combined PDF (briefing.pdf)
// with a cover, contents, a cross-document overview and every article, and
// one PDF per article under briefings/. It draws only what the pipeline
// computed (records, Doc.Actors, Doc.KeyPoints, Dataset.Views); it sorts and
// truncates for display but never computes analytics of its own.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // logo formats
	_ "image/png"
	"io"
	"log/slog"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/pipeline"
)

// FileName is the combined briefing pack.
const FileName = "briefing.pdf"

// ArticleDir is the folder of the per-article briefings.
const ArticleDir = "briefings"

func init() {
	fpdf.SetDefaultCatalogSort(true)
	exporters.Register("pdf", New)
}

// Exporter writes the briefing PDFs. Build it with New.
type Exporter struct {
	opts     exporters.Options
	pageSize string // fpdf size name
	logo     []byte
	logoType string // "PNG" or "JPG"
	logoW    int
	logoH    int
}

// New checks the options and builds the exporter. It fails on an unknown
// page size and on a logo that cannot be read or is not a PNG or JPEG.
func New(opts exporters.Options) (exporters.Exporter, error) {
	e := &Exporter{opts: opts}
	switch strings.ToLower(strings.TrimSpace(opts.PageSize)) {
	case "", "a4":
		e.pageSize = "A4"
	case "letter":
		e.pageSize = "Letter"
	default:
		return nil, fmt.Errorf("pdf: unknown page size %q (use A4 or Letter)", opts.PageSize)
	}
	if opts.Logo != "" {
		b, err := os.ReadFile(opts.Logo)
		if err != nil {
			return nil, fmt.Errorf("pdf: logo: %w", err)
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("pdf: logo %s: not a PNG or JPEG image: %w", opts.Logo, err)
		}
		switch format {
		case "png":
			e.logoType = "PNG"
		case "jpeg":
			e.logoType = "JPG"
		default:
			return nil, fmt.Errorf("pdf: logo %s: %s images are not supported (use PNG or JPEG)", opts.Logo, format)
		}
		if cfg.Width <= 0 || cfg.Height <= 0 {
			return nil, fmt.Errorf("pdf: logo %s: empty image", opts.Logo)
		}
		e.logo, e.logoW, e.logoH = b, cfg.Width, cfg.Height
	}
	if _, err := loadFonts(); err != nil {
		return nil, err
	}
	return e, nil
}

// Export writes briefing.pdf and, unless Options.NoPerArticle is set, one
// briefings/<slug>.pdf per article. The per-article files are rendered by a
// small pool (one worker per GOMAXPROCS), each worker rendering and writing
// one file at a time, so memory stays bounded by a few single files; file
// names are assigned in document order before any is rendered, and every
// file's bytes depend only on its document, never on scheduling.
func (e *Exporter) Export(ctx context.Context, ds *pipeline.Dataset, dst *exporters.Dest) error {
	fs, err := loadFonts()
	if err != nil {
		return err
	}
	if ds == nil {
		ds = &pipeline.Dataset{}
	}
	idx := newNameIndex(ds)
	z := &sanitizer{fs: fs}
	err = dst.WriteFile(ctx, FileName, func(w io.Writer) error {
		return e.renderWith(ctx, w, ds, ds.Docs, z, idx)
	})
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if z.replaced > 0 {
		e.logger().Warn(fmt.Sprintf("pdf: %d characters outside the font were replaced", z.replaced),
			"placeholder", string(fs.placeholder))
	}
	if e.opts.NoPerArticle {
		return nil
	}
	return e.perArticle(ctx, ds, dst, fs, idx)
}

// perArticle writes briefings/<slug>.pdf for every document with a bounded
// pool of workers. On the first failure or when ctx is cancelled the
// workers stop taking documents; the error returned is that of the first
// document (in dataset order) that failed for a reason of its own, else the
// context's error.
func (e *Exporter) perArticle(ctx context.Context, ds *pipeline.Dataset, dst *exporters.Dest, fs *fontSet, idx *nameIndex) error {
	docs := ds.Docs
	if len(docs) == 0 {
		return ctx.Err()
	}
	names := newSlugger()
	rels := make([]string, len(docs))
	for i, d := range docs {
		rels[i] = ArticleDir + "/" + names.name(d.Document.Title, d.Document.DocID) + ".pdf"
	}
	workers := min(runtime.GOMAXPROCS(0), len(docs))
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make([]error, len(docs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// the combined pack already counted replaced characters
			quiet := &sanitizer{fs: fs}
			for {
				i := int(next.Add(1) - 1)
				if i >= len(docs) || wctx.Err() != nil {
					return
				}
				err := dst.WriteFile(wctx, rels[i], func(w io.Writer) error {
					return e.renderWith(wctx, w, ds, docs[i:i+1], quiet, idx)
				})
				if err != nil {
					errs[i] = err
					cancel()
					return
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return fmt.Errorf("pdf: %w", err)
		}
	}
	return nil
}

func (e *Exporter) logger() *slog.Logger {
	if e.opts.Logger != nil {
		return e.opts.Logger
	}
	return slog.New(slog.DiscardHandler)
}

// clock is the date printed and stamped into the metadata: Options.Now,
// else the run's start, else the Unix epoch (never the wall clock, so
// output stays reproducible).
func (e *Exporter) clock(ds *pipeline.Dataset) (time.Time, bool) {
	switch {
	case !e.opts.Now.IsZero():
		return e.opts.Now.UTC(), true
	case ds != nil && !ds.Run.Started.IsZero():
		return ds.Run.Started.UTC(), true
	}
	return time.Unix(0, 0).UTC(), false
}
