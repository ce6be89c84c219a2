// Package schedule runs briefpack jobs on cron schedules. It is the engine
// behind `briefpack schedule`: every job has a cron expression; a job whose
// previous run is still going when its next tick comes is skipped (and the
// skip is logged) rather than started twice; cancelling the context stops
// the scheduler, cancels the running jobs' contexts and waits for them to
// return before Run returns.
package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"
)

// Job is one scheduled job. Spec is a cron expression: five fields
// (minute hour day-of-month month day-of-week), six with a leading seconds
// field, or a descriptor such as "@hourly", "@daily" or "@every 15m".
// Times are in the process's local time zone (the TZ environment variable)
// unless the spec starts with "CRON_TZ=<zone> ".
type Job struct {
	Name string
	Spec string
}

// parser accepts standard five-field expressions, an optional leading
// seconds field and descriptors (@daily, @every 1s).
var parser = cron.NewParser(cron.SecondOptional | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// ParseSpec checks a cron expression and returns its schedule.
func ParseSpec(spec string) (cron.Schedule, error) {
	// cron v3.0.1 slices out of range on a time-zone prefix with nothing
	// after it ("TZ=", "CRON_TZ=Asia/Tokyo"); reject those first.
	spec = strings.TrimSpace(spec)
	if strings.HasPrefix(spec, "TZ=") || strings.HasPrefix(spec, "CRON_TZ=") {
		if !strings.Contains(spec, " ") {
			return nil, fmt.Errorf("schedule: bad cron expression %q: time zone without a schedule", spec)
		}
	}
	s, err := parser.Parse(spec)
	if err != nil {
		return nil, fmt.Errorf("schedule: bad cron expression %q: %w", spec, err)
	}
	return s, nil
}

// Next returns the first time after t the spec fires (for messages such as
// "next run at ...").
func Next(spec string, t time.Time) (time.Time, error) {
	s, err := ParseSpec(spec)
	if err != nil {
		return time.Time{}, err
	}
	return s.Next(t), nil
}

// RunFunc runs one job once. It must return promptly when ctx is cancelled
// and leave no partial output behind.
type RunFunc func(ctx context.Context, job Job) error

// Run schedules the jobs and blocks until ctx is cancelled. Runs of the
// same job never overlap: a tick that comes while the job is still running
// is skipped and logged. When ctx is cancelled no new run starts, the
// running ones see their context cancelled, and Run waits for them before
// returning nil. A bad or duplicate job is reported before anything runs.
func Run(ctx context.Context, jobs []Job, run RunFunc, logger *slog.Logger) error {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if len(jobs) == 0 {
		return errors.New("schedule: no jobs to schedule")
	}
	runCtx, cancelRuns := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelRuns()

	c := cron.New(cron.WithParser(parser))
	seen := map[string]bool{}
	for _, j := range jobs {
		if j.Name == "" {
			return fmt.Errorf("schedule: job with spec %q has no name", j.Spec)
		}
		if seen[j.Name] {
			return fmt.Errorf("schedule: job %q defined twice", j.Name)
		}
		seen[j.Name] = true
		s, err := ParseSpec(j.Spec)
		if err != nil {
			return fmt.Errorf("schedule: job %q: %w", j.Name, err)
		}
		t := &task{job: j, run: run, ctx: runCtx, log: logger.With("job", j.Name)}
		c.Schedule(s, t)
		logger.Info("job scheduled", "job", j.Name, "spec", j.Spec, "next", s.Next(time.Now()).UTC().Format(time.RFC3339))
	}
	c.Start()
	logger.Info("scheduler started", "jobs", len(jobs))
	<-ctx.Done()
	logger.Info("scheduler stopping", "reason", context.Cause(ctx))
	stopped := c.Stop() // no new runs from here on
	cancelRuns()        // running ones see their context cancelled
	<-stopped.Done()    // and are waited for
	logger.Info("scheduler stopped")
	return nil
}

// task is one job wrapped for cron; it enforces skip-if-still-running.
type task struct {
	job     Job
	run     RunFunc
	ctx     context.Context
	log     *slog.Logger
	running atomic.Bool
}

func (t *task) Run() {
	if t.ctx.Err() != nil {
		return
	}
	if !t.running.CompareAndSwap(false, true) {
		t.log.Warn("run skipped: previous run still running")
		return
	}
	defer t.running.Store(false)
	start := time.Now()
	t.log.Info("run started")
	err := t.safeRun()
	d := time.Since(start).Round(time.Millisecond)
	switch {
	case err == nil:
		t.log.Info("run finished", "duration", d)
	case errors.Is(err, context.Canceled) && t.ctx.Err() != nil:
		t.log.Warn("run cancelled", "duration", d)
	default:
		t.log.Error("run failed", "duration", d, "err", err)
	}
}

// safeRun calls the run function, turning a panic into an error so that a
// scheduler meant to run unattended for weeks survives one bad run.
func (t *task) safeRun() (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("schedule: job %q panicked: %v", t.job.Name, p)
		}
	}()
	return t.run(t.ctx, t.job)
}
