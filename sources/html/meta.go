package html

import (
	"encoding/json"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/briefpack/briefpack/sources/internal/pubdate"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is the metadata one tier (JSON-LD, meta tags, heuristics, a
// sidecar) offers. Empty fields defer to the next tier.
type pageMeta struct {
	Title, Byline, Site, Language, Description, URL string
	Published                                       time.Time
	PublishedPrecision                              string
}

// merge fills the empty fields of m from lower.
func (m *pageMeta) merge(lower pageMeta) {
	if m.Title == "" {
		m.Title = lower.Title
	}
	if m.Byline == "" {
		m.Byline = lower.Byline
	}
	if m.Site == "" {
		m.Site = lower.Site
	}
	if m.Language == "" {
		m.Language = lower.Language
	}
	if m.Description == "" {
		m.Description = lower.Description
	}
	if m.URL == "" {
		m.URL = lower.URL
	}
	if m.Published.IsZero() {
		m.Published, m.PublishedPrecision = lower.Published, lower.PublishedPrecision
	}
}

// headInfo is what one pass over the document collects.
type headInfo struct {
	lang      string
	title     string
	canonical string
	metas     [4]map[string][]string // by attribute (property, name, itemprop, http-equiv): key -> contents
	ldjson    []string
	timeAttrs []string        // datetime of <time itemprop=datePublished> / <time pubdate>
	h1, h2    []string        // heading texts (the first few)
	links     map[string]bool // letters and digits of each link's text
}

func collectHead(doc *xhtml.Node) *headInfo {
	h := &headInfo{links: map[string]bool{}}
	for i := range h.metas {
		h.metas[i] = map[string][]string{}
	}
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if h.lang == "" {
					h.lang = attr(n, "lang")
					if h.lang == "" {
						h.lang = attr(n, "xml:lang")
					}
				}
			case atom.Title:
				if h.title == "" {
					h.title = collapse(textOf(n))
				}
			case atom.Meta:
				content := strings.TrimSpace(attr(n, "content"))
				if content == "" {
					break
				}
				for i, k := range []string{"property", "name", "itemprop", "http-equiv"} {
					for _, key := range strings.Fields(strings.ToLower(attr(n, k))) {
						key = metaKey(key)
						h.metas[i][key] = append(h.metas[i][key], content)
					}
				}
			case atom.Link:
				rels := strings.Fields(strings.ToLower(attr(n, "rel")))
				for _, r := range rels {
					if r == "canonical" && h.canonical == "" {
						h.canonical = strings.TrimSpace(attr(n, "href"))
					}
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					h.ldjson = append(h.ldjson, textOf(n))
				}
				return
			case atom.Time:
				if strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate") {
					if dt := attr(n, "datetime"); dt != "" {
						h.timeAttrs = append(h.timeAttrs, dt)
					}
				}
			case atom.Style, atom.Noscript:
				return
			case atom.A:
				if len(h.links) < 10000 {
					if k := squash(textOf(n)); k != "" {
						h.links[k] = true
					}
				}
			case atom.H1:
				if len(h.h1) < 8 {
					h.h1 = append(h.h1, collapse(textOf(n)))
				}
			case atom.H2:
				if len(h.h2) < 8 {
					h.h2 = append(h.h2, collapse(textOf(n)))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return h
}

// metaKey normalizes a meta key: Dublin Core is written "dc:title",
// "DC.title" or "dcterms:title".
func metaKey(k string) string {
	for _, p := range []string{"dc:", "dcterms:", "dcterm:"} {
		if strings.HasPrefix(k, p) {
			k = strings.Replace(k, ":", ".", 1)
		}
	}
	return strings.Replace(k, "dcterm.", "dcterms.", 1)
}

// values returns the contents of the meta tags with key: property= tags
// first (RDFa: Open Graph, Dublin Core), then name=, itemprop=,
// http-equiv=.
func (h *headInfo) values(key string) []string {
	var out []string
	for _, m := range h.metas {
		out = append(out, m[key]...)
	}
	return out
}

func (h *headInfo) first(keys ...string) string {
	for _, k := range keys {
		for _, v := range h.values(k) {
			if v = collapse(v); v != "" {
				return v
			}
		}
	}
	return ""
}

// metaTags reads the meta tag tier: Open Graph, article:*, citation_*
// (Highwire, Google Scholar), Dublin Core, Parse.ly, Twitter cards and
// plain name= tags.
func (h *headInfo) metaTags() pageMeta {
	var m pageMeta
	m.Title = h.first("dc.title", "dcterms.title", "citation_title", "og:title", "parsely-title",
		"sailthru.title", "title", "twitter:title", "headline")
	if m.Title == "" {
		m.Title = h.cleanTitle()
	}
	// Authors: several citation_author tags are several authors.
	if as := h.values("citation_author"); len(as) > 0 {
		m.Byline = joinNames(as)
	} else {
		for _, k := range []string{"dc.creator", "dcterms.creator", "author", "article:author", "parsely-author",
			"sailthru.author", "byl"} {
			var names []string
			for _, v := range h.values(k) {
				if v = cleanByline(v); v != "" && !isURL(v) && !strings.HasPrefix(v, "@") {
					names = append(names, v)
				}
			}
			if len(names) > 0 {
				m.Byline = joinNames(names)
				break
			}
		}
	}
	for _, v := range append(append([]string{}, metaValues(h, "article:published_time", "citation_publication_date",
		"citation_date", "citation_online_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
		"dcterms.created", "parsely-pub-date", "sailthru.date", "og:published_time", "datepublished",
		"publishdate", "pubdate", "date")...), h.timeAttrs...) {
		if t, p, ok := pubdate.Parse(v); ok {
			m.Published, m.PublishedPrecision = t, p
			break
		}
	}
	m.Site = h.first("og:site_name", "application-name", "publisher", "dc.publisher", "citation_journal_title")
	m.Description = h.first("description", "og:description", "dc.description", "dcterms.description", "twitter:description")
	m.URL = h.canonical
	if m.URL == "" {
		m.URL = h.first("og:url")
	}
	m.Language = h.lang
	if m.Language == "" {
		m.Language = h.first("content-language", "dc.language", "language", "og:locale")
	}
	return m
}

func metaValues(h *headInfo, keys ...string) []string {
	var out []string
	for _, k := range keys {
		out = append(out, h.values(k)...)
	}
	return out
}

// jsonLD reads the JSON-LD tier: the first Article-like object (Article,
// NewsArticle, BlogPosting, Report, ScholarlyArticle...) anywhere in the
// page's ld+json scripts, including @graph arrays.
func (h *headInfo) jsonLD() pageMeta {
	var m pageMeta
	for _, src := range h.ldjson {
		var v any
		if err := json.Unmarshal([]byte(unwrapScript(src)), &v); err != nil {
			continue
		}
		obj := findArticle(v, 0)
		if obj == nil {
			continue
		}
		m.Title = h.pickTitle(collapse(str(obj["headline"])), collapse(str(obj["name"])))
		m.Byline = joinNames(names(obj["author"], 0))
		if m.Byline == "" {
			m.Byline = joinNames(names(obj["creator"], 0))
		}
		for _, k := range []string{"datePublished", "dateCreated", "uploadDate"} {
			if t, p, ok := pubdate.Parse(str(obj[k])); ok {
				m.Published, m.PublishedPrecision = t, p
				break
			}
		}
		if pub := names(obj["publisher"], 0); len(pub) > 0 {
			m.Site = pub[0]
		}
		m.Description = collapse(str(obj["description"]))
		m.Language = str(obj["inLanguage"])
		if u := str(obj["url"]); isURL(u) {
			m.URL = u
		}
		return m
	}
	return m
}

// unwrapScript drops the CDATA and comment wrappers pages put around
// script content.
func unwrapScript(s string) string {
	s = strings.TrimSpace(s)
	for _, w := range [][2]string{{"//<![CDATA[", "//]]>"}, {"<![CDATA[", "]]>"}, {"<!--", "-->"}} {
		if strings.HasPrefix(s, w[0]) {
			s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(s, w[0])), w[1]))
		}
	}
	return s
}

