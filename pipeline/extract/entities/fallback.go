package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefpack/briefpack/pipeline"
)

// The fallback rule takes a capitalized name that no list knows and no
// context rule explains ("Allianz", "Barclays Capital", "Jan Egeland", "the
// Entity List"), when the words themselves say it is a name:
//   - one word: not at the start of the sentence, not an English word in any
//     case ("Hynix", "Rajasthan"), not written in lower case elsewhere in
//     the document, not a language, religion, feast or -ism;
//   - two or more words: at least one word that is not an English word
//     ("Swiss Re" is not taken on "Re", but "Brian Brink" on "Brian" and
//     "Royal Gurkha Rifles" on "Gurkha"), or, for names made only of English
//     words ("Comic Relief", "Security Service"), mid-sentence, not a title
//     or generic phrase, not a concept UN texts capitalize ("Human Rights",
//     "Climate Change"), and never written in lower case in the document.
//
// The type is a best guess: a person when the first word is a given name
// the vocabulary knows and two or three words follow no organization
// word, a place for words with place endings ("-stan", "-abad"), else an
// organization.

// notNames are capitalized words that are proper nouns in the vocabulary
// but not actors: feasts, faiths, scriptures, eras, ideologies, languages
// and peoples.
var notNames = set("Chairship", "Chairmanship", "Chairpersonship", "Afrikaners", "Jr", "Sr", "Christmas", "Easter", "Ramadan", "Eid", "Diwali", "Hanukkah", "Passover", "Thanksgiving",
	"Halloween", "Lent", "Advent", "Navruz", "Nowruz", "Nauryz", "Islam", "Christianity", "Judaism", "Hinduism",
	"Buddhism", "Catholicism", "Protestantism", "Orthodoxy", "Bible", "Koran", "Quran", "Qur'an", "Torah",
	"God", "Allah", "Jesus", "Christ", "Muslim", "Muslims", "Christian", "Christians", "Jew", "Jews", "Jewish",
	"Hindu", "Hindus", "Buddhist", "Buddhists", "Sikh", "Sikhs", "Catholic", "Catholics", "Protestant",
	"Protestants", "Orthodox", "Sunni", "Sunnis", "Shia", "Shiite", "Shiites", "Shi'ite", "Arab", "Arabs",
	"Kurd", "Kurds", "Roma", "Celsius", "Fahrenheit", "Aids", "AIDS", "HIV", "Ebola", "Zika", "Covid", "COVID",
	"Omicron", "Delta", "Internet", "Web", "Earth", "Moon", "Sun", "Mars", "Heaven", "Hell", "Paradise",
	"Renaissance", "Enlightenment", "Holocaust", "Armageddon", "Olympian", "Olympics", "Olympic", "Paralympic",
	"Paralympics", "Brexit", "Grexit", "Nazi", "Nazis", "Soviet", "Soviets", "Bolshevik", "Bolsheviks",
	"Communist", "Communists", "Marxist", "Leninist", "Latino", "Latinos", "Hispanic", "Asian", "Asians",
	"African", "Africans", "European", "Europeans", "Western", "Westerners", "Eastern", "Northern", "Southern",
	"English", "Hebrew", "Arabic", "Persian", "Aramaic", "Latin", "Mandarin", "Cantonese", "Hindi", "Urdu", "Swahili", "Farsi", "Dari", "Pashto", "Russian",
	"Uighur", "Uyghur", "Uyghurs", "Uighurs", "Rohingya", "Pashtun", "Pashtuns", "Baloch", "Tuareg", "Hausa",
	"Yoruba", "Igbo", "Amhara", "Oromo", "Tigrayan", "Tigrayans", "Druze", "Alawite", "Alawites", "Yazidi",
	"Yazidis", "Maori", "Inuit", "Sami", "Creole", "Gurkha", "Gurkhas", "Cossack", "Cossacks", "Bedouin",
	"Hutu", "Hutus", "Tutsi", "Tutsis", "Tamil", "Tamils", "Sinhala", "Berber", "Berbers", "Amazigh", "Fulani",
	"Somali", "Somalis", "Masai", "Maasai", "Zulu", "Xhosa", "Han", "Hui", "Tibetans", "Kazakhs", "Uzbeks",
	"Facebook", "Twitter", "Instagram", "YouTube", "TikTok", "WhatsApp", "Telegram", "Google", "Windows",
	"Excel", "Word", "PowerPoint", "Zoom", "Skype", "Wi-Fi", "Bluetooth", "Kelvin", "Richter",
	"Doctor", "Professor", "Sir", "Madam", "Lord", "Lady", "Dame", "Ms", "Mrs", "Mr", "Dr", "St", "Mt",
	"Fig", "Vol", "No", "Nos", "Para", "Sec", "Article", "Articles", "Chapter", "Section", "Paragraph", "Annex",
	"Tok", "Pisin", "Bislama", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "Plc",
	"Pvt", "LLC", "Bros", "Messrs", "Ave", "Blvd", "Rd", "Esq", "Hon", "Rev", "Gov", "Sen", "Rep", "Gen", "Lt",
	"Col", "Capt", "Sgt", "Cpl", "Maj", "Adm", "Cmdr", "Supt", "Insp", "Det", "Pte", "Brig", "OK", "Okay",
	"Q&A", "FAQ", "PhD", "MBA", "CEO", "CFO", "COO", "CTO", "MP", "MPs", "MEP", "MEPs", "PM", "VIP", "GDP",
	"GNP", "GNI", "FDI", "ODA", "VAT", "IPO", "ETF", "CO2", "GHG", "LNG", "LPG", "EV", "EVs", "AI", "IT", "ICT",
	"TV", "PC", "US", "UK", "EU", "UN", "QC", "KC", "OBE", "CBE", "MBE", "KBE", "FRS", "MSc", "BSc", "MA", "BA",
	"MPhil", "LLB", "Hepatitis", "Influenza", "Malaria", "Tuberculosis", "Polio", "Cholera", "Measles",
	"Mpox", "Dengue")

