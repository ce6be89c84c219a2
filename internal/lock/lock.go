// Package lock keeps two briefpack runs from writing the same output folder
// at once. The lock is an flock(2) on <out>/.briefpack.lock; the holder
// writes its PID and start time into the file so a second run can say who
// holds it. The kernel releases an flock when its process dies, so a lock
// file left by a killed run is harmless: the next run takes the lock and
// reports that it cleared a stale lock from that PID.
package lock

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// FileName is the name of the lock file inside the output folder.
const FileName = ".briefpack.lock"

// ErrBusy is wrapped by *BusyError; the CLI maps it to exit code 3.
var ErrBusy = errors.New("lock: output folder is locked by another run")

// BusyError says which run holds the lock.
type BusyError struct {
	Dir     string
	PID     int       // 0 when the holder's file could not be read
	Started time.Time // zero when unknown
}

func (e *BusyError) Error() string {
	who := "another run"
	switch {
	case e.PID > 0 && !e.Started.IsZero():
		who = fmt.Sprintf("another run (pid %d, started %s)", e.PID, e.Started.UTC().Format(time.RFC3339))
	case e.PID > 0:
		who = fmt.Sprintf("another run (pid %d)", e.PID)
	}
	return fmt.Sprintf("lock: %s holds %s", who, e.Dir)
}

func (e *BusyError) Unwrap() error { return ErrBusy }

// Lock is a held lock. Release it when the run ends.
type Lock struct {
	f    *os.File
	path string
	// StalePID is the PID found in a lock file whose lock was free, i.e.
	// left by a run that was killed; 0 when there was none.
	StalePID int
	// StaleStarted is when that killed run started, when known.
	StaleStarted time.Time
}

// Options tune Acquire; the zero value is fine.
type Options struct {
	Now func() time.Time // clock for the start time written in the file; nil means time.Now
	PID int              // 0 means os.Getpid(); tests use it
}

// Acquire takes the lock of output folder dir, creating dir if needed. It
// never waits: when another process holds the lock it returns a
// *BusyError (errors.Is(err, ErrBusy)).
func Acquire(dir string, opts Options) (*Lock, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	path := filepath.Join(dir, FileName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	if err := flock(f); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			pid, started := readHolder(path)
			return nil, &BusyError{Dir: dir, PID: pid, Started: started}
		}
		return nil, fmt.Errorf("lock: %s: %w", path, err)
	}
	l := &Lock{f: f, path: path}
	// The lock is ours. Anything still written in the file comes from a
	// run that died without releasing it.
	l.StalePID, l.StaleStarted = readHolder(path)
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	pid := opts.PID
	if pid == 0 {
		pid = os.Getpid()
	}
	content := fmt.Sprintf("pid %d\nstarted %s\n", pid, now().UTC().Format(time.RFC3339))
	if err := f.Truncate(0); err == nil {
		_, err = f.WriteAt([]byte(content), 0)
	}
	if err != nil {
		l.Release()
		return nil, fmt.Errorf("lock: write %s: %w", path, err)
	}
	return l, nil
}

// Stale reports a lock cleared from a killed run as a message, or "".
func (l *Lock) Stale() string {
	if l == nil || l.StalePID == 0 {
		return ""
	}
	return fmt.Sprintf("cleared stale lock from pid %d", l.StalePID)
}

// Release empties the lock file and releases the lock. The file itself is
// left in place: removing it would let a process that opened the old file
// and one that creates a new file both believe they hold the lock. Release
// is safe to call twice.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	terr := l.f.Truncate(0)
	uerr := syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	cerr := l.f.Close()
	l.f = nil
	if err := errors.Join(terr, uerr, cerr); err != nil {
		return fmt.Errorf("lock: release %s: %w", l.path, err)
	}
	return nil
}

func flock(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err != syscall.EINTR {
			return err
		}
	}
}

// readHolder reads the PID and start time written by the holder.
func readHolder(path string) (pid int, started time.Time) {
	b, err := os.ReadFile(path)
	if err != nil || len(b) > 4096 {
		return 0, time.Time{}
	}
	return parseHolder(string(b))
}

func parseHolder(s string) (pid int, started time.Time) {
	for _, line := range strings.Split(s, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch k {
		case "pid":
			if n, err := strconv.Atoi(v); err == nil && n > 0 {
				pid = n
			}
		case "started":
			if t, err := time.Parse(time.RFC3339, v); err == nil {
				started = t
			}
		}
	}
	return pid, started
}
