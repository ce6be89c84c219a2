package schedule

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// syncBuffer is a log sink safe for the scheduler's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func testLogger() (*slog.Logger, *syncBuffer) {
	buf := &syncBuffer{}
	return slog.New(slog.NewTextHandler(buf, nil)), buf
}

func TestParseSpec(t *testing.T) {
	tests := []struct {
		spec string
		ok   bool
	}{
		{"0 6 * * *", true},
		{"*/15 * * * *", true},
		{"30 0 6 * * 1-5", true}, // with seconds
		{"@daily", true},
		{"@every 1s", true},
		{"@every 90m", true},
		{"", false},
		{"61 * * * *", false},
		{"* * *", false},
		{"@sometimes", false},
		{"@every soon", false},
		{"0 6 * * * * *", false},
	}
	for _, tt := range tests {
		_, err := ParseSpec(tt.spec)
		if (err == nil) != tt.ok {
			t.Errorf("ParseSpec(%q) error = %v, want ok=%v", tt.spec, err, tt.ok)
		}
		if err != nil && !strings.Contains(err.Error(), "schedule:") {
			t.Errorf("ParseSpec(%q) error %q lacks package prefix", tt.spec, err)
		}
	}
}

func TestNext(t *testing.T) {
	base := time.Date(2026, 11, 28, 5, 59, 0, 0, time.UTC)
	got, err := Next("0 6 * * *", base)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 11, 28, 6, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("Next = %v, want %v", got, want)
	}
}

func TestRunEverySecondAndStop(t *testing.T) {
	log, buf := testLogger()
	ctx, cancel := context.WithCancel(context.Background())
	var runs atomic.Int32
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, []Job{{Name: "tick", Spec: "@every 1s"}}, func(ctx context.Context, j Job) error {
			if j.Name != "tick" {
				t.Errorf("run got job %q", j.Name)
			}
			runs.Add(1)
			return nil
		}, log)
	}()
	deadline := time.Now().Add(5 * time.Second)
	for runs.Load() < 2 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := runs.Load(); n < 2 {
		t.Fatalf("job ran %d times in 5s on a one-second schedule", n)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run returned %v after cancel", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	n := runs.Load()
	time.Sleep(1200 * time.Millisecond)
	if runs.Load() != n {
		t.Error("job ran after the scheduler stopped")
	}
	for _, want := range []string{"job scheduled", "run started", "run finished", "scheduler stopped"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, buf)
		}
	}
}

func TestSkipIfStillRunningAndCancel(t *testing.T) {
	log, buf := testLogger()
	ctx, cancel := context.WithCancel(context.Background())
	var starts atomic.Int32
	var cancelled atomic.Bool
	started := make(chan struct{}, 10)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, []Job{{Name: "slow", Spec: "@every 1s"}}, func(ctx context.Context, j Job) error {
			starts.Add(1)
			started <- struct{}{}
			<-ctx.Done() // a long run: only ends when cancelled
			cancelled.Store(true)
			return ctx.Err()
		}, log)
	}()
	select {
	case <-started:
	case <-time.After(3 * time.Second):
		t.Fatal("job never started")
	}
	// Let at least two more ticks pass while the first run is still going.
	time.Sleep(2300 * time.Millisecond)
	if n := starts.Load(); n != 1 {
		t.Errorf("job started %d times while its first run was still going, want 1", n)
	}
	if !strings.Contains(buf.String(), "run skipped") {
		t.Errorf("skip not logged:\n%s", buf)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run returned %v", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if !cancelled.Load() {
		t.Error("Run returned before the running job saw its context cancelled")
	}
	if !strings.Contains(buf.String(), "run cancelled") {
		t.Errorf("cancelled run not logged:\n%s", buf)
	}
}

func TestRunSurvivesFailuresAndPanics(t *testing.T) {
	log, buf := testLogger()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var runs atomic.Int32
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, []Job{{Name: "bad", Spec: "@every 1s"}}, func(ctx context.Context, j Job) error {
			if runs.Add(1) == 1 {
				panic("boom")
			}
			return errors.New("inputs unreadable")
		}, log)
	}()
	deadline := time.Now().Add(5 * time.Second)
	for runs.Load() < 2 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	<-done
	if runs.Load() < 2 {
		t.Fatalf("scheduler stopped running after a panic (runs=%d)", runs.Load())
	}
	for _, want := range []string{"panicked: boom", "inputs unreadable", "run failed"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, buf)
		}
	}
}

func TestRunRejectsBadJobs(t *testing.T) {
	never := func(ctx context.Context, j Job) error {
		t.Errorf("job %q ran", j.Name)
		return nil
	}
	tests := []struct {
		name string
		jobs []Job
		want string
	}{
		{"none", nil, "no jobs"},
		{"bad spec", []Job{{Name: "daily", Spec: "0 25 * * *"}}, `job "daily"`},
		{"no name", []Job{{Spec: "@daily"}}, "no name"},
		{"duplicate", []Job{{Name: "a", Spec: "@daily"}, {Name: "a", Spec: "@hourly"}}, "defined twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			err := Run(ctx, tt.jobs, never, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Run error = %v, want it to mention %q", err, tt.want)
			}
			if ctx.Err() != nil {
				t.Error("Run blocked instead of rejecting the jobs")
			}
		})
	}
}

func FuzzParseSpec(f *testing.F) {
	for _, s := range []string{"0 6 * * *", "@every 1s", "*/5 1-3 ? * MON-FRI", "@every -1s", "0 0 0 31 2 *", "TZ=Asia/Tokyo 0 6 * * *"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		s, err := ParseSpec(spec)
		if err == nil && s == nil {
			t.Fatal("nil schedule without error")
		}
		if err == nil {
			_ = s.Next(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		}
	})
}