// conceptHeads end phrases that UN texts and speeches capitalize for
// emphasis but that name no actor ("Human Rights", "Climate Change",
// "Artificial Intelligence", "Rule of Law").
var conceptHeads = set("Staff", "Writer", "Writers", "Reporter", "Reporters", "Columnist", "Contributor", "Editor", "Editors", "Segment", "Ceremony", "Visit", "Rights", "Right", "Change", "Intelligence", "Development", "Law", "Laws", "Weapons",
	"Weapon", "Assistance", "War", "Wars", "Ages", "Age", "Era", "Day", "Days", "Night", "Week", "Weeks",
	"Year", "Years", "Month", "Months", "Century", "Peace", "Security", "Justice", "Democracy", "Freedom",
	"Freedoms", "Prosperity", "Growth", "Energy", "Economy", "Economies", "Technology", "Technologies",
	"Transformation", "Transition", "Education", "Health", "Coverage", "Equality", "Empowerment", "Crisis",
	"Crises", "Disarmament", "Proliferation", "Non-Proliferation", "Nonproliferation", "Terrorism",
	"Extremism", "Cooperation", "Co-operation", "Integration", "Connectivity", "Diplomacy", "Sovereignty",
	"Stability", "Resilience", "Recovery", "Reform", "Reforms", "Trade", "Investment", "Investments",
	"Finance", "Financing", "Goals", "Goal", "Target", "Targets", "Principles", "Principle", "Values", "Value",
	"Order", "Mankind", "Humanity", "Humankind", "Civilization", "Civilisation", "Nations", "Countries",
	"States", "Peoples", "People", "Leaders", "Members", "Parties", "Partners", "Friends", "Colleagues",
	"Excellencies", "Excellency", "Delegates", "Delegations", "Heads", "Representatives", "Minister",
	"Ministers", "President", "Presidents", "Chair", "Chairman", "Chairperson", "Secretary", "General",
	"Ambassador", "Ambassadors", "Officer", "Officers", "Director", "Directors", "Envoy", "Envoys",
	"Agenda", "Vision", "Sustainability", "Neutrality", "Independence", "Identity", "Heritage", "Culture",
	"Tourism", "Water", "Food", "Climate", "Environment", "Ocean", "Oceans", "Nature", "Biodiversity",
	"Pandemic", "Vaccine", "Vaccines", "Virus", "Disease", "Diseases", "Emergency", "Emergencies", "Aid",
	"Relief", "Response", "Action", "Actions", "Measures", "Measure", "Approach", "Policy", "Policies",
	"System", "Systems", "Governance", "Management", "Technique", "Techniques", "Science", "Sciences",
	"Research", "Innovation", "Innovations", "Capital", "Markets", "Market", "Sector", "Sectors", "Industry",
	"Industries", "Agriculture", "Infrastructure", "Transport", "Communications", "Information", "Data",
	"Space", "Cyberspace", "Internet", "Media", "Gender", "Women", "Youth", "Children", "Girls", "Persons",
	"Refugees", "Migrants", "Migration", "Poverty", "Hunger", "Inequality", "Inequalities", "Violence",
	"Conflict", "Conflicts", "Dispute", "Disputes", "Protection", "Prevention", "Mediation", "Negotiations",
	"Talks", "Consultations", "Relations", "Affairs", "Issues", "Issue", "Matters", "Questions", "Question",
	"Situation", "Process", "Reconciliation", "Accountability", "Transparency", "Integrity", "Dignity",
	"Solidarity", "Unity", "Harmony", "Tolerance", "Trust", "Dialogue", "Multilateralism", "Regionalism",
	"Fellow", "Fellows", "Analyst", "Researcher", "Lecturer", "Correspondent", "Adviser",
	"Advisor", "Counsellor", "Counselor", "Consul", "Coordinator", "Rapporteur", "Representative", "Commissioner",
	"Governor", "Mayor", "Spokesman", "Spokeswoman", "Spokesperson", "Executive", "Deputy", "Assistant",
	"Associate", "Professor", "Scholar", "Expert", "Experts", "Candidate", "Nominee", "Laureate", "Participant",
	"Participants", "Observer", "Observers", "Member", "Gain", "Gains", "Insurance", "Lobby", "Agent",
	"Solution", "Solutions", "House", "Doctrine", "Report", "Reports", "Briefing", "Briefings", "Rule",
	"Conference", "Press", // "the Upper House"; "White House", "Chatham House" are in the gazetteer
	"Agents")