// pickTitle chooses between a JSON-LD headline and name when both are set
// and differ (Wikipedia's headline is a description, its name the title):
// the one sharing more words with the <title> element, the headline on a
// tie.
func (h *headInfo) pickTitle(headline, name string) string {
	if headline == "" || name == "" || headline == name {
		if headline != "" {
			return headline
		}
		return name
	}
	if overlap(name, h.title) > overlap(headline, h.title) {
		return name
	}
	return headline
}

// overlap counts the distinct words of a that occur in b.
func overlap(a, b string) int {
	bw := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(b)) {
		bw[w] = true
	}
	n := 0
	seen := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(a)) {
		if bw[w] && !seen[w] {
			seen[w] = true
			n++
		}
	}
	return n
}

var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "report": true, "scholarlyarticle": true,
	"techarticle": true, "analysisnewsarticle": true, "opinionnewsarticle": true, "reportagenewsarticle": true,
	"reviewnewsarticle": true, "backgroundnewsarticle": true, "liveblogposting": true, "socialmediaposting": true,
	"medicalscholarlyarticle": true, "posting": true, "discussionforumposting": true, "creativework": true,
	"webpage": false,
}

// findArticle searches v (depth-limited) for an object whose @type is an
// article type.
func findArticle(v any, depth int) map[string]any {
	if depth > 6 {
		return nil
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if o := findArticle(e, depth+1); o != nil {
				return o
			}
		}
	case map[string]any:
		for _, t := range types(x["@type"]) {
			if articleTypes[strings.ToLower(t)] {
				return x
			}
		}
		if g, ok := x["@graph"]; ok {
			if o := findArticle(g, depth+1); o != nil {
				return o
			}
		}
		if me, ok := x["mainEntity"]; ok {
			return findArticle(me, depth+1)
		}
	}
	return nil
}

