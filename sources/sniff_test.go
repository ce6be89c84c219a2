package sources

import (
	"strings"
	"testing"
)

func TestDetectBinary(t *testing.T) {
	cases := []struct {
		name string
		data string
		want string
	}{
		{"text", "Japan and Kazakhstan.\n", ""},
		{"utf16le", "J\x00a\x00p\x00a\x00n\x00 \x00a\x00n\x00d\x00", ""},
		{"latin1", "Caf\xe9 na\xefve", ""},
		{"pdf", "%PDF-1.7\n", "PDF document"},
		{"zip", "PK\x03\x04....", "ZIP archive or Office document"},
		{"gzip", "\x1f\x8b\x08\x00", "gzip-compressed data"},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"},
		{"jpeg", "\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"},
		{"elf", "\x7fELF\x02\x01\x01", "ELF executable"},
		{"nul", "text\x00with NUL", "binary data"},
		{"controls", strings.Repeat("\x01\x02\x03a", 10), "binary data"},
		{"two letters MZ", "MZ", ""},
		{"text starting BM", "BMW profits rise\n\nThe carmaker said...", ""},
		{"text starting GIF89a", "GIF89a is an image format from 1989.", ""},
		{"bmp", "BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00\x00\x00", "image/bmp"},
		{"gif", "GIF89a\x01\x00\x01\x00\x80\x00\x00", "image/gif"},
	}
	for _, c := range cases {
		if got := DetectBinary([]byte(c.data)); got != c.want {
			t.Errorf("%s: DetectBinary = %q, want %q", c.name, got, c.want)
		}
	}
}
