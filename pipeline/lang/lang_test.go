package lang

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/sources"
	"github.com/briefpack/briefpack/sources/feed"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		want, text string
	}{
		{"en", "The prime minister of Japan will travel to Kazakhstan next week for talks on critical minerals."},
		{"ru", "Премьер-министр Японии посетит Казахстан на следующей неделе для переговоров о редких металлах."},
		{"kk", "Жапония премьер-министрі келесі аптада Қазақстанға сапармен келеді және сирек металдар туралы келіссөз жүргізеді."},
		{"uz", "Япония бош вазири келаси ҳафта Ўзбекистонга ташриф буюради."},
		{"uz", "Yaponiya bosh vaziri kelasi hafta Qozog'istonga tashrif buyuradi va muzokaralar olib boradi."},
		{"ja", "日本の首相は来週カザフスタンを訪問し、重要鉱物について協議する予定です。"},
		{"zh", "日本首相下周将访问哈萨克斯坦，讨论关键矿产合作问题。"},
		{"ko", "일본 총리는 다음 주 카자흐스탄을 방문해 핵심 광물에 대해 논의할 예정이다."},
		{"fr", "Le Premier ministre japonais se rendra au Kazakhstan la semaine prochaine pour discuter des minerais critiques."},
		{"de", "Der japanische Premierminister reist nächste Woche nach Kasachstan, um über kritische Rohstoffe zu sprechen."},
		{"es", "El primer ministro de Japón viajará a Kazajistán la próxima semana para hablar de minerales críticos."},
		{"pt", "O primeiro-ministro do Japão viajará ao Cazaquistão na próxima semana para discutir minerais críticos."},
		{"it", "Il primo ministro giapponese si recherà in Kazakistan la prossima settimana per discutere di minerali critici."},
		{"tr", "Japonya başbakanı gelecek hafta kritik mineraller hakkında görüşmek üzere Kazakistan'ı ziyaret edecek."},
		{"ar", "سيزور رئيس وزراء اليابان كازاخستان الأسبوع المقبل لمناقشة المعادن الحيوية."},
		{"fa", "نخست وزیر ژاپن هفته آینده برای گفتگو درباره مواد معدنی حیاتی به قزاقستان سفر خواهد کرد."},
		{"sk", "Slovenská vláda schválila nový zákon o daniach, ktorý platí od januára a týka sa všetkých ľudí."},
		{"cs", "Česká vláda schválila nový zákon o daních, který platí od ledna a týká se všech lidí v zemi."},
		{"uk", "Прем'єр-міністр Японії наступного тижня відвідає Казахстан, щоб обговорити питання їхньої співпраці."},
		{"und", "2024 — 15 % / 3.5"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			r := Detect(tt.text)
			if got := Decide(r, ""); got != tt.want {
				t.Errorf("Detect(%q) = %+v -> %q, want %q", tt.text, r, got, tt.want)
			}
		})
	}
}

func TestDecideDeclared(t *testing.T) {
	tests := []struct {
		name, text, declared, want string
	}{
		{"declared kept when unsure", "OK, Astana.", "de-DE", "de"},
		{"sure detection wins", "Премьер-министр Японии посетит Казахстан на следующей неделе для переговоров.", "en", "ru"},
		{"script rule wins", "日本の首相は来週カザフスタンを訪問します。", "en", "ja"},
		{"nothing known", "OK, Astana.", "", "und"},
		{"bad declared tag ignored", "OK, Astana.", "x-klingon-very-long", "und"},
		{"und declared is not a language", "OK, Astana.", "und", "und"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Decide(Detect(tt.text), tt.declared); got != tt.want {
				t.Errorf("got %q, want %q (detect %+v)", got, tt.want, Detect(tt.text))
			}
		})
	}
}

