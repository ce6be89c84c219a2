package entities

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
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

func TestDebugCorpus(t *testing.T) {
	dir := os.Getenv("CORPUS")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(dir)
	g := testGazetteer(t)
	type agg struct {
		docs, mentions int
		typ, name      string
		local          bool
	}
	all := map[string]*agg{}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		d := extract(t, string(data))
		for _, e := range d.Entities {
			a := all[e.EntityID]
			if a == nil {
				_, inG := g.Entry(e.EntityID)
				a = &agg{typ: e.Type, name: e.Name, local: !inG}
				all[e.EntityID] = a
			}
			a.docs++
			a.mentions += e.Mentions
		}
	}
	ids := make([]string, 0, len(all))
	for id := range all {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return all[ids[i]].docs > all[ids[j]].docs })
	for _, id := range ids {
		a := all[id]
		if os.Getenv("LOCAL") != "" && !a.local {
			continue
		}
		fmt.Printf("%4d %5d %-13s %-5v %s\n", a.docs, a.mentions, a.typ, a.local, a.name)
	}
}
