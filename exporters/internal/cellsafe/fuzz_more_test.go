package cellsafe

import (
	"strings"
	"testing"
)

// FuzzGuard: a guarded cell never starts with a formula trigger, the guard
// is idempotent, and it only ever adds one apostrophe.
func FuzzGuard(f *testing.F) {
	for _, s := range []string{"", "=1+2", "+cmd|' /C calc'!A0", "-2", "@SUM(A1)", "\tx", "\r\n", "'=1", "＝1", "Japan"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g := Guard(s)
		if NeedsGuard(g) {
			t.Fatalf("Guard(%q) = %q still starts with a trigger", s, g)
		}
		if Guard(g) != g {
			t.Fatalf("Guard not idempotent on %q", s)
		}
		if g != s && g != "'"+s {
			t.Fatalf("Guard(%q) = %q changed more than a prefix", s, g)
		}
		if (g != s) != strings.ContainsAny(s[:min(1, len(s))], Triggers) {
			t.Fatalf("Guard(%q) = %q disagrees with Triggers", s, g)
		}
	})
}
