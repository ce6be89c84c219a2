package xlsx

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/exporters/internal/exportertest"
	"github.com/briefpack/briefpack/pipeline"
)

// bigDataset builds docs documents with mentionsPerDoc mentions each,
// spread over 100 sentences per document. Strings are shared so that the
// dataset itself stays small next to what the exporter allocates.
func bigDataset(docs, mentionsPerDoc int) *pipeline.Dataset {
	ds := &pipeline.Dataset{Run: pipeline.RunInfo{ID: "bench", Started: testNow, Version: "bench"}}
	ents := exportertest.Dataset().Views.Actors
	sentText := "Kazakhstan is economically the most important partner for Japan, and at the same time it faces a potential threat from Russia."
	for i := 0; i < docs; i++ {
		id := fmt.Sprintf("doc%09d", i)
		d := &pipeline.Doc{Seq: i}
		d.Document = pipeline.Document{DocID: id, Title: "Document " + id, Language: "en", Words: 2000, Sentences: 100, Published: "2024-08-05"}
		sids := make([]string, 100)
		for s := range sids {
			sids[s] = fmt.Sprintf("p%ds%d", s/5+1, s%5+1)
			d.Sentences = append(d.Sentences, pipeline.Sentence{DocID: id, SentID: sids[s], ParaNo: s/5 + 1,
				Start: s * 130, End: s*130 + 128, Text: sentText, Tone: -0.25})
		}
		d.Mentions = make([]pipeline.Mention, mentionsPerDoc)
		for m := range d.Mentions {
			e := ents[m%len(ents)]
			d.Mentions[m] = pipeline.Mention{DocID: id, SentID: sids[m*100/mentionsPerDoc], EntityID: e.EntityID,
				Surface: e.Name, Start: m * 13, End: m*13 + 10, Form: pipeline.FormName}
		}
		for _, e := range ents {
			d.Entities = append(d.Entities, pipeline.Entity{DocID: id, EntityID: e.EntityID, Name: e.Name, Type: e.Type,
				ISO3: e.ISO3, Mentions: mentionsPerDoc / len(ents), Salience: 0.5, FirstSent: "p1s1"})
		}
		ds.Docs = append(ds.Docs, d)
	}
	for _, e := range ents {
		ds.Views.Actors = append(ds.Views.Actors, pipeline.ActorRow{EntityID: e.EntityID, Name: e.Name, Type: e.Type,
			ISO3: e.ISO3, Documents: docs, Mentions: docs * mentionsPerDoc / len(ents), Salience: 0.5,
			FirstMention: "doc000000000:p1s1", KeyStatement: sentText, KeyStatementDoc: "doc000000000", KeyStatementRef: "p1s1"})
	}
	return ds
}

// memPeaks samples the heap while fn runs. peak is the highest HeapAlloc
// seen every 10 ms (live data plus garbage not yet collected, which the
// Go runtime lets grow to about GOGC% of the live heap); live is the
// highest heap measured right after a forced collection, every 250 ms
// (what the program really holds). before is the live heap before fn.
func memPeaks(fn func()) (peak, live, before uint64) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before = ms.HeapAlloc
	peak, live = before, before
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fast := time.NewTicker(10 * time.Millisecond)
		defer fast.Stop()
		slow := time.NewTicker(time.Second)
		defer slow.Stop()
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-fast.C:
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc)
			case <-slow.C:
				runtime.GC()
				runtime.ReadMemStats(&ms)
				live = max(live, ms.HeapAlloc)
			}
		}
	}()
	fn()
	close(stop)
	wg.Wait()
	return peak, live, before
}

// BenchmarkMillionMentions writes a workbook with 1,000,000 mention rows
// (1,000 documents, 100,000 sentences) and reports memory: "dataset-MB"
// is the live heap before the export (the Dataset), "live-MB" the highest
// live heap during it, dataset included, and "peak-MB" the highest
// HeapAlloc sampled (live plus uncollected garbage).
func BenchmarkMillionMentions(b *testing.B) {
	ds := bigDataset(1000, 1000)
	ex, err := New(exporters.Options{Version: "bench", Now: testNow})
	if err != nil {
		b.Fatal(err)
	}
	w := ex.(*Exporter)
	b.ResetTimer()
	for range b.N {
		var cw countWriter
		peak, live, before := memPeaks(func() {
			if err := w.Write(context.Background(), &cw, ds); err != nil {
				b.Fatal(err)
			}
		})
		b.ReportMetric(float64(before)/(1<<20), "dataset-MB")
		b.ReportMetric(float64(live)/(1<<20), "live-MB")
		b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		b.ReportMetric(float64(cw.n)/(1<<20), "file-MB")
	}
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)
