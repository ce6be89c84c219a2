package pdf

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/briefpack/briefpack/pipeline"
)

// rgb is a colour of the palette.
type rgb struct{ r, g, b int }

// The palette: navy headings, grey rules, one accent for bars.
var (
	colNavy     = rgb{22, 43, 78}
	colText     = rgb{33, 37, 41}
	colMuted    = rgb{105, 112, 120}
	colRule     = rgb{188, 193, 199}
	colShade    = rgb{243, 245, 248}
	colHeadFill = rgb{224, 230, 238}
	colNote     = rgb{248, 243, 229}
	colNoteBar  = rgb{190, 150, 70}
	colBar      = rgb{58, 96, 150}
	colBarTrack = rgb{228, 232, 238}
	colBanner   = rgb{140, 26, 26}
	colWhite    = rgb{255, 255, 255}
)

// The type scale (points) and line heights (mm).
const (
	szCover = 26
	szTitle = 20
	szH1    = 13
	szH2    = 11
	szBody  = 10
	szSmall = 8.5
	szTiny  = 7.5

	lhBody  = 5.0
	lhSmall = 3.9
	lhTiny  = 3.4

	ptToMM = 25.4 / 72
	margin = 20.0
)

// renderer draws one PDF. It is used once and thrown away.
type renderer struct {
	e    *Exporter
	ctx  context.Context
	pdf  *fpdf.Fpdf
	z    *sanitizer
	fs   *fontSet
	ds   *pipeline.Dataset
	docs []*pipeline.Doc

	batch     bool
	now       time.Time
	hasDate   bool
	packTitle string

	w, h                 float64 // page size
	left, right, top, bt float64 // content box: x from left to right, y from top to bt
	cw                   float64 // content width

	style  string // font cache; "?" means unknown
	size   float64
	loaded map[string]bool // font styles added to the document

	running string // right side of the running header

	toc      []tocEntry
	tocByKey map[string]int
	tocFirst int // first contents page
	tocPages int

	*nameIndex // run-wide names, shared read-only by every render of a dataset
}

// render writes one PDF with the given documents to w.
func (e *Exporter) render(ctx context.Context, w io.Writer, ds *pipeline.Dataset, docs []*pipeline.Doc, z *sanitizer) error {
	if ds == nil {
		ds = &pipeline.Dataset{}
	}
	return e.renderWith(ctx, w, ds, docs, z, newNameIndex(ds))
}

// renderWith is render with the dataset's name index built beforehand, so
// that the per-article files of a batch do not each walk the whole dataset.
// ds must not be nil; idx is only read.
func (e *Exporter) renderWith(ctx context.Context, w io.Writer, ds *pipeline.Dataset, docs []*pipeline.Doc, z *sanitizer, idx *nameIndex) error {
	r := &renderer{e: e, ctx: ctx, z: z, fs: z.fs, ds: ds, docs: docs, batch: len(docs) > 1, style: "?", nameIndex: idx}
	r.now, r.hasDate = e.clock(ds)
	r.packTitle = strings.TrimSpace(e.opts.PackTitle)
	if r.packTitle == "" {
		r.packTitle = "Briefing pack"
	}
	r.packTitle = r.s(r.packTitle)
	if err := r.setup(); err != nil {
		return err
	}
	r.cover()
	r.plan()
	r.reserveContents()
	if len(docs) == 0 && len(ds.Failures) > 0 {
		r.newPage("Inputs not processed")
		r.section("", "Inputs not processed", 0, 20)
		r.failures()
	}
	if r.batch {
		if err := r.overview(); err != nil {
			return err
		}
	}
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		r.article(i, d)
	}
	r.writeContents()
	r.pageNumbers()
	if err := r.pdf.Error(); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	if err := r.pdf.Output(w); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	return nil
}

func (r *renderer) setup() error {
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: r.e.pageSize})
	r.pdf = p
	// Regular and bold are always drawn; italic styles are added on first
	// use (parsing a font costs fpdf about 1.5 ms per document).
	r.loaded = map[string]bool{}
	for _, st := range []string{stRegular, stBold} {
		r.addFont(st)
	}
	if err := p.Error(); err != nil {
		return fmt.Errorf("render: load fonts: %w", err)
	}
	p.SetCatalogSort(true)
	p.SetCompression(true)
	p.SetCreationDate(r.now)
	p.SetModificationDate(r.now)
	title := r.packTitle
	if !r.batch && len(r.docs) == 1 && strings.TrimSpace(r.docs[0].Document.Title) != "" {
		title = r.packTitle + ": " + r.s(r.docs[0].Document.Title)
	}
	p.SetTitle(title, true)
	author := strings.TrimSpace(r.e.opts.Organization)
	if author == "" {
		author = "briefpack"
	}
	p.SetAuthor(r.s(author), true)
	p.SetSubject(r.subject(), true)
	p.SetKeywords(r.keywords(), true)
	creator := "briefpack"
	if v := strings.TrimSpace(r.e.opts.Version); v != "" {
		creator += " " + v
	}
	p.SetCreator(r.s(creator), true)
	p.SetProducer(r.s(creator), true)
	p.SetDisplayMode("fullwidth", "continuous")

	r.w, r.h = p.GetPageSize()
	r.left, r.right = margin, r.w-margin
	r.top, r.bt = 24, r.h-22
	r.cw = r.right - r.left
	p.SetMargins(r.left, r.top, margin)
	p.SetAutoPageBreak(false, 0)
	p.SetCellMargin(0)
	p.SetHeaderFuncMode(r.header, true)
	p.SetFooterFunc(r.footer)
	return nil
}

