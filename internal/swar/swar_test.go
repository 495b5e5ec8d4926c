package swar

import "testing"

func isAlnum(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

// NotAlnum flags exactly the bytes that are not ASCII letters or digits, in
// every position, whatever the bytes beside them.
func TestNotAlnum(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			for _, fill := range []byte{0, '0', '9', 'A', 'Z', 'a', 'z', '@', '[', '`', '{', '/', ':', 0x7F, 0x80, 0xC1, 0xDA, 0xFF} {
				var x, want uint64
				for i := 0; i < 8; i++ {
					b := fill
					if i == pos {
						b = byte(c)
					}
					x |= uint64(b) << (8 * i)
					if !isAlnum(b) {
						want |= 0x80 << (8 * i)
					}
				}
				if got := NotAlnum(x); got != want {
					t.Fatalf("NotAlnum(%#016x) = %#016x, want %#016x", x, got, want)
				}
			}
		}
	}
}

func TestLoad8(t *testing.T) {
	if got := Load8("xx\x01\x02\x03\x04\x05\x06\x07\x08", 2); got != 0x0807060504030201 {
		t.Errorf("Load8 = %#016x, want the first byte lowest", got)
	}
}
