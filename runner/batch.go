package runner

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/briefpack/briefpack/internal/config"
	"github.com/briefpack/briefpack/internal/state"
	"github.com/briefpack/briefpack/pipeline"
)

// Batch configures unattended, repeated runs: incremental processing
// against <out>/state.db, windows over past runs, sharding and pruning.
// The zero value is an incremental run of every input.
type Batch struct {
	// Full processes every input, also those unchanged since the last run.
	Full bool
	// Window, when > 0, builds the pack from this run's documents plus the
	// documents stored by runs that started within Window before this one.
	Window time.Duration
	// Keep, when > 0, removes all but the Keep newest run folders after a
	// successful run (never the one latest points to).
	Keep int
	// Shard, when set, processes only the inputs whose source key hashes to
	// it (see config.Shard).
	Shard config.Shard
	// Job names the scheduled job, for the run history.
	Job string
	// NoState runs without state.db: no incremental skipping, no window,
	// no history.
	NoState bool
}

// Stats count what a run did with its inputs.
type Stats struct {
	Inputs     int `json:"inputs"`      // articles of this shard seen by the run
	New        int `json:"new"`         // never seen before
	Changed    int `json:"changed"`     // seen with other content
	Unchanged  int `json:"unchanged"`   // same content as last time (skipped unless Full)
	OtherShard int `json:"other_shard"` // left to other shards
	Failed     int `json:"failed"`      // inputs or documents that failed
	WindowDocs int `json:"window_docs"` // documents taken from earlier runs
}

// BatchInfo is the batch part of manifest.json.
type BatchInfo struct {
	Incremental bool   `json:"incremental"`
	Shard       string `json:"shard,omitempty"`
	Window      string `json:"window,omitempty"`
	Stats
}

// batch carries one run's state-store work.
type batch struct {
	cfg   *Config
	log   *slog.Logger
	st    *state.Store
	run   *state.Run
	start time.Time

	mu     sync.Mutex
	hashes map[string]string // source key -> content hash, for articles sent to the pipeline
	stats  Stats
}

// startBatch opens the state store (unless NoState) and hooks the input
// filter and the URL validators into cfg.
func startBatch(ctx context.Context, cfg *Config, runID string) (*batch, error) {
	b := &batch{cfg: cfg, log: cfg.Logger, start: cfg.Now, hashes: map[string]string{}}
	if !cfg.Batch.NoState {
		st, err := state.Open(ctx, filepath.Join(cfg.OutRoot, state.FileName))
		if err != nil {
			return nil, err
		}
		b.st = st
		b.run = st.Begin(runID, cfg.Now)
		if cfg.Sources.Conditional == nil {
			cfg.Sources.Conditional = b.run
			if cfg.Batch.Full {
				// --full must fetch everything again: no conditional
				// requests, but remember the new validators.
				cfg.Sources.Conditional = rememberOnly{b.run}
			}
		}
	}
	cfg.filter = b.filter
	return b, nil
}

// filter decides whether an article goes through the pipeline. Skipped
// articles count as done for progress reporting.
func (b *batch) filter(ctx context.Context, a pipeline.Article) bool {
	keep := b.decide(ctx, a)
	if !keep && b.cfg.OnDoc != nil {
		b.cfg.OnDoc()
	}
	return keep
}

func (b *batch) decide(ctx context.Context, a pipeline.Article) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.cfg.Batch.Shard.Has(a.Source) {
		b.stats.OtherShard++
		return false
	}
	b.stats.Inputs++
	if b.st == nil {
		b.stats.New++
		return true
	}
	h := state.ContentHash(a)
	st, err := b.st.Check(ctx, a.Source, h)
	if err != nil {
		b.log.Warn("state lookup failed; processing the input", "input", a.Source, "err", err)
	}
	switch st {
	case state.New:
		b.stats.New++
	case state.Changed:
		b.stats.Changed++
	case state.Unchanged:
		b.stats.Unchanged++
		if !b.cfg.Batch.Full {
			b.log.Debug("unchanged input skipped", "input", a.Source)
			return false
		}
	}
	b.hashes[a.Source] = h
	return true
}

// nothingNew reports an incremental run that found no new or changed
// input: there is nothing to publish.
func (b *batch) nothingNew() bool {
	return b.st != nil && !b.cfg.Batch.Full && b.stats.New == 0 && b.stats.Changed == 0
}