// subject is the metadata subject line.
func (r *renderer) subject() string {
	switch len(r.docs) {
	case 0:
		return "Briefing pack (no documents)"
	case 1:
		return "Briefing on " + r.s(r.docs[0].Document.Title)
	}
	return fmt.Sprintf("Briefing pack of %d documents", len(r.docs))
}

// keywords are the top actors and themes, as computed by the pipeline.
func (r *renderer) keywords() string {
	var kw []string
	seen := map[string]bool{}
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" && !seen[strings.ToLower(s)] {
			seen[strings.ToLower(s)] = true
			kw = append(kw, r.s(s))
		}
	}
	actors := r.ds.Views.Actors
	if !r.batch && len(r.docs) == 1 {
		actors = r.docs[0].Actors
	}
	for i, a := range actors {
		if i == 6 {
			break
		}
		add(a.Name)
	}
	n := 0
	for _, d := range r.docs {
		for i, t := range d.Themes {
			if i == 2 || n == 5 {
				break
			}
			if !seen[strings.ToLower(t.Label)] {
				n++
			}
			add(themeLabel(t.Label, t.Theme))
		}
		if n == 5 {
			break
		}
	}
	return strings.Join(kw, ", ")
}

// nameIndex maps the run's entity IDs and document IDs to display names.
// It depends only on the dataset and is never written after it is built.
type nameIndex struct {
	entityNames map[string]string // run-wide entity ID -> name, for views
	docTitles   map[string]string // doc ID -> title
}

func newNameIndex(ds *pipeline.Dataset) *nameIndex {
	x := &nameIndex{entityNames: map[string]string{}, docTitles: map[string]string{}}
	for _, a := range ds.Views.Actors {
		if a.Name != "" {
			x.entityNames[a.EntityID] = a.Name
		}
	}
	for _, d := range ds.Docs {
		x.docTitles[d.Document.DocID] = docTitle(d)
		for _, en := range d.Entities {
			if _, ok := x.entityNames[en.EntityID]; !ok && en.Name != "" {
				x.entityNames[en.EntityID] = en.Name
			}
		}
	}
	for i, id := range ds.Views.DocCompare.DocIDs {
		if _, ok := x.docTitles[id]; !ok && i < len(ds.Views.DocCompare.Titles) {
			x.docTitles[id] = ds.Views.DocCompare.Titles[i]
		}
	}
	return x
}

// entityName returns the display name of an entity ID.
func (r *renderer) entityName(d *pipeline.Doc, id string) string {
	if d != nil {
		if en := d.Entity(id); en != nil && en.Name != "" {
			return en.Name
		}
	}
	if n, ok := r.entityNames[id]; ok {
		return n
	}
	return id
}

// docTitle is the title shown for a document.
func docTitle(d *pipeline.Doc) string {
	if t := strings.TrimSpace(d.Document.Title); t != "" {
		return t
	}
	if t := strings.TrimSpace(d.Article.Title); t != "" {
		return t
	}
	if d.Document.Source != "" {
		return d.Document.Source
	}
	return "Untitled document " + d.Document.DocID
}

func themeLabel(label, id string) string {
	if strings.TrimSpace(label) != "" {
		return label
	}
	return id
}

// ---- page furniture ----

func (r *renderer) header() {
	p := r.pdf
	page := p.PageNo()
	if b := r.banner(); b != "" {
		r.setFont(stBold, szSmall)
		r.color(colBanner)
		r.textCenter(r.w/2, 6, lhSmall, b)
	}
	if page == 1 {
		return
	}
	r.setFont(stRegular, szTiny)
	r.color(colMuted)
	half := r.cw/2 - 4
	r.text(r.left, 12, lhTiny, r.fit(stRegular, szTiny, r.packTitle, half))
	if r.running != "" {
		t := r.fit(stRegular, szTiny, r.running, half)
		r.text(r.right-r.strW(stRegular, szTiny, t), 12, lhTiny, t)
	}
	r.drawColor(colRule)
	p.SetLineWidth(0.2)
	p.Line(r.left, 16.2, r.right, 16.2)
}

