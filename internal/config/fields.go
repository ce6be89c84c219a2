package config

import (
	"fmt"
	"reflect"
	"strings"
	"time"
)

// Kind is the type of a field's value.
type Kind int

// Field kinds.
const (
	String   Kind = iota // a string
	List                 // a list of strings; a YAML sequence, or comma-separated in env/flags
	Int                  // a non-negative integer
	Bool                 // true or false
	Duration             // a duration; accepts d and w units ("7d", "36h", "1w2d")
	ShardK               // "i/n", see Shard
)

func (k Kind) String() string {
	switch k {
	case String:
		return "string"
	case List:
		return "list"
	case Int:
		return "integer"
	case Bool:
		return "boolean"
	case Duration:
		return "duration"
	case ShardK:
		return "shard"
	}
	return "unknown"
}

// Field declares one setting: where it lives in the YAML file, its
// environment variable and command-line flag, its default and its
// documentation. Loading, precedence, validation and the docs table are all
// driven by this declaration.
type Field struct {
	Key     string // YAML path, "pack.title"
	Kind    Kind
	Env     string // BRIEFPACK_... ("" when none)
	Flag    string // command-line flag name without dashes ("" when none)
	Default string // as it would be written in the file; "" for none
	Doc     string
	// Job marks fields a schedules[] job may override.
	Job bool
	// Path marks string and list fields holding local file paths, which are
	// resolved relative to the config file.
	Path bool
	// Choices, when set, are the accepted values (compared case-insensitively).
	Choices []string

	ptr func(c *Config) any // pointer to the field in a Config
}

// Fields is the declaration of every setting, in documentation order.
var Fields = []*Field{
	{Key: "sources", Kind: List, Env: "BRIEFPACK_SOURCES", Doc: "inputs: files, folders, glob patterns, feed files and URLs (command-line arguments replace them)", Job: true, Path: true,
		ptr: func(c *Config) any { return &c.Sources }},
	{Key: "out", Kind: String, Env: "BRIEFPACK_OUT", Flag: "out", Default: "out", Doc: "output folder; each run writes <out>/<run-id>/ and points <out>/latest at it", Job: true, Path: true,
		ptr: func(c *Config) any { return &c.Out }},
	{Key: "formats", Kind: List, Env: "BRIEFPACK_FORMATS", Flag: "format", Doc: "exporters to run (default: every registered format: pdf, xlsx, csv, jsonl)", Job: true,
		ptr: func(c *Config) any { return &c.Formats }},
	{Key: "pack.title", Kind: String, Env: "BRIEFPACK_TITLE", Flag: "title", Default: "Briefing pack", Doc: "title of the briefing pack", Job: true,
		ptr: func(c *Config) any { return &c.Pack.Title }},
	{Key: "pack.organization", Kind: String, Env: "BRIEFPACK_ORG", Flag: "org", Doc: "organization named on the cover", Job: true,
		ptr: func(c *Config) any { return &c.Pack.Organization }},
	{Key: "pack.banner", Kind: String, Env: "BRIEFPACK_BANNER", Flag: "banner", Doc: "handling banner on every page, e.g. UNCLASSIFIED", Job: true,
		ptr: func(c *Config) any { return &c.Pack.Banner }},
	{Key: "pack.logo", Kind: String, Env: "BRIEFPACK_LOGO", Flag: "logo", Doc: "PNG or JPEG file for the cover", Job: true, Path: true,
		ptr: func(c *Config) any { return &c.Pack.Logo }},
	{Key: "pack.page_size", Kind: String, Env: "BRIEFPACK_PAGE_SIZE", Flag: "page-size", Default: "A4", Doc: "PDF page size", Job: true, Choices: []string{"A4", "Letter"},
		ptr: func(c *Config) any { return &c.Pack.PageSize }},
	{Key: "pack.per_article", Kind: Bool, Env: "BRIEFPACK_PER_ARTICLE", Default: "true", Doc: "also write one PDF per article under briefings/ (flag: --no-per-article)", Job: true,
		ptr: func(c *Config) any { return &c.Pack.PerArticle }},
	{Key: "pack.csv_bom", Kind: Bool, Env: "BRIEFPACK_CSV_BOM", Flag: "csv-bom", Default: "false", Doc: "start CSV files with a UTF-8 byte order mark (for Excel)", Job: true,
		ptr: func(c *Config) any { return &c.Pack.CSVBOM }},
	{Key: "gazetteer", Kind: List, Env: "BRIEFPACK_GAZETTEER", Flag: "gazetteer", Doc: "YAML files that extend or override the entity gazetteer", Path: true,
		ptr: func(c *Config) any { return &c.Gazetteer }},
	{Key: "themes", Kind: List, Env: "BRIEFPACK_THEMES", Flag: "themes", Doc: "YAML files that extend or override the theme taxonomy", Path: true,
		ptr: func(c *Config) any { return &c.Themes }},
	{Key: "workers", Kind: Int, Env: "BRIEFPACK_WORKERS", Flag: "workers", Default: "0", Doc: "articles processed at once; 0 means one per CPU", Job: true,
		ptr: func(c *Config) any { return &c.Workers }},
	{Key: "window", Kind: Duration, Env: "BRIEFPACK_WINDOW", Flag: "window", Default: "0", Doc: "build the pack from this run's documents plus those stored by runs of the last DURATION (e.g. 7d); 0 means this run only", Job: true,
		ptr: func(c *Config) any { return &c.Window }},
	{Key: "keep", Kind: Int, Env: "BRIEFPACK_KEEP", Flag: "keep", Default: "0", Doc: "keep only the N newest run folders (never the one latest points to); 0 keeps all", Job: true,
		ptr: func(c *Config) any { return &c.Keep }},
	{Key: "full", Kind: Bool, Env: "BRIEFPACK_FULL", Flag: "full", Default: "false", Doc: "process every input, also those unchanged since the last run", Job: true,
		ptr: func(c *Config) any { return &c.Full }},
	{Key: "shard", Kind: ShardK, Env: "BRIEFPACK_SHARD", Flag: "shard", Doc: "process only the inputs whose source key hashes to shard i of n (\"1/2\"); merge the runs with briefpack merge",
		ptr: func(c *Config) any { return &c.Shard }},
	{Key: "max_bytes", Kind: Int, Env: "BRIEFPACK_MAX_BYTES", Flag: "max-bytes", Default: "20971520", Doc: "size cap per input, in bytes", Job: true,
		ptr: func(c *Config) any { return &c.MaxBytes }},
	{Key: "timeout", Kind: Duration, Env: "BRIEFPACK_TIMEOUT", Flag: "timeout", Default: "30s", Doc: "URLs: total time allowed per request", Job: true,
		ptr: func(c *Config) any { return &c.Timeout }},
	{Key: "follow_links", Kind: Bool, Env: "BRIEFPACK_FOLLOW_LINKS", Flag: "follow-links", Default: "false", Doc: "feeds: fetch an item's page when the item holds only a teaser", Job: true,
		ptr: func(c *Config) any { return &c.FollowLinks }},
	{Key: "allow_private", Kind: Bool, Env: "BRIEFPACK_ALLOW_PRIVATE", Flag: "allow-private", Default: "false", Doc: "URLs: allow private, loopback and link-local addresses", Job: true,
		ptr: func(c *Config) any { return &c.AllowPrivate }},
}

