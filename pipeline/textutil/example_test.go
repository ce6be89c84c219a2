package textutil_test

import (
	"fmt"

	"github.com/briefpack/briefpack/pipeline/textutil"
)

func ExampleStem() {
	for _, w := range []string{"decarbonization", "migrants", "relations", "depending"} {
		fmt.Println(textutil.Stem(w))
	}
	// Output:
	// decarbon
	// migrant
	// relat
	// depend
}

func ExampleTokenize() {
	for _, t := range textutil.Tokenize("Japan’s multi-vector diplomacy") {
		fmt.Println(t.Start, t.End, t.Lower)
	}
	// Output:
	// 0 9 japan's
	// 10 15 multi
	// 16 22 vector
	// 23 32 diplomacy
}
