package state

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// StagingPrefix starts the name of a run folder being written.
const StagingPrefix = ".staging-"

// CleanStaging removes staging folders left in out by runs that were
// killed. Call it only while holding out's lock (internal/lock), since a
// running run's staging folder looks the same.
func CleanStaging(out string) ([]string, error) {
	ents, err := os.ReadDir(out)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, fmt.Errorf("state: %w", err)
	}
	var removed []string
	for _, e := range ents {
		if e.IsDir() && strings.HasPrefix(e.Name(), StagingPrefix) {
			if err := os.RemoveAll(filepath.Join(out, e.Name())); err != nil {
				return removed, fmt.Errorf("state: remove %s: %w", e.Name(), err)
			}
			removed = append(removed, e.Name())
		}
	}
	return removed, nil
}

// Prune keeps the keep newest run folders of out and removes the others.
// A run folder is a directory (not a symlink, not hidden) holding a
// manifest.json; "newest" is by the manifest's modification time (written
// last, when the run completes), then by name. The folder out/latest
// points to is never removed. keep <= 0 removes nothing. Call it while
// holding out's lock.
func Prune(out string, keep int) ([]string, error) {
	if keep <= 0 {
		return nil, nil
	}
	ents, err := os.ReadDir(out)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, fmt.Errorf("state: %w", err)
	}
	latest := ""
	if target, err := os.Readlink(filepath.Join(out, "latest")); err == nil {
		latest = filepath.Base(filepath.Clean(target))
	}
	type run struct {
		name string
		mod  time.Time
	}
	var runs []run
	for _, e := range ents {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		fi, err := os.Stat(filepath.Join(out, e.Name(), "manifest.json"))
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		runs = append(runs, run{e.Name(), fi.ModTime()})
	}
	sort.Slice(runs, func(i, j int) bool {
		if !runs[i].mod.Equal(runs[j].mod) {
			return runs[i].mod.After(runs[j].mod)
		}
		return runs[i].name > runs[j].name
	})
	var removed []string
	for i, r := range runs {
		if i < keep || r.name == latest {
			continue
		}
		if err := os.RemoveAll(filepath.Join(out, r.name)); err != nil {
			return removed, fmt.Errorf("state: prune %s: %w", r.name, err)
		}
		removed = append(removed, r.name)
	}
	return removed, nil
}
