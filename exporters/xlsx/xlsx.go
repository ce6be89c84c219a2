// Package xlsx writes a briefpack run as one workbook, comparison.xlsx:
// an overview, the actor and country comparisons, theme matrices, the
// timeline with real dates, per-document metrics and similarity, and every
// record as a filterable Excel table.
//
// It renders only what the pipeline computed (the records of each document
// and the Dataset's views). Sheets that grow with the input are written with
// excelize's StreamWriter, so memory stays bounded on large runs.
package xlsx

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/pipeline"
)

func init() {
	exporters.Register("xlsx", New)
}

// FileName is the workbook's name in the run folder.
const FileName = "comparison.xlsx"

// Excel limits.
const (
	// MaxCellChars is the most characters (UTF-16 code units) a cell holds.
	MaxCellChars = excelize.TotalCellChars
	// MaxDataRows is the most data rows a sheet holds below its header row.
	MaxDataRows = excelize.TotalRows - 1
	// maxLinks caps the hyperlinks added to one sheet (Excel allows 65,530;
	// excelize adds them in quadratic time).
	maxLinks = 10000
	// maxSimDocs is the largest batch whose similarity matrix is drawn on the
	// Documents sheet; larger batches get only the Doc pairs table.
	maxSimDocs = 60
	// maxOverviewDocs caps the document list of the Overview sheet (a
	// normal, in-memory sheet); every document is on the Documents sheet.
	maxOverviewDocs = 500
)

// TruncationMarker ends a text cell cut to MaxCellChars.
const TruncationMarker = "… [truncated]"

// Exporter writes comparison.xlsx.
type Exporter struct {
	opts exporters.Options
	log  *slog.Logger
}

// New returns the workbook exporter. It reads Options.Version, Options.Now
// (document properties) and Options.Logger (warnings about truncated cells
// and rows beyond Excel's limits).
func New(opts exporters.Options) (exporters.Exporter, error) {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Exporter{opts: opts, log: log}, nil
}

// Export builds the workbook and writes it atomically as comparison.xlsx.
func (e *Exporter) Export(ctx context.Context, ds *pipeline.Dataset, dst *exporters.Dest) error {
	if ds == nil {
		return fmt.Errorf("xlsx: nil dataset")
	}
	err := dst.WriteFile(ctx, FileName, func(w io.Writer) error {
		return e.Write(ctx, w, ds)
	})
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

// Write builds the workbook for ds and writes it to w.
func (e *Exporter) Write(ctx context.Context, w io.Writer, ds *pipeline.Dataset) error {
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, ds: ds, opts: e.opts, log: e.log, ctx: ctx}
	if err := b.build(); err != nil {
		return err
	}
	if b.truncated > 0 {
		e.log.Warn("xlsx: text cells truncated to Excel's limit", "cells", b.truncated, "limit", MaxCellChars, "marker", TruncationMarker)
	}
	for _, sheet := range b.order {
		if n := b.omitted[sheet]; n > 0 {
			e.log.Warn("xlsx: rows beyond Excel's row limit left out; the CSV files have them all", "sheet", sheet, "rows", n)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// excelize assembles the zip in a bytes.Buffer; a zip writer bound to
	// w instead writes it out, holding only the compressed entries, which
	// it sorts so that the bytes do not depend on map order (sortzip.go).
	bw := bufio.NewWriterSize(w, 256<<10)
	var sz *sortedZip
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		sz = newSortedZip(bw)
		return sz
	})
	buf, err := f.WriteToBuffer()
	if sz != nil {
		sz.cleanup() // after an error excelize may not close the archive
	}
	if err != nil {
		return err
	}
	if buf.Len() != 0 {
		return fmt.Errorf("xlsx: unexpected %d bytes buffered by excelize", buf.Len())
	}
	return bw.Flush()
}

// book is one workbook being built.
type book struct {
	f    *excelize.File
	ds   *pipeline.Dataset
	opts exporters.Options
	log  *slog.Logger
	ctx  context.Context
	st   styles

	order     []string       // sheet names in tab order
	truncated int            // text cells cut to MaxCellChars
	omitted   map[string]int // sheet -> data rows beyond MaxDataRows

	sentRow   map[string]int // "<doc_id>:<sent_id>" -> row in Sentences (only link targets)
	docRow    map[string]int // doc_id -> row in Documents
	names     map[string]string
	leadTheme []themeCol
}

type themeCol struct{ id, label string }

// Sheet names, in tab order.
const (
	shOverview   = "Overview"
	shActors     = "Actors"
	shCountries  = "Countries"
	shThemes     = "Themes"
	shTimeline   = "Timeline"
	shDocuments  = "Documents"
	shPairs      = "Doc pairs"
	shSentences  = "Sentences"
	shMentions   = "Mentions"
	shEntities   = "Entities"
	shEvents     = "Events"
	shQuantities = "Quantities"
	shRelations  = "Relations"
	shDocThemes  = "Theme records"
	shParagraphs = "Paragraphs"
	shFailures   = "Failures"
)

var sheetOrder = []string{shOverview, shActors, shCountries, shThemes, shTimeline, shDocuments, shPairs,
	shSentences, shMentions, shEntities, shEvents, shQuantities, shRelations, shDocThemes, shParagraphs, shFailures}

