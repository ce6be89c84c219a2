package entities

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugDump(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	d := extract(t, string(data))
	fmt.Print(dumpDoc(d))
	if os.Getenv("MENTIONS") != "" {
		for _, m := range d.Mentions {
			fmt.Printf("%s %-25s %-8s %q\n", m.SentID, m.EntityID, m.Form, m.Surface)
		}
	}
}
