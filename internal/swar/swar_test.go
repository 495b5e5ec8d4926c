package swar

import "testing"

// eachWord calls check with words of eight bytes, the first lowest: every
// byte value in every position, the seven others all one of the fill bytes,
// so that a range test off by one, or a carry into the next byte, shows.
func eachWord(check func(x uint64, b [8]byte)) {
	fills := []byte{0, '0', '9', 'A', 'Z', 'a', 'z', '@', '[', '`', '{', '/', ':', 0x7F, 0x80, 0xC1, 0xC3, 0xDA, 0xFF}
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			for _, fill := range fills {
				var b [8]byte
				var x uint64
				for i := range b {
					b[i] = fill
					if i == pos {
						b[i] = byte(c)
					}
					x |= uint64(b[i]) << (8 * i)
				}
				check(x, b)
			}
		}
	}
}

func isAlnum(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

// NotAlnum flags exactly the bytes that are not ASCII letters or digits.
func TestNotAlnum(t *testing.T) {
	eachWord(func(x uint64, b [8]byte) {
		var want uint64
		for i, c := range b {
			if !isAlnum(c) {
				want |= 0x80 << (8 * i)
			}
		}
		if got := NotAlnum(x); got != want {
			t.Fatalf("NotAlnum(%#016x) = %#016x, want %#016x", x, got, want)
		}
	})
}

// LowerASCII lower-cases exactly the bytes 'A'..'Z'.
func TestLowerASCII(t *testing.T) {
	eachWord(func(x uint64, b [8]byte) {
		var want uint64
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			want |= uint64(c) << (8 * i)
		}
		if got := LowerASCII(x); got != want {
			t.Fatalf("LowerASCII(%#016x) = %#016x, want %#016x", x, got, want)
		}
	})
}

func TestZeroByte(t *testing.T) {
	eachWord(func(x uint64, b [8]byte) {
		want := false
		for _, c := range b {
			want = want || c == 0
		}
		if got := ZeroByte(x) != 0; got != want {
			t.Fatalf("ZeroByte(%#016x) != 0 is %v, want %v", x, got, want)
		}
	})
}

func TestLoad8(t *testing.T) {
	if got := Load8("xx\x01\x02\x03\x04\x05\x06\x07\x08", 2); got != 0x0807060504030201 {
		t.Errorf("Load8 = %#016x, want the first byte lowest", got)
	}
}
