package runner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/internal/lock"
	"github.com/briefpack/briefpack/internal/state"
	"github.com/briefpack/briefpack/pipeline"
)

// outFolder is an output folder held for one run: locked against other
// runs, cleaned of the staging folders of killed runs, and given a staging
// folder that becomes out/<run-id> only when publish succeeds.
type outFolder struct {
	root, runID, staging string
	stagingInfo          os.FileInfo // to notice a staging folder removed and re-created mid-run
	lk                   *lock.Lock
	published            bool
}

// openOut creates and locks cfg.OutRoot and prepares the run's staging
// folder. The caller must call close.
func openOut(cfg *Config, began time.Time) (*outFolder, error) {
	log := cfg.Logger
	if err := os.MkdirAll(cfg.OutRoot, 0o755); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", cfg.OutRoot, err)
	}
	lk, err := lock.Acquire(cfg.OutRoot, lock.Options{})
	if err != nil {
		return nil, err
	}
	o := &outFolder{root: cfg.OutRoot, lk: lk}
	if msg := lk.Stale(); msg != "" {
		log.Warn(msg, "out", cfg.OutRoot)
	}
	if removed, err := state.CleanStaging(cfg.OutRoot); err != nil {
		log.Warn("could not remove a killed run's staging folder", "err", err)
	} else if len(removed) > 0 {
		log.Warn("removed staging folders of killed runs", "folders", strings.Join(removed, ", "))
	}
	o.runID = cfg.RunID
	if o.runID == "" {
		t := began
		if !cfg.RunIDTime.IsZero() {
			t = cfg.RunIDTime
		}
		o.runID = uniqueRunID(cfg.OutRoot, t.UTC())
	} else if _, err := os.Lstat(filepath.Join(cfg.OutRoot, o.runID)); err == nil {
		o.close()
		return nil, &UsageError{fmt.Errorf("run %s already exists in %s; choose another --run-id", o.runID, cfg.OutRoot)}
	}
	o.staging = filepath.Join(cfg.OutRoot, state.StagingPrefix+o.runID)
	if err := os.RemoveAll(o.staging); err != nil {
		o.close()
		return nil, err
	}
	if err := os.MkdirAll(o.staging, 0o755); err != nil {
		o.close()
		return nil, fmt.Errorf("output folder %s: %w", cfg.OutRoot, err)
	}
	if o.stagingInfo, err = os.Stat(o.staging); err != nil {
		o.close()
		return nil, fmt.Errorf("output folder %s: %w", cfg.OutRoot, err)
	}
	return o, nil
}

// publish renders ds into the staging folder, writes manifest.json, moves
// the folder to out/<run-id> and switches out/latest to it.
func (o *outFolder) publish(ctx context.Context, cfg Config, ds *pipeline.Dataset, exps []namedExporter, began time.Time) (*Result, error) {
	ds.Run = pipeline.RunInfo{ID: o.runID, Started: cfg.Now, Version: cfg.Version, Inputs: cfg.Inputs}
	tPipe := time.Since(began)
	dest := &exporters.Dest{Dir: o.staging}
	if err := Export(ctx, ds, exps, dest, cfg.Logger); err != nil {
		return nil, err
	}
	tExport := time.Since(began) - tPipe
	if fi, err := os.Stat(o.staging); err != nil || !os.SameFile(fi, o.stagingInfo) {
		return nil, fmt.Errorf("publish run %s: its staging folder %s was removed during the run; nothing published", o.runID, o.staging)
	}
	m, err := writeManifest(ctx, cfg, o.runID, ds, dest, Timings{
		Pipeline: tPipe.Milliseconds(), Export: tExport.Milliseconds(), Total: time.Since(began).Milliseconds(),
	})
	if err != nil {
		return nil, err
	}
	final := filepath.Join(o.root, o.runID)
	if err := os.Rename(o.staging, final); err != nil {
		return nil, fmt.Errorf("publish run %s: %w", o.runID, err)
	}
	o.published = true
	if err := SwitchLatest(o.root, o.runID); err != nil {
		return nil, err
	}
	return &Result{RunID: o.runID, Dir: final, Dataset: ds, Manifest: m}, nil
}

// close removes the staging folder unless the run was published, and
// releases the lock.
func (o *outFolder) close() {
	if !o.published && o.staging != "" {
		os.RemoveAll(o.staging)
	}
	o.lk.Release()
}