// givenNames are common given names the vocabulary lacks or holds as
// English words ("Jan", "Bob", "Mark").
var givenNames = set("Jan", "Bob", "Mark", "Bill", "Will", "Rob", "Pat", "Ken", "Ray", "Frank", "Grant", "Hope",
	"Jack", "John", "Jim", "Tom", "Harry", "Chuck", "Cliff", "Dawn", "Dale", "Drew", "Earl", "Gene", "Glen", "Hank",
	"Herb", "Holly", "Ivy", "Jay", "Jean", "June", "Lance", "Matt", "Mike", "Nick", "Norm", "Pearl", "Penny", "Pete",
	"Rich", "Rick", "Robin", "Rod", "Roger", "Sally", "Sandy", "Sue", "Ted", "Terry", "Tim", "Victor", "Wade",
	"Walt", "Ward", "Warren", "Wes", "Faith", "Grace", "Chase", "Don", "Gordon", "Neil", "Ruth", "Amber", "Crystal",
	"Rose", "Dean", "Gus", "Joy", "Max", "Ali", "Omar", "Ahmed", "Ahmad", "Mohammed", "Muhammad", "Mohamed",
	"Hassan", "Hussein", "Ibrahim", "Yusuf", "Abdullah", "Abdul", "Mahmoud", "Khalid", "Tariq", "Faisal",
	"Sergei", "Sergey", "Vladimir", "Dmitry", "Dmitri", "Alexei", "Alexey", "Andrei", "Andrey", "Nikolai",
	"Olga", "Natalia", "Yulia", "Irina", "Tatiana", "Viktor", "Yuri", "Oleksandr", "Volodymyr", "Olena",
	"Mykola", "Nursultan", "Kassym-Jomart", "Murat", "Bakhtiyor", "Shavkat", "Sadyr", "Emomali", "Serdar",
	"Gurbanguly", "Rashid", "Aziz", "Nurlan", "Yerlan", "Askar", "Daniyar", "Timur", "Rustam", "Jeenbek",
	"Xi", "Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Sun", "Hu", "Kim",
	"Park", "Lee", "Choi", "Moon", "Yoon", "Narendra", "Rahul", "Amit", "Subrahmanyam", "Anwar",
	"Joko", "Prabowo", "Ferdinand", "Rodrigo", "Luiz", "Javier", "Gustavo", "Nicolás", "Nicolas", "Andrés",
	"Claudia", "Gabriel", "Emmanuel", "Olaf", "Friedrich", "Annalena", "Giorgia", "Pedro", "Ursula",
	"Kaja", "Josep", "Antonio", "António", "Volker", "Recep", "Hakan", "Ilham", "Nikol", "Ararat", "Irakli",
	"Cyril", "Bola", "Paul", "William", "Abiy", "Yoweri", "Hakainde", "Uhuru", "Samia", "Félix", "Felix")

// placeEndings mark one-word names of places ("Rajasthan", "Islamabad").
var placeEndings = []string{"stan", "abad", "pur", "pura", "grad", "burg", "bourg", "ville", "polis", "shire"}

// conceptStart begin phrases that are never names ("Weapons of Mass
// Destruction").
var fallbackConnectors = set("of", "for", "with", "für", "pour", "para", "y", "et", "und", "di", "da", "do", "de", "du", "des", "del", "van", "von", "bin", "&")

