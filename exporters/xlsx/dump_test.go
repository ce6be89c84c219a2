package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"io"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// dumpWorkbook renders a workbook as text, sheet by sheet: document
// properties, panes, column widths, every non-empty cell with its type,
// raw value, number format, fill and hyperlink, tables, conditional
// formats, and a summary of each chart. Zip entry order plays no part, so
// two dumps are equal exactly when the workbooks are the same sheet by
// sheet.
func dumpWorkbook(t testing.TB, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	defer f.Close()
	var b strings.Builder
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "docprops: creator=%q modified-by=%q created=%q modified=%q title=%q\n",
		p.Creator, p.LastModifiedBy, p.Created, p.Modified, p.Title)
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "\n== sheet %q\n", sheet)
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if panes.Freeze {
			fmt.Fprintf(&b, "freeze: x=%d y=%d top-left=%s\n", panes.XSplit, panes.YSplit, panes.TopLeftCell)
		}
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		width := 0
		for _, r := range rows {
			width = max(width, len(r))
		}
		var widths []string
		for c := 1; c <= width; c++ {
			w, _ := f.GetColWidth(sheet, colName(c))
			widths = append(widths, fmt.Sprintf("%s=%g", colName(c), w))
		}
		fmt.Fprintf(&b, "widths: %s\n", strings.Join(widths, " "))
		for r, row := range rows {
			if h, _ := f.GetRowHeight(sheet, r+1); h != 15 && len(row) > 0 {
				fmt.Fprintf(&b, "row %d height %g\n", r+1, h)
			}
			for c, v := range row {
				cell := cellName(c+1, r+1)
				typ, _ := f.GetCellType(sheet, cell)
				if v == "" && typ == excelize.CellTypeUnset {
					continue
				}
				tn := typeName(typ)
				if typ == excelize.CellTypeUnset {
					tn = "num" // a number cell carries no type attribute
				}
				line := fmt.Sprintf("%s %s %q", cell, tn, v)
				if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
					line += " formula=" + formula
				}
				if id, err := f.GetCellStyle(sheet, cell); err == nil && id != 0 {
					st, _ := f.GetStyle(id)
					if st.CustomNumFmt != nil {
						line += fmt.Sprintf(" fmt=%q", *st.CustomNumFmt)
					} else if st.NumFmt != 0 {
						line += fmt.Sprintf(" fmt=%d", st.NumFmt)
					}
					if len(st.Fill.Color) > 0 {
						line += " fill=" + strings.Join(st.Fill.Color, ",")
					}
				}
				if ok, target, _ := f.GetCellHyperLink(sheet, cell); ok {
					line += " link=" + target
				}
				b.WriteString(line + "\n")
			}
		}
		tables, err := f.GetTables(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range tables {
			fmt.Fprintf(&b, "table %s %s style=%s\n", tb.Name, tb.Range, tb.StyleName)
		}
		cfs, err := f.GetConditionalFormats(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for k := range cfs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			for _, o := range cfs[k] {
				fmt.Fprintf(&b, "cf %s %s %s %s %s/%s/%s\n", k, o.Type, o.Criteria, o.MinColor+o.MidColor+o.MaxColor,
					o.MinValue, o.MidValue, o.MaxValue)
			}
		}
	}
	for _, c := range chartSummaries(t, data) {
		b.WriteString("\n" + c)
	}
	return b.String()
}

func typeName(t excelize.CellType) string {
	switch t {
	case excelize.CellTypeBool:
		return "bool"
	case excelize.CellTypeDate:
		return "date"
	case excelize.CellTypeError:
		return "error"
	case excelize.CellTypeFormula:
		return "formula"
	case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
		return "str"
	case excelize.CellTypeNumber:
		return "num"
	}
	return "unset"
}

var (
	reBarDir = regexp.MustCompile(`<(?:c:)?barDir val="([a-z]+)"`)
	reRef    = regexp.MustCompile(`<(?:c:)?f>([^<]*)</(?:c:)?f>`)
	reText   = regexp.MustCompile(`<a:t>([^<]*)</a:t>`)
)

// chartSummaries lists, sorted, the kind, title and series references of
// every chart in the package.
func chartSummaries(t testing.TB, data []byte) []string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/charts/chart") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		x, _ := io.ReadAll(rc)
		rc.Close()
		s := "chart"
		if m := reBarDir.FindSubmatch(x); m != nil {
			s += " bar:" + string(m[1])
		}
		for _, m := range reText.FindAllSubmatch(x, -1) {
			s += " title=" + html.UnescapeString(string(m[1]))
		}
		s += "\n"
		for _, m := range reRef.FindAllSubmatch(x, -1) {
			s += "  ref " + html.UnescapeString(string(m[1])) + "\n"
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}
