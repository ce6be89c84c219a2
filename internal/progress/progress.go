// Package progress draws a one-line progress bar on a terminal: articles
// done of total, rate and estimated time left. It draws nothing when the
// output is not a terminal or when the user asked for quiet, so logs and
// pipes stay clean. A nil *Bar is valid and does nothing, so callers need
// no conditionals.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
)

// Enabled reports whether a bar should be drawn on f: f is a terminal and
// quiet is false.
func Enabled(f *os.File, quiet bool) bool {
	if quiet || f == nil {
		return false
	}
	fd := f.Fd()
	return isatty.IsTerminal(fd) || isatty.IsCygwinTerminal(fd)
}

// Options configure a Bar.
type Options struct {
	Total    int              // 0 when not known yet; see SetTotal
	Label    string           // unit, default "articles"
	Width    int              // bar width in cells, default 24
	Interval time.Duration    // minimum time between redraws, default 100ms
	Now      func() time.Time // clock; nil means time.Now
}

// Bar is a progress bar. Its methods are safe for concurrent use.
type Bar struct {
	w    io.Writer
	opts Options

	mu       sync.Mutex
	total    int
	done     int
	start    time.Time
	lastDraw time.Time
	lastLen  int
	finished bool
}

// New starts a bar writing to w (stderr in the CLI).
func New(w io.Writer, opts Options) *Bar {
	if opts.Label == "" {
		opts.Label = "articles"
	}
	if opts.Width <= 0 {
		opts.Width = 24
	}
	if opts.Interval <= 0 {
		opts.Interval = 100 * time.Millisecond
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Bar{w: w, opts: opts, total: opts.Total, start: opts.Now()}
}

// SetTotal sets the number of items expected (when it becomes known).
func (b *Bar) SetTotal(n int) {
	if b == nil {
		return
	}
	b.mu.Lock()
	b.total = n
	b.mu.Unlock()
}

// Add counts n more items done and redraws when enough time has passed.
func (b *Bar) Add(n int) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.finished {
		return
	}
	b.done += n
	now := b.opts.Now()
	if now.Sub(b.lastDraw) >= b.opts.Interval || (b.total > 0 && b.done == b.total) {
		b.draw(now)
	}
}

// Inc counts one item done.
func (b *Bar) Inc() { b.Add(1) }

// Finish erases the bar so the next output starts on a clean line.
func (b *Bar) Finish() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.finished {
		return
	}
	b.finished = true
	if b.lastLen > 0 {
		fmt.Fprintf(b.w, "\r%s\r", strings.Repeat(" ", b.lastLen))
	}
}

func (b *Bar) draw(now time.Time) {
	line := Render(b.done, b.total, now.Sub(b.start), b.opts.Label, b.opts.Width)
	pad := ""
	if n := b.lastLen - len(line); n > 0 {
		pad = strings.Repeat(" ", n)
	}
	fmt.Fprintf(b.w, "\r%s%s", line, pad)
	b.lastLen = len(line)
	b.lastDraw = now
}

// Render formats one state of the bar:
//
//	[##########..............]  42/100 articles  12.5/s  ETA 5s
//
// With an unknown total it shows the count and the rate only.
func Render(done, total int, elapsed time.Duration, label string, width int) string {
	rate := 0.0
	if elapsed > 0 {
		rate = float64(done) / elapsed.Seconds()
	}
	rateS := fmt.Sprintf("%.1f/s", rate)
	if total <= 0 || done > total {
		// Unknown total, or more items than announced (a feed yields
		// several articles per input): count and rate only.
		return fmt.Sprintf("%d %s  %s", done, label, rateS)
	}
	d := min(max(done, 0), total)
	filled := d * width / total
	bar := "[" + strings.Repeat("#", filled) + strings.Repeat(".", width-filled) + "]"
	eta := "ETA --"
	switch {
	case d >= total:
		eta = "done in " + short(elapsed)
	case rate > 0:
		eta = "ETA " + short(time.Duration(float64(total-d)/rate*float64(time.Second)))
	}
	return fmt.Sprintf("%s  %d/%d %s  %s  %s", bar, d, total, label, rateS, eta)
}

// short formats a duration to whole seconds (or minutes and hours).
func short(d time.Duration) string {
	d = d.Round(time.Second)
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
	}
	return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
}
