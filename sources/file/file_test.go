package file

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
	_ "github.com/briefpack/briefpack/sources/text"
)

func collect(t *testing.T, inputs []string, opts sources.Options) (titles []string, errs []error) {
	t.Helper()
	srcs, rerrs := sources.Resolve(context.Background(), inputs, opts)
	errs = rerrs
	for _, s := range srcs {
		err := s.Articles(context.Background(), func(a pipeline.Article) error {
			titles = append(titles, a.Title)
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
	}
	return titles, errs
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFolderGlobAndErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b.txt"), "B title\n\nBody b.")
	write(t, filepath.Join(dir, "a.txt"), "A title\n\nBody a.")
	write(t, filepath.Join(dir, "sub", "c.txt"), "C title\n\nBody c.")
	write(t, filepath.Join(dir, ".hidden.txt"), "Hidden\n\nBody.")
	write(t, filepath.Join(dir, "a.txt.meta.yaml"), "title: sidecar")
	write(t, filepath.Join(dir, "with space; $(rm -rf).txt"), "Odd name\n\nBody.")
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}

	titles, errs := collect(t, []string{dir}, sources.Options{})
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	want := "A title|B title|C title|Odd name"
	if got := strings.Join(titles, "|"); got != want {
		t.Errorf("folder titles = %s, want %s (sorted, hidden, sidecars and link loops skipped)", got, want)
	}

	titles, errs = collect(t, []string{filepath.Join(dir, "*.txt")}, sources.Options{})
	if len(errs) != 0 || strings.Join(titles, "|") != "A title|B title|Odd name" {
		t.Errorf("glob: %v %v", titles, errs)
	}

	_, errs = collect(t, []string{filepath.Join(dir, "missing.txt"), filepath.Join(dir, "*.none")}, sources.Options{})
	if len(errs) != 2 || !errors.Is(errs[0], sources.ErrNotFound) || !errors.Is(errs[1], sources.ErrNotFound) {
		t.Errorf("missing inputs: %v", errs)
	}
}

func TestSizeCapAndUnreadable(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	write(t, big, strings.Repeat("word ", 100))
	_, errs := collect(t, []string{big}, sources.Options{MaxBytes: 100})
	if len(errs) != 1 || !errors.Is(errs[0], sources.ErrTooLarge) || !strings.Contains(errs[0].Error(), "500 bytes") {
		t.Errorf("size cap: %v", errs)
	}
	if os.Geteuid() == 0 {
		t.Log("running as root: unreadable-file case not testable")
		return
	}
	locked := filepath.Join(dir, "locked.txt")
	write(t, locked, "x\n\ny")
	os.Chmod(locked, 0)
	_, errs = collect(t, []string{locked}, sources.Options{})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "permission denied") {
		t.Errorf("unreadable: %v", errs)
	}
}

func TestStdin(t *testing.T) {
	old := Stdin
	defer func() { Stdin = old }()
	Stdin = strings.NewReader("From stdin\n\nBody text.")
	titles, errs := collect(t, []string{"-"}, sources.Options{})
	if len(errs) != 0 || len(titles) != 1 || titles[0] != "From stdin" {
		t.Errorf("stdin: %v %v", titles, errs)
	}
}
