package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestReleaseStreamBuffer checks that the buffer of a stream whose rows went
// to a temporary file is released, that a stream held in memory is left
// alone, and that both sheets still read back whole. It fails when an
// excelize upgrade changes the StreamWriter layout releaseStreamBuffer relies
// on.
func TestReleaseStreamBuffer(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if _, err := f.NewSheet("Big"); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("x", 20000)
	bigRows := excelize.StreamChunkSize/len(long) + 10 // past one chunk: goes to a temp file
	for _, c := range []struct {
		sheet string
		rows  int
		want  bool
	}{{"Sheet1", 3, false}, {"Big", bigRows, true}} {
		sw, err := f.NewStreamWriter(c.sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r := 1; r <= c.rows; r++ {
			if err := sw.SetRow(cellName(1, r), []any{r, long}); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
		if got := releaseStreamBuffer(sw); got != c.want {
			t.Errorf("%s (%d rows): released = %v, want %v", c.sheet, c.rows, got, c.want)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	for sheet, n := range map[string]int{"Sheet1": 3, "Big": bigRows} {
		rows, err := g.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != n {
			t.Fatalf("%s: %d rows read back, want %d", sheet, len(rows), n)
		}
		last := rows[n-1]
		if len(last) != 2 || last[1] != long {
			t.Errorf("%s: last row not intact (%d cells)", sheet, len(last))
		}
	}
	if releaseStreamBuffer(nil) {
		t.Error("nil stream writer reported released")
	}
}
