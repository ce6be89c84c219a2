// Package jsonl writes records.jsonl: one JSON object per document, with
// the document record and every record and per-document view nested in it.
// Read reads the file back, so shard runs can be merged.
package jsonl

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/pipeline"
)

// FileName is the file the exporter writes.
const FileName = "records.jsonl"

func init() {
	exporters.Register("jsonl", func(exporters.Options) (exporters.Exporter, error) { return exporter{}, nil })
}

// Line is the JSON object written for each document. Field order is the
// order of this struct and never changes between runs.
type Line struct {
	Document   pipeline.Document    `json:"document"`
	Paragraphs []pipeline.Paragraph `json:"paragraphs"`
	Sentences  []pipeline.Sentence  `json:"sentences"`
	Mentions   []pipeline.Mention   `json:"mentions"`
	Entities   []pipeline.Entity    `json:"entities"`
	Events     []pipeline.Event     `json:"events"`
	Quantities []pipeline.Quantity  `json:"quantities"`
	Themes     []pipeline.Theme     `json:"themes"`
	Relations  []pipeline.Relation  `json:"relations"`
	Actors     []pipeline.ActorRow  `json:"actors"`
	KeyPoints  []string             `json:"key_points"`
}

// FromDoc builds the line for one document. Nil slices become empty
// arrays, so consumers never see null.
func FromDoc(d *pipeline.Doc) Line {
	return Line{
		Document:   d.Document,
		Paragraphs: nonNil(d.Paragraphs),
		Sentences:  nonNil(d.Sentences),
		Mentions:   nonNil(d.Mentions),
		Entities:   nonNil(d.Entities),
		Events:     nonNil(d.Events),
		Quantities: nonNil(d.Quantities),
		Themes:     nonNil(d.Themes),
		Relations:  nonNil(d.Relations),
		Actors:     nonNil(d.Actors),
		KeyPoints:  nonNil(d.KeyPoints),
	}
}

// ToDoc turns a line back into a document bundle.
func (l Line) ToDoc(seq int) *pipeline.Doc {
	return &pipeline.Doc{
		Seq: seq, Document: l.Document, Paragraphs: l.Paragraphs, Sentences: l.Sentences,
		Mentions: l.Mentions, Entities: l.Entities, Events: l.Events, Quantities: l.Quantities,
		Themes: l.Themes, Relations: l.Relations, Actors: l.Actors, KeyPoints: l.KeyPoints,
		Article: pipeline.Article{Source: l.Document.Source, SourceKind: l.Document.SourceKind, Title: l.Document.Title, URL: l.Document.URL},
	}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Encode writes one document as one line.
func Encode(w io.Writer, d *pipeline.Doc) error {
	b, err := json.Marshal(FromDoc(d))
	if err != nil {
		return fmt.Errorf("jsonl: %s: %w", d.Document.Source, err)
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// Read decodes records.jsonl. name is used in errors, which carry the line.
func Read(r io.Reader, name string) ([]*pipeline.Doc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<30)
	var docs []*pipeline.Doc
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var l Line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("jsonl: %s:%d: %w", name, n, err)
		}
		docs = append(docs, l.ToDoc(len(docs)))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("jsonl: %s: %w", name, err)
	}
	return docs, nil
}

type exporter struct{}

func (exporter) Export(ctx context.Context, ds *pipeline.Dataset, dst *exporters.Dest) error {
	return dst.WriteFile(ctx, FileName, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<16)
		for _, d := range ds.Docs {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := Encode(bw, d); err != nil {
				return err
			}
		}
		return bw.Flush()
	})
}
