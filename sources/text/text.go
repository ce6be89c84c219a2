// Package text is the plain-text format: the fallback for any input that
// decodes as text and no other format claims. A short first line followed
// by a blank line (as in the BBC corpus) becomes the title.
package text

import (
	"context"
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
	"github.com/briefpack/briefpack/sources/decode"
)

func init() {
	sources.RegisterFormat(sources.Format{Name: "text", Prio: 0, Sniff: sniff, Parse: parse})
}

// sniff accepts anything textual except JSON documents, which are data,
// not articles (a JSON Feed is claimed earlier by the feed format).
func sniff(in *sources.Input) bool {
	t := strings.TrimSpace(string(head(in.Data, 1)))
	if (strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")) && json.Valid(in.Data) {
		return false
	}
	return true
}

func head(b []byte, n int) []byte {
	for i, c := range b {
		if c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != 0xef && c != 0xbb && c != 0xbf {
			if i+n > len(b) {
				return b[i:]
			}
			return b[i : i+n]
		}
	}
	return nil
}

func parse(ctx context.Context, in *sources.Input, opts sources.Options, yield func(pipeline.Article) error) error {
	s, _ := decode.Text(in.Data)
	if strings.TrimSpace(s) == "" {
		return &sources.Error{Input: in.Name, Err: sources.ErrEmpty}
	}
	title, body := SplitTitle(s)
	if strings.TrimSpace(body) == "" {
		return &sources.Error{Input: in.Name, Err: sources.ErrNoText}
	}
	kind := in.Kind
	if kind == "" || kind == "file" {
		kind = "text"
	}
	return yield(pipeline.Article{
		Source:     in.Name,
		SourceKind: kind,
		URL:        in.URL,
		Title:      title,
		Text:       body,
	})
}

// SplitTitle returns the first line as a title when it looks like one: at
// most 150 characters, no sentence-final full stop, and followed by a blank
// line. Otherwise the title is empty and body is s.
func SplitTitle(s string) (title, body string) {
	s = strings.TrimLeft(s, "\n ")
	nl := strings.IndexByte(s, '\n')
	if nl < 0 {
		return "", s
	}
	first := strings.TrimSpace(s[:nl])
	rest := s[nl+1:]
	if !strings.HasPrefix(strings.TrimLeft(rest, " "), "\n") {
		return "", s
	}
	if first == "" || utf8.RuneCountInString(first) > 150 {
		return "", s
	}
	if strings.HasSuffix(first, ".") && !strings.HasSuffix(first, "...") {
		return "", s
	}
	return first, strings.TrimLeft(rest, "\n ")
}
