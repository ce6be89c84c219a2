// Package normalize is the first pipeline stage: it turns an Article into
// the Document record and its Paragraphs. It joins hard-wrapped lines,
// repairs line-break hyphenation, collapses white space, classifies
// paragraphs (body, editor_note, heading, quote, list_item) and derives the
// content-based document ID.
package normalize

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources/decode"
)

// DefaultMaxText is how much normalized text of one article the pipeline
// analyses (2 MiB, about 330,000 words or 650 pages). Analysis keeps
// some tens of bytes of records per byte of text, so this bound is what
// keeps one enormous input from taking the process past 1 GB of memory.
const DefaultMaxText = 2 << 20

// New returns the normalize stage with the default text limit.
func New() pipeline.Stage { return NewWithLimit(DefaultMaxText) }

// NewWithLimit returns the normalize stage analysing at most maxText bytes
// of each article's text (<= 0: DefaultMaxText). A longer text is cut at
// the last paragraph, sentence or word boundary before the limit, and a
// note on the document says how much was left out.
func NewWithLimit(maxText int) pipeline.Stage {
	if maxText <= 0 {
		maxText = DefaultMaxText
	}
	return pipeline.StageFunc{StageName: "normalize", Fn: func(ctx context.Context, d *pipeline.Doc) error {
		return process(ctx, d, maxText)
	}}
}

// emptyError is returned for an article with no text left after cleaning.
type emptyError struct{}

func (emptyError) Error() string { return "no text left after normalization" }

func process(ctx context.Context, d *pipeline.Doc, maxText int) error {
	a := &d.Article
	blocks := a.Blocks
	if blocks == nil {
		blocks = Paragraphs(decode.Clean(a.Text))
	} else {
		var clean []pipeline.Block
		for _, b := range blocks {
			t := collapse(decode.Clean(b.Text))
			if t == "" {
				continue
			}
			kind := b.Kind
			if kind == "" || kind == pipeline.ParaBody {
				kind = classify(t)
			}
			clean = append(clean, pipeline.Block{Kind: kind, Text: t})
		}
		blocks = clean
	}
	if len(blocks) == 0 {
		return emptyError{}
	}
	total := 0
	for _, b := range blocks {
		total += len(b.Text) + 2
	}
	var sb strings.Builder
	d.Paragraphs = d.Paragraphs[:0]
	truncated := false
	for i, b := range blocks {
		if room := maxText - sb.Len() - 2; len(b.Text) > room {
			b.Text = cutAt(b.Text, room)
			truncated = true
			if b.Text == "" {
				break
			}
		}
		if i > 0 {
			sb.WriteString("\n\n")
		}
		start := sb.Len()
		sb.WriteString(b.Text)
		d.Paragraphs = append(d.Paragraphs, pipeline.Paragraph{
			ParaNo: i + 1, Kind: b.Kind, Start: start, End: sb.Len(), Text: b.Text,
		})
		if truncated {
			break
		}
	}
	text := sb.String()
	sum := sha256.Sum256([]byte(text))
	doc := pipeline.Document{
		DocID:         hex.EncodeToString(sum[:6]),
		Source:        a.Source,
		SourceKind:    a.SourceKind,
		URL:           webURL(a.URL),
		Title:         collapse(decode.Clean(a.Title)),
		Byline:        collapse(decode.Clean(a.Byline)),
		Site:          collapse(decode.Clean(a.Site)),
		Language:      a.Language,
		Words:         countWords(text),
		Paragraphs:    len(d.Paragraphs),
		ContentSHA256: hex.EncodeToString(sum[:]),
		Text:          text,
	}
	if !a.Published.IsZero() {
		if a.PublishedPrecision == "day" {
			doc.Published = a.Published.Format("2006-01-02")
		} else {
			doc.Published = a.Published.UTC().Format("2006-01-02T15:04:05Z")
		}
	}
	if truncated {
		doc.Notes = append(doc.Notes, fmt.Sprintf("text: only the first %.1f MB of %.1f MB were analysed (the limit per article); the rest was cut at a paragraph, sentence or word boundary",
			float64(len(text))/1e6, float64(total)/1e6))
	}
	if doc.Title == "" {
		doc.Title = fallbackTitle(d.Paragraphs, a.Source)
		doc.Notes = append(doc.Notes, "title: none given; derived from the text")
	}
	for i := range d.Paragraphs {
		d.Paragraphs[i].DocID = doc.DocID
	}
	d.Document = doc
	return nil
}

