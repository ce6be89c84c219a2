// Package state is briefpack's memory between runs: an embedded SQLite
// database (modernc.org/sqlite, pure Go) at <out>/state.db. It remembers
//
//   - which inputs were seen, with the hash of their content, so unchanged
//     inputs are skipped by the next run (incremental runs);
//   - the ETag and Last-Modified of fetched URLs (sources.ConditionalStore);
//   - the records of every processed document, as compressed JSON keyed by
//     doc_id with the run that produced them, so a run can build its pack
//     from a window of past documents (--window 7d);
//   - the history of runs (briefpack history).
//
// A run's writes are buffered in a *Run and committed in one transaction
// together with the run's row, so a run that is killed or fails marks
// nothing as seen. The schema is versioned with PRAGMA user_version and
// migrated on Open; the database runs in WAL mode with a busy timeout.
package state

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
)

// FileName is the database's name inside the output folder.
const FileName = "state.db"

// migrations[i] brings the schema from version i to i+1. Never edit a
// released migration; append a new one.
var migrations = []string{
	// 1: inputs, validators, docs, runs.
	`CREATE TABLE inputs (
		source_key   TEXT PRIMARY KEY,
		content_hash TEXT NOT NULL,
		doc_id       TEXT NOT NULL DEFAULT '',
		first_run    TEXT NOT NULL,
		last_run     TEXT NOT NULL,
		last_seen    INTEGER NOT NULL -- unix nanoseconds
	);
	CREATE TABLE validators (
		url           TEXT PRIMARY KEY,
		etag          TEXT NOT NULL DEFAULT '',
		last_modified TEXT NOT NULL DEFAULT '',
		run_id        TEXT NOT NULL
	);
	CREATE TABLE docs (
		doc_id     TEXT PRIMARY KEY,
		source_key TEXT NOT NULL,
		run_id     TEXT NOT NULL,
		run_time   INTEGER NOT NULL, -- unix nanoseconds of the run's start
		data       BLOB NOT NULL     -- gzip-compressed JSON of pipeline.Doc
	);
	CREATE INDEX docs_run_time ON docs(run_time);
	CREATE INDEX docs_source_key ON docs(source_key);
	CREATE TABLE runs (
		seq       INTEGER PRIMARY KEY AUTOINCREMENT,
		run_id    TEXT NOT NULL, -- not unique: a run with nothing new publishes no folder, so its id may be reused
		job       TEXT NOT NULL DEFAULT '',
		started   INTEGER NOT NULL,
		ended     INTEGER NOT NULL,
		dir       TEXT NOT NULL DEFAULT '',
		inputs    INTEGER NOT NULL DEFAULT 0,
		new       INTEGER NOT NULL DEFAULT 0,
		changed   INTEGER NOT NULL DEFAULT 0,
		unchanged INTEGER NOT NULL DEFAULT 0,
		failed    INTEGER NOT NULL DEFAULT 0,
		documents INTEGER NOT NULL DEFAULT 0,
		outputs   TEXT NOT NULL DEFAULT '[]', -- JSON list of files
		status    TEXT NOT NULL,
		error     TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX runs_started ON runs(started);
	CREATE INDEX runs_run_id ON runs(run_id);`,
}

// SchemaVersion is the schema version this build writes.
var SchemaVersion = len(migrations)

// ErrNewerSchema is returned when the database was written by a newer
// briefpack.
var ErrNewerSchema = errors.New("state: database schema is newer than this briefpack")

// Store is an open state database.
type Store struct {
	db   *sql.DB
	path string

	mu     sync.Mutex
	hashes map[string]string // source key -> content hash, loaded on first Check
}

// Open opens (creating if needed) the state database at path and migrates
// it to the current schema.
func Open(ctx context.Context, path string) (*Store, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("state: %s: '?' and '#' are not allowed in the path", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("state: %w", err)
	}
	dsn := path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("state: open %s: %w", path, err)
	}
	// One connection: briefpack is one writer per folder (internal/lock),
	// and a single connection never waits on itself.
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		if !errors.Is(err, ErrNewerSchema) && ctx.Err() == nil {
			err = fmt.Errorf("%w (if the file is damaged, move it away: the next run starts afresh and processes every input)", err)
		}
		return nil, err
	}
	return s, nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Version returns the schema version of the open database.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("state: %s: %w", s.path, err)
	}
	return v, nil
}

func (s *Store) migrate(ctx context.Context) error {
	v, err := s.Version(ctx)
	if err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("%w: %s has version %d, this build knows %d", ErrNewerSchema, s.path, v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1))
			return err
		})
		if err != nil {
			return fmt.Errorf("state: %s: migrate to version %d: %w", s.path, i+1, err)
		}
	}
	return nil
}

