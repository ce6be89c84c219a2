// Package runner runs one briefpack job: it resolves the inputs, streams
// their articles through the pipeline, renders the dataset with the chosen
// exporters into a staging folder, writes manifest.json, and only then
// moves the folder to out/<run-id> and switches out/latest to it. A
// cancelled or failed run leaves the previous outputs untouched and no
// partial files behind.
package runner

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/internal/atomicfile"
	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/engine"
	"github.com/briefpack/briefpack/sources"
)

// DefaultFormats are the exporters a run uses when none are chosen.
var DefaultFormats = []string{"pdf", "xlsx", "csv", "jsonl"}

// Config is one job.
type Config struct {
	Inputs  []string
	OutRoot string // default "out"
	RunID   string // default: UTC start time, e.g. 20261128T091500Z
	// RunIDTime, when set, replaces the start time in the default run ID
	// (the CLI sets it from SOURCE_DATE_EPOCH for reproducible outputs).
	RunIDTime time.Time
	Formats   []string
	Now       time.Time // the run's clock for dates written into outputs (SOURCE_DATE_EPOCH)
	Version   string

	Engine    engine.Options
	Sources   sources.Options
	Exporters exporters.Options
	Logger    *slog.Logger

	// OnDoc is called after each article (progress reporting).
	OnDoc func()
	// OnTotal, when set, is told the number of inputs once they are
	// resolved (a feed may yield more articles than that).
	OnTotal func(n int)

	// Batch: incremental runs, windows, shards, pruning (batch.go).
	Batch Batch

	filter    func(ctx context.Context, a pipeline.Article) bool // set by Run: shard and incremental skipping
	batchInfo *BatchInfo                                         // set by Run for the manifest
}

// UsageError is a problem with the job's configuration (exit code 2).
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Result is what a run produced.
type Result struct {
	RunID    string
	Dir      string // out/<run-id>
	Dataset  *pipeline.Dataset
	Manifest *Manifest // nil when NothingNew
	// Stats say what the run did with its inputs (new, changed, unchanged...).
	Stats Stats
	// NothingNew is set when an incremental run found no new or changed
	// input: nothing was published and latest is unchanged.
	NothingNew bool
	// Pruned lists the old run folders removed (Batch.Keep).
	Pruned []string
}

// Failed reports whether any input or exporter failed.
func (r *Result) Failed() bool {
	if r.Manifest == nil {
		return r.Dataset != nil && len(r.Dataset.Failures) > 0
	}
	return len(r.Manifest.Failures) > 0
}

// Manifest is manifest.json.
type Manifest struct {
	RunID    string             `json:"run_id"`
	Version  string             `json:"version"`
	Started  string             `json:"started"`
	Inputs   []string           `json:"inputs"`
	Formats  []string           `json:"formats"`
	Outputs  []Output           `json:"outputs"`
	Totals   pipeline.Totals    `json:"totals"`
	Docs     []ManifestDoc      `json:"documents"`
	Failures []pipeline.Failure `json:"failures"`
	Timings  Timings            `json:"timings_ms"`
	Batch    *BatchInfo         `json:"batch,omitempty"` // incremental/shard/window counts
}

// ManifestDoc lists one processed document.
type ManifestDoc struct {
	DocID   string   `json:"doc_id"`
	Title   string   `json:"title"`
	Sources []string `json:"sources"`
}

