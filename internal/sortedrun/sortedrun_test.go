package sortedrun

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func scratch(t testing.TB) func() (*os.File, error) {
	dir := t.TempDir()
	n := 0
	return func() (*os.File, error) {
		n++
		return os.Create(filepath.Join(dir, fmt.Sprintf("run%d", n)))
	}
}

// FuzzWriterReader: records written in sections read back the same, in
// order, section by section.
func FuzzWriterReader(f *testing.F) {
	f.Add([]byte("a\x00b\x01ccc\x00\x00"), uint8(4), uint8(3))
	f.Add([]byte{}, uint8(0), uint8(1))
	f.Add(bytes.Repeat([]byte("key"), 200), uint8(12), uint8(7))
	f.Fuzz(func(t *testing.T, data []byte, payload, perSection uint8) {
		p := int(payload % 16)
		per := int(perSection%8) + 1
		w := NewWriter(scratch(t))
		defer w.Close()
		type rec struct{ key, val string }
		var sections [][]rec
		var secs []Section
		// Keys are cut from data at its zero bytes; payloads are the
		// key's bytes repeated.
		keys := bytes.Split(data, []byte{0})
		for i := 0; i < len(keys); i += per {
			start := w.Offset()
			var recs []rec
			for _, k := range keys[i:min(i+per, len(keys))] {
				val := bytes.Repeat(append(k, 'x'), p)[:p]
				if err := w.Add(string(k), val); err != nil {
					t.Fatal(err)
				}
				recs = append(recs, rec{string(k), string(val)})
			}
			sections = append(sections, recs)
			secs = append(secs, w.Since(start))
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		for si, sec := range secs {
			if w.File() == nil {
				if sec.N != 0 {
					t.Fatalf("section %d of %d bytes without a file", si, sec.N)
				}
				continue
			}
			r := NewReader(w.File(), sec, p, 16)
			var got []rec
			for r.Next() {
				got = append(got, rec{string(r.Key()), string(r.Payload())})
			}
			if r.Err() != nil {
				t.Fatalf("section %d: %v", si, r.Err())
			}
			if !slices.Equal(got, sections[si]) {
				t.Fatalf("section %d: read %q, wrote %q", si, got, sections[si])
			}
		}
	})
}

// TestReaderDamage: a cut or garbled section is an error, never a wrong
// record or a hang.
func TestReaderDamage(t *testing.T) {
	var good []byte
	for _, k := range []string{"alpha", "beta", "gamma"} {
		good = binary.AppendUvarint(good, uint64(len(k)))
		good = append(good, k...)
		good = append(good, "PAYL"...)
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"cut in a key", good[:len(good)-6]},
		{"cut in a payload", good[:len(good)-2]},
		{"length past the section", append([]byte{0x7f}, good...)},
		{"huge length", append(binary.AppendUvarint(nil, MaxKey+1), good...)},
		{"bad varint", bytes.Repeat([]byte{0xff}, 12)},
	} {
		r := NewReader(bytes.NewReader(tc.data), Section{0, int64(len(tc.data))}, 4, 16)
		n := 0
		for r.Next() {
			n++
			if n > 3 {
				t.Fatalf("%s: more records than written", tc.name)
			}
		}
		if !errors.Is(r.Err(), ErrDamaged) {
			t.Errorf("%s: error %v after %d records, want ErrDamaged", tc.name, r.Err(), n)
		}
	}
	r := NewReader(bytes.NewReader(good), Section{0, int64(len(good))}, 4, 16)
	n := 0
	for r.Next() {
		n++
	}
	if r.Err() != nil || n != 3 {
		t.Errorf("whole section: %d records, error %v", n, r.Err())
	}
}