// cutAt shortens s to at most n bytes, at the last sentence end, else the
// last space, else a UTF-8 boundary.
func cutAt(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if len(s) <= n {
		return s
	}
	head := s[:n]
	if i := strings.LastIndex(head, ". "); i > n/2 {
		return head[:i+1]
	}
	if i := strings.LastIndexByte(head, ' '); i > n/2 {
		return strings.TrimRight(head[:i], " ")
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// Paragraphs splits plain text into blocks. With blank lines present,
// blank lines separate paragraphs and single line breaks inside one are
// hard wraps (joined, with line-end hyphenation repaired) unless the lines
// are list items. Without blank lines, every line is a paragraph.
func Paragraphs(text string) []pipeline.Block {
	var groups [][]string
	if strings.Contains(text, "\n\n") || strings.Contains(text, "\n \n") {
		var cur []string
		for _, l := range strings.Split(text, "\n") {
			if strings.TrimSpace(l) == "" {
				if len(cur) > 0 {
					groups = append(groups, cur)
					cur = nil
				}
				continue
			}
			cur = append(cur, l)
		}
		if len(cur) > 0 {
			groups = append(groups, cur)
		}
	} else {
		for _, l := range strings.Split(text, "\n") {
			if strings.TrimSpace(l) != "" {
				groups = append(groups, []string{l})
			}
		}
	}
	var out []pipeline.Block
	stacked := map[int]bool{} // blocks from a group of short lines: never headings
	for _, g := range groups {
		if shortLines(g) {
			// A block of short lines (a signature, an address, a header:
			// "Spokesperson / Ministry of Foreign Affairs / Abuja") is not
			// hard-wrapped prose: each line is a block of its own.
			for _, l := range g {
				if t := collapse(l); t != "" {
					stacked[len(out)] = true
					out = append(out, pipeline.Block{Kind: classify(t), Text: t})
				}
			}
			continue
		}
		// Lines that are list items or quotes stay separate blocks.
		var para []string
		flush := func() {
			if len(para) > 0 {
				t := joinLines(para)
				out = append(out, pipeline.Block{Kind: classify(t), Text: t})
				para = nil
			}
		}
		for _, l := range g {
			if kind, rest := marker(l); kind != "" {
				flush()
				if t := collapse(rest); t != "" {
					out = append(out, pipeline.Block{Kind: kind, Text: t})
				}
				continue
			}
			para = append(para, l)
			// A title, subtitle or byline line right above the text ("By
			// Kang Min-jae") is a block of its own, not a hard wrap.
			if headingLine(l) && len(g) > 1 {
				flush()
			}
		}
		flush()
	}
	// A short heading-like line directly before a longer paragraph is a heading.
	for i := range out {
		if out[i].Kind == pipeline.ParaBody && i+1 < len(out) && !stacked[i] && looksHeading(out[i].Text) &&
			len(out[i+1].Text) > 2*len(out[i].Text) {
			out[i].Kind = pipeline.ParaHeading
		}
	}
	return out
}

// joinLines joins hard-wrapped lines, repairing "trans-\nport".
func joinLines(lines []string) string {
	var sb strings.Builder
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if i > 0 {
			prev := sb.String()
			r, _ := utf8.DecodeRuneInString(l)
			if strings.HasSuffix(prev, "-") && len(prev) > 1 && unicode.IsLetter(rune(prev[len(prev)-2])) && unicode.IsLower(r) {
				s := prev[:len(prev)-1]
				sb.Reset()
				sb.WriteString(s)
			} else {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(l)
	}
	return collapse(sb.String())
}

// marker recognises a list-item or block-quote line and returns its kind
// and the text after a bullet (numbers are kept: they carry meaning).
func marker(l string) (kind, rest string) {
	t := strings.TrimSpace(l)
	switch {
	case strings.HasPrefix(t, "> "):
		return pipeline.ParaQuote, t[2:]
	case strings.HasPrefix(t, "- "), strings.HasPrefix(t, "* "), strings.HasPrefix(t, "+ "):
		return pipeline.ParaListItem, t[2:]
	case strings.HasPrefix(t, "• "), strings.HasPrefix(t, "· "), strings.HasPrefix(t, "– "), strings.HasPrefix(t, "▪ "):
		_, n := utf8.DecodeRuneInString(t)
		return pipeline.ParaListItem, t[n:]
	}
	// "1. ", "12) ", "a) "
	i := 0
	for i < len(t) && i < 3 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 && len(t) > 2 && t[0] >= 'a' && t[0] <= 'z' && t[1] == ')' {
		i = 1
	}
	if i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' ' {
		return pipeline.ParaListItem, t
	}
	return "", ""
}

var notePrefixes = []string{
	"update:", "updated:", "editor's note:", "editor’s note:", "editors' note:", "editor's note —",
	"correction:", "clarification:", "note:", "this article was amended", "this story has been updated",
}

// classify tells an editor's note from body text.
func classify(t string) string {
	low := strings.ToLower(t)
	for _, p := range notePrefixes {
		if strings.HasPrefix(low, p) {
			return pipeline.ParaEditorNote
		}
	}
	return pipeline.ParaBody
}

func looksHeading(t string) bool {
	if len(t) > 80 || strings.Count(t, " ") > 9 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".,;:!?\"”’)", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(first) || unicode.IsDigit(first)
}

// collapse trims and folds runs of white space into one space.
func collapse(s string) string {
	if s == "" {
		return s
	}
	clean := true
	prevSpace := true
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if sp && (prevSpace || r != ' ') {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean && !prevSpace {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w || (in && (r == '\'' || r == '’' || r == '-'))
	}
	return n
}

// fallbackTitle derives a title for an article that has none: the first
// sentence of the first body paragraph when it is short, else a file name
// made readable.
func fallbackTitle(paras []pipeline.Paragraph, source string) string {
	for _, p := range paras {
		if p.Kind != pipeline.ParaBody {
			continue
		}
		s := p.Text
		if i := strings.Index(s, ". "); i > 0 {
			s = s[:i]
		}
		s = strings.TrimSuffix(s, ".")
		if utf8.RuneCountInString(s) <= 120 {
			return s
		}
		break
	}
	base := strings.TrimSuffix(filepath.Base(source), filepath.Ext(source))
	if base != "" && base != "." && base != "stdin" {
		words := strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
		for i, w := range words {
			r, n := utf8.DecodeRuneInString(w)
			words[i] = string(unicode.ToUpper(r)) + w[n:]
		}
		if len(words) > 0 {
			return strings.Join(words, " ")
		}
	}
	for _, p := range paras {
		r := []rune(p.Text)
		if len(r) > 80 {
			return strings.TrimSpace(string(r[:80])) + "…"
		}
		return p.Text
	}
	return "Untitled"
}

// webURL keeps a document URL only when it is an http or https URL: a
// crafted javascript:, data: or file: link from any source must never
// reach the outputs as the document's link.
func webURL(u string) string {
	u = strings.TrimSpace(u)
	l := strings.ToLower(u)
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return u
	}
	return ""
}

// shortLines reports a group of two or more lines that are all short (under
// 50 characters) and, but for the last, end without a full stop or comma:
// lines set one under the other on purpose, not prose wrapped at a width.
func shortLines(g []string) bool {
	if len(g) < 2 {
		return false
	}
	for i, l := range g {
		t := strings.TrimSpace(l)
		if utf8.RuneCountInString(t) >= 50 {
			return false
		}
		if i < len(g)-1 && continues(t) {
			return false
		}
		if _, rest := marker(l); rest != "" {
			return false
		}
		if i+1 < len(g) {
			if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(g[i+1])); unicode.IsLower(r) {
				return false // "a paragraph that / wraps": prose goes on in lower case
			}
		}
	}
	return true
}

// headingLine reports a line that reads as a title or byline inside a
// group of lines: short, at most nine spaces, no final punctuation, a
// capital first, and not ending on a word that continues a sentence.
func headingLine(l string) bool {
	t := strings.TrimSpace(l)
	if continues(t) {
		return false
	}
	return looksHeading(t) || titleCaseLine(t)
}

// titleCaseLine reports a headline in title case: up to 120 characters, no
// final punctuation, and nine in ten of its words of four letters or more
// capitalized ("At TICAD 9, Japan Bets on the Indian Ocean to Win Back
// Africa").
func titleCaseLine(t string) bool {
	if len(t) > 120 || t == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".;:!?\"”’)", last) {
		return false
	}
	long, caps := 0, 0
	for _, w := range strings.Fields(t) {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return long >= 3 && caps*10 >= long*9
}

// continues reports a line that ends inside a sentence: on a comma,
// semicolon or hyphen, or on a word that needs more after it.
func continues(t string) bool {
	if strings.HasSuffix(t, ",") || strings.HasSuffix(t, "-") || strings.HasSuffix(t, ";") {
		return true
	}
	switch t[strings.LastIndexByte(t, ' ')+1:] {
	case "of", "the", "and", "to", "in", "on", "for", "a", "an", "with", "by", "at", "from", "or", "that", "as":
		return true
	}
	return false
}
