package pdf

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefpack/briefpack/examples"
	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/pipelinetest"
)

var (
	update  = flag.Bool("update", false, "rewrite golden files")
	keepDir = flag.String("keep", "", "copy rendered PDFs into this folder (for looking at them)")
)

func testOpts() exporters.Options {
	return exporters.Options{Version: "v0.0.0-test", Now: fixtureNow, PackTitle: "Central Asia Briefing",
		Organization: "Briefing Unit, Example Ministry", Banner: "UNCLASSIFIED"}
}

// needTools skips the test when poppler-utils or qpdf are missing.
func needTools(t testing.TB) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdfinfo", "qpdf"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not on PATH (install poppler-utils and qpdf; .ci/run does): %v", tool, err)
		}
	}
}

// export runs the exporter into a temp folder and returns the folder.
func export(t testing.TB, ds *pipeline.Dataset, opts exporters.Options) string {
	t.Helper()
	ex, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := ex.Export(context.Background(), ds, &exporters.Dest{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if *keepDir != "" {
		_ = os.MkdirAll(*keepDir, 0o755)
		name := filepath.Join(*keepDir, strings.ReplaceAll(t.Name(), "/", "_")+".pdf")
		b, _ := os.ReadFile(filepath.Join(dir, FileName))
		_ = os.WriteFile(name, b, 0o644)
	}
	return dir
}

func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// pdfText is the extracted text with runs of white space folded to one
// space, so that wrapped table cells still match.
func pdfText(t testing.TB, path string, args ...string) string {
	t.Helper()
	raw := run(t, "pdftotext", append(append([]string{"-enc", "UTF-8"}, args...), path, "-")...)
	return strings.Join(strings.Fields(raw), " ")
}

func pageCount(t testing.TB, path string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(run(t, "pdfinfo", path))
	if m == nil {
		t.Fatalf("pdfinfo: no page count for %s", path)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

type outline struct {
	Title string    `json:"title"`
	Page  int       `json:"destpageposfrom1"`
	Kids  []outline `json:"kids"`
}

func outlines(t testing.TB, path string) []outline {
	t.Helper()
	var doc struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=outlines", path)), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Outlines
}

// withExtras adds an actor whose name occurs nowhere in the text, so the
// test proves the actors table itself is rendered.
func withExtras(ds *pipeline.Dataset) *pipeline.Dataset {
	d := ds.Docs[0]
	d.Actors = append(d.Actors, pipeline.ActorRow{EntityID: "sco", Name: "Shanghai Cooperation Organisation", Type: "organization",
		Mentions: 1, Salience: 0.05, KeyStatement: "A statement that is not in the text."})
	return ds
}

func TestBriefingContent(t *testing.T) {
	needTools(t)
	cases := []struct {
		name string
		ds   func(t *testing.T) *pipeline.Dataset
	}{
		{"synthetic-seed", func(*testing.T) *pipeline.Dataset { return withExtras(seedFixture()) }},
		{"synthetic-batch", func(*testing.T) *pipeline.Dataset { return withExtras(batchFixture()) }},
		{"pipeline-seed", func(t *testing.T) *pipeline.Dataset { return pipelinetest.Seed(t) }},
		{"pipeline-corpus", corpusDataset},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ds := tc.ds(t)
			dir := export(t, ds, testOpts())
			path := filepath.Join(dir, FileName)
			run(t, "qpdf", "--check", path)
			text := pdfText(t, path)

			// every actor of every document and of the run (as far as shown)
			var names []string
			for _, d := range ds.Docs {
				for i, a := range d.Actors {
					if i < maxActorRows {
						names = append(names, a.Name)
					}
				}
			}
			for i, a := range ds.Views.Actors {
				if i < 20 {
					names = append(names, a.Name)
				}
			}
			for _, n := range names {
				if !strings.Contains(text, strings.Join(strings.Fields(n), " ")) {
					t.Errorf("actor %q missing from the PDF text", n)
				}
			}
			// every year of the timeline
			for _, d := range ds.Docs {
				for _, e := range d.Events {
					if len(e.Date) >= 4 && !strings.Contains(text, e.Date[:4]) {
						t.Errorf("timeline year %s missing", e.Date[:4])
					}
				}
				if !strings.Contains(text, strings.Join(strings.Fields(docTitle(d)), " ")) {
					t.Errorf("title %q missing", docTitle(d))
				}
			}
			for _, want := range []string{"Central Asia Briefing", "28 November 2026", "Briefing Unit, Example Ministry", "Contents", "Full text", "Key facts"} {
				if !strings.Contains(text, want) {
					t.Errorf("%q missing", want)
				}
			}

			// page furniture: banner top and bottom of every page,
			// "Page X of Y" on every page but the cover
			n := pageCount(t, path)
			if n < 2+len(ds.Docs) {
				t.Errorf("only %d pages for %d documents", n, len(ds.Docs))
			}
			for p := 1; p <= n; p++ {
				pt := pdfText(t, path, "-f", strconv.Itoa(p), "-l", strconv.Itoa(p))
				if c := strings.Count(pt, "UNCLASSIFIED"); c != 2 {
					t.Errorf("page %d: banner %d times, want 2", p, c)
				}
				if want := fmt.Sprintf("Page %d of %d", p, n); p > 1 && !strings.Contains(pt, want) {
					t.Errorf("page %d: %q missing", p, want)
				}
			}

			if rowPages := checkHeadings(t, path, n); tc.name == "synthetic-seed" && rowPages < 2 {
				t.Errorf("the actors table should cross a page (rows found on %d pages)", rowPages)
			}

			// outline: every article with its sections, pages in range
			ol := outlines(t, path)
			var titles []string
			var walk func([]outline)
			walk = func(os []outline) {
				for _, o := range os {
					titles = append(titles, o.Title)
					if o.Page < 1 || o.Page > n {
						t.Errorf("outline %q points to page %d of %d", o.Title, o.Page, n)
					}
					walk(o.Kids)
				}
			}
			walk(ol)
			all := strings.Join(titles, "|")
			for _, d := range ds.Docs {
				if !strings.Contains(all, docTitle(d)) {
					t.Errorf("outline lacks %q", docTitle(d))
				}
			}
			for _, want := range []string{"Contents", "Key facts", "Full text", "Source"} {
				if !strings.Contains(all, want) {
					t.Errorf("outline lacks %q", want)
				}
			}
			if len(ds.Docs) > 1 && !strings.Contains(all, "Overview") {
				t.Error("batch outline lacks the overview")
			}

			// contents: each entry's page number is the page its outline
			// entry points to, and it is a link
			checkContents(t, path, ol)

			// per-article briefings
			files, _ := filepath.Glob(filepath.Join(dir, ArticleDir, "*.pdf"))
			if len(files) != len(ds.Docs) {
				t.Errorf("%d per-article PDFs for %d documents", len(files), len(ds.Docs))
			}
			for _, f := range files {
				run(t, "qpdf", "--check", f)
			}
		})
	}
}

// sectionTitles are the headings the renderer sets.
var sectionTitles = map[string]bool{
	"Bottom line up front": true, "Key facts": true, "Actors": true, "Countries compared": true, "Themes": true,
	"Timeline": true, "Relations": true, "Full text": true, "Source": true, "Undated and relative references": true,
	"Key numbers": true, "Actors across the pack": true, "Themes by document": true, "Timeline across documents": true,
	"Document comparison": true, "Inputs not processed": true,
}

// checkHeadings fails when a section heading is stranded: fewer than two
// lines of content follow it on its page. It also checks that a table
// crossing a page repeats its header row.
func checkHeadings(t *testing.T, path string, pages int) (rowPages int) {
	t.Helper()
	furniture := regexp.MustCompile(`UNCLASSIFIED|^Briefing Unit, Example Ministry|Page \d+ of \d+|^Central Asia Briefing\s{3,}`)
	for p := 2; p <= pages; p++ {
		raw := run(t, "pdftotext", "-layout", "-enc", "UTF-8", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), path, "-")
		var lines []string
		for _, l := range strings.Split(raw, "\n") {
			if strings.TrimSpace(l) == "" || furniture.MatchString(strings.TrimSpace(l)) {
				continue
			}
			lines = append(lines, strings.TrimSpace(l))
		}
		for i, l := range lines {
			if sectionTitles[l] && len(lines)-i-1 < 2 {
				t.Errorf("page %d: heading %q stranded at the bottom", p, l)
			}
		}
		// every page with rows of an actors table shows its header row
		if actorRow.MatchString(raw) {
			rowPages++
			if !actorHead.MatchString(raw) {
				t.Errorf("page %d has actor rows but no header row:\n%s", p, raw)
			}
		}
	}
	return rowPages
}

var (
	actorRow  = regexp.MustCompile(`(?m)^ ?\S.*\s(Country|Region|Organization|Person|Framework)\s+(\d+\s+)?\d+\s+\d\.\d\d\s`)
	actorHead = regexp.MustCompile(`Actor\s+Type\s+(Docs\s+)?Mentions\s+Salience`)
)

// corpusDataset runs the real pipeline on the seed, two UN General Debate
// statements and two BBC articles from the shared corpora.
func corpusDataset(t *testing.T) *pipeline.Dataset {
	dir := corporaDir(t)
	ins := []pipelinetest.Input{{Name: "examples/central-asia-japan.txt", Data: examples.Seed}}
	for _, f := range []string{"un-debate/KAZ_79_2024.txt", "un-debate/JPN_79_2024.txt", "bbc/politics/010.txt", "bbc/business/020.txt"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Skipf("corpus file missing: %v", err)
		}
		ins = append(ins, pipelinetest.Input{Name: filepath.Base(f), Data: b})
	}
	return pipelinetest.Run(t, ins...)
}

