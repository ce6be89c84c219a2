// Package feed reads RSS 0.9x/1.0/2.0, Atom and JSON Feed documents with
// gofeed: every item becomes a pipeline.Article. It registers the "feed"
// format (sniff priority 60, above html) in init.
//
// An item's text is its content (or its description when that is longer),
// run through the html source's block extraction, or taken as plain text
// when it holds no markup. With Options.FollowLinks, an item of fewer than
// TeaserWords words is replaced by the page it links to (fetched with the
// url package's safeguards), keeping the item's own metadata first.
package feed

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	nurl "net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
	"github.com/briefpack/briefpack/sources/decode"
	"github.com/briefpack/briefpack/sources/html"
	"github.com/briefpack/briefpack/sources/internal/charsetx"
	"github.com/briefpack/briefpack/sources/internal/pubdate"
	"github.com/briefpack/briefpack/sources/url"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"
)

// FormatName is the name the format registers under.
const FormatName = "feed"

// TeaserWords: with Options.FollowLinks, items with fewer words than this
// are only teasers and their linked page is fetched.
const TeaserWords = 60

func init() {
	sources.RegisterFormat(sources.Format{Name: FormatName, Prio: 60, Sniff: Sniff, Parse: Parse})
}

// Sniff reports whether in is a feed: an RSS, Atom or RDF root element
// (after a BOM, white space, the XML declaration, processing instructions,
// comments and a DOCTYPE), or a JSON object naming a jsonfeed.org version.
// A feed content type alone is not enough: servers send HTML error pages
// with it.
func Sniff(in *sources.Input) bool {
	head := in.Data
	if len(head) > 4096 {
		head = head[:4096]
	}
	s := string(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")))
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		s, _ = decode.Text(head)
	}
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if strings.HasPrefix(s, "{") {
		return strings.Contains(s, "jsonfeed.org/version")
	}
	root := strings.ToLower(rootElement(s))
	if i := strings.IndexByte(root, ':'); i >= 0 && root != "rdf:rdf" {
		root = root[i+1:] // <atom:feed>
	}
	switch root {
	case "rss", "feed", "rdf:rdf", "rdf":
		return true
	}
	return false
}

// rootElement returns the name of the first element of an XML text.
func rootElement(s string) string {
	for {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		switch {
		case strings.HasPrefix(s, "<?"):
			i := strings.Index(s, "?>")
			if i < 0 {
				return ""
			}
			s = s[i+2:]
		case strings.HasPrefix(s, "<!--"):
			i := strings.Index(s, "-->")
			if i < 0 {
				return ""
			}
			s = s[i+3:]
		case strings.HasPrefix(s, "<!"):
			i := strings.IndexByte(s, '>')
			if j := strings.IndexByte(s, '['); j >= 0 && j < i {
				// DOCTYPE with an internal subset
				k := strings.Index(s, "]>")
				if k < 0 {
					return ""
				}
				i = k + 1
			}
			if i < 0 {
				return ""
			}
			s = s[i+1:]
		case strings.HasPrefix(s, "<"):
			end := strings.IndexFunc(s[1:], func(r rune) bool { return unicode.IsSpace(r) || r == '>' || r == '/' })
			if end < 0 {
				return ""
			}
			return s[1 : 1+end]
		default:
			return ""
		}
	}
}

// Parse reads a feed and yields one article per item that has text.
// Malformed XML or JSON is an error with the line; items without text are
// skipped (logged); a feed where no item has text is sources.ErrNoText.
func Parse(ctx context.Context, in *sources.Input, opts sources.Options, yield func(pipeline.Article) error) error {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	data := in.Data
	isJSON := bytes.HasPrefix(bytes.TrimLeftFunc(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), unicode.IsSpace), []byte("{"))
	if isJSON {
		if err := checkJSON(data); err != nil {
			return withInput(in, err)
		}
	} else {
		data = toUTF8XML(data, in.ContentType)
		if err := checkXML(data); err != nil {
			return withInput(in, err)
		}
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return withInput(in, fmt.Errorf("feed: %w", err))
	}
	if len(f.Items) == 0 {
		return withInput(in, fmt.Errorf("feed: %w: the feed has no items", sources.ErrNoText))
	}
	base := in.URL
	if base == "" {
		base = f.Link
	}
	n := 0
	for i, it := range f.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		a := itemArticle(in, f, it, i, base)
		if opts.FollowLinks && wordCount(a.Text) < TeaserWords && a.URL != "" {
			a = follow(ctx, a, opts, log)
		}
		if strings.TrimSpace(a.Text) == "" {
			log.Warn("feed item has no text, skipped", "input", in.Name, "item", a.Source)
			continue
		}
		n++
		if err := yield(a); err != nil {
			return err
		}
	}
	if n == 0 {
		return withInput(in, fmt.Errorf("feed: %w: none of the %d items has text", sources.ErrNoText, len(f.Items)))
	}
	return nil
}

