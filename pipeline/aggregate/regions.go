package aggregate

import (
	"sort"

	"github.com/briefpack/briefpack/pipeline"
)

// regionMembers lists the member countries (ISO alpha-3) of the compact
// regions in the gazetteer, after the UN M49 sub-regions and common usage.
// Continents and other very broad regions are left out on purpose: their
// members are too many to set side by side.
var regionMembers = map[string][]string{
	"central-asia":        {"KAZ", "KGZ", "TJK", "TKM", "UZB"},
	"south-asia":          {"AFG", "BGD", "BTN", "IND", "IRN", "MDV", "NPL", "PAK", "LKA"},
	"east-asia":           {"CHN", "JPN", "KOR", "PRK", "MNG", "TWN"},
	"southeast-asia":      {"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "TLS", "VNM"},
	"south-caucasus":      {"ARM", "AZE", "GEO"},
	"caucasus":            {"ARM", "AZE", "GEO", "RUS"},
	"middle-east":         {"BHR", "CYP", "EGY", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN", "OMN", "PSE", "QAT", "SAU", "SYR", "TUR", "ARE", "YEM"},
	"gulf":                {"BHR", "KWT", "OMN", "QAT", "SAU", "ARE", "IRQ", "IRN"},
	"persian-gulf-states": {"BHR", "KWT", "OMN", "QAT", "SAU", "ARE"},
	"korean-peninsula":    {"KOR", "PRK"},
	"sahel":               {"BFA", "TCD", "MLI", "MRT", "NER", "SEN", "NGA", "SDN"},
	"horn-of-africa":      {"DJI", "ERI", "ETH", "SOM"},
	"north-africa":        {"DZA", "EGY", "LBY", "MAR", "SDN", "TUN"},
	"west-africa":         {"BEN", "BFA", "CPV", "CIV", "GMB", "GHA", "GIN", "GNB", "LBR", "MLI", "MRT", "NER", "NGA", "SEN", "SLE", "TGO"},
	"east-africa":         {"BDI", "COM", "DJI", "ERI", "ETH", "KEN", "MDG", "MWI", "MUS", "MOZ", "RWA", "SYC", "SOM", "SSD", "TZA", "UGA", "ZMB", "ZWE"},
	"balkans":             {"ALB", "BIH", "BGR", "HRV", "GRC", "XKX", "MNE", "MKD", "ROU", "SRB", "SVN"},
	"scandinavia":         {"DNK", "NOR", "SWE", "FIN", "ISL"},
	"baltic":              {"EST", "LVA", "LTU"},
	"eastern-europe":      {"BLR", "BGR", "CZE", "HUN", "MDA", "POL", "ROU", "RUS", "SVK", "UKR"},
	"central-america":     {"BLZ", "CRI", "SLV", "GTM", "HND", "NIC", "PAN"},
	"south-america":       {"ARG", "BOL", "BRA", "CHL", "COL", "ECU", "GUY", "PRY", "PER", "SUR", "URY", "VEN"},
	"north-america":       {"CAN", "MEX", "USA"},
}

// OrderCountries returns the country rows of actors (already ordered by
// salience) in comparison order: when a region that the gazetteer knows
// the members of is among the actors, and at least two of its members are
// present, those members come first, side by side, in salience order; the
// other countries follow by salience. The most salient such region wins.
// This is how the seed's five Central Asian states end up next to each
// other, followed by Japan, Russia and China.
func OrderCountries(actors []pipeline.ActorRow) []pipeline.ActorRow {
	var countries []pipeline.ActorRow
	present := map[string]bool{}
	for _, a := range actors {
		if a.Type == pipeline.TypeCountry {
			countries = append(countries, a)
			present[a.ISO3] = true
		}
	}
	focus := map[string]bool{}
	for _, a := range actors {
		if a.Type != pipeline.TypeRegion {
			continue
		}
		n := 0
		for _, m := range regionMembers[a.EntityID] {
			if present[m] {
				n++
			}
		}
		if n >= 2 {
			for _, m := range regionMembers[a.EntityID] {
				focus[m] = true
			}
			break
		}
	}
	sort.SliceStable(countries, func(i, j int) bool {
		return focus[countries[i].ISO3] && !focus[countries[j].ISO3]
	})
	return countries
}