// fallbackRule returns the end and type of a capitalized name at token i
// that no other rule took, or 0.
func (x *extractor) fallbackRule(i int) (int, string) {
	if !x.capWord(i) || x.toks[i].quoted {
		return 0, ""
	}
	first := x.sentenceStart(i)
	w := x.word(i)
	if stopCaps[w] || notNames[w] || notActorAcronyms[w] || titleWord(w) || (months[w] && !(givenNames[w] && x.capWord(i+1))) || weakTitles[w] || x.startsTitle(i) {
		return 0, ""
	}
	if x.punct(i-1, "-") && x.adjacent(i) {
		return 0, "" // "pro-Moscow", "anti-Aids"
	}
	if x.isWordTok(i+1) && groupNouns[x.word(i+1)] && !x.capWord(i-1) {
		return 0, "" // "the Pamiri minority": a people
	}
	if factionAdj(w) && x.capWord(i+1) {
		return 0, "" // "Blairite Alan Milburn": the name starts after the faction
	}
	if first && orgNouns[strings.ToLower(w)] && x.capWord(i+1) {
		return 0, "" // "Miner Highland Gold said": the name starts after the noun
	}
	if x.punct(i-1, "/") && x.adjacent(i) || x.punct(i+1, "/") && x.adjacent(i+1) {
		return 0, "" // a reference code or a pair of words ("PSC/HoSG", "Sunni/Shia")
	}
	if contraction(w) || classPlural(w) {
		return 0, "" // "I've"; "GPs", "Jobcentres": a class of people or things
	}
	if x.lastEnd == i {
		return 0, "" // more words after a name: "Nicolás Maduro Moros", "the Quad Cancer Moonshot"
	}
	if x.inMotto(i) {
		return 0, "" // the motto "Building a Just World and a Sustainable Planet"
	}
	if p := i - 1; x.capWord(p) && !stopCaps[x.word(p)] && !(personStart(w) && x.titleRunBefore(i)) {
		return 0, "" // inside a longer name no rule took ("Wells Fargo" at a sentence start)
	}
	if p := i - 1; x.isWordTok(p) && (nameParticles[x.word(p)] || fallbackConnectors[x.word(p)] || x.word(p) == "and") &&
		x.capWord(p-1) && !stopCaps[x.word(p-1)] && !(x.word(p) == "and" && personStart(w) && x.lastWasPerson(p)) {
		return 0, "" // "Foz do Iguaçu", "... Disease Control and Biosafety"
	}
	if p := i - 1; x.isWordTok(p) && isDigits(x.word(p)) && x.punct(p-1, "-") && x.adjacent(p) {
		return 0, "" // "COVID-19 Crisis Response ...": part of a longer name
	}
	if strings.HasSuffix(w, "landers") {
		return 0, "" // "Greenlanders": people of a place
	}
	if x.knownAt(i) {
		return 0, "" // a gazetteer name whose context said no ("Lai" before "Lai Ching-te")
	}
	k := x.trimConnectors(i, x.fallbackEnd(i))
	if k <= i {
		return 0, ""
	}
	if p := x.holderTail(i, k); p > 0 {
		k = p // "Cabinet of Ministers Batyr Amanov": the body, then its officer
	}
	if last := x.word(k - 1); k-i >= 2 && (productCaps[last] || modelCode(last)) {
		return k, "" // "the Escape Hybrid", "the Volvo S40": a product, no actor
	}
	if (k < len(x.toks) && (x.matchAt(k) || x.startsTitle(k))) || (x.isWordTok(k) && nameParticles[x.word(k)]) ||
		(x.capWord(k) && x.toks[k].quoted) {
		// a modifier of a known name or a title ("Federative Republic of
		// Brazil", "UN Climate Change Executive Secretary"), a name that
		// goes on with particles ("Jama'at Nusrat al-Islam") or a nickname.
		// A name before "(ACR)" is taken; the acronym then links to it.
		return 0, ""
	}
	if x.isWordTok(k) && (x.word(k) == "of" || x.word(k) == "for") {
		n := k + 1
		if x.isWordTok(n) && isThe(x.word(n)) {
			n++
		}
		if n < len(x.toks) && x.matchAt(n) && !(x.word(k) == "of" && x.speakerOfCountry(i, k, n)) {
			return 0, "" // "the 2024 Roadmap for Accelerated Implementation of the Vienna Programme of Action"
		}
	}
	if id := x.personEnding(i, k); id != "" {
		x.emit(id, i, k, pipeline.FormShort) // "Ould Tah" after "Sidi Ould Tah"
		return k, ""
	}
	words, unknown := 0, 0
	for t := i; t < k; t++ {
		if !x.capWord(t) {
			continue
		}
		words++
		u := x.word(t)
		if !commonWord(u) && !notNames[u] && !stopCaps[u] && !isAllCaps(u) && !looksAdjective(u) {
			unknown++
		}
	}
	if (unknown == 0 || (words == 1 && k == len(x.toks) && strings.HasSuffix(w, "s"))) && x.headingLine() {
		return 0, "" // a subheading of ordinary words: "A Crowded Field", "6. Attendees"
	}
	if words == 1 {
		if first && !commonWord(w) && !properWord(w) && !looksAdjective(w) && !isAllCaps(w) && x.verbAfter(k) {
			first = false // "Trafigura said ...": a name no English word, then a verb
		}
		if first && !commonWord(w) && !looksAdjective(w) && !isAllCaps(w) && k < len(x.toks) && x.toks[k].kind == tokPoss &&
			x.isWordTok(k+1) && !x.capWord(k+1) {
			first = false // "Bechtel's efforts to rebuild schools": a name no English word, then 's
		}
		if first || k != i+1 || utf8.RuneCountInString(w) < 3 || isAllCaps(w) || unknown == 0 ||
			x.lowerInText(w) || strings.ContainsAny(w, "0123456789") || looksAdjective(w) {
			return 0, ""
		}
		if x.punct(k, "-") && x.adjacent(k) {
			return 0, "" // "Aids-related", "Bush-style"
		}
		if ideaWord(w) {
			return 0, "" // "Solidarity, Equality, Sustainability": a theme, not a name
		}
		if x.isWordTok(k) && productNouns[x.word(k)] {
			return 0, "" // "its own QazVac vaccine": a product, not an actor
		}
		if id := x.nameStartingWith(w); id != "" {
			x.emit(id, i, k, pipeline.FormShort) // "Wagner's" after "the Wagner Group"
			return k, ""
		}
		if strings.HasSuffix(w, "s") && x.personFirstNameOrSurname(w[:len(w)-1]) {
			return 0, "" // "the Berdimuhamedows": a family, not an actor of its own
		}
		if id := x.demonymOf(w); id != "" {
			x.emit(id, i, k, pipeline.FormDemonym) // "Tuvaluans", "Nauruan": the people of a known country
			return k, ""
		}
		if id := x.personFirstName(w); id != "" {
			x.emit(id, i, k, pipeline.FormShort) // "Gurbanguly" after "Gurbanguly Berdimuhamedow"
			return k, ""
		}
		return x.withNumber(k), oneWordType(w)
	}
	if x.allGeneric(i, k) || x.allTitles(i, k) {
		return 0, ""
	}
	last := x.word(k - 1)
	if strings.HasSuffix(last, "ing") && commonWord(last) && x.isWordTok(k) && (x.word(k) == "to" || isThe(x.word(k))) {
		return 0, "" // a name cut short: "the Protocol Relating to the Establishment of ..."
	}
	if unknown == 0 {
		// only English words: a name only mid-sentence, never written in
		// lower case here, and not a capitalized concept; a session has a
		// number ("the Sixty-Eighth Ordinary Session", not "the Opening
		// Session")
		if _, o := x.ordinalAt(i); (last == "Session" || last == "Sessions") && o == i {
			return 0, ""
		}
		if first || conceptHeads[last] || genericWords[last] || x.lowerPhraseInText(i, k) || pluralNoun(last) {
			return 0, ""
		}
		for t := i + 1; t < k; t++ {
			if x.isWordTok(t) && x.word(t) == "of" && conceptHeads[x.word(t-1)] {
				return 0, "" // "the Doctrine of Absence", "the Rule of Law"
			}
		}
	} else if first && (commonWord(w) || looksAdjective(w)) && !x.givenNameFirst(i, k, words, unknown) {
		return 0, "" // "Golden Meanwhile ...": the sentence start may be an ordinary word
	}
	for t := i; t < k; t++ {
		if u := x.word(t); x.capWord(t) && personStart(w) && (compassWords[u] || nameStop[u]) {
			return 0, "" // "Michael East" may be a runner or a place: not sure enough
		}
	}
	if words <= 3 && (unknown > 0 || givenNames[w]) && (personStart(w) || x.surnameAt(i) || (unknown == words && k-i == words)) && !x.hasConnector(i, k) {
		if _, tail := tailType(last); !tail && !placeWords[last] && !conceptHeads[last] {
			return k, pipeline.TypePerson
		}
	}
	return x.withNumber(k), pipeline.TypeOrganization
}

