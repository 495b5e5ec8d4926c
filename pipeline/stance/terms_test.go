package stance

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stance-news/stance/lexicon"
)

// markPlain is terms.mark without its filters: every word looked up, every
// prefix compared.
func markPlain(t *terms, toks []lexicon.Token) []int {
	var ids []int
	if t.empty >= 0 && len(toks) > 0 {
		ids = append(ids, t.empty)
	}
	for _, tok := range toks {
		if id, ok := t.words[tok.Norm]; ok {
			ids = append(ids, id)
		}
		for _, ps := range t.prefixes {
			for _, pt := range ps {
				if strings.HasPrefix(tok.Norm, pt.prefix) {
					ids = append(ids, pt.id)
				}
			}
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

func checkMark(t *testing.T, tm *terms, toks []lexicon.Token) {
	t.Helper()
	present := make([]bool, tm.n)
	got := tm.mark(toks, present, nil)
	slices.Sort(got)
	if want := markPlain(tm, toks); !slices.Equal(got, want) {
		t.Fatalf("%v: marked %v, want %v", toks, got, want)
	}
}

// TestMarkFilters checks that the filters in front of the word map and the
// prefix comparisons never drop a term: on the default frames over the
// PolNeAR dev and seed statements, and on made-up terms over random words:
// one-byte prefixes; prefixes of two to five bytes, added longest first
// (each shorter one shortens the heads the filter keeps) and shortest
// first; words shorter than the heads.
func TestMarkFilters(t *testing.T) {
	sc := newScorer(t)
	var norms []byte
	marked := 0
	for _, st := range sharedStatements(t) {
		toks := lexicon.AppendTokensIn(nil, st.Lead+st.Text, &norms)
		checkMark(t, sc.terms, toks)
		checkMark(t, sc.oppositionTerms, toks)
		marked += len(toks)
	}
	if marked < 10000 {
		t.Fatalf("only %d words", marked)
	}

	for _, prefixes := range [][]string{
		{"q", "ab", "aa", "a!", "xa", "x", "é", "zz"},
		{"abqab", "zzzz", "abq", "é!", "xax"},
		{"é!", "abq", "zzzz", "abqab", "xax"},
		{"xaxa", "ab'a", "zzzzz"},
	} {
		tm := newTerms()
		for _, w := range []string{"a", "of", "ab", "z", "zz", "a'b", "é"} {
			tm.word(w)
		}
		for _, p := range prefixes {
			tm.prefix(p)
		}
		alphabet := []string{"a", "b", "q", "x", "z", "!", "A", "'", "é", "\xff", "ab", "za", "zz"}
		rng := rand.New(rand.NewPCG(1, 2))
		for range 20000 {
			var toks []lexicon.Token
			for range 1 + rng.IntN(4) {
				var b strings.Builder
				for range rng.IntN(5) {
					b.WriteString(alphabet[rng.IntN(len(alphabet))])
				}
				toks = append(toks, lexicon.Token{Norm: b.String()})
			}
			checkMark(t, tm, toks)
		}
	}
}

// TestSlotsAt checks the sorted mentions against indexing them in a map by
// start, the order of mentions with the same start included, for sorted
// and unsorted lists.
func TestSlotsAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var mentions []mention
		for k := range rng.IntN(8) {
			mentions = append(mentions, mention{start: rng.IntN(6), end: k})
		}
		if rng.IntN(2) == 0 {
			slices.SortStableFunc(mentions, func(a, b mention) int { return a.start - b.start })
		}
		want := map[int][]mention{}
		for _, mn := range mentions {
			want[mn.start] = append(want[mn.start], mn)
		}
		m := &matcher{slots: byStart(mentions)}
		for pos := -1; pos < 8; pos++ {
			if got := m.slotsAt(pos); !slices.Equal(got, want[pos]) {
				t.Fatalf("%v at %d: %v, want %v", mentions, pos, got, want[pos])
			}
		}
	}
}

// TestResultsOutliveTheScratch keeps every result of the PolNeAR dev and
// seed statements while the rest are scored: the lead and statement are
// joined in memory the next call reuses, so a result that pointed into it
// would change.
func TestResultsOutliveTheScratch(t *testing.T) {
	sc := newScorer(t)
	stmts := sharedStatements(t)
	type kept struct {
		r    Result
		copy []string
	}
	var all []kept
	withEvidence := 0
	for _, st := range stmts {
		r := sc.Score(st)
		var c []string
		for _, e := range r.Evidence {
			c = append(c, strings.Clone(e))
		}
		if len(c) > 0 {
			withEvidence++
		}
		all = append(all, kept{r, c})
	}
	for _, st := range stmts {
		sc.Score(st)
	}
	for i, k := range all {
		if !slices.Equal(k.r.Evidence, k.copy) {
			t.Fatalf("%q: evidence %q became %q", stmts[i].Text, k.copy, k.r.Evidence)
		}
	}
	if withEvidence < 20 {
		t.Fatalf("only %d statements with evidence", withEvidence)
	}
}

// TestIsWe compares isWe with the words it stands for, over made-up words
// around them and every word of the PolNeAR dev and seed statements.
func TestIsWe(t *testing.T) {
	want := func(tok lexicon.Token) bool {
		return slices.Contains([]string{"we", "our", "ours", "ourselves"}, tok.Norm) || tok.Raw == "us"
	}
	toks := lexicon.Tokenize("we We WE our Our OUR ours ourselves Ourselves us US U.S. u w o wee west out use ourself usa w' o' u's")
	var norms []byte
	for _, st := range sharedStatements(t) {
		toks = append(toks, lexicon.AppendTokensIn(nil, st.Lead+st.Text, &norms)...)
	}
	found := 0
	for _, tok := range toks {
		if got := isWe(tok); got != want(tok) {
			t.Fatalf("isWe(%q, norm %q) = %v", tok.Raw, tok.Norm, got)
		} else if got {
			found++
		}
	}
	if found < 100 {
		t.Fatalf("only %d we-words", found)
	}
}
