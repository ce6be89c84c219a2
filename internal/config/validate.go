package config

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/briefpack/briefpack/internal/schedule"
)

// ValidateOptions say what Validate checks beyond types.
type ValidateOptions struct {
	// Formats are the known exporter names (exporters.Names()); nil skips
	// the format check, so this package need not import the exporters.
	Formats []string
	// CheckFiles makes Validate report local files that do not exist
	// (logo, gazetteer and theme files, plain source paths).
	CheckFiles bool
}

// Validate reports every problem of a resolved configuration: unknown
// formats, bad cron expressions, missing files. Each problem names the
// field and where it was set (file line, variable or flag).
func Validate(c *Config, opts ValidateOptions) Problems {
	var probs Problems
	for _, f := range Fields {
		probs = append(probs, checkField(c, f, f.Key, c.Origin, opts)...)
	}
	for i, j := range c.Schedules {
		label := fmt.Sprintf("schedules[%d]", i)
		if j.Cron != "" {
			if _, err := schedule.ParseSpec(j.Cron); err != nil {
				probs = append(probs, Problem{Origin: j.origin["cron"], Field: label + ".cron", Msg: strings.TrimPrefix(err.Error(), "schedule: ")})
			}
		}
		jo := func(key string) Origin {
			if o, ok := j.origin[key]; ok {
				return o
			}
			if k := strings.IndexByte(key, '['); k > 0 {
				return j.origin[key[:k]]
			}
			return Origin{}
		}
		for _, key := range j.set {
			probs = append(probs, checkField(&j.cfg, byKey[key], label+"."+key, jo, opts)...)
		}
	}
	return probs.sorted()
}

func checkField(c *Config, f *Field, label string, origin func(string) Origin, opts ValidateOptions) Problems {
	var probs Problems
	add := func(key, msg string) {
		field := label
		if i := strings.IndexByte(key, '['); i > 0 {
			field += key[i:]
		}
		probs = append(probs, Problem{Origin: origin(key), Field: field, Msg: msg})
	}
	switch {
	case f.Key == "formats" && opts.Formats != nil:
		for i, name := range c.Formats {
			if !contains(opts.Formats, strings.ToLower(name)) {
				add(fmt.Sprintf("formats[%d]", i), fmt.Sprintf("unknown format %q (known: %s)", name, strings.Join(opts.Formats, ", ")))
			}
		}
	case f.Path && opts.CheckFiles:
		var paths []string
		switch p := f.ptr(c).(type) {
		case *string:
			if *p != "" {
				paths = []string{*p}
			}
		case *[]string:
			paths = *p
		}
		for i, path := range paths {
			key := f.Key
			if f.Kind == List {
				key = fmt.Sprintf("%s[%d]", f.Key, i)
			}
			if f.Key == "out" {
				continue // created when missing
			}
			if f.Key == "sources" && !isPlainPath(path) {
				continue // URLs, globs and stdin are checked when resolved
			}
			if _, err := os.Stat(path); err != nil {
				if errors.Is(err, os.ErrNotExist) {
					add(key, fmt.Sprintf("no such file: %s", path))
				} else {
					add(key, err.Error())
				}
			}
		}
	}
	return probs
}

func isPlainPath(s string) bool {
	return s != "-" && !strings.Contains(s, "://") && !strings.ContainsAny(s, "*?[")
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