// Output is one written file.
type Output struct {
	Path   string `json:"path"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// Timings are wall-clock durations of the run's phases, in milliseconds.
type Timings struct {
	Pipeline int64 `json:"pipeline"`
	Export   int64 `json:"export"`
	Total    int64 `json:"total"`
}

var runIDRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// Prepare checks the configuration and builds the exporters and the
// pipeline, so that usage errors surface before any work is done.
func Prepare(cfg *Config) ([]namedExporter, *pipeline.Runner, error) {
	if cfg.OutRoot == "" {
		cfg.OutRoot = "out"
	}
	if len(cfg.Formats) == 0 {
		cfg.Formats = DefaultFormats
	}
	if cfg.RunID != "" && !runIDRe.MatchString(cfg.RunID) {
		return nil, nil, &UsageError{fmt.Errorf("run id %q: use letters, digits, '.', '_' and '-' (at most 64)", cfg.RunID)}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	cfg.Exporters.Now, cfg.Exporters.Version, cfg.Exporters.Logger = cfg.Now, cfg.Version, cfg.Logger
	var exps []namedExporter
	seen := map[string]bool{}
	for _, f := range cfg.Formats {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" || seen[f] {
			continue
		}
		seen[f] = true
		e, err := exporters.New(f, cfg.Exporters)
		if err != nil {
			return nil, nil, &UsageError{err}
		}
		exps = append(exps, namedExporter{f, e})
	}
	cfg.Engine.Logger = cfg.Logger
	pl, err := engine.New(cfg.Engine)
	if err != nil {
		return nil, nil, &UsageError{err}
	}
	pl.OnDoc = cfg.OnDoc
	return exps, pl, nil
}

type namedExporter struct {
	name string
	exporters.Exporter
}

// Run executes the job. It holds the output folder's lock for the whole
// run (a *lock.BusyError when another run holds it) and records the run in
// <out>/state.db (see Batch).
func Run(ctx context.Context, cfg Config) (res *Result, err error) {
	began := time.Now()
	exps, pl, err := Prepare(&cfg)
	if err != nil {
		return nil, err
	}
	out, err := openOut(&cfg, began)
	if err != nil {
		return nil, err
	}
	defer out.close()
	runID := out.runID

	b, err := startBatch(ctx, &cfg, runID)
	if err != nil {
		return nil, err
	}
	defer func() { err = b.end(ctx, res, err, began) }()

	ds, err := Process(ctx, cfg, pl)
	if err != nil {
		return nil, err
	}
	if err := b.record(ds); err != nil {
		return nil, err
	}
	if b.nothingNew() {
		return &Result{RunID: runID, Dataset: ds, Stats: b.stats, NothingNew: true}, nil
	}
	if err := b.window(ctx, pl, ds); err != nil {
		return nil, err
	}
	cfg.batchInfo = b.info()
	res, err = out.publish(ctx, cfg, ds, exps, began)
	if err != nil {
		return nil, err
	}
	res.Stats = b.stats
	return res, nil
}

// Process resolves the inputs and runs the pipeline over their articles.
// Input failures are recorded in the dataset.
func Process(ctx context.Context, cfg Config, pl *pipeline.Runner) (*pipeline.Dataset, error) {
	srcs, rerrs := sources.Resolve(ctx, cfg.Inputs, cfg.Sources)
	if cfg.OnTotal != nil {
		cfg.OnTotal(len(srcs))
	}
	var srcFailures []pipeline.Failure
	for _, e := range rerrs {
		srcFailures = append(srcFailures, sourceFailure("", e))
		cfg.Logger.Debug("input failed", "err", e)
	}
	items := make(chan pipeline.Item, 64)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(items)
		seq := 0
		for _, s := range srcs {
			if ctx.Err() != nil {
				return
			}
			err := s.Articles(ctx, func(a pipeline.Article) error {
				if cfg.filter != nil && !cfg.filter(ctx, a) {
					return nil
				}
				select {
				case items <- pipeline.Item{Seq: seq, Article: a}:
					seq++
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			})
			if err != nil && ctx.Err() == nil {
				srcFailures = append(srcFailures, sourceFailure(s.Input(), err))
				cfg.Logger.Debug("input failed", "input", s.Input(), "err", err)
				if cfg.OnDoc != nil {
					cfg.OnDoc()
				}
			}
		}
	}()
	ds, err := pl.Run(ctx, items)
	<-done
	if err != nil {
		return nil, err
	}
	ds.Failures = append(srcFailures, ds.Failures...)
	sort.SliceStable(ds.Failures, func(i, j int) bool { return ds.Failures[i].Input < ds.Failures[j].Input })
	ds.Views.Totals.Failed = len(ds.Failures)
	return ds, nil
}

func sourceFailure(input string, err error) pipeline.Failure {
	var se *sources.Error
	if errors.As(err, &se) {
		msg := se.Err.Error()
		if se.Line > 0 {
			msg = fmt.Sprintf("line %d: %s", se.Line, msg)
		}
		return pipeline.Failure{Input: se.Input, Stage: "source", Err: msg}
	}
	return pipeline.Failure{Input: input, Stage: "source", Err: err.Error()}
}

// Export renders ds with every exporter into dest. An exporter that fails
// is recorded as a failure and its files are removed; the others go on.
func Export(ctx context.Context, ds *pipeline.Dataset, exps []namedExporter, dest *exporters.Dest, log *slog.Logger) error {
	for _, e := range exps {
		if err := ctx.Err(); err != nil {
			return err
		}
		before := map[string]bool{}
		for _, f := range dest.Files() {
			before[f] = true
		}
		if err := e.Export(ctx, ds, dest); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if destFault(err, dest.Dir) {
				// The run folder cannot hold the pack (full, read-only,
				// removed): the whole run fails and publishes nothing,
				// rather than a pack with formats missing.
				return fmt.Errorf("export %s: %w", e.name, err)
			}
			log.Error("export failed", "format", e.name, "err", err)
			ds.Failures = append(ds.Failures, pipeline.Failure{Input: e.name, Stage: "export", Err: err.Error()})
			for _, f := range dest.Files() {
				if !before[f] {
					dest.Remove(f)
				}
			}
		}
	}
	return nil
}

// destFault reports whether an export error comes from the run folder
// itself rather than from the exporter: no space, a read-only or failing
// file system, or the folder removed while it was written.
func destFault(err error, dir string) bool {
	for _, e := range []error{syscall.ENOSPC, syscall.EDQUOT, syscall.EROFS, syscall.EIO} {
		if errors.Is(err, e) {
			return true
		}
	}
	_, serr := os.Stat(dir)
	return serr != nil
}

// NewExporters builds named exporters (for callers that render a dataset
// they built themselves, such as merge).
func NewExporters(formats []string, opts exporters.Options) ([]namedExporter, error) {
	var out []namedExporter
	for _, f := range formats {
		e, err := exporters.New(f, opts)
		if err != nil {
			return nil, &UsageError{err}
		}
		out = append(out, namedExporter{f, e})
	}
	return out, nil
}

func writeManifest(ctx context.Context, cfg Config, runID string, ds *pipeline.Dataset, dest *exporters.Dest, t Timings) (*Manifest, error) {
	m := &Manifest{
		RunID: runID, Version: cfg.Version, Started: cfg.Now.UTC().Format(time.RFC3339),
		Inputs: nonNil(cfg.Inputs), Formats: cfg.Formats, Totals: ds.Views.Totals,
		Failures: nonNil(ds.Failures), Timings: t, Outputs: []Output{}, Docs: []ManifestDoc{},
		Batch: cfg.batchInfo,
	}
	m.Totals.Failed = len(ds.Failures)
	for _, d := range ds.Docs {
		m.Docs = append(m.Docs, ManifestDoc{DocID: d.Document.DocID, Title: d.Document.Title, Sources: d.Document.Sources})
	}
	for _, f := range dest.Files() {
		o, err := describe(filepath.Join(dest.Dir, filepath.FromSlash(f)))
		if err != nil {
			return nil, fmt.Errorf("run folder lost an output it wrote: %w", err)
		}
		o.Path = f
		m.Outputs = append(m.Outputs, o)
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := atomicfile.WriteBytes(filepath.Join(dest.Dir, "manifest.json"), append(b, '\n'), 0o644); err != nil {
		return nil, fmt.Errorf("write manifest.json: %w", err)
	}
	return m, nil
}

func describe(path string) (Output, error) {
	f, err := os.Open(path)
	if err != nil {
		return Output{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return Output{}, err
	}
	return Output{Bytes: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// uniqueRunID is the UTC start time, with a suffix when a run of the same
// second exists.
func uniqueRunID(root string, t time.Time) string {
	base := t.Format("20060102T150405Z")
	id := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(filepath.Join(root, id)); os.IsNotExist(err) {
			if _, err := os.Lstat(filepath.Join(root, ".staging-"+id)); os.IsNotExist(err) {
				return id
			}
		}
		id = fmt.Sprintf("%s-%d", base, i)
	}
}

// SwitchLatest points root/latest at runID atomically (a new symlink
// renamed over the old one).
func SwitchLatest(root, runID string) error {
	tmp := filepath.Join(root, ".latest.tmp")
	os.Remove(tmp)
	if err := os.Symlink(runID, tmp); err != nil {
		return fmt.Errorf("switch latest: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(root, "latest")); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("switch latest: %w", err)
	}
	return nil
}