func (s *Store) tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// IntegrityCheck runs PRAGMA integrity_check and returns nil when it
// reports "ok".
func (s *Store) IntegrityCheck(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("state: %s: %w", s.path, err)
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return err
		}
		msgs = append(msgs, m)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(msgs) == 1 && msgs[0] == "ok" {
		return nil
	}
	return fmt.Errorf("state: %s: integrity check failed: %s", s.path, strings.Join(msgs, "; "))
}

// Status is what the store knows about an input.
type Status int

// Input statuses.
const (
	New       Status = iota // never seen
	Changed                 // seen with other content
	Unchanged               // seen with the same content
)

func (st Status) String() string {
	return [...]string{"new", "changed", "unchanged"}[st]
}

// ContentHash is the hash the store compares to decide whether an input
// changed: SHA-256 over the article's text and the metadata that shows in
// the pack (title, byline, date, URL).
func ContentHash(a pipeline.Article) string {
	h := sha256.New()
	for _, s := range []string{a.Title, a.Byline, a.URL, a.Site, a.Published.UTC().Format(time.RFC3339Nano), a.Text} {
		io.WriteString(h, s)
		h.Write([]byte{0})
	}
	for _, b := range a.Blocks {
		io.WriteString(h, b.Kind)
		h.Write([]byte{1})
		io.WriteString(h, b.Text)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Check says whether the input with this source key and content hash is
// new, changed or unchanged since the last successful run. The first call
// loads every known input into memory (one query), so per-article checks
// are cheap.
func (s *Store) Check(ctx context.Context, sourceKey, contentHash string) (Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hashes == nil {
		m := map[string]string{}
		rows, err := s.db.QueryContext(ctx, "SELECT source_key, content_hash FROM inputs")
		if err != nil {
			return New, fmt.Errorf("state: %s: %w", s.path, err)
		}
		for rows.Next() {
			var k, h string
			if err := rows.Scan(&k, &h); err != nil {
				rows.Close()
				return New, fmt.Errorf("state: %s: %w", s.path, err)
			}
			m[k] = h
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return New, fmt.Errorf("state: %s: %w", s.path, err)
		}
		s.hashes = m
	}
	h, ok := s.hashes[sourceKey]
	switch {
	case !ok:
		return New, nil
	case h == contentHash:
		return Unchanged, nil
	}
	return Changed, nil
}

// Seen reports whether the input is unchanged since the last successful
// run. On a database error it reports false, so the input is processed
// again rather than silently dropped.
func (s *Store) Seen(sourceKey, contentHash string) (unchanged bool) {
	st, err := s.Check(context.Background(), sourceKey, contentHash)
	return err == nil && st == Unchanged
}

// Summary is how a run ended, for its row in the history.
type Summary struct {
	Job       string
	Ended     time.Time
	Dir       string // the published run folder
	Inputs    int    // articles seen (processed, skipped or failed)
	New       int
	Changed   int
	Unchanged int
	Failed    int
	Documents int      // documents in the pack
	Outputs   []string // files written, relative to Dir
	Status    string   // "ok", "partial" (some inputs failed), "failed", "cancelled"
	Error     string
}

// Run statuses.
const (
	StatusOK        = "ok"
	StatusPartial   = "partial"
	StatusFailed    = "failed"
	StatusCancelled = "cancelled"
)

// Run buffers one run's writes until Commit. It is safe for concurrent use
// by the pipeline's workers.
type Run struct {
	s       *Store
	id      string
	started time.Time

	mu         sync.Mutex
	inputs     map[string]seenInput
	docs       map[string]docBlob
	validators map[string][2]string
	done       bool
}

type seenInput struct{ hash, docID string }

type docBlob struct {
	sourceKey string
	data      []byte
}

// Begin starts buffering a run. started is the run's clock (it orders the
// history and the window).
func (s *Store) Begin(id string, started time.Time) *Run {
	return &Run{s: s, id: id, started: started, inputs: map[string]seenInput{}, docs: map[string]docBlob{}, validators: map[string][2]string{}}
}

// ID is the run's id.
func (r *Run) ID() string { return r.id }

// MarkSeen records that the input was processed successfully with this
// content hash, giving document docID. Only committed runs make it count.
func (r *Run) MarkSeen(sourceKey, contentHash, docID string) {
	r.mu.Lock()
	r.inputs[sourceKey] = seenInput{contentHash, docID}
	r.mu.Unlock()
}

// AddDoc stores a processed document's records for later windows. The
// article's raw text is dropped (Document.Text holds the normalized text
// the records point into).
func (r *Run) AddDoc(d *pipeline.Doc) error {
	cp := *d
	cp.Article.Text, cp.Article.Blocks = "", nil
	var buf bytes.Buffer
	zw := gzipPool.Get().(*gzip.Writer)
	defer gzipPool.Put(zw)
	zw.Reset(&buf)
	bw := bufio.NewWriterSize(zw, 64<<10)
	if err := encodeStream(bw, &cp); err != nil {
		return fmt.Errorf("state: encode %s: %w", d.Document.Source, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("state: compress %s: %w", d.Document.Source, err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("state: compress %s: %w", d.Document.Source, err)
	}
	key := d.Document.Source
	if key == "" {
		key = d.Article.Source
	}
	r.mu.Lock()
	r.docs[d.Document.DocID] = docBlob{key, buf.Bytes()}
	r.mu.Unlock()
	return nil
}

// gzipPool reuses compressors: a new flate writer allocates about 1 MB of
// state, which cost more than compressing a typical article.
var gzipPool = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
	return zw
}}

// Validators returns the ETag and Last-Modified remembered for url (this
// run's first, then committed ones). Part of sources.ConditionalStore.
func (r *Run) Validators(url string) (etag, lastModified string) {
	r.mu.Lock()
	v, ok := r.validators[url]
	r.mu.Unlock()
	if ok {
		return v[0], v[1]
	}
	err := r.s.db.QueryRow("SELECT etag, last_modified FROM validators WHERE url = ?", url).Scan(&etag, &lastModified)
	if err != nil {
		return "", ""
	}
	return etag, lastModified
}

// Remember records the validators of a fetched URL; they are committed
// with the run. Part of sources.ConditionalStore.
func (r *Run) Remember(url, etag, lastModified string) {
	r.mu.Lock()
	r.validators[url] = [2]string{etag, lastModified}
	r.mu.Unlock()
}

// Commit writes everything the run buffered and its history row in one
// transaction. A changed input's older documents are dropped from the
// window store, so a window holds the latest version of each article.
func (r *Run) Commit(ctx context.Context, sum Summary) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.done {
		return fmt.Errorf("state: run %s already ended", r.id)
	}
	err := r.s.tx(ctx, func(tx *sql.Tx) error {
		start := r.started.UnixNano()
		for _, key := range sortedKeys(r.inputs) {
			in := r.inputs[key]
			if _, err := tx.ExecContext(ctx, `INSERT INTO inputs(source_key, content_hash, doc_id, first_run, last_run, last_seen)
				VALUES(?, ?, ?, ?, ?, ?)
				ON CONFLICT(source_key) DO UPDATE SET content_hash=excluded.content_hash, doc_id=excluded.doc_id,
					last_run=excluded.last_run, last_seen=excluded.last_seen`,
				key, in.hash, in.docID, r.id, r.id, start); err != nil {
				return fmt.Errorf("input %s: %w", key, err)
			}
			if in.docID != "" {
				if _, err := tx.ExecContext(ctx, "DELETE FROM docs WHERE source_key = ? AND doc_id <> ?", key, in.docID); err != nil {
					return err
				}
			}
		}
		for _, id := range sortedKeys(r.docs) {
			d := r.docs[id]
			if _, err := tx.ExecContext(ctx, `INSERT INTO docs(doc_id, source_key, run_id, run_time, data) VALUES(?, ?, ?, ?, ?)
				ON CONFLICT(doc_id) DO UPDATE SET source_key=excluded.source_key, run_id=excluded.run_id,
					run_time=excluded.run_time, data=excluded.data`,
				id, d.sourceKey, r.id, start, d.data); err != nil {
				return fmt.Errorf("doc %s: %w", id, err)
			}
		}
		for _, url := range sortedKeys(r.validators) {
			v := r.validators[url]
			if _, err := tx.ExecContext(ctx, `INSERT INTO validators(url, etag, last_modified, run_id) VALUES(?, ?, ?, ?)
				ON CONFLICT(url) DO UPDATE SET etag=excluded.etag, last_modified=excluded.last_modified, run_id=excluded.run_id`,
				url, v[0], v[1], r.id); err != nil {
				return fmt.Errorf("validators %s: %w", url, err)
			}
		}
		return insertRun(ctx, tx, r.id, r.started, sum)
	})
	if err != nil {
		return fmt.Errorf("state: %s: commit run %s: %w", r.s.path, r.id, err)
	}
	r.done = true
	r.s.mu.Lock()
	if r.s.hashes != nil {
		for k, in := range r.inputs {
			r.s.hashes[k] = in.hash
		}
	}
	r.s.mu.Unlock()
	return nil
}

// Fail records a run that did not publish (failed or cancelled) in the
// history, and nothing else: its inputs stay unseen.
func (r *Run) Fail(ctx context.Context, sum Summary) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.done {
		return fmt.Errorf("state: run %s already ended", r.id)
	}
	if sum.Status == "" || sum.Status == StatusOK || sum.Status == StatusPartial {
		sum.Status = StatusFailed
	}
	err := r.s.tx(ctx, func(tx *sql.Tx) error { return insertRun(ctx, tx, r.id, r.started, sum) })
	if err != nil {
		return fmt.Errorf("state: %s: record run %s: %w", r.s.path, r.id, err)
	}
	r.done = true
	return nil
}

