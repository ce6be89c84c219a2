package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Load reads and parses a config file. The error is for a file that cannot
// be read; everything wrong inside it comes back as Problems, each with
// its line, so a user sees every mistake at once. Relative paths in the
// file are taken relative to the file's folder.
func Load(path string) (*Config, Problems, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("config: %w", err)
	}
	c, probs := Parse(data, path, filepath.Dir(path))
	return c, probs, nil
}

// Find returns the config file to use: explicit when not empty (it must
// exist), else DefaultFile in dir when it exists, else "".
func Find(explicit, dir string) (string, error) {
	if explicit != "" {
		if _, err := os.Stat(explicit); err != nil {
			return "", fmt.Errorf("config: %w", err)
		}
		return explicit, nil
	}
	p := filepath.Join(dir, DefaultFile)
	if _, err := os.Stat(p); err == nil {
		return p, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("config: %w", err)
	}
	return "", nil
}

// Parse parses config file content; name is used in problems and baseDir
// anchors relative paths. The returned Config holds only what the file
// sets (no defaults); pass it to Resolve.
func Parse(data []byte, name, baseDir string) (*Config, Problems) {
	c := &Config{File: name, origin: map[string]Origin{}}
	p := &parser{name: name, base: baseDir}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if err.Error() == "EOF" { // empty file: nothing set
			return c, nil
		}
		p.add(Origin{File: name, Line: yamlErrLine(err)}, "(file)", "not valid YAML: "+strings.TrimPrefix(err.Error(), "yaml: "))
		return c, p.probs
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		p.add(p.at(&extra), "(file)", "more than one YAML document; put everything in one")
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return c, nil
	}
	if root.Kind != yaml.MappingNode {
		p.add(p.at(root), "(file)", "want a mapping of settings, got "+kindName(root))
		return c, p.probs
	}
	p.mapping(root, "", c, c.origin, func(key string) bool { return key == "schedules" || byKey[key] != nil || groups[key] })
	return c, p.probs.sorted()
}

type parser struct {
	name  string
	base  string
	probs Problems
}

func (p *parser) add(o Origin, field, msg string) {
	p.probs = append(p.probs, Problem{Origin: o, Field: field, Msg: msg})
}

func (p *parser) at(n *yaml.Node) Origin {
	return Origin{File: p.name, Line: n.Line, Col: n.Column}
}

// mapping walks a mapping node whose keys are prefixed by prefix, storing
// values in c and their origins in origin. allowed says which keys may
// appear here.
func (p *parser) mapping(n *yaml.Node, prefix string, c *Config, origin map[string]Origin, allowed func(key string) bool) (set []string) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		key := prefix + kn.Value
		if kn.Kind != yaml.ScalarNode {
			p.add(p.at(kn), prefix+"?", "a key must be a plain name")
			continue
		}
		if seen[key] {
			p.add(p.at(kn), key, "set twice in the same mapping")
			continue
		}
		seen[key] = true
		if !allowed(key) {
			p.add(p.at(kn), key, "unknown field"+suggest(key, allowed))
			continue
		}
		switch {
		case groups[key]:
			if vn.Kind == yaml.ScalarNode && vn.Tag == "!!null" {
				continue
			}
			if vn.Kind != yaml.MappingNode {
				p.add(p.at(vn), key, "want a mapping, got "+kindName(vn))
				continue
			}
			set = append(set, p.mapping(vn, key+".", c, origin, allowed)...)
		case key == "schedules":
			p.schedules(vn, c)
		default:
			if p.value(vn, byKey[key], c, origin) {
				set = append(set, key)
			}
		}
	}
	return set
}

