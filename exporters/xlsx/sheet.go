package xlsx

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// styles are the cell styles of the workbook.
type styles struct {
	title, heading, header, colHead, wrap, link, linkWrap, dec, decWrap, bold, top int
	dateTime, day, month, year, decade, iso                                        int
	dup                                                                            int // fill of a near-duplicate cell
	dupCF                                                                          int // conditional (dxf) fill for near-duplicate rows
}

func (b *book) newStyles() error {
	top := &excelize.Alignment{Vertical: "top"}
	wrapTop := &excelize.Alignment{Vertical: "top", WrapText: true}
	dec := "0.000"
	defs := []struct {
		dst *int
		s   excelize.Style
	}{
		{&b.st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Color: "1F3864"}}},
		{&b.st.heading, excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Color: "1F3864"}}},
		{&b.st.header, excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F3864"}},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&b.st.top, excelize.Style{Alignment: top}},
		{&b.st.colHead, excelize.Style{Font: &excelize.Font{Bold: true, Color: "1F3864", Underline: "single"},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&b.st.bold, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top}},
		{&b.st.wrap, excelize.Style{Alignment: wrapTop}},
		{&b.st.link, excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}, Alignment: top}},
		{&b.st.linkWrap, excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}, Alignment: wrapTop}},
		{&b.st.dec, excelize.Style{CustomNumFmt: &dec, Alignment: top}},
		{&b.st.decWrap, excelize.Style{CustomNumFmt: &dec, Alignment: wrapTop}},
		{&b.st.dateTime, excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd hh:mm"), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}}},
		{&b.st.day, excelize.Style{CustomNumFmt: ptr("d mmm yyyy"), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}}},
		{&b.st.month, excelize.Style{CustomNumFmt: ptr("mmm yyyy"), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}}},
		{&b.st.year, excelize.Style{CustomNumFmt: ptr("yyyy"), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}}},
		{&b.st.decade, excelize.Style{CustomNumFmt: ptr(`yyyy"s"`), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}}},
		{&b.st.iso, excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd"), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}}},
		{&b.st.dup, excelize.Style{CustomNumFmt: &dec, Font: &excelize.Font{Bold: true, Color: "9C0006"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}, Alignment: top}},
	}
	for _, d := range defs {
		id, err := b.f.NewStyle(&d.s)
		if err != nil {
			return err
		}
		*d.dst = id
	}
	id, err := b.f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "9C0006"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}})
	if err != nil {
		return err
	}
	b.st.dupCF = id
	return nil
}

func ptr[T any](v T) *T { return &v }

// col describes one column of a sheet.
type col struct {
	name  string
	width float64
	style int // column style (number format, wrap); 0 for none
}

// pageSetup prints a sheet landscape, as wide as one page (A4, or Letter
// when Options.PageSize says so), so a PDF of the workbook stays readable.
func (b *book) pageSetup(sheet string) error {
	size := 9 // A4
	if strings.EqualFold(b.opts.PageSize, "letter") {
		size = 1
	}
	if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	return b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: ptr(size), Orientation: ptr("landscape"),
		FitToWidth: ptr(1), FitToHeight: ptr(0)})
}

// sheetWriter streams one sheet row by row.
type sheetWriter struct {
	b     *book
	name  string
	cols  []col
	sw    *excelize.StreamWriter
	mem   *streamBuf // sw's row buffer; nil leaves excelize's buffering alone
	row   int        // last row written
	links int
}

// stream opens a sheet for streaming, sets column widths and styles and
// freezes the first freezeRows rows and freezeCols columns. All of it must
// happen before the first row (excelize's rule for stream writers).
func (b *book) stream(name string, cols []col, freezeRows, freezeCols int) (*sheetWriter, error) {
	// The page setup lives in sheetPr, which the stream writer emits first.
	if err := b.pageSetup(name); err != nil {
		return nil, err
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	for i, c := range cols {
		if c.width > 0 {
			if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
				return nil, err
			}
		}
		style := c.style
		if style == 0 {
			style = b.st.top
		}
		if err := sw.SetColStyle(i+1, i+1, style); err != nil {
			return nil, err
		}
	}
	if freezeRows > 0 || freezeCols > 0 {
		tl, _ := excelize.CoordinatesToCellName(freezeCols+1, freezeRows+1)
		p := &excelize.Panes{Freeze: true, XSplit: freezeCols, YSplit: freezeRows, TopLeftCell: tl, ActivePane: "bottomRight"}
		switch {
		case freezeCols == 0:
			p.ActivePane = "bottomLeft"
		case freezeRows == 0:
			p.ActivePane = "topRight"
		}
		p.Selection = []excelize.Selection{{SQRef: tl, ActiveCell: tl, Pane: p.ActivePane}}
		if err := sw.SetPanes(p); err != nil {
			return nil, err
		}
	}
	return &sheetWriter{b: b, name: name, sw: sw, mem: newStreamBuf(sw), cols: cols}, nil
}

