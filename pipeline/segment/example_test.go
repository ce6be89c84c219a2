package segment_test

import (
	"fmt"

	"github.com/briefpack/briefpack/pipeline/segment"
)

func ExampleSplit() {
	text := "Mr. Smith arrived at 5 p.m. He left the U.S. for Japan in 2004. Was it “too late?” Nobody knows…"
	for _, sp := range segment.Split(text) {
		fmt.Printf("%d-%d %s\n", sp.Start, sp.End, text[sp.Start:sp.End])
	}
	// Output:
	// 0-27 Mr. Smith arrived at 5 p.m.
	// 28-63 He left the U.S. for Japan in 2004.
	// 64-86 Was it “too late?”
	// 87-102 Nobody knows…
}
