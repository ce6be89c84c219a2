package entities

// Word lists of the English rules.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// titles precede a person's name ("President Islam Karimov", "Mr. Smith").
// They are never entities themselves.
var titles = []string{
	"President", "Vice President", "Vice-President", "Former President", "President-elect",
	"Prime Minister", "Deputy Prime Minister", "First Deputy Prime Minister", "Premier", "Vice Premier",
	"Foreign Minister", "Minister", "Deputy Minister", "Deputy Foreign Minister", "Defence Minister", "Defense Minister",
	"Finance Minister", "Economy Minister", "Trade Minister", "Energy Minister", "Interior Minister",
	"Health Minister", "Education Minister", "Culture Minister", "Sports Minister", "Home Secretary",
	"Foreign Secretary", "Chancellor", "Secretary", "Secretary of State", "Secretary-General", "Secretary General",
	"Under-Secretary-General", "Deputy Secretary-General", "High Representative", "Special Envoy", "Envoy",
	"Ambassador", "Senator", "Sen.", "Rep.", "Representative", "Republican Representative", "Democratic Representative", "Congressman", "Congresswoman", "Governor", "Mayor",
	"General", "Gen.", "Gen", "Lt Gen", "Maj Gen", "Lt Col", "Brig Gen", "Sgt", "Admiral", "Adm.", "Colonel", "Col.", "Lieutenant", "Lt.", "Major", "Maj.", "Captain", "Capt.",
	"Commander", "Marshal", "Field Marshal", "Chairman", "Chairwoman", "Chairperson", "Speaker",
	"King", "Queen", "Prince", "Princess", "Crown Prince", "Emperor", "Empress", "Pope", "Sheikh", "Emir", "Sultan",
	"Ayatollah", "Grand Ayatollah", "Archbishop", "Bishop", "Rev.", "Reverend", "Father",
	"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Madam", "Madame", "Dr", "Dr.", "Prof", "Prof.", "Professor", "Sir", "Dame",
	"Lord", "Lady", "Baroness", "Judge", "Justice", "Chief Justice", "Lord Justice", "Lady Justice", "Mr Justice",
	"Mrs Justice", "Ms Justice", "Mr. Justice", "Mrs. Justice", "Chief Constable", "Constable", "Detective", "Superintendent",
	"Detective Chief Inspector", "Inspector", "Sergeant", "Director", "Director-General",
	"Director General", "Chief Executive", "Spokesman", "Spokeswoman", "Spokesperson", "Coach", "Manager",
	"Leader", "Opposition Leader", "Chief", "Commissioner", "Prosecutor", "Attorney General", "Attorney-General",
	"His Excellency", "Her Excellency", "H.E.", "His Majesty",
	"Her Majesty", "His Highness", "His Royal Highness", "Her Royal Highness",
	"Chief Executive Officer", "Executive Secretary", "Executive Director", "Special Representative",
	"Barrister", "Mallam", "Alhaji", "Hajiya", "Engr", "Engr.", "Rapporteur", "Standing Rapporteur",
	"Cabinet Secretary", "Prime Cabinet Secretary", "Principal Secretary", "Union Minister", "Menteri Besar",
	"Trade Representative", "US Trade Representative", "U.S. Trade Representative", "Grand Chief", "Administrator",
	"Member of the European Parliament",
	"Dato'", "Dato' Seri", "Datuk", "Datuk Seri", "Tan Sri", "Tun", "Dato", "Treasurer", "Chief Adviser", "Adviser", "Advisor", "National Security Adviser", "National Security Advisor",
	"Senior Adviser", "Undersecretary", "Undersecretary of State", "Under Secretary", "Under-Secretary",
	"Assistant Secretary", "Deputy Secretary", "First Minister", "Hon", "Hon.", "The Hon.", "The Hon", "the Hon", "the Hon.", "Honourable", "Honorable", "The Honourable", "Rt Hon", "Rt. Hon.",
	"Permanent Representative", "Special Rapporteur", "Senior Official", "Foreign Ministers", "Prime Ministers",
	"Councillor", "Correspondent", "Princess Consort", "Prince Consort", "Queen Consort",
	"Special Coordinator", "Special Adviser", "Personal Envoy", "Resident Coordinator", "Humanitarian Coordinator",
	"High Commissioner", "Deputy Special Representative", "Governor-General", "Vice-Chair", "Vice Chair", "Deputy Chair",
	"Ombudsperson", "Ombudsman", "Gov.", "Counselor", "Counsellor", "Minister-Counsellor", "Minister Counsellor", "First Lady",
	"Councilor",
	"Senior Arctic Official", "Senators", "Presidents", "Ambassadors", "Generals",
	// Indian official style: "Raksha Mantri Shri Rajnath Singh", "EAM Dr. S. Jaishankar"
	"Shri", "Smt", "Smt.", "Shrimati", "Raksha Mantri", "Pradhan Mantri", "EAM", "MoS",
	"Presidential Aide", "Presidential Adviser", "Presidential Advisor", "Emergency Relief Coordinator",
	"Managing Director", "Group CEO", "CEO", "Group Chief Executive", "Chair", "Chief Financial Officer", "CFO",
	"Chief Operating Officer", "COO", "Chief Economist", "Chief Investment Officer", "Chief Technology Officer",
	"Chief Strategy Officer", "Chief Risk Officer", "General Director", "Finance Director",
	"Chargé d'Affaires", "Charge d'Affaires", "Chargé d’Affaires", "Chargé d'affaires",
	"Special Representative of the Secretary-General", "Deputy Special Representative of the Secretary-General",
	"Special Envoy of the Secretary-General", "Personal Envoy of the Secretary-General",
}