// jobKeys are the keys only a schedules[] entry has.
var jobFields = []struct{ Key, Doc string }{
	{"name", "job name (required, unique); used in logs and run history"},
	{"cron", "when to run: five cron fields, six with seconds, or @daily / @every 1h (required)"},
}

// groups are mapping keys that hold fields ("pack" holds "pack.title").
var groups = map[string]bool{"pack": true}

var byKey = func() map[string]*Field {
	m := make(map[string]*Field, len(Fields))
	for _, f := range Fields {
		if m[f.Key] != nil {
			panic("config: field declared twice: " + f.Key)
		}
		// Catch a declaration whose pointer does not match its kind.
		var c Config
		want := map[Kind]reflect.Type{
			String: reflect.TypeFor[*string](), List: reflect.TypeFor[*[]string](), Int: reflect.TypeFor[*int](),
			Bool: reflect.TypeFor[*bool](), Duration: reflect.TypeFor[*time.Duration](), ShardK: reflect.TypeFor[*Shard](),
		}[f.Kind]
		if reflect.TypeOf(f.ptr(&c)) != want {
			panic(fmt.Sprintf("config: field %s: kind %s does not match its Go type %T", f.Key, f.Kind, f.ptr(&c)))
		}
		m[f.Key] = f
	}
	return m
}()

// Lookup returns the field with the given YAML key, or nil.
func Lookup(key string) *Field { return byKey[key] }

// FieldByFlag returns the field set by the given flag name, or nil.
func FieldByFlag(flag string) *Field {
	for _, f := range Fields {
		if f.Flag == flag {
			return f
		}
	}
	return nil
}

// copyField copies f's value from src to dst.
func (f *Field) copyField(dst, src *Config) {
	reflect.ValueOf(f.ptr(dst)).Elem().Set(reflect.ValueOf(f.ptr(src)).Elem())
}

// Markdown renders the field table for the docs.
func Markdown() string {
	var b strings.Builder
	b.WriteString("| key | type | default | env | flag | job | meaning |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | --- |\n")
	for _, f := range Fields {
		def := f.Default
		if def != "" {
			def = "`" + def + "`"
		}
		env, flag := "", ""
		if f.Env != "" {
			env = "`" + f.Env + "`"
		}
		if f.Flag != "" {
			flag = "`--" + f.Flag + "`"
		}
		job := ""
		if f.Job {
			job = "yes"
		}
		doc := f.Doc
		if len(f.Choices) > 0 {
			doc += " (" + strings.Join(f.Choices, ", ") + ")"
		}
		doc = strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;").Replace(doc)
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %s |\n", f.Key, f.Kind, def, env, flag, job, doc)
	}
	for _, j := range jobFields {
		fmt.Fprintf(&b, "| `schedules[].%s` | string |  |  |  | yes | %s |\n", j.Key, j.Doc)
	}
	return b.String()
}

// Format renders the value of f in c as it would be written in the file
// (lists comma-separated), for `briefpack config show`.
func Format(c *Config, f *Field) string {
	switch p := f.ptr(c).(type) {
	case *string:
		return *p
	case *[]string:
		return strings.Join(*p, ", ")
	case *int:
		return fmt.Sprint(*p)
	case *bool:
		return fmt.Sprint(*p)
	case *time.Duration:
		return FormatDuration(*p)
	case *Shard:
		return p.String()
	}
	return ""
}

// FormatDuration writes whole days as "7d", other durations as Go does.
func FormatDuration(d time.Duration) string {
	if d == 0 {
		return "0"
	}
	if d%(24*time.Hour) == 0 {
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	}
	return d.String()
}
