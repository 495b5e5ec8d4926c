//go:build ignore

// gen_compiled writes nb_model.bin, the compiled form of the shipped tone
// model (see compiled.go). Run by go generate ./pipeline/tone.
package main

import (
	"log"
	"os"

	"github.com/stance-news/stance/pipeline/tone"
)

func main() {
	const src = "../../lexicon/default/tone/nb_model.tsv"
	data, err := os.ReadFile(src)
	if err != nil {
		log.Fatal(err)
	}
	out, err := tone.CompileModel(data, src)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("nb_model.bin", out, 0o644); err != nil {
		log.Fatal(err)
	}
}
