//go:build unix

package hostile

import (
	"net"
	"path/filepath"
	"syscall"
)

// specialFiles makes a named pipe and a Unix socket in dir.
func specialFiles(dir string) []Case {
	var out []Case
	p := filepath.Join(dir, "fifo.txt")
	if err := syscall.Mkfifo(p, 0o644); err == nil {
		out = append(out, Case{Name: "fifo.txt", Path: p, Want: "not a regular file", Note: "named pipe (FIFO) inside the input folder"})
	}
	p = filepath.Join(dir, "socket.txt")
	if l, err := net.ListenUnix("unix", &net.UnixAddr{Name: p, Net: "unix"}); err == nil {
		l.SetUnlinkOnClose(false)
		l.Close()
		out = append(out, Case{Name: "socket.txt", Path: p, Want: "not a regular file", Note: "Unix socket inside the input folder"})
	}
	return out
}
