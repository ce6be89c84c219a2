package jsonl

import (
	"bytes"
	"testing"

	"github.com/briefpack/briefpack/pipeline/pipelinetest"
)

// FuzzRead feeds arbitrary bytes to Read (merge reads records.jsonl files
// of earlier runs): it never panics, and whatever it accepts survives a
// write/read/write round trip unchanged.
func FuzzRead(f *testing.F) {
	var seed bytes.Buffer
	for _, d := range pipelinetest.Docs(f, "Japan and Kazakhstan held talks in Astana on 9 August 2024.\n\nPresident Tokayev welcomed the plan.").Docs {
		if err := Encode(&seed, d); err != nil {
			f.Fatal(err)
		}
	}
	f.Add(seed.Bytes())
	f.Add([]byte("{\"document\":{}}\n{broken\n"))
	f.Add([]byte("{\"document\":{\"doc_id\":\"x\",\"text\":\"\xff\"},\"sentences\":[{\"start\":-5,\"end\":99}]}\n"))
	f.Add([]byte("null\n[]\n\"s\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Read(bytes.NewReader(data), "fuzz.jsonl")
		if err != nil {
			return
		}
		var once bytes.Buffer
		for _, d := range docs {
			if err := Encode(&once, d); err != nil {
				t.Fatalf("encode of a read document: %v", err)
			}
		}
		again, err := Read(bytes.NewReader(once.Bytes()), "again.jsonl")
		if err != nil {
			t.Fatalf("reading our own output: %v", err)
		}
		var twice bytes.Buffer
		for _, d := range again {
			Encode(&twice, d)
		}
		if !bytes.Equal(once.Bytes(), twice.Bytes()) {
			t.Fatalf("round trip changed the records:\n%s\n%s", once.Bytes(), twice.Bytes())
		}
	})
}
