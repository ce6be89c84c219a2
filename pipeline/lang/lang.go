// Package lang is the pipeline stage that sets Document.Language: script
// rules first (kana means Japanese, Hangul Korean, Han without kana Chinese,
// Kazakh- or Uzbek-specific Cyrillic letters Kazakh or Uzbek, Persian
// letters Persian), then whatlanggo's trigram model restricted to the
// languages a briefing is likely to meet. An article's declared language
// (HTML lang, feed language) is kept when detection is unsure; with
// neither, the language is "und".
//
// For a document that is not English it adds one note to Document.Notes
// naming the English-only stages, so a reader knows why entities, themes,
// tone or key points may be thin.
package lang

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"github.com/briefpack/briefpack/pipeline"
)

// Undetermined is the BCP 47 tag for an unknown language.
const Undetermined = "und"

// Thresholds of whatlanggo's confidence (0..1, the margin between the best
// and the second-best language).
const (
	// SureConfidence: at or above it (with MinLetters letters) the detected
	// language wins over a declared one.
	SureConfidence = 0.8
	// LikelyConfidence: at or above it a detection is used when no language
	// was declared.
	LikelyConfidence = 0.5
	// MinLetters is the fewest letters for a sure trigram detection.
	MinLetters = 40
	// maxBytes of text are counted for the script rules; an article's
	// language shows in its first pages.
	maxBytes = 20000
	// sampleBytes of text (half from the start, half from the middle) go to
	// the trigram model, whose cost grows with the text.
	sampleBytes = 1024
)

// Languages whatlanggo may choose from, by script. Dutch and Polish stay
// out: on short texts they steal German and Czech/Slovak.
var (
	latinLangs    = []whatlanggo.Lang{whatlanggo.Eng, whatlanggo.Fra, whatlanggo.Deu, whatlanggo.Spa, whatlanggo.Por, whatlanggo.Ita, whatlanggo.Tur, whatlanggo.Ces, whatlanggo.Uzb, whatlanggo.Ind, whatlanggo.Vie, whatlanggo.Azj, whatlanggo.Tuk}
	cyrillicLangs = []whatlanggo.Lang{whatlanggo.Rus, whatlanggo.Ukr, whatlanggo.Bel, whatlanggo.Bul, whatlanggo.Srp, whatlanggo.Mkd}
	arabicLangs   = []whatlanggo.Lang{whatlanggo.Arb, whatlanggo.Pes, whatlanggo.Urd}
)

var iso = map[whatlanggo.Lang]string{
	whatlanggo.Pes: "fa", whatlanggo.Arb: "ar", whatlanggo.Azj: "az", whatlanggo.Cmn: "zh",
}

// names of the languages briefpack is likely to meet, for notes.
var names = map[string]string{
	"en": "English", "ru": "Russian", "kk": "Kazakh", "uz": "Uzbek", "ja": "Japanese", "zh": "Chinese",
	"ko": "Korean", "fr": "French", "de": "German", "es": "Spanish", "pt": "Portuguese", "it": "Italian",
	"ar": "Arabic", "tr": "Turkish", "sk": "Slovak", "cs": "Czech", "fa": "Persian", "uk": "Ukrainian",
	"be": "Belarusian", "bg": "Bulgarian", "sr": "Serbian", "mk": "Macedonian", "ur": "Urdu", "id": "Indonesian",
	"vi": "Vietnamese", "az": "Azerbaijani", "tk": "Turkmen", "ky": "Kyrgyz", "tg": "Tajik",
}

// Name returns the English name of a language code, or the code.
func Name(code string) string {
	if n, ok := names[code]; ok {
		return n
	}
	return code
}

// Result is a detection.
type Result struct {
	Lang       string  // ISO 639-1 (or "und")
	Confidence float64 // 0..1
	Sure       bool    // script rule, or a confident trigram detection on enough letters
	Rule       string  // what decided: "script", "trigram", "none"
}