// corporaDir finds ../shared/corpora beside the repository (or
// $BRIEFPACK_CORPORA), skipping the test when it is absent.
func corporaDir(t *testing.T) string {
	if d := os.Getenv("BRIEFPACK_CORPORA"); d != "" {
		return d
	}
	wd, _ := os.Getwd()
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			c := filepath.Join(d, "..", "shared", "corpora")
			if _, err := os.Stat(c); err != nil {
				t.Skipf("corpora not found at %s (set BRIEFPACK_CORPORA)", c)
			}
			return c
		}
		if filepath.Dir(d) == d {
			t.Skip("go.mod not found; corpora unavailable")
		}
	}
}

// checkContents compares the page numbers printed in the contents with the
// outline, and counts the link annotations of the contents pages.
func checkContents(t *testing.T, path string, ol []outline) {
	t.Helper()
	want := map[string]int{}
	var walk func([]outline)
	walk = func(os []outline) {
		for _, o := range os {
			if _, dup := want[o.Title]; !dup {
				want[o.Title] = o.Page
			}
			walk(o.Kids)
		}
	}
	walk(ol)
	contentsPage := want["Contents"]
	if contentsPage == 0 {
		t.Fatal("no contents page in the outline")
	}
	layout := run(t, "pdftotext", "-layout", "-enc", "UTF-8", "-f", strconv.Itoa(contentsPage), "-l", strconv.Itoa(contentsPage), path, "-")
	re := regexp.MustCompile(`^\s*(?:\d+\.\s+)?(\S.*?\S)\s{2,}(\d+)\s*$`)
	checked := 0
	for _, line := range strings.Split(layout, "\n") {
		m := re.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		page, _ := strconv.Atoi(m[2])
		if p, ok := want[m[1]]; ok {
			checked++
			if p != page {
				t.Errorf("contents says %q is on page %d, outline says %d", m[1], page, p)
			}
		}
	}
	if checked < 3 {
		t.Errorf("only %d contents lines matched the outline:\n%s", checked, layout)
	}
	raw, _ := os.ReadFile(path)
	if c := bytes.Count(raw, []byte("/Subtype /Link")); c < checked {
		t.Errorf("%d link annotations for %d contents entries", c, checked)
	}
}

