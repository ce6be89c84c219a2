package entities

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/briefpack/briefpack/pipeline"
)

// mentionsOf renders a doc's mentions as "surface=id/form", in order.
func mentionsOf(d *pipeline.Doc) []string {
	out := make([]string, 0, len(d.Mentions))
	for _, m := range d.Mentions {
		out = append(out, m.Surface+"="+m.EntityID+"/"+m.Form)
	}
	return out
}

func TestRules(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []string // every mention, in order
	}{
		{"demonym and title", "Japanese Prime Minister Kishida Fumio arrived.",
			[]string{"Japanese=JPN/demonym", "Kishida Fumio=kishida-fumio/name"}},
		{"surname-first and given-first order", "Fumio Kishida met Kishida Fumio's aides.",
			[]string{"Fumio Kishida=kishida-fumio/alias", "Kishida Fumio=kishida-fumio/name"}},
		{"all-capitals surname", "The Prime Minister of Japan, Mr. KISHIDA Fumio, spoke.",
			[]string{"Japan=JPN/name", "KISHIDA Fumio=kishida-fumio/name"}},
		{"possessive title", "Uzbekistan's President Islam Karimov died. Karimov had ruled since 1989.",
			[]string{"Uzbekistan=UZB/name", "Islam Karimov=islam-karimov/name", "Karimov=islam-karimov/short"}},
		{"surname needs an anchor", "Karimov is a common name.", nil},
		{"unique surname alone", "Putin spoke to Tokayev by phone.",
			[]string{"Putin=vladimir-putin/short", "Tokayev=kassym-jomart-tokayev/short"}},
		{"transliteration", "Gurbanguly Berdymukhamedov handed power to his son Serdar Berdimuhamedow.",
			[]string{"Gurbanguly Berdymukhamedov=gurbanguly-berdimuhamedow/alias", "Serdar Berdimuhamedow=serdar-berdimuhamedow/name"}},
		{"capital as government", "Relations with Moscow improved, and Tokyo agreed.",
			[]string{"Moscow=RUS/metonym", "Tokyo=JPN/metonym"}},
		{"capital as place", "The summit was held in Astana, Kazakhstan. He flew to Tokyo on Monday.",
			[]string{"Astana=astana/name", "Kazakhstan=KAZ/name", "Tokyo=tokyo/name"}},
		{"capital followed by country", "Leaders met at Bishkek, Kyrgyzstan.",
			[]string{"Bishkek=bishkek/name", "Kyrgyzstan=KGZ/name"}},
		{"based", "The Astana-based congress met.", []string{"Astana=astana/name"}},
		{"capital in a list after a locative", "They met in Malta, Washington and Bangkok. Bamako, Dakar and Accra agreed.",
			[]string{"Malta=MLT/name", "Washington=washington/name", "Bangkok=bangkok/name",
				"Bamako=MLI/metonym", "Dakar=SEN/metonym", "Accra=GHA/metonym"}},
		{"two clauses are no list", "Farms sit on the Irtysh, and Moscow has its own interest.",
			[]string{"Irtysh=irtysh/name", "Moscow=RUS/metonym"}},
		{"capital named by its title", "He visited slums in the Kenyan capital Nairobi. Our capital, Funafuti, floods.",
			[]string{"Kenyan=KEN/demonym", "Nairobi=nairobi/name", "Funafuti=funafuti/name"}},
		{"capital before an event", "Agreement in the Doha development talks; a Brussels summit; London's International Petroleum Exchange.",
			[]string{"Doha=doha/name", "Brussels=brussels/name", "London=london/name", "International Petroleum Exchange=international-petroleum-exchange/name"}},
		{"two processes named after cities", "She backed the earlier Luanda and Nairobi processes.",
			[]string{"Luanda=luanda-process/name", "Nairobi processes=nairobi-process/name"}},
		{"dateline with two cities and a route", "PORT SUDAN/NAIROBI, Oct 30 - Trains run from Almaty to Ashgabat, and Seoul said no.",
			[]string{"PORT SUDAN=port-sudan/name", "NAIROBI=nairobi/name", "Almaty=almaty/name", "Ashgabat=ashgabat/name", "Seoul=KOR/metonym"}},
		{"a city that is also a given name", "Kurti asked Belgrade to hand over Milan Radoicic, a former vice president.",
			[]string{"Kurti=albin-kurti/short", "Belgrade=SRB/metonym", "Milan Radoicic=milan-radoicic/name"}},
		{"person in an appositive list", "He met the chief negotiators, Petar Petkovic for Serbia; and Abbas Mahamat Tolli of Chad, a former governor.",
			[]string{"Petar Petkovic=petar-petkovic/name", "Serbia=SRB/name", "Abbas Mahamat Tolli=abbas-mahamat-tolli/name", "Chad=TCD/name"}},
		{"papers and channels", "He told the Guardian newspaper and the Observer; it ran on BBC One and BBC News 24.",
			[]string{"the Guardian=the-guardian/alias", "the Observer=the-observer/alias", "BBC One=bbc-one/name", "BBC News 24=bbc-news-24/name"}},
		{"company by its class noun", "The Titan corporation and the TAV consortium and Paws Incorporated sued.",
			[]string{"Titan=titan/name", "TAV=tav/name", "Paws Incorporated=paws-incorporated/name"}},
		{"a name spelled two ways", "Victor Makarov, a local businessman, said so. Viktor Makarov denied it.",
			[]string{"Victor Makarov=victor-makarov/name", "Viktor Makarov=victor-makarov/short"}},
		{"two known companies joined by and", "He joined Bank of America and Citigroup; Tokyo shares rose.",
			[]string{"Bank of America=bank-of-america/name", "Citigroup=citigroup/name", "Tokyo=tokyo/name"}},
		{"a British party role before a name", "A row broke out with MEP Nigel Farage over western Europe.",
			[]string{"Nigel Farage=nigel-farage/name", "western Europe=western-europe/alias"}},
		{"a bill and a man named Bill", "AS Opposition Leader Bill Shorten said the Data Retention Bill was bad.",
			[]string{"Bill Shorten=bill-shorten/name", "Data Retention Bill=data-retention-bill/name"}},
		{"a capitalized opening word is no acronym", "HOW is it that ZANU-PF and the Muslim Brotherhood agree?",
			[]string{"ZANU-PF=zanu-pf/name", "Muslim Brotherhood=muslim-brotherhood/name"}},
		{"one person under a full and a short name", "Osama bin Laden lived in Khartoum. In 1998, Bin Laden's agents struck.",
			[]string{"Osama bin Laden=osama-bin-laden/name", "Khartoum=khartoum/name", "Bin Laden=osama-bin-laden/alias"}},
		{"plural possessive is no quote mark", "Yukos' parent company, the Gibraltar-based Menatep Group, is suing Russia in Europe.",
			[]string{"Yukos=yukos/name", "Gibraltar=GIB/name", "Menatep Group=menatep-group/name", "Russia=RUS/name", "Europe=europe/name"}},
		{"a declaration's title goes on after concerning", "They cited the Declaration on Principles of International Law concerning Friendly Relations and Cooperation among States in 1970.",
			[]string{"Declaration on Principles of International Law concerning Friendly Relations and Cooperation among States=declaration-on-principles-of-international-law-concerning-friendly-relations-and-cooperation-among-states/name"}},
		{"party adjectives before a person, a role or a title", "Democrat John Kerry lost. Conservative shadow minister Alan Duncan spoke; Conservative estimates differ.",
			[]string{"Democrat=democratic-party/alias", "John Kerry=john-kerry/name", "Conservative=conservative-party/alias", "Alan Duncan=alan-duncan/name"}},
		{"a protocol named after a city, a bank by its class noun", "Japan's troubled UFJ bank backed the Lusaka protocol; TCI Fund Management did not.",
			[]string{"Japan=JPN/name", "UFJ=ufj/name", "Lusaka protocol=lusaka-protocol/name", "TCI Fund Management=tci-fund-management/name"}},
		{"a surname of several words links to the full name", "Julio De Vido, the planning minister, said so. Mr De Vido added more.",
			[]string{"Julio De Vido=julio-de-vido/name", "De Vido=julio-de-vido/short"}},
		{"an acronym that is the initials of a body the text names", "Insurer Standard Life opposed the bid for the London Stock Exchange. The LSE declined.",
			[]string{"Standard Life=standard-life/name", "London Stock Exchange=london-stock-exchange/name", "LSE=london-stock-exchange/short"}},
		{"a surname after Mr takes the first name the text gives it", "Martin Mubanga and Feroz Abbasi, from London, were held. Lawyer Louise Christian represents Mr Abbasi and Mr Mubanga.",
			[]string{"London=london/name", "Louise Christian=louise-christian/name", "Abbasi=feroz-abbasi/name", "Mubanga=martin-mubanga/name"}},
		{"a Conference of the Parties written out", "Azerbaijan hosted the Twenty-Ninth Session of the Conference of the Parties to the United Nations Framework Convention on Climate Change (COP29). The Conference of the Parties and the COP presidency agreed.",
			[]string{"Azerbaijan=AZE/name", "Twenty-Ninth Session of the Conference of the Parties=cop29/name",
				"United Nations Framework Convention on Climate Change=unfccc/alias", "COP29=cop29/short"}},
		{"an ordinal makes the number of a COP", "At the twenty-seventh Conference of the Parties in Egypt, they met.",
			[]string{"twenty-seventh Conference of the Parties=cop27/name", "Egypt=EGY/name"}},
		{"an acronym whose name ends in a known place", "NATO will use the Defence Innovation Accelerator for the North Atlantic (DIANA) and the Security Action for Europe (SAFE) instrument.",
			[]string{"NATO=nato/name", "Defence Innovation Accelerator for the North Atlantic=defence-innovation-accelerator-for-the-north-atlantic/name",
				"Security Action for Europe=security-action-for-europe/name"}},
		{"an employer after a role", "said Ronald Smith, an analyst at Renaissance Capital, and a Singapore-based analyst with Purvin and Gertz.",
			[]string{"Ronald Smith=ronald-smith/name", "Renaissance Capital=renaissance-capital/name", "Singapore=SGP/name", "Purvin and Gertz=purvin-and-gertz/name"}},
		{"a body by its class noun after an acronym", "Jean-Michel Lemetayer, from the FNSEA agricultural union, spoke on NTV television.",
			[]string{"Jean-Michel Lemetayer=jean-michel-lemetayer/name", "FNSEA=fnsea/name", "NTV=ntv/name"}},
		{"a vision or strategy with its years", "Leaders adopted the ASEAN Community Vision 2045, the Basin Development Strategy 2021-2030 and UN Security Council Resolution 2736.",
			[]string{"ASEAN Community Vision 2045=asean-community-vision-2045/name", "Basin Development Strategy 2021-2030=basin-development-strategy-2021-2030/name",
				"UN Security Council=un-security-council/name", "Resolution 2736=resolution-2736/name"}},
		{"a numbered edition of a known body's summit", "They will hold the Twelfth Summit of the Organization of Turkic States in the Republic of Azerbaijan in 2025.",
			[]string{"Twelfth Summit of the Organization of Turkic States=twelfth-summit-of-the-organization-of-turkic-states/name", "Republic of Azerbaijan=AZE/alias"}},
		{"a partnership named after a person, a person after 'and', a solicitor", "Its Paris lawyer, Emmanuel Gaillard of Shearman and Sterling, agreed. Richard Belmar and Moazzam Begg wrote. The men's solicitor, Louise Christian, spoke.",
			[]string{"Paris=paris/name", "Emmanuel Gaillard=emmanuel-gaillard/name", "Shearman and Sterling=shearman-and-sterling/name",
				"Richard Belmar=richard-belmar/name", "Moazzam Begg=moazzam-begg/name", "Louise Christian=louise-christian/name"}},
		{"long Arabic names", "Prime Minister Sheikh Mohammed bin Abdulrahman bin Jassim Al Thani met Mohammed bin Abdulaziz bin Saleh Al-Khulaifi, the minister, and spokesman Majed al-Ansari.",
			[]string{"Mohammed bin Abdulrahman bin Jassim Al Thani=mohammed-bin-abdulrahman-bin-jassim-al-thani/name",
				"Mohammed bin Abdulaziz bin Saleh Al-Khulaifi=mohammed-bin-abdulaziz-bin-saleh-al-khulaifi/name", "Majed al-Ansari=majed-al-ansari/name"}},
		{"an acronym inside a summit's name", "He attended the 2nd ASEAN-Gulf Cooperation Council (GCC) Summit. The Shanghai Cooperation Organisation (SCO) Summit opened.",
			[]string{"2nd ASEAN-Gulf Cooperation Council (GCC) Summit=2nd-asean-gulf-cooperation-council-gcc-summit/name", "Shanghai Cooperation Organisation=sco/name"}},
		{"a country's ministry by its demonym", "The Russian Defence Ministry said so. The Tajik Foreign Ministry denied it.",
			[]string{"Russian Defence Ministry=russian-defence-ministry/name", "Tajik Foreign Ministry=tajik-foreign-ministry/name"}},
		{"a gerund and an article inside a long name; a city before a year", "Join the Code of Conduct for Achieving a World Free of Terrorism to meet Paris 2030 targets.",
			[]string{"Code of Conduct for Achieving a World Free of Terrorism=code-of-conduct-for-achieving-a-world-free-of-terrorism/name", "Paris=paris/name"}},
		{"a G7 group, a contraction, a region of England", "The G7 Group met in east London. \"I'm going nowhere and I'm ashamed,\" he told the East Midlands party.",
			[]string{"G7=g7/name", "London=london/name", "East Midlands=east-midlands/name"}},
		{"a person of a bank, a unit, plural party roles", "The comments, said Junya Tanase of JPMorgan Chase bank, were temporary. Past Congressional Budget Office forecasts and the Downing Street Strategy Unit differ, as Labour and Conservative governments did.",
			[]string{"Junya Tanase=junya-tanase/name", "JPMorgan Chase=jpmorgan-chase/name", "Congressional Budget Office=cbo/name",
				"Downing Street Strategy Unit=downing-street-strategy-unit/name", "Labour=labour-party/alias", "Conservative=conservative-party/alias"}},
		{"a surname without its accent, the High North", "President João Lourenço spoke; Lourenco praised the High North plan.",
			[]string{"João Lourenço=joao-lourenco/name", "Lourenco=joao-lourenco/short", "the High North=high-north/alias"}},
		{"a mission to a country, a company form, a city of the same name", "The OSCE Special Monitoring Mission to Ukraine ended. A Public Joint Stock Company in Western Siberia and a port in Santiago de Cuba.",
			[]string{"OSCE Special Monitoring Mission to Ukraine=osce-special-monitoring-mission-to-ukraine/name", "Western Siberia=western-siberia/name",
				"Santiago de Cuba=santiago-de-cuba/name"}},
		{"a minister of a list of portfolios", "The delegation included the Minister of Investment, Industry and Trade Laziz Kudratov and others.",
			[]string{"Laziz Kudratov=laziz-kudratov/name"}},
		{"compass and departure", "He lives in north-west London and departed for Tashkent. Beijing objected.",
			[]string{"London=london/name", "Tashkent=tashkent/name", "Beijing=CHN/metonym"}},
		{"discourse words and titles alone", "Nonetheless, the President said. However, Prime Minister and Update. Meanwhile Moreover.", nil},
		{"months and weekdays", "In March and on Monday, May said nothing.", nil},
		{"US in running text", "The US and the U.S. and the United States of America.",
			[]string{"US=USA/acronym", "U.S.=USA/acronym", "United States of America=USA/alias"}},
		{"US pronoun in capitals", "LET US GO", nil},
		{"the States", "He moved to the States in 1990. The States parties agreed.",
			[]string{"the States=USA/alias"}},
		{"ambiguous country next to a name", "Michael Jordan and Chad Smith visited Atlanta, Georgia.",
			[]string{"Michael Jordan=michael-jordan/name", "Chad Smith=chad-smith/name", "Atlanta=atlanta/name"}},
		{"ambiguous country alone", "Jordan and Georgia signed a deal with Chad.",
			[]string{"Jordan=JOR/name", "Georgia=GEO/name", "Chad=TCD/name"}},
		{"Turkey", "Türkiye, formerly Turkey, and Turkish firms; a roast turkey.",
			[]string{"Türkiye=TUR/name", "Turkey=TUR/alias", "Turkish=TUR/demonym"}},
		{"longest match", "Papua New Guinea and Equatorial Guinea and Guinea-Bissau, not New Mexico.",
			[]string{"Papua New Guinea=PNG/name", "Equatorial Guinea=GNQ/name", "Guinea-Bissau=GNB/name"}},
		{"the before a longer name", "the Caspian Sea and the Caspian",
			[]string{"Caspian Sea=caspian-sea/name", "the Caspian=caspian-sea/alias"}},
		{"region adjectives", "Central Asian countries and the Eurasian route and Russian natural gas.",
			[]string{"Central Asian=central-asia/demonym", "Eurasian=eurasia/demonym", "Russian=RUS/demonym"}},
		{"quoted framework", "The “Central Asia plus Japan” Dialogue began in 2004.",
			[]string{"“Central Asia plus Japan” Dialogue=central-asia-plus-japan-dialogue/name"}},
		{"acronym defined in the text", "She joined the Eurasian Development Bank (EDB) in 2010. The EDB grew.",
			[]string{"Eurasian Development Bank=eurasian-development-bank/name", "EDB=eurasian-development-bank/short"}},
		{"acronym of a rule-free phrase", "The Women, Peace and Security (WPS) agenda matters. WPS is key.",
			[]string{"Women, Peace and Security=women-peace-and-security/name", "WPS=women-peace-and-security/acronym"}},
		{"known acronym after its name", "the Shanghai Cooperation Organisation (SCO) and later the SCO",
			[]string{"Shanghai Cooperation Organisation=sco/name", "SCO=sco/acronym"}},
		{"organization by form", "The Ministry of Foreign Affairs and the Kazakh Institute of Strategic Studies replied.",
			[]string{"Ministry of Foreign Affairs=ministry-of-foreign-affairs/name", "Kazakh Institute of Strategic Studies=kazakh-institute-of-strategic-studies/name"}},
		{"organization with a country name inside", "The Japan Meteorological Agency warned.",
			[]string{"Japan Meteorological Agency=jma/name"}},
		{"organization ends before a title", "Bank of Japan Governor Kazuo Ueda spoke.",
			[]string{"Bank of Japan=bank-of-japan/name", "Kazuo Ueda=kazuo-ueda/name"}},
		{"generic words are no name", "an International Conference in 2025", nil},
		{"two treaties", "the Non-Proliferation Treaty and Comprehensive Nuclear-Test-Ban Treaty",
			[]string{"Non-Proliferation Treaty=npt/alias", "Comprehensive Nuclear-Test-Ban Treaty=ctbt/name"}},
		{"person by title, then short", "Foreign Minister Ahmed Attaf met Mr. Attaf's staff.",
			[]string{"Ahmed Attaf=ahmed-attaf/name", "Attaf=ahmed-attaf/short"}},
		{"weak title", "before the General Election", nil},
		{"place after title", "at the Prince Edward Theatre", nil},
		{"post-2030 is not the 2030 Agenda", "the post-2030 Agenda for Sustainable Development", nil},
		{"Taliban", "the return of the Taliban regime", []string{"Taliban=taliban/name"}},
		{"EU acronym", "South Korea, the EU, and the European Union.",
			[]string{"South Korea=KOR/name", "EU=eu/acronym", "European Union=eu/name"}},
		{"Ivory Coast and Burma", "Ivory Coast and Côte d’Ivoire; Burma and Myanmar.",
			[]string{"Ivory Coast=CIV/alias", "Côte d’Ivoire=CIV/name", "Burma=MMR/alias", "Myanmar=MMR/name"}},
		{"numbered COP", "the COP26 conference in Glasgow and COP 15 of the Convention on Biological Diversity",
			[]string{"COP26=cop26/name", "Glasgow=glasgow/name", "COP 15=cop15/name", "Convention on Biological Diversity=cbd/name"}},
		{"another body's General Assembly", "whose fourth General Assembly met; the General Assembly voted",
			[]string{"General Assembly=un-general-assembly/alias"}},
		{"the Congress", "The Congress of Leaders met. The Congress agreed. Congress passed the bill.",
			[]string{"Congress of Leaders=congress-of-leaders/name", "Congress=us-congress/alias"}},
		{"shorter name of a rule-found event", "The Tokyo 2020 Olympic and Paralympic Games were held. The Tokyo 2020 Games proved a symbol.",
			[]string{"Tokyo 2020 Olympic and Paralympic Games=tokyo-2020-olympic-and-paralympic-games/name",
				"Tokyo 2020 Games=tokyo-2020-olympic-and-paralympic-games/short"}},
		{"UN body", "Through partnerships with UN Volunteers and UN Women.",
			[]string{"UN Volunteers=un-volunteers/name", "UN Women=un-women/name"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := extract(t, c.text)
			got := mentionsOf(d)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("text %q\ngot  %q\nwant %q", c.text, got, c.want)
			}
		})
	}
}

