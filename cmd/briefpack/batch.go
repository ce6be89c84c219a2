package main

// Configuration file, incremental state, scheduling and merging: the glue
// between the CLI and internal/config, internal/state, internal/schedule,
// internal/progress and runner.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v3"

	"github.com/briefpack/briefpack/examples"
	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/internal/config"
	"github.com/briefpack/briefpack/internal/lock"
	"github.com/briefpack/briefpack/internal/progress"
	"github.com/briefpack/briefpack/internal/schedule"
	"github.com/briefpack/briefpack/internal/state"
	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/engine"
	"github.com/briefpack/briefpack/runner"
	"github.com/briefpack/briefpack/sources"
)

// settings are the configuration layers of one invocation; resolve merges
// them (flags > env > job > file > defaults, in config.Resolve).
type settings struct {
	file  *config.Config // nil when there is no config file
	env   config.Values
	flags config.Values
}

// loadSettings reads the config file (--config, or briefpack.yaml in the
// working folder when present), the BRIEFPACK_* variables and the flags
// set on the command line. Every problem in the file is reported at once.
func loadSettings(cmd *cli.Command) (*settings, error) {
	path, err := config.Find(cmd.String("config"), ".")
	if err != nil {
		return nil, err
	}
	s := &settings{env: config.EnvValues(os.LookupEnv), flags: flagValues(cmd)}
	if path != "" {
		file, probs, err := config.Load(path)
		if err != nil {
			return nil, err
		}
		if len(probs) > 0 {
			return nil, probs
		}
		s.file = file
	}
	return s, nil
}

// resolve returns the configuration of the whole file (job "") or of one
// of its schedules, checked against the registered exporters.
func (s *settings) resolve(job string) (*config.Config, error) {
	base := s.file
	if job != "" {
		if base == nil {
			return nil, fmt.Errorf("job %q: no config file (use --config or briefpack.yaml)", job)
		}
		j, ok := base.Job(job)
		if !ok {
			var names []string
			for _, j := range base.Schedules {
				names = append(names, j.Name)
			}
			return nil, fmt.Errorf("job %q is not in %s (jobs: %s)", job, base.File, strings.Join(names, ", "))
		}
		base = base.ForJob(j)
	}
	c, probs := config.Resolve(base, s.env, s.flags)
	probs = append(probs, config.Validate(c, config.ValidateOptions{Formats: exporters.Names()})...)
	return c, probs.Err()
}

// flagValues collects the config-backed flags set on the command line.
func flagValues(cmd *cli.Command) config.Values {
	v := config.Values{}
	for _, f := range config.Fields {
		if f.Flag == "" || !cmd.IsSet(f.Flag) {
			continue
		}
		switch x := cmd.Value(f.Flag).(type) {
		case []string:
			v[f.Key] = splitList(x)
		case string:
			v[f.Key] = []string{x}
		case time.Duration:
			v[f.Key] = []string{x.String()}
		default:
			v[f.Key] = []string{fmt.Sprint(x)}
		}
	}
	if cmd.IsSet("no-per-article") {
		v["pack.per_article"] = []string{strconv.FormatBool(!cmd.Bool("no-per-article"))}
	}
	return v
}

// runnerConfig turns a resolved configuration into a runner job.
func runnerConfig(c *config.Config, cmd *cli.Command, log *slog.Logger, now time.Time) runner.Config {
	return runner.Config{
		Inputs:  c.Sources,
		OutRoot: c.Out,
		RunID:   cmd.String("run-id"),
		Formats: c.Formats,
		Now:     now,
		// With SOURCE_DATE_EPOCH, the default run ID (printed on the
		// cover and in the workbook) comes from it too, so two runs give
		// the same bytes.
		RunIDTime: runIDTime(now),
		Version:   buildVersion(),
		Engine:    engineOptionsFrom(c),
		Sources:   sourceOptionsFrom(c),
		Exporters: exporters.Options{
			PackTitle: c.Pack.Title, Organization: c.Pack.Organization, Banner: c.Pack.Banner,
			Logo: c.Pack.Logo, PageSize: c.Pack.PageSize, NoPerArticle: !c.Pack.PerArticle,
			CSVBOM: c.Pack.CSVBOM, NoFormulaGuard: cmd.Bool("no-formula-guard"),
		},
		Logger: log,
		Batch:  runner.Batch{Full: c.Full, Window: c.Window, Keep: c.Keep, Shard: c.Shard},
	}
}

func engineOptionsFrom(c *config.Config) engine.Options {
	return engine.Options{Workers: c.Workers, GazetteerFiles: c.Gazetteer, ThemeFiles: c.Themes}
}

