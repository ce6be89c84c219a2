package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func parse(t *testing.T, yaml string) *Config {
	t.Helper()
	c, probs := Parse([]byte(yaml), "briefpack.yaml", ".")
	if len(probs) > 0 {
		t.Fatalf("unexpected problems:\n%v", probs)
	}
	return c
}

func TestPrecedence(t *testing.T) {
	file := parse(t, `
out: from-file
formats: [pdf, csv]
workers: 2
window: 7d
pack:
  title: File title
`)
	tests := []struct {
		name       string
		env, flags Values
		check      func(t *testing.T, c *Config)
	}{
		{"defaults under the file", nil, nil, func(t *testing.T, c *Config) {
			eq(t, c.Out, "from-file")
			eq(t, c.Pack.PageSize, "A4") // default, not in file
			eq(t, c.Pack.PerArticle, true)
			eq(t, c.Timeout, 30*time.Second)
			eq(t, c.Window, 7*24*time.Hour)
			eq(t, c.Origin("out").String(), "briefpack.yaml:2:6")
			eq(t, c.Origin("pack.page_size").String(), "default")
		}},
		{"env over file", Values{"out": {"from-env"}, "workers": {"8"}}, nil, func(t *testing.T, c *Config) {
			eq(t, c.Out, "from-env")
			eq(t, c.Workers, 8)
			eq(t, c.Formats, []string{"pdf", "csv"})
			eq(t, c.Origin("out").String(), "env BRIEFPACK_OUT")
		}},
		{"flag over env over file", Values{"out": {"from-env"}}, Values{"out": {"from-flag"}, "formats": {"jsonl"}}, func(t *testing.T, c *Config) {
			eq(t, c.Out, "from-flag")
			eq(t, c.Formats, []string{"jsonl"})
			eq(t, c.Origin("out").String(), "flag --out")
			eq(t, c.Origin("formats[0]").String(), "flag --format")
		}},
		{"flag without env", nil, Values{"pack.title": {"Flag title"}}, func(t *testing.T, c *Config) {
			eq(t, c.Pack.Title, "Flag title")
			eq(t, c.Out, "from-file")
		}},
		{"empty list from env clears the file's", Values{"formats": {}}, nil, func(t *testing.T, c *Config) {
			eq(t, len(c.Formats), 0)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, probs := Resolve(file, tt.env, tt.flags)
			if len(probs) > 0 {
				t.Fatal(probs)
			}
			tt.check(t, c)
		})
	}
}

func TestResolveWithoutFile(t *testing.T) {
	c, probs := Resolve(nil, nil, nil)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	eq(t, c.Out, "out")
	eq(t, c.MaxBytes, 20<<20)
	eq(t, c.File, "")
}

