package lexicon

// Frame is one issue area's positions: what each side claims, as phrase
// patterns with a sign (frames/*.tsv). The stance issue fills this in.
type Frame struct {
	Name string
}

func loadFrames(lx *Lexicon) []error { return nil }
