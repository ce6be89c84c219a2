// Package markdown is the Markdown format: YAML front matter fills the
// article's metadata, and the body's headings, lists, block quotes and
// paragraphs become blocks with inline markup removed. Parsing uses
// goldmark (CommonMark).
package markdown

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gmtext "github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
	"github.com/briefpack/briefpack/sources/decode"
)

func init() {
	sources.RegisterFormat(sources.Format{Name: "markdown", Prio: 10, Sniff: sniff, Parse: parse})
}

// sniff: front matter, or a .md/.markdown name with Markdown-looking text.
func sniff(in *sources.Input) bool {
	d := bytes.TrimPrefix(in.Data, []byte{0xef, 0xbb, 0xbf})
	if bytes.HasPrefix(d, []byte("---\n")) || bytes.HasPrefix(d, []byte("---\r\n")) {
		return true
	}
	switch strings.ToLower(filepath.Ext(in.Name)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return !bytes.HasPrefix(bytes.TrimSpace(d), []byte("<"))
	}
	return false
}

// Meta is the front matter briefpack reads. Unknown keys are ignored.
type Meta struct {
	Title       string   `yaml:"title"`
	Author      string   `yaml:"author"`
	Byline      string   `yaml:"byline"`
	Authors     []string `yaml:"authors"`
	Date        string   `yaml:"date"`
	Published   string   `yaml:"published"`
	URL         string   `yaml:"url"`
	Link        string   `yaml:"link"`
	Source      string   `yaml:"source"`
	Site        string   `yaml:"site"`
	Language    string   `yaml:"language"`
	Lang        string   `yaml:"lang"`
	Description string   `yaml:"description"`
}

func parse(ctx context.Context, in *sources.Input, opts sources.Options, yield func(pipeline.Article) error) error {
	s, _ := decode.Text(in.Data)
	fm, body, line, err := splitFrontMatter(s)
	if err != nil {
		return &sources.Error{Input: in.Name, Line: line, Err: err}
	}
	a := pipeline.Article{Source: in.Name, SourceKind: "markdown", URL: in.URL}
	if fm != "" {
		var m Meta
		if err := yaml.Unmarshal([]byte(fm), &m); err != nil {
			return &sources.Error{Input: in.Name, Line: yamlLine(err), Err: fmt.Errorf("front matter: %s", yamlLineRe.ReplaceAllString(err.Error(), "yaml: "))}
		}
		if err := apply(&a, m); err != nil {
			return &sources.Error{Input: in.Name, Err: fmt.Errorf("front matter: %w", err)}
		}
	}
	a.Blocks = Blocks([]byte(body))
	var texts []string
	for _, b := range a.Blocks {
		texts = append(texts, b.Text)
	}
	a.Text = strings.Join(texts, "\n")
	if strings.TrimSpace(a.Text) == "" {
		return &sources.Error{Input: in.Name, Err: sources.ErrNoText}
	}
	// A leading level-one heading is the title when front matter has none.
	if len(a.Blocks) > 0 && a.Blocks[0].Kind == pipeline.ParaHeading && a.Title == "" {
		a.Title = a.Blocks[0].Text
		a.Blocks = a.Blocks[1:]
	}
	return yield(a)
}

func apply(a *pipeline.Article, m Meta) error {
	a.Title = strings.TrimSpace(m.Title)
	a.Byline = first(m.Byline, m.Author, strings.Join(m.Authors, ", "))
	a.URL = first(m.URL, m.Link, a.URL)
	a.Site = first(m.Site, m.Source)
	a.Language = first(m.Language, m.Lang)
	a.Description = strings.TrimSpace(m.Description)
	if d := first(m.Published, m.Date); d != "" {
		t, prec, err := ParseDate(d)
		if err != nil {
			return err
		}
		a.Published, a.PublishedPrecision = t, prec
	}
	return nil
}

func first(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// ParseDate reads the date forms front matter uses: RFC 3339, date-time
// without zone, or a plain date. The precision is "time" or "day".
func ParseDate(s string) (time.Time, string, error) {
	s = strings.TrimSpace(s)
	for _, l := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), "time", nil
		}
	}
	for _, l := range []string{"2006-01-02", "2 January 2006", "January 2, 2006", "2 Jan 2006", "Jan 2, 2006", "2006/01/02"} {
		if t, err := time.Parse(l, s); err == nil {
			return t, "day", nil
		}
	}
	return time.Time{}, "", fmt.Errorf("unrecognised date %q (use YYYY-MM-DD or RFC 3339)", s)
}

var errUnclosed = errors.New("front matter opened with --- is never closed")

// splitFrontMatter separates a leading "---" YAML block. line is the line
// of the problem for errors.
func splitFrontMatter(s string) (fm, body string, line int, err error) {
	if !strings.HasPrefix(s, "---\n") {
		return "", s, 0, nil
	}
	rest := s[4:]
	for off, ln := 0, 2; off <= len(rest); ln++ {
		end := strings.IndexByte(rest[off:], '\n')
		var l string
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
		}
		if t := strings.TrimRight(l, " "); t == "---" || t == "..." {
			next := len(rest)
			if end >= 0 {
				next = off + end + 1
			}
			return rest[:off], rest[next:], 0, nil
		}
		if end < 0 {
			break
		}
		off += end + 1
	}
	return "", "", 1, errUnclosed
}

var yamlLineRe = regexp.MustCompile(`yaml: line \d+: `)

// yamlLine pulls the line number out of a yaml.v3 error ("yaml: line 3: ..."),
// shifted by the opening "---" line.
func yamlLine(err error) int {
	var n int
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		fmt.Sscanf(msg[i+5:], "%d", &n)
	}
	if n > 0 {
		n++
	}
	return n
}

// Blocks converts a Markdown body into article blocks.
func Blocks(src []byte) []pipeline.Block {
	doc := goldmark.New().Parser().Parse(gmtext.NewReader(src))
	var out []pipeline.Block
	var walk func(n ast.Node, kind string)
	walk = func(n ast.Node, kind string) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.Kind() {
			case ast.KindHeading:
				add(&out, pipeline.ParaHeading, inline(c, src))
			case ast.KindParagraph, ast.KindTextBlock:
				add(&out, kind, inline(c, src))
			case ast.KindBlockquote:
				walk(c, pipeline.ParaQuote)
			case ast.KindList:
				walk(c, pipeline.ParaListItem)
			case ast.KindListItem:
				walk(c, pipeline.ParaListItem)
			case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindThematicBreak, ast.KindHTMLBlock:
				// code, rules and raw HTML are not article prose
			default:
				walk(c, kind)
			}
		}
	}
	walk(doc, pipeline.ParaBody)
	return out
}

func add(out *[]pipeline.Block, kind, text string) {
	text = strings.Join(strings.Fields(text), " ")
	if text != "" {
		*out = append(*out, pipeline.Block{Kind: kind, Text: text})
	}
}

// inline flattens a block's inline content to plain text.
func inline(n ast.Node, src []byte) string {
	var sb strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch t := c.(type) {
			case *ast.Text:
				sb.Write(t.Segment.Value(src))
				if t.SoftLineBreak() || t.HardLineBreak() {
					sb.WriteByte(' ')
				}
			case *ast.String:
				sb.Write(t.Value)
			case *ast.Image:
				// alt text of images is not prose
			case *ast.AutoLink:
				sb.Write(t.URL(src))
			case *ast.RawHTML:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return sb.String()
}
