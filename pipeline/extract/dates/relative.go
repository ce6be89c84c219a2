package dates

import (
	"math"
	"time"

	"github.com/briefpack/briefpack/pipeline"
)

// unresolved records a relative expression over tokens [start, end) that
// has no anchor.
func (p *parser) unresolved(start, end int) int {
	p.emit(start, end, Match{Kind: KindDate, Precision: pipeline.PrecisionRelative, Relative: true})
	return end
}

func (p *parser) emitYear(start, end, y int) int {
	p.emit(start, end, Match{Kind: KindDate, Date: fmtYear(y), Precision: pipeline.PrecisionYear, Relative: true})
	return end
}

func (p *parser) emitMonth(start, end int, t time.Time) int {
	p.emit(start, end, Match{Kind: KindDate, Date: fmtMonth(t.Year(), int(t.Month())), Precision: pipeline.PrecisionMonth, Relative: true})
	return end
}

func (p *parser) emitDate(start, end int, t time.Time) int {
	p.emit(start, end, Match{Kind: KindDate, Date: fmtDay(t), Precision: pipeline.PrecisionDay, Relative: true})
	return end
}

func (p *parser) emitRange(start, end int, a, b time.Time) int {
	p.emit(start, end, Match{Kind: KindDate, Date: fmtDay(a), EndDate: fmtDay(b), Precision: pipeline.PrecisionDay, Relative: true})
	return end
}