// cityNamed are lower-case nouns that make "the <city> <noun>" a name of
// its own: an event or an agreement named after the city.
var cityNamed = map[string]string{"summit": "event", "agreement": "framework", "agreements": "framework",
	"accord": "framework", "accords": "framework", "process": "framework", "declaration": "framework",
	"format": "framework", "talks": "event", "conference": "event", "protocol": "framework", "convention": "framework",
	"treaty": "framework", "charter": "framework", "regulation": "framework"}

// postNominals follow a name and are no part of it.
var postNominals = set("MP", "MPs", "MEP", "QC", "KC", "OBE", "CBE", "MBE", "KBE", "GBE", "GCFR", "GCON", "OON",
	"PhD", "Jr", "Jr.", "Sr", "Sr.", "MLA", "MSP", "AM", "AO", "AC",
	"CGH", "EGH", "EBS", "OGW", "CFR", "OFR", "GCMG", "KCMG", "CMG", "FRS") // Kenyan, Nigerian and British honours

// nobleTitles are part of a peer's or royal's name ("Lord Falconer",
// "Baroness Morgan", "Prince Charles").
var nobleTitles = set("Lord", "Lady", "Baroness", "Baron", "Viscount", "Earl", "Duke", "Duchess", "Countess",
	"Prince", "Princess", "Pope", "King", "Queen")

// politicalTitles link a bare surname to a known leader without a prior full
// mention ("President Tokayev"); honorifics (Mr, Dr) do not.
var politicalTitles = set("President", "Prime Minister", "Premier", "Foreign Minister", "Chancellor",
	"Secretary-General", "Secretary of State", "King", "Queen", "Emperor", "Crown Prince", "Foreign Secretary",
	"Vice President", "Vice-President")

// weakTitles are also common words ("General Election", "Chief
// Constable"); after them a single capitalized word is not taken as a name.
var weakTitles = set("General", "Gen.", "Major", "Maj.", "Chief", "Leader", "Captain", "Capt.", "Father",
	"Justice", "Director", "Speaker", "Manager", "Coach", "Commander", "Lieutenant", "Lt.", "Colonel", "Col.",
	"Judge", "Secretary", "Lady", "Marshal", "Envoy", "Commissioner", "Prosecutor", "Chairman", "Chair",
	"Opposition Leader", "Chief Executive", "Director General", "Director-General", "Bishop", "Archbishop", "Spokesman", "Spokeswoman", "Spokesperson", "Premier")