func TestStageNotes(t *testing.T) {
	st := New()
	if st.Name() != "lang" {
		t.Fatalf("name %q", st.Name())
	}
	en := &pipeline.Doc{Document: pipeline.Document{Text: "The prime minister of Japan will travel to Kazakhstan next week for talks."}}
	if err := st.Process(context.Background(), en); err != nil {
		t.Fatal(err)
	}
	if en.Document.Language != "en" || len(en.Document.Notes) != 0 {
		t.Errorf("english: %q %v", en.Document.Language, en.Document.Notes)
	}
	ru := &pipeline.Doc{Document: pipeline.Document{Text: "Премьер-министр Японии посетит Казахстан на следующей неделе для переговоров."}}
	_ = st.Process(context.Background(), ru)
	_ = st.Process(context.Background(), ru) // a second run adds no second note
	if ru.Document.Language != "ru" || len(ru.Document.Notes) != 1 ||
		!strings.Contains(ru.Document.Notes[0], "Russian (ru)") || !strings.Contains(ru.Document.Notes[0], "themes, tone") {
		t.Errorf("russian: %q %q", ru.Document.Language, ru.Document.Notes)
	}
	empty := &pipeline.Doc{}
	if err := st.Process(context.Background(), empty); err != nil || empty.Document.Language != "und" {
		t.Errorf("empty: %v %q", err, empty.Document.Language)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := st.Process(ctx, &pipeline.Doc{}); err == nil {
		t.Error("cancelled context not honoured")
	}
}

// corporaDir finds the shared corpora (BRIEFPACK_CORPORA, else
// ../shared/corpora next to the repository root) or skips.
func corporaDir(t *testing.T, sub string) string {
	t.Helper()
	root := os.Getenv("BRIEFPACK_CORPORA")
	if root == "" {
		wd, _ := os.Getwd()
		for d := wd; filepath.Dir(d) != d; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				root = filepath.Join(d, "..", "shared", "corpora")
				break
			}
		}
	}
	dir := filepath.Join(root, sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus folder %s not found (set BRIEFPACK_CORPORA)", dir)
	}
	return dir
}

// TestFeedItems runs the stage over the items of the GB2312 Chinese feed
// and the Slovak feed: every item with enough text must come out zh / sk.
func TestFeedItems(t *testing.T) {
	dir := corporaDir(t, "feeds/rsparser")
	tests := []struct {
		file, want string
		minShare   float64 // of items that must be detected as want
	}{
		{"kc0011.rss", "zh", 1},
		{"aktuality.rss", "sk", 0.95},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			var docs []*pipeline.Doc
			err = feed.Parse(context.Background(), &sources.Input{Name: tt.file, Data: data}, sources.Options{}, func(a pipeline.Article) error {
				a.Language = "" // detect from the text alone
				docs = append(docs, &pipeline.Doc{Article: a, Document: pipeline.Document{Text: a.Title + "\n\n" + a.Text}})
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			ok := 0
			for _, d := range docs {
				if err := New().Process(context.Background(), d); err != nil {
					t.Fatal(err)
				}
				if d.Document.Language == tt.want {
					ok++
				} else {
					t.Logf("%s: %q -> %s", tt.file, d.Document.Text, d.Document.Language)
				}
			}
			share := float64(ok) / float64(len(docs))
			t.Logf("%s: %d/%d items detected as %s", tt.file, ok, len(docs), tt.want)
			if share < tt.minShare {
				t.Errorf("%s: only %.2f of %d items detected as %s", tt.file, share, len(docs), tt.want)
			}
		})
	}
}

func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("The prime minister of Japan will travel to Kazakhstan next week for talks on critical minerals. ", 100)
	for range b.N {
		Detect(text)
	}
}

// FuzzDetect: any text gives a well-formed language code, never a panic.
func FuzzDetect(f *testing.F) {
	f.Add("The prime minister of Japan will travel to Kazakhstan.")
	f.Add("Жапония премьер-министрі Қазақстанға келеді.")
	f.Add("日本の首相")
	f.Add("\xff\xfe invalid utf-8 \xc3")
	f.Fuzz(func(t *testing.T, s string) {
		r := Detect(s)
		got := Decide(r, "")
		if got == "" || len(got) > 3 {
			t.Fatalf("Decide(Detect(%q)) = %q", s, got)
		}
	})
}

// A long run of UTF-8 continuation bytes (invalid UTF-8) around the middle
// of a long text once pushed sample's cut past its end (found by FuzzDetect).
func TestDetectInvalidUTF8Middle(t *testing.T) {
	text := strings.Repeat("a", 1000) + strings.Repeat("\x80", 8000) + strings.Repeat("b", 10)
	r := Detect(text)
	if r.Lang == "" {
		t.Errorf("Detect returned no language code: %+v", r)
	}
	if got := cut("ab\x80\x80\x80\x80cd", 2, 4); got != "" {
		t.Errorf("cut over continuation bytes = %q, want empty", got)
	}
}
