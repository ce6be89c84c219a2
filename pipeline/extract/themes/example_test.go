package themes_test

import (
	"context"
	"fmt"

	"github.com/briefpack/briefpack/pipeline"
	"github.com/briefpack/briefpack/pipeline/extract/themes"
)

func ExampleNew() {
	tx, err := themes.Load() // the embedded default taxonomy, no user files
	if err != nil {
		panic(err)
	}
	text := "Uzbekistan depends on labour migration to Russia."
	d := &pipeline.Doc{
		Document:  pipeline.Document{DocID: "x", Language: "en", Text: text},
		Sentences: []pipeline.Sentence{{SentID: "p1s1", ParaNo: 1, End: len(text), Text: text}},
	}
	if err := themes.New(tx).Process(context.Background(), d); err != nil {
		panic(err)
	}
	for _, t := range d.Themes {
		fmt.Println(t.Theme, t.Label, t.Score, t.Evidence)
	}
	// Output:
	// migration Migration and labour 0.62 [p1s1]
}
