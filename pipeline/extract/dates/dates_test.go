package dates

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// anchor is a Tuesday.
var anchor = time.Date(2024, 8, 20, 15, 4, 5, 0, time.UTC)

type w struct {
	kind, text, date, end, prec string
	value                       float64
	unit                        string
}

// D is an expected date; Q an expected quantity.
func D(text, date, end, prec string) w {
	return w{kind: KindDate, text: text, date: date, end: end, prec: prec}
}
func Q(kind, text string, value float64, unit string) w {
	return w{kind: kind, text: text, value: value, unit: unit}
}

func rel(text string) w { return D(text, "", "", "relative") }

func (x w) String() string {
	if x.kind == KindDate {
		return fmt.Sprintf("date %q %s..%s %s", x.text, x.date, x.end, x.prec)
	}
	return fmt.Sprintf("%s %q %g %s", x.kind, x.text, x.value, x.unit)
}

func got(ms []Match) []w {
	var out []w
	for _, m := range ms {
		if m.Kind == KindDate {
			out = append(out, D(m.Text, m.Date, m.EndDate, m.Precision))
		} else {
			out = append(out, Q(m.Kind, m.Text, m.Value, m.Unit))
		}
	}
	return out
}

var parseCases = []struct {
	name   string
	in     string
	anchor time.Time
	want   []w
}{
	// Years in context.
	{"in year", "The Dialogue began in 2004 as a framework.", time.Time{}, []w{D("2004", "2004", "", "year")}},
	{"since year", "Relations improved since 2016.", time.Time{}, []w{D("2016", "2016", "", "year")}},
	{"by year", "Emissions should halve by 2030.", time.Time{}, []w{D("2030", "2030", "", "year")}},
	{"year verb", "2004 was a turning point.", time.Time{}, []w{D("2004", "2004", "", "year")}},
	{"determiner", "The 2004 election was close.", time.Time{}, []w{D("2004", "2004", "", "year")}},
	{"parenthesised", "Their first study (2004) found little.", time.Time{}, []w{D("2004", "2004", "", "year")}},
	{"possessive", "2004's results were better.", time.Time{}, []w{D("2004", "2004", "", "year")}},
	{"year list", "Elections took place in 2004, 2008 and 2012.", time.Time{}, []w{D("2004", "2004", "", "year"), D("2008", "2008", "", "year"), D("2012", "2012", "", "year")}},
	{"early year", "Talks resume in early 2025.", time.Time{}, []w{D("early 2025", "2025", "", "year")}},
	{"mid year", "Growth slowed in mid-2023.", time.Time{}, []w{D("mid-2023", "2023", "", "year")}},
	{"weak context comma", "Sales should rise for 2005, it said.", time.Time{}, []w{D("2005", "2005", "", "year")}},
	{"weak context count", "Jobs for 2000 people were lost.", time.Time{}, []w{Q(KindCount, "2000 people", 2000, "people")}},
	{"year noun", "GM issues 2005 profits warning.", time.Time{}, []w{D("2005", "2005", "", "year")}},
	{"named event", "Sales were boosted by the Euro 2004 tournament.", time.Time{}, []w{D("2004", "2004", "", "year")}},
	{"determiner capital", "It breaches the 1994 Energy Charter Treaty.", time.Time{}, []w{D("1994", "1994", "", "year")}},
	{"including", "It happened before, including 2001 when prices fell.", time.Time{}, []w{D("2001", "2001", "", "year")}},
	{"either or", "It may list in either 2006 or 2007.", time.Time{}, []w{D("2006", "2006", "", "year"), D("2007", "2007", "", "year")}},
	{"single digit range", "The 2005-6 budget was cut.", time.Time{}, []w{D("2005-6", "2005", "2006", "year")}},
	// Months and full dates.
	{"month year", "Prices peaked in August 2024.", time.Time{}, []w{D("August 2024", "2024-08", "", "month")}},
	{"abbrev month year", "Prices peaked in Aug. 2024.", time.Time{}, []w{D("Aug. 2024", "2024-08", "", "month")}},
	{"month of year", "It opened in March of 2019.", time.Time{}, []w{D("March of 2019", "2019-03", "", "month")}},
	{"day month year", "He arrived on 9 August 2024.", time.Time{}, []w{D("9 August 2024", "2024-08-09", "", "day")}},
	{"month day year", "He arrived on August 9, 2024, by train.", time.Time{}, []w{D("August 9, 2024", "2024-08-09", "", "day")}},
	{"ordinal of", "It ended on the 9th of August 2024.", time.Time{}, []w{D("9th of August 2024", "2024-08-09", "", "day")}},
	{"abbrev day", "Signed Sept. 12, 2001 in Rome.", time.Time{}, []w{D("Sept. 12, 2001", "2001-09-12", "", "day")}},
	{"iso", "Published 2024-08-09 at noon.", time.Time{}, []w{D("2024-08-09", "2024-08-09", "", "day")}},
	{"iso month", "Data for 2024-08 are provisional.", time.Time{}, []w{D("2024-08", "2024-08", "", "month")}},
	{"invalid day", "The 31 February 2024 date is wrong.", time.Time{}, nil},
	{"day range", "The games run 9-12 August 2024.", time.Time{}, []w{D("9-12 August 2024", "2024-08-09", "2024-08-12", "day")}},
	{"month range", "Sales rose in January–March 2024.", time.Time{}, []w{D("January–March 2024", "2024-01", "2024-03", "month")}},
	{"day month no year anchored", "Talks resume on 5 March.", anchor, []w{D("5 March", "2024-03-05", "", "day")}},
	{"day month no year unanchored", "Talks resume on 5 March.", time.Time{}, []w{rel("5 March")}},
	{"month day near new year", "It began on December 28.", time.Date(2024, 1, 3, 0, 0, 0, 0, time.UTC), []w{D("December 28", "2023-12-28", "", "day")}},
	{"bare month anchored", "The vote was held in March.", anchor, []w{D("March", "2024-03", "", "month")}},
	{"bare month unanchored", "The vote was held in March.", time.Time{}, []w{rel("March")}},
	{"last August", "Prices fell last August.", anchor, []w{D("last August", "2023-08", "", "month")}},
	{"month this year", "The vote was held in March this year.", anchor, []w{D("March this year", "2024-03", "", "month")}},
	{"month last year unanchored", "It fell in December last year.", time.Time{}, []w{rel("December last year")}},
	{"next March", "The law takes effect next March.", anchor, []w{D("next March", "2025-03", "", "month")}},
	// Decades.
	{"decade", "Since the 1990s, the region has changed.", time.Time{}, []w{D("the 1990s", "1990s", "", "decade")}},
	{"apostrophe decade", "Music of the '90s is back.", time.Time{}, []w{D("the '90s", "1990s", "", "decade")}},
	{"curly apostrophe decade", "Music of the ’80s is back.", time.Time{}, []w{D("the ’80s", "1980s", "", "decade")}},
	{"early decade", "In the early 2000s oil was cheap.", time.Time{}, []w{D("the early 2000s", "2000s", "", "decade")}},
	{"mid decade", "A mid-1990s boom followed.", time.Time{}, []w{D("mid-1990s", "1990s", "", "decade")}},
	// Ranges.
	{"en dash range", "The plan covers 2020–2024.", time.Time{}, []w{D("2020–2024", "2020", "2024", "year")}},
	{"short range", "The plan covers 2020-24.", time.Time{}, []w{D("2020-24", "2020", "2024", "year")}},
	{"century short range", "Figures for 1999-00 are missing.", time.Time{}, []w{D("1999-00", "1999", "2000", "year")}},
	{"fiscal", "The 2019/20 budget was cut.", time.Time{}, []w{D("2019/20", "2019", "2020", "year")}},
	{"from to", "He served from 2016 to 2021.", time.Time{}, []w{D("from 2016 to 2021", "2016", "2021", "year")}},
	{"between and", "It grew between 2016 and 2021.", time.Time{}, []w{D("between 2016 and 2021", "2016", "2021", "year")}},
	{"backwards range", "Scores of 2024-2020 are odd.", time.Time{}, nil},
	// Seasons.
	{"season", "It opens in summer 2024.", time.Time{}, []w{D("summer 2024", "2024-06", "2024-08", "month")}},
	{"season of", "It closed in the winter of 2023.", time.Time{}, []w{D("the winter of 2023", "2023-12", "2024-02", "month")}},
	{"this summer", "Talks were held this summer.", anchor, []w{D("this summer", "2024-06", "2024-08", "month")}},
	{"last winter", "Gas ran short last winter.", anchor, []w{D("last winter", "2023-12", "2024-02", "month")}},
	// Relative, anchored and not.
	{"this month unanchored", "The summit will be held this month.", time.Time{}, []w{rel("this month")}},
	{"this month", "The summit will be held this month.", anchor, []w{D("this month", "2024-08", "", "month")}},
	{"last year", "Last year the talks stalled.", anchor, []w{D("Last year", "2023", "", "year")}},
	{"next year", "Elections are due next year.", anchor, []w{D("next year", "2025", "", "year")}},
	{"last month", "Exports fell last month.", anchor, []w{D("last month", "2024-07", "", "month")}},
	{"last month january", "Exports fell last month.", time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC), []w{D("last month", "2023-12", "", "month")}},
	{"next week", "They meet next week.", anchor, []w{D("next week", "2024-08-26", "2024-09-01", "day")}},
	{"this week", "They met this week.", anchor, []w{D("this week", "2024-08-19", "2024-08-25", "day")}},
	{"yesterday", "The minister resigned yesterday.", anchor, []w{D("yesterday", "2024-08-19", "", "day")}},
	{"today", "Today the markets opened late.", anchor, []w{D("Today", "2024-08-20", "", "day")}},
	{"tomorrow", "Voting ends tomorrow.", anchor, []w{D("tomorrow", "2024-08-21", "", "day")}},
	{"last Tuesday", "He spoke last Tuesday.", anchor, []w{D("last Tuesday", "2024-08-13", "", "day")}},
	{"next Friday", "He speaks next Friday.", anchor, []w{D("next Friday", "2024-08-23", "", "day")}},
	{"on Monday", "The talks ended on Monday.", anchor, []w{D("Monday", "2024-08-19", "", "day")}},
	{"on Friday future", "The leaders will meet on Friday.", anchor, []w{D("Friday", "2024-08-23", "", "day")}},
	{"earlier this year", "Earlier this year, talks resumed.", anchor, []w{D("Earlier this year", "2024", "", "year")}},
	{"late last year", "It was signed late last year.", anchor, []w{D("late last year", "2023", "", "year")}},
	{"in two years", "The plant will open in two years.", anchor, []w{D("in two years", "2026", "", "year")}},
	{"in months time", "It will close in 18 months' time.", anchor, []w{D("in 18 months' time", "2026-02", "", "month")}},
	{"ago", "Three months ago, prices fell.", anchor, []w{D("Three months ago", "2024-05", "", "month")}},
	{"year ago", "A year ago nobody cared.", anchor, []w{D("A year ago", "2023", "", "year")}},
	{"decades ago", "Two decades ago the region was poor.", anchor, []w{D("Two decades ago", "2004", "", "year")}},
	{"relative unanchored", "Last year, yesterday, in two years.", time.Time{}, []w{rel("Last year"), rel("yesterday"), rel("in two years")}},
	// Quantities.
	{"past years", "Over the past 20 years, relations changed.", time.Time{}, []w{Q(KindDuration, "20 years", 20, "year")}},
	{"word duration", "The talks lasted three months.", time.Time{}, []w{Q(KindDuration, "three months", 3, "month")}},
	{"hyphen duration", "A 20-year plan was adopted.", time.Time{}, []w{Q(KindDuration, "20-year", 20, "year")}},
	{"compound number", "It took twenty-five years.", time.Time{}, []w{Q(KindDuration, "twenty-five years", 25, "year")}},
	{"money million", "The loan was $5.2 million.", time.Time{}, []w{Q(KindMoney, "$5.2 million", 5.2e6, "USD")}},
	{"money yen", "Japan pledged ¥1 trillion.", time.Time{}, []w{Q(KindMoney, "¥1 trillion", 1e12, "JPY")}},
	{"money euro glued", "The fund holds €30bn.", time.Time{}, []w{Q(KindMoney, "€30bn", 30e9, "EUR")}},
	{"money pound m", "Profits fell by £106m.", time.Time{}, []w{Q(KindMoney, "£106m", 106e6, "GBP")}},
	{"money prefix", "Sales hit HK$6.31bn.", time.Time{}, []w{Q(KindMoney, "HK$6.31bn", 6.31e9, "HKD")}},
	{"money word", "Sales were 18.3bn euros.", time.Time{}, []w{Q(KindMoney, "18.3bn euros", 18.3e9, "EUR")}},
	{"money code", "A USD 5m grant.", time.Time{}, []w{Q(KindMoney, "USD 5m", 5e6, "USD")}},
	{"percent sign", "Growth was 1.5% last quarter.", time.Time{}, []w{Q(KindPercent, "1.5%", 1.5, "percent")}},
	{"per cent", "Unemployment is 3 per cent.", time.Time{}, []w{Q(KindPercent, "3 per cent", 3, "percent")}},
	{"percent word", "Inflation hit five percent.", time.Time{}, []w{Q(KindPercent, "five percent", 5, "percent")}},
	{"percentage points", "Rates rose 0.25 percentage points.", time.Time{}, []w{Q(KindPercent, "0.25 percentage points", 0.25, "percentage point")}},
	{"count", "About 2,000 troops were sent.", time.Time{}, []w{Q(KindCount, "2,000 troops", 2000, "troops")}},
	{"count square", "They built 50,000 square metres of offices.", time.Time{}, []w{Q(KindCount, "50,000 square metres", 50000, "square metres")}},
	{"count scale", "Some 1.5 million people fled.", time.Time{}, []w{Q(KindCount, "1.5 million people", 1.5e6, "people")}},
	// Not dates (and not quantities either).
	{"5+1", "Others adopted similar “5+1” frameworks.", time.Time{}, nil},
	{"count not year", "2004 people were evacuated.", time.Time{}, []w{Q(KindCount, "2004 people", 2004, "people")}},
	{"page", "See p. 2004 for details.", time.Time{}, nil},
	{"page word", "It is on page 2004.", time.Time{}, nil},
	{"money not year", "The fee was $2004.", time.Time{}, []w{Q(KindMoney, "$2004", 2004, "USD")}},
	{"larger number", "The code 12004 and 20045 failed.", time.Time{}, nil},
	{"alnum code", "Flight A2004 and model 2004-XZ.", time.Time{}, nil},
	{"decimal", "Pi is 3.14 and 2004.5 is not a year.", time.Time{}, nil},
	{"clock time", "The meeting starts at 1830 GMT.", time.Time{}, nil},
	{"flight", "Flight 2004 landed.", time.Time{}, nil},
	{"score", "He won 6-4 6-3.", time.Time{}, nil},
	{"time of day", "It starts at 10:30 a.m. sharp.", time.Time{}, nil},
	{"may modal", "May I ask? You may march on.", time.Time{}, nil},
	{"age", "He is 30 years old and has a 20-year-old son.", time.Time{}, nil},
	{"the last year duration", "Over the last year, prices rose.", anchor, nil},
	{"bare number", "There were 2004.", time.Time{}, nil},
	{"over year count", "Over 2000 were hurt.", time.Time{}, nil},
	{"today programme", "He told the BBC Today programme.", anchor, nil},
	{"jan name", "Jan Smith said so.", time.Time{}, nil},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			ms := Parse(tc.in, tc.anchor)
			g := got(ms)
			if fmt.Sprint(g) != fmt.Sprint(tc.want) {
				t.Errorf("Parse(%q)\n got  %v\n want %v", tc.in, g, tc.want)
			}
			checkMatches(t, tc.in, ms)
		})
	}
}

