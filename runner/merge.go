package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/briefpack/briefpack/exporters/jsonl"
	"github.com/briefpack/briefpack/pipeline"
)

// Merge combines the records.jsonl of several run folders (typically the
// shards of one job, --shard 1/2 and 2/2) into one dataset, aggregates it
// again and publishes it under cfg.OutRoot like a run, with cfg.Formats.
// Documents are ordered by source key (the order of an unsharded run over
// folders and globs); a document found in several runs is kept once with
// every source. Failures listed in the runs' manifests are carried over.
// cfg.Inputs is ignored; the manifest lists the merged runs' inputs.
func Merge(ctx context.Context, cfg Config, runDirs []string) (*Result, error) {
	began := time.Now()
	if len(runDirs) == 0 {
		return nil, &UsageError{errors.New("merge: no run folders given")}
	}
	exps, pl, err := Prepare(&cfg)
	if err != nil {
		return nil, err
	}
	var docs []*pipeline.Doc
	var failures []pipeline.Failure
	var inputs []string
	for _, dir := range runDirs {
		path := filepath.Join(dir, jsonl.FileName)
		f, err := os.Open(path)
		if err != nil {
			return nil, &UsageError{fmt.Errorf("merge: %s is not a run folder with %s: %w", dir, jsonl.FileName, err)}
		}
		ds, err := jsonl.Read(f, path)
		f.Close()
		if err != nil {
			return nil, &UsageError{fmt.Errorf("merge: %w", err)}
		}
		docs = append(docs, ds...)
		if b, err := os.ReadFile(filepath.Join(dir, "manifest.json")); err == nil {
			var m Manifest
			if err := json.Unmarshal(b, &m); err != nil {
				return nil, &UsageError{fmt.Errorf("merge: %s: %w", filepath.Join(dir, "manifest.json"), err)}
			}
			failures = append(failures, m.Failures...)
			inputs = append(inputs, m.Inputs...)
		}
	}
	cfg.Inputs = dedupSorted(inputs)
	ds := &pipeline.Dataset{Docs: foldDocs(docs), Failures: failures}
	sort.SliceStable(ds.Failures, func(i, j int) bool { return ds.Failures[i].Input < ds.Failures[j].Input })
	if err := pl.Aggregate(ctx, ds); err != nil {
		return nil, err
	}
	ds.Views.Totals.Failed = len(ds.Failures)
	out, err := openOut(&cfg, began)
	if err != nil {
		return nil, err
	}
	defer out.close()
	return out.publish(ctx, cfg, ds, exps, began)
}

// foldDocs orders documents by source key and keeps one document per
// doc_id, listing every source of it (sorted), as an unsharded run's
// duplicate merging does.
func foldDocs(docs []*pipeline.Doc) []*pipeline.Doc {
	sort.SliceStable(docs, func(i, j int) bool {
		a, b := docs[i].Document, docs[j].Document
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.DocID < b.DocID
	})
	byID := map[string]*pipeline.Doc{}
	var out []*pipeline.Doc
	for _, d := range docs {
		srcs := d.Document.Sources
		if len(srcs) == 0 {
			srcs = []string{d.Document.Source}
		}
		if first, ok := byID[d.Document.DocID]; ok {
			first.Document.Sources = dedupSorted(append(first.Document.Sources, srcs...))
			continue
		}
		d.Document.Sources = dedupSorted(append([]string(nil), srcs...))
		byID[d.Document.DocID] = d
		out = append(out, d)
	}
	for i, d := range out {
		d.Seq = i
	}
	return out
}

func dedupSorted(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
