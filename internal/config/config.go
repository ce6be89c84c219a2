// Package config reads briefpack.yaml and resolves every setting from its
// three layers: command-line flags override environment variables
// (BRIEFPACK_*), which override the file, which overrides the defaults.
// Every setting is declared once in Fields; loading, precedence, validation
// and the documentation table all come from that declaration.
package config

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// DefaultFile is the config file looked for in the working folder.
const DefaultFile = "briefpack.yaml"

// Config is the resolved configuration of a run or of the scheduler.
type Config struct {
	Sources      []string
	Out          string
	Formats      []string
	Pack         Pack
	Gazetteer    []string
	Themes       []string
	Workers      int
	Window       time.Duration
	Keep         int
	Full         bool
	Shard        Shard
	MaxBytes     int
	Timeout      time.Duration
	FollowLinks  bool
	AllowPrivate bool
	Schedules    []Job

	// File is the config file the values came from ("" when none).
	File string

	origin map[string]Origin // key or key[i] -> where the value was set
}

// Pack are the briefing pack options.
type Pack struct {
	Title        string
	Organization string
	Banner       string
	Logo         string
	PageSize     string
	PerArticle   bool
	CSVBOM       bool
}

// Job is one entry of schedules: a name, a cron expression and the settings
// it overrides.
type Job struct {
	Name string
	Cron string

	cfg    Config
	set    []string // keys the job sets, in Fields order
	origin map[string]Origin
	pos    Origin
}

// Sets reports whether the job overrides the field with the given key.
func (j Job) Sets(key string) bool {
	for _, k := range j.set {
		if k == key {
			return true
		}
	}
	return false
}

// Origin says where a value was set.
type Origin struct {
	File string // config file, when set there
	Line int    // 1-based line in File
	Col  int
	Env  string // environment variable, when set there
	Flag string // flag name, when set on the command line
}

func (o Origin) String() string {
	switch {
	case o.Flag != "":
		return "flag --" + o.Flag
	case o.Env != "":
		return "env " + o.Env
	case o.File != "" && o.Line > 0:
		return fmt.Sprintf("%s:%d:%d", o.File, o.Line, o.Col)
	case o.File != "":
		return o.File
	}
	return "default"
}

// Origin returns where the value of key (or "key[i]" for a list element)
// came from.
func (c *Config) Origin(key string) Origin {
	if o, ok := c.origin[key]; ok {
		return o
	}
	if i := strings.IndexByte(key, '['); i > 0 {
		return c.origin[key[:i]]
	}
	return Origin{}
}

// Problem is one thing wrong with the configuration.
type Problem struct {
	Origin Origin
	Field  string // key, "formats[1]" or "schedules[0].cron"
	Msg    string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s: %s: %s", p.Origin, p.Field, p.Msg)
}

// Problems is a list of problems; as an error it prints one per line.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = "config: " + p.String()
	}
	return strings.Join(lines, "\n")
}

// Err returns ps as an error, or nil when there are none.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

func (ps Problems) sorted() Problems {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Origin, ps[j].Origin
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return ps
}

// Defaults returns the configuration with every field at its default.
func Defaults() *Config {
	c := &Config{origin: map[string]Origin{}}
	for _, f := range Fields {
		if f.Default == "" {
			continue
		}
		if err := setString(c, f, f.Default, false); err != nil {
			panic("config: bad default for " + f.Key + ": " + err.Error())
		}
	}
	return c
}