func (r *renderer) footer() {
	p := r.pdf
	r.drawColor(colRule)
	p.SetLineWidth(0.2)
	p.Line(r.left, r.h-16.5, r.right, r.h-16.5)
	r.setFont(stRegular, szTiny)
	r.color(colMuted)
	org := strings.TrimSpace(r.e.opts.Organization)
	if org == "" {
		org = "Prepared with briefpack"
	}
	r.text(r.left, r.h-15.5, lhTiny, r.fit(stRegular, szTiny, r.s(org), r.cw/2))
	if b := r.banner(); b != "" {
		r.setFont(stBold, szSmall)
		r.color(colBanner)
		r.textCenter(r.w/2, r.h-9.5, lhSmall, b)
	}
}

// pageNumbers writes "Page X of Y" on every page but the cover, once the
// total is known.
func (r *renderer) pageNumbers() {
	p := r.pdf
	n := p.PageCount()
	for i := 2; i <= n; i++ {
		p.SetPage(i)
		r.style = "?"
		r.setFont(stRegular, szTiny)
		r.color(colMuted)
		s := fmt.Sprintf("Page %d of %d", i, n)
		r.text(r.right-r.strW(stRegular, szTiny, s), r.h-15.5, lhTiny, s)
	}
	p.SetPage(n)
	r.style = "?"
}

func (r *renderer) banner() string {
	return r.fit(stBold, szSmall, r.s(strings.TrimSpace(r.e.opts.Banner)), r.cw)
}

// newPage starts a page; running is the right side of its running header.
func (r *renderer) newPage(running string) {
	r.running = r.s(running)
	r.pdf.AddPage()
	r.style = "?" // AddPage restored fpdf's own idea of the font
	r.pdf.SetY(r.top)
}

// need starts a new page unless h mm fit below the current position.
func (r *renderer) need(h float64) {
	if r.pdf.GetY()+h > r.bt {
		r.newPage(r.running)
	}
}

func (r *renderer) y() float64        { return r.pdf.GetY() }
func (r *renderer) setY(y float64)    { r.pdf.SetY(y) }
func (r *renderer) gap(h float64)     { r.pdf.SetY(r.pdf.GetY() + h) }
func (r *renderer) room() float64     { return r.bt - r.pdf.GetY() }
func (r *renderer) s(s string) string { return r.z.clean(s, false) }

// ---- fonts, colours, text primitives ----

func (r *renderer) addFont(style string) {
	r.pdf.AddUTF8FontFromBytes(family, style, r.fs.ttf[style])
	r.loaded[style] = true
}

func (r *renderer) setFont(style string, size float64) {
	if style == r.style && size == r.size {
		return
	}
	if !r.loaded[style] {
		r.addFont(style)
	}
	r.pdf.SetFont(family, style, size)
	r.style, r.size = style, size
}

func (r *renderer) color(c rgb)     { r.pdf.SetTextColor(c.r, c.g, c.b) }
func (r *renderer) fillColor(c rgb) { r.pdf.SetFillColor(c.r, c.g, c.b) }
func (r *renderer) drawColor(c rgb) { r.pdf.SetDrawColor(c.r, c.g, c.b) }

// strW is the width of s in mm.
func (r *renderer) strW(style string, size float64, s string) float64 {
	return float64(r.fs.width(style, s)) * size / 1000 * ptToMM
}

// text draws s with the current font in a line box of height lh whose top
// is at y.
func (r *renderer) text(x, y, lh float64, s string) {
	if s == "" {
		return
	}
	base := y + 0.5*lh + 0.3*r.size*ptToMM
	if !strings.Contains(s, "-") {
		r.pdf.Text(x, base, s)
		return
	}
	// hyphens are drawn condensed (hyphenScale), the rest as it is
	for i, seg := range strings.Split(s, "-") {
		if i > 0 {
			r.pdf.TransformBegin()
			r.pdf.TransformScaleX(hyphenScale*100, x, base)
			r.pdf.Text(x, base, "-")
			r.pdf.TransformEnd()
			x += r.strW(r.style, r.size, "-")
		}
		if seg != "" {
			r.pdf.Text(x, base, seg)
			x += r.strW(r.style, r.size, seg)
		}
	}
}

func (r *renderer) textCenter(cx, y, lh float64, s string) {
	r.text(cx-r.strW(r.style, r.size, s)/2, y, lh, s)
}

func (r *renderer) textRight(xr, y, lh float64, s string) {
	r.text(xr-r.strW(r.style, r.size, s), y, lh, s)
}

