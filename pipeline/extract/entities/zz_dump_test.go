package entities

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestZZDump(t *testing.T) {
	dir := os.Getenv("ZZDUMP")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(dir)
	g := testGazetteer(t)
	for _, f := range files {
		data, _ := os.ReadFile(f)
		d := extract(t, string(data))
		for _, e := range d.Entities {
			if _, ok := g.Entry(e.EntityID); ok {
				continue
			}
			fmt.Printf("%s\t%s\t%s\n", e.Type, e.Name, filepath.Base(filepath.Dir(f))+"/"+filepath.Base(f))
		}
	}
}