// speakerOfCountry reports whether the name [i, k) is a person's, said of
// a country that follows at token n with a verb of speech after it
// ("Nicolas de Rivière of France said ...", "Barbara Woodward of the
// United Kingdom warned ..."): a delegate, as UN meeting reports name them.
func (x *extractor) speakerOfCountry(i, k, n int) bool {
	j, h, ok := x.gazetteer(n)
	if !ok || h.form == "" || x.g.entries[h.entry].Type != pipeline.TypeCountry || k-i < 2 || k-i > 4 {
		return false
	}
	if x.punct(j, ",") {
		j++
	}
	return x.isWordTok(j) && sayVerbs[x.word(j)] && !commonWord(x.word(k-1))
}

// ideaWord reports whether a long word names an idea by its ending
// ("Sustainability", "Connectivity", "Preparedness"), not "-ship" ("the
// Premiership" is a league); given names and
// surnames end so only when short ("Clement", "Vance").
func ideaWord(w string) bool {
	if utf8.RuneCountInString(w) < 8 {
		return false
	}
	for _, suf := range []string{"tion", "sion", "ity", "ness", "ment"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// inMotto reports whether token i is inside a quoted motto: a quote that
// opens with a gerund or "Towards" ("Building a Just World and a
// Sustainable Planet", "Towards a Greener Future").
func (x *extractor) inMotto(i int) bool {
	if i >= len(x.inq) || !x.inq[i] {
		return false
	}
	q := i
	for q > 0 && !x.toks[q].quoted && i-q < 16 {
		q--
	}
	if !x.toks[q].quoted || !x.capWord(q) {
		return false
	}
	w := x.word(q)
	return w == "Towards" || w == "Toward" || strings.HasSuffix(w, "ing") && utf8.RuneCountInString(w) > 5 && commonWord(w)
}

// headingLine reports whether the sentence is a short line of its own with
// no closing punctuation: a subheading or a list label, not prose.
func (x *extractor) headingLine() bool {
	if x.sent == nil || len(x.toks) == 0 || len(x.toks) > 8 {
		return false
	}
	line := strings.TrimSpace(x.text[x.sent.Start:x.sent.End])
	if line == "" || strings.ContainsAny(line[len(line)-1:], ".!?,;") {
		return false
	}
	end := x.sent.End
	for end < len(x.text) && (x.text[end] == ' ' || x.text[end] == '\t') {
		end++
	}
	return end >= len(x.text) || x.text[end] == '\n'
}

// productNouns after a one-word name make it a product ("the QazVac
// vaccine", "Starlink terminals").
var productNouns = set("vaccine", "vaccines", "missile", "missiles", "drone", "drones", "jet", "jets", "tank",
	"tanks", "rifle", "rifles", "app", "apps", "software", "variant", "virus", "strain", "model", "models",
	"brand", "engine", "engines", "phone", "phones", "terminal", "terminals", "system", "systems", "satellite",
	"satellites", "rocket", "rockets", "aircraft", "helicopter", "helicopters", "vehicle", "vehicles", "drug",
	"drugs", "pill", "pills", "device", "devices", "chip", "chips", "format", "font", "index", "score", "scale",
	"test", "tests", "method", "algorithm", "code", "language", "dialect", "script", "alphabet", "cuisine",
	"dish", "wine", "tea", "style", "era", "period", "dynasty", "people", "tribe", "tribes", "clan", "clans")

// productCaps end the capitalized names of products ("Escape Hybrid",
// "Highlander SUV").
var productCaps = set("Hybrid", "SUV", "SUVs", "Coupe", "Sedan", "Saloon", "Hatchback", "Pickup", "Roadster", "ICBM", "ICBMs", "SLBM", "IRBM")

// modelCode reports a product's model code: letters and digits in one word
// ("S40", "LR3", "A320"), but not a group's name ("G20", "C5", "P5").
func modelCode(w string) bool {
	letters, digits := 0, 0
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsUpper(r):
			letters++
		default:
			return false
		}
	}
	return letters >= 1 && letters <= 2 && digits >= 1 && len(w) >= 3 && !(letters == 1 && (w[0] == 'G' || w[0] == 'C' || w[0] == 'P' || w[0] == 'E' || w[0] == 'B'))
}