func sourceOptionsFrom(c *config.Config) sources.Options {
	return sources.Options{
		MaxBytes:     int64(c.MaxBytes),
		FollowLinks:  c.FollowLinks,
		AllowPrivate: c.AllowPrivate,
		Timeout:      c.Timeout,
		UserAgent:    "briefpack/" + buildVersion() + " (+https://github.com/briefpack/briefpack)",
	}
}

// runInputs are the command-line arguments, else the config's sources,
// else the bundled example.
func runInputs(cmd *cli.Command, c *config.Config) []string {
	if in := cmd.Args().Slice(); len(in) > 0 {
		return in
	}
	if len(c.Sources) > 0 {
		return c.Sources
	}
	return []string{examples.Input}
}

// batchFlags are the run flags for unattended and repeated runs.
func batchFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "full", Usage: "process every input, also those unchanged since the last run (runs are incremental by default) [$BRIEFPACK_FULL]"},
		&cli.StringFlag{Name: "window", Usage: "build the pack from this run's documents plus those of the runs of the last `DURATION` (e.g. 7d, 36h) [$BRIEFPACK_WINDOW]"},
		&cli.IntFlag{Name: "keep", Usage: "keep only the `N` newest run folders (never the one latest points to) [$BRIEFPACK_KEEP]"},
		&cli.StringFlag{Name: "shard", Usage: "process only the inputs of shard `I/N` (e.g. 1/2); combine with briefpack merge [$BRIEFPACK_SHARD]"},
		&cli.StringFlag{Name: "job", Usage: "run the schedules job `NAME` of the config file once, now"},
	}
}

// newBar starts a progress bar when stderr is a terminal and not --quiet.
func newBar(cmd *cli.Command, stderr io.Writer) *progress.Bar {
	f, ok := stderr.(*os.File)
	if !ok || !progress.Enabled(f, cmd.Bool("quiet")) {
		return nil
	}
	return progress.New(f, progress.Options{})
}

// runError maps a runner error to the exit code.
func runError(err error) error {
	var ue *runner.UsageError
	switch {
	case errors.Is(err, lock.ErrBusy):
		return exit(ExitLocked, err)
	case errors.As(err, &ue):
		return exit(ExitUsage, err)
	case errors.Is(err, context.Canceled):
		return err
	}
	return exit(ExitFailed, err)
}

// reportFailures prints failed inputs as report does, for runs that
// published nothing.
func reportFailures(stderr io.Writer, log *slog.Logger, jsonLogs bool, failures []pipeline.Failure) {
	for _, f := range failures {
		if jsonLogs {
			log.Error("input failed", "input", f.Input, "stage", f.Stage, "err", f.Err)
		} else {
			fmt.Fprintf(stderr, "briefpack: %s: %s: %s\n", f.Input, f.Stage, f.Err)
		}
	}
}

// reportBatch tells what an incremental run did with its inputs.
func reportBatch(stdout io.Writer, res *runner.Result, out string) {
	st := res.Stats
	if res.NothingNew {
		if st.Inputs == 0 {
			fmt.Fprint(stdout, "nothing new: no article to process in the inputs (unchanged feeds and URLs yield none)")
		} else {
			fmt.Fprintf(stdout, "nothing new: %d inputs unchanged since the last run (use --full to process them again)", st.Unchanged)
		}
		if target, err := os.Readlink(filepath.Join(out, "latest")); err == nil {
			fmt.Fprintf(stdout, "; %s still points to %s", filepath.Join(out, "latest"), target)
		}
		fmt.Fprintln(stdout)
		return
	}
	parts := []string{fmt.Sprintf("%d new", st.New), fmt.Sprintf("%d changed", st.Changed), fmt.Sprintf("%d unchanged", st.Unchanged)}
	if st.OtherShard > 0 {
		parts = append(parts, fmt.Sprintf("%d left to other shards", st.OtherShard))
	}
	if st.WindowDocs > 0 {
		parts = append(parts, fmt.Sprintf("%d documents from earlier runs", st.WindowDocs))
	}
	fmt.Fprintf(stdout, "inputs: %s\n", strings.Join(parts, ", "))
	if len(res.Pruned) > 0 {
		fmt.Fprintf(stdout, "removed old runs: %s\n", strings.Join(res.Pruned, ", "))
	}
}