// next writes vals as the next row (after skipping skip empty rows). When
// the row has wrapped text its height is set to fit (spreadsheets do not
// reliably grow rows of a generated file on their own).
func (s *sheetWriter) next(skip int, vals ...any) error {
	s.row += skip + 1
	cell, err := excelize.CoordinatesToCellName(1, s.row)
	if err != nil {
		return err
	}
	for i, v := range vals {
		vals[i] = finite(v)
	}
	if h := s.b.rowHeight(s.cols, vals); h > 0 {
		err = s.sw.SetRow(cell, vals, excelize.RowOpts{Height: h})
	} else {
		err = s.sw.SetRow(cell, vals)
	}
	if err != nil {
		return err
	}
	return s.mem.spill()
}

// finite replaces a NaN or infinite number (which would make the file
// invalid: OOXML has no such values) with an empty cell.
func finite(v any) any {
	switch x := v.(type) {
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
	case excelize.Cell:
		if f, ok := x.Value.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
			x.Value = nil
			return x
		}
	}
	return v
}

// Row height estimate: points per line, the most lines shown, and how many
// characters of body text fit in one unit of column width.
const (
	lineHeight   = 15.0
	maxLines     = 24
	charsPerUnit = 1.25
)

// rowHeight estimates the height a row needs for its wrapped text cells
// (by column style or cell style); 0 means the default height.
func (b *book) rowHeight(cols []col, vals []any) float64 {
	lines := 1
	for i, v := range vals {
		style, width := 0, 8.43
		if i < len(cols) {
			style, width = cols[i].style, cols[i].width
		}
		var text string
		switch x := v.(type) {
		case string:
			text = x
		case excelize.Cell:
			if x.StyleID != 0 {
				style = x.StyleID
			}
			text, _ = x.Value.(string)
		}
		if text == "" || !b.wraps(style) {
			continue
		}
		lines = max(lines, textLines(text, width))
	}
	if lines <= 1 {
		return 0
	}
	return float64(min(lines, maxLines)) * lineHeight
}

func (b *book) wraps(style int) bool {
	return style == b.st.wrap || style == b.st.linkWrap || style == b.st.decWrap || style == b.st.header
}

// textLines is the number of lines text takes in a column of width units.
func textLines(text string, width float64) int {
	per := int(width * charsPerUnit)
	if per < 1 {
		per = 1
	}
	n := 0
	for {
		para, rest, more := strings.Cut(text, "\n")
		c := utf8.RuneCountInString(para)
		n += max(1, (c+per-1)/per)
		if n > maxLines || !more {
			return n
		}
		text = rest
	}
}

// header writes a header row with the header style.
func (s *sheetWriter) header(skip int, names ...string) error {
	vals := make([]any, len(names))
	for i, n := range names {
		vals[i] = excelize.Cell{StyleID: s.b.st.header, Value: n}
	}
	return s.next(skip, vals...)
}

// link adds an internal hyperlink from cell to target (a "Sheet!A1"
// reference), up to maxLinks per sheet. Must be called before flush.
func (s *sheetWriter) link(cell, target string) error {
	if s.links >= maxLinks {
		return nil
	}
	s.links++
	return s.b.f.SetCellHyperLink(s.name, cell, target, "Location")
}

// flush ends the sheet and gives back the stream's buffer when its rows
// went to a temporary file (see streamBuf).
func (s *sheetWriter) flush() error {
	if err := s.sw.Flush(); err != nil {
		return err
	}
	s.mem.release()
	return nil
}

// colNames lists the names of cols, for a header row.
func colNames(cols []col) []string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return names
}

