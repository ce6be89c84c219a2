package segment

import (
	"strings"
	"testing"
)

func texts(text string) []string {
	var out []string
	for _, sp := range Split(text) {
		out = append(out, text[sp.Start:sp.End])
	}
	return out
}

// splitCases are tricky English cases in the style of the "golden rules"
// suites: each input with the sentences a careful reader would cut.
var splitCases = []struct {
	name string
	in   string
	want []string
}{
	// Basic terminal punctuation.
	{"period", "Hello World. My name is Jonas.", []string{"Hello World.", "My name is Jonas."}},
	{"question", "What is your name? My name is Jonas.", []string{"What is your name?", "My name is Jonas."}},
	{"exclamation", "There it is! I found it.", []string{"There it is!", "I found it."}},
	{"no final punctuation", "This is one. And this has none", []string{"This is one.", "And this has none"}},
	{"empty", "", nil},
	{"spaces only", " \n\t ", nil},
	{"surrounding space", "  One sentence here.  ", []string{"One sentence here."}},
	// Abbreviations and titles.
	{"one letter upper", "My name is Jonas E. Smith.", []string{"My name is Jonas E. Smith."}},
	{"one letter lower", "Please turn to p. 55.", []string{"Please turn to p. 55."}},
	{"two letter lower mid", "Were Jane and co. at the party?", []string{"Were Jane and co. at the party?"}},
	{"two letter upper mid", "They closed the deal with Pitt, Briggs & Co. at noon.", []string{"They closed the deal with Pitt, Briggs & Co. at noon."}},
	{"two letter lower end", "Let's ask Jane and co. They should know.", []string{"Let's ask Jane and co.", "They should know."}},
	{"two letter upper end", "They closed the deal with Pitt, Briggs & Co. It closed yesterday.", []string{"They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."}},
	{"prepositive", "I can see Mt. Fuji from here.", []string{"I can see Mt. Fuji from here."}},
	{"pre and postpositive", "St. Michael's Church is on 5th st. near the light.", []string{"St. Michael's Church is on 5th st. near the light."}},
	{"possessive", "That is JFK Jr.'s book.", []string{"That is JFK Jr.'s book."}},
	{"dotted honorific", "Leaders included H.E. Mr. Surangel S. Whipps Jr., President of Palau; H.E. Dr. Hilda C. Heine.", []string{"Leaders included H.E. Mr. Surangel S. Whipps Jr., President of Palau; H.E. Dr. Hilda C. Heine."}},
	{"multi period mid", "I visited the U.S.A. last year.", []string{"I visited the U.S.A. last year."}},
	{"multi period end", "I live in the E.U. How about you?", []string{"I live in the E.U.", "How about you?"}},
	{"US boundary", "I live in the U.S. How about you?", []string{"I live in the U.S.", "How about you?"}},
	{"US before capital noun", "I work for the U.S. Government in Virginia.", []string{"I work for the U.S. Government in Virginia."}},
	{"US lower", "I have lived in the U.S. for 20 years.", []string{"I have lived in the U.S. for 20 years."}},
	{"US then The", "Talks were held in the U.S. The next round is in Tokyo.", []string{"Talks were held in the U.S.", "The next round is in Tokyo."}},
	{"UK and UN", "The U.K. and the U.N. Security Council met.", []string{"The U.K. and the U.N. Security Council met."}},
	{"am pm", "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
		[]string{"At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.", "Mr. Smith then went to the store."}},
	{"pm end", "The meeting ended at 5 p.m. He left.", []string{"The meeting ended at 5 p.m.", "He left."}},
	{"time with colon", "The train leaves at 10:30 a.m. on weekdays.", []string{"The train leaves at 10:30 a.m. on weekdays."}},
	{"titles", "Mr. and Mrs. Smith met Dr. Jones, Prof. Lee and Ms. Wu.", []string{"Mr. and Mrs. Smith met Dr. Jones, Prof. Lee and Ms. Wu."}},
	{"military", "Lt. Col. Ann Ross and Capt. Ben Hale briefed Gen. Mark Milley.", []string{"Lt. Col. Ann Ross and Capt. Ben Hale briefed Gen. Mark Milley."}},
	{"politicians", "Sen. Warren, Rep. Ocasio-Cortez and Gov. Newsom spoke.", []string{"Sen. Warren, Rep. Ocasio-Cortez and Gov. Newsom spoke."}},
	{"company", "Shares of Acme Inc. rose after Globex Corp. and Initech Ltd. reported.", []string{"Shares of Acme Inc. rose after Globex Corp. and Initech Ltd. reported."}},
	{"company end", "He sold the shares to Acme Inc. The deal closed on Monday.", []string{"He sold the shares to Acme Inc.", "The deal closed on Monday."}},
	{"junior senior", "Martin Luther King Jr. was born in Atlanta. His father, Martin Luther King Sr., was a pastor.", []string{"Martin Luther King Jr. was born in Atlanta.", "His father, Martin Luther King Sr., was a pastor."}},
	{"junior end", "He met John Smith Jr. The two talked for an hour.", []string{"He met John Smith Jr.", "The two talked for an hour."}},
	{"vs", "It was Brown vs. Board of Education.", []string{"It was Brown vs. Board of Education."}},
	{"etc end", "They sell apples, pears, etc. The shop opens at nine.", []string{"They sell apples, pears, etc.", "The shop opens at nine."}},
	{"etc mid", "They sell apples, pears, etc. at the market.", []string{"They sell apples, pears, etc. at the market."}},
	{"eg ie", "Some fruits, e.g. Apples, are red, i.e. They are ripe.", []string{"Some fruits, e.g. Apples, are red, i.e. They are ripe."}},
	{"cf approx", "The figure (cf. Table 2) is approx. 30 percent.", []string{"The figure (cf. Table 2) is approx. 30 percent."}},
	{"month abbrev", "The talks began on Jan. 5 and ended on Feb. 12, 2024.", []string{"The talks began on Jan. 5 and ended on Feb. 12, 2024."}},
	{"month abbrev end", "The deal was signed in Sept. The talks continue.", []string{"The deal was signed in Sept.", "The talks continue."}},
	{"month day then stop", "They met at 3 p.m. on Feb. 2. It rained.", []string{"They met at 3 p.m. on Feb. 2.", "It rained."}},
	{"sept day", "They arrived on Sept. 5. The talks began.", []string{"They arrived on Sept. 5.", "The talks began."}},
	{"DC", "I was born in Washington, D.C. My sister was born in N.Y. She lives there.", []string{"I was born in Washington, D.C.", "My sister was born in N.Y.", "She lives there."}},
	{"fig then stop", "See Fig. 3. It shows data.", []string{"See Fig. 3.", "It shows data."}},
	{"paren state", "Sen. John McCain (R-Ariz.) disagreed. He voted no.", []string{"Sen. John McCain (R-Ariz.) disagreed.", "He voted no."}},
	{"number abbrev", "He lives at No. 5 Downing Street.", []string{"He lives at No. 5 Downing Street."}},
	{"no as word", "He said no. The talks collapsed.", []string{"He said no.", "The talks collapsed."}},
	{"state abbrev", "She was born in Portland, Ore., and lives in Austin, Tex., now.", []string{"She was born in Portland, Ore., and lives in Austin, Tex., now."}},
	{"Ph.D.", "She earned a Ph.D. in physics. Then she left.", []string{"She earned a Ph.D. in physics.", "Then she left."}},
	// Initials.
	{"initials", "J. R. R. Tolkien wrote it. George W. Bush read it.", []string{"J. R. R. Tolkien wrote it.", "George W. Bush read it."}},
	{"initial after verb", "The book was written by J. Smith in 1990.", []string{"The book was written by J. Smith in 1990."}},
	{"I boundary", "We make a good team, you and I. Did you see Albert I. Jones yesterday?", []string{"We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"}},
	{"plan B", "They had to fall back on plan B. The rest is history.", []string{"They had to fall back on plan B.", "The rest is history."}},
	// Numbers.
	{"money", "She has $100.00 in her bag.", []string{"She has $100.00 in her bag."}},
	{"money end", "She has $100.00. It is in her bag.", []string{"She has $100.00.", "It is in her bag."}},
	{"decimals", "Pi is 3.14 and the rate rose 1.5% to $5.2 million, or 1,000.50 each.", []string{"Pi is 3.14 and the rate rose 1.5% to $5.2 million, or 1,000.50 each."}},
	{"year end", "The dialogue began in 2004. Later it grew.", []string{"The dialogue began in 2004.", "Later it grew."}},
	{"number after period", "He was born in London. 1945 was a hard year.", []string{"He was born in London.", "1945 was a hard year."}},
	{"version", "Upgrade to v1.2.3 today. It fixes bugs.", []string{"Upgrade to v1.2.3 today.", "It fixes bugs."}},
	{"coordinates", "The city lies at 51.5074° N, 0.1278° W. It is large.", []string{"The city lies at 51.5074° N, 0.1278° W.", "It is large."}},
	{"geo numero", "You can find it at N°. 1026.253.553. That is where the treasure is.", []string{"You can find it at N°. 1026.253.553.", "That is where the treasure is."}},
	// URLs and e-mail.
	{"email", "Her email is Jane.Doe@example.com. I sent her an email.", []string{"Her email is Jane.Doe@example.com.", "I sent her an email."}},
	{"url", "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.", []string{"The site is: https://www.example.50.com/new-site/awesome_content.html.", "Please check it out."}},
	{"url query", "See www.example.com/a.b?c=d for details. Or write to john.doe@example.org.", []string{"See www.example.com/a.b?c=d for details.", "Or write to john.doe@example.org."}},
	// Quotes and parentheses.
	{"parenthetical", "He teaches science (He previously worked for 5 years as an engineer.) at the local University.", []string{"He teaches science (He previously worked for 5 years as an engineer.) at the local University."}},
	{"single quotes", "She turned to him, 'This is great.' she said.", []string{"She turned to him, 'This is great.' she said."}},
	{"double quotes mid", "She turned to him, \"This is great.\" she said.", []string{"She turned to him, \"This is great.\" she said."}},
	{"double quotes end", "She turned to him, \"This is great.\" She held the book out to show him.", []string{"She turned to him, \"This is great.\"", "She held the book out to show him."}},
	{"question in quote", "\"Is it open?\" he asked. \"Yes.\"", []string{"\"Is it open?\" he asked.", "\"Yes.\""}},
	{"curly quote comma", "“… open,” he said. Then he left.", []string{"“… open,” he said.", "Then he left."}},
	{"curly quote end", "He said “no.” Then he left.", []string{"He said “no.”", "Then he left."}},
	{"paren sentence", "(See below.) Next comes the list.", []string{"(See below.)", "Next comes the list."}},
	{"next opens with quote", "He left. “Why?” she asked.", []string{"He left.", "“Why?” she asked."}},
	{"quote after period", "It was called \"free and open\". The idea spread.", []string{"It was called \"free and open\".", "The idea spread."}},
	// Exclamation marks in names.
	{"yahoo", "She works at Yahoo! in the accounting department.", []string{"She works at Yahoo! in the accounting department."}},
	{"yahoo inc", "Yahoo! Inc. bought the firm. Jeopardy! aired later.", []string{"Yahoo! Inc. bought the firm.", "Jeopardy! aired later."}},
	// Double punctuation.
	{"!!", "Hello!! Long time no see.", []string{"Hello!!", "Long time no see."}},
	{"??", "Hello?? Who is there?", []string{"Hello??", "Who is there?"}},
	{"!?", "Hello!? Is that you?", []string{"Hello!?", "Is that you?"}},
	{"?!", "Hello?! Is that you?", []string{"Hello?!", "Is that you?"}},
	// Lists.
	{"list period paren no end", "1.) The first item 2.) The second item", []string{"1.) The first item", "2.) The second item"}},
	{"list period paren end", "1.) The first item. 2.) The second item.", []string{"1.) The first item.", "2.) The second item."}},
	{"list paren no end", "1) The first item 2) The second item", []string{"1) The first item", "2) The second item"}},
	{"list paren end", "1) The first item. 2) The second item.", []string{"1) The first item.", "2) The second item."}},
	{"list period no end", "1. The first item 2. The second item", []string{"1. The first item", "2. The second item"}},
	{"list period end", "1. The first item. 2. The second item.", []string{"1. The first item.", "2. The second item."}},
	{"list bullet", "• 9. The first item • 10. The second item", []string{"• 9. The first item", "• 10. The second item"}},
	{"list hyphen bullet", "⁃9. The first item ⁃10. The second item", []string{"⁃9. The first item", "⁃10. The second item"}},
	{"list alphabetical", "a. The first item b. The second item c. The third list item", []string{"a. The first item", "b. The second item", "c. The third list item"}},
	{"list lines", "Steps:\n1. First item\na) second\n• third\ni. roman", []string{"Steps:", "1. First item", "a) second", "• third", "i. roman"}},
	{"list paren letters inline", "(a) first item (b) second item", []string{"(a) first item", "(b) second item"}},
	{"list roman inline", "i. The first point ii. The second point", []string{"i. The first point", "ii. The second point"}},
	{"list dash lines", "We need:\n- bread\n- milk", []string{"We need:", "- bread", "- milk"}},
	// Ellipses.
	{"ellipsis quote end", "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”", []string{"Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”"}},
	{"ellipsis brackets", "\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55).", []string{"\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55)."}},
	{"ellipsis boundary standard", "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . . Next sentence.", []string{"If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . .", "Next sentence."}},
	{"ellipsis boundary four dots", "I never meant that.... She left the store.", []string{"I never meant that....", "She left the store."}},
	{"ellipsis non boundary", "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.", []string{"I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it."}},
	{"four dot ellipsis", "One further habit which was somewhat weakened . . . was that of combining words into self-contained units. . . .", []string{"One further habit which was somewhat weakened . . . was that of combining words into self-contained units. . . ."}},
	{"unicode ellipsis", "He paused… then went on. Wait… What happened?", []string{"He paused… then went on.", "Wait…", "What happened?"}},
	{"full stop unicode ellipsis", "It ended.… Then came silence.", []string{"It ended.…", "Then came silence."}},
	// Line breaks.
	{"wrapped line", "The summit will be held in\nAstana this month. It is\nthe first one.", []string{"The summit will be held in\nAstana this month.", "It is\nthe first one."}},
	{"wrapped before number", "Troop numbers rose to\n2,000 by March.", []string{"Troop numbers rose to\n2,000 by March."}},
	{"heading line", "Central Asia and Japan\nThe first summit will be held this month.", []string{"Central Asia and Japan", "The first summit will be held this month."}},
	{"blank line", "A heading without stop\n\nthe body starts lower case.", []string{"A heading without stop", "the body starts lower case."}},
	{"crlf", "First line.\r\nSecond line.", []string{"First line.", "Second line."}},
	{"period newline abbrev", "He joined Acme Inc.\nThe firm grew.", []string{"He joined Acme Inc.", "The firm grew."}},
	{"short lower lines", "features\ncontact manager\nevents, activities\n", []string{"features", "contact manager", "events, activities"}},
	{"long lower wrapped lines", "the meeting between the two delegations\nwas postponed until further notice", []string{"the meeting between the two delegations\nwas postponed until further notice"}},
	{"short wrapped ending in function word", "He went to the\nshop.", []string{"He went to the\nshop."}},
	// No space between sentences.
	{"no space", "Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.", []string{"Hello world.", "Today is Tuesday.", "Mr. Smith went to the store and bought 1,000.", "That is a lot."}},
	{"no space domain", "Visit www.Google.com or Mail.Example.org today.", []string{"Visit www.Google.com or Mail.Example.org today."}},
	{"no space abbreviation", "Ask Mr.Smith or the U.S.Army about it.", []string{"Ask Mr.Smith or the U.S.Army about it."}},
	// Other.
	{"iv", "The nurse gave him the i.v. in his vein. She gave him the i.v. It was a great I.V. that she gave him. She gave him the I.V. It was night.", []string{"The nurse gave him the i.v. in his vein.", "She gave him the i.v.", "It was a great I.V. that she gave him.", "She gave him the I.V.", "It was night."}},
	{"exclamation before dash", "Mix it, put it in the oven, and -- voila! -- you have cake.", []string{"Mix it, put it in the oven, and -- voila! -- you have cake."}},
	{"question before dash", "Some can be -- if I may say so? -- a bit questionable.", []string{"Some can be -- if I may say so? -- a bit questionable."}},
	{"label letter", "Hello. Please see Appendix A. Thank you.", []string{"Hello.", "Please see Appendix A.", "Thank you."}},
	{"citation", "Saint Maximus (died 250) is a Christian saint and martyr.[1] The emperor Decius published a decree.", []string{"Saint Maximus (died 250) is a Christian saint and martyr.[1]", "The emperor Decius published a decree."}},
	{"feet inches", "She is 5 ft. 4 in. tall.", []string{"She is 5 ft. 4 in. tall."}},
	{"dr who", "This is Dr. Who. He is a doctor.", []string{"This is Dr. Who.", "He is a doctor."}},
	{"St Louis", "He went to the St. Louis Zoo. It was closed.", []string{"He went to the St. Louis Zoo.", "It was closed."}},
	{"quoted dialogue", "\"What do you want to do?\" \"I don't know.\"", []string{"\"What do you want to do?\"", "\"I don't know.\""}},
	{"lower start after break", "It rose 5%.\nanalysts were surprised.", []string{"It rose 5%.\nanalysts were surprised."}},
	{"camel brand", "He bought a phone. iPhones sell well.", []string{"He bought a phone.", "iPhones sell well."}},
	{"dash", "Russia – historically a key player – has changed. It matters.", []string{"Russia – historically a key player – has changed.", "It matters."}},
	{"5+1", "Others adopted similar “5+1” frameworks. The summit follows.", []string{"Others adopted similar “5+1” frameworks.", "The summit follows."}},
	{"non-breaking space", "It ended.\u00a0Then it began.", []string{"It ended.", "Then it began."}},
	{"non latin next", "He said so. Это правда.", []string{"He said so.", "Это правда."}},
}

