package dates

import (
	"time"

	"github.com/briefpack/briefpack/pipeline"
)

// date tries every date pattern at token i and returns the number of
// tokens consumed (0 when none matched). Each pattern returns the index
// just after its match, or 0.
func (p *parser) date(i int) int {
	if e := p.dateEnd(i); e > i {
		return e - i
	}
	return 0
}

func (p *parser) dateEnd(i int) int {
	t := &p.toks[i]
	if t.kind == tNum {
		if e := p.iso(i); e > 0 {
			return e
		}
		if e := p.dayFirst(i); e > 0 {
			return e
		}
		if e := p.yearRange(i, i); e > 0 {
			return e
		}
		if e := p.decade(i, i); e > 0 {
			return e
		}
		if e := p.relativeAgo(i, i); e > 0 {
			return e
		}
		return p.yearAlone(i)
	}
	if t.kind != tWord || !t.known {
		return 0 // every word a pattern starts with is in the word table
	}
	switch {
	case p.wordIs(i, "from") || p.wordIs(i, "between"):
		return p.yearRange(i+1, i)
	case p.wordIs(i, "the"):
		if e := p.decade(i+1, i); e > 0 {
			return e
		}
		return p.season(i+1, i)
	case p.wordIs(i, "in"):
		return p.relativeIn(i)
	case p.wordIs(i, "today"), p.wordIs(i, "tonight"), p.wordIs(i, "yesterday"), p.wordIs(i, "tomorrow"):
		return p.dayWord(i)
	}
	wi := t.info
	switch {
	case wi.flags&fModifier != 0:
		// "early 2024", "mid-1990s", "earlier this year", "late last year"
		j := i + 1
		if p.isSym(j, "-") && p.glued(j) && p.glued(j+1) {
			j++
		}
		if e := p.decade(j, i); e > 0 {
			return e
		}
		if e := p.relative(j, i); e > 0 {
			return e
		}
		if m, k, ok := p.month(j); ok {
			return p.monthFirst(j, m, k, i)
		}
		if y, ok := p.year(j); ok && (j > i+1 || p.gluedEdgeOK(j)) && p.tailOK(j+1) && !p.countAfter(j+1) {
			if e := p.yearRange(j, i); e > 0 {
				return e
			}
			p.emit(i, j+1, Match{Kind: KindDate, Date: fmtYear(y), Precision: pipeline.PrecisionYear})
			return j + 1
		}
	case wi.month > 0:
		if m, k, ok := p.month(i); ok {
			return p.monthFirst(i, m, k, i)
		}
	case wi.season > 0:
		return p.season(i, i)
	case wi.flags&fRel != 0:
		return p.relative(i, i)
	case wi.weekday > 0:
		return p.weekday(i)
	case wi.isNum:
		return p.relativeAgo(i, i)
	}
	return 0
}

// iso reads "2024-08-09".
func (p *parser) iso(i int) int {
	y, ok := p.year(i)
	if !ok || !p.gluedEdgeOK(i) {
		return 0
	}
	if !(p.isSym(i+1, "-") && p.glued(i+1)) {
		return 0
	}
	m, ok := p.twoDigits(i + 2)
	if !ok || !(p.isSym(i+3, "-") && p.glued(i+3)) {
		return 0
	}
	d, ok := p.twoDigits(i + 4)
	if !ok || !validDay(y, m, d) || !p.tailOK(i+5) {
		return 0
	}
	p.emit(i, i+5, Match{Kind: KindDate, Date: fmtDay(dayDate(y, m, d)), Precision: pipeline.PrecisionDay})
	return i + 5
}

// gluedEdgeOK reports whether token i does not continue a code or number
// written before it ("A2004", "12-2004", "$2004").
func (p *parser) gluedEdgeOK(i int) bool {
	t := &p.toks[i]
	if t.gap || i == 0 {
		return true
	}
	prev := &p.toks[i-1]
	if prev.kind != tSym {
		return false
	}
	switch p.text[prev.start:prev.end] {
	case "(", "[", "\"", "'", "“", "‘", "«":
		return true
	}
	return false
}

