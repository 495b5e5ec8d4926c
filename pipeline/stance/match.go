package stance

import (
	"slices"
	"strings"
	"time"

	"github.com/stance-news/stance/lexicon"
)

// mention is a run of words naming an actor of a side, or "we"/"our"
// resolved to the speaker's side.
type mention struct {
	start, end int // token indexes, end exclusive
	side       string
	actor      string // actor id; "" for we/our
	country    bool   // names a country or its capital, which may be a place, not an actor
	we         bool
}

// actorIndex finds actor mentions by their names and aliases.
type actorIndex struct {
	byFirst map[string][]alias // first normalised word → aliases starting with it
	firsts  wordFilter         // byFirst's keys
}

type alias struct {
	words []string // normalised
	caps  []bool   // the alias writes this word capitalised: the text must too
	actor string
	side  string
	roles []lexicon.Role
	kind  string // actor kind: person, institution, country, group; "title" for titles
}

// sideAt is the side an actor's name stands for at t. A person with dated
// roles speaks for a side only while holding one ("Trump" in 2016 is a
// candidate, not the US government); actors without roles (countries,
// institutions) always do.
func (a alias) sideAt(t time.Time) string {
	if len(a.roles) == 0 || t.IsZero() {
		return a.side
	}
	r := lexicon.Actor{Roles: a.roles}.RoleAt(t)
	switch {
	case r.Title == "":
		return ""
	case r.Side != "":
		return r.Side
	}
	return a.side
}

func newActorIndex(lx *lexicon.Lexicon) *actorIndex {
	ix := &actorIndex{byFirst: map[string][]alias{}}
	add := func(name, actor, side, kind string, roles []lexicon.Role) {
		toks := lexicon.Tokenize(name)
		// "the Kremlin" is also written "Kremlin"; the article adds nothing.
		if len(toks) > 1 && toks[0].Norm == "the" {
			toks = toks[1:]
		}
		if len(toks) == 0 {
			return
		}
		a := alias{actor: actor, side: side, roles: roles, kind: kind}
		for _, t := range toks {
			a.words = append(a.words, t.Norm)
			a.caps = append(a.caps, isCapitalised(t.Raw))
		}
		for _, b := range ix.byFirst[a.words[0]] {
			if b.actor == actor && strings.Join(b.words, " ") == strings.Join(a.words, " ") {
				return
			}
		}
		ix.byFirst[a.words[0]] = append(ix.byFirst[a.words[0]], a)
		ix.firsts.add(a.words[0])
	}
	for _, a := range lx.Actors {
		add(a.Name, a.ID, a.Side, a.Kind, a.Roles)
		for _, al := range a.Aliases {
			add(al, a.ID, a.Side, a.Kind, a.Roles)
		}
		// A person is also named by surname alone, as actors.tsv promises.
		if a.Kind == "person" {
			if toks := lexicon.Tokenize(a.Name); len(toks) > 1 {
				add(toks[len(toks)-1].Raw, a.ID, a.Side, a.Kind, a.Roles)
			}
		}
	}
	for _, t := range lx.Titles {
		if t.Side != "" {
			add(t.Title, "", t.Side, "title", nil)
		}
	}
	// Longest alias first, so "US Secretary of State" wins over "US".
	for k, as := range ix.byFirst {
		sortAliases(as)
		ix.byFirst[k] = as
	}
	return ix
}

func sortAliases(as []alias) {
	for i := 1; i < len(as); i++ {
		for j := i; j > 0 && len(as[j].words) > len(as[j-1].words); j-- {
			as[j], as[j-1] = as[j-1], as[j]
		}
	}
}

func isCapitalised(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || r > 127 && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
	}
	return false
}

