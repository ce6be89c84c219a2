package pdf

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/briefpack/briefpack/pipeline"
)

// tlEvent is one marker of a timeline figure.
type tlEvent struct {
	pos   float64 // fractional year
	label string
}

// maxMarkers caps the markers of one figure; beyond it events are sampled
// evenly (the table and the workbook list all of them).
const maxMarkers = 600

// datePos turns an ISO date (2004, 2024-08, 2024-08-09, or a longer
// date-time) into a fractional year; ok is false when there is no year.
func datePos(iso string) (float64, bool) {
	if len(iso) < 4 {
		return 0, false
	}
	y, err := strconv.Atoi(iso[:4])
	if err != nil {
		return 0, false
	}
	pos := float64(y)
	if len(iso) >= 7 && iso[4] == '-' {
		if m, err := strconv.Atoi(iso[5:7]); err == nil && m >= 1 && m <= 12 {
			pos += float64(m-1) / 12
			if len(iso) >= 10 && iso[7] == '-' {
				if d, err := strconv.Atoi(iso[8:10]); err == nil && d >= 1 && d <= 31 {
					pos += float64(d-1) / 372
				}
			}
		}
	}
	return pos, true
}

// shortDate is the compact form of an ISO date for labels: "2004",
// "Aug 2024", "9 Aug 2024".
func shortDate(iso string) string {
	switch {
	case len(iso) >= 10:
		if s := displayDate(iso[:10]); s != iso[:10] {
			f := strings.Fields(s)
			if len(f) == 3 && len(f[1]) > 3 {
				f[1] = f[1][:3]
			}
			return strings.Join(f, " ")
		}
	case len(iso) == 7:
		if s := displayDate(iso); s != iso {
			f := strings.Fields(s)
			if len(f) == 2 && len(f[0]) > 3 {
				f[0] = f[0][:3]
			}
			return strings.Join(f, " ")
		}
	}
	return iso
}

// eventDate is how an event's date is shown in tables.
func eventDate(e pipeline.Event) string {
	if e.Date == "" {
		return e.DateText
	}
	s := displayDate(e.Date)
	if e.EndDate != "" {
		s += " – " + displayDate(e.EndDate)
	}
	return s
}

// eventLabel is the short label of a marker: the date and the first
// actors of the sentence, or its first words.
func (r *renderer) eventLabel(d *pipeline.Doc, e pipeline.Event) string {
	var names []string
	for _, id := range e.Entities {
		n := r.entityName(d, id)
		if n != "" && !contains(names, n) {
			names = append(names, n)
		}
		if len(names) == 2 {
			break
		}
	}
	what := strings.Join(names, ", ")
	if what == "" {
		f := strings.Fields(e.Text)
		if len(f) > 4 {
			f = append(f[:4], "…")
		}
		what = strings.Join(f, " ")
	}
	return shortDate(e.Date) + " · " + what
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// niceStep picks a tick step (1, 2, 5, 10, 20, 25, 50, ... years) so the
// axis has at most max ticks.
func niceStep(span float64, max int) int {
	for _, base := range []int{1, 10, 100, 1000} {
		for _, m := range []int{1, 2, 5} {
			s := base * m
			if span/float64(s) <= float64(max) {
				return s
			}
		}
		if base == 10 && span/25 <= float64(max) {
			return 25
		}
	}
	return 10000
}

// timelineFigure draws a horizontal axis with year ticks and a marker per
// event, labels set in up to five lanes above the axis so none overlap.
// With dry set it only returns the height the figure needs.
func (r *renderer) timelineFigure(evs []tlEvent, dry bool) float64 {
	if len(evs) == 0 {
		return 0
	}
	evs = append([]tlEvent(nil), evs...)
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].pos < evs[j].pos })
	if len(evs) > maxMarkers {
		step := float64(len(evs)) / maxMarkers
		var s []tlEvent
		for i := 0; i < maxMarkers; i++ {
			s = append(s, evs[int(float64(i)*step)])
		}
		evs = s
	}
	lo, hi := math.Floor(evs[0].pos), math.Floor(evs[len(evs)-1].pos)+1
	if hi-lo < 3 {
		lo, hi = lo-1, hi+1
	}
	step := niceStep(hi-lo, 12)
	lo = math.Floor(lo/float64(step)) * float64(step)
	hi = math.Ceil(hi/float64(step)) * float64(step)
	x0, x1 := r.left+3, r.right-3
	xOf := func(p float64) float64 { return x0 + (p-lo)/(hi-lo)*(x1-x0) }

	// Place labels in lanes above the axis, right to left, in the lowest
	// lane where the label overlaps no other label, its leader crosses no
	// label below it, and it hides no leader of a label above it. A label
	// starts at its marker, or ends there when that fits better. Identical
	// labels at the same date are set once; labels that find no room are
	// left out (the table lists every event).
	const lanes, laneH, gapX = 5, 4.2, 2.5
	type placed struct {
		x, w float64
		lane int
		text string
		mx   float64
	}
	// distinct labels, in position order
	type cand struct {
		text  string
		w, mx float64
	}
	var cands []cand
	seen := map[string]bool{}
	for _, e := range evs {
		key := fmt.Sprintf("%.4f|%s", e.pos, e.label)
		if seen[key] {
			continue
		}
		seen[key] = true
		t := r.fit(stRegular, szTiny, r.s(e.label), 50)
		cands = append(cands, cand{t, r.strW(stRegular, szTiny, t), xOf(e.pos)})
	}
	place := func(rightToLeft bool) []placed {
		var labels []placed
		free := func(x, w, mx float64, lane int) bool {
			if x < r.left || x+w > r.right {
				return false
			}
			for _, p := range labels {
				switch {
				case p.lane == lane:
					if x < p.x+p.w+gapX && p.x < x+w+gapX {
						return false
					}
				case p.lane < lane:
					if mx >= p.x-0.8 && mx <= p.x+p.w+0.8 {
						return false
					}
				default:
					if p.mx >= x-0.8 && p.mx <= x+w+0.8 {
						return false
					}
				}
			}
			return true
		}
		for k := range cands {
			c := cands[k]
			if rightToLeft {
				c = cands[len(cands)-1-k]
			}
		lanes:
			for l := 0; l < lanes; l++ {
				for _, x := range []float64{c.mx - 0.6, c.mx + 0.6 - c.w} {
					if free(x, c.w, c.mx, l) {
						labels = append(labels, placed{x, c.w, l, c.text, c.mx})
						break lanes
					}
				}
			}
		}
		return labels
	}
	labels := place(true)
	if alt := place(false); len(alt) > len(labels) {
		labels = alt
	}
	used := 0
	for _, l := range labels {
		used = max(used, l.lane+1)
	}
	h := float64(used)*laneH + 14
	if dry {
		return h
	}
	r.need(h)
	top := r.y()
	axis := top + float64(used)*laneH + 5
	p := r.pdf
	// leaders and labels
	for _, l := range labels {
		ly := top + float64(used-1-l.lane)*laneH
		r.drawColor(colRule)
		p.SetLineWidth(0.15)
		p.Line(l.mx, ly+laneH-0.6, l.mx, axis-1.2)
		r.setFont(stRegular, szTiny)
		r.color(colText)
		r.text(l.x, ly, laneH-0.6, l.text)
	}
	// axis and ticks
	r.drawColor(colNavy)
	p.SetLineWidth(0.4)
	p.Line(x0, axis, x1, axis)
	r.setFont(stRegular, szTiny)
	r.color(colMuted)
	for yv := lo; yv <= hi+1e-9; yv += float64(step) {
		x := xOf(yv)
		p.SetLineWidth(0.25)
		p.Line(x, axis, x, axis+1.6)
		r.textCenter(x, axis+2, lhTiny, strconv.Itoa(int(yv)))
	}
	// markers
	r.fillColor(colBar)
	r.drawColor(colWhite)
	p.SetLineWidth(0.2)
	for _, e := range evs {
		p.Circle(xOf(e.pos), axis, 1.15, "FD")
	}
	r.setY(axis + 8)
	return h
}

