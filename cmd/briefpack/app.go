package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v3"

	"github.com/briefpack/briefpack/examples"
	"github.com/briefpack/briefpack/exporters"
	_ "github.com/briefpack/briefpack/exporters/all"
	"github.com/briefpack/briefpack/exporters/jsonl"
	"github.com/briefpack/briefpack/internal/config"
	"github.com/briefpack/briefpack/runner"
	"github.com/briefpack/briefpack/sources"
	_ "github.com/briefpack/briefpack/sources/all"
	"github.com/briefpack/briefpack/sources/file"
)

const inputsHelp = `Inputs: files, folders (walked recursively), glob patterns ("news/*.md"),
URLs (http, https) and "-" for standard input. With no input, the bundled
example article (Japan's first summit with Central Asia) is used.`

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.Command {
	file.Stdin = stdin
	return &cli.Command{
		Name:    "briefpack",
		Usage:   "turn articles into briefing packs (PDF, Excel workbook, CSV, JSON Lines)",
		Version: buildVersion(),
		Description: `briefpack reads articles (plain text, Markdown, HTML pages, RSS/Atom/JSON
feeds, URLs), extracts actors, dates, themes, key points, tone and relations,
and writes a briefing pack to out/<run-id>/, pointing out/latest at it.

Settings: flags > BRIEFPACK_* environment variables > config file
(briefpack.yaml, or --config FILE) > defaults; see briefpack config.

Exit codes: 0 all went well; 1 some inputs or outputs failed (the rest was
written); 2 usage error; 3 another run holds the output folder.`,
		Writer:         stdout,
		ErrWriter:      stderr,
		ExitErrHandler: func(context.Context, *cli.Command, error) {},
		Flags:          globalFlags(),
		Commands: []*cli.Command{
			runCommand(stdout, stderr),
			extractCommand(stdout, stderr),
			formatsCommand(stdout),
			configCommand(stdout, stderr),
			historyCommand(stdout, stderr),
			scheduleCommand(stdout, stderr),
			mergeCommand(stdout, stderr),
		},
	}
}

func globalFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "config", Usage: "config `FILE` (default: briefpack.yaml in the working folder, when present)", Sources: cli.EnvVars("BRIEFPACK_CONFIG")},
		&cli.StringFlag{Name: "log-format", Value: "text", Usage: "log format on stderr: text or json", Sources: cli.EnvVars("BRIEFPACK_LOG_FORMAT")},
		&cli.StringFlag{Name: "log-level", Value: "warn", Usage: "log level: debug, info, warn, error", Sources: cli.EnvVars("BRIEFPACK_LOG_LEVEL")},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only errors; no progress bar", Sources: cli.EnvVars("BRIEFPACK_QUIET")},
	}
}

// pipelineFlags are shared by run and extract.
func pipelineFlags() []cli.Flag {
	return []cli.Flag{
		&cli.IntFlag{Name: "workers", Aliases: []string{"j"}, Usage: "articles processed at once (default: one per CPU) [$BRIEFPACK_WORKERS]"},
		&cli.StringSliceFlag{Name: "gazetteer", Usage: "YAML `FILE` that extends or overrides the entity gazetteer (repeatable)"},
		&cli.StringSliceFlag{Name: "themes", Usage: "YAML `FILE` that extends or overrides the theme taxonomy (repeatable)"},
		&cli.Int64Flag{Name: "max-bytes", Value: sources.DefaultMaxBytes, Usage: "size cap per input, in bytes [$BRIEFPACK_MAX_BYTES]"},
		&cli.BoolFlag{Name: "follow-links", Usage: "feeds: fetch an item's page when the item holds only a teaser"},
		&cli.BoolFlag{Name: "allow-private", Usage: "URLs: allow private, loopback and link-local addresses (refused by default)"},
		&cli.DurationFlag{Name: "timeout", Value: 30 * time.Second, Usage: "URLs: total time allowed per request"},
	}
}

