package pdf

import (
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/briefpack/briefpack/pipeline"
)

// tocEntry is one line of the contents. link < 0 marks a group label.
type tocEntry struct {
	key   string
	title string
	level int
	link  int
	page  int
	num   int // article number in a batch (as on the cover), 0 otherwise
}

// Contents line heights.
const (
	tocLH0     = 6.6
	tocLH1     = 5.2
	tocLabelLH = 8.5
	tocHead    = 16.0 // "Contents" heading on the first contents page
)

// cover draws the title page.
func (r *renderer) cover() {
	p := r.pdf
	r.newPage("")
	y := r.top
	if r.e.logo != nil {
		opt := fpdf.ImageOptions{ImageType: r.e.logoType}
		p.RegisterImageOptionsReader("logo", opt, strings.NewReader(string(r.e.logo)))
		lw, lh := 50.0, 50.0*float64(r.e.logoH)/float64(r.e.logoW)
		if lh > 20 {
			lh, lw = 20, 20*float64(r.e.logoW)/float64(r.e.logoH)
		}
		p.ImageOptions("logo", r.left, y, lw, lh, false, opt, 0, "")
	}
	y = 62
	if org := r.s(strings.TrimSpace(r.e.opts.Organization)); org != "" {
		r.setFont(stBold, szH2)
		r.color(colMuted)
		for _, ln := range r.clampLines(r.wrap(stBold, szH2, org, r.cw), 2, stBold, szH2, r.cw) {
			r.text(r.left, y, 5.5, ln)
			y += 5.5
		}
		y += 3
	}
	r.setFont(stBold, szCover)
	r.color(colNavy)
	for _, ln := range r.clampLines(r.wrap(stBold, szCover, r.packTitle, r.cw), 3, stBold, szCover, r.cw) {
		r.text(r.left, y, 11.5, ln)
		y += 11.5
	}
	y += 3
	r.drawColor(colNavy)
	p.SetLineWidth(0.8)
	p.Line(r.left, y, r.left+40, y)
	y += 5
	r.setFont(stRegular, 12)
	r.color(colText)
	if r.hasDate {
		r.text(r.left, y, 6, r.now.Format("2 January 2006"))
		y += 6.5
	}
	r.setFont(stRegular, szBody)
	r.color(colMuted)
	r.text(r.left, y, lhBody, r.coverSummary())
	y += 14

	r.setFont(stBold, szH2)
	r.color(colNavy)
	if len(r.docs) == 1 {
		r.text(r.left, y, 5.5, "Source")
	} else {
		r.text(r.left, y, 5.5, "Sources")
	}
	y += 6.5
	r.drawColor(colRule)
	p.SetLineWidth(0.25)
	p.Line(r.left, y, r.right, y)
	y += 2.5
	limit := r.bt - 16
	numW := r.strW(stRegular, szSmall, "0000.")
	for i, d := range r.docs {
		title := r.wrap(stBold, szSmall, r.s(docTitle(d)), r.cw-numW)
		title = r.clampLines(title, 2, stBold, szSmall, r.cw-numW)
		meta := r.fit(stRegular, szTiny, r.s(sourceLine(d)), r.cw-numW)
		h := float64(len(title))*lhSmall + lhTiny + 1.6
		if y+h > limit-lhSmall && i < len(r.docs)-1 || y+h > limit {
			r.setFont(stItalic, szSmall)
			r.color(colMuted)
			r.text(r.left, y, lhSmall, fmt.Sprintf("… and %d more documents, listed in the contents.", len(r.docs)-i))
			break
		}
		r.setFont(stRegular, szSmall)
		r.color(colMuted)
		r.textRight(r.left+numW-1.5, y, lhSmall, fmt.Sprintf("%d.", i+1))
		r.setFont(stBold, szSmall)
		r.color(colText)
		for _, ln := range title {
			r.text(r.left+numW, y, lhSmall, ln)
			y += lhSmall
		}
		r.setFont(stRegular, szTiny)
		r.color(colMuted)
		r.text(r.left+numW, y, lhTiny, meta)
		y += lhTiny + 1.6
	}
	if len(r.docs) == 0 {
		r.setFont(stItalic, szSmall)
		r.color(colMuted)
		r.text(r.left, y, lhSmall, "No documents could be processed in this run.")
	}
	if n := len(r.ds.Failures); n > 0 {
		r.setFont(stItalic, szSmall)
		r.color(colBanner)
		s := fmt.Sprintf("%d input(s) could not be processed; see “Inputs not processed” in the overview.", n)
		if !r.batch {
			s = fmt.Sprintf("%d input(s) of this run could not be processed; see the run manifest.", n)
		}
		r.text(r.left, r.bt-8, lhSmall, s)
	}
}

// coverSummary is the line under the date: what the pack covers.
func (r *renderer) coverSummary() string {
	t := r.ds.Views.Totals
	switch {
	case len(r.docs) == 1:
		d := r.docs[0].Document
		return fmt.Sprintf("Briefing on one document · %s words", thousands(d.Words))
	case len(r.docs) > 1 && t.Documents > 0:
		return fmt.Sprintf("%d documents · %s words · %s actors · %s dated events",
			t.Documents, thousands(t.Words), thousands(t.Entities), thousands(t.Events))
	}
	return fmt.Sprintf("%d documents", len(r.docs))
}

