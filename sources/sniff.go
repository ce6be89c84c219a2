package sources

import (
	"bytes"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/briefpack/briefpack/sources/decode"
)

// DetectBinary names the type of data that is not text (a PDF, an archive,
// an image, executable or other binary), or returns "" for text in any of
// the encodings briefpack decodes (UTF-8, UTF-16 with or without BOM,
// single-byte legacy charsets).
func DetectBinary(data []byte) string {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	magic := []struct {
		prefix string
		name   string
	}{
		{"%PDF-", "PDF document"},
		{"PK\x03\x04", "ZIP archive or Office document"},
		{"\x1f\x8b", "gzip-compressed data"},
		{"BZh", "bzip2-compressed data"},
		{"\xfd7zXZ\x00", "xz-compressed data"},
		{"7z\xbc\xaf\x27\x1c", "7-Zip archive"},
		{"\x7fELF", "ELF executable"},
		{"MZ", "Windows executable"},
		{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"},
		{"SQLite format 3\x00", "SQLite database"},
		{"{\\rtf", "RTF document"},
	}
	for _, m := range magic {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			if m.prefix == "MZ" && len(head) < 64 {
				continue // "MZ" is also how a two-letter text may start
			}
			return m.name
		}
	}
	ct := http.DetectContentType(head)
	switch {
	case strings.HasPrefix(ct, "image/"), strings.HasPrefix(ct, "audio/"), strings.HasPrefix(ct, "video/"),
		strings.HasPrefix(ct, "font/"), ct == "application/wasm", ct == "application/x-rar-compressed",
		ct == "application/vnd.ms-fontobject", ct == "application/ogg":
		// Some signatures are plain letters ("BM" for BMP, "ID3", "OggS"):
		// a text that starts with "BMW" is still text. Real media headers
		// carry binary bytes right after the signature.
		if binaryHeader(head) {
			return ct
		}
	}
	if looksUTF16(head) {
		return ""
	}
	// Text has almost no control bytes; binary has many.
	ctrl := 0
	for _, b := range head {
		if b == 0 {
			return "binary data"
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b {
			ctrl++
		}
	}
	if len(head) > 0 && ctrl*20 > len(head) {
		return "binary data"
	}
	return ""
}

// binaryHeader reports control bytes or invalid UTF-8 in the first 32
// bytes, as every image, audio and video header has.
func binaryHeader(b []byte) bool {
	if len(b) > 32 {
		b = b[:32]
	}
	for _, c := range b {
		if c < 0x09 || (c > 0x0d && c < 0x20) {
			return true
		}
	}
	return !utf8.Valid(b) && !utf8.Valid(b[:max(0, len(b)-3)])
}

// looksUTF16 reports UTF-16 text: a BOM, or NUL in every other byte of a
// mostly-ASCII text.
func looksUTF16(b []byte) bool {
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		return true
	}
	return decode.UTF16Order(b) != 0
}
