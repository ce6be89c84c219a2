package tone_test

import (
	"fmt"

	"github.com/briefpack/briefpack/pipeline/extract/tone"
)

func ExampleScore() {
	fmt.Println(tone.Score("Relations improved dramatically."))
	fmt.Println(tone.Score("Kazakhstan faces a potential threat from Russia."))
	fmt.Println(tone.Score("The talks were not a success."))
	// Output:
	// 0.526
	// -0.527
	// -0.458
}
