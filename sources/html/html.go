// Package html reads web pages: it finds the main article text with
// go-trafilatura, keeps its structure (headings, list items, block quotes)
// as pipeline.Blocks, and collects the page's metadata.
//
// Metadata precedence, field by field (a tier only fills what the tiers
// before it left empty):
//
//  1. a sidecar file given by the user next to the page
//     ("page.html.meta.yaml", ".meta.yml" or ".meta.json"; see
//     sources/internal/sidecar);
//  2. JSON-LD (the first Article-like schema.org object);
//  3. meta tags (Dublin Core, citation_*, Open Graph, article:*, Parse.ly,
//     Twitter, name=author/description), <link rel=canonical>, <html lang>;
//  4. heuristics: trafilatura's metadata (title element and h1, byline
//     elements, htmldate's date search, site name from the URL).
//
// The package registers the "html" format (sniffed by content) in init.
package html

import (
	"context"
	"fmt"
	nurl "net/url"
	"sort"
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
	"github.com/briefpack/briefpack/sources/internal/charsetx"
	"github.com/briefpack/briefpack/sources/internal/sidecar"
	"github.com/markusmobius/go-trafilatura"
	xhtml "golang.org/x/net/html"
)

// FormatName is the name the format registers under.
const FormatName = "html"

func init() {
	sources.RegisterFormat(sources.Format{
		Name:  FormatName,
		Prio:  50,
		Sniff: Sniff,
		Parse: parse,
	})
}

// Options returns the trafilatura options briefpack uses. They were chosen
// by measuring token F1 on the readability pages (see quality_test.go):
// comments excluded, recall focus, readability/distiller fallback on
// (F1 0.960 against 0.957 balanced and 0.951 precision; without the
// fallback 0.938, 0.931, 0.908).
func Options(pageURL string) trafilatura.Options {
	o := trafilatura.Options{
		ExcludeComments: true,
		Focus:           trafilatura.FavorRecall,
		EnableFallback:  true,
		HtmlDateMode:    trafilatura.Fast,
	}
	if pageURL != "" {
		if u, err := nurl.Parse(pageURL); err == nil && u.IsAbs() {
			o.OriginalURL = u
		}
	}
	return o
}

// Sniff reports whether in looks like an HTML page: a text/html or XHTML
// content type, or content that starts (after a byte order mark, white
// space, an XML declaration and comments) with <!doctype html or <html, or
// with a tag and has <head or <body in its first 1024 bytes, or <p> there
// without Markdown headings or code fences.
func Sniff(in *sources.Input) bool {
	switch charsetx.MediaType(in.ContentType) {
	case "text/html", "application/xhtml+xml":
		return true
	}
	head := sniffHead(in.Data, 2048)
	rest := skipPrologue(head)
	if !strings.HasPrefix(rest, "<") {
		return false
	}
	if strings.HasPrefix(rest, "<!doctype html") || strings.HasPrefix(rest, "<html") {
		return true
	}
	early := rest
	if len(early) > 1024 {
		early = early[:1024]
	}
	if strings.Contains(early, "<head") || strings.Contains(early, "<body") {
		return true
	}
	// A Markdown file may open with an HTML block (a centred logo in a
	// README); its headings and fences give it away.
	if strings.Contains(early, "\n# ") || strings.Contains(early, "\n## ") || strings.Contains(early, "\n```") {
		return false
	}
	return strings.Contains(early, "<p>")
}

// sniffHead returns up to n bytes of data as lower-case text, decoding
// UTF-16 with a byte order mark.
func sniffHead(data []byte, n int) string {
	if len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff) {
		be := data[0] == 0xfe
		b := data[2:]
		if len(b) > 2*n {
			b = b[:2*n]
		}
		u := make([]uint16, len(b)/2)
		for i := range u {
			if be {
				u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
			} else {
				u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
			}
		}
		return strings.ToLower(string(utf16.Decode(u)))
	}
	if len(data) > n {
		data = data[:n]
	}
	s := strings.TrimPrefix(string(data), "\ufeff")
	return strings.ToLower(s)
}