func TestDeterministic(t *testing.T) {
	ds := batchFixture()
	a := export(t, ds, testOpts())
	b := export(t, ds, testOpts())
	var files []string
	filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(a, p)
			files = append(files, rel)
		}
		return nil
	})
	if len(files) != 4 {
		t.Fatalf("files %v, want briefing.pdf and 3 briefings", files)
	}
	for _, f := range files {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, err := os.ReadFile(filepath.Join(b, f))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two renders with the same clock", f)
		}
	}
	// another clock changes the dates, and only those
	o := testOpts()
	o.Now = fixtureNow.AddDate(0, 0, 1)
	c := export(t, ds, o)
	x, _ := os.ReadFile(filepath.Join(a, FileName))
	y, _ := os.ReadFile(filepath.Join(c, FileName))
	if bytes.Equal(x, y) {
		t.Error("a different clock gave identical bytes; dates are not taken from Options.Now")
	}
	if !bytes.Contains(y, []byte("D:20261129090000")) {
		t.Error("creation date is not Options.Now")
	}
}

func TestUnicode(t *testing.T) {
	needTools(t)
	paras := []string{
		"Emoji 😀🎉 and astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 text with Japan.",
		"日本と中央アジア – CJK text; Arabic العربية; Cyrillic Казахстан renders; Greek Ελλάδα.",
		"Zero\u200bwidth and soft\u00adhyphen, tab\there, control \x01 char, combining é (e\u0301).",
	}
	d := buildDoc(0, "Unicode 😀 title – 東京", "Site 🌐", "2024-08-09", paras)
	ds := buildDataset(d)
	var logs bytes.Buffer
	o := testOpts()
	o.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	dir := export(t, ds, o)
	path := filepath.Join(dir, FileName)
	run(t, "qpdf", "--check", path)
	text := pdfText(t, path)
	for _, want := range []string{"Казахстан", "Ελλάδα", "□"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing from text", want)
		}
	}
	if strings.Contains(text, "😀") {
		t.Error("emoji reached the PDF although the font has no glyph")
	}
	// the warning counts the characters outside the font, once
	fs, _ := loadFonts()
	z := &sanitizer{fs: fs}
	// count what the pack draws: title and text (the key facts and
	// source repeat them), so just require a sane, non-zero figure
	z.clean(strings.Join(paras, " "), false)
	m := regexp.MustCompile(`pdf: (\d+) characters outside the font were replaced`).FindAllStringSubmatch(logs.String(), -1)
	if len(m) != 1 {
		t.Fatalf("want one warning, got logs:\n%s", logs.String())
	}
	n, _ := strconv.Atoi(m[0][1])
	t.Logf("warning: %s (the paragraphs alone hold %d)", m[0][0], z.replaced)
	if n < z.replaced {
		t.Errorf("warning counts %d characters, the text alone has %d outside the font", n, z.replaced)
	}
}