// tailOK reports whether the token at j (after a date) does not continue
// it as a code or number ("2004-XYZ", "2004%", "2004+").
func (p *parser) tailOK(j int) bool {
	t := p.tok(j)
	if t == nil || t.gap {
		return true
	}
	if t.kind != tSym {
		return false
	}
	switch p.text[t.start:t.end] {
	case ")", "]", "\"", "”", "»", ",", ";", "?", "!":
		return true
	case ".", ":":
		n := p.tok(j + 1)
		return n == nil || n.gap || n.kind != tNum
	case "’", "'":
		// possessive "2004's" or a closing quote
		n := p.tok(j + 1)
		return n == nil || n.gap || p.wordIs(j+1, "s")
	}
	return false
}

// yearEdgesOK checks both edges of a year at i.
func (p *parser) yearEdgesOK(i int) bool {
	return p.gluedEdgeOK(i) && p.tailOK(i+1)
}

// dayFirst reads "9 August 2024", "9th of August 2024", "9-12 August
// 2024" and "9 August".
func (p *parser) dayFirst(i int) int {
	d, ok := p.day(i)
	if !ok || !p.gluedEdgeOK(i) {
		return 0
	}
	j := i + 1
	d2 := 0
	if p.isDash(j) {
		if e, ok := p.day(j + 1); ok && e > d {
			d2 = e
			j += 2
		}
	}
	if p.wordIs(j, "of") {
		j++
	}
	m, k, ok := p.month(j)
	if !ok {
		return 0
	}
	if p.isSym(k, ",") {
		if _, ok := p.year(k + 1); ok {
			k++
		}
	}
	if y, ok := p.year(k); ok && p.tailOK(k+1) {
		return p.emitDay(i, k+1, y, m, d, d2, false)
	}
	return p.emitDayNoYear(i, k, m, d, d2)
}

// emitDay records a full date (or a range of days in one month).
func (p *parser) emitDay(i, j, y, m, d, d2 int, rel bool) int {
	if !validDay(y, m, d) || (d2 > 0 && !validDay(y, m, d2)) {
		return j // "31 February 2024": not a date, and not "February 2024" either
	}
	mt := Match{Kind: KindDate, Date: fmtDay(dayDate(y, m, d)), Precision: pipeline.PrecisionDay, Relative: rel}
	if d2 > 0 {
		mt.EndDate = fmtDay(dayDate(y, m, d2))
	}
	p.emit(i, j, mt)
	return j
}

// emitDayNoYear records "9 August" / "August 9": the year comes from the
// anchor (the nearest such day), or the date stays relative.
func (p *parser) emitDayNoYear(i, j, m, d, d2 int) int {
	if !validDay(2024, m, d) {
		return j
	}
	if !p.hasAnchor {
		p.emit(i, j, Match{Kind: KindDate, Precision: pipeline.PrecisionRelative, Relative: true})
		return j
	}
	return p.emitDay(i, j, p.nearestYear(m, d), m, d, d2, true)
}