func withInput(in *sources.Input, err error) error {
	var se *sources.Error
	if errors.As(err, &se) {
		se.Input = in.Name
		return se
	}
	return &sources.Error{Input: in.Name, Err: err}
}

// itemArticle converts one item.
func itemArticle(in *sources.Input, f *gofeed.Feed, it *gofeed.Item, i int, base string) pipeline.Article {
	link := resolve(strings.TrimSpace(it.Link), base)
	key := link
	if key == "" {
		key = strings.TrimSpace(it.GUID)
	}
	if key == "" {
		key = strconv.Itoa(i + 1)
	}
	a := pipeline.Article{
		Source:     in.Name + "#" + key,
		SourceKind: FormatName,
		URL:        link,
		Title:      plain(it.Title),
		Site:       plain(f.Title),
		Language:   primaryLang(f.Language),
	}
	if it.DublinCoreExt != nil && len(it.DublinCoreExt.Language) > 0 {
		if l := primaryLang(it.DublinCoreExt.Language[0]); l != "" {
			a.Language = l
		}
	}
	var names []string
	for _, p := range it.Authors {
		if p != nil {
			if n := plain(p.Name); n != "" {
				names = append(names, n)
			} else if e := strings.TrimSpace(p.Email); e != "" {
				names = append(names, e)
			}
		}
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		for _, c := range it.DublinCoreExt.Creator {
			if n := plain(c); n != "" {
				names = append(names, n)
			}
		}
	}
	a.Byline = strings.Join(dedupe(names), ", ")
	// The date as written keeps its UTC offset (gofeed converts to UTC,
	// which can move the day); gofeed's parse is the fallback.
	for _, d := range []struct {
		raw    string
		parsed *time.Time
	}{{it.Published, it.PublishedParsed}, {it.Updated, it.UpdatedParsed}} {
		if t, p, ok := pubdate.Parse(d.raw); ok {
			a.Published, a.PublishedPrecision = t, p
			break
		}
		if d.parsed != nil {
			a.Published, a.PublishedPrecision = *d.parsed, precision(d.raw, *d.parsed)
			break
		}
	}

	content, desc := it.Content, it.Description
	if strings.TrimSpace(content) == "" && strings.TrimSpace(desc) == "" {
		desc = mediaDescription(it)
	}
	ct, dt := body(content), body(desc)
	blocks := ct
	if textLen(dt) > textLen(ct) {
		blocks, dt = dt, ct
	}
	if len(dt) > 0 && textLen(dt) < textLen(blocks) {
		a.Description = html.Text(dt)
		a.Description = strings.ReplaceAll(a.Description, "\n", " ")
	}
	a.Text = html.Text(blocks)
	if len(blocks) > 1 {
		a.Blocks = blocks
	}
	return a
}

// mediaDescription returns the Media RSS description of an item
// (media:description, alone or in media:group), as YouTube feeds carry
// their text there.
func mediaDescription(it *gofeed.Item) string {
	media := it.Extensions["media"]
	if media == nil {
		return ""
	}
	for _, d := range media["description"] {
		if v := strings.TrimSpace(d.Value); v != "" {
			return v
		}
	}
	for _, g := range media["group"] {
		for _, d := range g.Children["description"] {
			if v := strings.TrimSpace(d.Value); v != "" {
				return v
			}
		}
	}
	return ""
}

var rxTag = regexp.MustCompile(`<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|/[a-zA-Z]|!--)`)

// body turns an item's content or description into blocks: markup goes
// through html.Fragment; text without markup is split at blank lines.
func body(s string) []pipeline.Block {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if rxTag.MatchString(s) {
		return html.Fragment(s)
	}
	var out []pipeline.Block
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if t := collapse(p); t != "" {
			out = append(out, pipeline.Block{Kind: pipeline.ParaBody, Text: t})
		}
	}
	return out
}

func textLen(bs []pipeline.Block) int {
	n := 0
	for _, b := range bs {
		n += len(b.Text)
	}
	return n
}

// plain reads a title or name that may hold markup or entities.
func plain(s string) string {
	if rxTag.MatchString(s) {
		return html.Text(html.Fragment(s))
	}
	return collapse(s)
}

func collapse(s string) string {
	return decode.Clean(strings.Join(strings.Fields(s), " "))
}

