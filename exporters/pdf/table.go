package pdf

import (
	"fmt"
	"math"
	"strings"
)

// column is one column of a table; w is its share of the width in mm
// (columns are scaled to the available width).
type column struct {
	title string
	w     float64
	align string // "L" (default), "R" or "C"
}

// cell is one table cell. bar >= 0 draws a horizontal bar of that
// fraction (0..1) before the text; fill shades the cell.
type cell struct {
	text  string
	style string
	align string
	color *rgb
	fill  *rgb
	bar   float64
	size  float64 // 0: the table's size
}

// tcell is a plain text cell.
func tcell(s string) cell { return cell{text: s, bar: -1} }

// ncell is a right-aligned number cell.
func ncell(s string) cell { return cell{text: s, align: "R", bar: -1} }

// bcell is a bar cell showing v in [0,1] with its value.
func bcell(v float64) cell {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return cell{text: "–", align: "R", bar: -1}
	}
	return cell{text: fmt.Sprintf("%.2f", v), bar: math.Max(0, math.Min(1, v))}
}

// tableOpts tune a table.
type tableOpts struct {
	size      float64 // font size, default szSmall
	lh        float64 // line height, default lhSmall
	maxLines  int     // per cell, default 12
	zebra     bool
	headStyle string
	x, w      float64 // defaults: content box
	together  bool    // keep the whole table on one page when it fits one
}

const cellPad = 1.3

// tableSpec is a table ready to draw or measure.
type tableSpec struct {
	cols []column
	rows [][]cell
	o    tableOpts
}

// prep fills the defaults of a table and returns its column widths and
// header cells.
func (r *renderer) prep(t *tableSpec) ([]float64, []cell) {
	o := &t.o
	if o.size == 0 {
		o.size = szSmall
	}
	if o.lh == 0 {
		o.lh = lhSmall
	}
	if o.maxLines == 0 {
		o.maxLines = 12
	}
	if o.w == 0 {
		o.x, o.w = r.left, r.cw
	}
	if o.headStyle == "" {
		o.headStyle = stBold
	}
	total := 0.0
	for _, c := range t.cols {
		total += c.w
	}
	ws := make([]float64, len(t.cols))
	for i, c := range t.cols {
		ws[i] = c.w / total * o.w
	}
	// the header font shrinks (down to 5 pt) until no word of a column
	// title has to be broken
	hs := o.size
	for i, c := range t.cols {
		inner := ws[i] - 2*cellPad
		for _, w := range strings.Fields(r.s(c.title)) {
			if need := r.strW(o.headStyle, hs, w); need > inner && inner > 0 {
				hs = math.Max(5, hs*inner/need)
			}
		}
	}
	head := make([]cell, len(t.cols))
	for i, c := range t.cols {
		head[i] = cell{text: c.title, style: o.headStyle, align: c.align, bar: -1, size: hs}
	}
	return ws, head
}

// tableKeep is the height a table needs on the page where it starts: its
// header and first row, or all of it when it is kept together.
func (r *renderer) tableKeep(t tableSpec) float64 {
	if len(t.cols) == 0 {
		return 0
	}
	ws, head := r.prep(&t)
	_, h := r.rowLayout(head, ws, t.cols, t.o)
	for i, row := range t.rows {
		if i > 0 && !t.o.together {
			break
		}
		_, rh := r.rowLayout(row, ws, t.cols, t.o)
		h += rh
	}
	if h > r.bt-r.top-10 {
		return 30
	}
	return h
}

// table draws a table whose rows may cross pages; the header row repeats
// on every page. Cells wrap; the row height is that of its tallest cell.
func (r *renderer) table(cols []column, rows [][]cell, o tableOpts) {
	r.drawTable(tableSpec{cols, rows, o})
}

