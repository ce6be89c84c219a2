package config_test

import (
	"fmt"

	"github.com/briefpack/briefpack/internal/config"
)

// Flags override environment variables, which override the file.
func ExampleResolve() {
	file, _ := config.Parse([]byte("out: /srv/briefs\nworkers: 2\nformats: [pdf, csv]\n"), "briefpack.yaml", ".")
	env := config.Values{"workers": {"8"}}
	flags := config.Values{"formats": {"jsonl"}}
	c, _ := config.Resolve(file, env, flags)
	fmt.Println(c.Out, c.Origin("out"))
	fmt.Println(c.Workers, c.Origin("workers"))
	fmt.Println(c.Formats, c.Origin("formats"))
	fmt.Println(c.Pack.PageSize, c.Origin("pack.page_size"))
	// Output:
	// /srv/briefs briefpack.yaml:1:6
	// 8 env BRIEFPACK_WORKERS
	// [jsonl] flag --format
	// A4 default
}

func ExampleParseDuration() {
	for _, s := range []string{"7d", "1w", "1d12h", "90m"} {
		d, _ := config.ParseDuration(s)
		fmt.Println(s, d)
	}
	// Output:
	// 7d 168h0m0s
	// 1w 168h0m0s
	// 1d12h 36h0m0s
	// 90m 1h30m0s
}

func ExampleShard_Has() {
	s, _ := config.ParseShard("1/2")
	other, _ := config.ParseShard("2/2")
	key := "news/2026-11-28-astana.md"
	fmt.Println(s.Has(key) != other.Has(key)) // in exactly one of the two
	// Output: true
}