// outputFlags are shared by run and merge. Environment variables and the
// config file are read by internal/config (precedence in one place), not
// by the flags themselves.
func outputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "out", Usage: "output `DIR`; each run writes DIR/<run-id>/ and points DIR/latest at it [$BRIEFPACK_OUT]"},
		&cli.StringSliceFlag{Name: "format", Aliases: []string{"f"}, Usage: "exporters to run, comma-separated (default: pdf,xlsx,csv,jsonl) [$BRIEFPACK_FORMATS]"},
		&cli.StringFlag{Name: "run-id", Usage: "name of the run folder (default: UTC start time)"},
		&cli.StringFlag{Name: "title", Usage: "briefing pack title [$BRIEFPACK_TITLE]", Value: "Briefing pack"},
		&cli.StringFlag{Name: "org", Usage: "organization named on the cover [$BRIEFPACK_ORG]"},
		&cli.StringFlag{Name: "banner", Usage: "handling banner shown top and bottom of every page, e.g. UNCLASSIFIED [$BRIEFPACK_BANNER]"},
		&cli.StringFlag{Name: "logo", Usage: "PNG or JPEG `FILE` for the cover [$BRIEFPACK_LOGO]"},
		&cli.StringFlag{Name: "page-size", Value: "A4", Usage: "PDF page size: A4 or Letter [$BRIEFPACK_PAGE_SIZE]"},
		&cli.BoolFlag{Name: "no-per-article", Usage: "do not write one PDF per article under briefings/"},
		&cli.BoolFlag{Name: "csv-bom", Usage: "start CSV files with a UTF-8 byte order mark (for Excel)"},
		&cli.BoolFlag{Name: "no-formula-guard", Usage: "do not neutralize CSV text cells that start with = + - @"},
	}
}

func runCommand(stdout, stderr io.Writer) *cli.Command {
	flags := append(append(outputFlags(), batchFlags()...), pipelineFlags()...)
	return &cli.Command{
		Name:      "run",
		Usage:     "build a briefing pack from articles",
		ArgsUsage: "[FILE|DIR|GLOB|URL|-]...",
		Description: inputsHelp + `

Examples:
  briefpack run                                  the bundled example
  briefpack run notes/*.md --format pdf,csv      chosen exporters
  briefpack run https://example.org/feed.xml --out /srv/briefs

Runs are incremental: DIR/state.db remembers the inputs, and inputs
unchanged since the last run are skipped (--full processes everything); a
run with nothing new publishes nothing. Settings also come from the config
file and BRIEFPACK_* variables (see briefpack config, docs/batch.md).`,
		Flags: flags,
		Action: func(ctx context.Context, cmd *cli.Command) error {
			log, err := newLogger(cmd, stderr)
			if err != nil {
				return exit(ExitUsage, err)
			}
			now, err := clock()
			if err != nil {
				return exit(ExitUsage, err)
			}
			s, err := loadSettings(cmd)
			if err != nil {
				return exit(ExitUsage, err)
			}
			c, err := s.resolve(cmd.String("job"))
			if err != nil {
				return exit(ExitUsage, err)
			}
			cfg := runnerConfig(c, cmd, log, now)
			cfg.Inputs = runInputs(cmd, c)
			cfg.Batch.Job = cmd.String("job")
			bar := newBar(cmd, stderr)
			cfg.OnDoc, cfg.OnTotal = bar.Inc, bar.SetTotal
			res, err := runner.Run(ctx, cfg)
			bar.Finish()
			if err != nil {
				return runError(err)
			}
			if res.NothingNew {
				reportFailures(stderr, log, cmd.String("log-format") == "json", res.Dataset.Failures)
				if !cmd.Bool("quiet") {
					reportBatch(stdout, res, cfg.OutRoot)
				}
			} else {
				report(stdout, stderr, log, cmd.String("log-format") == "json", res, cmd.Bool("quiet"))
				if !cmd.Bool("quiet") {
					reportBatch(stdout, res, cfg.OutRoot)
				}
			}
			if res.Failed() {
				return exit(ExitFailed, nil)
			}
			return nil
		},
	}
}