func insertRun(ctx context.Context, tx *sql.Tx, id string, started time.Time, sum Summary) error {
	outputs := sum.Outputs
	if outputs == nil {
		outputs = []string{}
	}
	out, err := json.Marshal(outputs)
	if err != nil {
		return err
	}
	if sum.Status == "" {
		sum.Status = StatusOK
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO runs(run_id, job, started, ended, dir, inputs, new, changed, unchanged, failed, documents, outputs, status, error)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, sum.Job, started.UnixNano(), sum.Ended.UnixNano(), sum.Dir, sum.Inputs, sum.New, sum.Changed, sum.Unchanged,
		sum.Failed, sum.Documents, string(out), sum.Status, sum.Error)
	if err != nil {
		return fmt.Errorf("run row: %w", err)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// DocsSince returns the stored documents of runs that started at or after
// since, oldest run first (then by doc_id). Seq is left as stored; use
// Window to combine them with a run's own documents.
func (s *Store) DocsSince(ctx context.Context, since time.Time) ([]*pipeline.Doc, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT doc_id, data FROM docs WHERE run_time >= ? ORDER BY run_time, doc_id", since.UnixNano())
	if err != nil {
		return nil, fmt.Errorf("state: %s: %w", s.path, err)
	}
	defer rows.Close()
	var docs []*pipeline.Doc
	for rows.Next() {
		var id string
		var data []byte
		if err := rows.Scan(&id, &data); err != nil {
			return nil, fmt.Errorf("state: %s: %w", s.path, err)
		}
		d, err := decodeDoc(data)
		if err != nil {
			return nil, fmt.Errorf("state: %s: doc %s: %w", s.path, id, err)
		}
		docs = append(docs, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("state: %s: %w", s.path, err)
	}
	return docs, nil
}

func decodeDoc(data []byte) (*pipeline.Doc, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	var d pipeline.Doc
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, err
	}
	return &d, nil
}

// Window combines a run's own documents with stored past ones: the run's
// documents first in their order, then past documents that the run did
// not produce again (by doc_id), oldest first. Seq is renumbered.
func Window(current, past []*pipeline.Doc) []*pipeline.Doc {
	have := make(map[string]bool, len(current))
	out := make([]*pipeline.Doc, 0, len(current)+len(past))
	for _, d := range current {
		have[d.Document.DocID] = true
		out = append(out, d)
	}
	for _, d := range past {
		if !have[d.Document.DocID] {
			have[d.Document.DocID] = true
			out = append(out, d)
		}
	}
	for i, d := range out {
		d.Seq = i
	}
	return out
}

// Run remembers URL validators for the sources.
var _ sources.ConditionalStore = (*Run)(nil)

// encodeStream writes the JSON encoding of the struct *v, as json.Marshal
// would, but one slice element at a time, so a document with a 10 MB text
// and 400 000 mentions never needs its whole encoding in memory at once.
func encodeStream(w io.Writer, v any) error {
	rv := reflect.ValueOf(v).Elem()
	rt := rv.Type()
	put := func(b []byte) error { _, err := w.Write(b); return err }
	if err := put([]byte{'{'}); err != nil {
		return err
	}
	first := true
	for i := range rt.NumField() {
		f := rt.Field(i)
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" && opts == "" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fv := rv.Field(i)
		if strings.Contains(opts, "omitempty") && fv.IsZero() {
			continue
		}
		key, err := json.Marshal(name)
		if err != nil {
			return err
		}
		if !first {
			key = append([]byte{','}, key...)
		}
		first = false
		if err := put(append(key, ':')); err != nil {
			return err
		}
		if fv.Kind() != reflect.Slice || fv.IsNil() || fv.Type().Elem().Kind() == reflect.Uint8 {
			b, err := json.Marshal(fv.Interface())
			if err != nil {
				return err
			}
			if err := put(b); err != nil {
				return err
			}
			continue
		}
		if err := put([]byte{'['}); err != nil {
			return err
		}
		for j := range fv.Len() {
			b, err := json.Marshal(fv.Index(j).Interface())
			if err != nil {
				return err
			}
			if j > 0 {
				b = append([]byte{','}, b...)
			}
			if err := put(b); err != nil {
				return err
			}
		}
		if err := put([]byte{']'}); err != nil {
			return err
		}
	}
	return put([]byte{'}'})
}