func TestEntityRecords(t *testing.T) {
	d := extract(t, "Japan and Kazakhstan met. Japan's Kishida visited Astana.\n\nJapanese firms followed.")
	if len(d.Entities) == 0 {
		t.Fatal("no entities")
	}
	ids := []string{}
	for _, e := range d.Entities {
		ids = append(ids, fmt.Sprintf("%s:%d:%s", e.EntityID, e.Mentions, e.FirstSent))
		if e.DocID != d.Document.DocID || e.Salience != 0 || e.Tone != 0 {
			t.Errorf("entity %+v: want DocID set, salience and tone zero", e)
		}
	}
	want := "JPN:3:p1s1 KAZ:1:p1s1 kishida-fumio:1:p1s2 astana:1:p1s2"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("entities %s, want %s", got, want)
	}
	for _, m := range d.Mentions {
		s := d.Sentence(m.SentID)
		if s == nil || m.Start < s.Start || m.End > s.End || d.Document.Text[m.Start:m.End] != m.Surface {
			t.Errorf("mention %+v outside its sentence or surface mismatch", m)
		}
	}
}

func TestEmptyAndNonEnglish(t *testing.T) {
	st := New(testGazetteer(t))
	d := &pipeline.Doc{}
	if err := st.Process(context.Background(), d); err != nil || len(d.Mentions) != 0 || len(d.Entities) != 0 {
		t.Fatalf("empty doc: %v %v %v", err, d.Mentions, d.Entities)
	}
	d = makeDoc(t, "Президент Mr. Ivanov встретился с Japan и Kazakhstan.")
	d.Document.Language = "ru"
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got := mentionsOf(d)
	if strings.Join(got, " ") != "Japan=JPN/name Kazakhstan=KAZ/name" {
		t.Errorf("non-English doc: got %q (title rule must not run)", got)
	}
	if n := strings.Join(d.Document.Notes, "\n"); !strings.Contains(n, "entities: English rules skipped") || !strings.Contains(n, "language ru") {
		t.Errorf("notes %q", d.Document.Notes)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := makeDoc(t, "Japan.")
	if err := New(testGazetteer(t)).Process(ctx, d); err == nil {
		t.Fatal("want context error")
	}
}

func TestTitleEntities(t *testing.T) {
	g := testGazetteer(t)
	got := g.TitleEntities("Japan and Central Asia: Kishida to visit Astana and Tokyo's partners")
	want := "JPN central-asia kishida-fumio astana"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

// TestConcurrent runs one stage on many docs at once (go test -race).
func TestConcurrent(t *testing.T) {
	st := New(testGazetteer(t))
	texts := []string{
		"Japanese Prime Minister Kishida Fumio met President Tokayev in Astana.",
		"Relations with Moscow improved. The EU and China watched.",
		"The Shanghai Cooperation Organisation (SCO) met. The SCO agreed.",
	}
	var wg sync.WaitGroup
	errs := make(chan error, 30)
	for i := range 30 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := makeDoc(t, texts[i%len(texts)])
			if err := st.Process(context.Background(), d); err != nil {
				errs <- err
				return
			}
			if len(d.Entities) == 0 {
				errs <- fmt.Errorf("doc %d: %v", i, d.Entities)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestSameResultEveryRun: linking short names of companies and acronyms
// must not depend on Go's random map order. The text names a group by an
// acronym, one of its banks in full, and another company of the same family
// by its short name with its legal word ("Mitsubishi Corp."), which once
// changed owner from run to run.
func TestSameResultEveryRun(t *testing.T) {
	text := "MUFG, SMBC and Mizuho lead the deal\n\n" +
		"Sumitomo and Itochu are partners. The loan is arranged by MUFG Bank, Sumitomo Mitsui and Mizuho Bank. " +
		"Marubeni and Mitsubishi Corp. are studying wind projects, and Sumitomo is in talks."
	first := ""
	for n := 0; n < 30; n++ {
		d := extract(t, text)
		var b strings.Builder
		for _, m := range d.Mentions {
			fmt.Fprintf(&b, "%s=%s/%s ", m.Surface, m.EntityID, m.Form)
		}
		for _, e := range d.Entities {
			fmt.Fprintf(&b, "%s:%d ", e.EntityID, e.Mentions)
		}
		if n == 0 {
			first = b.String()
			if !strings.Contains(first, "Mitsubishi Corp=mitsubishi-corporation") {
				t.Errorf("Mitsubishi Corp. should be Mitsubishi Corporation: %s", first)
			}
			continue
		}
		if b.String() != first {
			t.Fatalf("run %d differs:\n%s\nfirst run:\n%s", n, b.String(), first)
		}
	}
}