func TestSanitizer(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		in, want string
		replaced int
	}{
		{"plain ASCII", "plain ASCII", 0},
		{"Kazakhstan – “quoted” é ü ß Ж", "Kazakhstan – “quoted” é ü ß Ж", 0},
		{"emoji 😀!", "emoji □!", 1},
		{"東京", "□□", 2},
		{"tab\there\nline", "tab here line", 0},
		{"zero\u200bwidth soft\u00adhyphen\ufeff", "zerowidth softhyphen", 0},
		{"ctrl\x01\x7f", "ctrl", 0},
		{"private \ue000 use", "private □ use", 1},
		{"astral 𝔘", "astral □", 1},
		{"bad \xff utf8", "bad □ utf8", 1},
	} {
		z := &sanitizer{fs: fs}
		if got := z.clean(tc.in, false); got != tc.want || z.replaced != tc.replaced {
			t.Errorf("clean(%q) = %q (%d replaced), want %q (%d)", tc.in, got, z.replaced, tc.want, tc.replaced)
		}
		// the same text drawn again (a title in every running header)
		// is counted once
		if got := z.clean(tc.in, false); got != tc.want || z.replaced != tc.replaced {
			t.Errorf("second clean(%q) = %q, count %d, want %q, %d", tc.in, got, z.replaced, tc.want, tc.replaced)
		}
	}
	z := &sanitizer{fs: fs}
	if got := z.clean("a\tb\nc", true); got != "a b\nc" {
		t.Errorf("clean with newlines kept = %q", got)
	}
}