// nameParticles may stand inside a person's name.
var nameParticles = set("bin", "ibn", "al", "al-", "el", "ul", "de", "da", "do", "dos", "das", "del", "della", "di", "ould",
	"van", "von", "der", "den", "la", "le", "du", "y", "ter", "ten", "zu")

// stopCaps are capitalized words that never start or form a name: discourse
// words, pronouns, months, weekdays, and other words often capitalized at
// the start of a sentence or in headings.
var stopCaps = set(
	"Past", "Previous", "Recent", "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You",
	"His", "Her", "Their", "Our", "My", "Your", "There", "Here", "In", "On", "At", "By", "For", "From", "To",
	"Of", "With", "As", "But", "And", "Or", "Nor", "So", "Yet", "If", "When", "While", "Where", "Why", "How",
	"What", "Who", "Which", "After", "Before", "During", "Since", "Until", "Although", "Though", "Because",
	"However", "Nonetheless", "Nevertheless", "Meanwhile", "Moreover", "Furthermore", "Therefore", "Thus",
	"Hence", "Indeed", "Instead", "Also", "Still", "Then", "Now", "Today", "Yesterday", "Tomorrow", "Update",
	"Updated", "Subsequently", "Consequently", "Finally", "First", "Second", "Third", "Last", "Next",
	"Above", "Below", "Over", "Under", "According", "Despite", "Given", "Like", "Unlike", "Both", "Each",
	"Every", "All", "Some", "Many", "Most", "Few", "Several", "Other", "Another", "Such", "No", "Not", "Yes",
	"Mr", "Mrs", "Ms", "Dr", "Sir", "Madam", "Excellency", "Excellencies", "Honourable", "Honorable", "Distinguished",
	"Highness", "Highnesses", "Majesties",
	"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
	"November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"Let", "Please", "Thank", "Thanks", "Will", "Would", "Should", "Could", "Can", "Must", "Shall",
	"Is", "Are", "Was", "Were", "Be", "Been", "Has", "Have", "Had", "Do", "Does", "Did", "Said", "Says",
	"Previously", "Currently", "Recently", "Later", "Earlier", "Already", "Even", "Only", "Just", "Again",
	"Internet", "Covid", "COVID", "Coronavirus", "God", "Allah", "Former", "Ex", "Deputy", "Acting", "Interim",
	"Shadow", "Senior", "Junior", "Late",
	// operative and preambular words of resolutions and communiqués
	"Recalling", "Reaffirming", "Noting", "Welcoming", "Expressing", "Emphasizing", "Emphasising", "Stressing",
	"Underlining", "Underscoring", "Condemning", "Urging", "Deploring", "Acknowledging", "Recognizing",
	"Recognising", "Commending", "Affirming", "Bearing", "Determined", "Concerned", "Mindful", "Convinced",
	"Decides", "Requests", "Calls", "Encourages", "Invites", "Welcomes", "Urges", "Reiterates", "Reaffirms",
	"Notes", "Stresses", "Underlines", "Expresses", "Commends", "Condemns", "Deplores", "Demands", "Taking",
)

// nameStop are capitalized words that are never part of a person's name
// found by the title rule, though they may start an organization.
var nameStop = set(
	"Government", "State", "States", "Member", "Members", "Council", "Party", "Parties", "Office",
	"Minister", "President", "Prime", "Secretary", "General", "Chairman", "Committee", "Commission",
	"Ministry", "Department", "Agency", "University", "Institute", "Union", "Republic", "Kingdom",
	"Federation", "Assembly", "Court", "Bank", "Fund", "Organization", "Organisation", "Association",
	"North", "South", "East", "West", "Central", "Western", "Eastern", "Northern", "Southern",
	"Foreign", "Affairs", "Defence", "Defense", "Finance", "National", "International", "Federal",
)