// withNumber extends a name at k by a following number of one or two
// digits ("Estlink 2", "Nord Stream 2").
func (x *extractor) withNumber(k int) int {
	if x.isWordTok(k) && x.toks[k].space && isDigits(x.word(k)) && len(x.word(k)) == 4 && (x.word(k)[:2] == "19" || x.word(k)[:2] == "20") &&
		!x.punct(k+1, "%") && !x.punct(k+1, "-") && !x.punct(k+1, "–") && !x.punct(k+1, "/") {
		return k + 1 // "Nordic Response 2024", "Expo 2025"
	}
	if x.isWordTok(k) && x.toks[k].space && isDigits(x.word(k)) && len(x.word(k)) <= 2 &&
		!(x.isWordTok(k+1) && numberWords[x.word(k+1)]) && !x.punct(k+1, "%") && !x.punct(k+1, ".") &&
		!x.punct(k+1, ",") && !x.punct(k+1, ":") {
		return k + 1
	}
	return k
}

// numberWords after a number make it a quantity, not part of a name.
var numberWords = set("per", "percent", "million", "billion", "trillion", "times", "years", "months", "days",
	"weeks", "hours", "minutes", "of", "to", "and", "or", "in", "at", "on", "by", "from", "for", "more", "less",
	"new", "other", "people", "countries", "members", "states", "km", "kilometres", "kilometers", "miles")

// pluralNoun reports a plural English noun ("Participants", "Partners"),
// which ends names of groups of people rather than of bodies.
func pluralNoun(w string) bool {
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || orgTails[w] {
		return false
	}
	return commonWord(w[:len(w)-1]) || (strings.HasSuffix(w, "ies") && commonWord(w[:len(w)-3]+"y"))
}

// knownAt reports whether the gazetteer knows a name starting at token i,
// whatever its context conditions say; but a surname followed by another
// capitalized word starts another person's name ("Philippe Sands" is no
// Édouard Philippe, "Christopher Greenwood" no Warren Christopher).
func (x *extractor) knownAt(i int) bool {
	var buf [4]match
	for _, m := range x.g.trie.walk(buf[:0], x.text, x.toks, i) {
		for _, h := range x.g.trie.nodes[m.n].hits {
			if h.form != "" && !(h.flags&flagNeedsAnchor != 0 && x.capWord(m.j)) {
				return true
			}
		}
	}
	return false
}

// surnameAt reports whether the word at token i is a known person's
// surname, and so a personal name ("Martin" of "Martin Mubanga").
func (x *extractor) surnameAt(i int) bool {
	var buf [4]match
	for _, m := range x.g.trie.walk(buf[:0], x.text, x.toks, i) {
		if m.j != i+1 {
			continue
		}
		for _, h := range x.g.trie.nodes[m.n].hits {
			if h.flags&flagNeedsAnchor != 0 && x.g.entries[h.entry].Type == pipeline.TypePerson {
				return true
			}
		}
	}
	return false
}

// sentenceStart reports whether token i is the first word of its
// sentence, or the first after a colon, an opening quote or a dash that
// starts a clause.
func (x *extractor) sentenceStart(i int) bool {
	for t := i - 1; t >= 0; t-- {
		switch x.toks[t].kind {
		case tokWord:
			return x.toks[i].quoted
		case tokPunct:
			if p := x.word(t); p == ":" || p == ";" || p == "(" || p == "•" || p == "—" || p == "–" {
				return true
			}
		}
	}
	return true
}

// fallbackEnd returns the end of a run of capitalized words at token i,
// with connectors ("of", "&") and hyphens between them; the run stops
// before a word that starts a gazetteer name, a stop word or a possessive.
func (x *extractor) fallbackEnd(i int) int {
	k := i
	for k < len(x.toks) && k-i < 8 {
		switch {
		case k > i && x.toks[k].nl:
			return k // a name does not run across a short line's end
		case k > i && x.isWordTok(k) && patronymics[x.word(k)] && x.capWord(k-1):
			return k + 1 // "Makhabat Tajibek kyzy", "Ilgiz Abdiev uulu"
		case x.capWord(k) && (k == i || !x.toks[k].quoted):
			u := x.word(k)
			if initial := k > i && utf8.RuneCountInString(u) == 1 && x.punct(k+1, ".") && x.adjacent(k+1) && x.capWord(k+2); initial {
				k += 2 // a middle initial that is also a word: "Robert A. Wood"
				continue
			}
			if k > i && (stopCaps[u] || months[u] || notNames[u] || (x.matchAt(k) && !(k == i+1 && x.surnameLikePlace(k))) ||
				x.startsTitle(k)) {
				return k
			}
			if k > i && x.capWord(k-1) && commonWord(x.word(k-1)) && !givenNames[x.word(k-1)] &&
				(givenNames[u] || (properWord(u) && !commonWord(u))) && !(k-1 == i && x.sentenceStart(i) && properWord(x.word(i))) &&
				!x.headAhead(k) {
				return k // "the Commons Oliver Heald": the name starts at the given name
			}
			k++
			if x.punct(k, ".") && x.adjacent(k) && utf8.RuneCountInString(u) == 1 {
				k++ // an initial: "Jan E. Egeland"
			}
		case k > i && (x.isWordTok(k) || x.punct(k, "&")) && fallbackConnectors[x.word(k)] && x.capWord(k+1) && !x.matchAt(k+1) &&
			!(x.word(k) == "for" && (x.word(k-1) == "Parliament" || x.word(k-1) == "MP")) && // "Parliament for Sheffield Brightside": a seat
			!(x.word(k) == "of" && givenNames[x.word(i)] && x.personFirst(i, k)): // "Tim Daly of Michael Foods": a man and his firm
			k++ // "William & Mary", "Friends of the Earth"

		case k > i && x.stateAndGovernment(k):
			k += 2 // "Authority of Heads of State and Government"
		case k > i && x.isWordTok(k) && particleCamel(x.word(k)) && x.capWord(k+1):
			k++ // "Neil deGrasse Tyson"
		case k-i >= 2 && x.isWordTok(k) && x.word(k) == "and" && x.capWord(k+1) && x.capWord(k+2) && !personStart(x.word(i)) &&
			!isAllCaps(x.word(k-1)) &&
			!isAllCaps(x.word(k+1)) && !x.matchAt(k+1) && !x.matchAt(k+2) && x.andTail(k+1):
			k++ // "Common Foreign and Security Policy"
		case k > i && x.punct(k, "-") && x.adjacent(k) && x.adjacent(k+1) && x.capWord(k+1):
			k++
		case k > i && (x.syllableAfterHyphen(k+1) || x.numberAfterHyphen(k+1)) && !(x.punct(k+2, "-") && x.adjacent(k+2)):
			k += 2 // "Kang Min-jae": a given name with a lower-case second syllable; "Main Line-1"
		default:
			return k
		}
	}
	return k
}

