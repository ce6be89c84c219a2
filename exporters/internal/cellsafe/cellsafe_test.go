package cellsafe

import "testing"

func TestGuard(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"Japan", "Japan"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1", "'+1"},
		{"-0.25", "'-0.25"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tcmd", "'\tcmd"},
		{"\rcmd", "'\rcmd"},
		{"\ncmd", "'\ncmd"},
		{" =1", " =1"}, // not at the start: spreadsheets read it as text
		{"a=b", "a=b"},
		{"'=1", "'=1"}, // already quoted: left alone
		{"＝1", "＝1"},   // full-width equals is text in Excel and LibreOffice
	}
	for _, c := range cases {
		if got := Guard(c.in); got != c.want {
			t.Errorf("Guard(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := NeedsGuard(c.in); got != (c.in != c.want) {
			t.Errorf("NeedsGuard(%q) = %v", c.in, got)
		}
	}
}
