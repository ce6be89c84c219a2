package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sort"
	"sync"
	"time"
	"unicode/utf8"
)

// Stage processes one document. Stages run in order; each reads what the
// previous ones filled in. A stage must not keep state between documents
// that depends on document order (documents run concurrently).
type Stage interface {
	Name() string
	Process(ctx context.Context, d *Doc) error
}

// Aggregator computes run-level views once every document is processed.
type Aggregator interface {
	Name() string
	Aggregate(ctx context.Context, ds *Dataset) error
}

// StageFunc adapts a function to a Stage.
type StageFunc struct {
	StageName string
	Fn        func(ctx context.Context, d *Doc) error
}

func (s StageFunc) Name() string                              { return s.StageName }
func (s StageFunc) Process(ctx context.Context, d *Doc) error { return s.Fn(ctx, d) }

// Runner runs the stages over articles with a bounded worker pool, then the
// aggregators over the whole dataset.
type Runner struct {
	Stages      []Stage
	Aggregators []Aggregator
	Workers     int // <= 0 means GOMAXPROCS
	// Timeout bounds the processing of one article (0: no limit). Stages
	// check the context between units of work, so a pathological input
	// fails with "deadline exceeded" instead of hanging the batch.
	Timeout time.Duration
	Logger  *slog.Logger
	// OnDoc, when set, is called after each article is processed (or failed);
	// used for progress reporting. It may be called from several goroutines.
	OnDoc func()
}

// Item is an article with its position in the input order.
type Item struct {
	Seq     int
	Article Article
}

// StageError is a failure of one stage on one input.
type StageError struct {
	Input string
	Stage string
	Err   error
}

func (e *StageError) Error() string {
	return fmt.Sprintf("%s: %s: %v", e.Input, e.Stage, e.Err)
}
func (e *StageError) Unwrap() error { return e.Err }

// Process runs every stage on one article and converts offsets to code
// points. It recovers from a panic in a stage and reports it as an error,
// so one bad article cannot bring down a batch.
func (r *Runner) Process(ctx context.Context, seq int, a Article) (d *Doc, err error) {
	d = &Doc{Seq: seq, Article: a}
	stage := ""
	if r.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, r.Timeout)
		defer cancel()
	}
	defer func() {
		if p := recover(); p != nil {
			err = &StageError{Input: a.Source, Stage: stage, Err: fmt.Errorf("internal error: %v", p)}
			d = nil
		}
	}()
	for _, s := range r.Stages {
		if err := ctx.Err(); err != nil {
			if errors.Is(err, context.DeadlineExceeded) {
				return nil, &StageError{Input: a.Source, Stage: stage, Err: fmt.Errorf("took longer than %s; stopped", r.Timeout)}
			}
			return nil, err
		}
		stage = s.Name()
		if err := s.Process(ctx, d); err != nil {
			if errors.Is(err, context.DeadlineExceeded) {
				err = fmt.Errorf("took longer than %s; stopped", r.Timeout)
			}
			return nil, &StageError{Input: a.Source, Stage: stage, Err: err}
		}
	}
	toCodePoints(d)
	return d, nil
}

// Run processes the articles from in until it is closed, then aggregates.
// Failures of single articles are recorded in the dataset; the error is
// non-nil only when ctx is cancelled or an aggregator fails.
func (r *Runner) Run(ctx context.Context, in <-chan Item) (*Dataset, error) {
	workers := r.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	log := r.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	var (
		mu       sync.Mutex
		docs     []*Doc
		failures []Failure
		wg       sync.WaitGroup
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range in {
				if ctx.Err() != nil {
					continue // drain so the producer never blocks
				}
				d, err := r.Process(ctx, it.Seq, it.Article)
				mu.Lock()
				if err != nil && ctx.Err() == nil {
					f := Failure{Input: it.Article.Source, Err: err.Error()}
					var se *StageError
					if errors.As(err, &se) {
						f.Stage, f.Err = se.Stage, se.Err.Error()
					}
					failures = append(failures, f)
					log.Debug("article failed", "input", f.Input, "stage", f.Stage, "err", f.Err)
				} else if d != nil {
					docs = append(docs, d)
				}
				mu.Unlock()
				if r.OnDoc != nil {
					r.OnDoc()
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ds := &Dataset{Docs: MergeDuplicates(docs), Failures: failures}
	sort.Slice(ds.Failures, func(i, j int) bool { return ds.Failures[i].Input < ds.Failures[j].Input })
	if err := r.Aggregate(ctx, ds); err != nil {
		return nil, err
	}
	return ds, nil
}

// Aggregate runs the aggregators over a dataset.
func (r *Runner) Aggregate(ctx context.Context, ds *Dataset) error {
	for _, a := range r.Aggregators {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := a.Aggregate(ctx, ds); err != nil {
			return fmt.Errorf("aggregate %s: %w", a.Name(), err)
		}
	}
	return nil
}

// MergeDuplicates sorts documents by input order and folds documents with
// the same normalized text (same DocID) into the first one, which then
// lists every source.
func MergeDuplicates(docs []*Doc) []*Doc {
	sort.Slice(docs, func(i, j int) bool { return docs[i].Seq < docs[j].Seq })
	seen := make(map[string]*Doc, len(docs))
	out := docs[:0]
	for _, d := range docs {
		if first, ok := seen[d.Document.DocID]; ok {
			first.Document.Sources = append(first.Document.Sources, d.Document.Source)
			continue
		}
		if len(d.Document.Sources) == 0 {
			d.Document.Sources = []string{d.Document.Source}
		}
		seen[d.Document.DocID] = d
		out = append(out, d)
	}
	return out
}

// toCodePoints converts every byte offset of a document's records into a
// code point offset in Document.Text.
func toCodePoints(d *Doc) {
	text := d.Document.Text
	if len(text) == 0 || utf8.RuneCountInString(text) == len(text) {
		return // ASCII: byte and code point offsets agree
	}
	idx := make([]int32, len(text)+1)
	n := int32(0)
	for i := range text {
		for j := i; j < len(text) && (j == i || !utf8.RuneStart(text[j])); j++ {
			idx[j] = n
		}
		n++
	}
	idx[len(text)] = n
	conv := func(p *int) {
		if *p >= 0 && *p <= len(text) {
			*p = int(idx[*p])
		}
	}
	for i := range d.Paragraphs {
		conv(&d.Paragraphs[i].Start)
		conv(&d.Paragraphs[i].End)
	}
	for i := range d.Sentences {
		conv(&d.Sentences[i].Start)
		conv(&d.Sentences[i].End)
	}
	for i := range d.Mentions {
		conv(&d.Mentions[i].Start)
		conv(&d.Mentions[i].End)
	}
	for i := range d.Events {
		conv(&d.Events[i].Start)
		conv(&d.Events[i].End)
	}
	for i := range d.Quantities {
		conv(&d.Quantities[i].Start)
		conv(&d.Quantities[i].End)
	}
}