// skipPrologue drops leading white space, an XML declaration and comments.
func skipPrologue(s string) string {
	for {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		switch {
		case strings.HasPrefix(s, "<?xml"):
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
		default:
			return s
		}
	}
}

func parse(ctx context.Context, in *sources.Input, opts sources.Options, yield func(pipeline.Article) error) error {
	a, err := Extract(ctx, in, opts)
	if err != nil {
		return err
	}
	return yield(a)
}

// Extract reads one HTML page into an article. A page without article text
// gets an error wrapping sources.ErrNoText.
func Extract(ctx context.Context, in *sources.Input, opts sources.Options) (pipeline.Article, error) {
	if err := ctx.Err(); err != nil {
		return pipeline.Article{}, err
	}
	fail := func(err error) (pipeline.Article, error) {
		return pipeline.Article{}, &sources.Error{Input: in.Name, Err: fmt.Errorf("html: %w", err)}
	}
	if max := opts.MaxBytes; max > 0 && int64(len(in.Data)) > max || max <= 0 && len(in.Data) > sources.DefaultMaxBytes {
		return fail(fmt.Errorf("%w: %d bytes", sources.ErrTooLarge, len(in.Data)))
	}
	text, _ := charsetx.Decode(in.Data, in.ContentType)
	doc, err := xhtml.Parse(strings.NewReader(text))
	if err != nil {
		return fail(err)
	}
	head := collectHead(doc)
	ld := head.jsonLD()
	tags := head.metaTags()

	res, err := trafilatura.ExtractDocument(doc, Options(in.URL))
	if err != nil {
		return fail(fmt.Errorf("%w (%v)", sources.ErrNoText, err))
	}
	if err := ctx.Err(); err != nil {
		return pipeline.Article{}, err
	}
	blocks := reconcile(Blocks(res.ContentNode), res.ContentText)
	if countWords(blocks) == 0 {
		return fail(sources.ErrNoText)
	}
	if onlyLinks(blocks, head.links, head.title) {
		return fail(fmt.Errorf("%w (only navigation links)", sources.ErrNoText))
	}

	var m pageMeta
	if in.Kind == "file" || in.Kind == "" {
		sc, err := sidecar.Load(in.Name)
		if err != nil {
			return fail(err)
		}
		if sc != nil {
			m = pageMeta{Title: sc.Title, Byline: sc.Byline, Site: sc.Site, Language: sc.Language,
				Description: sc.Description, URL: sc.URL, Published: sc.PublishedTime, PublishedPrecision: sc.PublishedPrecision}
		}
	}
	m.merge(ld)
	m.merge(tags)
	m.merge(heuristics(res.Metadata))

	a := pipeline.Article{
		Source:             in.Name,
		SourceKind:         FormatName,
		URL:                absURL(m.URL, in.URL),
		Title:              m.Title,
		Byline:             m.Byline,
		Site:               m.Site,
		Published:          m.Published,
		PublishedPrecision: m.PublishedPrecision,
		Language:           primaryLang(m.Language),
		Description:        m.Description,
		Blocks:             blocks,
		Text:               Text(blocks),
	}
	if a.URL == "" {
		a.URL = in.URL
	}
	// The page's h1 usually repeats the title that Article.Title carries.
	if len(a.Blocks) > 1 && a.Blocks[0].Kind == pipeline.ParaHeading && squash(strings.ToLower(a.Blocks[0].Text)) == squash(strings.ToLower(a.Title)) {
		a.Blocks = a.Blocks[1:]
		a.Text = Text(a.Blocks)
	}
	if a.Published.IsZero() {
		a.PublishedPrecision = ""
	}
	return a, nil
}

