package charsetx

import "testing"

func TestDecode(t *testing.T) {
	tests := []struct {
		name, data, ct, want, charset string
	}{
		{"utf-8 bom", "\xef\xbb\xbfcaf\xc3\xa9", "", "café", "utf-8"},
		{"utf-16le bom", "\xff\xfec\x00a\x00f\x00\xe9\x00", "", "café", "utf-16le"},
		{"header", "caf\xe9", "text/html; charset=ISO-8859-1", "café", "windows-1252"},
		{"meta", "<meta charset=\"koi8-r\"><p>\xf0\xd2\xc9\xd7\xc5\xd4", "", "<meta charset=\"koi8-r\"><p>Привет", "koi8-r"},
		{"gb2312 meta", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\xc4\xe3\xba\xc3", "", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">你好", "gbk"},
		{"valid utf-8 beats a wrong latin-1 header", "caf\xc3\xa9", "text/html; charset=iso-8859-1", "café", "utf-8"},
		{"valid utf-8 beats a wrong meta", "<meta charset=windows-1252>caf\xc3\xa9", "", "<meta charset=windows-1252>café", "utf-8"},
		{"no declaration, not utf-8", "caf\xe9", "", "café", "windows-1252"},
		{"ascii", "plain", "", "plain", "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cs := Decode([]byte(tt.data), tt.ct)
			if got != tt.want || cs != tt.charset {
				t.Errorf("Decode = %q, %q; want %q, %q", got, cs, tt.want, tt.charset)
			}
		})
	}
}

func TestContentType(t *testing.T) {
	if Charset(`text/html; charset="UTF-8"`) != "utf-8" || MediaType("Text/HTML; charset=x") != "text/html" || Charset("bogus;;") != "" {
		t.Error("content type parsing")
	}
}