// record buffers this run's processed documents and marks their inputs as
// seen (committed only with the run).
func (b *batch) record(ds *pipeline.Dataset) error {
	b.stats.Failed = len(ds.Failures)
	if b.run == nil {
		return nil
	}
	for _, d := range ds.Docs {
		srcs := d.Document.Sources
		if len(srcs) == 0 {
			srcs = []string{d.Document.Source}
		}
		for _, s := range srcs {
			if h, ok := b.hashes[s]; ok {
				b.run.MarkSeen(s, h, d.Document.DocID)
			}
		}
	}
	// Encoding and compressing the records is CPU work: spread it.
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, d := range ds.Docs {
		g.Go(func() error { return b.run.AddDoc(d) })
	}
	return g.Wait()
}

// window adds the stored documents of the window and aggregates again.
func (b *batch) window(ctx context.Context, pl *pipeline.Runner, ds *pipeline.Dataset) error {
	if b.st == nil || b.cfg.Batch.Window <= 0 {
		return nil
	}
	past, err := b.st.DocsSince(ctx, b.start.Add(-b.cfg.Batch.Window))
	if err != nil {
		return err
	}
	n := len(ds.Docs)
	ds.Docs = state.Window(ds.Docs, past)
	b.stats.WindowDocs = len(ds.Docs) - n
	if b.stats.WindowDocs == 0 {
		return nil
	}
	failed := ds.Views.Totals.Failed
	if err := pl.Aggregate(ctx, ds); err != nil {
		return err
	}
	ds.Views.Totals.Failed = failed
	return nil
}

func (b *batch) info() *BatchInfo {
	bi := &BatchInfo{Incremental: b.st != nil && !b.cfg.Batch.Full, Shard: b.cfg.Batch.Shard.String(), Stats: b.stats}
	if b.cfg.Batch.Window > 0 {
		bi.Window = b.cfg.Batch.Window.String()
	}
	return bi
}

// end records the run in the state store: on success everything in one
// transaction, then prunes old run folders; on failure only a history row.
func (b *batch) end(ctx context.Context, res *Result, runErr error, began time.Time) error {
	defer func() {
		if b.st != nil {
			b.st.Close()
		}
	}()
	if b.run == nil {
		return runErr
	}
	sum := state.Summary{
		Job: b.cfg.Batch.Job, Ended: b.start.Add(time.Since(began)),
		Inputs: b.stats.Inputs, New: b.stats.New, Changed: b.stats.Changed, Unchanged: b.stats.Unchanged, Failed: b.stats.Failed,
	}
	// The history row is written even when the run was cancelled.
	wctx := context.WithoutCancel(ctx)
	if runErr != nil {
		sum.Status, sum.Error = state.StatusFailed, runErr.Error()
		if errors.Is(runErr, context.Canceled) || errors.Is(runErr, context.DeadlineExceeded) {
			sum.Status = state.StatusCancelled
		}
		if err := b.run.Fail(wctx, sum); err != nil {
			b.log.Error("could not record the failed run", "err", err)
		}
		return runErr
	}
	switch {
	case res.NothingNew:
		sum.Status = "unchanged"
	case b.stats.Failed > 0:
		sum.Status = state.StatusPartial
	default:
		sum.Status = state.StatusOK
	}
	if res.Manifest != nil {
		sum.Dir = res.Dir
		sum.Documents = len(res.Manifest.Docs)
		for _, o := range res.Manifest.Outputs {
			sum.Outputs = append(sum.Outputs, o.Path)
		}
	}
	if err := b.run.Commit(wctx, sum); err != nil {
		return fmt.Errorf("run %s was published but not recorded in %s; its inputs will be processed again: %w", res.RunID, b.st.Path(), err)
	}
	if b.cfg.Batch.Keep > 0 && !res.NothingNew {
		removed, err := state.Prune(b.cfg.OutRoot, b.cfg.Batch.Keep)
		if err != nil {
			b.log.Warn("prune failed", "err", err)
		}
		if len(removed) > 0 {
			b.log.Info("old runs removed", "keep", b.cfg.Batch.Keep, "removed", strings.Join(removed, ", "))
		}
		res.Pruned = removed
	}
	return nil
}

// rememberOnly records URL validators without offering them, so every URL
// is fetched in full.
type rememberOnly struct{ r *state.Run }

func (rememberOnly) Validators(string) (etag, lastModified string) { return "", "" }
func (c rememberOnly) Remember(url, etag, lastModified string)     { c.r.Remember(url, etag, lastModified) }