// firstOfMonth returns the first day of the month n months after the
// anchor's month.
func (p *parser) firstOfMonth(n int) time.Time {
	return time.Date(p.anchor.Year(), p.anchor.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
}

// monday returns the Monday of the anchor's week, moved by n weeks.
func (p *parser) monday(n int) time.Time {
	back := (int(p.anchor.Weekday()) + 6) % 7
	return p.anchor.AddDate(0, 0, -back+7*n)
}

// relative reads "this|last|next" + week, month, year, a weekday, a month
// name or a season at i. start may point at a modifier before it
// ("earlier this year").
func (p *parser) relative(i, start int) int {
	if !p.flag(i, fRel) {
		return 0
	}
	if start == i && i > 0 && (p.wordIs(i-1, "the") || p.flag(i-1, fDeterminer)) {
		return 0 // "the last year of the war", "over the next month"
	}
	rel := 0
	switch {
	case p.wordIs(i, "last"):
		rel = -1
	case p.wordIs(i, "next"):
		rel = 1
	}
	j := i + 1
	wi, ok := p.info(j)
	if !ok {
		return 0
	}
	end := j + 1
	switch {
	case p.wordIs(j, "year"), p.wordIs(j, "month"), p.wordIs(j, "week"):
		if !p.hasAnchor {
			return p.unresolved(start, end)
		}
		switch wi.unit {
		case uYear:
			return p.emitYear(start, end, p.anchor.Year()+rel)
		case uMonth:
			return p.emitMonth(start, end, p.firstOfMonth(rel))
		default:
			m := p.monday(rel)
			return p.emitRange(start, end, m, m.AddDate(0, 0, 6))
		}
	case wi.weekday > 0 && p.toks[j].upper:
		if !p.hasAnchor {
			return p.unresolved(start, end)
		}
		wd := int(wi.weekday) // 1 Monday .. 7 Sunday
		aw := (int(p.anchor.Weekday())+6)%7 + 1
		var t time.Time
		switch rel {
		case -1: // the most recent such day before the anchor
			back := (aw - wd + 7) % 7
			if back == 0 {
				back = 7
			}
			t = p.anchor.AddDate(0, 0, -back)
		case 1: // the first such day after the anchor
			fwd := (wd - aw + 7) % 7
			if fwd == 0 {
				fwd = 7
			}
			t = p.anchor.AddDate(0, 0, fwd)
		default: // in the anchor's week
			t = p.monday(0).AddDate(0, 0, wd-1)
		}
		return p.emitDate(start, end, t)
	case wi.month > 0 && !wi.abbr && p.toks[j].upper:
		return p.monthFirst(j, int(wi.month), j+1, start)
	case wi.season > 0:
		if !p.hasAnchor {
			return p.unresolved(start, end)
		}
		p.emit(start, end, seasonMatch(int(wi.season), p.seasonYear(int(wi.season), rel), true))
		return end
	}
	return 0
}

// agoUnit reports whether the word at j is a unit usable in "N units ago"
// and "in N units".
func (p *parser) agoUnit(j int) (int8, bool) {
	wi, ok := p.info(j)
	if !ok {
		return 0, false
	}
	switch wi.unit {
	case uDay, uWeek, uMonth, uYear, uDecade:
		return wi.unit, true
	}
	return 0, false
}

// shift resolves "n units" before (sign -1) or after (+1) the anchor.
func (p *parser) shift(start, end int, unit int8, n float64, sign int) int {
	if !p.hasAnchor {
		return p.unresolved(start, end)
	}
	k := int(n) * sign
	switch unit {
	case uYear:
		return p.emitYear(start, end, p.anchor.Year()+k)
	case uDecade:
		return p.emitYear(start, end, p.anchor.Year()+10*k)
	case uMonth:
		return p.emitMonth(start, end, p.firstOfMonth(k))
	case uWeek:
		return p.emitDate(start, end, p.anchor.AddDate(0, 0, 7*k))
	default:
		return p.emitDate(start, end, p.anchor.AddDate(0, 0, k))
	}
}

// relativeAgo reads "three months ago", "a year ago", "20 years ago".
func (p *parser) relativeAgo(i, start int) int {
	n, j, ok := p.numberAt(i, true)
	if !ok || n != math.Trunc(n) || n < 0 || n > 1000 {
		return 0
	}
	u, ok := p.agoUnit(j)
	if !ok || !p.wordIs(j+1, "ago") {
		return 0
	}
	return p.shift(start, j+2, u, n, -1)
}

// relativeIn reads "in two years", "in 18 months' time".
func (p *parser) relativeIn(i int) int {
	n, j, ok := p.numberAt(i+1, true)
	if !ok || n != math.Trunc(n) || n <= 0 || n > 1000 {
		return 0
	}
	if t := p.tok(i + 1); t.kind == tNum && (!t.plain || t.digits > 3) {
		return 0
	}
	u, ok := p.agoUnit(j)
	if !ok {
		return 0
	}
	end := j + 1
	if (p.isSym(end, "’") || p.isSym(end, "'")) && p.glued(end) && p.wordIs(end+1, "time") {
		end += 2
	} else if p.wordIs(end, "time") {
		end++
	}
	if end == j+1 && (p.wordIs(end, "of") || p.wordIs(end, "old") || p.isSym(end, "-") || p.wordIs(end, "and") || p.wordIs(end, "to")) {
		return 0 // "in 20 years of service", "in 5-year terms"
	}
	return p.shift(i, end, u, n, 1)
}

// weekday reads a weekday after "on", "by", "since", ... ("on Tuesday").
// Without "last"/"next" it is the most recent such day, or the next one
// when the sentence speaks of the future ("will meet on Tuesday").
func (p *parser) weekday(i int) int {
	t := &p.toks[i]
	if !t.upper {
		return 0
	}
	ok := false
	switch {
	case p.wordIs(i-1, "on"), p.wordIs(i-1, "by"), p.wordIs(i-1, "until"), p.wordIs(i-1, "till"),
		p.wordIs(i-1, "since"), p.wordIs(i-1, "from"), p.wordIs(i-1, "before"), p.wordIs(i-1, "after"),
		p.wordIs(i-1, "said"), p.wordIs(i-1, "told"), p.wordIs(i-1, "announced"), p.wordIs(i-1, "late"),
		p.wordIs(i-1, "early"):
		ok = true
	case p.wordIs(i+1, "morning"), p.wordIs(i+1, "afternoon"), p.wordIs(i+1, "evening"), p.wordIs(i+1, "night"):
		ok = true
	}
	if !ok {
		return 0
	}
	if !p.hasAnchor {
		return p.unresolved(i, i+1)
	}
	wd := int(t.info.weekday)
	aw := (int(p.anchor.Weekday())+6)%7 + 1
	future := false
	said := p.wordIs(i-1, "said") || p.wordIs(i-1, "told") || p.wordIs(i-1, "announced")
	for k := 0; k < i && !said; k++ {
		if p.flag(k, fFuture) {
			future = true
			break
		}
	}
	if future {
		return p.emitDate(i, i+1, p.anchor.AddDate(0, 0, (wd-aw+7)%7))
	}
	return p.emitDate(i, i+1, p.anchor.AddDate(0, 0, -((aw-wd+7)%7)))
}

// dayWord reads today, tonight, yesterday, tomorrow.
func (p *parser) dayWord(i int) int {
	t := &p.toks[i]
	if t.upper && i > 0 && p.toks[i-1].kind == tWord {
		return 0 // "the Today programme"
	}
	if !p.hasAnchor {
		return p.unresolved(i, i+1)
	}
	off := 0
	switch {
	case p.wordIs(i, "yesterday"):
		off = -1
	case p.wordIs(i, "tomorrow"):
		off = 1
	}
	return p.emitDate(i, i+1, p.anchor.AddDate(0, 0, off))
}

// seasonBounds returns the first and last day of season s of year y
// (winter y runs from December y to February y+1).
func seasonBounds(s, y int) (time.Time, time.Time) {
	sm := seasonMonths[s]
	y2 := y
	if sm[1] < sm[0] {
		y2++
	}
	first := time.Date(y, time.Month(sm[0]), 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(y2, time.Month(sm[1])+1, 0, 0, 0, 0, 0, time.UTC)
	return first, last
}

// seasonYear picks the year of "last/this/next <season>" around the anchor.
func (p *parser) seasonYear(s, rel int) int {
	ay := p.anchor.Year()
	switch rel {
	case -1: // the latest season that ended before the anchor
		for y := ay; y >= ay-2; y-- {
			if _, last := seasonBounds(s, y); last.Before(p.anchor) {
				return y
			}
		}
	case 1: // the first season that starts after the anchor
		for y := ay - 1; y <= ay+1; y++ {
			if first, _ := seasonBounds(s, y); first.After(p.anchor) {
				return y
			}
		}
	default: // the season around the anchor, else the anchor's year
		for y := ay - 1; y <= ay; y++ {
			if first, last := seasonBounds(s, y); !p.anchor.Before(first) && !p.anchor.After(last) {
				return y
			}
		}
	}
	return ay
}
