// Package file is the locator for local inputs: a file, a folder (walked
// recursively in name order; hidden entries and metadata sidecars skipped,
// symbolic links to folders not followed, so a link loop cannot trap the
// walk), a glob pattern, or "-" for standard input. Each file is one input,
// read with the size cap and handed to sources.Parse.
package file

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
)

// Stdin is read for the input "-". Tests may replace it.
var Stdin io.Reader = os.Stdin

func init() {
	sources.RegisterLocator("file", 0, locate)
}

func locate(ctx context.Context, input string, opts sources.Options) ([]sources.Source, []error, bool) {
	if input == "-" {
		return []sources.Source{&stdinSource{opts: opts}}, nil, true
	}
	fi, err := os.Stat(input)
	switch {
	case err == nil && fi.IsDir():
		srcs, errs := walk(ctx, input, opts)
		if len(srcs) == 0 && len(errs) == 0 {
			errs = append(errs, &sources.Error{Input: input, Err: fmt.Errorf("folder holds no files")})
		}
		return srcs, errs, true
	case err == nil:
		return []sources.Source{&fileSource{path: input, opts: opts}}, nil, true
	case strings.ContainsAny(input, "*?["):
		matches, gerr := filepath.Glob(input)
		if gerr != nil {
			return nil, []error{&sources.Error{Input: input, Err: fmt.Errorf("bad glob pattern: %w", gerr)}}, true
		}
		if len(matches) == 0 {
			return nil, []error{&sources.Error{Input: input, Err: fmt.Errorf("%w: the pattern matches no file", sources.ErrNotFound)}}, true
		}
		var srcs []sources.Source
		var errs []error
		for _, m := range matches {
			if Skip(m) && !strings.HasPrefix(filepath.Base(input), ".") {
				continue // like a shell, "*" does not match hidden files
			}
			s, e, _ := locate(ctx, m, opts)
			srcs, errs = append(srcs, s...), append(errs, e...)
		}
		return srcs, errs, true
	case os.IsNotExist(err):
		return nil, []error{&sources.Error{Input: input, Err: sources.ErrNotFound}}, true
	default:
		return nil, []error{&sources.Error{Input: input, Err: err}}, true
	}
}

// Skip reports whether a folder walk passes over a file by its name:
// hidden files and the metadata sidecars of other inputs.
func Skip(name string) bool {
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") {
		return true
	}
	lower := strings.ToLower(base)
	for _, suf := range []string{".meta.yaml", ".meta.yml", ".meta.json"} {
		if strings.HasSuffix(lower, suf) {
			return true
		}
	}
	return false
}

func walk(ctx context.Context, root string, opts sources.Options) ([]sources.Source, []error) {
	var srcs []sources.Source
	var errs []error
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			errs = append(errs, &sources.Error{Input: path, Err: err})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || Skip(path) {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			fi, serr := os.Stat(path)
			if serr != nil {
				errs = append(errs, &sources.Error{Input: path, Err: fmt.Errorf("broken or looping symbolic link: %w", serr)})
				return nil
			}
			if fi.IsDir() {
				return nil // links to folders are not followed
			}
		} else if !d.Type().IsRegular() {
			errs = append(errs, &sources.Error{Input: path, Err: fmt.Errorf("%w: not a regular file", sources.ErrUnsupported)})
			return nil
		}
		srcs = append(srcs, &fileSource{path: path, opts: opts})
		return nil
	})
	if err != nil {
		errs = append(errs, &sources.Error{Input: root, Err: err})
	}
	sort.SliceStable(srcs, func(i, j int) bool { return srcs[i].Input() < srcs[j].Input() })
	return srcs, errs
}

type fileSource struct {
	path string
	opts sources.Options
}

func (s *fileSource) Input() string { return s.path }

func (s *fileSource) Articles(ctx context.Context, yield func(pipeline.Article) error) error {
	// O_NONBLOCK: opening a named pipe with no writer must not block (it
	// reads as empty), and reads of a pipe or device go through the poller
	// so that cancelling the run, or the time limit, stops them. It changes
	// nothing for regular files.
	f, err := os.OpenFile(s.path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return &sources.Error{Input: s.path, Err: unwrapPath(err)}
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
		if s.opts.Timeout > 0 {
			f.SetReadDeadline(time.Now().Add(s.opts.Timeout))
		}
		stop := context.AfterFunc(ctx, func() { f.SetReadDeadline(time.Unix(1, 0)) })
		defer stop()
	}
	max := s.opts.MaxBytes
	if max <= 0 {
		max = sources.DefaultMaxBytes
	}
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > max {
		return &sources.Error{Input: s.path, Err: fmt.Errorf("%w: %d bytes (the cap is %d; raise it with --max-bytes)", sources.ErrTooLarge, fi.Size(), max)}
	}
	data, err := ReadCapped(f, max)
	if err != nil {
		if errors.Is(err, os.ErrDeadlineExceeded) && ctx.Err() == nil {
			err = fmt.Errorf("no complete input within %s (raise it with --timeout)", s.opts.Timeout)
		}
		return &sources.Error{Input: s.path, Err: err}
	}
	return sources.Parse(ctx, &sources.Input{Name: s.path, Kind: "file", Data: data}, s.opts, yield)
}

type stdinSource struct{ opts sources.Options }

func (s *stdinSource) Input() string { return "stdin" }

func (s *stdinSource) Articles(ctx context.Context, yield func(pipeline.Article) error) error {
	max := s.opts.MaxBytes
	if max <= 0 {
		max = sources.DefaultMaxBytes
	}
	data, err := ReadCapped(Stdin, max)
	if err != nil {
		return &sources.Error{Input: "stdin", Err: err}
	}
	return sources.Parse(ctx, &sources.Input{Name: "stdin", Kind: "stdin", Data: data}, s.opts, yield)
}

// ReadCapped reads all of r, failing with sources.ErrTooLarge past max bytes.
func ReadCapped(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, unwrapPath(err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes (raise the cap with --max-bytes)", sources.ErrTooLarge, max)
	}
	return data, nil
}

// unwrapPath drops the *PathError wrapper, whose path the caller already
// names, keeping the reason ("permission denied").
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
