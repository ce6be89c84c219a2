package dates

// Duration units.
const (
	uNone = iota
	uDay
	uWeek
	uMonth
	uYear
	uDecade
	uHour
	uMinute
	uCentury
)

var unitNames = [...]string{"", "day", "week", "month", "year", "decade", "hour", "minute", "century"}

// Word flags.
const (
	fYearCtx     = 1 << iota // a preposition or noun that puts a bare year in a date context
	fMonthCtx                // a word that puts a bare month name in a date context
	fRel                     // this, last, next
	fNotYear                 // page, number, flight: the number after it is not a year
	fStop                    // function word: not a count noun
	fFuture                  // will, 'll, due, expected: the sentence talks about the future
	fModifier                // early, late, mid
	fYearVerb                // was, saw, marked: "2004 was a good year"
	fDeterminer              // the, a, its: "the 2004 election"
	fRef                     // page, number, flight: the number after it is a reference, not a year or count
	fDayWord                 // today, tonight, yesterday, tomorrow
	fWeakYearCtx             // for, into, to: a year only when no count noun follows
	fYearNoun                // profits, season, election: "2005 profits" names a year
	fClock                   // GMT, hours: "1830 GMT" is a time of day
)

// wordInfo is what the parser knows about one lower-case word.
type wordInfo struct {
	month   int8    // 1-12
	abbr    bool    // abbreviated month name ("Aug")
	weekday int8    // 1 Monday .. 7 Sunday
	season  int8    // 1 spring .. 4 winter
	unit    int8    // duration unit
	num     int32   // number word value (valid when isNum)
	isNum   bool    // one, two, ... ninety, a/an (value 1, only before a unit)
	scale   float64 // million, billion, bn ...
	cur     string  // currency code of a currency word
	flags   uint16
}

var words = map[string]wordInfo{}

func addFlag(flag uint16, ws ...string) {
	for _, w := range ws {
		wi := words[w]
		wi.flags |= flag
		words[w] = wi
	}
}

