package entities

import (
	"strings"
	"testing"
)

// TestGeneralRules checks the rules that find names not in the gazetteer
// from their context, one behaviour per case; want lists every mention as
// "surface=id/form", in order.
func TestGeneralRules(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []string
	}{
		{"unknown place after a locative", "Refugees fled to Adré, near the border.",
			[]string{"Adré=adre/name"}},
		{"places in a list", "Rations were cut in camps around Mentao and Goudoubo.",
			[]string{"Mentao=mentao/name", "Goudoubo=goudoubo/name"}},
		{"region before a lower-case region noun", "Fighting spread in the Middle Shabelle and Hiran regions.",
			[]string{"Middle Shabelle=middle-shabelle/name", "Hiran=hiran/name"}},
		{"place after 'the town of'", "They reached the exclave of Nakhchivan by road.",
			[]string{"Nakhchivan=nakhchivan/name"}},
		{"a common word is no place", "The danger is real: they live in Danger.", nil},
		{"person after a lower-case role", "The talks included opposition leader María Corina Machado.",
			[]string{"María Corina Machado=maria-corina-machado/name"}},
		{"person in an appositive", "The High Representative, Kaja Kallas, told reporters.",
			[]string{"Kaja Kallas=kaja-kallas/name"}},
		{"person after a country's possessive", "Hungary's Péter Szijjártó blocked it.",
			[]string{"Hungary=HUN/name", "Péter Szijjártó=peter-szijjarto/name"}},
		{"person before a verb of saying", "Tammy Bruce said the mission would go on.",
			[]string{"Tammy Bruce=tammy-bruce/name"}},
		{"person after a minister's portfolio", "Minister for Foreign Affairs Lars Løkke Rasmussen met them.",
			[]string{"Lars Løkke Rasmussen=lars-lokke-rasmussen/name"}},
		{"family name in capitals links the short form", "Mr. MIYAJI Takuma arrived. Mr. Miyaji spoke.",
			[]string{"MIYAJI Takuma=miyaji-takuma/name", "Miyaji=miyaji-takuma/short"}},
		{"framework with lower-case connectors", "Kazakhstan introduced the Initiative of World Unity for a Just Peace and Harmony.",
			[]string{"Kazakhstan=KAZ/name", "Initiative of World Unity for a Just Peace and Harmony=initiative-of-world-unity-for-a-just-peace-and-harmony/name"}},
		{"treaty ending in a known region", "They signed the Treaty of Amity and Cooperation in Southeast Asia.",
			[]string{"Treaty of Amity and Cooperation in Southeast Asia=treaty-of-amity-and-cooperation-in-southeast-asia/name"}},
		{"name before a class noun", "Leaders endorsed the Ocean of Peace declaration.",
			[]string{"Ocean of Peace=ocean-of-peace/name"}},
		{"organizations in an example list", "Environmental groups such as Greenpeace and Friends of the Earth objected.",
			[]string{"Greenpeace=greenpeace/name", "Friends of the Earth=friends-of-the-earth/name"}},
		{"organization after an organization noun", "Shares in UK banking group Barclays rose.",
			[]string{"UK=GBR/acronym", "Barclays=barclays/name"}},
		{"unknown acronym with a cue", "CARICOM leaders met on Friday.",
			[]string{"CARICOM=caricom/acronym"}},
		{"acronym after a lower-case expansion", "Rules on lethal autonomous weapon systems (LAWS) were discussed.", nil},
		{"foreign acronym definition", "Attacks by Jama'at Nusrat al-Islam wal-Muslimin (JNIM) rose. JNIM denied it.",
			[]string{"Jama'at Nusrat al-Islam wal-Muslimin=jamaat-nusrat-al-islam-wal-muslimin/name", "JNIM=jamaat-nusrat-al-islam-wal-muslimin/short"}},
		{"acronym definition absorbs a known name", "The Trump Route for International Peace and Prosperity (TRIPP) was agreed.",
			[]string{"Trump Route for International Peace and Prosperity=trump-route-for-international-peace-and-prosperity/name"}},
		{"quoted slogans", "The reform is summed up as “Strong President, Authoritative Parliament, Accountable Government”.", nil},
		{"quoted hypothetical", "States could form a “Technological Non-Alignment Movement” to cope.", nil},
		{"hypothetical with a modal", "If talks fail, a Haitian Stability Corps could fill the gap.", nil},
		{"headline capitals", "Kenya's Ruto Defends Haiti Mission As Funding Dries Up",
			[]string{"Kenya=KEN/name", "Haiti=HTI/name"}},
		{"byline is no headline", "By Anna Kowalski, Senior Analyst, Royal Institute of International Affairs",
			[]string{"Anna Kowalski=anna-kowalski/name", "Royal Institute of International Affairs=chatham-house/alias"}},
		{"delivery line is no headline", "Delivered by Ambassador Jonas Berg to the Human Rights Council, Geneva",
			[]string{"Jonas Berg=jonas-berg/name", "Human Rights Council=un-human-rights-council/alias", "Geneva=geneva/name"}},
		{"person after a company role", "The firm's chief executive Lisa Su met buyers.",
			[]string{"Lisa Su=lisa-su/name"}},
		{"capital after a motion word and a particle", "The envoy flew in from Nairobi on Monday.",
			[]string{"Nairobi=nairobi/name"}},
		{"place name with a Romance connector", "Smugglers operate in Ciudad del Este and Pedro Juan Caballero.",
			[]string{"Ciudad del Este=ciudad-del-este/name", "Pedro Juan Caballero=pedro-juan-caballero/name"}},
		{"name before 'peninsula'", "Submarines are based on the Kola peninsula.",
			[]string{"Kola=kola/name"}},
		{"bare head after the body was named", "The Venice Commission met. The Commission said no.",
			[]string{"Venice Commission=venice-commission/name", "Commission=venice-commission/short"}},
		{"bare 'the Commission' in a text about the EU", "EU farmers protested. The Commission said the deal was fair.",
			[]string{"EU=eu/acronym", "Commission=european-commission/short"}},
		{"bare head with nothing to stand for", "The Commission said the deal was fair.", nil},
		{"byline name without a role", "By Tomás Ferreira",
			[]string{"Tomás Ferreira=tomas-ferreira/name"}},
		{"named storm", "Homes were lost after Typhoon Haiyan struck.",
			[]string{"Typhoon Haiyan=typhoon-haiyan/name"}},
		{"railway is a body", "Freight on the Benguela Railway rose.",
			[]string{"Benguela Railway=benguela-railway/name"}},
		{"organization after 'builder'", "The contract went to the French builder Vinci.",
			[]string{"French=FRA/demonym", "Vinci=vinci/name"}},
		{"shared demonym in a text about the DRC", "Fighting in the Democratic Republic of the Congo went on. Congolese officials objected.",
			[]string{"Democratic Republic of the Congo=COD/name", "Congolese=COD/demonym"}},
		{"shared demonym alone", "Congolese officials objected.",
			[]string{"Congolese=COG/demonym"}},
		{"administrative region after a country's possessive", "Mines in Peru's Apurímac Region were blocked.",
			[]string{"Peru=PER/name", "Apurímac Region=apurimac-region/name"}},
		{"places on a route", "They plan a pipeline from Kirkuk to Ceyhan and a road from Tiraspol to Odesa.",
			[]string{"Kirkuk=kirkuk/name", "Ceyhan=ceyhan/name", "Tiraspol=tiraspol/name", "Odesa=odesa/name"}},
		// Fallback: names no list knows and no context explains.
		{"unknown one-word name mid-sentence", "The deal was signed by Trafigura and the government.",
			[]string{"Trafigura=trafigura/name"}},
		{"unknown person after a role and a comma", "The relief coordinator, Jan Egeland, said it was grave.",
			[]string{"Jan Egeland=jan-egeland/name"}},
		{"English words capitalized as a name", "The talks at the Golden Temple ended.",
			[]string{"Golden Temple=golden-temple/name"}},
		{"capitalized concepts are no names", "We defend Human Rights and fight Climate Change together.", nil},
		{"a product is no actor", "Kazakhstan has produced its own QazVac vaccine.", []string{"Kazakhstan=KAZ/name"}},
		{"a word also written in lower case", "The Relief effort grew, and relief arrived.", nil},
		{"short form of an earlier body", "Fighters from the Wagner Group operate in Mali, and Wagner's network grew.",
			[]string{"Wagner Group=wagner-group/name", "Mali=MLI/name", "Wagner=wagner-group/short"}},
		{"name with a number", "On 25 December, the Estlink 2 power cable was cut.",
			[]string{"Estlink 2=estlink-2/name"}},
		{"names without their accents", "Ports in Abidjan and Lome serve the Sahel; Turkiye objected.",
			[]string{"Abidjan=abidjan/name", "Lome=lome/name", "Sahel=sahel/name", "Turkiye=TUR/name"}},
		{"a capital the army lost is the city", "The army lost Khartoum early in the war.",
			[]string{"Khartoum=khartoum/name"}},
		{"a capital in 'the streets of' is the city", "Protesters filled the streets of Tbilisi.",
			[]string{"Tbilisi=tbilisi/name"}},
		// Compound names joined by dashes.
		{"compound summit", "The first India–Central Asia Summit was held online.",
			[]string{"India=IND/name", "Central Asia=central-asia/name", "India–Central Asia Summit=india-central-asia-summit/name"}},
		{"compound with a lower-case noun", "Russia will finance the Rasht–Astara railway in Iran.",
			[]string{"Russia=RUS/name", "Rasht–Astara railway=rasht-astara-railway/name", "Iran=IRN/name"}},
		{"compound with its acronym", "The Kazakhstan–Turkmenistan–Iran (KTI) railway stalled; KTI needs funds.",
			[]string{"Kazakhstan=KAZ/name", "Turkmenistan=TKM/name", "Iran=IRN/name",
				"Kazakhstan–Turkmenistan–Iran=kazakhstan-turkmenistan-iran/name", "KTI=kazakhstan-turkmenistan-iran/short"}},
		{"a known compound", "The Turkmenistan–Afghanistan–Pakistan–India (TAPI) gas pipeline stalled; TAPI needs funds.",
			[]string{"Turkmenistan=TKM/name", "Afghanistan=AFG/name", "Pakistan=PAK/name", "India=IND/name",
				"Turkmenistan–Afghanistan–Pakistan–India=turkmenistan-afghanistan-pakistan-india/name",
				"TAPI=turkmenistan-afghanistan-pakistan-india/acronym"}},
		{"a pair without a naming noun is two countries", "US-China relations worsened.",
			[]string{"US=USA/acronym", "China=CHN/name"}},
		{"no route noun, no place", "Prices rose from Monday to Friday; shares fell from Barclays to Lloyds.",
			[]string{"Barclays=barclays/name", "Lloyds=lloyds/name"}}, // banks, found by the gazetteer and the fallback rule, not as places
		{"name before 'plains'", "Patrols resumed on the Depsang plains.",
			[]string{"Depsang=depsang/name"}},
		{"mechanism is a framework", "Talks went through the Working Mechanism for Consultation and Coordination.",
			[]string{"Working Mechanism for Consultation and Coordination=working-mechanism-for-consultation-and-coordination/name"}},
		{"an address is no person", "Thank you, Mr. Chair. Madam Speaker, we agree.", nil},
		{"dateline capital is the place", "Riyadh – The talks began.",
			[]string{"Riyadh=riyadh/name"}},
		{"surname of another known person", "Kim Jong Un met his sister. Kim Yo Jong spoke later.",
			[]string{"Kim Jong Un=kim-jong-un/name", "Kim Yo Jong=kim-yo-jong/name"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := extract(t, c.text)
			got := mentionsOf(d)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("%q\n got %q\nwant %q", c.text, got, c.want)
			}
		})
	}
}
