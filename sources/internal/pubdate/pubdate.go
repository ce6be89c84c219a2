// Package pubdate parses the publication dates found in page metadata,
// feeds and sidecar files ("2024-08-09", RFC 3339, RFC 1123, "2017-11-03
// 03:01:00.000000", "March 5, 2019"...) and reports their precision.
package pubdate

import (
	"strings"
	"time"

	"github.com/araddon/dateparse"
)

// Precisions, as in pipeline.Article.PublishedPrecision.
const (
	Day  = "day"
	Time = "time"
)

// Parse reads a date. Dates without a zone are taken as UTC. ok is false
// for text that is not a date, and for years outside 1900-2200 (a page's
// "0001-01-01" placeholder).
func Parse(s string) (t time.Time, precision string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, "", false
	}
	var err error
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		t, err = time.Parse("2006-01-02", s)
	} else {
		t, err = time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t, err = dateparse.ParseIn(s, time.UTC)
		}
	}
	if err != nil || t.Year() < 1900 || t.Year() > 2200 {
		return time.Time{}, "", false
	}
	precision = Day
	if strings.Contains(s, ":") && (t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 || strings.Contains(s, "T")) {
		precision = Time
	}
	return t, precision, true
}
