package html

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources/decode"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Blocks converts an HTML tree (typically trafilatura's content node) into
// structural blocks: h1-h6 become headings, li/dt/dd list items, text inside
// blockquote quotes, everything else body paragraphs. Every text node is
// visited once, so no text is dropped or duplicated; a <br> starts a new
// block of the same kind, table rows become one block with cells joined by
// " | ". Script, style, template and form controls are skipped.
func Blocks(n *xhtml.Node) []pipeline.Block {
	if n == nil {
		return nil
	}
	w := &walker{}
	w.walk(n, pipeline.ParaBody, false)
	w.flush()
	return w.out
}

// Fragment parses an HTML fragment (a feed item's content or description)
// and returns its blocks, without boilerplate removal: a feed item's
// content is already the article.
func Fragment(s string) []pipeline.Block {
	ctx := &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := xhtml.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		return nil
	}
	w := &walker{}
	for _, n := range nodes {
		w.walk(n, pipeline.ParaBody, false)
	}
	w.flush()
	return w.out
}

type walker struct {
	out      []pipeline.Block
	buf      strings.Builder
	kind     string
	boundary bool // an inline element started or ended since the last text
	last     rune // last rune written to buf
}

// flush ends the current block.
func (w *walker) flush() {
	t := collapse(w.buf.String())
	w.buf.Reset()
	w.last, w.boundary = 0, false
	if t == "" {
		return
	}
	w.out = append(w.out, pipeline.Block{Kind: w.kind, Text: t})
}

// add appends inline text to the current block of the given kind.
func (w *walker) add(s, kind string) {
	if w.buf.Len() > 0 && w.kind != kind && strings.TrimSpace(w.buf.String()) != "" {
		w.flush()
	}
	w.kind = kind
	if s == "" {
		return
	}
	first, _ := utf8.DecodeRuneInString(s)
	if w.boundary && w.last != 0 && needsSpace(w.last, first) {
		w.buf.WriteByte(' ')
	}
	w.boundary = false
	w.buf.WriteString(s)
	w.last, _ = utf8.DecodeLastRuneInString(s)
}

// needsSpace reports whether two runs of text that met at an element
// boundary need a space between them: both sides are letters or digits
// (not CJK, which has no spaces), or a sentence mark is followed by a
// letter.
func needsSpace(prev, next rune) bool {
	if unicode.IsSpace(prev) || unicode.IsSpace(next) || cjk(prev) || cjk(next) {
		return false
	}
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	switch {
	case word(prev) && word(next):
		return true
	case strings.ContainsRune(".,;:!?)]}”’", prev) && unicode.IsLetter(next):
		return true
	case word(prev) && strings.ContainsRune("([{“", next):
		return true
	}
	return false
}

func cjk(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func (w *walker) walk(n *xhtml.Node, kind string, pre bool) {
	switch n.Type {
	case xhtml.TextNode:
		s := n.Data
		if pre {
			// Keep code and preformatted lines apart: each blank-line
			// separated chunk becomes a block.
			parts := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n")
			for i, p := range parts {
				if i > 0 {
					w.flush()
				}
				w.add(p, kind)
			}
			return
		}
		w.add(s, kind)
		return
	case xhtml.CommentNode, xhtml.DoctypeNode:
		return
	case xhtml.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, kind, pre)
		}
		return
	case xhtml.ElementNode:
	default:
		return
	}
	a := n.DataAtom
	if a == 0 {
		// trafilatura builds nodes by tag name only.
		a = atom.Lookup([]byte(strings.ToLower(n.Data)))
	}
	w.boundary = true
	switch a {
	case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Head, atom.Select,
		atom.Button, atom.Input, atom.Textarea, atom.Svg, atom.Math, atom.Iframe, atom.Object:
		return
	case atom.Br, atom.Hr:
		w.flush()
		return
	case atom.Img:
		return
	}
	block, k := blockKind(a, kind)
	if !block {
		// Inline element: trafilatura trims the white space around
		// elements ("<code>x</code>attribute"), so mark the boundaries
		// and let add insert a space where two words would touch.
		w.boundary = true
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, kind, pre)
		}
		w.boundary = true
		return
	}
	w.flush()
	isRow := a == atom.Tr
	first := true
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if isRow && c.Type == xhtml.ElementNode && (c.Data == "td" || c.Data == "th") {
			if !first {
				w.add(" | ", k)
			}
			first = false
			w.walkInline(c, k)
			continue
		}
		w.walk(c, k, pre || a == atom.Pre)
	}
	w.flush()
	w.kind = kind
}

// walkInline walks a table cell as inline content of the current row; block
// elements inside the cell still break it.
func (w *walker) walkInline(n *xhtml.Node, kind string) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, kind, false)
	}
}

// blockKind reports whether n starts a block and the kind of its text.
func blockKind(a atom.Atom, outer string) (bool, string) {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true, pipeline.ParaHeading
	case atom.Li, atom.Dt, atom.Dd:
		if outer == pipeline.ParaQuote {
			return true, pipeline.ParaQuote
		}
		return true, pipeline.ParaListItem
	case atom.Blockquote:
		return true, pipeline.ParaQuote
	case atom.P, atom.Div, atom.Pre, atom.Table, atom.Tr, atom.Thead, atom.Tbody, atom.Tfoot,
		atom.Caption, atom.Ul, atom.Ol, atom.Dl, atom.Section, atom.Article, atom.Main,
		atom.Header, atom.Footer, atom.Aside, atom.Nav, atom.Figure, atom.Figcaption,
		atom.Address, atom.Details, atom.Summary, atom.Fieldset, atom.Form, atom.Center,
		atom.Body, atom.Html, atom.Td, atom.Th, atom.Menu, atom.Legend:
		return true, outer
	}
	return false, outer
}

// collapse folds runs of white space (including newlines) into one space
// and trims, then applies the text cleaning every source uses.
func collapse(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' {
			space = true
			continue
		}
		if space && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		space = false
		sb.WriteRune(r)
	}
	return decode.Clean(sb.String())
}

// Text joins blocks into article text, one block per line.
func Text(bs []pipeline.Block) string {
	var sb strings.Builder
	for i, b := range bs {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(b.Text)
	}
	return sb.String()
}
