// Package pipeline holds the records that flow between briefpack's stages, the
// per-document bundle (Doc), the per-run Dataset with its views, and the stage
// runner. Stages live in sub-packages and only import this package.
//
// Offsets: stages work in UTF-8 byte offsets while a document is processed;
// the runner converts every Start/End to Unicode code point offsets (what
// text[start:end] means in Python, JavaScript after NFC, and spreadsheets)
// just before the document leaves per-document processing. Records that
// reach exporters therefore always hold code point offsets into
// Document.Text.
package pipeline

import "time"

// Article is what a source yields: text plus whatever metadata the input
// carried. Sources never do NLP.
type Article struct {
	Source     string    // input key: path, URL, "stdin", feed URL + "#" + item link
	SourceKind string    // text, markdown, html, feed, url, stdin
	URL        string    // canonical URL when known
	Title      string    // title from metadata or title line
	Byline     string    // author(s)
	Site       string    // site or feed name
	Published  time.Time // zero when unknown
	// PublishedPrecision is "day" or "time" when Published is set ("day" when
	// only a date was given).
	PublishedPrecision string
	Language           string // BCP 47 primary tag when known ("en")
	Description        string
	// Text is the article body, UTF-8, NFC, "\n" line ends. Paragraphs are
	// separated by a line break; Blocks, when set, take precedence.
	Text string
	// Blocks optionally carries structure found by the source (HTML headings,
	// lists, block quotes; Markdown blocks). When nil, normalize derives
	// paragraphs from Text.
	Blocks []Block
}

// Block is one structural unit of an article as the source saw it.
type Block struct {
	Kind string // one of the Para* kinds
	Text string
}

// Paragraph kinds.
const (
	ParaBody       = "body"
	ParaEditorNote = "editor_note"
	ParaHeading    = "heading"
	ParaQuote      = "quote"
	ParaListItem   = "list_item"
)

// Document is one article after processing.
type Document struct {
	DocID      string   `json:"doc_id"`
	Source     string   `json:"source"`
	Sources    []string `json:"sources,omitempty"` // every input that gave this text
	SourceKind string   `json:"source_kind"`
	URL        string   `json:"url,omitempty"`
	Title      string   `json:"title"`
	Byline     string   `json:"byline,omitempty"`
	Site       string   `json:"site,omitempty"`
	Published  string   `json:"published,omitempty"` // ISO 8601 date or date-time
	Language   string   `json:"language"`
	// Notes lists caveats a reader must know, e.g. the English-only stages
	// that did not run on a non-English article.
	Notes         []string `json:"notes,omitempty"`
	Words         int      `json:"words"`
	Paragraphs    int      `json:"paragraphs"`
	Sentences     int      `json:"sentences"`
	Summary       string   `json:"summary"` // key points, in document order
	Tone          float64  `json:"tone"`
	ContentSHA256 string   `json:"content_sha256"`
	Text          string   `json:"text"` // normalized text the offsets point into
}

// Paragraph is one block of the normalized text.
type Paragraph struct {
	DocID  string `json:"doc_id"`
	ParaNo int    `json:"para_no"` // 1-based
	Kind   string `json:"kind"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
}

// Sentence is one sentence with its offsets in Document.Text.
type Sentence struct {
	DocID  string `json:"doc_id"`
	SentID string `json:"sent_id"` // p<para>s<sent>, both 1-based
	ParaNo int    `json:"para_no"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	// KeyRank is the sentence's rank among the key points (1 = most central);
	// 0 when it is not a key point.
	KeyRank int      `json:"key_rank"`
	Tone    float64  `json:"tone"`
	Themes  []string `json:"themes,omitempty"` // theme IDs
}

// Mention forms.
const (
	FormName    = "name"
	FormAlias   = "alias"
	FormAcronym = "acronym"
	FormDemonym = "demonym"
	FormMetonym = "metonym"
	FormShort   = "short" // later short form of a full name ("Karimov")
)

// Mention is one occurrence of an entity in a sentence.
type Mention struct {
	DocID    string `json:"doc_id"`
	SentID   string `json:"sent_id"`
	EntityID string `json:"entity_id"`
	Surface  string `json:"surface"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Form     string `json:"form"`
}

// Entity types.
const (
	TypeCountry      = "country"
	TypeRegion       = "region"
	TypeCity         = "city"
	TypePerson       = "person"
	TypeOrganization = "organization"
	TypeFramework    = "framework"
	TypeEvent        = "event"
)

// Entity is a canonical entity as it appears in one document.
type Entity struct {
	DocID     string  `json:"doc_id"`
	EntityID  string  `json:"entity_id"` // ISO alpha-3 for countries, a stable slug otherwise
	Name      string  `json:"name"`
	Type      string  `json:"type"`
	ISO2      string  `json:"iso2,omitempty"`
	ISO3      string  `json:"iso3,omitempty"`
	Wikidata  string  `json:"wikidata,omitempty"`
	Mentions  int     `json:"mentions"`
	Salience  float64 `json:"salience"` // in [0,1]
	FirstSent string  `json:"first_sent"`
	Tone      float64 `json:"tone"` // mean tone of the sentences that mention it
}

// Date precisions.
const (
	PrecisionDay      = "day"
	PrecisionMonth    = "month"
	PrecisionYear     = "year"
	PrecisionDecade   = "decade"
	PrecisionRelative = "relative" // relative expression with no anchor date
)

// Event is a dated statement.
type Event struct {
	DocID     string   `json:"doc_id"`
	SentID    string   `json:"sent_id"`
	Date      string   `json:"date"`               // ISO 8601 to the precision known (2004, 2024-08, 2024-08-09); empty when relative and unresolved
	EndDate   string   `json:"end_date,omitempty"` // for ranges
	DateText  string   `json:"date_text"`
	Precision string   `json:"precision"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Entities  []string `json:"entities"` // entity IDs of the sentence
	Text      string   `json:"text"`     // the sentence
}

// Quantity is a number with a unit that is not a date ("20 years", "$5.2 million").
type Quantity struct {
	DocID  string  `json:"doc_id"`
	SentID string  `json:"sent_id"`
	Text   string  `json:"text"`
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"` // year, month, percent, USD, ...
	Kind   string  `json:"kind"` // duration, money, percent, count
	Start  int     `json:"start"`
	End    int     `json:"end"`
}

// Theme is a theme found in one document.
type Theme struct {
	DocID     string   `json:"doc_id"`
	Theme     string   `json:"theme"` // theme ID
	Label     string   `json:"label"`
	Score     float64  `json:"score"`     // in [0,1]
	Sentences int      `json:"sentences"` // sentences that match
	Evidence  []string `json:"evidence"`  // sent IDs, strongest first
}

// Relation kinds.
const (
	RelCooperation = "cooperation"
	RelDependence  = "dependence"
	RelRivalry     = "rivalry"
	RelThreat      = "threat"
	RelEconomic    = "economic"
	RelNeutral     = "neutral"
)

// Relation is a pair of entities linked in one sentence.
type Relation struct {
	DocID   string `json:"doc_id"`
	SentID  string `json:"sent_id"`
	Subject string `json:"subject"` // entity ID
	Object  string `json:"object"`  // entity ID
	Cue     string `json:"cue"`
	Kind    string `json:"kind"`
}

// EnglishOrUnknown reports whether the English-only stages should run on a
// document in language lang: English, or a language that could not be
// determined ("" or "und"). Only a text known to be in another language
// skips them.
func EnglishOrUnknown(lang string) bool {
	return lang == "" || lang == "und" || lang == "en" || len(lang) > 3 && lang[:3] == "en-"
}