// isWe: the word names the speaker's own side. "us" counts only written in
// lower case: "US" is the country. Every word of a statement whose speaker
// has a side is asked, and nearly none is one: its first two bytes say so
// in three comparisons that go the same way word after word, where a
// switch on the word (or a map) branches on its length, which the
// predictor misses.
func isWe(t lexicon.Token) bool {
	w := t.Norm
	if len(w) < 2 {
		return false
	}
	if head := uint16(w[0])<<8 | uint16(w[1]); head != 'w'<<8|'e' && head != 'o'<<8|'u' && head != 'u'<<8|'s' {
		return false
	}
	switch w {
	case "we", "our", "ours", "ourselves":
		return true
	}
	return t.Raw == "us"
}

// find appends the mentions in toks to out, left to right, without
// overlaps. Words before weFrom are narration, where "we" is the reporter,
// not the speaker. (The scorer passes the list of the statement before: a
// statement from a speaker with a side mostly names "we" or "our", and a
// list made for each was most of what scoring allocated.)
func (ix *actorIndex) find(out []mention, toks []lexicon.Token, weSide string, weFrom int, at time.Time) []mention {
	for i := 0; i < len(toks); {
		if weSide != "" && i >= weFrom && isWe(toks[i]) {
			out = append(out, mention{start: i, end: i + 1, side: weSide, we: true})
			i++
			continue
		}
		if !ix.firsts.mayHave(toks[i].Norm) {
			i++ // no actor's name starts with this word
			continue
		}
		found := false
		for _, a := range ix.byFirst[toks[i].Norm] {
			if i+len(a.words) > len(toks) {
				continue
			}
			ok := true
			for k, w := range a.words {
				t := toks[i+k]
				if t.Norm != w || a.caps[k] && !isCapitalised(t.Raw) || k > 0 && t.Break == '.' {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, mention{start: i, end: i + len(a.words), side: a.sideAt(at), actor: a.actor, country: a.kind == "country"})
				i += len(a.words)
				found = true
				break
			}
		}
		if !found {
			i++
		}
	}
	return out
}

// matcher matches patterns against a token range.
type matcher struct {
	toks     []lexicon.Token
	lo, hi   int       // the range patterns may match in
	slots    []mention // mentions in order of their start token (see byStart)
	literals []int     // token indexes matched by written words, during a match
}

// compiled is a pattern with what every match needs, for skipping cheaply.
type compiled struct {
	lexicon.Pattern
	reqs []requirement
	// reqTerms are reqs as term ids, for the patterns numbered in terms.
	reqTerms [][]int
	first    *requirement // what the first word must be; nil when not known (a slot, an optional)
}

func compile(p lexicon.Pattern) *compiled {
	c := &compiled{Pattern: p, reqs: requirements(p.Elems)}
	if len(p.Elems) > 0 && !p.Elems[0].Optional {
		if r, ok := firstLiteral(p.Elems[0]); ok {
			c.first = &r
		}
	}
	return c
}

func compileAll(ps []lexicon.Pattern) []*compiled {
	out := make([]*compiled, len(ps))
	for i, p := range ps {
		out[i] = compile(p)
	}
	return out
}

// match finds the first (leftmost, then shortest) match of p that starts at
// or after from. It returns the match's token range and the indexes of the
// tokens matched by the pattern's written words.
func (m *matcher) match(c *compiled, from int) (start, end int, literal []int, ok bool) {
	for s := max(from, m.lo); s < m.hi; s++ {
		if e, ok := m.matchAt(c, s); ok {
			return s, e, append([]int(nil), m.literals...), true
		}
	}
	return 0, 0, nil, false
}

// matchAt matches p starting exactly at token s; m.literals holds the
// written words' tokens after a match.
func (m *matcher) matchAt(c *compiled, s int) (int, bool) {
	if c.first != nil && !c.first.metBy(m.toks[s].Norm) {
		return 0, false
	}
	m.literals = m.literals[:0]
	var e int
	ok := m.seq(c.Elems, 0, s, s, func(pos int) bool { e = pos; return true })
	return e, ok
}