// numberAfterHyphen reports a short number joined by a hyphen to the word
// before it ("Line-1", "MS-22"): part of the name.
func (x *extractor) numberAfterHyphen(t int) bool {
	return x.isWordTok(t) && isDigits(x.word(t)) && len(x.word(t)) <= 5 && x.punct(t-1, "-") && x.adjacent(t-1) && x.adjacent(t)
}

// trimConnectors drops connectors a run may end on ("AG Edwards &").
func (x *extractor) trimConnectors(i, k int) int {
	for k > i+1 && (x.punct(k-1, "&") || x.punct(k-1, "-") || (x.isWordTok(k-1) && fallbackConnectors[x.word(k-1)])) {
		k--
	}
	return k
}

// allTitles reports whether every capitalized word of [i, j) belongs to a
// title ("Deputy Prime Minister").
func (x *extractor) allTitles(i, j int) bool {
	if x.capWord(j-1) && orgTails[x.word(j-1)] && !titleWord(x.word(j-1)) {
		return false // "the High Court", "the Executive Council": a body
	}
	for k := i; k < j; k++ {
		if !x.capWord(k) {
			continue
		}
		w := x.word(k)
		if !titleWord(w) && !nameStop[w] && !weakTitles[w] && !politicalTitles[w] && !stopCaps[w] && !isTitlePart(w) {
			return false
		}
	}
	return true
}

// isTitlePart reports words that occur inside titles ("Vice", "Deputy",
// "Prime").
func isTitlePart(w string) bool {
	switch w {
	case "Vice", "Deputy", "Prime", "First", "Under", "Assistant", "Acting", "Interim", "Former", "Senior",
		"Executive", "Permanent", "Representative", "Special", "High", "Commander", "Chief", "Head":
		return true
	}
	return false
}

// lowerPhraseInText reports whether the words of [i, j) also stand in
// lower case in the document ("Climate Finance" ... "climate finance").
func (x *extractor) lowerPhraseInText(i, j int) bool {
	phrase := strings.ToLower(strings.Join(strings.Fields(x.text[x.toks[i].start:x.toks[j-1].end]), " "))
	if x.lowerPairs != nil || x.phraseQueries >= 32 {
		// A long document: after 32 searches of the text, the pairs of
		// adjacent lower-case words are indexed once, and a phrase counts
		// as written in lower case when each of its word pairs is.
		if x.lowerPairs == nil {
			x.indexLowerPairs()
		}
		f := strings.Fields(phrase)
		for n := 0; n+1 < len(f); n++ {
			if !x.lowerPairs[f[n]+" "+f[n+1]] {
				return j-i == 2 && x.lowerInText(x.word(i)) && x.lowerInText(x.word(j-1))
			}
		}
		return true
	}
	x.phraseQueries++
	for off := 0; off < len(x.text); {
		k := strings.Index(x.text[off:], phrase)
		if k < 0 {
			break
		}
		a, b := off+k, off+k+len(phrase)
		if (a == 0 || !wordAt(x.text, prevRuneStart(x.text, a), len(x.text))) &&
			(b >= len(x.text) || !wordAt(x.text, b, len(x.text))) {
			return true
		}
		off = b
	}
	// each word in lower case somewhere is enough for a two-word phrase
	// of common words ("Working Group" ... "a working group")
	return j-i == 2 && x.lowerInText(x.word(i)) && x.lowerInText(x.word(j-1))
}

