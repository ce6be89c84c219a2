package xlsx

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefpack/briefpack/exporters"
	"github.com/briefpack/briefpack/exporters/internal/exportertest"
	"github.com/briefpack/briefpack/internal/cputime"
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

// memPeaks runs fn and measures the heap while it runs, without forcing
// any collection during fn (a forced GC would lower the very peak being
// measured). Every 2 ms it reads runtime/metrics:
//   - peak: the highest heap of allocated objects, live data plus garbage
//     not yet collected (what HeapAlloc reports); with the default GOGC the
//     runtime lets garbage grow to about the live heap of its last cycle;
//   - live: the highest live heap marked by a garbage collection that
//     finished during fn (/gc/heap/live:bytes, the runtime's own figure).
//
// before is the live heap just before fn, after two forced collections.
func memPeaks(fn func()) (peak, live, before uint64) {
	runtime.GC()
	runtime.GC()
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"},
		{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(samples)
	before = samples[0].Value.Uint64()
	cycles := samples[2].Value.Uint64()
	peak = before
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	sample := func() {
		metrics.Read(samples)
		peak = max(peak, samples[0].Value.Uint64())
		if samples[2].Value.Uint64() > cycles {
			live = max(live, samples[1].Value.Uint64())
		}
	}
	go func() {
		defer wg.Done()
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				sample()
			}
		}
	}()
	fn()
	close(stop)
	wg.Wait()
	sample()
	return peak, live, before
}

// peakRSS is the process's peak resident set size (VmHWM on Linux), or 0
// when unknown.
func peakRSS() uint64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}

// BenchmarkMillionMentions writes a workbook with 1,000,000 mention rows
// (1,000 documents, 100,000 sentences) and reports (memory in MiB):
//   - dataset-MB: the live heap before the export (the Dataset);
//   - export-MB: the exporter's own peak, the highest heap sampled during
//     the export (garbage included) minus dataset-MB; this is the figure
//     the 200 MB budget applies to;
//   - peak-MB: that highest heap, dataset included;
//   - live-MB: the highest live heap marked by a GC during the export,
//     dataset included;
//   - cpu-s: user plus system CPU time of the process during the export
//     (GC included), steadier than ns/op on a shared machine;
//   - rss-MB: the peak resident set of the whole benchmark process (dataset
//     building, runtime overhead and freed-but-not-returned pages included).
//
// No GOGC or GOMEMLIMIT is set.
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
		cpu0 := cputime.Used()
		peak, live, before := memPeaks(func() {
			if err := w.Write(context.Background(), &cw, ds); err != nil {
				b.Fatal(err)
			}
		})
		b.ReportMetric(float64(before)/(1<<20), "dataset-MB")
		b.ReportMetric(float64(peak-before)/(1<<20), "export-MB")
		b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		b.ReportMetric(float64(live)/(1<<20), "live-MB")
		b.ReportMetric(float64(cw.n)/(1<<20), "file-MB")
		b.ReportMetric((cputime.Used() - cpu0).Seconds(), "cpu-s")
	}
	b.StopTimer()
	if rss := peakRSS(); rss > 0 {
		b.ReportMetric(float64(rss)/(1<<20), "rss-MB")
	}
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)