// table streams a full record table: a header row, up to MaxDataRows rows,
// an Excel table with autofilter over them, frozen header. rows writes the
// data rows with out.emit.
func (b *book) table(sheet, tableName string, cols []col, rows func(out *tableRows) error) error {
	s, err := b.stream(sheet, cols, 1, 0)
	if err != nil {
		return err
	}
	if err := s.header(0, colNames(cols)...); err != nil {
		return err
	}
	if err := rows(&tableRows{s: s, buf: make([]any, 0, len(cols))}); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(cols), max(2, s.row))
	no := false
	if err := s.sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: tableName, StyleName: "TableStyleLight9", ShowRowStripes: ptr(true), ShowHeaderRow: ptr(true), ShowColumnStripes: no}); err != nil {
		return err
	}
	return s.flush()
}

// tableRows receives the data rows of a table. It reuses one row slice for
// every row, so a million-row table does not allocate a million slices.
type tableRows struct {
	s   *sheetWriter
	n   int   // data rows written
	buf []any // the row being written
}

// emit writes vals as the next data row; rows beyond MaxDataRows are counted
// and left out. It checks the context every 4,096 rows.
func (t *tableRows) emit(vals ...any) error {
	b := t.s.b
	if t.n >= MaxDataRows {
		b.omitted[t.s.name]++
		return nil
	}
	t.n++
	if t.n%4096 == 0 {
		if err := b.ctx.Err(); err != nil {
			return err
		}
	}
	t.buf = append(t.buf[:0], vals...)
	err := t.s.next(0, t.buf...)
	clear(t.buf) // keep no reference to the row's values
	return err
}

// ref is a cell reference for links: 'Sheet name'!A1.
func ref(sheet string, colNo, row int) string {
	c, _ := excelize.CoordinatesToCellName(colNo, row)
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'!" + c
}

// cellName is excelize.CoordinatesToCellName without the error (inputs are
// always in range here).
func cellName(colNo, row int) string {
	c, _ := excelize.CoordinatesToCellName(colNo, row)
	return c
}

func colName(colNo int) string {
	c, _ := excelize.ColumnNumberToName(colNo)
	return c
}

// rangeRef is an absolute range on a sheet, for chart series.
func rangeRef(sheet string, c1, r1, c2, r2 int) string {
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'!$" + colName(c1) + "$" + strconv.Itoa(r1) + ":$" + colName(c2) + "$" + strconv.Itoa(r2)
}

// str is a text cell (truncated to Excel's limit), with an optional style.
func (b *book) str(s string, style int) excelize.Cell {
	return excelize.Cell{StyleID: style, Value: b.text(s)}
}

// num is a numeric cell with a style.
func num(x any, style int) excelize.Cell { return excelize.Cell{StyleID: style, Value: x} }

// parseISODate reads the first day of an ISO 8601 date of any precision
// ("2004", "2024-08", "2024-08-09", or a date-time). ok is false when s is
// not such a date or falls outside Excel's calendar (1900-9999).
func parseISODate(s string) (t time.Time, precision string, ok bool) {
	s = strings.TrimSpace(s)
	layouts := []struct{ layout, prec string }{
		{time.RFC3339, "time"}, {"2006-01-02T15:04:05", "time"}, {"2006-01-02T15:04", "time"},
		{"2006-01-02", "day"}, {"2006-01", "month"}, {"2006", "year"},
	}
	for _, l := range layouts {
		if v, err := time.Parse(l.layout, s); err == nil {
			if v.Year() < 1900 || v.Year() > 9999 {
				return time.Time{}, "", false
			}
			if l.prec != "time" {
				v = time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC)
			}
			return v, l.prec, true
		}
	}
	return time.Time{}, "", false
}

// dateStyle is the number format for a date precision.
func (b *book) dateStyle(precision string) int {
	switch precision {
	case "day":
		return b.st.day
	case "month":
		return b.st.month
	case "year":
		return b.st.year
	case "decade":
		return b.st.decade
	case "time":
		return b.st.dateTime
	}
	return b.st.iso
}

// dateCell is a real Excel date with the number format of its precision, or
// the text itself when it is not a usable date.
func (b *book) dateCell(iso, precision string) any {
	t, p, ok := parseISODate(iso)
	if !ok {
		if iso == "" {
			return nil
		}
		return b.str(iso, 0)
	}
	if precision == "" || precision == "relative" {
		precision = p
	}
	if p == "time" {
		// A date-time: convert to UTC wall clock, which is what the ISO
		// string's offset means; Excel has no time zones.
		t = t.UTC()
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	}
	return excelize.Cell{StyleID: b.dateStyle(precision), Value: t}
}
