package stance

// wordFilter answers "might this word be a key of the map?" from its first
// and last bytes and its length, before the map look-up: the statement's
// every word is looked up among actor names and claim words, and nearly
// none is there, so the string hash and probe are mostly wasted. False
// positives only cost the look-up they would have cost anyway.
type wordFilter [1024]uint64 // by first and last byte: a bit per length (63 and more share one)

func filterSlot(w string) (int, uint) {
	return int((uint(w[0])*31 + uint(w[len(w)-1])) & 1023), uint(min(len(w), 63))
}

func (f *wordFilter) add(w string) {
	if w == "" {
		return // mayHave says yes to the empty word
	}
	i, b := filterSlot(w)
	f[i] |= 1 << b
}

func (f *wordFilter) mayHave(w string) bool {
	if w == "" {
		return true
	}
	i, b := filterSlot(w)
	return f[i]>>b&1 != 0
}