func (b *book) build() error {
	b.order = sheetOrder
	b.omitted = map[string]int{}
	if err := b.f.SetSheetName("Sheet1", shOverview); err != nil {
		return err
	}
	for _, name := range b.order[1:] {
		if _, err := b.f.NewSheet(name); err != nil {
			return fmt.Errorf("xlsx: sheet %s: %w", name, err)
		}
	}
	// Before any stream: SetActiveSheet reads every sheet, and reading a
	// streamed sheet back would parse all of its rows into memory.
	b.f.SetActiveSheet(0)
	if err := b.newStyles(); err != nil {
		return fmt.Errorf("xlsx: styles: %w", err)
	}
	b.index()
	now := b.opts.Now.UTC()
	if b.opts.Now.IsZero() {
		now = b.ds.Run.Started.UTC()
	}
	creator := strings.TrimSpace("briefpack " + b.opts.Version)
	stamp := ""
	if !now.IsZero() {
		stamp = now.Format(time.RFC3339)
	}
	if err := b.f.SetDocProps(&excelize.DocProperties{
		Created:        stamp, // empty keeps excelize's fixed template date
		Modified:       stamp,
		Creator:        creator,
		LastModifiedBy: creator,
		Title:          "briefpack comparison " + b.ds.Run.ID,
		Subject:        "Actor, theme and timeline comparison",
		Language:       "en",
	}); err != nil {
		return fmt.Errorf("xlsx: document properties: %w", err)
	}
	steps := []struct {
		sheet string
		fn    func() error
	}{
		{shOverview, b.overview},
		{shActors, b.actors},
		{shCountries, b.countries},
		{shThemes, b.themes},
		{shTimeline, b.timeline},
		{shDocuments, b.documents},
		{shPairs, b.pairs},
		{shSentences, b.sentences},
		{shMentions, b.mentions},
		{shEntities, b.entities},
		{shEvents, b.events},
		{shQuantities, b.quantities},
		{shRelations, b.relations},
		{shDocThemes, b.docThemes},
		{shParagraphs, b.paragraphs},
		{shFailures, b.failures},
	}
	for _, s := range steps {
		if err := b.ctx.Err(); err != nil {
			return err
		}
		if err := s.fn(); err != nil {
			return fmt.Errorf("xlsx: sheet %s: %w", s.sheet, err)
		}
	}
	return nil
}

// index computes what links and headers need before any sheet is written:
// the rows of link targets in Sentences and Documents, entity names, and
// the leading themes.
func (b *book) index() {
	v := &b.ds.Views
	need := map[string]bool{}
	for _, rows := range [][]pipeline.ActorRow{v.Actors, v.Countries} {
		for i, a := range rows {
			if i >= maxLinks {
				break
			}
			if a.FirstMention != "" {
				need[a.FirstMention] = true
			}
			if a.KeyStatementDoc != "" {
				need[a.KeyStatementDoc+":"+a.KeyStatementRef] = true
			}
		}
	}
	for i, t := range v.Timeline {
		if i >= maxLinks {
			break
		}
		need[t.DocID+":"+t.SentID] = true
	}
	b.sentRow = make(map[string]int, len(need))
	b.docRow = make(map[string]int, len(b.ds.Docs))
	b.names = map[string]string{}
	row := 1
	for i, d := range b.ds.Docs {
		b.docRow[d.Document.DocID] = i + 2
		for _, s := range d.Sentences {
			row++
			if row > MaxDataRows+1 {
				break
			}
			if key := d.Document.DocID + ":" + s.SentID; need[key] {
				b.sentRow[key] = row
			}
		}
	}
	for _, a := range v.Actors {
		b.names[a.EntityID] = a.Name
	}
	b.leadTheme = leadingThemes(b.ds, 8)
}

// leadingThemes returns the first n themes of the run's theme matrix,
// whose rows aggregate orders by total score over the documents.
func leadingThemes(ds *pipeline.Dataset, n int) []themeCol {
	m := ds.Views.ThemeByDoc
	var out []themeCol
	for i, id := range m.RowIDs {
		if i == n {
			break
		}
		l := ds.Views.ThemeLabels[id]
		if i < len(m.RowLabels) && m.RowLabels[i] != "" {
			l = m.RowLabels[i]
		}
		if l == "" {
			l = id
		}
		out = append(out, themeCol{id, l})
	}
	return out
}

// text makes s fit in one cell: invalid UTF-8 is replaced and text longer
// than MaxCellChars UTF-16 units is cut, ending with TruncationMarker.
func (b *book) text(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if len(s) <= MaxCellChars { // a UTF-8 string has no more UTF-16 units than bytes
		return s
	}
	t, cut := truncateUTF16(s, MaxCellChars)
	if cut {
		b.truncated++
	}
	return t
}

// truncateUTF16 cuts s to at most max UTF-16 code units including
// TruncationMarker, never splitting a surrogate pair. It reports whether s
// was cut.
func truncateUTF16(s string, max int) (string, bool) {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	if n <= max {
		return s, false
	}
	budget := max - len(utf16.Encode([]rune(TruncationMarker)))
	used := 0
	var buf bytes.Buffer
	for _, r := range s {
		l := utf16.RuneLen(r)
		if l < 0 {
			l = 1
		}
		if used+l > budget {
			break
		}
		used += l
		buf.WriteRune(r)
	}
	buf.WriteString(TruncationMarker)
	return buf.String(), true
}
