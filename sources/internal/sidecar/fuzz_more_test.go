package sidecar

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoad writes arbitrary bytes as a YAML or JSON sidecar: Load never
// panics, an error names the sidecar, and a loaded date is within range.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"title: T\npublished: 2024-08-09\nurl: https://example.org/a\n",
		"{\"title\":\"T\",\"published\":\"2024-08-09T10:00:00Z\"}",
		"title: [unclosed\n",
		"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntitle: *c\n",
		"published: not a date\n",
		"\xff\xfe",
	} {
		f.Add([]byte(s), strings.HasPrefix(s, "{"))
	}
	f.Fuzz(func(t *testing.T, data []byte, asJSON bool) {
		dir := t.TempDir()
		in := filepath.Join(dir, "a.txt")
		suf := ".meta.yaml"
		if asJSON {
			suf = ".meta.json"
		}
		if err := os.WriteFile(in+suf, data, 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := Load(in)
		if err != nil {
			if !strings.Contains(err.Error(), "sidecar:") {
				t.Fatalf("error %q does not say sidecar", err)
			}
			return
		}
		if m == nil {
			t.Fatal("existing sidecar not loaded")
		}
		if !m.PublishedTime.IsZero() && (m.PublishedTime.Year() < 1900 || m.PublishedTime.Year() > 2200) {
			t.Fatalf("published %v out of range", m.PublishedTime)
		}
	})
}