// Detect returns the language of text.
func Detect(text string) Result {
	text = cut(text, 0, maxBytes)
	var c counts
	c.count(text)
	if c.letters == 0 {
		return Result{Lang: Undetermined, Rule: "none"}
	}
	cjk := c.han + c.kana
	switch c.dominant() {
	case "cjk":
		if c.kana >= 3 || c.kana*20 >= cjk {
			return Result{Lang: "ja", Confidence: 1, Sure: true, Rule: "script"}
		}
		if c.hangul > c.kana {
			return Result{Lang: "ko", Confidence: 1, Sure: true, Rule: "script"}
		}
		return Result{Lang: "zh", Confidence: 1, Sure: true, Rule: "script"}
	case "hangul":
		return Result{Lang: "ko", Confidence: 1, Sure: true, Rule: "script"}
	case "cyrillic":
		// whatlanggo's confidence is the margin between the two best
		// languages, and Russian, Ukrainian, Belarusian and Bulgarian are
		// close: letters decide instead.
		sure := c.letters >= MinLetters
		switch {
		case c.kazakh >= 2 && c.ukrainian == 0 && c.kazakh >= c.uzbekCyr:
			return Result{Lang: "kk", Confidence: 1, Sure: true, Rule: "script"}
		case c.uzbekCyr > 0 && c.byelorussianI == 0:
			return Result{Lang: "uz", Confidence: 1, Sure: true, Rule: "script"}
		case c.uzbekCyr > 0:
			return Result{Lang: "be", Confidence: 1, Sure: sure, Rule: "script"}
		case c.ukrainian > 0 || c.byelorussianI > 0:
			return Result{Lang: "uk", Confidence: 1, Sure: sure, Rule: "script"}
		}
		return Result{Lang: "ru", Confidence: 1, Sure: sure, Rule: "script"}
	case "arabic":
		r := trigram(text, arabicLangs, c)
		if c.persian > 0 && r.Lang == "ar" {
			r.Lang, r.Sure = "fa", false
		}
		return r
	case "latin":
		r := trigram(text, latinLangs, c)
		if r.Lang == "cs" || c.slovak+c.czech > 0 || !r.Sure && c.westSlavic >= 2 {
			// whatlanggo has no Slovak: tell Slovak from Czech by their
			// own letters and function words.
			sk, cs := slovakCzech(text, c)
			switch {
			case sk > cs:
				return Result{Lang: "sk", Confidence: 1, Sure: c.letters >= MinLetters && sk >= 2, Rule: "script"}
			case cs > sk:
				return Result{Lang: "cs", Confidence: 1, Sure: c.letters >= MinLetters && cs >= 2, Rule: "script"}
			}
		}
		return r
	}
	info := whatlanggo.Detect(sample(text))
	if code := code(info.Lang); code != "" {
		return Result{Lang: code, Confidence: info.Confidence, Sure: info.IsReliable() && c.letters >= MinLetters, Rule: "trigram"}
	}
	return Result{Lang: Undetermined, Rule: "none"}
}

// sample returns up to sampleBytes of text: its start and its middle.
func sample(text string) string {
	if len(text) <= sampleBytes {
		return text
	}
	half := sampleBytes / 2
	mid := len(text) / 2
	return cut(text, 0, half) + " " + cut(text, mid, mid+half)
}

// cut returns text[from:to] moved to rune boundaries.
func cut(text string, from, to int) string {
	for from > 0 && from < len(text) && !utf8.RuneStart(text[from]) {
		from++
	}
	if to > len(text) {
		to = len(text)
	}
	for to > from && to < len(text) && !utf8.RuneStart(text[to]) {
		to--
	}
	if from >= to {
		return "" // a run of continuation bytes (invalid UTF-8) longer than the span
	}
	return text[from:to]
}

func trigram(text string, langs []whatlanggo.Lang, c counts) Result {
	text = sample(text)
	wl := make(map[whatlanggo.Lang]bool, len(langs))
	for _, l := range langs {
		wl[l] = true
	}
	info := whatlanggo.DetectWithOptions(text, whatlanggo.Options{Whitelist: wl})
	code := code(info.Lang)
	if code == "" {
		return Result{Lang: Undetermined, Rule: "none"}
	}
	return Result{Lang: code, Confidence: info.Confidence, Sure: info.Confidence >= SureConfidence && c.letters >= MinLetters, Rule: "trigram"}
}

func code(l whatlanggo.Lang) string {
	if c, ok := iso[l]; ok {
		return c
	}
	if l < 0 {
		return ""
	}
	return l.Iso6391()
}

// Function words that differ between Slovak and Czech.
var (
	slovakWords = map[string]bool{"sa": true, "ktorý": true, "ktorá": true, "ktoré": true, "ktorí": true, "ktorého": true,
		"aj": true, "ako": true, "alebo": true, "pre": true, "bolo": true, "boli": true, "bol": true, "sú": true, "čo": true,
		"tiež": true, "ešte": true, "len": true, "iba": true, "podľa": true, "vo": true, "zo": true, "ku": true, "keď": true,
		"však": true, "ich": false, "veľmi": true, "teraz": true, "mu": false, "ale": false}
	czechWords = map[string]bool{"se": true, "který": true, "která": true, "které": true, "kteří": true, "kterého": true,
		"i": true, "jak": true, "nebo": true, "pro": true, "bylo": true, "byli": true, "byl": true, "jsou": true, "co": true,
		"také": true, "ještě": true, "jen": true, "podle": true, "ve": true, "ze": true, "ke": true, "když": true,
		"však": false, "velmi": true, "nyní": true, "jsem": true, "jsme": true}
)