// setString parses a raw value for f (from a default, the environment or a
// flag) into c. Lists are split on commas when split is true.
func setString(c *Config, f *Field, raw string, split bool) error {
	raw = strings.TrimSpace(raw)
	switch p := f.ptr(c).(type) {
	case *string:
		v, err := checkChoice(f, raw)
		if err != nil {
			return err
		}
		*p = v
	case *[]string:
		var vals []string
		if split {
			for _, s := range strings.Split(raw, ",") {
				if s = strings.TrimSpace(s); s != "" {
					vals = append(vals, s)
				}
			}
		} else if raw != "" {
			vals = []string{raw}
		}
		*p = vals
	case *int:
		n, err := strconv.Atoi(raw)
		if err != nil {
			return fmt.Errorf("want an integer, got %q", raw)
		}
		if n < 0 {
			return fmt.Errorf("must not be negative, got %d", n)
		}
		*p = n
	case *bool:
		b, err := strconv.ParseBool(raw)
		if err != nil {
			return fmt.Errorf("want true or false, got %q", raw)
		}
		*p = b
	case *time.Duration:
		d, err := ParseDuration(raw)
		if err != nil {
			return err
		}
		*p = d
	case *Shard:
		s, err := ParseShard(raw)
		if err != nil {
			return err
		}
		*p = s
	default:
		return fmt.Errorf("unsupported field type %T", p)
	}
	return nil
}

func checkChoice(f *Field, v string) (string, error) {
	if len(f.Choices) == 0 || v == "" {
		return v, nil
	}
	for _, c := range f.Choices {
		if strings.EqualFold(c, v) {
			return c, nil
		}
	}
	return "", fmt.Errorf("want one of %s, got %q", strings.Join(f.Choices, ", "), v)
}

// Values are raw settings from one layer (environment or flags), by field
// key. List values hold one element per entry; scalars use the first.
type Values map[string][]string

// EnvValues reads every declared BRIEFPACK_* variable through lookup
// (os.LookupEnv in the CLI). List variables are comma-separated.
func EnvValues(lookup func(string) (string, bool)) Values {
	v := Values{}
	for _, f := range Fields {
		if f.Env == "" {
			continue
		}
		if s, ok := lookup(f.Env); ok {
			if f.Kind == List {
				v[f.Key] = splitComma(s)
			} else {
				v[f.Key] = []string{s}
			}
		}
	}
	return v
}

func splitComma(s string) []string {
	out := []string{}
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Resolve merges the layers: defaults, then the file (nil when there is
// none), then env, then flags; a later layer overrides an earlier one field
// by field. Values that cannot be parsed are reported, naming the variable
// or flag; Resolve does not run Validate.
func Resolve(file *Config, env, flags Values) (*Config, Problems) {
	c := Defaults()
	if file != nil {
		c.File = file.File
		c.Schedules = file.Schedules
		for _, f := range Fields {
			if o, ok := file.origin[f.Key]; ok {
				f.copyField(c, file)
				c.setOrigin(f.Key, o, file.origin)
			}
		}
	}
	var probs Problems
	apply := func(vals Values, origin func(f *Field) Origin) {
		for _, f := range Fields {
			raw, ok := vals[f.Key]
			if !ok {
				continue
			}
			o := origin(f)
			var err error
			if f.Kind == List {
				*(f.ptr(c).(*[]string)) = append([]string(nil), raw...)
			} else if len(raw) > 0 {
				err = setString(c, f, raw[len(raw)-1], false)
			}
			if err != nil {
				probs = append(probs, Problem{Origin: o, Field: f.Key, Msg: err.Error()})
				continue
			}
			c.setOrigin(f.Key, o, nil)
		}
	}
	apply(env, func(f *Field) Origin { return Origin{Env: f.Env} })
	apply(flags, func(f *Field) Origin {
		name := f.Flag
		if name == "" {
			name = strings.ReplaceAll(f.Key, "_", "-")
		}
		return Origin{Flag: name}
	})
	return c, probs
}

// setOrigin records where key was set, with the origins of its list
// elements from elems (nil when the layer has none).
func (c *Config) setOrigin(key string, o Origin, elems map[string]Origin) {
	for k := range c.origin {
		if strings.HasPrefix(k, key+"[") {
			delete(c.origin, k)
		}
	}
	c.origin[key] = o
	for k, eo := range elems {
		if strings.HasPrefix(k, key+"[") {
			c.origin[k] = eo
		}
	}
}

// ForJob returns the file-level configuration with the job's settings on
// top. Resolve it with env and flags to get the job's run configuration:
// flags > env > job > file > defaults.
func (c *Config) ForJob(j Job) *Config {
	out := *c
	out.origin = make(map[string]Origin, len(c.origin))
	for k, o := range c.origin {
		out.origin[k] = o
	}
	for _, key := range j.set {
		f := byKey[key]
		f.copyField(&out, &j.cfg)
		out.setOrigin(key, j.origin[key], j.origin)
	}
	return &out
}

// Job returns the job with the given name.
func (c *Config) Job(name string) (Job, bool) {
	for _, j := range c.Schedules {
		if j.Name == name {
			return j, true
		}
	}
	return Job{}, false
}

// Shard selects a stable subset of inputs: shard Index of Count (1-based).
// The zero value selects everything.
type Shard struct {
	Index, Count int
}

// ParseShard parses "i/n" with 1 <= i <= n. "" is the zero Shard.
func ParseShard(s string) (Shard, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Shard{}, nil
	}
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n || n > 1<<16 {
		return Shard{}, fmt.Errorf("want i/n with 1 <= i <= n (e.g. 1/2), got %q", s)
	}
	return Shard{Index: i, Count: n}, nil
}

// String returns "i/n", or "" for the zero Shard.
func (s Shard) String() string {
	if s.Count == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.Index, s.Count)
}