func TestOptions(t *testing.T) {
	needTools(t)
	ds := seedFixture()
	t.Run("letter", func(t *testing.T) {
		o := testOpts()
		o.PageSize = "Letter"
		dir := export(t, ds, o)
		if info := run(t, "pdfinfo", filepath.Join(dir, FileName)); !strings.Contains(info, "612 x 792 pts (letter)") {
			t.Errorf("not Letter:\n%s", info)
		}
	})
	t.Run("bad page size", func(t *testing.T) {
		o := testOpts()
		o.PageSize = "A5"
		if _, err := New(o); err == nil || !strings.Contains(err.Error(), "A5") {
			t.Errorf("err = %v, want an error naming A5", err)
		}
	})
	t.Run("defaults", func(t *testing.T) {
		dir := export(t, ds, exporters.Options{Now: fixtureNow})
		path := filepath.Join(dir, FileName)
		text := pdfText(t, path)
		if !strings.Contains(text, "Briefing pack") {
			t.Error("default pack title missing")
		}
		if strings.Contains(text, "UNCLASSIFIED") {
			t.Error("banner printed although none was set")
		}
		info := run(t, "pdfinfo", path)
		for _, want := range []string{"Author:          briefpack", "Creator:         briefpack", "A4"} {
			if !strings.Contains(info, want) {
				t.Errorf("pdfinfo lacks %q:\n%s", want, info)
			}
		}
	})
	t.Run("clock fallback", func(t *testing.T) {
		o := testOpts()
		o.Now = time.Time{}
		ds := seedFixture() // Run.Started is fixtureNow
		dir := export(t, ds, o)
		info := run(t, "pdfinfo", filepath.Join(dir, FileName))
		if !strings.Contains(info, "CreationDate:    Sat Nov 28 09:00:00 2026") {
			t.Errorf("without Options.Now the run's start should date the PDF:\n%s", info)
		}
		ds.Run.Started = time.Time{}
		dir = export(t, ds, o)
		if text := pdfText(t, filepath.Join(dir, FileName)); strings.Contains(text, "1970") {
			t.Error("without any clock the cover should carry no date, not the epoch")
		}
	})
	t.Run("metadata", func(t *testing.T) {
		dir := export(t, ds, testOpts())
		info := run(t, "pdfinfo", filepath.Join(dir, FileName))
		for _, want := range []string{"Title:           Central Asia Briefing: " + seedTitle, "Author:          Briefing Unit, Example Ministry",
			"Creator:         briefpack v0.0.0-test", "Keywords:        Japan", "CreationDate:    Sat Nov 28 09:00:00 2026"} {
			if !strings.Contains(info, want) {
				t.Errorf("pdfinfo lacks %q:\n%s", want, info)
			}
		}
	})
	t.Run("no per-article", func(t *testing.T) {
		o := testOpts()
		o.NoPerArticle = true
		dir := export(t, batchFixture(), o)
		if _, err := os.Stat(filepath.Join(dir, ArticleDir)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("briefings/ written although NoPerArticle: %v", err)
		}
	})
	t.Run("logo", func(t *testing.T) {
		logo := filepath.Join(t.TempDir(), "logo.png")
		img := image.NewRGBA(image.Rect(0, 0, 40, 20))
		for x := 0; x < 40; x++ {
			for y := 0; y < 20; y++ {
				img.Set(x, y, color.RGBA{22, 43, 78, 255})
			}
		}
		f, _ := os.Create(logo)
		png.Encode(f, img)
		f.Close()
		o := testOpts()
		o.Logo = logo
		dir := export(t, ds, o)
		raw, _ := os.ReadFile(filepath.Join(dir, FileName))
		if !bytes.Contains(raw, []byte("/Subtype /Image")) {
			t.Error("logo image not embedded")
		}
		run(t, "qpdf", "--check", filepath.Join(dir, FileName))
	})
	t.Run("bad logo", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "logo.png")
		os.WriteFile(bad, []byte("not an image"), 0o644)
		for _, p := range []string{bad, filepath.Join(t.TempDir(), "missing.png")} {
			o := testOpts()
			o.Logo = p
			if _, err := New(o); err == nil || !strings.Contains(err.Error(), "logo") {
				t.Errorf("logo %s: err = %v, want a logo error", p, err)
			}
		}
	})
}