func init() {
	months := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	abbrs := []string{"jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	for i, m := range months {
		words[m] = wordInfo{month: int8(i + 1)}
		if abbrs[i] != "" {
			words[abbrs[i]] = wordInfo{month: int8(i + 1), abbr: true}
		}
	}
	words["sept"] = wordInfo{month: 9, abbr: true}
	for i, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		words[d] = wordInfo{weekday: int8(i + 1)}
	}
	for w, s := range map[string]int8{"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4} {
		words[w] = wordInfo{season: s}
	}
	for w, u := range map[string]int8{
		"day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek, "month": uMonth, "months": uMonth,
		"year": uYear, "years": uYear, "decade": uDecade, "decades": uDecade, "hour": uHour,
		"hours": uHour, "minute": uMinute, "minutes": uMinute, "century": uCentury, "centuries": uCentury,
	} {
		words[w] = wordInfo{unit: u}
	}
	nums := map[string]int32{
		"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
		"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
		"eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "dozen": 12,
	}
	for w, v := range nums {
		words[w] = wordInfo{num: v, isNum: true}
	}
	for w, s := range map[string]float64{
		"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6,
		"tn": 1e12, "m": 1e6, "k": 1e3, "trn": 1e12, "mln": 1e6, "bln": 1e9,
	} {
		words[w] = wordInfo{scale: s}
	}
	for w, c := range map[string]string{
		"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
		"yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "rouble": "RUB",
		"roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "tenge": "KZT", "sterling": "GBP",
		"won": "KRW", "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY",
		"rub": "RUB", "kzt": "KZT", "inr": "INR", "chf": "CHF", "francs": "CHF", "lira": "TRY",
		"uzs": "UZS", "sum": "", "pounds": "GBP",
	} {
		if c == "" {
			continue
		}
		wi := words[w]
		wi.cur = c
		words[w] = wi
	}
	addFlag(fYearCtx, "in", "since", "by", "until", "till", "from", "during", "before", "after",
		"around", "circa", "ca", "c", "early", "late", "mid", "of", "year", "fiscal", "fy",
		"spring", "summer", "autumn", "fall", "winter", "between", "through", "throughout",
		"as", "election", "elections", "census", "class", "vintage", "born", "died", "founded",
		"established", "built", "until", "pre", "post", "season", "budget", "olympics", "cup")
	addFlag(fMonthCtx, "in", "since", "until", "till", "by", "during", "from", "before", "after",
		"early", "late", "mid", "last", "next", "this", "of", "end", "start", "beginning", "through")
	addFlag(fRel, "this", "last", "next")
	addFlag(fDayWord, "today", "tonight", "yesterday", "tomorrow")
	addFlag(fClock, "gmt", "bst", "utc", "cet", "cest", "est", "edt", "et", "pt", "pst", "pdt",
		"hours", "hrs", "hr", "h", "local", "jst", "msk", "ist")
	addFlag(fWeakYearCtx, "for", "into", "including", "to", "about", "on", "at", "than", "despite",
		"throughout", "beyond", "for", "ahead", "like", "unlike", "versus", "vs", "v", "against")
	addFlag(fYearNoun, "profits", "profit", "revenues", "revenue", "sales", "earnings", "results",
		"figures", "levels", "level", "rate", "rates", "period", "budget", "season", "election",
		"elections", "campaign", "deadline", "target", "targets", "forecast", "forecasts",
		"accounts", "report", "output", "growth", "census", "olympics", "games", "tournament",
		"championship", "vintage", "edition", "crisis", "war", "attacks", "attack", "law", "act",
		"agreement", "treaty", "deal", "summit", "plan", "strategy", "data", "total", "high", "low",
		"peak", "figure", "estimate", "estimates", "quarter", "half", "fiscal", "financial",
		"season's", "general", "presidential", "parliamentary", "world", "cup", "final", "finals",
		"survey", "study", "review", "calendar", "tax", "spending", "deficit", "surplus", "levels")
	addFlag(fModifier, "early", "late", "mid", "earlier", "later")
	addFlag(fRef|fNotYear, "p", "pp", "page", "pages", "no", "nos", "number", "numbers", "vol", "volume",
		"chapter", "section", "article", "art", "flight", "route", "model", "room", "code", "id",
		"ref", "tel", "phone", "lot", "item", "rule", "paragraph", "para", "line", "bus", "size",
		"version", "resolution", "platform", "gate", "seat", "row", "unit", "ward", "district",
		"precinct", "index", "rank", "ranked", "fig", "figure", "table", "annex", "appendix")
	addFlag(fNotYear, "score", "scored", "points", "top", "over", "under",
		"about", "nearly", "almost", "some", "than", "exceed", "exceeded", "total", "totalled",
		"totaled", "reached", "to", "at", "with", "only", "just", "least", "more", "fewer", "less")
	addFlag(fStop, "of", "and", "or", "to", "in", "on", "at", "for", "from", "by", "with", "than",
		"as", "is", "was", "were", "are", "be", "been", "has", "had", "have", "will", "would",
		"the", "a", "an", "per", "more", "less", "fewer", "other", "others", "new", "additional",
		"extra", "this", "that", "these", "those", "it", "its", "their", "his", "her", "our",
		"out", "up", "down", "over", "under", "into", "onto", "off", "about", "after", "before",
		"while", "when", "which", "who", "whom", "but", "so", "if", "not", "no", "also", "all",
		"each", "both", "some", "any", "such", "only", "just", "still", "yet", "then", "there",
		"here", "now", "since", "until", "through", "during", "between", "among", "against",
		"times", "percent", "cent", "old", "ago", "later", "earlier", "more", "or", "nor", "do",
		"did", "does", "can", "could", "may", "might", "must", "shall", "should", "said", "says",
		"say", "according", "against", "versus", "vs", "i", "we", "you", "he", "she", "they",
		"my", "your", "them", "us", "him", "me", "where", "why", "how", "what", "whether",
		"being", "because", "though", "although", "even", "ever", "never", "again", "too",
		"very", "much", "many", "most", "least", "last", "next", "first", "second", "third")
	addFlag(fFuture, "will", "ll", "due", "expected", "scheduled", "plans", "planned", "shall",
		"upcoming", "tomorrow", "next", "going", "set", "would")
	addFlag(fYearVerb, "was", "is", "will", "saw", "had", "has", "marked", "brought", "began",
		"ended", "proved", "became", "would", "could", "might", "also", "remains", "remained")
	addFlag(fDeterminer, "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "last")
}

// maxWord is the length of the longest word in the table.
const maxWord = 16

// known[first letter][length] says whether any table word has that first
// letter and length: a cheap filter before the map lookup.
var known [26][maxWord + 1]bool

func init() {
	for w := range words {
		if len(w) <= maxWord && w[0] >= 'a' && w[0] <= 'z' {
			known[w[0]-'a'][len(w)] = true
		}
	}
}

// lookup returns what is known about a word, case-insensitively and
// without allocating.
func lookup(w string) (wordInfo, bool) {
	if len(w) == 0 || len(w) > maxWord {
		return wordInfo{}, false
	}
	c0 := w[0] | 0x20
	if c0 < 'a' || c0 > 'z' || !known[c0-'a'][len(w)] {
		return wordInfo{}, false
	}
	var buf [maxWord]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	wi, ok := words[string(buf[:len(w)])]
	return wi, ok
}

// currencySymbols maps a currency sign to its ISO 4217 code. "$" is read
// as US dollars and "¥" as Japanese yen unless a prefix says otherwise.
var currencySymbols = map[string]string{
	"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW",
	"₸": "KZT", "₺": "TRY", "₴": "UAH", "元": "CNY",
}

// dollarPrefixes are letters glued before "$" ("US$", "HK$").
var dollarPrefixes = map[string]string{
	"US": "USD", "HK": "HKD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "NZ": "NZD",
	"S": "SGD", "NT": "TWD", "R": "BRL",
}