// orgTails end an organization's name ("Japan Meteorological Agency").
var orgTails = set(
	"Agency", "Ministry", "Bank", "Party", "University", "Institute", "Council", "Commission", "Committee",
	"Organisation", "Organization", "Foundation", "Association", "Union", "Court", "Tribunal", "Authority",
	"Corporation", "Federation", "Forum", "Alliance", "League", "Parliament", "Assembly", "Fund", "Office", "Unit",
	"Department", "Centre", "Center", "Service", "Services", "Company", "Corp", "Stores", "Inc", "Ltd", "Plc", "Incorporated", "Limited", "Academy", "Regiment",
	"Battalion", "Brigade",
	"College", "Society", "Front", "Movement", "Army", "Police", "Navy", "Senate", "Board", "Coalition",
	"Network", "Secretariat", "Programme", "Program", "Mission", "Group", "Bureau", "Guard", "Forces",
	"Congress", "Cabinet", "Administration", "Directorate", "Inspectorate", "Observatory", "Laboratory",
	"Consortium", "Exchange", "Chamber", "Seaport", "LLP", "LLC", "JSC", "PJSC", "OJSC", "CJSC", "GmbH", "Shipyard", "Temple", "Mandir", "Mosque", "Shrine", "Cathedral", "Conference", "Facility", "Force", "Corps", "Guards", "Plant", "Government",
	"Church", "Command", "Body", "Funds", "Times", "Post", "Journal", "Herald", "Tribune", "Gazette", "Telegraph",
	"Express", "Chronicle", "Observer", "Committees", "Councils", "Commissions", "Associations", "Railway", "Railways",
	"Agencies", "Club", "Community", "Cartel", "Dam", "Fleet", "School", "Monitor", "Site", "Conclave", "TV", "Complex", "Combine",
	"Hospital",
)

// eventTails end the name of an event ("G-7 Hiroshima Summit").
var eventTails = set("Summit", "Games", "Olympics", "Championship", "Championships", "Festival", "Expo",
	"Year", "Decade", "Meeting", "Earthquake", "Revolution", "Retreat")

// continuedTails name something only when "of ..." follows ("International
// Year of Volunteers", not "New Year").
var continuedTails = set("Year", "Decade")

// genericWords do not make a name on their own: "an International
// Conference" is no entity, "the Regional Climate Summit" is.
var genericWords = set("International", "National", "Regional", "Global", "World", "General", "Special",
	"Annual", "Joint", "New", "Local", "Central", "Federal", "State", "Public", "Private", "Royal", "High",
	"Level", "High-Level", "Extraordinary", "Ordinary", "First", "Second", "Third", "Fourth", "Fifth", "Main",
	"Grand", "Big", "Great", "The", "Major", "Review", "Ministerial", "High-level", "Summit",
	"Plenary", "Informal", "Open", "Emergency", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Air", "Armed",
	"Task", "Interior", "Security", "Military", "Government", "Democratic", "Republican", "Economic", "Business",
	"Trade", "Investment")

// frameworkTails end the name of a framework, agreement or initiative.
var frameworkTails = set(
	"Agreement", "Treaty", "Initiative", "Dialogue", "Convention", "Accord", "Accords", "Protocol",
	"Declaration", "Partnership", "Charter", "Process", "Format", "Pact", "Compact", "Strategy", "Plan", "Agreements",
	"Resolution", "Consensus", "Platform", "Act", "Bill", "Goal", "Roadmap", "Corridor", "Framework", "Mechanism", "Pipeline", "Project",
	"Vision", "Document", "Scheme", "Guidelines", "Package", "Pledge",
)

// bareTails make no new name when they follow a known one ("Security
// Council Resolution").
var bareTails = set("Resolution", "Meeting", "Summit", "Conference", "Plan", "Strategy")

