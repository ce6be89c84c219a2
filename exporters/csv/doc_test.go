package csv

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	beginGenerated = "<!-- BEGIN GENERATED: csv columns (go test ./exporters/csv -run TestRecordsDoc -update) -->"
	endGenerated   = "<!-- END GENERATED -->"
)

// recordsDoc renders the column reference of every CSV file as Markdown.
func recordsDoc() string {
	var b strings.Builder
	b.WriteString(beginGenerated + "\n")
	for _, t := range Tables() {
		b.WriteString("\n### csv/" + t.Name + ".csv\n\nOne row per " + t.Row + ".\n\n")
		b.WriteString("| # | column | type | meaning |\n| --- | --- | --- | --- |\n")
		for i, c := range t.Columns {
			b.WriteString("| " + itoa(i+1) + " | `" + c.Name + "` | " + c.Kind.String() + " | " +
				strings.ReplaceAll(c.Doc, "|", "\\|") + " |\n")
		}
	}
	b.WriteString("\n" + endGenerated)
	return b.String()
}

// TestRecordsDoc keeps docs/records.md in step with the columns the
// exporter writes: the generated section must equal recordsDoc().
func TestRecordsDoc(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "records.md")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	i, j := strings.Index(doc, beginGenerated), strings.Index(doc, endGenerated)
	if i < 0 || j < i {
		t.Fatalf("%s: generated section markers missing", path)
	}
	cur := doc[i : j+len(endGenerated)]
	want := recordsDoc()
	if cur == want {
		return
	}
	if *update {
		if err := os.WriteFile(path, []byte(doc[:i]+want+doc[j+len(endGenerated):]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s is out of date with the exporter's columns; run go test ./exporters/csv -run TestRecordsDoc -update", path)
}
