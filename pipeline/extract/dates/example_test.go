package dates_test

import (
	"fmt"
	"time"

	"github.com/briefpack/briefpack/pipeline/extract/dates"
)

func ExampleParse() {
	text := "The Dialogue began in 2004; over the past 20 years Japan pledged $5.2 million, and last year trade rose 3 per cent."
	published := time.Date(2024, 8, 20, 0, 0, 0, 0, time.UTC)
	for _, m := range dates.Parse(text, published) {
		if m.Kind == dates.KindDate {
			fmt.Printf("%s %q -> %s (%s)\n", m.Kind, m.Text, m.Date, m.Precision)
		} else {
			fmt.Printf("%s %q -> %g %s\n", m.Kind, m.Text, m.Value, m.Unit)
		}
	}
	// Without a publication date "last year" stays relative.
	m := dates.Parse("Trade rose last year.", time.Time{})[0]
	fmt.Printf("%q %q %s\n", m.Text, m.Date, m.Precision)
	// Output:
	// date "2004" -> 2004 (year)
	// duration "20 years" -> 20 year
	// money "$5.2 million" -> 5.2e+06 USD
	// date "last year" -> 2023 (year)
	// percent "3 per cent" -> 3 percent
	// "last year" "" relative
}