// TestIndexAgreesWithAMap: whatever the runs' sizes and the stride, Get
// answers as a map assigned run after run would (the newest run wins), and
// rules out keys never added.
func TestIndexAgreesWithAMap(t *testing.T) {
	for _, tc := range []struct{ runs, perRun, stride int }{
		{1, 1, 1}, {1, 0, 4}, {3, 5, 1}, {4, 300, 7}, {6, 2000, 64}, {2, 50, 1000},
	} {
		rng := rand.New(rand.NewPCG(uint64(tc.runs), uint64(tc.stride)))
		x := NewIndex(scratch(t), 6, tc.stride)
		want := map[string]string{}
		var all []string
		for r := range tc.runs {
			set := map[string]bool{}
			for range tc.perRun {
				var k string
				if len(all) > 0 && rng.IntN(3) == 0 {
					k = all[rng.IntN(len(all))] // in an older run too
				} else {
					// Keys of many lengths, some prefixes of others.
					k = fmt.Sprintf("%x", rng.Uint64()>>(rng.IntN(8)*8))
					if rng.IntN(20) == 0 {
						k = k[:rng.IntN(len(k)+1)]
					}
				}
				set[k] = true
			}
			keys := slices.Sorted(func(yield func(string) bool) {
				for k := range set {
					if !yield(k) {
						return
					}
				}
			})
			x.StartRun(len(keys))
			for _, k := range keys {
				v := fmt.Sprintf("%d%05d", r, rng.IntN(100000))
				if err := x.Add(k, []byte(v)); err != nil {
					t.Fatal(err)
				}
				want[k] = v
				all = append(all, k)
			}
			if err := x.EndRun(); err != nil {
				t.Fatal(err)
			}
		}
		dst := make([]byte, 6)
		for k, v := range want {
			ok, err := x.Get(k, dst)
			if err != nil || !ok || string(dst) != v {
				t.Fatalf("%+v: Get(%q) = %q %v %v, want %q", tc, k, dst, ok, err, v)
			}
		}
		for range 2000 {
			k := fmt.Sprintf("%x", rng.Uint64()>>(rng.IntN(8)*8))
			if _, in := want[k]; in {
				continue
			}
			if ok, err := x.Get(k, dst); ok || err != nil {
				t.Fatalf("%+v: Get(%q) found %q (%v) for a key never added", tc, k, dst, err)
			}
		}
		x.Close()
	}
}

// TestIndexRefusesDisorder: a run's keys must increase.
func TestIndexRefusesDisorder(t *testing.T) {
	x := NewIndex(scratch(t), 1, 4)
	defer x.Close()
	x.StartRun(3)
	if err := x.Add("b", []byte("1")); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"b", "a"} {
		if err := x.Add(k, []byte("1")); err == nil {
			t.Errorf("key %q after \"b\" accepted", k)
		}
	}
	if err := x.Add("c", []byte("12")); err == nil {
		t.Error("payload of the wrong size accepted")
	}
}

// TestIndexDamagedFile: a run garbled on disk gives an error, not a wrong
// answer.
func TestIndexDamagedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "idx")
	x := NewIndex(func() (*os.File, error) { return os.Create(path) }, 4, 8)
	defer x.Close()
	x.StartRun(20)
	for i := range 20 {
		if err := x.Add(fmt.Sprintf("k%02d", i), []byte("abcd")); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.EndRun(); err != nil {
		t.Fatal(err)
	}
	// Record 9 starts at 9 × 8 bytes; a length byte of 0x7f there runs
	// past the stretch read.
	if _, err := x.w.File().WriteAt([]byte{0x7f}, 9*8); err != nil {
		t.Fatal(err)
	}
	dst := make([]byte, 4)
	if ok, err := x.Get("k09", dst); !errors.Is(err, ErrDamaged) {
		t.Errorf("Get over a damaged record: %v %v, want ErrDamaged", ok, err)
	}
	if ok, err := x.Get("k01", dst); !ok || err != nil || string(dst) != "abcd" {
		t.Errorf("Get before the damage: %q %v %v", dst, ok, err)
	}
}

// TestBloomRulesOutAbsentKeys: the filter keeps every key added and rules
// out nearly all others (what makes a look-up of a new key cost no read).
func TestBloomRulesOutAbsentKeys(t *testing.T) {
	for _, n := range []int{1, 100, 50000} {
		bits := make([]uint64, bloomWords(n))
		seed := maphash.MakeSeed()
		for i := range n {
			bloomAdd(bits, maphash.String(seed, fmt.Sprint("in-", i)))
		}
		for i := range n {
			if !bloomHas(bits, maphash.String(seed, fmt.Sprint("in-", i))) {
				t.Fatalf("n=%d: key %d added, ruled out", n, i)
			}
		}
		passed := 0
		const tries = 200000
		for i := range tries {
			if bloomHas(bits, maphash.String(seed, fmt.Sprint("out-", i))) {
				passed++
			}
		}
		// 16 bits per key, 8 probes in a 512-bit block: about 0.1%.
		if rate := float64(passed) / tries; rate > 0.004 {
			t.Errorf("n=%d: %.4f of absent keys pass the filter, want under 0.004", n, rate)
		}
		t.Logf("n=%d: %d of %d absent keys pass", n, passed, tries)
	}
}
