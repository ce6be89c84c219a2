package dates

import "strings"

// quantity tries the quantity patterns at i and returns the number of
// tokens consumed (0 when none matched).
func (p *parser) quantity(i int) int {
	if e := p.quantityEnd(i); e > i {
		return e - i
	}
	return 0
}

func (p *parser) quantityEnd(i int) int {
	t := &p.toks[i]
	switch t.kind {
	case tSym:
		return p.moneySym(i, i, p.str(i))
	case tWord:
		if !p.glued(i+1) || !p.isSym(i+1, "$") {
			if p.english && t.known && t.info.cur != "" && t.upper && t.end-t.start == 3 {
				return p.moneyCode(i) // "USD 5m"
			}
			if p.english && t.known && t.info.isNum && !p.wordIs(i, "a") && !p.wordIs(i, "an") {
				return p.numberQuantity(i)
			}
			return 0
		}
		// "US$5bn", "HK$6.31bn"
		code, ok := dollarPrefixes[p.str(i)]
		if !ok || (i > 0 && p.glued(i) && p.toks[i-1].kind != tSym) {
			return 0
		}
		return p.moneyAmount(i, i+2, code)
	case tNum:
		if !p.gluedEdgeOK(i) && !p.isSym(i-1, "-") {
			return p.skipNumber(i)
		}
		return p.numberQuantity(i)
	}
	return 0
}

// skipNumber consumes a number that continues a code or another number
// ("5+1", "A320"), so that its parts are not read as quantities.
func (p *parser) skipNumber(i int) int {
	j := i + 1
	for j < len(p.toks) && !p.toks[j].gap && p.toks[j].kind != tWord {
		if p.toks[j].kind == tSym && (p.str(j) == "," || p.str(j) == "." || p.str(j) == ")" || p.str(j) == "”" || p.str(j) == "\"") {
			break
		}
		j++
	}
	return j
}

// moneySym reads "$5.2 million", "€30bn", "¥1 trillion" with the sign at
// sym; start is where the expression begins.
func (p *parser) moneySym(start, sym int, s string) int {
	code, ok := currencySymbols[s]
	if !ok {
		return 0
	}
	return p.moneyAmount(start, sym+1, code)
}

// moneyAmount reads the amount after a currency sign or code at j.
func (p *parser) moneyAmount(start, j int, code string) int {
	t := p.tok(j)
	if t == nil || t.kind != tNum || t.apos || (t.gap && p.toks[j-1].kind == tSym) {
		return 0
	}
	v, end, ok := p.scaled(j)
	if !ok {
		return 0
	}
	p.emit(start, end, Match{Kind: KindMoney, Value: v, Unit: code})
	return end
}

// scaled reads a number with an optional scale ("5.2 million", "30bn",
// "1.5m") at j and returns the value and the index after it.
func (p *parser) scaled(j int) (float64, int, bool) {
	t := p.tok(j)
	if t == nil || t.kind != tNum {
		return 0, 0, false
	}
	v := t.val
	if t.sufAt != t.end {
		wi, ok := lookup(p.text[t.sufAt:t.end])
		if !ok || wi.scale == 0 {
			return 0, 0, false
		}
		return v * wi.scale, j + 1, true
	}
	if wi, ok := p.info(j + 1); ok && wi.scale != 0 && (p.wordIs(j+1, "thousand") || p.wordIs(j+1, "million") || p.wordIs(j+1, "billion") || p.wordIs(j+1, "trillion") || p.wordIs(j+1, "bn") || p.wordIs(j+1, "mn")) {
		return v * wi.scale, j + 2, true
	}
	return v, j + 1, true
}

// moneyCode reads "USD 5m", "EUR 30 billion".
func (p *parser) moneyCode(i int) int {
	t := p.tok(i + 1)
	if t == nil || t.kind != tNum {
		return 0
	}
	return p.moneyAmount(i, i+1, p.toks[i].info.cur)
}