// fit shortens s with an ellipsis so that it fits in w mm.
func (r *renderer) fit(style string, size float64, s string, w float64) string {
	if r.strW(style, size, s) <= w {
		return s
	}
	limit := int(w / (size * ptToMM) * 1000)
	ell := r.fs.width(style, "…")
	n := 0
	rs := []rune(s)
	for i, c := range rs {
		cw := r.fs.width(style, string(c))
		if n+cw+ell > limit {
			return strings.TrimRight(string(rs[:i]), " ,;:-") + "…"
		}
		n += cw
	}
	return s
}

// wrap breaks s into lines no wider than w mm, at spaces when possible.
// Explicit newlines start new lines.
func (r *renderer) wrap(style string, size float64, s string, w float64) []string {
	limit := int(w / (size * ptToMM) * 1000)
	if limit <= 0 {
		limit = 1
	}
	wt := r.fs.widths[style]
	cwOf := func(c rune) int {
		if c >= 0 && c < 0x10000 {
			return int(wt[c])
		}
		return 0
	}
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		rs := []rune(para)
		start, width, lastSpace := 0, 0, -1
		for i := 0; i < len(rs); i++ {
			c := rs[i]
			if c == ' ' {
				lastSpace = i
			}
			width += cwOf(c)
			if width <= limit || c == ' ' {
				continue
			}
			// break the line
			if lastSpace > start {
				lines = append(lines, strings.TrimRight(string(rs[start:lastSpace]), " "))
				start = lastSpace + 1
			} else if i > start {
				lines = append(lines, string(rs[start:i]))
				start = i
			} else {
				lines = append(lines, string(rs[i:i+1]))
				start = i + 1
			}
			for start < len(rs) && rs[start] == ' ' {
				start++
			}
			lastSpace = -1
			width = 0
			for j := start; j <= i && j < len(rs); j++ {
				width += cwOf(rs[j])
			}
		}
		if start < len(rs) {
			lines = append(lines, strings.TrimRight(string(rs[start:]), " "))
		} else if len(rs) == 0 {
			lines = append(lines, "")
		}
	}
	return lines
}

// clampLines keeps at most n lines, ending the last with an ellipsis.
func (r *renderer) clampLines(lines []string, n int, style string, size, w float64) []string {
	if n <= 0 || len(lines) <= n {
		return lines
	}
	out := append([]string(nil), lines[:n]...)
	out[n-1] = r.fit(style, size, out[n-1]+" …", w)
	if !strings.HasSuffix(out[n-1], "…") {
		out[n-1] += " …"
	}
	return out
}

// para writes wrapped text across the content width (or from x with width
// w), breaking pages between lines.
func (r *renderer) para(x, w float64, style string, size, lh float64, c rgb, s string) {
	lines := r.wrap(style, size, r.s(s), w)
	r.need(math.Min(float64(len(lines)), 2) * lh)
	for _, ln := range lines {
		r.need(lh)
		r.setFont(style, size)
		r.color(c)
		r.text(x, r.y(), lh, ln)
		r.gap(lh)
	}
}

// rule draws a horizontal rule at the current position.
func (r *renderer) rule(c rgb, width float64) {
	r.drawColor(c)
	r.pdf.SetLineWidth(width)
	r.pdf.Line(r.left, r.y(), r.right, r.y())
}

// ---- headings ----

// section starts a titled section: it keeps the heading together with at
// least keep mm of what follows, sets its bookmark and its contents link.
func (r *renderer) section(key, title string, level int, keep float64) {
	title = r.s(title)
	r.need(9 + keep)
	if r.y() > r.top+0.5 {
		r.gap(3)
	}
	r.mark(key, title, level)
	r.setFont(stBold, szH1)
	r.color(colNavy)
	r.text(r.left, r.y(), 6.5, r.fit(stBold, szH1, title, r.cw))
	r.gap(6.8)
	r.rule(colRule, 0.25)
	r.gap(2.5)
}

// subhead is a small heading inside a section.
func (r *renderer) subhead(title string, keep float64) {
	r.need(6 + keep)
	r.gap(1)
	r.setFont(stBold, szH2)
	r.color(colNavy)
	r.text(r.left, r.y(), 5.5, r.fit(stBold, szH2, r.s(title), r.cw))
	r.gap(6.5)
}

// mark sets the outline entry and, when the key is in the contents, the
// page and link target of that entry, at the current position.
func (r *renderer) mark(key, title string, level int) {
	r.pdf.Bookmark(title, level, r.y())
	if i, ok := r.tocByKey[key]; ok {
		e := &r.toc[i]
		e.page = r.pdf.PageNo()
		r.pdf.SetLink(e.link, r.y(), e.page)
	}
}

// note writes a muted italic remark (e.g. "12 more rows in the workbook").
func (r *renderer) note(s string) {
	r.para(r.left, r.cw, stItalic, szSmall, lhSmall, colMuted, s)
	r.gap(1)
}
