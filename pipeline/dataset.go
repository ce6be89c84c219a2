package pipeline

import "time"

// Doc is everything known about one document: its records and its
// per-document views. Stages fill it in order.
type Doc struct {
	Seq        int // input order, used to keep output deterministic
	Article    Article
	Document   Document
	Paragraphs []Paragraph
	Sentences  []Sentence
	Mentions   []Mention
	Entities   []Entity // ordered by salience, highest first
	Events     []Event  // ordered by date, then position
	Quantities []Quantity
	Themes     []Theme // ordered by score, highest first
	Relations  []Relation
	// Actors is the per-document actor comparison (computed by aggregate).
	Actors []ActorRow
	// Countries are the country rows of Actors in comparison order: the
	// members of the document's leading region first (computed by aggregate).
	Countries []ActorRow
	// KeyPoints are the sent IDs of the key points in document order.
	KeyPoints []string
}

// Sentence returns the sentence with the given ID, or nil.
func (d *Doc) Sentence(id string) *Sentence {
	for i := range d.Sentences {
		if d.Sentences[i].SentID == id {
			return &d.Sentences[i]
		}
	}
	return nil
}

// Entity returns the entity with the given ID, or nil.
func (d *Doc) Entity(id string) *Entity {
	for i := range d.Entities {
		if d.Entities[i].EntityID == id {
			return &d.Entities[i]
		}
	}
	return nil
}

// Failure is an input or document that could not be processed.
type Failure struct {
	Input string `json:"input"`
	Stage string `json:"stage"` // source, normalize, ..., export
	Err   string `json:"error"`
}

// RunInfo describes one run.
type RunInfo struct {
	ID      string    `json:"run_id"`
	Started time.Time `json:"started"` // from the run's clock (SOURCE_DATE_EPOCH when set)
	Version string    `json:"version"`
	Inputs  []string  `json:"inputs"`
}

// Dataset is what exporters render: every document with its records, and
// the run-level views computed once by aggregate.
type Dataset struct {
	Run      RunInfo
	Docs     []*Doc // in input order
	Failures []Failure
	Views    Views
}

// Views are the run-level comparison views. Exporters render these and
// never compute their own numbers.
type Views struct {
	Actors       []ActorRow        `json:"actors"`    // all entities across the run, by salience
	Countries    []ActorRow        `json:"countries"` // countries only, same order
	ThemeByActor Matrix            `json:"theme_by_actor"`
	ThemeByDoc   Matrix            `json:"theme_by_doc"`
	Timeline     []TimelineRow     `json:"timeline"` // every event of the run, sorted by date
	DocCompare   DocComparison     `json:"doc_compare"`
	Totals       Totals            `json:"totals"`
	ThemeLabels  map[string]string `json:"-"` // theme ID -> label, for renderers
}

// Totals are the key numbers of a run.
type Totals struct {
	Documents int `json:"documents"`
	Failed    int `json:"failed"`
	Words     int `json:"words"`
	Sentences int `json:"sentences"`
	Entities  int `json:"entities"` // distinct across the run
	Mentions  int `json:"mentions"`
	Events    int `json:"events"`
	Relations int `json:"relations"`
}

// ActorRow is one entity in an actor comparison (per document or per run).
type ActorRow struct {
	EntityID  string  `json:"entity_id"`
	Name      string  `json:"name"`
	Type      string  `json:"type"`
	ISO2      string  `json:"iso2,omitempty"`
	ISO3      string  `json:"iso3,omitempty"`
	Wikidata  string  `json:"wikidata,omitempty"`
	Documents int     `json:"documents"`
	Mentions  int     `json:"mentions"`
	Salience  float64 `json:"salience"` // per document: the entity's salience; per run: the sum of per-document saliences over the number of documents (mean prominence across the pack)
	Tone      float64 `json:"tone"`
	// Themes are the entity's themes with the share of its sentences that
	// carry each theme, strongest first.
	Themes []ThemeScore `json:"themes,omitempty"`
	// KeyStatement is the most salient sentence about the entity.
	KeyStatement    string `json:"key_statement"`
	KeyStatementDoc string `json:"key_statement_doc"`
	KeyStatementRef string `json:"key_statement_sent"`
	// FirstMention is "<doc_id>:<sent_id>" of the first mention.
	FirstMention string `json:"first_mention"`
	// Evidence lists "<doc_id>:<sent_id>" of every sentence that mentions it.
	Evidence []string `json:"evidence,omitempty"`
}

// ThemeScore is a theme with a score.
type ThemeScore struct {
	Theme string  `json:"theme"`
	Label string  `json:"label"`
	Score float64 `json:"score"`
}

// Matrix is a labelled table of numbers (e.g. theme x actor).
type Matrix struct {
	RowIDs    []string    `json:"row_ids"`
	RowLabels []string    `json:"row_labels"`
	ColIDs    []string    `json:"col_ids"`
	ColLabels []string    `json:"col_labels"`
	Values    [][]float64 `json:"values"` // [row][col]
}

// TimelineRow is one event on the run's timeline.
type TimelineRow struct {
	Event
	DocTitle string `json:"doc_title"`
	// SortKey is the first day the date covers (YYYY-MM-DD), empty for
	// unresolved relative dates, which sort last.
	SortKey string `json:"sort_key"`
}

// DocComparison compares every pair of documents of a run.
type DocComparison struct {
	DocIDs []string    `json:"doc_ids"`
	Titles []string    `json:"titles"`
	Sim    [][]float64 `json:"similarity"` // cosine over TF-IDF, [i][j]
	Pairs  []DocPair   `json:"pairs"`      // pairs with anything in common, most similar first
}

// DocPair is one pair in a document comparison.
type DocPair struct {
	A              string   `json:"a"`
	B              string   `json:"b"`
	Similarity     float64  `json:"similarity"`
	SharedEntities []string `json:"shared_entities"`
	SharedThemes   []string `json:"shared_themes"`
	NearDuplicate  bool     `json:"near_duplicate"`
}