// TestParseNeverReadsClock checks that relative dates depend only on the
// anchor.
func TestParseAnchors(t *testing.T) {
	for _, a := range []time.Time{
		time.Date(1999, 12, 31, 23, 0, 0, 0, time.UTC),
		time.Date(2030, 3, 1, 0, 0, 0, 0, time.FixedZone("JST", 9*3600)),
	} {
		ms := Parse("Last year and next month and yesterday.", a)
		if len(ms) != 3 {
			t.Fatalf("anchor %v: %v", a, got(ms))
		}
		y, m, d := a.Date()
		wantY := fmt.Sprintf("%04d", y-1)
		wantM := time.Date(y, m+1, 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
		wantD := time.Date(y, m, d-1, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		if ms[0].Date != wantY || ms[1].Date != wantM || ms[2].Date != wantD {
			t.Errorf("anchor %v: got %s %s %s, want %s %s %s", a, ms[0].Date, ms[1].Date, ms[2].Date, wantY, wantM, wantD)
		}
	}
}

// checkMatches verifies offsets and date formats of matches.
func checkMatches(t *testing.T, text string, ms []Match) {
	t.Helper()
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("match %+v out of order or bounds (prev %d, len %d)", m, prev, len(text))
		}
		if m.Text != text[m.Start:m.End] {
			t.Fatalf("match text %q != text[%d:%d] %q", m.Text, m.Start, m.End, text[m.Start:m.End])
		}
		if utf8.ValidString(text) && (!utf8.RuneStart(text[m.Start]) || (m.End < len(text) && !utf8.RuneStart(text[m.End]))) {
			t.Fatalf("match %+v not on rune boundaries", m)
		}
		prev = m.End
		if m.Kind != KindDate {
			continue
		}
		for _, d := range []string{m.Date, m.EndDate} {
			if d == "" {
				continue
			}
			layout := map[string]string{"year": "2006", "month": "2006-01", "day": "2006-01-02", "decade": "2006s"}[m.Precision]
			if layout == "" {
				t.Fatalf("match %+v: date with precision %q", m, m.Precision)
			}
			if _, err := time.Parse(layout, d); err != nil {
				t.Fatalf("match %+v: date %q does not fit precision %s", m, d, m.Precision)
			}
		}
		if m.Date == "" && m.Precision != "relative" {
			t.Fatalf("match %+v: empty date with precision %s", m, m.Precision)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add(tc.in, !tc.anchor.IsZero())
	}
	f.Add("’80s '0 '00s 2024-02-30 1-31 Jan. 9999 $ ¥ US$ HK$x 5%% per", true)
	f.Add(strings.Repeat("in 2004, ", 10), false)
	f.Fuzz(func(t *testing.T, text string, anchored bool) {
		a := time.Time{}
		if anchored {
			a = anchor
		}
		checkMatches(t, text, Parse(text, a))
	})
}
