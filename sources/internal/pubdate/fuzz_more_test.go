package pubdate

import "testing"

// FuzzParse: any string gives either no date or a date within the range
// Parse promises (1900-2200) with a known precision; never a panic.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"2024-08-09", "2024-08-09T10:00:00+05:00", "Fri, 09 Aug 2024 10:00:00 GMT", "9 August 2024", "0001-01-01", "99999-99-99", "2024-02-30", "", "\xff", "1719950000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, prec, ok := Parse(s)
		if !ok {
			return
		}
		if y := tm.Year(); y < 1900 || y > 2200 {
			t.Fatalf("Parse(%q) = %v: year outside 1900-2200", s, tm)
		}
		if prec != "day" && prec != "time" {
			t.Fatalf("Parse(%q): precision %q", s, prec)
		}
	})
}