// programmeNouns after a quoted name make it a programme or policy
// (the “Last One Mile Support” programme).
var programmeNouns = set("programme", "program", "initiative", "strategy", "plan", "policy", "concept",
	"project", "vision", "framework", "agenda", "doctrine", "platform", "format", "partnership", "fund")

// orgHeads begin an organization's name when "of" or "for" follows
// ("Ministry of Foreign Affairs").
var orgHeads = map[string]string{
	"Ministry": "organization", "Department": "organization", "University": "organization", "Bank": "organization",
	"Institute": "organization", "Council": "organization", "Commission": "organization", "Committee": "organization",
	"Organisation": "organization", "Organization": "organization", "Office": "organization", "Court": "organization",
	"Academy": "organization", "Federation": "organization", "Union": "organization", "Association": "organization",
	"Agency": "organization", "Fund": "organization", "Embassy": "organization", "Body": "organization",
	"Conference": "organization", "Board": "organization", "Church": "organization",
	"League": "organization", "Community": "organization", "Secretariat": "organization", "Congress": "organization",
	"Treaty": "framework", "Convention": "framework", "Declaration": "framework", "Programme": "framework",
	"Pact": "framework", "Charter": "framework", "Summit": "event", "Law": "framework",
	"Alliance": "organization", "Register": "organization", "Directorate": "organization", "Mission": "organization",
	"Tribunal": "organization", "Coalition": "organization", "Forum": "organization", "Bureau": "organization",
	"Authority": "organization", "Centre": "organization", "Center": "organization", "Facility": "organization",
	"Code": "framework", "Framework": "framework", "Initiative": "framework", "Strategy": "framework", "Concept": "framework",
	"Agreement": "framework", "Protocol": "framework", "Accord": "framework", "Covenant": "framework",
	"Program": "framework", "Plan": "framework", "Project": "framework", "Chamber": "organization",
	"Banque": "organization", "Banco": "organization", "Banca": "organization", "Institut": "organization",
	"Instituto": "organization", "Conseil": "organization", "Consejo": "organization", "Agence": "organization",
	"Agencia": "organization", "Fondation": "organization", "Fundación": "organization", "Partido": "organization",
	"Parti": "organization", "Frente": "organization", "Comisión": "organization", "Comité": "organization",
	"Ministerio": "organization", "Ministère": "organization", "Mouvement": "organization",
	"Movimiento": "organization", "Front": "organization", "Rassemblement": "organization",
}

// orgConnectors may stand inside an organization's name.
var orgConnectors = set("of", "for", "and", "on", "the", "&", "de", "du", "des", "la", "against", "without", "del", "für", "pour",
	"para")

// cityPlaceWords before a capital make it the city as a place ("in Astana")
// rather than the government ("talks with Moscow").
var cityPlaceWords = set("in", "at", "near", "outside", "around", "across", "throughout", "into", "via",
	"visited", "visiting", "visit", "visits", "within", "inside", "reach", "reached")

// cityOfWords before "of" make a capital after it the city ("the streets
// of Tbilisi"), not its government.
var cityOfWords = set("streets", "outskirts", "suburbs", "centre", "center", "heart", "residents", "mayor", "city",
	"people", "airport", "port", "districts", "neighbourhoods", "neighborhoods", "skies", "south", "north", "east",
	"west", "rest", "takeover", "capture", "fall", "seizure", "siege", "liberation", "ports", "shelling", "bombing",
	"occupation", "encirclement", "evacuation")

// cityMotion words make "to <City>" or "from <City>" a place ("visit to Tokyo").
var cityMotion = set("visit", "visits", "trip", "trips", "travel", "travelled", "traveled", "flew", "flight",
	"flies", "fly", "flying", "runs", "operates", "ply", "plies",
	"flights", "moved", "move", "returned", "return", "arrived", "came", "went", "go", "going", "road",
	"route", "train", "trains", "journey", "way", "back", "fled", "escaped", "relocated", "headed", "drive",
	"speaking", "reporting", "writing", "calling", "broadcasting",
	"walked", "spread", "spreading", "deployed", "displaced", "evacuated", "marched", "sailed", "driven", "flown",
	"travelling", "traveling", "deported", "expelled")

