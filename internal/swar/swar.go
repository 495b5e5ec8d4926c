// Package swar tests eight bytes of text at once ("SIMD within a
// register"): the tokenizers load a word of eight bytes and flag the bytes
// that end a token with a few adds instead of a branch per byte. The
// functions are small enough to be inlined into the loops that call them.
package swar

const (
	Ones  = 0x0101010101010101 // a 1 in each byte
	Highs = 0x8080808080808080 // each byte's high bit, where the tests flag a byte
)

// Load8 reads text[i:i+8], the first byte lowest (one load on amd64).
func Load8(text string, i int) uint64 {
	b := text[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// NotAlnum sets the high bit of every byte of x that is not an ASCII letter
// or digit. A range test adds a constant to the byte's low seven bits,
// which cannot carry into the next byte; letters are tested once, with bit
// 0x20 set (which makes capitals lower case and no other byte a letter).
func NotAlnum(x uint64) uint64 {
	low7 := x &^ Highs
	folded := low7 | 0x20*Ones
	letter := (folded + (0x80-'a')*Ones) &^ (folded + (0x80-'z'-1)*Ones)
	digit := (low7 + (0x80-'0')*Ones) &^ (low7 + (0x80-'9'-1)*Ones)
	return ^((letter | digit) &^ x) & Highs
}

// LowerASCII lower-cases the ASCII capitals among the eight bytes of x and
// leaves every other byte (digits, punctuation, UTF-8) as it is. Each
// byte's low seven bits plus a constant set its high bit when the byte is
// at least 'A' (and, with another constant, above 'Z'); no sum carries into
// the next byte.
func LowerASCII(x uint64) uint64 {
	low7 := x &^ Highs
	atLeastA := low7 + (0x80-'A')*Ones
	aboveZ := low7 + (0x80-'Z'-1)*Ones
	capital := atLeastA &^ aboveZ & Highs &^ x
	return x | capital>>2 // 0x80 >> 2 is the 0x20 between 'A' and 'a'
}

// ZeroByte is not 0 when one of the eight bytes of x is 0. (It may flag a
// byte 0x01 above a zero byte too: only whether it is 0 says anything.)
func ZeroByte(x uint64) uint64 { return (x - Ones) &^ x & Highs }
