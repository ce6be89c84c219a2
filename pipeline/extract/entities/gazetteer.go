package entities

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"runtime"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/unicode/norm"

	"github.com/biter777/countries"
	"gopkg.in/yaml.v3"

	"github.com/briefpack/briefpack/pipeline"
)

//go:embed gazetteer/*.yaml
var embedded embed.FS

// TypeIgnore marks gazetteer entries whose names are consumed without
// producing an entity ("New Mexico" is not Mexico).
const TypeIgnore = "ignore"

// Entry is one canonical entity of the gazetteer, as written in the YAML
// files.
type Entry struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Type     string   `yaml:"type"`
	ISO2     string   `yaml:"iso2"`
	ISO3     string   `yaml:"iso3"`
	Wikidata string   `yaml:"wikidata"`
	Aliases  []string `yaml:"aliases"`
	Acronyms []string `yaml:"acronyms"`
	Demonyms []string `yaml:"demonyms"`
	// Country is the ISO alpha-3 code of the country a city belongs to.
	Country string `yaml:"country"`
	// Metonym: the city's name also stands for its country's government.
	Metonym bool `yaml:"metonym"`
	// Ambiguous: the name is also a common personal name or word ("Jordan",
	// "Chad"); it is taken only when no unmatched capitalized word stands
	// next to it.
	Ambiguous bool `yaml:"ambiguous"`
	// Company: a company whose name may start the name of another company
	// of its group ("Toyota Tsusho", "Siemens Energy").
	Company bool `yaml:"company"`
	// Surname is a person's short form, linked after a full mention or a
	// title. Defaults to the last word of Name.
	Surname string `yaml:"surname"`
	// Short lists surnames unique enough to be linked anywhere ("Putin").
	Short []string `yaml:"short"`

	src  string   // file:line of the definition, for errors
	weak []string // replaced names, matched only when no other entry claims them
}

// Gazetteer is the immutable set of known entities and the matcher built
// from them. It is safe for concurrent use.
type Gazetteer struct {
	entries []Entry
	byID    map[string]int
	trie    *trie
}

// Entry returns the entry with the given ID.
func (g *Gazetteer) Entry(id string) (Entry, bool) {
	i, ok := g.byID[id]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i], true
}