func TestSplit(t *testing.T) {
	for _, tc := range splitCases {
		t.Run(tc.name, func(t *testing.T) {
			got := texts(tc.in)
			if strings.Join(got, "\x00") != strings.Join(tc.want, "\x00") {
				t.Errorf("Split(%q)\n got  %q\n want %q", tc.in, got, tc.want)
			}
			checkInvariants(t, tc.in, Split(tc.in))
		})
	}
}

// TestSplitCapsLength checks that a run of text with no sentence end is
// cut into pieces of at most MaxSentence bytes at white space, preferring
// a comma, that the pieces keep every word once and in order, and that a
// word longer than the limit stays whole.
func TestSplitCapsLength(t *testing.T) {
	var sb strings.Builder
	for sb.Len() < 5*MaxSentence {
		sb.WriteString("we saw the Golden Temple near the river, and left ")
	}
	text := sb.String()
	spans := Split(text)
	if len(spans) < 3 {
		t.Fatalf("got %d spans for %d bytes", len(spans), len(text))
	}
	var words []string
	for i, sp := range spans {
		if sp.End-sp.Start > MaxSentence {
			t.Errorf("span %d is %d bytes", i, sp.End-sp.Start)
		}
		piece := text[sp.Start:sp.End]
		if i < len(spans)-1 && !strings.HasSuffix(piece, ",") {
			t.Errorf("span %d does not end after a comma: %q", i, piece[len(piece)-20:])
		}
		words = append(words, strings.Fields(piece)...)
	}
	if strings.Join(words, " ") != strings.Join(strings.Fields(text), " ") {
		t.Error("the pieces do not keep every word once and in order")
	}
	long := strings.Repeat("x", 3*MaxSentence)
	if got := Split(long); len(got) != 1 || got[0].End-got[0].Start != len(long) {
		t.Errorf("a word longer than the limit: %+v", got)
	}
}
