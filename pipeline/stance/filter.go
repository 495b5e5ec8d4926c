package stance

// wordFilter answers "might this word be a key of the map?" from its first
// and last bytes and its length, before the map look-up: the statement's
// every word is looked up among actor names and claim words, and nearly
// none is there, so the string hash and probe are mostly wasted. False
// positives only cost the look-up they would have cost anyway.
//
// 256 slots (2 KB), not more: a statement's words are read against five
// such filters (actors; claim words and opposition cues, two each), at
// 1,024 slots 40 KB, more than the first-level cache, and nearly half of
// the reads missed it; the few more false positives cost little beside that.
type wordFilter [256]uint64 // by first and last byte: a bit per length (63 and more share one)

func filterSlot(w string) (int, uint) {
	return int((uint(w[0])*31 + uint(w[len(w)-1])) & 255), uint(min(len(w), 63))
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
	return f.bit(w) != 0
}

// bit is mayHave for a word that is not empty, as 1 or 0.
func (f *wordFilter) bit(w string) uint64 {
	i, b := filterSlot(w)
	return f[i] >> b & 1
}

// midFilter is a second filter of the same kind, by the middle byte and the
// length, with a bit per last byte: "and" or "this" pass the first filter
// (some key shares their first and last bytes and length) but not both.
type midFilter [256]uint64

func midSlot(w string) (int, uint) {
	return int((uint(w[len(w)/2])*37 + uint(len(w))*101 + uint(w[0])) & 255), uint(w[len(w)-1] & 63)
}

func (f *midFilter) add(w string) {
	if w == "" {
		return
	}
	i, b := midSlot(w)
	f[i] |= 1 << b
}

// mayHave is called only after wordFilter.mayHave, so w is not empty.
func (f *midFilter) mayHave(w string) bool { return f.bit(w) != 0 }

// bit is mayHave as 1 or 0.
func (f *midFilter) bit(w string) uint64 {
	i, b := midSlot(w)
	return f[i] >> b & 1
}
