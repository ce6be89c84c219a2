package pubdate

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in, want, prec string
	}{
		{"2024-08-09", "2024-08-09T00:00:00Z", Day},
		{"2015-07-10T09:53:00-04:00", "2015-07-10T09:53:00-04:00", Time},
		{"2015-03-27T13:07:55.096Z", "2015-03-27T13:07:55.096Z", Time},
		{"2017-11-03 03:01:00.000000", "2017-11-03T03:01:00Z", Time},
		{"Fri, 09 Aug 2024 10:30:00 +0900", "2024-08-09T10:30:00+09:00", Time},
		{"March 5, 2019", "2019-03-05T00:00:00Z", Day},
		{"2018-04-05T06:00", "2018-04-05T06:00:00Z", Time},
	}
	for _, tt := range tests {
		got, prec, ok := Parse(tt.in)
		if !ok || got.Format(time.RFC3339Nano) != tt.want || prec != tt.prec {
			t.Errorf("Parse(%q) = %s %s %v, want %s %s", tt.in, got.Format(time.RFC3339Nano), prec, ok, tt.want, tt.prec)
		}
	}
	for _, bad := range []string{"", "yesterday", "0001-01-01", "not a date at all", "2024-13-45"} {
		if _, _, ok := Parse(bad); ok {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}