func configCommand(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:  "config",
		Usage: "write, check and explain the configuration file",
		Description: `Settings come from command-line flags, then BRIEFPACK_* environment
variables, then the config file (briefpack.yaml in the working folder, or
--config FILE), then defaults. See docs/batch.md.`,
		Commands: []*cli.Command{
			{
				Name:      "init",
				Usage:     "write a commented example config (briefpack.yaml)",
				ArgsUsage: "[FILE]",
				Flags:     []cli.Flag{&cli.BoolFlag{Name: "force", Usage: "overwrite an existing file"}},
				Action: func(ctx context.Context, cmd *cli.Command) error {
					path := cmd.Args().First()
					if path == "" {
						path = cmd.String("config")
					}
					if path == "" {
						path = config.DefaultFile
					}
					if err := config.WriteExample(path, cmd.Bool("force")); err != nil {
						return exit(ExitUsage, err)
					}
					fmt.Fprintf(stdout, "wrote %s\n", path)
					return nil
				},
			},
			{
				Name:      "validate",
				Usage:     "report every problem in the config file (exit 2 when there is one)",
				ArgsUsage: "[FILE]",
				Action: func(ctx context.Context, cmd *cli.Command) error {
					path := cmd.Args().First()
					if path == "" {
						p, err := config.Find(cmd.String("config"), ".")
						if err != nil {
							return exit(ExitUsage, err)
						}
						if p == "" {
							return exit(ExitUsage, fmt.Errorf("no %s here; write one with briefpack config init, or pass --config FILE", config.DefaultFile))
						}
						path = p
					}
					file, probs, err := config.Load(path)
					if err != nil {
						return exit(ExitUsage, err)
					}
					c, rprobs := config.Resolve(file, config.EnvValues(os.LookupEnv), nil)
					probs = append(probs, rprobs...)
					probs = append(probs, config.Validate(c, config.ValidateOptions{Formats: exporters.Names(), CheckFiles: true})...)
					for _, p := range probs {
						fmt.Fprintln(stderr, p)
					}
					if len(probs) > 0 {
						return exit(ExitUsage, fmt.Errorf("%s: %d problem(s)", path, len(probs)))
					}
					fmt.Fprintf(stdout, "%s: ok (%d scheduled jobs)\n", path, len(c.Schedules))
					return nil
				},
			},
			{
				Name:  "show",
				Usage: "print every setting as resolved, with where it came from (takes the run flags)",
				Flags: append(append(outputFlags(), batchFlags()...), pipelineFlags()...),
				Action: func(ctx context.Context, cmd *cli.Command) error {
					s, err := loadSettings(cmd)
					if err != nil {
						return exit(ExitUsage, err)
					}
					c, probs := config.Resolve(s.file, s.env, s.flags)
					for _, f := range config.Fields {
						fmt.Fprintf(stdout, "%-18s %-30s # %s\n", f.Key, showValue(c, f), c.Origin(f.Key))
					}
					for _, j := range c.Schedules {
						fmt.Fprintf(stdout, "job %-14s %-30s\n", j.Name, j.Cron)
					}
					if len(probs) > 0 {
						return exit(ExitUsage, probs)
					}
					return nil
				},
			},
			{
				Name:  "fields",
				Usage: "print the table of settings (Markdown)",
				Action: func(ctx context.Context, cmd *cli.Command) error {
					_, err := io.WriteString(stdout, config.Markdown())
					return err
				},
			},
		},
	}
}

func showValue(c *config.Config, f *config.Field) string {
	return config.Format(c, f)
}

// infoLogger is newLogger at level info (the scheduler's default, so that
// every run is logged).
func infoLogger(cmd *cli.Command, stderr io.Writer) *slog.Logger {
	ho := &slog.HandlerOptions{Level: slog.LevelInfo}
	if cmd.String("log-format") == "json" {
		return slog.New(slog.NewJSONHandler(stderr, ho))
	}
	return slog.New(slog.NewTextHandler(stderr, ho))
}

func historyCommand(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:  "history",
		Usage: "list past runs of an output folder (from <out>/state.db)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "output `DIR` (default: from the config, else out)"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON instead of a table"},
			&cli.IntFlag{Name: "limit", Aliases: []string{"n"}, Value: 20, Usage: "show the `N` newest runs (0: all)"},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			s, err := loadSettings(cmd)
			if err != nil {
				return exit(ExitUsage, err)
			}
			c, probs := config.Resolve(s.file, s.env, s.flags)
			if len(probs) > 0 {
				return exit(ExitUsage, probs)
			}
			path := filepath.Join(c.Out, state.FileName)
			var runs []state.RunRecord
			if _, err := os.Stat(path); err == nil {
				st, err := state.Open(ctx, path)
				if err != nil {
					return exit(ExitFailed, err)
				}
				defer st.Close()
				if runs, err = st.Runs(ctx, cmd.Int("limit")); err != nil {
					return exit(ExitFailed, err)
				}
			} else if !cmd.Bool("json") {
				fmt.Fprintf(stdout, "no runs recorded in %s yet\n", c.Out)
				return nil
			}
			if err := state.WriteHistory(stdout, runs, cmd.Bool("json")); err != nil {
				return exit(ExitFailed, err)
			}
			return nil
		},
	}
}

