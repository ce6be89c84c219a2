package pdf

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Font styles as fpdf names them.
const (
	stRegular    = ""
	stBold       = "B"
	stItalic     = "I"
	stBoldItalic = "BI"
)

// hyphenScale is the horizontal scale of the hyphen glyph.
const hyphenScale = 0.62

// family is the name the embedded Go fonts are registered under.
const family = "go"

// fontSet holds the embedded fonts, parsed once per process: the raw bytes
// fpdf embeds, the glyph coverage shared by all four styles, and advance
// widths in 1/1000 em (rounded exactly as fpdf rounds them) for line layout.
type fontSet struct {
	ttf         map[string][]byte
	covered     []uint64 // bitset over the BMP: rune has a glyph in every style
	widths      map[string][]uint16
	placeholder rune
	err         error
}

var (
	fontsOnce sync.Once
	fonts     *fontSet
)

// loadFonts parses the Go fonts once.
func loadFonts() (*fontSet, error) {
	fontsOnce.Do(func() {
		fonts = parseFonts()
	})
	return fonts, fonts.err
}

func parseFonts() *fontSet {
	fs := &fontSet{
		ttf: map[string][]byte{
			stRegular:    goregular.TTF,
			stBold:       gobold.TTF,
			stItalic:     goitalic.TTF,
			stBoldItalic: gobolditalic.TTF,
		},
		covered: make([]uint64, 0x10000/64),
		widths:  map[string][]uint16{},
	}
	for i := range fs.covered {
		fs.covered[i] = ^uint64(0)
	}
	var buf sfnt.Buffer
	for _, st := range []string{stRegular, stBold, stItalic, stBoldItalic} {
		f, err := sfnt.Parse(fs.ttf[st])
		if err != nil {
			fs.err = fmt.Errorf("pdf: parse embedded font %q: %w", st, err)
			return fs
		}
		upem := float64(f.UnitsPerEm())
		w := make([]uint16, 0x10000)
		for r := rune(0); r < 0x10000; r++ {
			gi, err := f.GlyphIndex(&buf, r)
			if err != nil || gi == 0 {
				fs.covered[r/64] &^= 1 << (uint(r) % 64)
				continue
			}
			adv, err := f.GlyphAdvance(&buf, gi, fixedUPEM(f), font.HintingNone)
			if err != nil {
				fs.covered[r/64] &^= 1 << (uint(r) % 64)
				continue
			}
			w[r] = uint16(math.Round(float64(adv) / 64 * 1000 / upem))
		}
		// The Go fonts' hyphen-minus is as wide as a minus sign, which
		// looks like a dash inside words; it is drawn narrower (see
		// renderer.text) and measured accordingly.
		w['-'] = uint16(math.Round(float64(w['-']) * hyphenScale))
		fs.widths[st] = w
	}
	fs.placeholder = '?'
	if fs.has('□') {
		fs.placeholder = '□'
	}
	return fs
}

// fixedUPEM is the ppem that makes GlyphAdvance return font units (as 26.6).
func fixedUPEM(f *sfnt.Font) fixed.Int26_6 { return fixed.Int26_6(f.UnitsPerEm()) << 6 }

// has reports whether every style has a glyph for r.
func (fs *fontSet) has(r rune) bool {
	if r < 0 || r >= 0x10000 {
		return false
	}
	return fs.covered[r/64]&(1<<(uint(r)%64)) != 0
}

// width returns the advance of s in style st, in 1/1000 em.
func (fs *fontSet) width(st, s string) int {
	w := fs.widths[st]
	n := 0
	for _, r := range s {
		if r >= 0 && r < 0x10000 {
			n += int(w[r])
		}
	}
	return n
}

// sanitizer rewrites text so that every rune can be drawn with the embedded
// fonts, and counts the characters it had to replace.
type sanitizer struct {
	fs       *fontSet
	replaced int
	// seen memoizes strings that needed replacements, so a title drawn on
	// the cover, in the contents and in every running header counts once.
	seen map[string]string
}

// clean returns s with characters outside the fonts replaced by the
// placeholder, tabs and other spacing turned into plain spaces, and invisible
// format characters (zero-width space, joiners, soft hyphen, BOM) and control
// characters dropped; those render as nothing in any viewer. Newlines are
// kept only when keepNL is set.
func (z *sanitizer) clean(s string, keepNL bool) string {
	ok := utf8.ValidString(s)
	for _, r := range s {
		if !ok {
			break
		}
		if r == '\n' && keepNL {
			continue
		}
		if r < 0x20 || r == 0x7f || !z.fs.has(r) || (r > 0x7f && (unicode.IsSpace(r) || unicode.Is(unicode.Cf, r))) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	key := s
	if keepNL {
		key = "\n" + s
	}
	if c, ok := z.seen[key]; ok {
		return c
	}
	out := make([]rune, 0, len(s))
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			// invalid UTF-8
			out = append(out, z.fs.placeholder)
			z.replaced++
		case r == '\n' && keepNL:
			out = append(out, r)
		case r == '\t' || r == '\n' || r == '\r' || (r > 0x7f && unicode.IsSpace(r)):
			out = append(out, ' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			// control characters: nothing to draw
		case unicode.Is(unicode.Cf, r):
			// invisible format characters
		case !z.fs.has(r):
			out = append(out, z.fs.placeholder)
			z.replaced++
		default:
			out = append(out, r)
		}
	}
	res := string(out)
	if z.seen == nil {
		z.seen = map[string]string{}
	}
	if len(z.seen) < maxMemo {
		z.seen[key] = res
	}
	return res
}

// maxMemo bounds the sanitizer's memo.
const maxMemo = 4096