// report tells what a run did: failures on stderr (as log records when
// logs are JSON), and the run folder and its files on stdout.
func report(stdout, stderr io.Writer, log *slog.Logger, jsonLogs bool, res *runner.Result, quiet bool) {
	m := res.Manifest
	for _, f := range m.Failures {
		if jsonLogs {
			log.Error("input failed", "input", f.Input, "stage", f.Stage, "err", f.Err)
		} else {
			fmt.Fprintf(stderr, "briefpack: %s: %s: %s\n", f.Input, f.Stage, f.Err)
		}
	}
	if quiet {
		return
	}
	fmt.Fprintf(stdout, "run %s: %d documents, %d failed -> %s\n", m.RunID, len(m.Docs), len(m.Failures), res.Dir)
	for _, o := range m.Outputs {
		fmt.Fprintf(stdout, "  %s\n", o.Path)
	}
}

func extractCommand(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "print the records of articles as JSON Lines on stdout",
		ArgsUsage: "[FILE|DIR|GLOB|URL|-]...",
		Description: inputsHelp + `

Each line is one document with its paragraphs, sentences, mentions,
entities, events, quantities, themes, relations, actors and key points
(the same objects as records.jsonl; columns in docs/records.md).`,
		Flags: pipelineFlags(),
		Action: func(ctx context.Context, cmd *cli.Command) error {
			log, err := newLogger(cmd, stderr)
			if err != nil {
				return exit(ExitUsage, err)
			}
			s, err := loadSettings(cmd)
			if err != nil {
				return exit(ExitUsage, err)
			}
			c, probs := config.Resolve(s.file, s.env, s.flags)
			if len(probs) > 0 {
				return exit(ExitUsage, probs)
			}
			cfg := runner.Config{Inputs: inputs(cmd), Engine: engineOptionsFrom(c), Sources: sourceOptionsFrom(c), Logger: log, Formats: []string{"jsonl"}}
			_, pl, err := runner.Prepare(&cfg)
			if err != nil {
				return exit(ExitUsage, err)
			}
			ds, err := runner.Process(ctx, cfg, pl)
			if err != nil {
				return err
			}
			w := bufio.NewWriter(stdout)
			for _, d := range ds.Docs {
				if err := jsonl.Encode(w, d); err != nil {
					return exit(ExitFailed, err)
				}
			}
			if err := w.Flush(); err != nil {
				return exit(ExitFailed, err)
			}
			for _, f := range ds.Failures {
				fmt.Fprintf(stderr, "briefpack: %s: %s: %s\n", f.Input, f.Stage, f.Err)
			}
			if len(ds.Failures) > 0 {
				return exit(ExitFailed, nil)
			}
			return nil
		},
	}
}

func formatsCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:  "formats",
		Usage: "list the input formats and exporters this build knows",
		Action: func(ctx context.Context, cmd *cli.Command) error {
			fmt.Fprintln(stdout, "inputs: ", strings.Join(sources.FormatNames(), ", "))
			fmt.Fprintln(stdout, "outputs:", strings.Join(exporters.Names(), ", "))
			return nil
		},
	}
}

func inputs(cmd *cli.Command) []string {
	in := cmd.Args().Slice()
	if len(in) == 0 {
		return []string{examples.Input}
	}
	return in
}

// splitList accepts both repeated flags and comma-separated values.
func splitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// clock is the run's clock: SOURCE_DATE_EPOCH when set (reproducible
// builds convention), else the current time.
func clock() (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}

func newLogger(cmd *cli.Command, stderr io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cmd.String("log-level"))); err != nil {
		return nil, fmt.Errorf("--log-level %q: use debug, info, warn or error", cmd.String("log-level"))
	}
	if cmd.Bool("quiet") && level < slog.LevelError {
		level = slog.LevelError
	}
	ho := &slog.HandlerOptions{Level: level}
	switch cmd.String("log-format") {
	case "text":
		return slog.New(slog.NewTextHandler(stderr, ho)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(stderr, ho)), nil
	}
	return nil, fmt.Errorf("--log-format %q: use text or json", cmd.String("log-format"))
}