func (r *renderer) drawTable(t tableSpec) {
	if len(t.cols) == 0 {
		return
	}
	ws, head := r.prep(&t)
	cols, rows, o := t.cols, t.rows, t.o
	drawHead := func() {
		lines, h := r.rowLayout(head, ws, cols, o)
		r.drawRow(head, lines, ws, cols, h, o, &colHeadFill)
	}
	_, hh := r.rowLayout(head, ws, cols, o)
	if o.together {
		total := hh
		for _, row := range rows {
			_, h := r.rowLayout(row, ws, cols, o)
			total += h
		}
		if total <= r.bt-r.top {
			r.need(total)
		}
	}
	for i, row := range rows {
		lines, h := r.rowLayout(row, ws, cols, o)
		if i == 0 {
			r.need(hh + h)
			drawHead()
		} else if r.y()+h > r.bt {
			r.newPage(r.running)
			drawHead()
		}
		var fill *rgb
		if o.zebra && i%2 == 1 {
			fill = &colShade
		}
		r.drawRow(row, lines, ws, cols, h, o, fill)
	}
	r.gap(2)
}

// rowLayout wraps every cell of a row and returns the lines and the row
// height. A row never exceeds one page.
func (r *renderer) rowLayout(row []cell, ws []float64, cols []column, o tableOpts) ([][]string, float64) {
	maxLines := o.maxLines
	if fit := int((r.bt - r.top - 20 - 2*cellPad) / o.lh); maxLines > fit {
		maxLines = fit
	}
	lines := make([][]string, len(ws))
	maxH := o.lh
	for i := range ws {
		if i >= len(row) {
			continue
		}
		c := row[i]
		st := cellStyle(c)
		inner := ws[i] - 2*cellPad
		if c.bar >= 0 {
			lines[i] = []string{r.s(c.text)}
			continue
		}
		size, lh := cellSize(c, o)
		l := r.wrap(st, size, r.z.clean(c.text, true), inner)
		l = r.clampLines(l, maxLines, st, size, inner)
		lines[i] = l
		if h := float64(len(l)) * lh; h > maxH {
			maxH = h
		}
	}
	return lines, maxH + 2*cellPad
}

func cellStyle(c cell) string {
	if c.style != "" {
		return c.style
	}
	return stRegular
}

func (r *renderer) drawRow(row []cell, lines [][]string, ws []float64, cols []column, h float64, o tableOpts, fill *rgb) {
	p := r.pdf
	y := r.y()
	x := o.x
	if fill != nil {
		r.fillColor(*fill)
		p.Rect(o.x, y, o.w, h, "F")
	}
	for i, w := range ws {
		if i >= len(row) {
			x += w
			continue
		}
		c := row[i]
		if c.fill != nil {
			r.fillColor(*c.fill)
			p.Rect(x, y, w, h, "F")
		}
		st := cellStyle(c)
		size, lh := cellSize(c, o)
		r.setFont(st, size)
		col := colText
		if c.color != nil {
			col = *c.color
		}
		r.color(col)
		align := c.align
		if align == "" && i < len(cols) {
			align = cols[i].align
		}
		inner := w - 2*cellPad
		if c.bar >= 0 {
			num := lines[i][0]
			numW := r.strW(st, o.size, "0.00") + 1.5
			track := inner - numW
			if track > 4 {
				r.fillColor(colBarTrack)
				p.Rect(x+cellPad, y+cellPad+o.lh*0.25, track, o.lh*0.5, "F")
				r.fillColor(colBar)
				if c.bar > 0 {
					p.Rect(x+cellPad, y+cellPad+o.lh*0.25, math.Max(0.3, track*c.bar), o.lh*0.5, "F")
				}
			}
			r.textRight(x+w-cellPad, y+cellPad, o.lh, num)
			x += w
			continue
		}
		for j, ln := range lines[i] {
			ly := y + cellPad + float64(j)*lh
			switch align {
			case "R":
				r.textRight(x+w-cellPad, ly, lh, ln)
			case "C":
				r.textCenter(x+w/2, ly, lh, ln)
			default:
				r.text(x+cellPad, ly, lh, ln)
			}
		}
		x += w
	}
	r.drawColor(colRule)
	p.SetLineWidth(0.15)
	p.Line(o.x, y+h, o.x+o.w, y+h)
	r.setY(y + h)
}

// cellSize is the font size and line height of a cell.
func cellSize(c cell, o tableOpts) (float64, float64) {
	if c.size == 0 || c.size == o.size {
		return o.size, o.lh
	}
	return c.size, o.lh * c.size / o.size
}