func types(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// names reads schema.org Person/Organization values: a string, an object
// with "name", or an array of either.
func names(v any, depth int) []string {
	if depth > 3 {
		return nil
	}
	switch x := v.(type) {
	case string:
		if s := cleanByline(x); s != "" && !isURL(s) {
			return []string{s}
		}
	case map[string]any:
		if s := cleanByline(str(x["name"])); s != "" {
			return []string{s}
		}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, names(e, depth+1)...)
		}
		return out
	}
	return nil
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(xhtml.UnescapeString(x))
	case []any:
		if len(x) > 0 {
			return str(x[0])
		}
	case map[string]any:
		if s, ok := x["@value"]; ok {
			return str(s)
		}
		if s, ok := x["@id"]; ok {
			return str(s)
		}
	}
	return ""
}

// cleanByline trims a byline and drops a leading "By".
func cleanByline(s string) string {
	s = collapse(s)
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		s = strings.TrimSpace(s[3:])
	}
	if len(s) > 200 || junkBylines[strings.ToLower(s)] {
		return ""
	}
	return s
}

// junkBylines are placeholders that byline heuristics pick up from forms
// and templates.
var junkBylines = map[string]bool{"username": true, "user": true, "admin": true, "administrator": true,
	"author": true, "guest": true, "anonymous": true, "unknown": true, "name": true, "your name": true}

// joinNames joins distinct names with ", ".
func joinNames(ns []string) string {
	var out []string
	seen := map[string]bool{}
	for _, n := range ns {
		k := strings.ToLower(n)
		if n == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return strings.Join(out, ", ")
}

func isURL(s string) bool {
	ls := strings.ToLower(s)
	return strings.HasPrefix(ls, "http://") || strings.HasPrefix(ls, "https://") || strings.HasPrefix(ls, "//")
}

// primaryLang reduces a language tag ("en-US", "en_GB", "EN") to its
// lower-case primary subtag, or "" when it does not look like one.
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

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *xhtml.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func textOf(n *xhtml.Node) string {
	var sb strings.Builder
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}

var (
	rxTitleSep     = regexp.MustCompile(` [|\-–—\\/>»] `)
	rxHierSep      = regexp.MustCompile(` [\\/>»] `)
	rxTitleLeading = regexp.MustCompile(`^[^|\-–—\\/>»]*[|\-–—\\/>»]`)
	rxSepChars     = regexp.MustCompile(`[|\-–—\\/>»]+`)
)

// cleanTitle derives the title from the <title> element the way Mozilla
// Readability does: drop a site name after the last separator ("Title |
// Site") unless that leaves too few words, drop a section before a colon
// unless a heading shows the colon belongs to the title, and use the only
// h1 when the title element is very short or very long.
func (h *headInfo) cleanTitle() string {
	orig := h.title
	cur := orig
	hier := false
	wc := func(s string) int { return len(strings.Fields(s)) }
	switch {
	case rxTitleSep.MatchString(cur):
		hier = rxHierSep.MatchString(cur)
		all := rxTitleSep.FindAllStringIndex(orig, -1)
		cur = orig[:all[len(all)-1][0]]
		if wc(cur) < 3 {
			cur = rxTitleLeading.ReplaceAllString(orig, "")
		}
	case strings.Contains(cur, ": "):
		match := false
		for _, x := range append(append([]string{}, h.h1...), h.h2...) {
			if x == strings.TrimSpace(cur) {
				match = true
			}
		}
		if !match {
			cur = orig[strings.LastIndex(orig, ":")+1:]
			if wc(cur) < 3 {
				cur = orig[strings.Index(orig, ":")+1:]
			} else if wc(orig[:strings.Index(orig, ":")]) > 5 {
				cur = orig
			}
		}
	case utf8.RuneCountInString(cur) > 150 || utf8.RuneCountInString(cur) < 15:
		if len(h.h1) == 1 && h.h1[0] != "" {
			cur = h.h1[0]
		}
	}
	cur = collapse(cur)
	if n := wc(cur); n <= 4 && (!hier || n != wc(rxSepChars.ReplaceAllString(orig, ""))-1) {
		cur = orig
	}
	return cur
}