func scheduleCommand(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:  "schedule",
		Usage: "run the config's scheduled jobs until stopped (SIGINT/SIGTERM)",
		Description: `Runs every job of the config file's schedules on its cron expression.
A job still running when its next time comes is skipped (and logged).
SIGINT or SIGTERM cancels the running job cleanly (nothing half-written is
published) and exits 0. Logs go to stderr (--log-format json for machines);
the default level here is info, so every run is logged.`,
		Action: func(ctx context.Context, cmd *cli.Command) error {
			log, err := newLogger(cmd, stderr)
			if err != nil {
				return exit(ExitUsage, err)
			}
			if !cmd.IsSet("log-level") && !cmd.Bool("quiet") {
				log = infoLogger(cmd, stderr)
			}
			s, err := loadSettings(cmd)
			if err != nil {
				return exit(ExitUsage, err)
			}
			if s.file == nil || len(s.file.Schedules) == 0 {
				return exit(ExitUsage, errors.New("no schedules: add jobs under schedules: in the config file (briefpack config init writes an example)"))
			}
			cfgs := map[string]*config.Config{}
			var jobs []schedule.Job
			var all config.Problems
			for _, j := range s.file.Schedules {
				c, err := s.resolve(j.Name)
				if err != nil {
					var probs config.Problems
					if errors.As(err, &probs) {
						all = append(all, probs...)
						continue
					}
					return exit(ExitUsage, err)
				}
				if len(c.Sources) == 0 {
					return exit(ExitUsage, fmt.Errorf("job %q has no sources (set sources: in the job or at the top of %s)", j.Name, s.file.File))
				}
				cfgs[j.Name] = c
				jobs = append(jobs, schedule.Job{Name: j.Name, Spec: j.Cron})
			}
			if len(all) > 0 {
				return exit(ExitUsage, all)
			}
			run := func(ctx context.Context, j schedule.Job) error {
				now, err := clock()
				if err != nil {
					return err
				}
				cfg := runnerConfig(cfgs[j.Name], cmd, log.With("job", j.Name), now)
				cfg.Batch.Job = j.Name
				res, err := runner.Run(ctx, cfg)
				if err != nil {
					return err
				}
				st := res.Stats
				if res.NothingNew {
					log.Info("nothing new", "job", j.Name, "unchanged", st.Unchanged, "failed", st.Failed)
					return nil
				}
				log.Info("run published", "job", j.Name, "run_id", res.RunID, "dir", res.Dir, "documents", len(res.Manifest.Docs),
					"new", st.New, "changed", st.Changed, "unchanged", st.Unchanged, "failed", st.Failed, "pruned", len(res.Pruned))
				for _, f := range res.Manifest.Failures {
					log.Warn("input failed", "job", j.Name, "input", f.Input, "stage", f.Stage, "err", f.Err)
				}
				return nil
			}
			if err := schedule.Run(ctx, jobs, run, log); err != nil {
				return exit(ExitUsage, err)
			}
			return nil
		},
	}
}

func mergeCommand(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "merge",
		Usage:     "merge the records of shard runs into one briefing pack",
		ArgsUsage: "RUN_DIR...",
		Description: `Reads records.jsonl of each run folder (for instance the runs of
--shard 1/2 and --shard 2/2), aggregates them again and writes every chosen
format to --out like a run: out/<run-id>/ and out/latest.`,
		Flags: outputFlags(),
		Action: func(ctx context.Context, cmd *cli.Command) error {
			log, err := newLogger(cmd, stderr)
			if err != nil {
				return exit(ExitUsage, err)
			}
			if cmd.Args().Len() == 0 {
				return exit(ExitUsage, errors.New("merge: give the run folders to merge"))
			}
			s, err := loadSettings(cmd)
			if err != nil {
				return exit(ExitUsage, err)
			}
			c, err := s.resolve("")
			if err != nil {
				return exit(ExitUsage, err)
			}
			now, err := clock()
			if err != nil {
				return exit(ExitUsage, err)
			}
			cfg := runnerConfig(c, cmd, log, now)
			res, err := runner.Merge(ctx, cfg, cmd.Args().Slice())
			if err != nil {
				return runError(err)
			}
			report(stdout, stderr, log, cmd.String("log-format") == "json", res, cmd.Bool("quiet"))
			if res.Failed() {
				return exit(ExitFailed, nil)
			}
			return nil
		},
	}
}

// runIDTime is the time the default run ID is made from: the run clock
// when SOURCE_DATE_EPOCH sets it, else the wall clock (zero).
func runIDTime(now time.Time) time.Time {
	if os.Getenv("SOURCE_DATE_EPOCH") != "" {
		return now
	}
	return time.Time{}
}
