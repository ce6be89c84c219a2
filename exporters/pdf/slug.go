package pdf

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlug is the longest file name stem written under briefings/.
const maxSlug = 80

// reserved are names Windows refuses as file names, with any extension.
var reserved = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
}

// slugify turns a title into a safe file name stem: lowercase ASCII
// letters and digits joined by single hyphens, accents folded ("Türkiye" ->
// "turkiye"), at most maxSlug bytes, cut at a hyphen when possible. It
// returns "" when nothing usable is left or the result is a reserved name.
func slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			hyphen = false
		case r >= 'A' && r <= 'Z':
			b.WriteRune(unicode.ToLower(r))
			hyphen = false
		case unicode.Is(unicode.Mn, r):
			// combining accent of a folded letter
		case r == '\'' || r == '’':
			// "Japan's" -> "japans"
		default:
			if b.Len() > 0 && !hyphen {
				b.WriteByte('-')
				hyphen = true
			}
		}
	}
	out := strings.Trim(b.String(), "-")
	if len(out) > maxSlug {
		out = out[:maxSlug]
		if i := strings.LastIndexByte(out, '-'); i >= maxSlug/2 {
			out = out[:i]
		}
		out = strings.Trim(out, "-")
	}
	if reserved[out] {
		return ""
	}
	return out
}

// slugger hands out unique file name stems.
type slugger struct{ used map[string]bool }

func newSlugger() *slugger { return &slugger{used: map[string]bool{}} }

// name returns a unique stem for a document: the slug of its title, or of
// its doc ID when the title gives nothing; on a collision it tries the
// stem plus the doc ID, then numbered suffixes -2, -3, ...
func (s *slugger) name(title, docID string) string {
	id := slugify(docID)
	base := slugify(title)
	if base == "" {
		base = id
	}
	if base == "" {
		base = "article"
	}
	cands := []string{base}
	if id != "" && id != base {
		cands = append(cands, trimSlug(base, len(id)+1)+"-"+id)
	}
	for _, c := range cands {
		if !s.used[c] {
			s.used[c] = true
			return c
		}
	}
	for n := 2; ; n++ {
		suf := "-" + strconv.Itoa(n)
		c := trimSlug(base, len(suf)) + suf
		if !s.used[c] {
			s.used[c] = true
			return c
		}
	}
}

// trimSlug shortens s so that room more bytes still fit in maxSlug.
func trimSlug(s string, room int) string {
	if len(s)+room <= maxSlug {
		return s
	}
	if maxSlug-room <= 0 {
		return ""
	}
	return strings.TrimRight(s[:maxSlug-room], "-")
}
