package feed

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
	"github.com/briefpack/briefpack/sources/internal/corpus"
	"github.com/mmcdole/gofeed"
)

// serdeFeed is the part of feed-rs's parsed model we compare with.
type serdeFeed struct {
	Entries []struct {
		Title *struct {
			Content string `json:"content"`
		} `json:"title"`
	} `json:"entries"`
}

// TestCorpusFeeds reads every feed of the shared corpus (feed-rs and
// RSParser fixtures): each must be sniffed as a feed and parse without
// error; item counts and titles are compared with feed-rs's models where
// they exist; items skipped for lack of text are listed.
func TestCorpusFeeds(t *testing.T) {
	root := corpus.Dir(t, "feeds")
	var files []string
	_ = filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() && !strings.HasSuffix(p, ".serde.json") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	if len(files) != 39 {
		t.Logf("expected 39 feeds, found %d", len(files))
	}
	totalItems, totalArticles := 0, 0
	for _, p := range files {
		name := strings.TrimPrefix(p, root+string(filepath.Separator))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		in := &sources.Input{Name: name, Kind: "file", Data: data}
		if !Sniff(in) {
			t.Errorf("%s: not sniffed as a feed", name)
		}
		var arts []pipeline.Article
		var logbuf bytes.Buffer
		log := slog.New(slog.NewTextHandler(&logbuf, &slog.HandlerOptions{Level: slog.LevelWarn}))
		err = Parse(context.Background(), in, sources.Options{Logger: log}, func(a pipeline.Article) error {
			arts = append(arts, a)
			return nil
		})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		f, _ := gofeed.NewParser().Parse(bytes.NewReader(toUTF8XML(data, "")))
		items := len(f.Items)
		totalItems += items
		totalArticles += len(arts)
		line := ""
		if b, err := os.ReadFile(strings.TrimSuffix(p, filepath.Ext(p)) + ".serde.json"); err == nil {
			var want serdeFeed
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			line = " (feed-rs: " + itoa(len(want.Entries)) + ")"
			if len(want.Entries) != items {
				t.Errorf("%s: %d items, feed-rs has %d", name, items, len(want.Entries))
			}
			for i, e := range want.Entries {
				if i < len(f.Items) && e.Title != nil && plain(e.Title.Content) != plain(f.Items[i].Title) {
					t.Errorf("%s: item %d title %q, feed-rs %q", name, i+1, plain(f.Items[i].Title), plain(e.Title.Content))
				}
			}
		}
		t.Logf("%-40s %-4s items %3d%s, articles %3d", name, f.FeedType, items, line, len(arts))
		// Every item without an article must be explained: its content is
		// only an image, a video or nothing.
		skipped := 0
		for _, it := range f.Items {
			if len(body(it.Content)) == 0 && len(body(it.Description)) == 0 && len(body(mediaDescription(it))) == 0 {
				skipped++
				t.Logf("    skipped (no text, only markup such as an image or video): %q", plain(it.Title))
			}
		}
		if items-len(arts) != skipped || strings.Count(logbuf.String(), "has no text") != skipped {
			t.Errorf("%s: %d items, %d articles, but %d items without text; log:\n%s", name, items, len(arts), skipped, logbuf.String())
		}
		for _, a := range arts {
			if a.Text == "" || a.SourceKind != "feed" || !strings.HasPrefix(a.Source, name+"#") || a.Site == "" && f.Title != "" {
				t.Errorf("%s: bad article %+v", name, a.Source)
			}
		}
	}
	t.Logf("%d feeds, %d items, %d articles", len(files), totalItems, totalArticles)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func corpusFile(t *testing.T, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpus.Dir(t, "feeds"), rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func parseAll(t *testing.T, name string, data []byte) []pipeline.Article {
	t.Helper()
	var arts []pipeline.Article
	err := Parse(context.Background(), &sources.Input{Name: name, Data: data}, sources.Options{}, func(a pipeline.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// TestLegacyCharsets checks that the ISO-8859-1 and GB2312 feeds decode to
// the right characters.
func TestLegacyCharsets(t *testing.T) {
	tests := []struct {
		file string
		want []string // substrings of the decoded titles and texts
	}{
		{"feed-rs/rss_1.0_iso8859.xml", []string{"ü", "ö"}},
		{"feed-rs/rss_2.0_encoding_1.xml", []string{"Inovação Tecnológica"}},
		{"rsparser/kc0011.rss", []string{"投资资讯网交易在线", "流通纪念币"}},
		{"rsparser/aktuality.rss", []string{"aktuálne spravodajstvo"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			arts := parseAll(t, tt.file, corpusFile(t, tt.file))
			var all strings.Builder
			for _, a := range arts {
				all.WriteString(a.Site + "\n" + a.Title + "\n" + a.Text + "\n")
			}
			s := all.String()
			for _, w := range tt.want {
				if !strings.Contains(s, w) {
					t.Errorf("decoded text lacks %q", w)
				}
			}
			if strings.ContainsRune(s, '\uFFFD') || strings.Contains(s, "Ã") {
				t.Errorf("mis-decoded characters in %.200q", s)
			}
		})
	}
}
