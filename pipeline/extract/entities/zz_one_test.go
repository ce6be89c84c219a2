package entities

import (
	"fmt"
	"os"
	"testing"
)

func TestZZOne(t *testing.T) {
	s := os.Getenv("ZZONE")
	if s == "" {
		t.Skip()
	}
	d := extract(t, s)
	for _, m := range d.Mentions {
		fmt.Printf("%-40s %-8s %q\n", m.EntityID, m.Form, m.Surface)
	}
}