// Len is the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Load builds the gazetteer from the ISO 3166 country data, the embedded
// YAML files and the given extra YAML files, in that order. An extra entry
// whose id is already known overrides that entry's non-empty fields and
// adds its names; a new id adds an entity.
func Load(extra ...string) (*Gazetteer, error) {
	b := &builder{byID: map[string]int{}}
	b.addISO()
	names, err := fs.Glob(embedded, "gazetteer/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	sort.Strings(names)
	// Decoding the YAML is most of the time Load takes: the files are
	// decoded in parallel, then merged one after the other in name order,
	// so the result does not depend on the schedule.
	parsed := make([][]Entry, len(names))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for k, n := range names {
		g.Go(func() error {
			data, err := embedded.ReadFile(n)
			if err != nil {
				return fmt.Errorf("entities: %s: %w", n, err)
			}
			parsed[k], err = parseYAML(path.Base(n), data)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	for _, es := range parsed {
		if err := b.mergeAll(es); err != nil {
			return nil, err
		}
	}
	for _, f := range extra {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("entities: gazetteer %w", err)
		}
		if err := b.addYAML(f, data); err != nil {
			return nil, err
		}
	}
	return b.build()
}

type builder struct {
	entries []Entry
	byID    map[string]int
}

// addISO adds every ISO 3166-1 country with its codes and ISO short name.
func (b *builder) addISO() {
	for _, c := range countries.All() {
		a3 := c.Alpha3()
		if a3 == "" || a3 == "Unknown" {
			continue
		}
		name := c.String()
		e := Entry{ID: a3, Type: pipeline.TypeCountry, ISO2: c.Alpha2(), ISO3: a3, src: "iso3166"}
		// ISO short names carry qualifiers in brackets: "Iran (Islamic
		// Republic of)". The part before the bracket is the usual name.
		if i := strings.Index(name, " ("); i > 0 {
			name = name[:i]
		}
		e.Name = name
		b.byID[a3] = len(b.entries)
		b.entries = append(b.entries, e)
	}
}

// addYAML parses one gazetteer file and merges its entries.
func (b *builder) addYAML(file string, data []byte) error {
	es, err := parseYAML(file, data)
	if err != nil {
		return err
	}
	return b.mergeAll(es)
}

// parseYAML decodes the entries of one gazetteer file; each remembers
// its file and line.
func parseYAML(file string, data []byte) ([]Entry, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("entities: %s: %w", file, err)
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil, nil // empty file
	}
	list := root.Content[0]
	if list.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("entities: %s:%d: want a list of entries", file, list.Line)
	}
	es := make([]Entry, 0, len(list.Content))
	for _, n := range list.Content {
		var e Entry
		if err := n.Decode(&e); err != nil {
			return nil, fmt.Errorf("entities: %s:%d: %w", file, n.Line, err)
		}
		e.src = fmt.Sprintf("%s:%d", file, n.Line)
		es = append(es, e)
	}
	return es, nil
}

// mergeAll merges decoded entries in their order.
func (b *builder) mergeAll(es []Entry) error {
	for _, e := range es {
		if err := b.merge(e); err != nil {
			return fmt.Errorf("entities: %s: %w", e.src, err)
		}
	}
	return nil
}

var validTypes = map[string]bool{
	pipeline.TypeCountry: true, pipeline.TypeRegion: true, pipeline.TypeCity: true,
	pipeline.TypePerson: true, pipeline.TypeOrganization: true, pipeline.TypeFramework: true,
	pipeline.TypeEvent: true, TypeIgnore: true,
}

func (b *builder) merge(e Entry) error {
	if e.ID == "" && e.ISO3 != "" {
		e.ID = strings.ToUpper(e.ISO3)
	}
	if e.ID == "" {
		if e.Name == "" {
			return errors.New("entry has neither id nor name")
		}
		e.ID = Slug(e.Name)
	}
	if i, ok := b.byID[e.ID]; ok {
		old := &b.entries[i]
		if e.Name != "" && e.Name != old.Name {
			if old.Name != "" {
				// the replaced name still matches, unless another entry
				// claims it ("Congo" is the ISO name of the Republic of
				// the Congo, but usually means the DR Congo)
				old.weak = append(old.weak, old.Name)
			}
			old.Name = e.Name
		}
		setIf(&old.Type, e.Type)
		setIf(&old.ISO2, e.ISO2)
		setIf(&old.ISO3, e.ISO3)
		setIf(&old.Wikidata, e.Wikidata)
		setIf(&old.Country, e.Country)
		setIf(&old.Surname, e.Surname)
		old.Metonym = old.Metonym || e.Metonym
		old.Ambiguous = old.Ambiguous || e.Ambiguous
		old.Aliases = append(old.Aliases, e.Aliases...)
		old.Acronyms = append(old.Acronyms, e.Acronyms...)
		old.Demonyms = append(old.Demonyms, e.Demonyms...)
		old.Short = append(old.Short, e.Short...)
		old.src = e.src
		return validate(old)
	}
	if e.Type == "" {
		return fmt.Errorf("entry %q has no type", e.ID)
	}
	if err := validate(&e); err != nil {
		return err
	}
	b.byID[e.ID] = len(b.entries)
	b.entries = append(b.entries, e)
	return nil
}

func validate(e *Entry) error {
	if !validTypes[e.Type] {
		return fmt.Errorf("entry %q: unknown type %q", e.ID, e.Type)
	}
	if e.Type != TypeIgnore && e.Name == "" {
		return fmt.Errorf("entry %q has no name", e.ID)
	}
	if e.Type == TypeIgnore && e.Name == "" && len(e.Aliases) == 0 {
		return fmt.Errorf("ignore entry %q lists no names", e.ID)
	}
	return nil
}

func setIf(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

func (b *builder) build() (*Gazetteer, error) {
	g := &Gazetteer{entries: b.entries, byID: b.byID, trie: newTrie()}
	for i := range g.entries {
		e := &g.entries[i]
		if e.Country != "" {
			if _, ok := g.byID[e.Country]; !ok {
				return nil, fmt.Errorf("entities: %s: unknown country %q", e.src, e.Country)
			}
		}
		if e.Type == pipeline.TypePerson && e.Surname == "" {
			if f := strings.Fields(e.Name); len(f) > 1 {
				e.Surname = f[len(f)-1]
				for _, w := range f[1:] {
					if w == "bin" || w == "ibn" || w == "bint" {
						// Arabic names are shortened to the given name:
						// "King Salman" is Salman bin Abdulaziz, not
						// Mohammed bin Salman.
						e.Surname = f[0]
						break
					}
				}
			}
		}
	}
	for i := range g.entries {
		g.index(int32(i))
	}
	for i := range g.entries {
		for _, w := range g.entries[i].weak {
			if n := g.trie.path(w, false); n >= 0 && len(g.trie.nodes[n].hits) > 0 {
				continue
			}
			g.trie.insert(w, hit{entry: int32(i), form: pipeline.FormAlias})
		}
	}
	return g, nil
}

// index adds every surface form of entry i to the trie.
func (g *Gazetteer) index(i int32) {
	e := &g.entries[i]
	form := pipeline.FormName
	if e.Type == TypeIgnore {
		form = ""
	}
	add := func(s, form string, flags uint8) {
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		if e.Ambiguous && form != pipeline.FormDemonym {
			flags |= flagAmbiguous
		}
		g.trie.insert(s, hit{entry: i, form: form, flags: flags})
		// "Lomé" is also written "Lome", "Türkiye" "Turkiye".
		if bare := stripMarks(s); bare != s && flags&flagNeedsAnchor == 0 {
			g.trie.insert(bare, hit{entry: i, form: form, flags: flags})
		}
		// "Saint Vincent" is also written "St Vincent" and "St. Vincent".
		if rest, ok := strings.CutPrefix(s, "Saint "); ok && e.Type != pipeline.TypePerson {
			g.trie.insert("St "+rest, hit{entry: i, form: pipeline.FormAlias, flags: flags})
			g.trie.insert("St. "+rest, hit{entry: i, form: pipeline.FormAlias, flags: flags})
		}
		// "the United Nations Children's Fund" is also the "UN Children's
		// Fund".
		if rest, ok := strings.CutPrefix(s, "United Nations "); ok && e.Type == pipeline.TypeOrganization {
			g.trie.insert("UN "+rest, hit{entry: i, form: pipeline.FormAlias, flags: flags})
		}
		// "Organisation for Security and Co-operation in Europe" is
		// the OSCE in British spelling.
		if e.Type != pipeline.TypePerson && form != pipeline.FormDemonym {
			if v := spellingVariant(s); v != s {
				g.trie.insert(v, hit{entry: i, form: pipeline.FormAlias, flags: flags})
			}
		}
		// "the West" is also "The West" at the start of a sentence.
		if rest, ok := strings.CutPrefix(s, "the "); ok {
			g.trie.insert("The "+rest, hit{entry: i, form: form, flags: flags})
		}
	}
	if e.Name != "" {
		add(e.Name, form, 0)
	}
	aliasForm := pipeline.FormAlias
	if e.Type == TypeIgnore {
		aliasForm = ""
	}
	for _, a := range e.Aliases {
		add(a, aliasForm, 0)
	}
	if e.Type == pipeline.TypePerson {
		// Surname-first order of two-word names: "Kishida Fumio".
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if f := strings.Fields(n); len(f) == 2 && !strings.Contains(n, ".") {
				add(f[1]+" "+f[0], pipeline.FormAlias, 0)
			}
		}
		for _, s := range e.Short {
			add(s, pipeline.FormShort, 0)
		}
		if e.Surname != "" && !contains(e.Short, e.Surname) {
			add(e.Surname, pipeline.FormShort, flagNeedsAnchor)
		}
		// the surname as an alias spells it: "Schroeder" of "Gerhard
		// Schroeder" for Gerhard Schröder
		if e.Surname != "" {
			for _, a := range e.Aliases {
				f := strings.Fields(a)
				if len(f) < 2 || strings.Contains(a, ".") {
					continue
				}
				if last := f[len(f)-1]; last != e.Surname && stripMarks(last) != stripMarks(e.Surname) &&
					strings.EqualFold(last[:1], e.Surname[:1]) && !contains(e.Short, last) {
					add(last, pipeline.FormShort, flagNeedsAnchor)
				}
			}
		}
	}
	for _, a := range e.Acronyms {
		var fl uint8
		if isWord(strings.ToLower(a)) {
			fl = flagNotInCaps
		}
		add(a, pipeline.FormAcronym, fl)
		// "Nato", "Apec", "Opec": news style writes long acronyms as words
		if len(a) >= 4 && isAllCaps(a) && onlyLetters(a) && !isWord(strings.ToLower(a)) {
			add(titleCase(a), pipeline.FormAcronym, fl|flagWordAcronym)
		}
	}
	if e.Type == pipeline.TypeCountry || e.Type == pipeline.TypeRegion {
		for _, d := range e.Demonyms {
			add(d, pipeline.FormDemonym, 0)
			if p := plural(d); p != "" {
				add(p, pipeline.FormDemonym, 0)
			}
		}
	}
	if e.Type == pipeline.TypeCity && e.Metonym {
		// The whole city entry is metonym-capable; resolution happens in
		// context (see resolveCity).
		_ = 0
	}
	// "Congress" alone is the US Congress, but "the Congress" is usually
	// a congress named earlier ("the Congress of Leaders ... The Congress
	// highlighted").
	if e.ID == "us-congress" {
		g.trie.setFlag("Congress", flagNotAfterThe)
	}
	// "the General Assembly" is the UN's; "its fourth General Assembly"
	// is another body's.
	if e.ID == "un-general-assembly" {
		g.trie.setFlag("General Assembly", flagNotQualified)
	}
	// "the States" is the United States only when it stands alone.
	if e.ID == "USA" {
		g.trie.setFlag("the States", flagStandalone)
		g.trie.setFlag("The States", flagStandalone)
	}
	// "Holland" is also a surname: "Neil Holland" is a man, not the
	// Netherlands
	if e.ID == "NLD" {
		g.trie.setFlag("Holland", flagAmbiguous)
	}
	// "the Treasury" said, not "the Treasury Select Committee" nor "the
	// Treasury bill"
	if e.ID == "treasury" {
		g.trie.setFlag("the Treasury", flagStandalone)
		g.trie.setFlag("The Treasury", flagStandalone)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// plural gives the plural of a demonym when it is formed with -s and the
// gazetteer does not list it ("Kazakh" -> "Kazakhs").
func plural(d string) string {
	if strings.Contains(d, " ") {
		last := d[strings.LastIndexByte(d, ' ')+1:]
		if p := plural(last); p != "" {
			return d[:len(d)-len(last)] + p
		}
		return ""
	}
	for _, suf := range []string{"ese", "ish", "ch", "sh", "s", "z", "x", "ic"} {
		if strings.HasSuffix(d, suf) {
			return ""
		}
	}
	return d + "s"
}

// isWord reports whether an acronym is also a common lower-case English word
// ("who", "us"), so an all-capitals headline must not be read as it.
func isWord(s string) bool {
	switch s {
	case "us", "who", "it", "is", "am", "an", "or", "at", "no", "so", "on", "in", "to", "au", "ban", "cap", "fed":
		return true
	}
	return false
}

// Slug makes a stable lower-case ID from a name: "Kishida Fumio" ->
// "kishida-fumio".
func Slug(name string) string {
	var sb strings.Builder
	dash := false
	for _, r := range name {
		r = foldAccent(r)
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			dash = false
			sb.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
		default:
			dash = true
		}
	}
	return sb.String()
}

// foldAccent maps a Latin letter with diacritics to its base letter for
// slugs ("ü" -> "u").
func foldAccent(r rune) rune {
	if r < utf8.RuneSelf {
		return r
	}
	switch r { // letters NFD does not decompose
	case 'ø', 'Ø':
		return 'o'
	case 'ł', 'Ł':
		return 'l'
	case 'đ', 'Đ':
		return 'd'
	case 'ı':
		return 'i'
	case 'æ', 'Æ':
		return 'a'
	case 'ß':
		return 's'
	}
	d := norm.NFD.String(string(r))
	if b, _ := utf8.DecodeRuneInString(d); b < utf8.RuneSelf {
		return b
	}
	return r
}

// stripMarks removes the combining marks of s ("Lomé" -> "Lome",
// "Côte d'Ivoire" -> "Cote d'Ivoire"); letters without a decomposition
// ("ø", "ł") stay. It returns s itself when s is ASCII.
func stripMarks(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// byName returns the entry whose name or alias is exactly s.
func (g *Gazetteer) byName(s string) (Entry, bool) {
	var tbuf [8]token
	toks := tokenize(tbuf[:0], s, 0, len(s))
	if len(toks) == 0 {
		return Entry{}, false
	}
	var buf [4]match
	for _, m := range g.trie.walk(buf[:0], s, toks, 0) {
		if m.j != len(toks) {
			continue
		}
		for _, h := range g.trie.nodes[m.n].hits {
			if h.form == pipeline.FormName || h.form == pipeline.FormAlias {
				return g.entries[h.entry], true
			}
		}
	}
	return Entry{}, false
}

// onlyLetters reports whether s has letters only.
func onlyLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// spellings pairs the words British and American English spell apart in
// the names of bodies.
var spellings = map[string]string{
	"Organization": "Organisation", "Organisation": "Organization",
	"Organizations": "Organisations", "Organisations": "Organizations",
	"Cooperation": "Co-operation", "Co-operation": "Cooperation",
	"Centre": "Center", "Center": "Centre",
	"Defence": "Defense", "Defense": "Defence",
	"Programme": "Program", "Program": "Programme",
}

// spellingVariant returns name with each word spellings pairs swapped
// ("Organisation for Security and Co-operation in Europe" for the
// "Organization for Security and Cooperation in Europe"), or name.
func spellingVariant(name string) string {
	f := strings.Fields(name)
	changed := false
	for k, w := range f {
		if v, ok := spellings[w]; ok {
			f[k], changed = v, true
		}
	}
	if !changed {
		return name
	}
	return strings.Join(f, " ")
}