// sourceLine is "site · published · byline · source" for a document.
func sourceLine(d *pipeline.Doc) string {
	doc := d.Document
	var parts []string
	if doc.Site != "" {
		parts = append(parts, doc.Site)
	}
	if doc.Published != "" {
		parts = append(parts, displayDate(doc.Published))
	}
	if doc.Byline != "" {
		parts = append(parts, doc.Byline)
	}
	src := doc.URL
	if src == "" {
		src = doc.Source
	}
	if src != "" {
		parts = append(parts, src)
	}
	if len(parts) == 0 {
		return "source unknown"
	}
	return strings.Join(parts, " · ")
}

// plan lists the contents entries before anything is drawn, so the
// contents pages can be reserved.
func (r *renderer) plan() {
	r.tocByKey = map[string]int{}
	add := func(key, title string, level int) {
		e := tocEntry{key: key, title: r.s(title), level: level, link: -1}
		if key != "" {
			e.link = r.pdf.AddLink()
			r.tocByKey[key] = len(r.toc)
		}
		r.toc = append(r.toc, e)
	}
	if r.batch {
		add("", "Overview", -1)
		for _, s := range r.overviewSections() {
			add(s.key, s.title, 0)
		}
		add("", "Articles", -1)
	}
	for i, d := range r.docs {
		add(docKey(i, ""), docTitle(d), 0)
		if r.batch {
			r.toc[len(r.toc)-1].num = i + 1
		}
		if !r.batch {
			for _, s := range r.docSections(i, d) {
				add(s.key, s.title, 1)
			}
		}
	}
}

func docKey(i int, sec string) string {
	if sec == "" {
		return fmt.Sprintf("doc%d", i)
	}
	return fmt.Sprintf("doc%d/%s", i, sec)
}

func tocLH(e tocEntry) float64 {
	switch e.level {
	case -1:
		return tocLabelLH
	case 0:
		return tocLH0
	}
	return tocLH1
}

// tocLayout places every contents line: fn gets the entry index, the page
// offset from the first contents page and the top of the line. It returns
// the number of pages.
func (r *renderer) tocLayout(fn func(i, page int, y float64)) int {
	page, y := 0, r.top+tocHead
	for i, e := range r.toc {
		lh := tocLH(e)
		if e.level == -1 && y+lh+tocLH0 > r.bt || y+lh > r.bt {
			page++
			y = r.top
		}
		if fn != nil {
			fn(i, page, y)
		}
		y += lh
	}
	return page + 1
}

// reserveContents adds the (still empty) contents pages.
func (r *renderer) reserveContents() {
	r.tocPages = r.tocLayout(nil)
	for i := 0; i < r.tocPages; i++ {
		r.newPage("Contents")
		if i == 0 {
			r.tocFirst = r.pdf.PageNo()
			r.pdf.Bookmark("Contents", 0, r.top)
		}
	}
}

// writeContents fills the reserved contents pages now that every entry
// knows its page.
func (r *renderer) writeContents() {
	p := r.pdf
	last := p.PageCount()
	p.SetPage(r.tocFirst)
	r.style = "?"
	r.setFont(stBold, szTitle)
	r.color(colNavy)
	r.text(r.left, r.top, 9, "Contents")
	r.drawColor(colNavy)
	p.SetLineWidth(0.6)
	p.Line(r.left, r.top+10.5, r.right, r.top+10.5)
	cur := 0
	numW := r.strW(stRegular, szBody, "0000")
	r.tocLayout(func(i, page int, y float64) {
		if page != cur {
			cur = page
			p.SetPage(r.tocFirst + page)
			r.style = "?"
		}
		e := r.toc[i]
		switch e.level {
		case -1:
			r.setFont(stBold, szSmall)
			r.color(colMuted)
			r.text(r.left, y+2.5, tocLabelLH-2.5, strings.ToUpper(e.title))
			return
		}
		indent, style, size := 0.0, stBold, float64(szBody)
		if e.level == 1 {
			indent, style, size = 6, stRegular, 9.5
		}
		lh := tocLH(e)
		if e.num > 0 {
			artW := r.strW(stRegular, size, "0000.")
			r.setFont(stRegular, size)
			r.color(colMuted)
			r.textRight(r.left+artW-1.5, y, lh, fmt.Sprintf("%d.", e.num))
			indent = artW
		}
		num := ""
		if e.page > 0 {
			num = fmt.Sprint(e.page)
		}
		title := r.fit(style, size, e.title, r.cw-indent-numW-6)
		r.setFont(style, size)
		r.color(colText)
		r.text(r.left+indent, y, lh, title)
		tw := r.strW(style, size, title)
		r.setFont(stRegular, size)
		r.textRight(r.right, y, lh, num)
		// dotted leader
		x0, x1 := r.left+indent+tw+2, r.right-r.strW(stRegular, size, num)-2
		if x1 > x0 {
			r.drawColor(colRule)
			p.SetLineWidth(0.3)
			p.SetDashPattern([]float64{0.3, 1.2}, 0)
			ly := y + 0.5*lh + 0.3*size*ptToMM
			p.Line(x0, ly, x1, ly)
			p.SetDashPattern([]float64{}, 0)
		}
		if e.link >= 0 && e.page > 0 {
			p.Link(r.left, y, r.cw, lh, e.link)
		}
	})
	p.SetPage(last)
	r.style = "?"
}

// thousands formats n with thin grouping commas.
func thousands(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