// nearestYear picks the year that puts month m, day d closest to the anchor.
func (p *parser) nearestYear(m, d int) int {
	ay := p.anchor.Year()
	best, bestDist := ay, time.Duration(1<<62)
	for y := ay - 1; y <= ay+1; y++ {
		if !validDay(y, m, d) {
			continue
		}
		dist := dayDate(y, m, d).Sub(p.anchor)
		if dist < 0 {
			dist = -dist * 9 / 10 // ties go to the past
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}

// monthFirst reads, with the month name at mi and k just after it:
// "August 9, 2024", "August 9", "August 2024", "August of 2024",
// "January–March 2024", and a bare month in a date context ("in August").
// start is where the expression begins (a modifier such as "early").
func (p *parser) monthFirst(mi, m, k, start int) int {
	// Month day [, year]
	if d, ok := p.day(k); ok && !p.countAfter(k+1) {
		j := k + 1
		d2 := 0
		if p.isDash(j) {
			if e, ok := p.day(j + 1); ok && e > d {
				d2 = e
				j += 2
			}
		}
		if p.isSym(j, ",") {
			if y, ok := p.year(j + 1); ok && p.tailOK(j+2) {
				return p.emitDay(start, j+2, y, m, d, d2, false)
			}
		}
		if y, ok := p.year(j); ok && p.tailOK(j+1) {
			return p.emitDay(start, j+1, y, m, d, d2, false)
		}
		return p.emitDayNoYear(start, j, m, d, d2)
	}
	// Month [of|,] year
	j := k
	if p.wordIs(j, "of") || p.isSym(j, ",") {
		j++
	}
	if y, ok := p.year(j); ok && p.tailOK(j+1) {
		p.emit(start, j+1, Match{Kind: KindDate, Date: fmtMonth(y, m), Precision: pipeline.PrecisionMonth})
		return j + 1
	}
	// Month–Month year
	if p.isDash(k) || p.wordIs(k, "to") {
		if m2, k2, ok := p.month(k + 1); ok && m2 > m {
			if y, ok := p.year(k2); ok && p.tailOK(k2+1) {
				p.emit(start, k2+1, Match{Kind: KindDate, Date: fmtMonth(y, m), EndDate: fmtMonth(y, m2), Precision: pipeline.PrecisionMonth})
				return k2 + 1
			}
		}
	}
	if wi, _ := p.info(mi); wi.abbr {
		return 0
	}
	// "March this year", "December last year"
	if p.flag(k, fRel) && p.wordIs(k+1, "year") {
		if !p.hasAnchor {
			return p.unresolved(start, k+2)
		}
		y := p.anchor.Year()
		switch {
		case p.wordIs(k, "last"):
			y--
		case p.wordIs(k, "next"):
			y++
		}
		p.emit(start, k+2, Match{Kind: KindDate, Date: fmtMonth(y, m), Precision: pipeline.PrecisionMonth, Relative: true})
		return k + 2
	}
	// Bare month: only after a date word ("in August", "last March",
	// "mid-August"), never an abbreviation.
	prev := mi - 1
	if p.isSym(prev, "-") && p.glued(mi) {
		prev--
	}
	if prev < 0 || !p.flag(prev, fMonthCtx) {
		return 0
	}
	rel := 0 // -1 last, +1 next, 2 this
	switch {
	case p.wordIs(prev, "last"):
		rel = -1
	case p.wordIs(prev, "next"):
		rel = 1
	case p.wordIs(prev, "this"):
		rel = 2
	}
	if rel != 0 && prev >= p.done && prev < start {
		start = prev
	}
	if !p.hasAnchor {
		p.emit(start, k, Match{Kind: KindDate, Precision: pipeline.PrecisionRelative, Relative: true})
		return k
	}
	ay, am := p.anchor.Year(), int(p.anchor.Month())
	y := ay
	switch rel {
	case -1:
		if m >= am {
			y--
		}
	case 1:
		if m <= am {
			y++
		}
	case 2:
	default:
		diff := m - am // months from anchor to m in the anchor's year
		if diff > 6 {
			y--
		} else if diff < -6 {
			y++
		}
	}
	p.emit(start, k, Match{Kind: KindDate, Date: fmtMonth(y, m), Precision: pipeline.PrecisionMonth, Relative: true})
	return k
}

// countAfter reports whether the token at j makes the number before it a
// quantity ("August 9 people" is not a date; "2004 people" is a count).
func (p *parser) countAfter(j int) bool {
	t := p.tok(j)
	if t == nil {
		return false
	}
	if t.kind == tSym {
		s := p.text[t.start:t.end]
		return !t.gap && (s == "%" || s == "+")
	}
	if t.kind != tWord {
		return false
	}
	if p.wordIs(j, "per") || p.wordIs(j, "percent") {
		return true
	}
	if !t.known {
		return false
	}
	return t.info.unit != uNone || t.info.scale != 0 || t.info.cur != ""
}

// yearRange reads "2020–2024", "2020-24", "2019/20", "2016 to 2021" at i,
// and "from 2016 to 2021" / "between 2016 and 2021" when start is the
// preposition just before i. It returns the tokens consumed from i.
func (p *parser) yearRange(i, start int) int {
	y1, ok := p.year(i)
	if !ok || !p.gluedEdgeOK(i) {
		return 0
	}
	between := start < i && p.wordIs(start, "between")
	from := start < i && p.wordIs(start, "from")
	j := i + 1
	var y2 int
	switch {
	case between:
		if !p.wordIs(j, "and") {
			return 0
		}
		if y2, ok = p.year(j + 1); !ok {
			return 0
		}
		j += 2
	case p.isDash(j) || (p.isSym(j, "/") && p.glued(j)):
		if y, ok := p.year(j + 1); ok {
			y2 = y
			j += 2
			break
		}
		if t := p.tok(j + 1); t != nil && t.kind == tNum && t.plain && t.digits == 1 && !t.gap && t.sufAt == t.end && p.glued(j) && !between {
			// "2005-6"
			y2 = y1/10*10 + int(t.val)
			j += 2
			break
		}
		yy, ok := p.twoDigits(j + 1)
		if !ok || !p.glued(j) {
			return 0
		}
		raw := p.str(j + 1)
		if p.isSym(j, "-") && raw[0] == '0' && yy >= 1 && yy <= 12 && p.tailOK(j+2) {
			// "2024-08": a month, not a range
			if from || between {
				return 0
			}
			p.emit(i, j+2, Match{Kind: KindDate, Date: fmtMonth(y1, yy), Precision: pipeline.PrecisionMonth})
			return j + 2
		}
		y2 = y1/100*100 + yy
		if y2 <= y1 {
			y2 += 100
		}
		j += 2
	case p.wordIs(j, "to") || p.wordIs(j, "until") || p.wordIs(j, "through") || p.wordIs(j, "till"):
		if y2, ok = p.year(j + 1); !ok {
			return 0
		}
		j += 2
	default:
		return 0
	}
	if y2 <= y1 || y2-y1 > 200 || y2 > 2199 || !p.tailOK(j) || p.countAfter(j) {
		return 0
	}
	if start < p.done {
		start = i
	}
	p.emit(start, j, Match{Kind: KindDate, Date: fmtYear(y1), EndDate: fmtYear(y2), Precision: pipeline.PrecisionYear})
	return j
}

// decade reads "1990s", "'90s", "90s" (after "the") at i; start may point
// at "the" or a modifier before it, which the expression then includes.
func (p *parser) decade(i, start int) int {
	t := p.tok(i)
	if t == nil || t.kind != tNum || !t.plain || p.text[t.sufAt:t.end] != "s" {
		return 0
	}
	v := int(t.val)
	var y int
	switch {
	case t.apos:
		y = 1900 + v
		if v <= 10 {
			y = 2000 + v
		}
	case t.digits == 4 && v%10 == 0 && v >= 1000 && v <= 2190:
		y = v
	case t.digits == 2 && v%10 == 0 && start < i && p.wordIs(i-1, "the"):
		y = 1900 + v
		if v <= 10 {
			y = 2000 + v
		}
	default:
		return 0
	}
	if !p.gluedEdgeOK(i) && !(start < i && p.isSym(i-1, "-")) {
		return 0
	}
	if !p.tailOK(i + 1) {
		return 0
	}
	// Include "the" and modifiers written just before ("the early 1990s").
	s := start
	for s > p.done && (p.wordIs(s-1, "the") || p.flag(s-1, fModifier)) && s-1 >= p.done {
		s--
	}
	p.emit(s, i+1, Match{Kind: KindDate, Date: fmtYear(y) + "s", Precision: pipeline.PrecisionDecade})
	return i + 1
}

// seasons: first and last month, winter running into the next year.
var seasonMonths = [5][2]int{{}, {3, 5}, {6, 8}, {9, 11}, {12, 2}}

// season reads "summer 2024", "summer of 2024" at i (start may be "the").
func (p *parser) season(i, start int) int {
	wi, ok := p.info(i)
	if !ok || wi.season == 0 {
		return 0
	}
	j := i + 1
	if p.wordIs(j, "of") {
		j++
	}
	y, ok := p.year(j)
	if !ok || !p.tailOK(j+1) {
		return 0
	}
	p.emit(start, j+1, seasonMatch(int(wi.season), y, false))
	return j + 1
}

func seasonMatch(s, y int, rel bool) Match {
	sm := seasonMatchMonths(s)
	y2 := y
	if sm[1] < sm[0] {
		y2++
	}
	return Match{Kind: KindDate, Date: fmtMonth(y, sm[0]), EndDate: fmtMonth(y2, sm[1]), Precision: pipeline.PrecisionMonth, Relative: rel}
}

func seasonMatchMonths(s int) [2]int { return seasonMonths[s] }

// yearAlone reads a bare year at i when its context says it is one.
func (p *parser) yearAlone(i int) int {
	y, ok := p.year(i)
	if !ok || !p.yearEdgesOK(i) || p.countAfter(i+1) || p.flag(i+1, fClock) {
		return 0
	}
	prev := i - 1
	// Skip an abbreviation's period ("c. 1900", "p. 2004").
	if p.isSym(prev, ".") && p.glued(prev) && prev > 0 && p.toks[prev-1].kind == tWord {
		prev--
	}
	if p.flag(prev, fRef) {
		return 0
	}
	yes := false
	switch {
	case p.flag(prev, fYearCtx) && !p.flag(prev, fNotYear):
		yes = true
	case p.isSym(prev, "-") && p.glued(i) && (p.wordIs(prev-1, "mid") || p.wordIs(prev-1, "pre") || p.wordIs(prev-1, "post")):
		yes = true
	case p.isSym(prev, "(") && p.isSym(i+1, ")"):
		yes = true
	case (p.isSym(i+1, "’") || p.isSym(i+1, "'")) && p.glued(i+1) && p.wordIs(i+2, "s") && p.glued(i+2):
		yes = true // "2004's"
	case p.flag(i+1, fYearNoun) && !p.flag(prev, fNotYear):
		yes = true // "2005 profits", "the annual 2004 rate"
	case p.flag(prev, fWeakYearCtx) && p.notCountAfter(i+1):
		yes = true // "for 2005, ...", "including 2001 when"
	case p.flag(prev, fNotYear):
		yes = false
	case p.flag(prev, fDeterminer) && (p.lowerWord(i+1) || p.upperWord(i+1)):
		yes = true // "the 2004 election", "the 1994 Energy Charter"
	case prev > 0 && p.upperWord(prev) && p.notCountAfter(i+1):
		yes = true // "Euro 2004", "Vision 2030"
	case p.flag(i+1, fYearVerb):
		yes = true // "2004 was a turning point"
	case (p.isSym(prev, ",") || p.wordIs(prev, "and") || p.wordIs(prev, "or")) && p.isYear(prev-1):
		yes = true // "in 2004, 2008 and 2012"
	case (p.wordIs(i+1, "or") || p.wordIs(i+1, "and")) && p.isYear(i+2) && p.notCountAfter(i+3):
		yes = true // "either 2006 or 2007"
	}
	if !yes {
		return 0
	}
	p.emit(i, i+1, Match{Kind: KindDate, Date: fmtYear(y), Precision: pipeline.PrecisionYear})
	return i + 1
}

func (p *parser) isYear(i int) bool {
	_, ok := p.year(i)
	return ok
}

func (p *parser) upperWord(i int) bool {
	t := p.tok(i)
	return t != nil && t.kind == tWord && t.upper
}

// notCountAfter reports whether the token at j leaves the number before it
// a year: end of text, punctuation, a capitalised word, a year noun or a
// function word other than "of".
func (p *parser) notCountAfter(j int) bool {
	t := p.tok(j)
	if t == nil {
		return true
	}
	switch t.kind {
	case tSym:
		s := p.text[t.start:t.end]
		return s != "%" && s != "+" && s != "-" && s != "/" && s != "–"
	case tNum:
		return false
	}
	if t.upper || p.flag(j, fYearNoun) {
		return true
	}
	return p.flag(j, fStop) && !p.wordIs(j, "of") && !p.wordIs(j, "more") && !p.wordIs(j, "other") &&
		!p.wordIs(j, "new") && !p.wordIs(j, "additional") && !p.wordIs(j, "extra") && !p.wordIs(j, "times") &&
		!p.wordIs(j, "percent") && !p.wordIs(j, "cent") && !p.wordIs(j, "per")
}

func (p *parser) lowerWord(i int) bool {
	t := p.tok(i)
	return t != nil && t.kind == tWord && !t.upper && !p.countAfter(i)
}
