package entities

import (
	"strings"

	"github.com/briefpack/briefpack/pipeline"
)

// Names in an example list take their kind from the plural noun before
// "such as", "including" or "like": "opposition figures such as Robert
// Kocharyan", "environmental groups such as Greenpeace and Friends of the
// Earth", "towns ..., including Moqokori and Adan Yabaal".

var listPlurals = map[string]string{
	"figures": pipeline.TypePerson, "leaders": pipeline.TypePerson, "politicians": pipeline.TypePerson,
	"officials": pipeline.TypePerson, "ministers": pipeline.TypePerson, "critics": pipeline.TypePerson,
	"activists": pipeline.TypePerson, "people": pipeline.TypePerson, "individuals": pipeline.TypePerson,
	"opponents": pipeline.TypePerson, "candidates": pipeline.TypePerson, "commanders": pipeline.TypePerson,
	"generals": pipeline.TypePerson, "journalists": pipeline.TypePerson, "experts": pipeline.TypePerson,
	"scholars": pipeline.TypePerson, "envoys": pipeline.TypePerson, "diplomats": pipeline.TypePerson,
	"dissidents": pipeline.TypePerson, "lawmakers": pipeline.TypePerson, "economists": pipeline.TypePerson,
	"analysts": pipeline.TypePerson, "rivals": pipeline.TypePerson, "successors": pipeline.TypePerson,
	"groups": pipeline.TypeOrganization, "organisations": pipeline.TypeOrganization,
	"organizations": pipeline.TypeOrganization, "companies": pipeline.TypeOrganization,
	"firms": pipeline.TypeOrganization, "banks": pipeline.TypeOrganization, "agencies": pipeline.TypeOrganization,
	"parties": pipeline.TypeOrganization, "movements": pipeline.TypeOrganization,
	"militias": pipeline.TypeOrganization, "institutions": pipeline.TypeOrganization,
	"bodies": pipeline.TypeOrganization, "outfits": pipeline.TypeOrganization,
	"charities": pipeline.TypeOrganization, "ngos": pipeline.TypeOrganization,
	"networks": pipeline.TypeOrganization, "coalitions": pipeline.TypeOrganization,
	"alliances": pipeline.TypeOrganization, "funds": pipeline.TypeOrganization,
	"universities": pipeline.TypeOrganization, "think-tanks": pipeline.TypeOrganization,
	"corporations": pipeline.TypeOrganization, "conglomerates": pipeline.TypeOrganization,
	"lenders": pipeline.TypeOrganization, "insurgents": pipeline.TypeOrganization,
	"factions": pipeline.TypeOrganization, "unions": pipeline.TypeOrganization,
	"towns": pipeline.TypeCity, "cities": pipeline.TypeCity, "villages": pipeline.TypeCity,
	"areas": pipeline.TypeCity, "regions": pipeline.TypeRegion, "districts": pipeline.TypeRegion,
	"provinces": pipeline.TypeRegion, "places": pipeline.TypeCity, "camps": pipeline.TypeCity,
	"ports": pipeline.TypeCity, "capitals": pipeline.TypeCity, "islands": pipeline.TypeRegion,
	"territories": pipeline.TypeRegion, "localities": pipeline.TypeCity, "states": pipeline.TypeRegion,
	"dams": pipeline.TypeCity, "canals": pipeline.TypeCity, "mines": pipeline.TypeCity, "fields": pipeline.TypeCity,
	"airports": pipeline.TypeCity, "bases": pipeline.TypeCity, "plants": pipeline.TypeCity,
}

// listRule finds an unknown name at token i in an example list. It returns
// the end of the name and its type, or 0.
func (x *extractor) listRule(i int) (int, string) {
	if !x.capWord(i) || (stopCaps[x.word(i)] && !(x.word(i) == "The" && x.capWord(i+1))) {
		return 0, ""
	}
	typ := x.listClass(i)
	if typ == "" {
		return 0, ""
	}
	var k int
	switch typ {
	case pipeline.TypePerson:
		k = x.nameEnd(i)
		if k-i < 2 && !x.adjacent(i+1) {
			return 0, "" // one word is not enough for a person
		}
	case pipeline.TypeCity, pipeline.TypeRegion:
		k = x.placeEnd(i)
	default:
		k = x.listOrgEnd(i)
		if k == i+1 && x.lowerInText(x.word(i)) {
			return 0, "" // a common word: "services like Cloud storage"
		}
	}
	if x.word(i) == "The" && typ != pipeline.TypeOrganization {
		return 0, ""
	}
	if k <= i || (k < len(x.toks) && x.capWord(k)) {
		return 0, ""
	}
	for t := i; t < k; t++ {
		if x.isWordTok(t) && (months[x.word(t)] || notPlaces[x.word(t)]) {
			return 0, ""
		}
	}
	return k, typ
}

// listClass returns the type of the names of the list token i stands in,
// or "".
func (x *extractor) listClass(i int) string {
	c := -1
	for t := i - 1; t >= 0 && t >= i-24; t-- {
		w := ""
		if x.isWordTok(t) {
			w = x.word(t)
		}
		switch {
		case w == "as" && x.isWordTok(t-1) && x.word(t-1) == "such":
			c = t - 1
		case w == "including" || w == "like":
			c = t
		case x.punct(t, ",") || x.punct(t, "-") || w == "and" || w == "or" || w == "the" || w == "of" ||
			x.capWord(t) || (w != "" && nameParticles[w]) || (w != "" && !x.capWord(t) && t > 0 && x.punct(t-1, "-")):
			continue
		default:
			return ""
		}
		break
	}
	if c < 0 {
		return ""
	}
	for t := c - 1; t >= 0 && t >= c-6; t-- {
		if !x.isWordTok(t) {
			continue
		}
		w := x.word(t)
		if x.capWord(t) || w == "and" || w == "the" {
			continue
		}
		return listPlurals[strings.ToLower(w)]
	}
	return ""
}

// listOrgEnd returns the end of an organization's name in a list:
// capitalized words, hyphenated parts ("Lashkar-e-Taiba") and inner
// "of the" ("Friends of the Earth").
func (x *extractor) listOrgEnd(i int) int {
	k, words := i, 0
	for k < len(x.toks) && words < 6 {
		if x.capWord(k) || (words > 0 && isAllCaps(x.word(k))) {
			words++
			k++
			for x.punct(k, "-") && x.adjacent(k) && x.isWordTok(k+1) && x.adjacent(k+1) {
				k += 2
			}
			continue
		}
		if words > 0 && (x.punct(k, "&") || x.isWordTok(k) && x.word(k) == "&") && x.capWord(k+1) {
			k++ // "Ogilvy & Mather"
			continue
		}
		if x.word(k) == "The" && k == i {
			k++
			continue
		}
		if words > 0 && x.isWordTok(k) && (x.word(k) == "of" || x.word(k) == "for") {
			n := k + 1
			if x.isWordTok(n) && x.word(n) == "the" {
				n++
			}
			if x.capWord(n) {
				k = n
				continue
			}
		}
		break
	}
	return k
}
