package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestStreamBuf checks that a stream larger than spillSize keeps no more than
// about spillSize in memory, gives its buffer back after Flush, reads back
// whole, and that excelize still removes the temporary file on Close; a small
// stream stays in memory untouched. It fails when an excelize upgrade changes
// the StreamWriter layout streamBuf relies on.
func TestStreamBuf(t *testing.T) {
	f := excelize.NewFile()
	if _, err := f.NewSheet("Big"); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("x<", 5000) // escaped to 25,000 bytes per row
	bigRows := 6*spillSize/len(long) + 7
	var tmpName string
	for _, c := range []struct {
		sheet string
		rows  int
		spill bool
	}{{"Sheet1", 3, false}, {"Big", bigRows, true}} {
		sw, err := f.NewStreamWriter(c.sheet)
		if err != nil {
			t.Fatal(err)
		}
		mem := newStreamBuf(sw)
		if mem == nil {
			t.Fatal("newStreamBuf: excelize's StreamWriter layout is not the expected one (excelize upgraded?)")
		}
		maxCap := 0
		for r := 1; r <= c.rows; r++ {
			vals := []any{r, long}
			if r == 1 {
				vals = []any{"No", "Text"} // the header of the table on Big
			}
			if err := sw.SetRow(cellName(1, r), vals); err != nil {
				t.Fatal(err)
			}
			if err := mem.spill(); err != nil {
				t.Fatal(err)
			}
			maxCap = max(maxCap, mem.buf.Cap())
		}
		if c.spill && maxCap > 4*spillSize {
			t.Errorf("%s: buffer grew to %d bytes, want at most %d", c.sheet, maxCap, 4*spillSize)
		}
		if c.spill {
			// excelize reads the header row back from the stream (now in the
			// temporary file) to name the table's columns.
			if err := sw.AddTable(&excelize.Table{Range: "A1:" + cellName(2, c.rows), Name: "tblBig"}); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
		if got := mem.release(); got != c.spill {
			t.Errorf("%s (%d rows): released = %v, want %v", c.sheet, c.rows, got, c.spill)
		}
		if c.spill {
			if *mem.tmp == nil {
				t.Fatalf("%s: no temporary file", c.sheet)
			}
			tmpName = (*mem.tmp).Name()
			if mem.buf.Cap() != 0 {
				t.Errorf("%s: buffer capacity %d after release", c.sheet, mem.buf.Cap())
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tmpName); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("temporary file %s still there after Close (%v)", tmpName, err)
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
		for i, row := range rows[1:] {
			if len(row) != 2 || row[0] != strconv.Itoa(i+2) || row[1] != long {
				t.Fatalf("%s: row %d not intact (%d cells)", sheet, i+2, len(row))
			}
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fs.ReadFile(zr, "xl/tables/table1.xml")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`name="No"`, `name="Text"`, `ref="A1:B` + strconv.Itoa(bigRows) + `"`} {
		if !bytes.Contains(tbl, []byte(want)) {
			t.Errorf("table1.xml lacks %s: %.300s", want, tbl)
		}
	}
	if newStreamBuf(nil) != nil {
		t.Error("newStreamBuf(nil) is not nil")
	}
	var none *streamBuf // what a layout mismatch gives: no-ops
	if err := none.spill(); err != nil || none.release() {
		t.Error("nil streamBuf is not a no-op")
	}
}
