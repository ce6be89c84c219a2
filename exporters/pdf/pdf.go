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
// briefings/<slug>.pdf per article.
//
// The files are rendered by a small pool (one worker per GOMAXPROCS): the
// first job is the combined pack, the others are the articles in dataset
// order, so while one worker renders the pack the others already render
// articles. Each worker renders and writes one file at a time, so memory
// stays bounded by the pack plus one article per worker. File names are
// assigned in document order before any file is rendered, and every file's
// bytes depend only on the dataset, never on scheduling.
//
// On the first failure, or when ctx is cancelled, the workers stop taking
// jobs (a file being written is abandoned, never left half-written). The
// error returned is the context's, else that of the pack, else that of the
// first article in dataset order that failed.
func (e *Exporter) Export(ctx context.Context, ds *pipeline.Dataset, dst *exporters.Dest) error {
	fs, err := loadFonts()
	if err != nil {
		return err
	}
	if ds == nil {
		ds = &pipeline.Dataset{}
	}
	idx := newNameIndex(ds)
	docs := ds.Docs
	if e.opts.NoPerArticle {
		docs = nil
	}
	// job 0 is the pack, job i > 0 the article docs[i-1]
	rels := make([]string, 1+len(docs))
	rels[0] = FileName
	names := newSlugger()
	for i, d := range docs {
		rels[i+1] = ArticleDir + "/" + names.name(d.Document.Title, d.Document.DocID) + ".pdf"
	}
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make([]error, len(rels))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(rels)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// replaced characters are counted once, by the pack
			quiet := &sanitizer{fs: fs}
			for {
				i := int(next.Add(1) - 1)
				if i >= len(rels) || wctx.Err() != nil {
					return
				}
				var err error
				if i == 0 {
					err = e.pack(wctx, ds, dst, fs, idx)
				} else {
					err = dst.WriteFile(wctx, rels[i], func(w io.Writer) error {
						return e.renderWith(wctx, w, ds, docs[i-1:i], quiet, idx)
					})
				}
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

// pack writes the combined briefing.pdf and logs, once, how many characters
// had to be replaced.
func (e *Exporter) pack(ctx context.Context, ds *pipeline.Dataset, dst *exporters.Dest, fs *fontSet, idx *nameIndex) error {
	z := &sanitizer{fs: fs}
	err := dst.WriteFile(ctx, FileName, func(w io.Writer) error {
		return e.renderWith(ctx, w, ds, ds.Docs, z, idx)
	})
	if err != nil {
		return err
	}
	if z.replaced > 0 {
		e.logger().Warn(fmt.Sprintf("pdf: %d characters outside the font were replaced", z.replaced),
			"placeholder", string(fs.placeholder))
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
