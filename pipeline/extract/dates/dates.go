// Package dates finds date expressions and quantities in English text.
//
// Parse recognises absolute dates ("2004", "August 2024", "9 August 2024",
// "August 9, 2024", "2024-08-09"), decades ("the 1990s", "the '90s"),
// ranges ("2020–2024", "2020-24", "from 2016 to 2021", "between 2016 and
// 2021"), seasons ("summer 2024") and relative expressions ("this month",
// "last year", "yesterday", "last Tuesday", "earlier this year", "in two
// years", "three months ago"), which it resolves against an anchor date
// (the publication date) when one is known. It also reads quantities that
// are not dates: durations, money, percentages and counts.
//
// A bare four-digit number is a year only in a date-like context ("in
// 2004", "the 2004 election", "(2004)", "2004 was"), never when it is a
// count ("2004 people"), a reference ("p. 2004"), money ("$2004") or part of
// a larger number or code.
package dates

import (
	"fmt"
	"time"
)

// Match kinds. Quantities use the pipeline's Quantity.Kind values.
const (
	KindDate     = "date"
	KindDuration = "duration"
	KindMoney    = "money"
	KindPercent  = "percent"
	KindCount    = "count"
)

// Match is one date expression or quantity found in a text.
type Match struct {
	Kind  string // KindDate or a quantity kind
	Start int    // byte offset of the expression
	End   int    // byte offset just after it
	Text  string // the expression as written

	// Dates.
	Date      string // ISO 8601 to Precision; "1990s" for decades; empty when relative and unresolved
	EndDate   string // last date of a range, same precision
	Precision string // pipeline.Precision*
	Relative  bool   // the expression depends on the anchor ("last year")

	// Quantities.
	Value float64
	Unit  string // year, month, percent, percentage point, ISO 4217 code, or the counted noun
}

// Parse returns the date expressions and quantities of text in order of
// position. anchor is the publication date relative expressions are
// resolved against; the zero time means unknown, and relative expressions
// are then returned with Precision "relative" and an empty Date. Parse is
// pure: it never reads the clock.
func Parse(text string, anchor time.Time) []Match {
	out, _ := parse(text, anchor, true, nil)
	return out
}

// parse is Parse with a switch for the English word rules (off: only ISO
// dates, currency signs and "%"); toks is a reusable token buffer, returned
// grown.
func parse(text string, anchor time.Time, english bool, toks []token) ([]Match, []token) {
	p := parser{text: text, english: english, toks: lex(text, toks[:0])}
	if !anchor.IsZero() {
		p.hasAnchor = true
		y, m, d := anchor.Date()
		p.anchor = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	p.run()
	return p.out, p.toks
}

type parser struct {
	text      string
	toks      []token
	anchor    time.Time // midnight UTC of the anchor's calendar date
	hasAnchor bool
	english   bool
	out       []Match
	done      int // tokens before this index belong to earlier matches
}

func (p *parser) run() {
	for i := 0; i < len(p.toks); {
		n := 0
		if p.english {
			n = p.date(i)
		} else if p.toks[i].kind == tNum {
			if e := p.iso(i); e > i {
				n = e - i
			}
		}
		if n == 0 {
			n = p.quantity(i)
		}
		if n > 0 {
			i += n
			p.done = i
			continue
		}
		i++
	}
}

// ---- token helpers ----

func (p *parser) tok(i int) *token {
	if i < 0 || i >= len(p.toks) {
		return nil
	}
	return &p.toks[i]
}

func (p *parser) str(i int) string {
	t := p.tok(i)
	if t == nil {
		return ""
	}
	return p.text[t.start:t.end]
}

func (p *parser) isSym(i int, s string) bool {
	t := p.tok(i)
	return t != nil && t.kind == tSym && p.text[t.start:t.end] == s
}

// glued reports whether token i exists and touches the token before it.
func (p *parser) glued(i int) bool {
	t := p.tok(i)
	return t != nil && !t.gap
}

func (p *parser) isDash(i int) bool {
	return p.isSym(i, "-") || p.isSym(i, "–") || p.isSym(i, "—")
}

func (p *parser) wordIs(i int, w string) bool {
	t := p.tok(i)
	if t == nil || t.kind != tWord || t.end-t.start != len(w) {
		return false
	}
	s := p.text[t.start:t.end]
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[k] {
			return false
		}
	}
	return true
}

