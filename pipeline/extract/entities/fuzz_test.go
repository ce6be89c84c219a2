package entities

import (
	"context"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
)

// FuzzMatcher runs the stage on arbitrary text cut into arbitrary
// sentences and checks that it never panics and that every mention has
// valid offsets on UTF-8 boundaries inside its sentence, with a surface
// equal to the text it points at.
func FuzzMatcher(f *testing.F) {
	for _, s := range []string{
		"Japanese Prime Minister Kishida Fumio canceled his planned travel to Kazakhstan.",
		"The “Central Asia plus Japan” Dialogue began in 2004 in Astana, Kazakhstan.",
		"the Shanghai Cooperation Organisation (SCO) and the U.S. and US and Mr. P. \"Never",
		"Côte d’Ivoire’s O'Brien met Kassym-Jomart TOKAYEV (",
		"(", "()", "( ABC )", "Mr.", "U.S.", "’s", "\xff\xfeJapan\xc3", "President", "the States",
		"Ministry of", "International Fund for Saving the", "Japan-Democratic People’s Republic of Korea",
		"the Initiative of World Unity for a Just Peace and Harmony in Central Asia and Afghanistan",
		"“Strong President, Authoritative Parliament”, a “Haitian Stability Corps” could", "46th ASEAN Summit",
		"2050 Strategy for", "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)", "fled to Adré and El Fasher",
		"Hungary's Péter Szijjártó said", ", Kaja Kallas,", "the M23 rebels seized Goma", "CARICOM leaders",
		"Juan Ramón de la", "Riyadh – ", "Directorate General of", "the death of Yevgeny Prigozhin",
		"at Kabul", "Kabul International Airport", "the G-7 Hiroshima Summit", "G-", "Toyota Tsusho", "with Mitsubishi",
		"Mitsubishi Tokyo Financial Group. Mitsubishi", "Xinjiang Uyghur Autonomous Region", "in the Field of",
		// session 5
		"in Malta, Washington and Bangkok", "the Luanda and Nairobi processes", "PORT SUDAN/NAIROBI, Oct 30 -",
		"Yukos' parent company, the", "Mr Mubanga", "Martin Mubanga and Mr Mubanga", "the Twenty-Ninth Session of the Conference of the Parties to the",
		"(COP29)", "twenty-", "Democrat John", "LSE after London Stock Exchange", "the North Atlantic (DIANA)",
		"Sheikh Mohammed bin Abdulrahman bin Jassim Al", "Vision 2045-", "Council (GCC) Summit", "Russian Defence Ministry",
		"for Achieving a", "Paris 2030", "Viktor Makarov and Victor Makarov", "an analyst at", "of Shearman and",
		// session 6
		"Security of Supply Arrangement (SOSA)", "(LTMS-PIP)", "(TICAD 8)", "GE Aerospace and Hindustan Aeronautics Limited (HAL)",
		"Invest India and the Abu Dhabi Investment Office (", "Sultan bin", "Sultan Al-", "Mayor Bill de", "Sam’s Club",
		"Neil deGrasse", "US$14 billion", "Chair of the Foreign Affairs Committee Emily Thornberry MP", "the Board of",
		"Parliamentary Assembly of the Council of Europe", "Qosh Tepa Canal. Qosh Tepa", "from Accra to", "Vision – 2040",
		"- Dr Laurence Broers, Associate Fellow, Chatham House", "Statement by the Honourable", "Canada's First Quantum Minerals",
		"Ministry of Agriculture, Forestry and Fisheries of Japan and the", "The Treasury said", "Lloyd J. Austin III",
		// session 7
		"for Sheffield", "MP for", "Parliament for Sheffield Brightside", "The Glasgow Kelvin MP", "Duke of", "Prince of Wales,",
		"Blairite", "the Hutton inquiry", "C5+1 Secretariat", "the C5+1", "Team Europe Initiative on", "United States–Central Asia Trade",
		"Head of the Presidential Administration of the Kyrgyz Republic Adylbek", "Abu Dhabi's AD Ports", "Mr Abbasi",
		"Feroz Abbasi. Mr Abbasi", "the Carter administration", "Freedom of Information", "Church of Scotland Minister in",
		"Sudan and its", "Meydan TV", "Gen Musharraf", "Kyrgyz Republic Almaz", "Assistant Secretary of State for South",
		"Joint Statement on", "Joint Statement on A between Japan and", "Memorandum of Understanding on a", "Memorandum of Cooperation on X,",
		// session 8
		"the Chinese", "the Chinese Embassy", "Park Choon-", "Park Choon-sup", "Gazeta.", "Gazeta.uz", "24.kg", "Washington, DC:",
		"Minister of Ecology and", "Agency of the Republic of Kazakhstan for", "the Baku-Tbilisi-Kars", "for a Free, Peaceful,",
		"Mitsubishi Corp", "Korea Gas Corp", "QUESTION:", "Bradley T. Smith, the Treasury's", "(ISIL-K)", "Third Neighbor",
	} {
		f.Add(s, uint8(7))
	}
	g := testGazetteer(f)
	st := New(g)
	f.Fuzz(func(t *testing.T, text string, cut uint8) {
		d := &pipeline.Doc{Document: pipeline.Document{DocID: "f", Text: text}}
		// sentences of arbitrary lengths covering the text
		step := int(cut%32) + 1
		for start, n := 0, 1; start < len(text); n++ {
			end := min(start+step, len(text))
			for end < len(text) && !utf8.RuneStart(text[end]) {
				end++ // segment cuts on rune boundaries
			}
			d.Sentences = append(d.Sentences, pipeline.Sentence{SentID: "p1s" + itoa(n), Start: start, End: end})
			start = end
		}
		// and one sentence for the whole text, as a segmenter on one line would
		d2 := &pipeline.Doc{Document: d.Document, Sentences: []pipeline.Sentence{{SentID: "p1s1", Start: 0, End: len(text)}}}
		for _, doc := range []*pipeline.Doc{d, d2} {
			if err := st.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			total := 0
			for _, m := range doc.Mentions {
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
					t.Fatalf("bad offsets %+v", m)
				}
				// Document.Text is valid UTF-8 after normalize; for invalid
				// input only the other properties are checked.
				if utf8.ValidString(text) && (!boundary(text, m.Start) || !boundary(text, m.End)) {
					t.Fatalf("offsets not on UTF-8 boundaries: %+v", m)
				}
				if text[m.Start:m.End] != m.Surface {
					t.Fatalf("surface %q != text %q", m.Surface, text[m.Start:m.End])
				}
				s := doc.Sentence(m.SentID)
				if s == nil || m.Start < s.Start || m.End > s.End {
					t.Fatalf("mention %+v outside its sentence %+v", m, s)
				}
				if doc.Entity(m.EntityID) == nil {
					t.Fatalf("mention of unknown entity %q", m.EntityID)
				}
			}
			for _, e := range doc.Entities {
				total += e.Mentions
			}
			if total != len(doc.Mentions) {
				t.Fatalf("entity mention counts %d != mentions %d", total, len(doc.Mentions))
			}
		}
	})
}

func boundary(s string, i int) bool {
	return i == len(s) || (i >= 0 && i < len(s) && utf8.RuneStart(s[i]))
}

// TestLinearTime guards against quadratic behaviour on long runs of
// capitalized words, parentheses and titles in one sentence.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	st := New(testGazetteer(t))
	unit := []string{"Aaa Bbb Ccc Ministry ", "of ", "the Council and ", "Mr. Smith ", "(ABC) ", "Japan ", "US "}
	var sb []byte
	for i := 0; len(sb) < 1<<20; i++ {
		sb = append(sb, unit[i%len(unit)]...)
	}
	text := string(sb)
	d := &pipeline.Doc{Document: pipeline.Document{Text: text}, Sentences: []pipeline.Sentence{{SentID: "p1s1", End: len(text)}}}
	start := time.Now()
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("1 MiB in one sentence took %v", el)
	}
}
