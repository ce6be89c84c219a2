// Package exporters renders a pipeline.Dataset into files. Each format lives
// in its own sub-package and registers itself in init; the CLI imports
// exporters/all to get every format.
package exporters

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/briefpack/briefpack/internal/atomicfile"
	"github.com/briefpack/briefpack/pipeline"
)

// Exporter renders a dataset into one format under dst.
type Exporter interface {
	Export(ctx context.Context, ds *pipeline.Dataset, dst *Dest) error
}

// Factory builds an exporter from the shared options.
type Factory func(opts Options) (Exporter, error)

// Options are the settings every exporter may read. Zero values are
// sensible defaults.
type Options struct {
	Version string    // briefpack version, for document metadata
	Now     time.Time // the run's clock (SOURCE_DATE_EPOCH when set); used for every date written
	Logger  *slog.Logger

	// Briefing PDF.
	PackTitle    string // default "Briefing pack"
	Organization string
	Banner       string // handling banner, e.g. "UNCLASSIFIED"
	Logo         string // path to a PNG or JPEG
	PageSize     string // "A4" (default) or "Letter"
	NoPerArticle bool   // skip briefings/<slug>.pdf

	// CSV.
	CSVBOM bool // write a UTF-8 byte order mark for Excel
	// NoFormulaGuard turns off neutralizing of text cells that start with
	// = + - @ tab or CR (on by default).
	NoFormulaGuard bool
}

// ErrUnknownFormat is returned for a format nobody registered.
var ErrUnknownFormat = errors.New("exporters: unknown format")

var (
	mu       sync.RWMutex
	registry = map[string]Factory{}
)

// Register makes a format available by name. It panics on a duplicate, as
// a programming error.
func Register(name string, f Factory) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := registry[name]; dup {
		panic("exporters: Register called twice for " + name)
	}
	registry[name] = f
}

// Names lists the registered formats, sorted.
func Names() []string {
	mu.RLock()
	defer mu.RUnlock()
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// New builds the named exporter.
func New(name string, opts Options) (Exporter, error) {
	mu.RLock()
	f, ok := registry[name]
	mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownFormat, name, strings.Join(Names(), ", "))
	}
	return f(opts)
}

// Dest is the folder a run writes into. Every file goes through WriteFile,
// which writes atomically and records the file for the manifest.
type Dest struct {
	Dir string

	mu    sync.Mutex
	files []string
}

// WriteFile writes rel (a slash-separated path below Dir) atomically with
// the content produced by fn. fn must not retain w.
func (d *Dest) WriteFile(ctx context.Context, rel string, fn func(w io.Writer) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	clean := filepath.Clean(filepath.FromSlash(rel))
	if filepath.IsAbs(clean) || clean == "." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) || clean == ".." {
		return fmt.Errorf("exporters: refusing to write outside the run folder: %q", rel)
	}
	// Never re-create a run folder that vanished mid-run (atomicfile
	// creates missing sub-folders): the run must fail, not publish a
	// folder holding only the files written after the removal.
	if _, err := os.Stat(d.Dir); err != nil {
		return fmt.Errorf("write %s: run folder: %w", rel, err)
	}
	path := filepath.Join(d.Dir, clean)
	err := atomicfile.Write(path, 0o644, func(w io.Writer) error {
		if err := fn(w); err != nil {
			return err
		}
		return ctx.Err()
	})
	if err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	d.mu.Lock()
	d.files = append(d.files, filepath.ToSlash(clean))
	d.mu.Unlock()
	return nil
}

// Files lists the files written so far, sorted.
func (d *Dest) Files() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := append([]string(nil), d.files...)
	sort.Strings(out)
	return out
}

// Remove deletes a file written earlier (used when an exporter must back
// out) and drops it from Files, so the manifest never lists it.
func (d *Dest) Remove(rel string) error {
	d.mu.Lock()
	d.files = slices.DeleteFunc(d.files, func(f string) bool { return f == rel })
	d.mu.Unlock()
	return os.Remove(filepath.Join(d.Dir, filepath.FromSlash(rel)))
}