func TestPerArticleNames(t *testing.T) {
	a := buildDoc(0, "Same Title", "A", "2024-01-01", []string{"Japan and China."})
	b := buildDoc(1, "Same Title", "B", "2024-01-02", []string{"Japan and Russia talk."})
	c := buildDoc(2, "CON", "C", "", []string{"Kazakhstan."})
	e := buildDoc(3, "../../etc/passwd", "E", "", []string{"Uzbekistan, too."})
	dir := export(t, buildDataset(a, b, c, e), testOpts())
	got, _ := filepath.Glob(filepath.Join(dir, ArticleDir, "*.pdf"))
	for i := range got {
		got[i] = filepath.Base(got[i])
	}
	want := []string{"etc-passwd.pdf", c.Document.DocID + ".pdf", "same-title-" + b.Document.DocID + ".pdf", "same-title.pdf"}
	if strings.Join(got, " ") != strings.Join(sorted(want), " ") {
		t.Errorf("files %v, want %v", got, sorted(want))
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestEmptyAndCancelled(t *testing.T) {
	needTools(t)
	dir := export(t, &pipeline.Dataset{Failures: []pipeline.Failure{{Input: "bad.txt", Stage: "source", Err: "unreadable"}}}, testOpts())
	run(t, "qpdf", "--check", filepath.Join(dir, FileName))
	text := pdfText(t, filepath.Join(dir, FileName))
	for _, want := range []string{"No documents", "Inputs not processed", "bad.txt", "unreadable"} {
		if !strings.Contains(text, want) {
			t.Errorf("empty pack lacks %q", want)
		}
	}
	if n := pageCount(t, filepath.Join(dir, FileName)); n != 2 {
		t.Errorf("empty pack with one failure has %d pages, want cover and failures", n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ex, _ := New(testOpts())
	dir = t.TempDir()
	if err := ex.Export(ctx, seedFixture(), &exporters.Dest{Dir: dir}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if _, err := os.Stat(filepath.Join(dir, FileName)); !errors.Is(err, os.ErrNotExist) {
		t.Error("a cancelled export left a file behind")
	}
}

// TestGolden compares the text of the seed briefing with a golden dump,
// so layout changes that move or drop text show up in review.
func TestGolden(t *testing.T) {
	needTools(t)
	dir := export(t, seedFixture(), testOpts())
	got := run(t, "pdftotext", "-layout", "-enc", "UTF-8", filepath.Join(dir, FileName), "-")
	golden := filepath.Join("testdata", "seed.golden.txt")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		os.WriteFile(filepath.Join("testdata", "seed.actual.txt"), []byte(got), 0o644)
		g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(g) && i < len(w); i++ {
			if g[i] != w[i] {
				t.Errorf("line %d:\n got %q\nwant %q", i+1, g[i], w[i])
				break
			}
		}
		t.Errorf("text differs from %s; actual written to testdata/seed.actual.txt (go test -update accepts it)", golden)
	}
}
