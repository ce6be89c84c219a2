package pdf

import (
	"sort"
	"strings"

	"github.com/briefpack/briefpack/pipeline"
)

// span is a run of text in one style.
type span struct {
	text  string
	style string
	color *rgb // nil: the block's colour
}

// piece is a run placed on a line, x relative to the line start.
type piece struct {
	x     float64
	text  string
	style string
	color *rgb
}

// layoutRich breaks styled runs into lines no wider than w mm. Runs are
// sanitized first. Adjacent words of the same style on a line are merged
// into one piece so text extraction sees ordinary text.
func (r *renderer) layoutRich(spans []span, size, w float64) [][]piece {
	type part struct {
		text, style string
		color       *rgb
		w           float64
	}
	type word struct {
		parts []part
		w     float64
	}
	var words []word
	var cur word
	flush := func() {
		if len(cur.parts) > 0 {
			words = append(words, cur)
		}
		cur = word{}
	}
	addPart := func(text, style string, c *rgb) {
		pw := r.strW(style, size, text)
		if n := len(cur.parts); n > 0 && cur.parts[n-1].style == style && cur.parts[n-1].color == c {
			cur.parts[n-1].text += text
			cur.parts[n-1].w += pw
		} else {
			cur.parts = append(cur.parts, part{text, style, c, pw})
		}
		cur.w += pw
	}
	for _, sp := range spans {
		t := r.s(sp.text)
		for t != "" {
			i := strings.IndexByte(t, ' ')
			if i < 0 {
				addPart(t, sp.style, sp.color)
				break
			}
			if i > 0 {
				addPart(t[:i], sp.style, sp.color)
			}
			flush()
			t = t[i+1:]
		}
	}
	flush()

	var lines [][]piece
	var line []piece
	x := 0.0
	lastStyle := stRegular
	emit := func(p part, space bool) {
		n := len(line)
		if n > 0 && line[n-1].style == p.style && line[n-1].color == p.color {
			if space {
				line[n-1].text += " "
			}
			line[n-1].text += p.text
		} else {
			line = append(line, piece{x: x, text: p.text, style: p.style, color: p.color})
		}
		x += p.w
		lastStyle = p.style
	}
	for _, wd := range words {
		space := r.strW(lastStyle, size, " ")
		if len(line) > 0 && x+space+wd.w > w {
			lines = append(lines, line)
			line, x = nil, 0
		}
		if wd.w > w {
			// a word longer than the line (a URL): break it by characters
			for _, p := range wd.parts {
				for _, c := range p.text {
					cwid := r.strW(p.style, size, string(c))
					if x+cwid > w && len(line) > 0 {
						lines = append(lines, line)
						line, x = nil, 0
					}
					emit(part{string(c), p.style, p.color, cwid}, false)
				}
			}
			continue
		}
		sp := len(line) > 0
		if sp {
			x += space
		}
		for j, p := range wd.parts {
			emit(p, sp && j == 0)
		}
	}
	if len(line) > 0 {
		lines = append(lines, line)
	}
	return lines
}

// drawLine draws one laid-out line with its top at y.
func (r *renderer) drawLine(line []piece, x0, y, lh, size float64, c rgb) {
	for _, p := range line {
		r.setFont(p.style, size)
		if p.color != nil {
			r.color(*p.color)
		} else {
			r.color(c)
		}
		r.text(x0+p.x, y, lh, p.text)
	}
}

// emphasis returns the spans of text[start:end) (code point offsets) with
// the mentions inside it set in the strong style. Out-of-range offsets
// fall back to plain text.
func emphasis(runes []rune, start, end int, mentions []pipeline.Mention, plain, strong string) []span {
	if start < 0 || end > len(runes) || start > end {
		return nil
	}
	var out []span
	pos := start
	for _, m := range mentions {
		if m.Start < pos || m.End > end || m.End <= m.Start {
			continue
		}
		if m.Start > pos {
			out = append(out, span{text: string(runes[pos:m.Start]), style: plain})
		}
		out = append(out, span{text: string(runes[m.Start:m.End]), style: strong})
		pos = m.End
	}
	if pos < end {
		out = append(out, span{text: string(runes[pos:end]), style: plain})
	}
	return out
}

// docText holds a document's text as code points with its mentions sorted
// by position, for emphasis.
type docText struct {
	runes    []rune
	mentions []pipeline.Mention
}

func newDocText(d *pipeline.Doc) *docText {
	t := &docText{runes: []rune(d.Document.Text)}
	t.mentions = append([]pipeline.Mention(nil), d.Mentions...)
	sort.SliceStable(t.mentions, func(i, j int) bool {
		if t.mentions[i].Start != t.mentions[j].Start {
			return t.mentions[i].Start < t.mentions[j].Start
		}
		return t.mentions[i].End > t.mentions[j].End
	})
	return t
}

// spans returns the styled runs of text[start:end), or of fallback in the
// plain style when the offsets do not fit the text or disagree with it.
func (t *docText) spans(start, end int, fallback, plain, strong string) []span {
	if start < 0 || end > len(t.runes) || start >= end {
		return []span{{text: fallback, style: plain}}
	}
	if fallback != "" && string(t.runes[start:end]) != fallback {
		return []span{{text: fallback, style: plain}}
	}
	// mentions inside [start,end): binary search for the first one
	i := sort.Search(len(t.mentions), func(i int) bool { return t.mentions[i].Start >= start })
	j := i
	for j < len(t.mentions) && t.mentions[j].Start < end {
		j++
	}
	return emphasis(t.runes, start, end, t.mentions[i:j], plain, strong)
}