// Has reports whether the input with the given source key belongs to the
// shard: FNV-1a of the key, modulo Count. The zero Shard has every key.
func (s Shard) Has(sourceKey string) bool {
	if s.Count <= 1 {
		return true
	}
	// SHA-256, not FNV: FNV-1a's low bits depend only on the parity of the
	// input bytes, so FNV mod 2 put every file of a folder like
	// JPN_75_2020.txt … KAZ_79_2024.txt into the same shard.
	sum := sha256.Sum256([]byte(sourceKey))
	return int(binary.BigEndian.Uint64(sum[:8])%uint64(s.Count)) == s.Index-1
}

// ParseDuration parses a duration like time.ParseDuration, and also
// accepts days and weeks: "7d", "1w", "1d12h". "0" is zero. Negative
// durations are refused.
func ParseDuration(s string) (time.Duration, error) {
	in := s
	s = strings.TrimSpace(s)
	if s == "" || s == "0" {
		return 0, nil
	}
	if strings.HasPrefix(s, "-") {
		return 0, fmt.Errorf("must not be negative, got %q", in)
	}
	var total time.Duration
	for s != "" {
		i := 0
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
			i++
		}
		j := i
		for j < len(s) && (s[j] < '0' || s[j] > '9') && s[j] != '.' {
			j++
		}
		num, unit := s[:i], s[i:j]
		s = s[j:]
		if num == "" || unit == "" {
			return 0, fmt.Errorf("want a duration such as 7d, 36h or 90m, got %q", in)
		}
		var d time.Duration
		switch unit {
		case "d", "w":
			f, err := strconv.ParseFloat(num, 64)
			if err != nil || f > 100*366 {
				return 0, fmt.Errorf("want a duration such as 7d, 36h or 90m, got %q", in)
			}
			day := float64(24 * time.Hour)
			if unit == "w" {
				day *= 7
			}
			d = time.Duration(f * day)
		default:
			var err error
			d, err = time.ParseDuration(num + unit)
			if err != nil {
				return 0, fmt.Errorf("want a duration such as 7d, 36h or 90m, got %q", in)
			}
		}
		if total+d < total {
			return 0, fmt.Errorf("duration too long: %q", in)
		}
		total += d
	}
	return total, nil
}

// ErrExists is returned by WriteExample when the file exists and force is
// false.
var ErrExists = errors.New("config: file exists")

// WriteExample writes the commented example config to path. It refuses to
// replace an existing file unless force is true.
func WriteExample(path string, force bool) error {
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("config: %w", err)
		}
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%w: %s (use --force to overwrite)", ErrExists, path)
		}
		return fmt.Errorf("config: %w", err)
	}
	_, err = f.Write(Example)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("config: write %s: %w", path, err)
	}
	return nil
}
