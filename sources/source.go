// Package sources turns inputs (files, folders, globs, stdin, URLs, feeds)
// into pipeline.Articles. Two registries keep it open for extension:
//
//   - locators resolve an input string to Sources: "file" (paths, folders,
//     globs), "stdin" ("-"), and, when the url package is linked in, "http"
//     and "https";
//   - formats parse the bytes of one input: text, markdown, and, when their
//     packages are linked in, html and feed. A format is chosen by content
//     sniffing, not by file extension (the extension is only a hint between
//     formats that look alike, such as Markdown and plain text).
//
// Sources never do NLP; they only decode, extract the main text and collect
// metadata.
package sources

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/briefpack/briefpack/pipeline"
)

// Source yields the articles of one input.
type Source interface {
	// Input names the input for messages and the manifest.
	Input() string
	// Articles streams the articles; it stops at ctx.Done() or when yield
	// returns an error.
	Articles(ctx context.Context, yield func(pipeline.Article) error) error
}

// Options configure every source. Zero values are sensible defaults.
type Options struct {
	MaxBytes     int64 // size cap per input; 0 means DefaultMaxBytes
	FollowLinks  bool  // feeds: fetch an item's page when the item is only a teaser
	AllowPrivate bool  // URLs: allow private, loopback and link-local addresses
	Timeout      time.Duration
	UserAgent    string
	HTTPClient   *http.Client // for tests; nil means the url package's hardened client
	Logger       *slog.Logger
	// Conditional, when set, is consulted before fetching a URL (ETag and
	// Last-Modified from an earlier run) and told what was fetched.
	Conditional ConditionalStore
}

// ConditionalStore remembers validators of fetched URLs between runs.
type ConditionalStore interface {
	Validators(url string) (etag, lastModified string)
	Remember(url, etag, lastModified string)
}

// DefaultMaxBytes is the default size cap per input (20 MB).
const DefaultMaxBytes = 20 << 20

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Error is a failure to read one input, with the position when known.
type Error struct {
	Input string
	Line  int // 0 when unknown
	Err   error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Input, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Input, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Sentinel errors; wrap them with details.
var (
	ErrUnsupported = errors.New("unsupported format")
	ErrNoText      = errors.New("no article text found")
	ErrTooLarge    = errors.New("input too large")
	ErrEmpty       = errors.New("empty input")
	ErrNotFound    = errors.New("no such input")
)

// Locator resolves one input string to sources. ok is false when the
// locator does not handle this input.
type Locator func(ctx context.Context, input string, opts Options) (srcs []Source, errs []error, ok bool)

var (
	mu       sync.RWMutex
	locators = map[string]locatorEntry{}
	formats  []Format
)

type locatorEntry struct {
	prio int
	loc  Locator
}

// RegisterLocator adds a locator. Locators are tried by descending prio;
// the file locator has the lowest prio and takes everything.
func RegisterLocator(name string, prio int, l Locator) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := locators[name]; dup {
		panic("sources: RegisterLocator called twice for " + name)
	}
	locators[name] = locatorEntry{prio, l}
}

// Resolve turns the command-line inputs into sources, in the given order.
// Inputs that cannot be resolved (no such file, bad URL) come back as
// errors naming the input; the rest still resolve.
func Resolve(ctx context.Context, inputs []string, opts Options) ([]Source, []error) {
	mu.RLock()
	ls := make([]locatorEntry, 0, len(locators))
	names := make([]string, 0, len(locators))
	for n := range locators {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		ls = append(ls, locators[n])
	}
	mu.RUnlock()
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].prio > ls[j].prio })

	var srcs []Source
	var errs []error
	for _, in := range inputs {
		handled := false
		for _, l := range ls {
			s, e, ok := l.loc(ctx, in, opts)
			if ok {
				srcs = append(srcs, s...)
				errs = append(errs, e...)
				handled = true
				break
			}
		}
		if !handled {
			errs = append(errs, &Error{Input: in, Err: ErrNotFound})
		}
	}
	return srcs, errs
}

// Input is the raw content of one input, handed to a format.
type Input struct {
	Name        string // path or URL, for messages and Article.Source
	Kind        string // how it was read: file, stdin, url
	Data        []byte // raw bytes, not yet decoded
	ContentType string // from HTTP headers, when known
	URL         string // final URL after redirects, when read from the web
}

// Format parses one input's bytes into articles.
type Format struct {
	Name string
	// Prio orders sniffing: higher first. Text is the fallback at 0.
	Prio int
	// Sniff reports whether in looks like this format. It sees the whole
	// input but should only look at the start.
	Sniff func(in *Input) bool
	Parse func(ctx context.Context, in *Input, opts Options, yield func(pipeline.Article) error) error
}

// RegisterFormat adds a format.
func RegisterFormat(f Format) {
	mu.Lock()
	defer mu.Unlock()
	for _, g := range formats {
		if g.Name == f.Name {
			panic("sources: RegisterFormat called twice for " + f.Name)
		}
	}
	formats = append(formats, f)
	sort.SliceStable(formats, func(i, j int) bool { return formats[i].Prio > formats[j].Prio })
}

// FormatNames lists the registered formats.
func FormatNames() []string {
	mu.RLock()
	defer mu.RUnlock()
	var out []string
	for _, f := range formats {
		out = append(out, f.Name)
	}
	sort.Strings(out)
	return out
}

// Parse sniffs in and hands it to the matching format. Binary content gets
// ErrUnsupported naming the detected type.
func Parse(ctx context.Context, in *Input, opts Options, yield func(pipeline.Article) error) error {
	if len(in.Data) == 0 {
		return &Error{Input: in.Name, Err: ErrEmpty}
	}
	if t := DetectBinary(in.Data); t != "" {
		return &Error{Input: in.Name, Err: fmt.Errorf("%w: %s", ErrUnsupported, t)}
	}
	mu.RLock()
	fs := append([]Format(nil), formats...)
	mu.RUnlock()
	for _, f := range fs {
		if f.Sniff(in) {
			err := f.Parse(ctx, in, opts, yield)
			if err != nil {
				var se *Error
				if !errors.As(err, &se) && !errors.Is(err, context.Canceled) {
					err = &Error{Input: in.Name, Err: err}
				}
			}
			return err
		}
	}
	if json.Valid(in.Data) {
		return &Error{Input: in.Name, Err: fmt.Errorf("%w: JSON data, not a JSON Feed", ErrUnsupported)}
	}
	return &Error{Input: in.Name, Err: fmt.Errorf("%w: no format recognises it (known: %s)", ErrUnsupported, strings.Join(FormatNames(), ", "))}
}