// standaloneFollowers may follow "the States" for it to mean the USA.
var standaloneFollowers = set("and", "or", "in", "to", "for", "as", "is", "was", "has", "had", "will",
	"would", "since", "after", "before", "at", "on", "but", "with", "said", "says", "announced", "warned", "added",
	"confirmed", "also", "could", "should", "may", "might", "did", "does", "declined", "refused", "insisted")

// placeWords end the names of places and things, never of people ("Prince
// Edward Theatre", "King George Square").
var placeWords = set("Theatre", "Theater", "Hall", "Stadium", "Park", "Street", "Road", "Avenue", "Hospital",
	"School", "Bridge", "Square", "Palace", "Island", "Islands", "Airport", "Station", "Cup", "Trophy", "Award",
	"Awards", "Prize", "Memorial", "Museum", "Gallery", "Library", "Cathedral", "Church", "Mosque", "Temple",
	"Lake", "River", "Mountain", "Mountains", "Valley", "Bay", "Port", "Land", "Day", "Hotel", "Arena", "Building",
	"Tower", "Gate", "Gardens", "Garden", "Lane", "Hill", "Field", "Stakes", "Classic", "Open", "Chapel", "Abbey",
	"Infirmary")

// qualifiers before "General Assembly" make it some other body's assembly.
var qualifiers = set("its", "whose", "their", "his", "her", "our", "first", "second", "third", "fourth",
	"fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "annual", "extraordinary", "next", "last")

// months are the month names (for datelines: "Pretoria, 21 February").
var months = set("January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
	"Nov", "Dec")

// innerTitles may stand inside a person's name ("Hassan Sheikh Mohamud").
var innerTitles = set("Sheikh", "Sultan", "Emir")

// foreignHeads start organizations' names in French, Spanish, Portuguese
// and Italian ("Banque du Liban", "Banco de la Nación").
var foreignHeads = set("Banque", "Banco", "Banca", "Institut", "Instituto", "Conseil", "Consejo", "Agence",
	"Agencia", "Fondation", "Fundación", "Fundação", "Partido", "Parti", "Frente", "Comisión", "Comité",
	"Ministerio", "Ministère", "Ministério", "Tribunal", "Corte", "Cour", "Secretaría", "Union", "Unión",
	"Movimiento", "Mouvement", "Front", "Rassemblement", "Congrès", "Congreso", "Assemblée", "Asamblea")

// romanceConnectors join the words of such names.
var romanceConnectors = set("de", "du", "des", "del", "da", "do", "della", "di", "la", "le", "los", "las")

// orgInner are words of stopCaps that may stand inside an organization's
// name ("UN Interim Force in Lebanon", "Acting Committee").
var orgInner = set("Interim", "Acting", "Deputy", "Senior", "Junior", "Shadow")

// weekdays may start a newspaper's name ("Sunday Times").
var weekdays = set("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

// newspaperTails end newspapers' names.
var newspaperTails = set("Times", "Post", "Journal", "Herald", "Tribune", "Gazette", "Telegraph", "Express",
	"Chronicle", "Observer", "Mail", "Mirror")

// articles are Arabic articles written before a hyphen ("al-Hol").
var articles = set("al", "el", "ad", "as", "ash", "ar", "at", "az", "an", "ul")

// adjHyphen are the second parts of adjectives after a name ("Astana-based",
// "US-led"), which end a name rather than continue it.
var adjHyphen = set("based", "led", "backed", "owned", "funded", "run", "born", "made", "style", "type",
	"brokered", "sponsored", "supported", "controlled", "held", "linked", "aligned", "friendly", "hosted", "era", "age", "period", "class", "scale", "level", "wide", "long", "year", "old")

// cityTitles before a capital make it the city ("the Kenyan capital
// Nairobi", "our capital, Funafuti").
var cityTitles = set("capital", "city", "town", "port", "hometown", "downtown", "suburban")

// cityLeave words make "for <City>" a place ("departed for Tashkent").
var cityLeave = set("departed", "departs", "left", "leaves", "leaving", "bound", "headed", "heading", "set", "sets")

// cityEvents after a capital make it the place something happens or is
// ("the Brussels summit", "the Nairobi process", "Vilnius airport").
var cityEvents = set("summit", "summits", "meeting", "meetings", "conference", "talks", "process", "processes",
	"round", "headquarters", "airport", "office", "offices", "metro", "subway", "format", "accord", "accords",
	"agreement", "agreements", "declaration", "consensus", "communiqué", "protocol", "protocols", "negotiations",
	"forum", "stock", "stocks", "shares", "market", "markets", "index", "bourse", "marathon", "residents", "streets", "suburbs", "hotel", "venue", "ceasefire",
	"memorandum", "criteria", "principles", "dialogue", "lawyer", "lawyers", "correspondent", "bureau", "analyst",
	"analysts", "trader", "traders", "dealers", "broker", "brokers", "embassy", "consulate", "branch", "court", "courts",
	"judge", "prosecutor", "prosecutors", "police")

// cityFolk after a capital, or after its possessive, make it the city
// where people live and things are ("London teacher Diane Granger",
// "London's Labour mayor", "a Moscow hospital"), not its government.
var cityFolk = set("mayor", "mayors", "council", "councils", "assembly", "teacher", "teachers", "nurse", "nurses",
	"doctor", "doctors", "student", "students", "pensioner", "pensioners", "resident", "shopkeeper", "driver",
	"drivers", "commuter", "commuters", "worker", "workers", "businessman", "businesswoman", "artist", "architect",
	"designer", "chef", "musician", "man", "woman", "boy", "girl", "mother", "father", "family", "families",
	"schoolgirl", "schoolboy", "hospital", "hospitals", "school", "schools", "university", "borough", "boroughs",
	"underground", "tube", "transport", "bus", "buses", "taxi", "taxis", "club", "clubs", "restaurant",
	"restaurants", "theatre", "theatres", "museum", "museums", "zoo", "park", "parks", "flat", "flats", "housing",
	"landlord", "landlords", "traffic", "pub", "pubs", "nightclub", "bombings", "bombing", "bombers", "riots",
	"skyline", "suburb", "neighbourhood", "neighborhood", "home", "homes", "house", "houses", "voters", "mosque",
	"church", "cathedral", "synagogue", "district", "districts", "marathon", "fashion", "property", "properties")

// cityEventMods may stand between a capital and a cityEvents word ("the
// Doha development talks", "a London news conference").
var cityEventMods = set("development", "peace", "trade", "climate", "news", "press", "security", "nuclear",
	"ceasefire", "donor", "aid", "ministerial", "international", "stock")

// cityFacilities end a facility's name after a capital's possessive
// ("London's International Petroleum Exchange").
var cityFacilities = set("Exchange", "University", "Zoo", "Metro", "Subway", "Harbour", "Harbor", "Marathon", "Ward", "District", "Borough")

// cardinals in lower case make a compass direction before a city ("north-west London").
var cardinals = set("north", "south", "east", "west")

// currencyWords after a country's name or adjective make it money, not the
// country ("US dollars", "Japanese yen").
var currencyWords = set("dollar", "dollars", "yen", "yuan", "renminbi", "rouble", "roubles", "ruble", "rubles", "pound",
	"pounds", "franc", "francs", "rupee", "rupees", "won", "peso", "pesos", "lira", "tenge", "som", "sum", "manat",
	"somoni", "dinar", "dinars", "dirham", "dirhams", "riyal", "riyals", "rand", "krona", "krone", "zloty", "forint",
	"hryvnia", "shekel", "shekels", "baht", "ringgit", "rupiah", "dong", "naira", "shilling", "shillings")
