// Package sidecar reads the metadata file a user may put next to an input
// to override what the page itself says: "<file>.meta.yaml" (or ".meta.yml",
// ".meta.json"), e.g. "article.html.meta.yaml" for "article.html".
//
// Fields (all optional):
//
//	title: "Japan and Central Asia"
//	byline: "Jane Doe"            # or author:
//	site: "The Diplomat"
//	published: 2024-08-09         # date, or RFC 3339 date-time
//	language: en                  # BCP 47
//	description: "..."
//	url: https://example.com/a    # canonical URL
//
// A sidecar value always wins over the page's own metadata.
package sidecar

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/briefpack/briefpack/sources/internal/pubdate"
	"gopkg.in/yaml.v3"
)

// Suffixes are the sidecar suffixes tried, in order.
var Suffixes = []string{".meta.yaml", ".meta.yml", ".meta.json"}

// Meta is the content of a sidecar file.
type Meta struct {
	Title       string `yaml:"title" json:"title"`
	Byline      string `yaml:"byline" json:"byline"`
	Author      string `yaml:"author" json:"author"`
	Site        string `yaml:"site" json:"site"`
	Published   string `yaml:"published" json:"published"`
	Language    string `yaml:"language" json:"language"`
	Description string `yaml:"description" json:"description"`
	URL         string `yaml:"url" json:"url"`

	// PublishedTime is Published parsed (zero when absent) and
	// PublishedPrecision its precision.
	PublishedTime      time.Time `yaml:"-" json:"-"`
	PublishedPrecision string    `yaml:"-" json:"-"`
	// Path is the file that was read.
	Path string `yaml:"-" json:"-"`
}

// IsSidecar reports whether path names a sidecar file (so a folder walk can
// skip it).
func IsSidecar(path string) bool {
	for _, s := range Suffixes {
		if strings.HasSuffix(strings.ToLower(path), s) {
			return true
		}
	}
	return false
}

// Load reads the sidecar of the input at path. It returns nil, nil when
// there is none.
func Load(path string) (*Meta, error) {
	if path == "" || path == "-" {
		return nil, nil
	}
	for _, suf := range Suffixes {
		p := path + suf
		b, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("sidecar: %w", err)
		}
		var m Meta
		if suf == ".meta.json" {
			err = json.Unmarshal(b, &m)
		} else {
			err = yaml.Unmarshal(b, &m)
		}
		if err != nil {
			return nil, fmt.Errorf("sidecar: %s: %w", p, err)
		}
		m.Path = p
		if m.Byline == "" {
			m.Byline = m.Author
		}
		if m.Published != "" {
			t, prec, ok := pubdate.Parse(m.Published)
			if !ok {
				return nil, fmt.Errorf("sidecar: %s: published %q is not a date", p, m.Published)
			}
			m.PublishedTime, m.PublishedPrecision = t, prec
		}
		return &m, nil
	}
	return nil, nil
}