// numberQuantity reads what follows a number at i: a percentage, a
// duration, an amount in a currency word, or a count.
func (p *parser) numberQuantity(i int) int {
	t := &p.toks[i]
	var v float64
	var j int
	if t.kind == tNum {
		if t.apos {
			return 0
		}
		if t.sufAt != t.end {
			// "5bn euros", "3pc"; other suffixes ("9th", "800m", "3G") are not quantities here
			suf := p.text[t.sufAt:t.end]
			if suf == "pc" || suf == "PC" {
				p.emit(i, i+1, Match{Kind: KindPercent, Value: t.val, Unit: "percent"})
				return i + 1
			}
			val, e, ok := p.scaled(i)
			if !ok {
				return 0
			}
			if wi, ok := p.info(e); ok && wi.cur != "" && p.english {
				p.emit(i, e+1, Match{Kind: KindMoney, Value: val, Unit: wi.cur})
				return e + 1
			}
			return e
		}
		v, j = t.val, i+1
	} else {
		var ok bool
		v, j, ok = p.numberAt(i, true)
		if !ok {
			return 0
		}
	}
	// Percent.
	if p.isSym(j, "%") {
		p.emit(i, j+1, Match{Kind: KindPercent, Value: v, Unit: "percent"})
		return j + 1
	}
	if !p.english {
		return 0
	}
	switch {
	case p.wordIs(j, "per") && p.wordIs(j+1, "cent"):
		p.emit(i, j+2, Match{Kind: KindPercent, Value: v, Unit: "percent"})
		return j + 2
	case p.wordIs(j, "percent"):
		p.emit(i, j+1, Match{Kind: KindPercent, Value: v, Unit: "percent"})
		return j + 1
	case p.wordIs(j, "percentage") && (p.wordIs(j+1, "point") || p.wordIs(j+1, "points")):
		p.emit(i, j+2, Match{Kind: KindPercent, Value: v, Unit: "percentage point"})
		return j + 2
	}
	if p.isSym(j, "-") && p.glued(j) && p.glued(j+1) {
		// "20-year", "two-month"
		if wi, ok := p.info(j + 1); ok && wi.unit != uNone {
			if p.isSym(j+2, "-") && p.wordIs(j+3, "old") {
				return j + 4 // an age
			}
			p.emit(i, j+2, Match{Kind: KindDuration, Value: v, Unit: unitNames[wi.unit]})
			return j + 2
		}
		return 0
	}
	// Scale, then currency word or count noun.
	val := v
	k := j
	if wi, ok := p.info(j); ok && wi.scale != 0 && !p.wordIs(j, "m") && !p.wordIs(j, "k") {
		val *= wi.scale
		k = j + 1
	}
	wi, ok := p.info(k)
	switch {
	case ok && wi.cur != "":
		p.emit(i, k+1, Match{Kind: KindMoney, Value: val, Unit: wi.cur})
		return k + 1
	case ok && wi.unit != uNone && k == j:
		if p.wordIs(k+1, "old") || (p.isSym(k+1, "-") && p.wordIs(k+2, "old")) {
			return k + 1 // an age
		}
		p.emit(i, k+1, Match{Kind: KindDuration, Value: v, Unit: unitNames[wi.unit]})
		return k + 1
	}
	if t.kind != tNum && k == j {
		return 0 // number words count only with a scale ("two million people")
	}
	if !p.countNoun(k) || p.flag(i-1, fRef) || !p.tailOK(j) && k == j {
		return 0
	}
	end := k + 1
	if (p.wordIs(k, "square") || p.wordIs(k, "cubic")) && p.countNoun(k+1) {
		end++ // "50,000 square metres"
	}
	unit := p.text[p.toks[k].start:p.toks[end-1].end]
	p.emit(i, end, Match{Kind: KindCount, Value: val, Unit: lowerASCIIString(unit)})
	return end
}

// countNoun reports whether the word at k can be the counted noun after a
// number ("2,000 troops").
func (p *parser) countNoun(k int) bool {
	t := p.tok(k)
	if t == nil || t.kind != tWord || t.upper || p.flag(k, fStop) {
		return false
	}
	if t.known && (t.info.month != 0 || t.info.weekday != 0 || t.info.scale != 0) {
		return false
	}
	w := p.text[t.start:t.end]
	if len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly")) {
		return false // a verb or adverb: "2,000 fled", "5 narrowly"
	}
	return len(w) > 1
}

func lowerASCIIString(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			b := []byte(s)
			for k := i; k < len(b); k++ {
				if b[k] >= 'A' && b[k] <= 'Z' {
					b[k] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