// seq matches elems[i:] at pos, then calls k with the end; matchStart bounds
// the match to one sentence.
func (m *matcher) seq(elems []lexicon.PatternElem, i, pos, matchStart int, k func(int) bool) bool {
	if i == len(elems) {
		return k(pos)
	}
	e := elems[i]
	next := func(p int) bool { return m.seq(elems, i+1, p, matchStart, k) }
	if e.Optional && next(pos) {
		return true
	}
	switch e.Kind {
	case lexicon.ElemWord, lexicon.ElemPrefix:
		if !m.canTake(pos, matchStart) {
			return false
		}
		w := m.toks[pos].Norm
		if e.Kind == lexicon.ElemWord && w != e.Word || e.Kind == lexicon.ElemPrefix && !strings.HasPrefix(w, e.Word) {
			return false
		}
		n := len(m.literals)
		m.literals = append(m.literals, pos)
		if next(pos + 1) {
			return true
		}
		m.literals = m.literals[:n]
		return false
	case lexicon.ElemGap:
		for g := 0; g <= e.Max; g++ {
			if g > 0 && !m.canTake(pos+g-1, matchStart) {
				return false
			}
			if next(pos + g) {
				return true
			}
		}
		return false
	case lexicon.ElemSlot:
		if !m.canTake(pos, matchStart) {
			return false
		}
		for _, mn := range m.slotsAt(pos) {
			if mn.side == e.Side && mn.end <= m.hi && next(mn.end) {
				return true
			}
		}
		return false
	case lexicon.ElemGroup:
		for _, alt := range e.Alts {
			if m.seq(alt, 0, pos, matchStart, next) {
				return true
			}
		}
		return false
	}
	return false
}

// byStart returns the mentions in order of their start token, those with
// the same start in the order given: find returns them so already, and a
// sorted list is searched without the map that indexing them would allocate
// for each statement.
func byStart(mentions []mention) []mention {
	cmp := func(a, b mention) int { return a.start - b.start }
	if slices.IsSortedFunc(mentions, cmp) {
		return mentions
	}
	sorted := slices.Clone(mentions)
	slices.SortStableFunc(sorted, cmp)
	return sorted
}

// slotsAt returns the mentions that start at token pos.
func (m *matcher) slotsAt(pos int) []mention {
	i, _ := slices.BinarySearchFunc(m.slots, pos, func(mn mention, pos int) int { return mn.start - pos })
	j := i
	for j < len(m.slots) && m.slots[j].start == pos {
		j++
	}
	return m.slots[i:j]
}

// canTake reports whether the token at pos may be part of a match that
// started at matchStart: inside the range and the same sentence.
func (m *matcher) canTake(pos, matchStart int) bool {
	return pos < m.hi && pos >= m.lo && (pos == matchStart || m.toks[pos].Break != '.')
}

// requirement is one element every match of a pattern needs: one of these
// words, or a word starting with one of these prefixes.
type requirement struct {
	words, prefixes []string
}

// requirements lists what every match of the pattern must contain, so a
// statement without it is skipped before any matching.
func requirements(elems []lexicon.PatternElem) []requirement {
	var out []requirement
	for _, e := range elems {
		if e.Optional {
			continue
		}
		if r, ok := firstLiteral(e); ok {
			out = append(out, r)
		}
	}
	return out
}

// firstLiteral is what an element must start with, when that is a written
// word in every alternative.
func firstLiteral(e lexicon.PatternElem) (requirement, bool) {
	switch e.Kind {
	case lexicon.ElemWord:
		return requirement{words: []string{e.Word}}, true
	case lexicon.ElemPrefix:
		return requirement{prefixes: []string{e.Word}}, true
	case lexicon.ElemGroup:
		var r requirement
		for _, alt := range e.Alts {
			if len(alt) == 0 || alt[0].Optional {
				return requirement{}, false
			}
			sub, ok := firstLiteral(alt[0])
			if !ok {
				return requirement{}, false
			}
			r.words = append(r.words, sub.words...)
			r.prefixes = append(r.prefixes, sub.prefixes...)
		}
		return r, true
	}
	return requirement{}, false
}

// metBy reports whether one word meets the requirement.
func (r requirement) metBy(w string) bool {
	for _, x := range r.words {
		if x == w {
			return true
		}
	}
	for _, p := range r.prefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}