// slovakCzech scores text as Slovak and as Czech: two points per
// language-specific letter (ľ ĺ ŕ ä / ř ě ů; ô one point), one per
// function word (ktor-/kter- forms included) and per Slovak infinitive in
// -ť, and two for Slovak when a text of some length has none of Czech's
// ř ě ů, which nearly every Czech paragraph has.
func slovakCzech(text string, c counts) (sk, cs int) {
	sk, cs = 2*c.slovak+c.slovakO, 2*c.czech
	if c.czech == 0 && c.letters >= 60 {
		sk += 2
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch {
		case slovakWords[w], strings.HasPrefix(w, "ktor"), strings.HasSuffix(w, "ť") && len(w) > 3:
			sk++
		case czechWords[w], strings.HasPrefix(w, "kter"):
			cs++
		}
		if strings.ContainsRune(w, 'ä') {
			sk += 2
		}
	}
	return sk, cs
}

// counts of letters by script and of tell-tale letters.
type counts struct {
	letters, latin, cyrillic, han, kana, hangul, arabic, other int
	kazakh, uzbekCyr, ukrainian, persian, slovak, slovakO      int
	czech, byelorussianI, westSlavic                           int
}

func (c *counts) count(s string) {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		c.letters++
		switch {
		case r < 0x250 && unicode.Is(unicode.Latin, r):
			c.latin++
			switch unicode.ToLower(r) {
			case 'č', 'š', 'ž', 'ť', 'ď', 'ň', 'ý':
				c.westSlavic++
			case 'ľ', 'ĺ', 'ŕ':
				c.westSlavic++
				c.slovak++
			case 'ô': // also French and Portuguese
				c.slovakO++
			case 'ř', 'ě', 'ů':
				c.westSlavic++
				c.czech++
			}
		case unicode.Is(unicode.Cyrillic, r):
			c.cyrillic++
			switch unicode.ToLower(r) {
			case 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ':
				c.kazakh++
			case 'ў', 'ҳ':
				c.uzbekCyr++
			case 'ї', 'є', 'ґ':
				c.ukrainian++
			case 'і':
				c.byelorussianI++ // Ukrainian, Belarusian (and Kazakh)
			}
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			c.kana++
		case unicode.Is(unicode.Han, r):
			c.han++
		case unicode.Is(unicode.Hangul, r):
			c.hangul++
		case unicode.Is(unicode.Arabic, r):
			c.arabic++
			switch r {
			case 'پ', 'چ', 'ژ', 'گ':
				c.persian++
			}
		case unicode.Is(unicode.Latin, r):
			c.latin++
		default:
			c.other++
		}
	}
}

// dominant names the script with the most letters.
func (c *counts) dominant() string {
	best, name := 0, ""
	for _, s := range []struct {
		n    int
		name string
	}{{c.latin, "latin"}, {c.cyrillic, "cyrillic"}, {c.han + c.kana, "cjk"}, {c.hangul, "hangul"}, {c.arabic, "arabic"}, {c.other, "other"}} {
		if s.n > best {
			best, name = s.n, s.name
		}
	}
	return name
}

// Decide combines a detection with the declared language: a sure
// detection wins; else the declared language; else a likely detection;
// else "und".
func Decide(r Result, declared string) string {
	declared = primary(declared)
	switch {
	case r.Sure && r.Lang != Undetermined:
		return r.Lang
	case declared != "":
		return declared
	case r.Lang != Undetermined && r.Confidence >= LikelyConfidence:
		return r.Lang
	}
	return Undetermined
}

func primary(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	s = strings.ToLower(s)
	if len(s) < 2 || len(s) > 3 || s == Undetermined {
		return ""
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return s
}

// Note is the note added to a document that is not in English.
func Note(code string) string {
	const stages = "entity rules, dates written in words, themes, tone, relations and key-point stemming"
	if code == Undetermined {
		return "language: could not be determined; the English-only stages (" + stages + ") may be incomplete"
	}
	return fmt.Sprintf("language: %s (%s); the English-only stages (%s) were skipped or ran partly, so their results may be incomplete", Name(code), code, stages)
}

// New returns the "lang" stage.
func New() pipeline.Stage { return stage{} }

type stage struct{}

func (stage) Name() string { return "lang" }

// Process sets Document.Language from Document.Text (Article.Text when the
// document has no text yet) and the declared language, and notes a
// non-English result.
func (stage) Process(ctx context.Context, d *pipeline.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	text := d.Document.Text
	if text == "" {
		text = d.Article.Text
	}
	declared := d.Article.Language
	if declared == "" {
		declared = d.Document.Language
	}
	code := Decide(Detect(text), declared)
	d.Document.Language = code
	if code != "en" {
		note := Note(code)
		for _, n := range d.Document.Notes {
			if n == note {
				return nil
			}
		}
		d.Document.Notes = append(d.Document.Notes, note)
	}
	return nil
}
