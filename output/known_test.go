package output

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestKnownIndexMatchesMap checks the compact index against the plain map it
// replaced: the same records for every id, the last add winning for an id
// added twice, and no record for ids never added.
func TestKnownIndexMatchesMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	statuses := []string{StatusOK, StatusQuarantined, "failed"}
	for _, n := range []int{0, 1, 2, 17, 5000} {
		k := newKnownIndex()
		want := map[string]Known{}
		var ids []string
		for i := range n {
			var id string
			if len(ids) > 0 && rng.IntN(4) == 0 {
				id = ids[rng.IntN(len(ids))] // a duplicate id, e.g. in two partitions
			} else {
				// Ids of varied length and shared prefixes, to exercise the ordering.
				id = fmt.Sprintf("%x", rng.Uint64()>>(rng.IntN(8)*8))
				if rng.IntN(10) == 0 {
					id = ""
				}
			}
			ids = append(ids, id)
			sum := sha256.Sum256([]byte(fmt.Sprint(i)))
			rec := Known{
				Partition:      fmt.Sprintf("date=2026-01-%02d", 1+rng.IntN(3)),
				ContentSHA256:  hex.EncodeToString(sum[:]),
				Status:         statuses[rng.IntN(len(statuses))],
				Version:        "v1",
				LexiconVersion: fmt.Sprint(rng.IntN(2)),
			}
			switch rng.IntN(10) {
			case 0:
				rec.ContentSHA256 = "" // a file from a release without the column
			case 1:
				rec.ContentSHA256 = "zz" + rec.ContentSHA256[2:] // not hex: never unchanged
			}
			if err := k.add(id, rec); err != nil {
				t.Fatal(err)
			}
			if rec.ContentSHA256 != "" && rec.ContentSHA256[0] == 'z' {
				rec.ContentSHA256 = ""
			}
			want[id] = rec
		}
		k.finish()
		if k.len() != len(want) {
			t.Fatalf("n=%d: len %d, want %d", n, k.len(), len(want))
		}
		for id, w := range want {
			got, ok := k.get(id)
			if !ok || got != w {
				t.Fatalf("n=%d: get(%q) = %+v, %v; want %+v", n, id, got, ok, w)
			}
		}
		for range 1000 {
			id := fmt.Sprintf("%x", rng.Uint64())
			if _, in := want[id]; in {
				continue
			}
			if got, ok := k.get(id); ok {
				t.Fatalf("n=%d: get(%q) = %+v for an id never added", n, id, got)
			}
		}
	}
}