func dedupe(ns []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range ns {
		k := strings.ToLower(n)
		if !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}

// precision is "time" unless the date string carries no time of day.
func precision(raw string, t time.Time) string {
	if !strings.Contains(raw, ":") && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return "day"
	}
	return "time"
}

// resolve makes an item link absolute against base. Only http and https
// links are kept: a javascript:, data: or file: link (or one that does not
// parse) gives "", so it never becomes a document's URL or source key.
func resolve(ref, base string) string {
	if ref == "" {
		return ""
	}
	r, err := nurl.Parse(ref)
	if err != nil {
		return ""
	}
	if !r.IsAbs() && base != "" {
		if b, err := nurl.Parse(base); err == nil && b.IsAbs() {
			r = b.ResolveReference(r)
		}
	}
	if s := strings.ToLower(r.Scheme); s != "http" && s != "https" {
		return ""
	}
	return r.String()
}

func primaryLang(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	s = strings.ToLower(s)
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return s
}

func wordCount(s string) int { return len(strings.Fields(s)) }

// follow replaces a teaser's text by the linked page's article text. The
// item's title, byline and date stay; the page fills what the item lacks.
// A page that cannot be fetched or read leaves the teaser as it is.
func follow(ctx context.Context, a pipeline.Article, opts sources.Options, log *slog.Logger) pipeline.Article {
	if !url.IsURL(a.URL) {
		return a
	}
	res, err := url.Fetch(ctx, a.URL, opts)
	if err != nil || res.NotModified {
		log.Warn("feed: could not fetch the item's page, keeping the teaser", "item", a.Source, "err", err)
		return a
	}
	page, err := html.Extract(ctx, &sources.Input{Name: a.URL, Kind: "url", Data: res.Body, ContentType: res.ContentType, URL: res.URL}, opts)
	if err != nil {
		log.Warn("feed: the item's page has no article text, keeping the teaser", "item", a.Source, "err", err)
		return a
	}
	if wordCount(page.Text) <= wordCount(a.Text) {
		return a
	}
	if a.Description == "" {
		a.Description = strings.ReplaceAll(a.Text, "\n", " ")
	}
	a.Text, a.Blocks = page.Text, page.Blocks
	if a.Title == "" {
		a.Title = page.Title
	}
	if a.Byline == "" {
		a.Byline = page.Byline
	}
	if a.Published.IsZero() {
		a.Published, a.PublishedPrecision = page.Published, page.PublishedPrecision
	}
	if a.Language == "" {
		a.Language = page.Language
	}
	return a
}

// toUTF8XML transcodes an XML feed whose declaration names no encoding but
// whose Content-Type does, or which is not valid UTF-8 (read as
// windows-1252). Declared encodings are left to the XML parser.
func toUTF8XML(data []byte, contentType string) []byte {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		s, _ := decode.Text(data)
		return []byte(stripDeclEncoding(s))
	}
	if declaredEncoding(data) != "" {
		return data
	}
	cs := charsetx.Charset(contentType)
	if (cs == "" || cs == "utf-8" || cs == "utf8") && utf8.Valid(data) {
		return data
	}
	if cs == "" || cs == "utf-8" || cs == "utf8" {
		cs = "windows-1252"
	}
	e, _ := charset.Lookup(cs)
	if e == nil {
		return data
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

var rxDeclEnc = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']`)

func declaredEncoding(data []byte) string {
	head := data
	if len(head) > 512 {
		head = head[:512]
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if m := rxDeclEnc.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

// stripDeclEncoding removes the encoding from the XML declaration of text
// that is already UTF-8.
func stripDeclEncoding(s string) string {
	m := rxDeclEnc.FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	return s[:m[2]] + "utf-8" + s[m[3]:]
}

// checkXML reports the first well-formedness error with its line. HTML's
// named entities (&nbsp;) are accepted, as feeds use them; entities
// declared in a DOCTYPE are never expanded (encoding/xml does not), so an
// entity-expansion bomb is an error, not a memory blow-up.
func checkXML(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return &sources.Error{Line: se.Line, Err: fmt.Errorf("feed: malformed XML: %s", se.Msg)}
			}
			return fmt.Errorf("feed: malformed XML: %w", err)
		}
	}
}

// checkJSON reports a JSON syntax error with its line.
func checkJSON(data []byte) error {
	var v any
	err := json.Unmarshal(data, &v)
	if err == nil {
		return nil
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		return &sources.Error{Line: line, Err: fmt.Errorf("feed: malformed JSON: %v", se)}
	}
	return fmt.Errorf("feed: malformed JSON: %w", err)
}