func (p *parser) info(i int) (wordInfo, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tWord || !t.known {
		return wordInfo{}, false
	}
	return t.info, true
}

func (p *parser) flag(i int, f uint16) bool {
	wi, ok := p.info(i)
	return ok && wi.flags&f != 0
}

// year returns the year written as a plain four-digit number at i.
func (p *parser) year(i int) (int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tNum || !t.plain || t.digits != 4 || t.sufAt != t.end || t.apos {
		return 0, false
	}
	y := int(t.val)
	return y, y >= 1000 && y <= 2199
}

// day returns a day of the month written at i ("9", "09", "9th").
func (p *parser) day(i int) (int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tNum || !t.plain || t.digits > 2 || t.apos {
		return 0, false
	}
	if t.sufAt != t.end {
		switch suf := p.text[t.sufAt:t.end]; suf {
		case "st", "nd", "rd", "th", "ST", "ND", "RD", "TH":
		default:
			return 0, false
		}
	}
	d := int(t.val)
	return d, d >= 1 && d <= 31
}

// twoDigits returns a glued two-digit number at i ("08" in "2024-08").
func (p *parser) twoDigits(i int) (int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tNum || !t.plain || t.digits != 2 || t.sufAt != t.end || t.gap || t.apos {
		return 0, false
	}
	return int(t.val), true
}

// month reads a capitalised month name at i ("August", "Aug", "Aug.") and
// returns the month and the index after it. Abbreviations must be followed
// by a number.
func (p *parser) month(i int) (int, int, bool) {
	wi, ok := p.info(i)
	if !ok || wi.month == 0 || !p.toks[i].upper {
		return 0, 0, false
	}
	j := i + 1
	if wi.abbr {
		if p.isSym(j, ".") && p.glued(j) {
			j++
		}
		if t := p.tok(j); t == nil || t.kind != tNum {
			return 0, 0, false
		}
	}
	return int(wi.month), j, true
}

// numberAt reads a number at i: digits, or a number word ("two",
// "twenty-five", "a"). words says whether number words count.
func (p *parser) numberAt(i int, words bool) (float64, int, bool) {
	t := p.tok(i)
	if t == nil {
		return 0, 0, false
	}
	if t.kind == tNum {
		if t.sufAt != t.end || t.apos {
			return 0, 0, false
		}
		return t.val, i + 1, true
	}
	if !words || t.kind != tWord || !t.known || !t.info.isNum {
		return 0, 0, false
	}
	v := float64(t.info.num)
	j := i + 1
	if t.info.num >= 20 && t.info.num < 100 && t.info.num%10 == 0 && p.isSym(j, "-") && p.glued(j) && p.glued(j+1) {
		if wi, ok := p.info(j + 1); ok && wi.isNum && wi.num < 10 && wi.num > 0 {
			v += float64(wi.num)
			j += 2
		}
	}
	return v, j, true
}

// emit records a match over tokens [i, j).
func (p *parser) emit(i, j int, m Match) {
	m.Start = p.toks[i].start
	m.End = p.toks[j-1].end
	m.Text = p.text[m.Start:m.End]
	p.out = append(p.out, m)
}

// ---- date formatting ----

func fmtYear(y int) string { return fmt.Sprintf("%04d", y) }

func fmtMonth(y, m int) string { return fmt.Sprintf("%04d-%02d", y, m) }

func fmtDay(t time.Time) string { return t.Format("2006-01-02") }

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func dayDate(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// SortKey returns the first day a Date covers (YYYY-MM-DD), or "" for an
// empty date. Decades ("1990s") start on their first year.
func SortKey(date string) string {
	switch {
	case len(date) == 5 && date[4] == 's':
		return date[:4] + "-01-01"
	case len(date) == 4:
		return date + "-01-01"
	case len(date) == 7:
		return date + "-01"
	}
	return date
}
