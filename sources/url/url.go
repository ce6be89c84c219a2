// Package url reads http and https inputs: `briefpack run https://…` for
// pages and feeds. It registers the "url" locator (priority 100, above the
// file locator) in init. Anything that looks like "scheme://…" is claimed,
// so an ftp:// or file:// input gets a clear "only http and https" error
// instead of "no such file".
//
// The fetched bytes go through sources.Parse, so content sniffing picks the
// format (feed, html, text) whatever the URL looks like.
package url

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
	"github.com/briefpack/briefpack/sources/internal/charsetx"
)

// LocatorName and LocatorPrio are how the locator registers.
const (
	LocatorName = "url"
	LocatorPrio = 100
)

func init() {
	sources.RegisterLocator(LocatorName, LocatorPrio, Locate)
}

var rxScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.\-]*://`)

// Locate is the url locator: it claims inputs of the form scheme://…
func Locate(ctx context.Context, input string, opts sources.Options) ([]sources.Source, []error, bool) {
	if !rxScheme.MatchString(input) {
		return nil, nil, false
	}
	if _, err := checkURL(input); err != nil {
		return nil, []error{&sources.Error{Input: input, Err: fmt.Errorf("url: %w", err)}}, true
	}
	return []sources.Source{&Source{URL: input, Opts: opts}}, nil, true
}

// Source is one URL input.
type Source struct {
	URL  string
	Opts sources.Options
}

// Input returns the URL as given.
func (s *Source) Input() string { return s.URL }

// Articles fetches the URL and parses what it returns. A 304 to a
// conditional request yields no articles and no error; the validators are
// remembered only after the content parsed without error.
func (s *Source) Articles(ctx context.Context, yield func(pipeline.Article) error) error {
	res, err := Fetch(ctx, s.URL, s.Opts)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return err
		}
		return &sources.Error{Input: s.URL, Err: fmt.Errorf("url: %w", err)}
	}
	if res.NotModified {
		return nil
	}
	in := &sources.Input{Name: s.URL, Kind: "url", Data: res.Body, ContentType: res.ContentType, URL: res.URL}
	ToUTF8(in)
	if err := sources.Parse(ctx, in, s.Opts, yield); err != nil {
		return err
	}
	if s.Opts.Conditional != nil && (res.ETag != "" || res.LastModified != "") {
		s.Opts.Conditional.Remember(s.URL, res.ETag, res.LastModified)
	}
	return nil
}

// ToUTF8 transcodes plain text served with a non-UTF-8 charset in its
// Content-Type to UTF-8 and says so in the content type, so the text format
// (which only guesses UTF-8, UTF-16 and windows-1252) reads it right. HTML
// and XML keep their bytes: their formats read the charset themselves, also
// from <meta charset> and the XML declaration.
func ToUTF8(in *sources.Input) {
	cs := charsetx.Charset(in.ContentType)
	if cs == "" || cs == "utf-8" || cs == "utf8" {
		return
	}
	mt := charsetx.MediaType(in.ContentType)
	if mt != "text/plain" && mt != "text/markdown" && mt != "text/x-markdown" {
		return
	}
	if charsetx.Lookup(cs) == nil {
		return
	}
	text, _ := charsetx.Decode(in.Data, in.ContentType)
	in.Data = []byte(text)
	in.ContentType = mt + "; charset=utf-8"
}

// IsURL reports whether input is an http or https URL.
func IsURL(input string) bool {
	l := strings.ToLower(input)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}
