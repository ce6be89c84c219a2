// Package charsetx decodes web content (HTML pages, text served over HTTP)
// to UTF-8 using the charset of the Content-Type header, a byte order mark
// or the page's <meta charset>, with a check that keeps valid UTF-8 when a
// page wrongly declares a Latin-1 charset.
package charsetx

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// Decode returns data as UTF-8 and the name of the charset it used.
//
// Order: byte order mark; charset parameter of contentType; valid UTF-8
// (when the declared charset is not certain, or is a Latin-1 family charset
// while the bytes hold valid multi-byte UTF-8 sequences); <meta charset> or
// http-equiv in the first 1024 bytes; windows-1252.
func Decode(data []byte, contentType string) (string, string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}):
		// A BOM does not make the rest valid: bad bytes become U+FFFD.
		return strings.ToValidUTF8(string(data[3:]), "\uFFFD"), "utf-8"
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), data), "utf-16le"
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), data), "utf-16be"
	}
	e, name, certain := charset.DetermineEncoding(data, contentType)
	validUTF8 := utf8.Valid(data)
	if validUTF8 && (!certain || latin1Family(name) && hasHighBit(data)) {
		return string(data), "utf-8"
	}
	if e == nil || name == "utf-8" {
		return strings.ToValidUTF8(string(data), "\uFFFD"), "utf-8"
	}
	return decodeWith(e, data), name
}

// Charset returns the charset parameter of a Content-Type value, lower
// case, or "".
func Charset(contentType string) string {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.ToLower(params["charset"])
}

// MediaType returns the media type of a Content-Type value, lower case, or
// "".
func MediaType(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.ToLower(mt)
}

// Lookup returns the encoding for a charset label, or nil.
func Lookup(label string) encoding.Encoding {
	e, _ := charset.Lookup(label)
	return e
}

func decodeWith(e encoding.Encoding, data []byte) string {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	return strings.ToValidUTF8(string(out), "\uFFFD")
}

func latin1Family(name string) bool {
	switch name {
	case "windows-1252", "iso-8859-1", "iso-8859-15", "us-ascii":
		return true
	}
	return false
}

func hasHighBit(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}
