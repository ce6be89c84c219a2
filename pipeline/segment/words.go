package segment

// Word lists used by the boundary rules. Keys are lower case unless noted.

// titles are prepositive abbreviations: a title is followed by a name, so a
// period after one never ends a sentence ("Mr. Smith", "Lt. Col. Jones").
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "messrs": true, "mme": true, "mlle": true,
	"dr": true, "prof": true, "gen": true, "gens": true, "sen": true, "sens": true,
	"rep": true, "reps": true, "gov": true, "govs": true, "lt": true, "col": true,
	"capt": true, "cpt": true, "sgt": true, "maj": true, "adm": true, "cmdr": true,
	"cdr": true, "cpl": true, "pvt": true, "brig": true, "rev": true, "hon": true,
	"pres": true, "supt": true, "insp": true, "det": true, "amb": true, "atty": true,
	"fr": true, "mt": true, "vs": true, "v": true, "rt": true,
	"mssrs": true, "cf": true, "viz": true,
}

// abbrevs are abbreviations that usually sit inside a sentence but may end
// one ("Smith & Co. It closed."). A period after one ends the sentence only
// when the next word is a typical sentence opener.
var abbrevs = map[string]bool{
	"inc": true, "co": true, "corp": true, "ltd": true, "llc": true,
	"plc": true, "jr": true, "sr": true, "bros": true, "esq": true, "st": true,
	"al": true, "approx": true, "appt": true, "apt": true, "est": true,
	"dept": true, "misc": true, "ca": true, "ave": true, "blvd": true,
	"rd": true, "hwy": true, "ln": true, "sq": true, "eds": true, "repr": true,
	"ft": true, "lb": true, "lbs": true, "oz": true, "km": true, "kg": true,
	"hr": true, "hrs": true, "yr": true, "yrs": true, "wk": true, "wks": true,
	"univ": true, "assn": true, "assoc": true, "intl": true, "natl": true,
	"govt": true, "mfg": true, "mgr": true, "dir": true, "ibid": true,
	"jan": true, "feb": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "tue": true, "tues": true, "thu": true, "thur": true,
	"thurs": true, "fri": true, "ala": true, "ariz": true, "ark": true,
	"calif": true, "colo": true, "conn": true, "fla": true, "ga": true,
	"kan": true, "kans": true, "ky": true, "md": true, "mich": true,
	"minn": true, "nev": true, "okla": true, "penn": true, "tenn": true,
	"tex": true, "va": true, "vt": true, "wis": true, "wyo": true, "dak": true,
	"neb": true, "pct": true, "bn": true, "mn": true, "tn": true, "dol": true,
	"mph": true, "sqm": true, "bldg": true, "etc": true,
}

// abbrevEndsOnCapital lists abbreviations that end a sentence whenever a
// capitalised word follows ("apples, pears etc. Japan ...").
var abbrevEndsOnCapital = map[string]bool{"etc": true}

// neverEnd are dotted abbreviations that never end a sentence; the
// honorifics among them ("H.E." for His or Her Excellency, "H.R.H.") are
// titles before a name.
var neverEnd = map[string]bool{"e.g": true, "i.e": true, "cf": true, "viz": true, "vs": true,
	"h.e": true, "h.h": true, "h.r.h": true, "h.m": true, "h.i.m": true, "h.s.h": true}

// excl are names that contain an exclamation mark ("Yahoo! Inc.").
var excl = map[string]bool{"yahoo": true, "jeopardy": true, "wham": true, "oklahoma": true}

// starters are words that typically open a sentence. After an ambiguous
// abbreviation ("Co.", "U.S.", "Jr.") a capitalised starter means the
// period ended the sentence.
var starters = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true,
	"they": true, "we": true, "i": true, "you": true, "this": true, "that": true,
	"these": true, "those": true, "there": true, "here": true, "his": true,
	"her": true, "its": true, "their": true, "our": true, "my": true, "your": true,
	"but": true, "and": true, "or": true, "so": true, "yet": true, "however": true,
	"meanwhile": true, "moreover": true, "nonetheless": true, "nevertheless": true,
	"furthermore": true, "still": true, "then": true, "thus": true, "hence": true,
	"in": true, "on": true, "at": true, "for": true, "after": true, "before": true,
	"when": true, "while": true, "if": true, "as": true, "although": true,
	"though": true, "because": true, "since": true, "what": true, "who": true,
	"why": true, "how": true, "where": true, "which": true, "some": true,
	"many": true, "most": true, "all": true, "both": true, "each": true,
	"every": true, "no": true, "not": true, "one": true, "other": true,
	"others": true, "several": true, "such": true, "instead": true, "also": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "last": true,
	"next": true, "earlier": true, "later": true, "now": true, "today": true,
	"yesterday": true, "tomorrow": true, "did": true, "do": true, "does": true,
	"is": true, "are": true, "was": true, "were": true, "can": true, "will": true,
	"would": true, "should": true, "could": true, "let": true, "please": true,
	"according": true, "despite": true, "during": true, "from": true, "to": true,
	"with": true, "without": true, "by": true, "under": true, "over": true,
	"only": true, "even": true, "yes": true, "indeed": true, "overall": true,
	"officials": true, "analysts": true, "critics": true, "experts": true,
}

// fragmentOpeners are prepositions that open an adverbial of time; a
// fragment like "At 5 a.m." is not a sentence on its own.
var fragmentOpeners = map[string]bool{
	"at": true, "by": true, "around": true, "about": true, "before": true,
	"after": true, "until": true, "till": true, "from": true, "since": true,
	"on": true, "shortly": true, "just": true, "early": true, "late": true,
}

// functionWords end a wrapped line but not a heading.
var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "and": true, "or": true,
	"to": true, "in": true, "on": true, "at": true, "for": true, "with": true,
	"by": true, "from": true, "that": true, "which": true, "as": true, "is": true,
	"are": true, "was": true, "were": true, "be": true, "but": true, "its": true,
	"their": true, "his": true, "her": true, "this": true, "into": true, "than": true,
}

// numAbbrevs are abbreviations that precede a number ("No. 5", "p. 55",
// "Art. 3"); before anything else they are ordinary words ("He said no.").
var numAbbrevs = map[string]bool{
	"no": true, "nos": true, "nr": true, "art": true, "arts": true, "fig": true,
	"figs": true, "vol": true, "vols": true, "ch": true, "chap": true, "sec": true,
	"sect": true, "para": true, "pp": true, "p": true, "op": true, "tel": true,
	"ext": true, "ca": true, "n°": true, "pt": true, "pts": true, "ed": true,
}

// labels are nouns followed by a letter that is a label, not an initial
// ("Appendix A.", "plan B.", "vitamin C.").
var labels = map[string]bool{
	"appendix": true, "annex": true, "exhibit": true, "section": true,
	"figure": true, "table": true, "group": true, "class": true, "type": true,
	"vitamin": true, "category": true, "grade": true, "level": true,
	"part": true, "schedule": true, "article": true, "chapter": true,
	"plan": true, "option": true, "block": true, "building": true, "zone": true,
	"phase": true, "stage": true, "tier": true, "division": true, "series": true,
	"model": true, "unit": true, "row": true, "gate": true, "platform": true,
}
