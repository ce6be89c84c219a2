package lock

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

var fixed = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)

func TestAcquireBusyRelease(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	l, err := Acquire(dir, Options{Now: func() time.Time { return fixed }, PID: 1234})
	if err != nil {
		t.Fatal(err)
	}
	if l.Stale() != "" {
		t.Errorf("fresh lock reports stale: %q", l.Stale())
	}
	b, _ := os.ReadFile(filepath.Join(dir, FileName))
	if got, want := string(b), "pid 1234\nstarted 2026-11-28T09:00:00Z\n"; got != want {
		t.Errorf("lock file = %q, want %q", got, want)
	}

	// A second acquisition (a separate open file, as a second process
	// would have) must fail at once and name the holder.
	_, err = Acquire(dir, Options{})
	var be *BusyError
	if !errors.As(err, &be) || !errors.Is(err, ErrBusy) {
		t.Fatalf("second Acquire error = %v, want *BusyError", err)
	}
	if be.PID != 1234 || !be.Started.Equal(fixed) {
		t.Errorf("BusyError = %+v", be)
	}
	want := "lock: another run (pid 1234, started 2026-11-28T09:00:00Z) holds " + dir
	if err.Error() != want {
		t.Errorf("message = %q, want %q", err, want)
	}

	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if err := l.Release(); err != nil {
		t.Errorf("second Release: %v", err)
	}
	// After a clean release the file is empty, so the next run sees no
	// stale lock.
	l2, err := Acquire(dir, Options{})
	if err != nil {
		t.Fatalf("Acquire after Release: %v", err)
	}
	defer l2.Release()
	if l2.StalePID != 0 {
		t.Errorf("clean release left a stale pid %d", l2.StalePID)
	}
}

func TestStaleFileIsCleared(t *testing.T) {
	dir := t.TempDir()
	// A run killed with SIGKILL leaves its file behind, lock released.
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("pid 4242\nstarted 2026-11-27T06:00:00Z\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Acquire(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	if l.StalePID != 4242 || l.Stale() != "cleared stale lock from pid 4242" {
		t.Errorf("stale = %d %q", l.StalePID, l.Stale())
	}
	b, _ := os.ReadFile(filepath.Join(dir, FileName))
	if !strings.HasPrefix(string(b), fmt.Sprintf("pid %d\n", os.Getpid())) {
		t.Errorf("lock file not rewritten: %q", b)
	}
}

func TestBusyMessageWithUnreadableHolder(t *testing.T) {
	tests := []struct {
		e    BusyError
		want string
	}{
		{BusyError{Dir: "out"}, "lock: another run holds out"},
		{BusyError{Dir: "out", PID: 7}, "lock: another run (pid 7) holds out"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.e, got, tt.want)
		}
	}
}

// TestHelperHolder is not a test: the cross-process test runs the test
// binary with LOCK_HELPER_DIR set, and this function then takes the lock,
// says so on stdout and sleeps until killed.
func TestHelperHolder(t *testing.T) {
	dir := os.Getenv("LOCK_HELPER_DIR")
	if dir == "" {
		t.Skip("helper process only")
	}
	if _, err := Acquire(dir, Options{}); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("locked")
	time.Sleep(time.Minute)
	os.Exit(0)
}

func TestOtherProcessAndKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHolder$")
	cmd.Env = append(os.Environ(), "LOCK_HELPER_DIR="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, _ := bufio.NewReader(out).ReadString('\n')
	if strings.TrimSpace(line) != "locked" {
		t.Fatalf("helper said %q", line)
	}
	_, err = Acquire(dir, Options{})
	var be *BusyError
	if !errors.As(err, &be) || be.PID != cmd.Process.Pid {
		t.Fatalf("Acquire while another process holds it: %v (want pid %d)", err, cmd.Process.Pid)
	}
	// SIGKILL: no chance to clean up; the kernel drops the flock.
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	l, err := Acquire(dir, Options{})
	if err != nil {
		t.Fatalf("Acquire after the holder was killed: %v", err)
	}
	defer l.Release()
	if l.StalePID != cmd.Process.Pid {
		t.Errorf("StalePID = %d, want %d", l.StalePID, cmd.Process.Pid)
	}
}

func FuzzParseHolder(f *testing.F) {
	f.Add("pid 1234\nstarted 2026-11-28T09:00:00Z\n")
	f.Add("pid -1\nstarted yesterday")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		pid, _ := parseHolder(s)
		if pid < 0 {
			t.Fatalf("negative pid %d", pid)
		}
	})
}