func TestEnvValues(t *testing.T) {
	env := map[string]string{
		"BRIEFPACK_FORMATS": "pdf, csv,,",
		"BRIEFPACK_WORKERS": "4",
		"BRIEFPACK_WINDOW":  "3d",
		"BRIEFPACK_SHARD":   "2/3",
		"BRIEFPACK_FULL":    "1",
		"BRIEFPACK_UNKNOWN": "x",
		"HOME":              "/root",
	}
	vals := EnvValues(func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	want := Values{"formats": {"pdf", "csv"}, "workers": {"4"}, "window": {"3d"}, "shard": {"2/3"}, "full": {"1"}}
	eq(t, vals, want)
	c, probs := Resolve(nil, vals, nil)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	eq(t, c.Formats, []string{"pdf", "csv"})
	eq(t, c.Workers, 4)
	eq(t, c.Window, 72*time.Hour)
	eq(t, c.Shard, Shard{2, 3})
	eq(t, c.Full, true)
}

func TestResolveReportsBadEnvAndFlags(t *testing.T) {
	_, probs := Resolve(nil,
		Values{"workers": {"many"}, "window": {"soon"}, "pack.page_size": {"A3"}},
		Values{"keep": {"-1"}, "shard": {"3/2"}})
	got := []string{}
	for _, p := range probs {
		got = append(got, p.String())
	}
	want := []string{
		`env BRIEFPACK_PAGE_SIZE: pack.page_size: want one of A4, Letter, got "A3"`,
		`env BRIEFPACK_WORKERS: workers: want an integer, got "many"`,
		`env BRIEFPACK_WINDOW: window: want a duration such as 7d, 36h or 90m, got "soon"`,
		`flag --keep: keep: must not be negative, got -1`,
		`flag --shard: shard: want i/n with 1 <= i <= n (e.g. 1/2), got "3/2"`,
	}
	eq(t, got, want)
}

// TestValidateReportsEveryProblem is the `config validate` contract: all
// problems at once, each with its line and field.
func TestValidateReportsEveryProblem(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "people.yaml"), []byte("x: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := `sources:
  - articles/
  - {path: x}
fromats: [pdf]
formats: [pdf, docx]
workers: four
window: 7 days
pack:
  title: [a, b]
  page_size: A5
  colour: red
gazetteer: [people.yaml, missing.yaml]
full: perhaps
schedules:
  - name: morning
    cron: "0 25 * * *"
    formats: [xlsx, pptx]
    colour: blue
  - name: morning
    cron: "@daily"
  - cron: "@hourly"
    gazetteer: [x.yaml]
keep: 3
keep: 4
`
	path := filepath.Join(dir, "briefpack.yaml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	file, probs, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	c, rprobs := Resolve(file, nil, nil)
	probs = append(probs, rprobs...)
	probs = append(probs, Validate(c, ValidateOptions{Formats: []string{"csv", "jsonl", "pdf", "xlsx"}, CheckFiles: true})...)
	probs = probs.sorted()
	var got []string
	for _, p := range probs {
		got = append(got, strings.ReplaceAll(p.String(), dir+string(filepath.Separator), ""))
	}
	want := []string{
		`briefpack.yaml:3:5: sources[1]: want a string, got a mapping`,
		`briefpack.yaml:4:1: fromats: unknown field (did you mean "formats"?)`,
		`briefpack.yaml:5:16: formats[1]: unknown format "docx" (known: csv, jsonl, pdf, xlsx)`,
		`briefpack.yaml:6:10: workers: want an integer, got "four"`,
		`briefpack.yaml:7:9: window: want a duration such as 7d, 36h or 90m, got "7 days"`,
		`briefpack.yaml:9:10: pack.title: want a string, got a list`,
		`briefpack.yaml:10:14: pack.page_size: want one of A4, Letter, got "A5"`,
		`briefpack.yaml:11:3: pack.colour: unknown field`,
		`briefpack.yaml:12:26: gazetteer[1]: no such file: missing.yaml`,
		`briefpack.yaml:13:7: full: want true or false, got "perhaps"`,
		`briefpack.yaml:16:11: schedules[0].cron: bad cron expression "0 25 * * *": end of range (25) above maximum (23): 25`,
		`briefpack.yaml:17:21: schedules[0].formats[1]: unknown format "pptx" (known: csv, jsonl, pdf, xlsx)`,
		`briefpack.yaml:18:5: schedules[0].colour: unknown field`,
		`briefpack.yaml:19:11: schedules[1].name: job name "morning" used twice`,
		`briefpack.yaml:21:5: schedules[2]: job has no name`,
		`briefpack.yaml:22:5: schedules[2].gazetteer: unknown field`,
		`briefpack.yaml:24:1: keep: set twice in the same mapping`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseSyntaxError(t *testing.T) {
	_, probs := Parse([]byte("out: a\n  formats: [pdf\n"), "b.yaml", ".")
	if len(probs) != 1 || probs[0].Origin.Line == 0 || !strings.Contains(probs[0].Msg, "not valid YAML") {
		t.Errorf("problems = %v", probs)
	}
	for _, src := range []string{"", "# only comments\n", "---\n"} {
		if _, probs := Parse([]byte(src), "b.yaml", "."); len(probs) > 0 {
			t.Errorf("%q: %v", src, probs)
		}
	}
	if _, probs := Parse([]byte("- a\n- b\n"), "b.yaml", "."); len(probs) != 1 || !strings.Contains(probs[0].Msg, "want a mapping") {
		t.Errorf("list at top: %v", probs)
	}
}

func TestPathsRelativeToFile(t *testing.T) {
	c, probs := Parse([]byte("sources: [news/, 'feeds/*.xml', https://x.org/f, -, /abs/a]\nout: o\npack: {logo: img/logo.png}\n"), "conf/b.yaml", "conf")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	eq(t, c.Sources, []string{filepath.Join("conf", "news"), filepath.Join("conf", "feeds/*.xml"), "https://x.org/f", "-", "/abs/a"})
	eq(t, c.Out, filepath.Join("conf", "o"))
	eq(t, c.Pack.Logo, filepath.Join("conf", "img/logo.png"))
}

func TestJobs(t *testing.T) {
	file := parse(t, `
out: out
window: 1d
formats: [pdf]
schedules:
  - name: hourly
    cron: "@every 1h"
    out: out/hourly
    formats: [csv]
    pack: {title: Hourly}
  - name: daily
    cron: "0 6 * * *"
`)
	if len(file.Schedules) != 2 {
		t.Fatalf("jobs = %d", len(file.Schedules))
	}
	j, ok := file.Job("hourly")
	if !ok || j.Cron != "@every 1h" || !j.Sets("out") || j.Sets("window") {
		t.Fatalf("job = %+v", j)
	}
	c, probs := Resolve(file.ForJob(j), nil, nil)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	eq(t, c.Out, "out/hourly")
	eq(t, c.Formats, []string{"csv"})
	eq(t, c.Pack.Title, "Hourly")
	eq(t, c.Window, 24*time.Hour) // inherited from the file
	eq(t, c.Origin("formats[0]").String(), "briefpack.yaml:9:15")
	// env still overrides the job
	c, _ = Resolve(file.ForJob(j), Values{"out": {"/srv/x"}}, nil)
	eq(t, c.Out, "/srv/x")
	// the file's own values are untouched
	eq(t, file.Out, "out")
	d, _ := file.Job("daily")
	c, _ = Resolve(file.ForJob(d), nil, nil)
	eq(t, c.Out, "out")
	eq(t, c.Formats, []string{"pdf"})
}

func TestExample(t *testing.T) {
	file, probs := Parse(Example, "example.yaml", ".")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	c, probs := Resolve(file, nil, nil)
	probs = append(probs, Validate(c, ValidateOptions{Formats: []string{"csv", "jsonl", "pdf", "xlsx"}})...)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if len(c.Schedules) == 0 {
		t.Error("example has no schedules")
	}
	// Every declared field is shown in the example.
	for _, f := range Fields {
		leaf := f.Key[strings.LastIndexByte(f.Key, '.')+1:]
		if !strings.Contains(string(Example), leaf+":") {
			t.Errorf("example does not mention %s", f.Key)
		}
	}
	// Defaults written in the example agree with the declaration.
	d := Defaults()
	for _, f := range Fields {
		if _, set := file.origin[f.Key]; !set || f.Key == "sources" || f.Key == "formats" {
			continue
		}
		if !reflect.DeepEqual(reflect.ValueOf(f.ptr(c)).Elem().Interface(), reflect.ValueOf(f.ptr(d)).Elem().Interface()) &&
			!(f.Kind == String && reflect.ValueOf(f.ptr(c)).Elem().String() == "") &&
			!(f.Kind == List && reflect.ValueOf(f.ptr(c)).Elem().Len() == 0 && reflect.ValueOf(f.ptr(d)).Elem().Len() == 0) {
			t.Errorf("example sets %s to a non-default value", f.Key)
		}
	}
}

func TestWriteExample(t *testing.T) {
	path := filepath.Join(t.TempDir(), "briefpack.yaml")
	if err := WriteExample(path, false); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	eq(t, string(b), string(Example))
	os.WriteFile(path, []byte("mine"), 0o644)
	err := WriteExample(path, false)
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "--force") {
		t.Errorf("overwrite without force: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "mine" {
		t.Error("existing file was changed")
	}
	if err := WriteExample(path, true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != string(Example) {
		t.Error("force did not overwrite")
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	if p, err := Find("", dir); p != "" || err != nil {
		t.Errorf("no file: %q %v", p, err)
	}
	os.WriteFile(filepath.Join(dir, DefaultFile), nil, 0o644)
	if p, _ := Find("", dir); p != filepath.Join(dir, DefaultFile) {
		t.Errorf("Find = %q", p)
	}
	if _, err := Find(filepath.Join(dir, "nope.yaml"), dir); err == nil {
		t.Error("explicit missing file accepted")
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"0", 0, true},
		{"", 0, true},
		{"7d", 7 * 24 * time.Hour, true},
		{"1w", 7 * 24 * time.Hour, true},
		{"1d12h", 36 * time.Hour, true},
		{"36h", 36 * time.Hour, true},
		{"90m", 90 * time.Minute, true},
		{"1.5d", 36 * time.Hour, true},
		{"30s", 30 * time.Second, true},
		{"-1d", 0, false},
		{"7", 0, false},
		{"d", 0, false},
		{"7 days", 0, false},
		{"7y", 0, false},
		{"1..5d", 0, false},
		{"99999999d", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestShard(t *testing.T) {
	tests := []struct {
		in   string
		want Shard
		ok   bool
	}{
		{"1/2", Shard{1, 2}, true},
		{" 2 / 2 ", Shard{2, 2}, true},
		{"", Shard{}, true},
		{"0/2", Shard{}, false},
		{"3/2", Shard{}, false},
		{"1/0", Shard{}, false},
		{"1", Shard{}, false},
		{"a/b", Shard{}, false},
	}
	for _, tt := range tests {
		got, err := ParseShard(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseShard(%q) = %v, %v", tt.in, got, err)
		}
	}
	// Every key lands in exactly one shard, the same one every time, and
	// the shards are not lopsided.
	counts := make([]int, 3)
	for i := range 3000 {
		key := filepath.Join("news", strings.Repeat("x", i%7), "a"+string(rune('a'+i%26))+strings.Repeat("b", i/26)+".md")
		n := 0
		for s := 1; s <= 3; s++ {
			if (Shard{s, 3}).Has(key) {
				n++
				counts[s-1]++
			}
		}
		if n != 1 {
			t.Fatalf("%s is in %d shards", key, n)
		}
	}
	for i, n := range counts {
		if n < 800 {
			t.Errorf("shard %d/3 got %d of 3000 keys", i+1, n)
		}
	}
	if !(Shard{}).Has("anything") {
		t.Error("zero shard must take everything")
	}
	eq(t, Shard{2, 5}.String(), "2/5")
}

func FuzzParse(f *testing.F) {
	f.Add(string(Example))
	f.Add("out: [a]\nschedules: [{name: a, cron: '@daily', pack: {title: x}}]\n")
	f.Add("a: &x [1]\nformats: *x\n")
	f.Add("schedules: {}\npack: 3\nworkers: 1e9\n")
	f.Fuzz(func(t *testing.T, src string) {
		c, _ := Parse([]byte(src), "f.yaml", "base")
		if c == nil {
			t.Fatal("nil config")
		}
		r, _ := Resolve(c, nil, nil)
		_ = Validate(r, ValidateOptions{Formats: []string{"pdf"}})
		for _, j := range c.Schedules {
			_, _ = Resolve(c.ForJob(j), nil, nil)
		}
	})
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"7d", "1w2d3h", "1.5d", "90m", "0", "-1s", "9999999999h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err == nil && d < 0 {
			t.Fatalf("ParseDuration(%q) = %v", s, d)
		}
	})
}

func eq[T any](t *testing.T, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v, want %#v", got, want)
	}
}

func FuzzParseShard(f *testing.F) {
	for _, s := range []string{"1/2", "2/2", " 3 / 7 ", "0/0", "1/", "/1", "-1/2", "99999999999999999999/1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sh, err := ParseShard(s)
		if err != nil {
			return
		}
		if sh.Count == 0 {
			if sh.Index != 0 {
				t.Fatalf("%q: %+v", s, sh)
			}
			return
		}
		if sh.Index < 1 || sh.Index > sh.Count {
			t.Fatalf("%q parsed to out-of-range %+v", s, sh)
		}
		back, err := ParseShard(sh.String())
		if err != nil || back != sh {
			t.Fatalf("%q: round trip %+v -> %q -> %+v, %v", s, sh, sh.String(), back, err)
		}
	})
}

// Shards must split a folder of similar names roughly evenly.
func TestShardSpread(t *testing.T) {
	var names []string
	for _, c := range []string{"JPN", "KAZ"} {
		for y := 2020; y <= 2024; y++ {
			names = append(names, fmt.Sprintf("../shared/corpora/un-debate/%s_%d_%d.txt", c, y-1945, y))
		}
	}
	for n := 2; n <= 4; n++ {
		count := make([]int, n)
		for _, name := range names {
			hit := 0
			for i := 1; i <= n; i++ {
				if (Shard{Index: i, Count: n}).Has(name) {
					count[i-1]++
					hit++
				}
			}
			if hit != 1 {
				t.Fatalf("%s is in %d of %d shards", name, hit, n)
			}
		}
		for i, c := range count {
			if c == 0 {
				t.Errorf("shard %d/%d gets none of %d similar file names (%v)", i+1, n, len(names), count)
			}
		}
	}
}
