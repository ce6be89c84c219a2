package pdf

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/briefpack/briefpack/pipeline/pipelinetest"
)

func TestZZReal(t *testing.T) {
	var ins []pipelinetest.Input
	ins = append(ins, pipelinetest.Input{Name: "examples/central-asia-japan.txt", Data: must(os.ReadFile("../../examples/central-asia-japan.txt"))})
	for _, f := range []string{"un-debate/KAZ_79_2024.txt", "un-debate/JPN_79_2024.txt", "bbc/politics/010.txt", "bbc/business/020.txt"} {
		ins = append(ins, pipelinetest.Input{Name: filepath.Base(f), Data: must(os.ReadFile("/work/shared/corpora/" + f))})
	}
	t.Run("batch", func(t *testing.T) { export(t, pipelinetest.Run(t, ins...), testOpts()) })
	t.Run("seed", func(t *testing.T) { export(t, pipelinetest.Seed(t), testOpts()) })
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
