// Package hostile generates a corpus of bad, broken and crafted inputs at
// test time (nothing binary is committed). Each case says what a user
// should get: a document, or a per-input error whose text contains Want.
package hostile

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
)

// Case is one generated input.
type Case struct {
	Name string // file name inside the folder
	Path string
	// Want is "doc" when the input must yield a document, or a substring of
	// the error the input must get.
	Want string
	Note string // what the case is about, for the closing report
	// Title, when set, is the document title the input declares (front
	// matter), for checks on names derived from titles.
	Title string
}

// Options size the heavy cases.
type Options struct {
	// Huge writes the 100 MB text (refused by the size cap); off by
	// default in short test runs.
	Huge bool
}

// Generate writes the corpus into dir and returns its cases.
func Generate(dir string, opts Options) ([]Case, error) {
	rnd := rand.New(rand.NewPCG(1, 2))
	garbage := make([]byte, 64<<10)
	for i := range garbage {
		garbage[i] = byte(rnd.UintN(256))
	}
	garbage[0] = 0x01 // no magic number by chance

	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(strings.Repeat("Kazakhstan and Japan. ", 500)))
	zw.Close()
	truncGz := gz.Bytes()[:gz.Len()/2]

	u16 := func(s string, bom bool) []byte {
		var b []byte
		if bom {
			b = append(b, 0xff, 0xfe)
		}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	article := "Japan and Kazakhstan held talks in Astana on energy and trade. President Tokayev welcomed the plan."

	deep := strings.Repeat("<div>", 10000) + "<p>" + article + "</p>" + strings.Repeat("</div>", 10000)
	bomb := `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Bomb &lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>`
	jsLink := `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><link>https://example.org/</link>
<item><title>Item with a script link</title><link>javascript:alert(1)</link><description>` + article + ` ` + article + `</description></item></channel></rss>`
	badXML := "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>Broken</title>\n<item><title>x</item>\n</channel>\n"
	noText := "<!doctype html><html><head><title>Menu</title></head><body><nav><a href=/>Home</a></nav></body></html>"

	cases := []struct {
		name string
		data []byte
		want string
		note string
	}{
		{"empty.txt", nil, "empty input", "empty file"},
		{"whitespace.txt", []byte(" \n\t\n   \n"), "empty input", "only white space"},
		{"garbage.bin", garbage, "unsupported format: binary data", "random bytes"},
		{"invalid-utf8.txt", []byte("Caf\xe9 talks: Japan and Kazakhstan \xff\xfe met in Astana.\n"), "doc", "invalid UTF-8, decoded as Windows-1252"},
		{"utf16-nobom.txt", u16(article, false), "doc", "UTF-16LE without BOM"},
		{"utf16-bom.txt", u16(article, true), "doc", "UTF-16LE with BOM"},
		{"one-line-10mb.txt", []byte(strings.Repeat(article+" ", 10<<20/len(article))), "doc", "a single 10 MB line"},
		{"no-spaces-1mb.txt", bytes.Repeat([]byte("a"), 1<<20), "doc", "one 1 MB word"},
		// The HTML parser (x/net/html) refuses documents nested deeper than
		// 512 elements: a clear error for this input, in bounded time.
		{"deep-nested.html", []byte("<!doctype html><html><body>" + deep + "</body></html>"), "open stack of elements exceeds 512", "10,000-deep nested HTML"},
		// encoding/xml never expands DTD entities: the bomb is a malformed
		// feed, refused at once without any memory growth.
		{"xml-bomb.xml", []byte(bomb), "malformed XML: invalid character entity", "XML entity-expansion bomb in a feed"},
		{"truncated.gz", truncGz, "unsupported format: gzip-compressed data", "truncated gzip"},
		{"js-link.xml", []byte(jsLink), "doc", "feed item with a javascript: link"},
		{"malformed.xml", []byte(badXML), "line", "malformed XML"},
		{"no-text.html", []byte(noText), "no article text found", "HTML without article text"},
		{"zero-width-bidi.txt", []byte("Japan\u200b and \u202eKazakhstan\u202c met\u2066 in\u2069 Astana.\n"), "doc", "zero-width and bidi control characters"},
		{"rtl.txt", []byte("اليابان وكازاخستان تعقدان قمة في أستانا هذا الشهر لمناقشة الطاقة والتجارة.\nשלום עולם, זהו טקסט בעברית.\n"), "doc", "right-to-left text"},
		{"emoji.txt", []byte("Summit 🇯🇵🇰🇿 in Astana 🏔️ with 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 😀 astral characters.\n"), "doc", "emoji and astral-plane characters"},
		// A NUL byte is the classic binary signal (file(1), git): text with
		// NULs is refused as binary data, with a clear error, rather than
		// guessed at.
		{"nul-bytes.txt", []byte("Japan\x00and\x00Kazakhstan\x00met.\n"), "unsupported format: binary data", "NUL bytes inside text"},
		{"controls-only.txt", []byte("\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e"), "unsupported format: binary data", "only control characters"},
		{"punctuation.txt", []byte("....!!!???,,,;;;---\n"), "doc", "only punctuation"},
		{"name with spaces.txt", []byte(article), "doc", "file name with spaces"},
		{"semi;colon $(touch pwned) `id` & | > <.txt", []byte(article), "doc", "file name with shell metacharacters"},
		{"new\nline.txt", []byte(article), "doc", "file name with a newline"},
		{"fake.pdf.txt", []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj\n"), "unsupported format: PDF document", "a PDF with a .txt name"},
		{"archive.zip", []byte("PK\x03\x04\x14\x00\x00\x00"), "unsupported format: ZIP archive", "a ZIP archive"},
		{"image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"), "unsupported format: image/png", "a PNG image"},
		{"data.json", []byte(`{"not": "an article"}`), "unsupported format", "JSON data that is not a feed"},
		{"bad-front-matter.md", []byte("---\ntitle: [unclosed\n---\nBody text.\n"), "front matter", "Markdown with broken front matter"},
		{"formula.txt", []byte("=HYPERLINK(\"http://evil.example\",\"click\")\n\n=1+2 is not a formula here. @SUM(A1) neither. -2 stays text.\n"), "doc", "formula injection in title and sentences"},
		{"latin1.txt", []byte("R\xe9sum\xe9 of the na\xefve caf\xe9 talks in M\xfcnchen.\n"), "doc", "Latin-1 text"},
		{"cr-only.txt", []byte("Title line\r\rFirst paragraph about Japan.\rSecond paragraph about Kazakhstan.\r"), "doc", "old Mac CR line ends"},
		{"many-paragraphs.txt", []byte(strings.Repeat("Japan.\n\n", 20000)), "doc", "20,000 tiny paragraphs"},
		{"deep-quotes.md", []byte(strings.Repeat(">", 5000) + " " + article + "\n"), "", "5,000-deep Markdown block quote"},
		{"kazakh.txt", []byte("Қазақстан мен Жапония Астанада саммит өткізеді. Бұл маңызды кездесу.\n"), "doc", "Kazakh Cyrillic text"},
		{"js-canonical.html", []byte(`<!doctype html><html><head><title>Talks in Astana</title><link rel="canonical" href="javascript:alert(2)"><meta property="og:url" content="javascript:alert(3)"></head><body><article><h1>Talks in Astana</h1><p>` + article + ` ` + article + `</p><p>` + article + `</p></article></body></html>`), "doc", "HTML page whose canonical link is javascript:"},
		{"js-front-matter.md", []byte("---\ntitle: Front matter with a script link\nurl: \"javascript:alert(4)\"\n---\n" + article + "\n"), "doc", "Markdown front matter url: javascript:"},
		{"data-link.xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item><title>Item with a data link</title><link>data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==</link><description>` + article + `</description></item></channel></rss>`), "doc", "feed item with a data: link"},
		{"formula-sentences.md", []byte("---\ntitle: \"@SUM(1+1)*cmd|' /C calc'!A0\"\n---\n+cmd|' /C calc'!A0 is how the attack starts, said Japan.\n\n-2+3 is a sum Kazakhstan rejected.\n\n=1+2 opens this paragraph about Astana.\n"), "doc", "formula injection in front-matter title and paragraph starts"},
		{"bidi-filename-\u202egnp.txt", []byte(article), "doc", "file name with a right-to-left override"},
	}
	// A YAML alias bomb ("billion laughs"): nine references per level,
	// eight levels. yaml.v3 refuses excessive aliasing; a bomb no field
	// reads is harmless.
	yamlBomb := `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]` + "\n"
	for i, c := range "bcdefgh" {
		p := string("abcdefgh"[i])
		yamlBomb += fmt.Sprintf("%c: &%c [%s]\n", c, c, strings.TrimSuffix(strings.Repeat("*"+p+",", 9), ","))
	}
	page := `<!doctype html><html><head><title>Talks in Astana</title></head><body><article><p>` + article + ` ` + article + `</p><p>` + article + `</p></article></body></html>`
	cases = append(cases, []struct {
		name string
		data []byte
		want string
		note string
	}{
		{"yaml-bomb.md", []byte("---\n" + yamlBomb + "title: *h\n---\n" + article + "\n"), "front matter", "YAML alias bomb in Markdown front matter, used by the title"},
		{"yaml-bomb-unused.md", []byte("---\n" + yamlBomb + "title: Unused bomb\n---\n" + article + "\n"), "doc", "YAML alias bomb in front matter that no field reads"},
		{"sidecar-bomb.html", []byte(page), "sidecar", "HTML page whose metadata sidecar is a YAML alias bomb"},
		{"sidecar-bomb.html.meta.yaml", []byte(yamlBomb + "title: *h\n"), "", ""},
		{"sidecar-js.html", []byte(page), "doc", "HTML page whose sidecar sets url: javascript:"},
		{"sidecar-js.html.meta.yaml", []byte("title: Sidecar link\nurl: \"javascript:alert(5)\"\n"), "", ""},
	}...)
	titleOf := map[string]string{}
	// Titles that would be dangerous as file names (briefings/<slug>.pdf):
	// path traversal, reserved device names, separators, a 300-character
	// title and duplicates with different texts.
	for i, title := range []string{
		"../../etc/passwd", "CON", "nul.txt", "a/b\\c", "..", "   ", "\u202e\u200b",
		strings.Repeat("Long title ", 28) + "end", "Same title", "Same title", "Same title",
	} {
		titleOf[fmt.Sprintf("title-%02d.md", i)] = title
		body := fmt.Sprintf("Japan and Kazakhstan discussed item %d in Astana. Officials met on day %d.\n", i, i)
		cases = append(cases, struct {
			name string
			data []byte
			want string
			note string
		}{fmt.Sprintf("title-%02d.md", i), []byte(fmt.Sprintf("---\ntitle: %q\n---\n%s", title, body)), "doc", fmt.Sprintf("front-matter title %q as a file name", title)})
	}
	var out []Case
	for _, c := range cases {
		p := filepath.Join(dir, c.name)
		if err := os.WriteFile(p, c.data, 0o644); err != nil {
			return nil, fmt.Errorf("hostile: %s: %w", c.name, err)
		}
		if c.note == "" {
			continue // a sidecar: part of the case before it, not an input
		}
		out = append(out, Case{Name: c.name, Path: p, Want: c.want, Note: c.note, Title: titleOf[c.name]})
	}
	if opts.Huge {
		p := filepath.Join(dir, "huge-100mb.txt")
		f, err := os.Create(p)
		if err != nil {
			return nil, err
		}
		line := []byte(article + "\n")
		for n := 0; n < 100<<20; n += len(line) {
			f.Write(line)
		}
		f.Close()
		out = append(out, Case{Name: "huge-100mb.txt", Path: p, Want: "input too large", Note: "a 100 MB text"})
	}
	// A symbolic link loop and a dangling link inside the folder.
	loop := filepath.Join(dir, "loop")
	if err := os.Symlink("loop", loop); err == nil {
		out = append(out, Case{Name: "loop", Path: loop, Want: "symbolic link", Note: "symbolic link loop"})
	}
	sub := filepath.Join(dir, "cycle")
	if err := os.Mkdir(sub, 0o755); err == nil {
		os.Symlink("..", filepath.Join(sub, "up")) // a cycle through a folder link: not followed
	}
	// Special files inside a folder: a named pipe (reading it would block
	// until a writer comes) and a Unix socket. The walk refuses both.
	out = append(out, specialFiles(dir)...)
	// An unreadable file (only testable when not root: root reads anything).
	if os.Geteuid() != 0 {
		p := filepath.Join(dir, "unreadable.txt")
		os.WriteFile(p, []byte(article), 0o000)
		out = append(out, Case{Name: "unreadable.txt", Path: p, Want: "permission denied", Note: "unreadable file"})
	}
	return out, nil
}
