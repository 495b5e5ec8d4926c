package output

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/stance-news/stance/internal/testdir"
	"github.com/stance-news/stance/pipeline/source"
)

// newsPage is a page of PLAIN byte arrays (a 4-byte length before each
// value) of sentences like a news text's, the kind of page the text
// columns give the codec.
func newsPage(r *rand.Rand, size int) []byte {
	words := strings.Fields(`the minister said on Tuesday that talks with Moscow would
		go on despite the sanctions "We will not be intimidated" he told reporters in
		Washington adding that the US remained committed to its allies in Europe`)
	var page []byte
	for len(page) < size {
		var text []byte
		for range 40 + r.IntN(200) {
			text = append(text, words[r.IntN(len(words))]...)
			text = append(text, ' ')
		}
		page = binary.LittleEndian.AppendUint32(page, uint32(len(text)))
		page = append(page, text...)
	}
	return page
}

// TestPageCodecRoundTrip checks that every page the codec writes is a zstd
// frame any zstd reader decodes to the page (DuckDB and Polars read the
// files with other zstd implementations than ours), and that news text is
// compressed: text pages and hex digests at least halve (about), pages of
// random bytes (floats) grow by a few bytes at most.
func TestPageCodecRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 300<<10)
	for i := range random {
		random[i] = byte(r.Uint32())
	}
	var digests []byte // hex digests as the quote_id and content_sha256 columns hold them
	for len(digests) < 300<<10 {
		digests = fmt.Appendf(digests, "%016x", r.Uint64())
	}
	pages := map[string][]byte{
		"hex digests":   digests,
		"empty":         {},
		"one byte":      {'x'},
		"news 256 KiB":  newsPage(r, 256<<10),
		"news 3 MiB":    newsPage(r, 3<<20), // longer than the window
		"random 300 KB": random,
	}
	reader, err := zstd.NewReader(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	for name, page := range pages {
		var dst []byte
		for round := range 2 { // the second time with a reused encoder and buffer
			dst, err = zstdCodec.Encode(dst, page)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			got, err := reader.DecodeAll(dst, nil)
			if err != nil || !bytes.Equal(got, page) {
				t.Fatalf("%s, round %d: the reference decoder gave %d bytes (%v), want the %d of the page", name, round, len(got), err, len(page))
			}
			got, err = zstdCodec.Decode(nil, dst)
			if err != nil || !bytes.Equal(got, page) {
				t.Fatalf("%s, round %d: the codec decoded %d bytes (%v), want the %d of the page", name, round, len(got), err, len(page))
			}
		}
		switch {
		case strings.HasPrefix(name, "news") && len(dst)*2 > len(page):
			t.Errorf("%s: compressed to %d of %d bytes, want at most half", name, len(dst), len(page))
		case name == "hex digests" && len(dst)*100 > len(page)*55:
			t.Errorf("%s: compressed to %d of %d bytes, want at most 55%% (4 bits a hex digit, Huffman-coded)", name, len(dst), len(page))
		case strings.HasPrefix(name, "random") && len(dst) > len(page)+64:
			t.Errorf("%s: compressed to %d of %d bytes, want at most 64 more", name, len(dst), len(page))
		}
	}
}

// BenchmarkPageCodec compresses the BBC corpus's texts in pages as the
// articles table's text column gives them to the codec (PLAIN values in
// pages of parquet-go's default 256 KiB; and of 1 MiB, which zstd
// compresses faster and better, but parquet-go sizes every column's buffer
// to the page: docs/performance-log.md, session 9), reporting MB/s of page
// bytes and the ratio.
//
//	go test ./output -run '^$' -bench PageCodec -benchtime 10x
func BenchmarkPageCodec(b *testing.B) {
	path := testdir.SharedFile(b, "data", "bbc.jsonl.gz")
	var texts []string
	err := source.Read(context.Background(), []string{path}, source.Options{}, func(it source.Item) error {
		if it.Err == nil {
			texts = append(texts, it.Article.Text)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range []int{256 << 10, 1 << 20} {
		b.Run(fmt.Sprintf("%dKiB", size>>10), func(b *testing.B) {
			var pages [][]byte
			var page []byte
			var total int64
			for _, text := range texts {
				page = binary.LittleEndian.AppendUint32(page, uint32(len(text)))
				page = append(page, text...)
				if len(page) >= size {
					pages, page = append(pages, page), nil
				}
			}
			for _, p := range pages {
				total += int64(len(p))
			}
			b.SetBytes(total)
			var dst []byte
			var out int64
			for b.Loop() {
				out = 0
				for _, p := range pages {
					if dst, err = zstdCodec.Encode(dst, p); err != nil {
						b.Fatal(err)
					}
					out += int64(len(dst))
				}
			}
			b.ReportMetric(float64(out)/float64(total), "ratio")
		})
	}
}