// reconcile keeps the blocks in step with trafilatura's plain text, the
// reference its quality is measured on. go-trafilatura's content tree
// occasionally holds a paragraph its text does not (a repeated paragraph,
// stray link text from a fallback candidate); such blocks are dropped.
// Blocks are matched in order on their letters and digits only, so the
// spacing differences between the two outputs do not matter; blocks that
// are legitimately repeated stay as long as the plain text repeats them.
func reconcile(bs []pipeline.Block, plain string) []pipeline.Block {
	sq := squash(plain)
	if sq == "" {
		return bs
	}
	seen := map[string]bool{}
	pos := 0
	out := bs[:0]
	for _, b := range bs {
		k := squash(b.Text)
		switch {
		case k == "":
		case strings.Contains(sq[pos:], k):
			pos += strings.Index(sq[pos:], k) + len(k)
		case seen[k]:
			continue // a repeat the plain text does not have
		case !strings.Contains(sq, k):
			continue // not in the plain text at all
		}
		seen[k] = true
		out = append(out, b)
	}
	return out
}

// squash keeps only the letters and digits of s.
func squash(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

func heuristics(md trafilatura.Metadata) pageMeta {
	m := pageMeta{
		Title:       collapse(md.Title),
		Byline:      cleanByline(md.Author),
		Site:        collapse(md.Sitename),
		Language:    md.Language,
		Description: collapse(md.Description),
		URL:         md.URL,
	}
	if !md.Date.IsZero() {
		m.Published, m.PublishedPrecision = md.Date, "day"
		if md.Date.Hour() != 0 || md.Date.Minute() != 0 || md.Date.Second() != 0 {
			m.PublishedPrecision = "time"
		}
	}
	// trafilatura joins repeated author tags with "; " and may repeat a
	// name in capitals ("Jeffrey Gettleman; JEFFREY GETTLEMAN").
	if strings.Contains(m.Byline, ";") {
		m.Byline = joinNames(splitTrim(m.Byline, ";"))
	}
	return m
}

func splitTrim(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// absURL resolves ref against base; it returns "" for a relative ref
// without a base, and for non-web schemes.
func absURL(ref, base string) string {
	if ref == "" {
		return ""
	}
	r, err := nurl.Parse(ref)
	if err != nil {
		return ""
	}
	if !r.IsAbs() {
		b, err := nurl.Parse(base)
		if err != nil || !b.IsAbs() {
			return ""
		}
		r = b.ResolveReference(r)
	}
	if r.Scheme != "http" && r.Scheme != "https" {
		return ""
	}
	return r.String()
}

// onlyLinks reports whether the main text is made of the page's link
// texts (and its title): a page of navigation, not an article. Blocks that
// are exactly a link's text count as links; a short text (trafilatura's
// whole-page fallback) is also checked by removing every link text from it.
// At least 90% of the letters must be link text.
func onlyLinks(bs []pipeline.Block, links map[string]bool, title string) bool {
	var sb strings.Builder
	total, linked := 0, 0
	for _, b := range bs {
		k := squash(b.Text)
		sb.WriteString(k)
		total += len(k)
		if links[k] {
			linked += len(k)
		}
	}
	if total == 0 || linked*10 >= total*9 {
		return total > 0
	}
	if total > 4000 || len(links) == 0 {
		return false
	}
	rest := sb.String()
	if t := squash(title); t != "" {
		rest = strings.Replace(rest, t, "", 1)
	}
	keys := make([]string, 0, len(links))
	for k := range links {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		rest = strings.ReplaceAll(rest, k, "")
	}
	return len(rest)*10 <= total
}

// countWords counts words; CJK characters count one word each.
func countWords(bs []pipeline.Block) int {
	n := 0
	for _, b := range bs {
		in := false
		for _, r := range b.Text {
			switch {
			case cjk(r):
				n++
				in = false
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				if !in {
					n++
				}
				in = true
			default:
				in = false
			}
		}
	}
	return n
}
