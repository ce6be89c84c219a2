package csv

import (
	"bufio"
	stdcsv "encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/briefpack/briefpack/exporters/internal/cellsafe"
)

// Kind is the type of a column's cells.
type Kind int

// Column kinds. Only Text cells are cleaned and formula-guarded; the other
// kinds are produced by this package's formatters and are never guarded, so
// a negative number stays a number.
const (
	Text  Kind = iota // free text or an identifier
	Int               // base-10 integer
	Float             // decimal, at most 4 fractional digits, "." separator
	Bool              // "true" or "false"
)

func (k Kind) String() string {
	switch k {
	case Int:
		return "integer"
	case Float:
		return "decimal"
	case Bool:
		return "boolean"
	}
	return "text"
}

// Column describes one column of a CSV file.
type Column struct {
	Name string
	Kind Kind
	Doc  string // meaning, for docs/records.md
}

// rowWriter writes the header and rows of one file: RFC 4180 with CRLF line
// ends, UTF-8, optional BOM.
type rowWriter struct {
	bw    *bufio.Writer
	cw    *stdcsv.Writer
	cols  []Column
	guard bool
	rec   []string
}

func newRowWriter(w io.Writer, cols []Column, bom, guard bool) (*rowWriter, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	if bom {
		if _, err := bw.WriteString("\uFEFF"); err != nil {
			return nil, err
		}
	}
	cw := stdcsv.NewWriter(bw)
	cw.UseCRLF = true
	rw := &rowWriter{bw: bw, cw: cw, cols: cols, guard: guard, rec: make([]string, len(cols))}
	for i, c := range cols {
		rw.rec[i] = c.Name
	}
	if err := cw.Write(rw.rec); err != nil {
		return nil, err
	}
	return rw, nil
}

// write writes one row; cells holds one value per column, already formatted
// for non-text kinds.
func (rw *rowWriter) write(cells ...string) error {
	if len(cells) != len(rw.cols) {
		return fmt.Errorf("csv: row has %d cells, want %d", len(cells), len(rw.cols))
	}
	for i, c := range cells {
		if rw.cols[i].Kind == Text {
			c = cleanText(c)
			if rw.guard {
				c = cellsafe.Guard(c)
			}
		}
		rw.rec[i] = c
	}
	return rw.cw.Write(rw.rec)
}

func (rw *rowWriter) flush() error {
	rw.cw.Flush()
	if err := rw.cw.Error(); err != nil {
		return err
	}
	return rw.bw.Flush()
}

// cleanText makes a text cell safe to write and read back: invalid UTF-8
// becomes U+FFFD, and CR LF and lone CR become LF (encoding/csv would drop
// a lone CR in CRLF mode, and readers turn a quoted CR LF into LF anyway).
func cleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}

// ExpectedText is what a reader gets back for a text cell s written by this
// package: s cleaned (see cleanText) and, with guard, formula-guarded.
func ExpectedText(s string, guard bool) string {
	s = cleanText(s)
	if guard {
		s = cellsafe.Guard(s)
	}
	return s
}

// fmtFloat formats x with at most 4 fractional digits, trailing zeros
// removed, never "-0"; NaN and infinities are written as an empty cell.
func fmtFloat(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	s := strconv.FormatFloat(x, 'f', 4, 64)
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

func fmtInt(n int) string { return strconv.Itoa(n) }

func fmtBool(b bool) string { return strconv.FormatBool(b) }

// idList joins identifiers (entity, theme and sentence IDs) with "|".
func idList(ids []string) string { return strings.Join(ids, "|") }

// textList joins free-text items (sources, notes) with a line feed.
func textList(items []string) string { return strings.Join(items, "\n") }