// looksAdjective reports words with the endings of demonyms, languages
// and doctrines ("Tajik" is in the gazetteer; "Rwandese", "Kantian",
// "Putinism" are not names of actors).
func looksAdjective(w string) bool {
	for _, suf := range []string{"ism", "isms", "ist", "ists", "ian", "ians", "ean", "eans", "ese", "ish", "ite", "ites", "ic", "ics", "ine", "esque"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// oneWordType guesses the type of a one-word name.
func oneWordType(w string) string {
	lw := strings.ToLower(w)
	for _, e := range placeEndings {
		if strings.HasSuffix(lw, e) && len(lw) > len(e)+2 {
			return pipeline.TypeCity
		}
	}
	return pipeline.TypeOrganization
}

// startsTitle reports whether a title ("Lieutenant Colonel", "Minister")
// starts at token k.
func (x *extractor) startsTitle(k int) bool {
	if k < 0 || k >= len(x.toks) {
		return false
	}
	var buf [4]match
	return len(titleTrie.walk(buf[:0], x.text, x.toks, k)) > 0
}

// personStart reports a word that may begin a person's name: a given name
// the vocabulary knows and no English word or adjective.
func personStart(w string) bool {
	return givenNames[w] || (properWord(w) && !commonWord(w) && !looksAdjective(w))
}

// andTail reports whether the capitalized words from k end in a word that
// closes the name of a body or policy, so that "X and Y Policy" is one name
// ("Common Foreign and Security Policy"), not two ("Hard Candy and Urban
// Decay").
func (x *extractor) andTail(k int) bool {
	for ; k < len(x.toks) && x.capWord(k); k++ {
	}
	if k == 0 {
		return false
	}
	w := x.word(k - 1)
	if _, tail := tailType(w); tail {
		return true
	}
	switch w {
	case "Policy", "Affairs", "Cooperation", "Development", "Security", "Trade", "Peace", "Project", "Programme", "Program":
		return true
	}
	return false
}

// classPlural reports a plural of an acronym or of an English word ("GPs",
// "MPs", "Jobcentres"), which names a class, not an actor.
func classPlural(w string) bool {
	if len(w) < 3 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return false
	}
	stem := w[:len(w)-1]
	return isAllCaps(stem) || commonWord(stem) // not proper nouns: "Lloyds", "Barclays" are firms
}

// verbAfter reports whether token k is a verb that takes a name as its
// subject ("said", "has", "announced").
func (x *extractor) verbAfter(k int) bool {
	if !x.isWordTok(k) {
		return false
	}
	w := x.word(k)
	if sayVerbs[w] || auxiliaries[w] {
		return true
	}
	switch w {
	case "announced", "reported", "signed", "agreed", "plans", "planned", "posted", "expects", "expected", "owns",
		"operates", "runs", "won", "lost", "became", "remains", "is", "was", "are", "were", "has", "had":
		return true
	}
	// a verb in the third person or the past: "Wabtec builds", "Tatneft supplied"
	for _, suf := range []string{"s", "ed"} {
		if stem, ok := strings.CutSuffix(w, suf); ok && len(stem) >= 3 && commonWord(w) && commonWord(stem) && !strings.HasSuffix(stem, "s") {
			return true
		}
	}
	return false
}

// patronymics close Central Asian and Caucasian names in lower case.
var patronymics = set("kyzy", "qyzy", "uulu", "uly", "ogly", "oglu", "qizi", "kizi")

// surnameLikePlace reports whether token k, right after a given name at
// k-1, is a one-word place or demonym the gazetteer knows that is the
// person's surname here ("Bob Wellington", "Mike German"): no capitalized
// word follows it.
func (x *extractor) surnameLikePlace(k int) bool {
	if k < 1 || !x.capWord(k) || !givenNames[x.word(k-1)] && !(properWord(x.word(k-1)) && !commonWord(x.word(k-1))) {
		return false
	}
	if x.capWord(k+1) || x.punct(k+1, "-") {
		return false
	}
	gj, h, ok := x.gazetteer(k)
	if !ok || gj != k+1 || h.form == "" {
		return false
	}
	if h.form == pipeline.FormDemonym {
		return true
	}
	return x.g.entries[h.entry].Type == pipeline.TypeCity
}

// indexLowerPairs records every pair of adjacent words of the document
// that are both written in lower case ("working group").
func (x *extractor) indexLowerPairs() {
	x.lowerPairs = map[string]bool{}
	prev := ""
	for _, t := range tokenize(nil, x.text, 0, len(x.text)) {
		w := x.text[t.start:t.end]
		if t.kind != tokWord || !unicode.IsLower(firstRune(w)) {
			prev = ""
			continue
		}
		if prev != "" {
			x.lowerPairs[prev+" "+w] = true
		}
		prev = w
	}
}

// givenNameFirst reports a sentence that starts with a two-word personal
// name whose given name is also an English word ("Brad Adams, from Human
// Rights Watch, said"): a known given name, then a surname that is no
// English word, then a comma or a verb.
func (x *extractor) givenNameFirst(i, k, words, unknown int) bool {
	w := x.word(i)
	return words == 2 && k == i+2 && unknown == 1 && (givenNames[w] || properWord(w)) && !looksAdjective(w) &&
		!commonWord(x.word(i+1)) && !placeEndingWord(x.word(i+1)) && (x.punct(k, ",") || x.verbAfter(k))
}

// placeEndingWord reports a word with the ending of a place name
// ("Rajasthan", "Islamabad").
func placeEndingWord(w string) bool {
	for _, e := range placeEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// headAhead reports whether the capitalized words from token k end, within
// three words, in a place's or body's head word ("... State Academic
// Bolshoi Theatre"): one name, not a name and a person's.
func (x *extractor) headAhead(k int) bool {
	for t := k; t < len(x.toks) && t-k < 3 && x.capWord(t); t++ {
		if headWord(x.word(t)) && !x.capWord(t+1) {
			return true
		}
	}
	return false
}