// value stores one field's value; it reports whether the field was set
// (a null value leaves it unset).
func (p *parser) value(n *yaml.Node, f *Field, c *Config, origin map[string]Origin) bool {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return false
	}
	bad := func(msg string) bool {
		p.add(p.at(n), f.Key, msg)
		return false
	}
	if f.Kind == List {
		var items []*yaml.Node
		switch n.Kind {
		case yaml.SequenceNode:
			items = n.Content
		case yaml.ScalarNode:
			items = []*yaml.Node{n}
		default:
			return bad("want a list of strings, got " + kindName(n))
		}
		vals := []string{}
		ok := true
		for i, it := range items {
			if it.Kind != yaml.ScalarNode || it.Tag == "!!null" {
				p.add(p.at(it), fmt.Sprintf("%s[%d]", f.Key, i), "want a string, got "+kindName(it))
				ok = false
				continue
			}
			v := it.Value
			if f.Path {
				v = p.path(v)
			}
			vals = append(vals, v)
			origin[fmt.Sprintf("%s[%d]", f.Key, i)] = p.at(it)
		}
		if !ok {
			return false
		}
		*(f.ptr(c).(*[]string)) = vals
		origin[f.Key] = p.at(n)
		return true
	}
	if n.Kind != yaml.ScalarNode {
		return bad(fmt.Sprintf("want a %s, got %s", f.Kind, kindName(n)))
	}
	raw := n.Value
	if f.Kind == Bool {
		var b bool
		if err := n.Decode(&b); err != nil {
			return bad(fmt.Sprintf("want true or false, got %q", raw))
		}
		raw = strconv.FormatBool(b)
	}
	if f.Kind == String && f.Path && raw != "" {
		raw = p.path(raw)
	}
	if err := setString(c, f, raw, false); err != nil {
		return bad(err.Error())
	}
	origin[f.Key] = p.at(n)
	return true
}

// path anchors a relative local path at the config file's folder. URLs,
// "-" (stdin) and absolute paths are kept.
func (p *parser) path(v string) string {
	if v == "" || v == "-" || strings.Contains(v, "://") || filepath.IsAbs(v) || p.base == "" || p.base == "." {
		return v
	}
	return filepath.Join(p.base, v)
}

func (p *parser) schedules(n *yaml.Node, c *Config) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.SequenceNode {
		p.add(p.at(n), "schedules", "want a list of jobs, got "+kindName(n))
		return
	}
	names := map[string]bool{}
	for i, it := range n.Content {
		label := fmt.Sprintf("schedules[%d]", i)
		if it.Kind != yaml.MappingNode {
			p.add(p.at(it), label, "want a job (a mapping with name and cron), got "+kindName(it))
			continue
		}
		j := Job{origin: map[string]Origin{}, pos: p.at(it)}
		j.cfg.origin = j.origin
		var rest yaml.Node = *it
		rest.Content = nil
		for k := 0; k+1 < len(it.Content); k += 2 {
			kn, vn := it.Content[k], it.Content[k+1]
			switch kn.Value {
			case "name", "cron":
				if vn.Kind != yaml.ScalarNode || vn.Tag == "!!null" || strings.TrimSpace(vn.Value) == "" {
					p.add(p.at(vn), label+"."+kn.Value, "want a non-empty string, got "+kindName(vn))
					continue
				}
				if kn.Value == "name" {
					j.Name = strings.TrimSpace(vn.Value)
				} else {
					j.Cron = strings.TrimSpace(vn.Value)
				}
				j.origin[kn.Value] = p.at(vn)
			default:
				rest.Content = append(rest.Content, kn, vn)
			}
		}
		before := len(p.probs)
		set := p.mapping(&rest, "", &j.cfg, j.origin, func(key string) bool {
			f := byKey[key]
			return (f != nil && f.Job) || groups[key]
		})
		for k := before; k < len(p.probs); k++ {
			p.probs[k].Field = label + "." + p.probs[k].Field
		}
		// Keep the declaration order, whatever the order in the file.
		for _, f := range Fields {
			for _, s := range set {
				if s == f.Key {
					j.set = append(j.set, s)
				}
			}
		}
		if j.Name == "" {
			p.add(p.at(it), label, "job has no name")
		} else if names[j.Name] {
			p.add(j.origin["name"], label+".name", fmt.Sprintf("job name %q used twice", j.Name))
		}
		names[j.Name] = true
		if j.Cron == "" {
			p.add(p.at(it), label, "job has no cron expression")
		}
		c.Schedules = append(c.Schedules, j)
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return strconv.Quote(n.Value)
	}
	return "something else"
}

// suggest names the closest known key, for typos ("fromats").
func suggest(key string, allowed func(string) bool) string {
	best, bestD := "", 3
	cands := []string{"schedules", "pack"}
	for _, f := range Fields {
		cands = append(cands, f.Key)
	}
	for _, cand := range cands {
		if !allowed(cand) {
			continue
		}
		if d := distance(key, cand); d < bestD {
			best, bestD = cand, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// distance is the Levenshtein distance, for short keys.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// yamlErrLine pulls the line out of a yaml.v3 syntax error ("yaml: line 3: ...").
func yamlErrLine(err error) int {
	s := err.Error()
	if i := strings.Index(s, "line "); i >= 0 {
		s = s[i+5:]
		j := 0
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if n, err := strconv.Atoi(s[:j]); err == nil {
			return n
		}
	}
	return 0
}