// docTimeline draws the timeline of one document: figure, dated events,
// then the relative dates that could not be resolved.
func (r *renderer) docTimeline(d *pipeline.Doc) {
	evs, dated, undated := r.docTimelineParts(d)
	r.timelineFigure(evs, false)
	if len(dated.rows) > 0 {
		r.drawTable(dated)
		if n := countDated(d) - len(dated.rows); n > 0 {
			r.note(fmt.Sprintf("%d further dated events are listed in the workbook and CSV exports.", n))
		}
	}
	if len(undated.rows) > 0 {
		r.subhead("Undated and relative references", r.tableKeep(undated))
		r.drawTable(undated)
	}
}

// docTimelineKeep is what must follow the timeline heading: the figure and
// the first row of its table.
func (r *renderer) docTimelineKeep(d *pipeline.Doc) float64 {
	evs, dated, undated := r.docTimelineParts(d)
	if len(dated.rows) == 0 {
		dated = undated
	}
	return r.timelineFigure(evs, true) + r.tableKeep(dated)
}

func countDated(d *pipeline.Doc) int {
	n := 0
	for _, e := range d.Events {
		if _, ok := datePos(e.Date); ok {
			n++
		}
	}
	return n
}

func (r *renderer) docTimelineParts(d *pipeline.Doc) ([]tlEvent, tableSpec, tableSpec) {
	var evs []tlEvent
	var dated, undated []pipeline.Event
	for _, e := range d.Events {
		if pos, ok := datePos(e.Date); ok {
			evs = append(evs, tlEvent{pos, r.eventLabel(d, e)})
			dated = append(dated, e)
		} else {
			undated = append(undated, e)
		}
	}
	dt := tableSpec{cols: []column{{title: "Date", w: 28}, {title: "Event", w: 130}, {title: "Where", w: 12, align: "R"}}, o: tableOpts{zebra: true, maxLines: 6}}
	for i, e := range dated {
		if i == maxEventRows {
			break
		}
		dt.rows = append(dt.rows, []cell{{text: eventDate(e), style: stBold, bar: -1}, tcell(e.Text), ncell(paraRef(d, e.SentID))})
	}
	ut := tableSpec{cols: []column{{title: "Expression", w: 28}, {title: "Sentence", w: 130}, {title: "Where", w: 12, align: "R"}}, o: tableOpts{zebra: true, maxLines: 6}}
	for i, e := range undated {
		if i == maxEventRows {
			break
		}
		ut.rows = append(ut.rows, []cell{{text: e.DateText, style: stItalic, bar: -1}, tcell(e.Text), ncell(paraRef(d, e.SentID))})
	}
	return evs, dt, ut
}
