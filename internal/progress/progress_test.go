package progress

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRender(t *testing.T) {
	tests := []struct {
		done, total int
		elapsed     time.Duration
		want        string
	}{
		{0, 100, 0, "[..........]  0/100 articles  0.0/s  ETA --"},
		{25, 100, 5 * time.Second, "[##........]  25/100 articles  5.0/s  ETA 15s"},
		{50, 200, 10 * time.Second, "[##........]  50/200 articles  5.0/s  ETA 30s"},
		{1, 1000, 2 * time.Second, "[..........]  1/1000 articles  0.5/s  ETA 33m18s"},
		{1, 100000, 10 * time.Second, "[..........]  1/100000 articles  0.1/s  ETA 277h46m"},
		{100, 100, 61 * time.Second, "[##########]  100/100 articles  1.6/s  done in 1m01s"},
		{120, 100, 10 * time.Second, "120 articles  12.0/s"},
		{7, 0, 2 * time.Second, "7 articles  3.5/s"},
	}
	for _, tt := range tests {
		if got := Render(tt.done, tt.total, tt.elapsed, "articles", 10); got != tt.want {
			t.Errorf("Render(%d, %d, %v) = %q, want %q", tt.done, tt.total, tt.elapsed, got, tt.want)
		}
	}
}

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func TestBarThrottlesAndFinishes(t *testing.T) {
	clk := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	var buf bytes.Buffer
	b := New(&buf, Options{Total: 4, Width: 4, Now: clk.now})
	clk.add(time.Second)
	b.Inc() // first draw
	b.Inc() // too soon: no draw
	if n := strings.Count(buf.String(), "\r"); n != 1 {
		t.Errorf("%d draws, want 1 (throttled): %q", n, buf.String())
	}
	clk.add(time.Second)
	b.Inc()
	b.Inc() // reaches the total: always drawn
	out := buf.String()
	if !strings.Contains(out, "4/4 articles") || !strings.Contains(out, "done in 2s") {
		t.Errorf("final state not drawn: %q", out)
	}
	b.Finish()
	b.Finish()
	b.Inc()
	if !strings.HasSuffix(buf.String(), "\r") {
		t.Errorf("Finish did not return to the line start: %q", buf.String())
	}
	last := buf.String()[strings.LastIndex(strings.TrimSuffix(buf.String(), "\r"), "\r")+1:]
	if strings.TrimSpace(last) != "" {
		t.Errorf("Finish did not blank the line: %q", last)
	}
}

func TestNilBar(t *testing.T) {
	var b *Bar
	b.SetTotal(3)
	b.Inc()
	b.Add(2)
	b.Finish()
}

func TestConcurrentAdd(t *testing.T) {
	var buf bytes.Buffer
	b := New(&buf, Options{Total: 400, Interval: time.Nanosecond})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 100 {
				b.Inc()
			}
		})
	}
	wg.Wait()
	if !strings.Contains(buf.String(), "400/400") {
		t.Errorf("lost counts: %q", buf.String()[max(0, buf.Len()-120):])
	}
}

func TestEnabled(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if Enabled(f, false) {
		t.Error("a regular file counts as a terminal")
	}
	if Enabled(nil, false) {
		t.Error("nil file enabled")
	}
	if Enabled(os.Stderr, true) {
		t.Error("quiet did not disable the bar")
	}
}
