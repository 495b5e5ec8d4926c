package lexicon

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Frame is one dispute's positions (frames/NAME.tsv): the claims each side
// makes on each issue area, as phrase patterns, with the stance that making
// the claim takes toward each side's position. A new dispute is a new file.
type Frame struct {
	Name   string // file name without folder and extension: "us-russia-syria-2017"
	Origin string // where the file came from, for messages
	Claims []Claim
}

// Claim is one row of a frame file.
type Claim struct {
	Area     string     // issue area: "chemical-attack", "assad-future"
	Side     string     // whose position the claim states
	Pattern  Pattern    // the words that make the claim
	Context  *Pattern   // words that must also appear in the statement's sentence; nil: none needed
	Stance   []SideSign // what making the claim says about each side's position
	From, To time.Time  // publication dates the claim applies to; zero: open
	Note     string
	Line     int
}

// Applies reports whether the claim applies to an article published at t; a
// zero t (undated) matches every claim.
func (c Claim) Applies(t time.Time) bool {
	return Role{From: c.From, To: c.To}.Held(t)
}

// SideSign is one side's share of a claim's stance: +1 backs its position,
// -1 opposes it; fractions weaken the claim.
type SideSign struct {
	Side string
	Sign float64
}

// String writes the sign as the frame files do: "us-", "russia+0.5".
func (s SideSign) String() string {
	switch s.Sign {
	case 1:
		return s.Side + "+"
	case -1:
		return s.Side + "-"
	}
	return s.Side + strconv.FormatFloat(s.Sign, 'f', -1, 64)
}

// StanceCues are the words that change what a claim means, whatever the
// dispute (stance-cues.tsv): negators flip a claim ("did not carry out"),
// affirmations cancel a negator ("no doubt"), denials before a reported
// statement flip every claim in it ("Russia denied the regime …"), and
// opposition cues name an actor the speaker argues against ("accused
// Russia", "hit back at Tillerson").
type StanceCues struct {
	Negators, Affirmations, Denials, Oppositions []Pattern
	// Characterizations introduce a quoted fragment that labels something
	// named before it: "calling it a", "describing the comments as".
	Characterizations []Pattern
}

// Stance cue kinds, the values of stance-cues.tsv's kind column.
const (
	CueNegator     = "negator"
	CueAffirmation = "affirmation"
	CueDenial      = "denial"
	CueOpposition  = "opposition"
	// CueCharacterization introduces a quoted fragment that labels
	// something named before it ("calling it a “tedious” story").
	CueCharacterization = "characterization"
)

func loadFrames(lx *Lexicon) []error {
	var errs []error
	for _, f := range lx.filesUnder("frames") {
		if path.Ext(f.Name) != ".tsv" {
			continue
		}
		fr, e := parseFrame(lx, f)
		errs = append(errs, e...)
		if len(fr.Claims) > 0 {
			lx.Frames = append(lx.Frames, fr)
		}
	}
	if f, ok := lx.file("stance-cues.tsv"); ok {
		errs = append(errs, loadStanceCues(lx, f)...)
	}
	return errs
}

var frameColumns = map[string]bool{"area": true, "side": true, "pattern": true, "context": true, "stance": true, "from": true, "to": true, "note": true}

func parseFrame(lx *Lexicon, f File) (Frame, []error) {
	fr := Frame{Name: strings.TrimSuffix(path.Base(f.Name), ".tsv"), Origin: origin(f)}
	rows, errs := readTable(f, "area", "side", "pattern")
	// A misspelt optional column ("contex") would be ignored without a word.
	if cols, line := headerOf(f); len(errs) == 0 {
		for _, col := range cols {
			if !frameColumns[col] {
				return fr, append(errs, &Error{File: origin(f), Line: line, Err: fmt.Errorf("unknown column %q; frame columns are area, side, pattern, context, stance, from, to, note", col)})
			}
		}
	}
	seen := map[string]int{}
	for _, r := range rows {
		c := Claim{Area: r.Get("area"), Side: r.Get("side"), Note: r.Get("note"), Line: r.Line}
		if !validID(c.Area) {
			errs = append(errs, r.Errorf("area %q: use lower-case letters, digits and - only", c.Area))
			continue
		}
		if _, ok := lx.Side(c.Side); !ok {
			errs = append(errs, r.Errorf("unknown side %q (see sides.tsv)", c.Side))
			continue
		}
		p, err := ParsePattern(r.Get("pattern"))
		if err != nil {
			errs = append(errs, r.Errorf("pattern: %w", err))
			continue
		}
		if err := checkSlots(lx, p.Elems); err != nil {
			errs = append(errs, r.Errorf("pattern: %w", err))
			continue
		}
		c.Pattern = p
		if src := r.Get("context"); src != "" {
			cp, err := ParsePattern(src)
			if err == nil {
				err = checkSlots(lx, cp.Elems)
			}
			if err != nil {
				errs = append(errs, r.Errorf("context: %w", err))
				continue
			}
			c.Context = &cp
		}
		stance := r.Get("stance")
		if stance == "" {
			stance = c.Side + "+"
		}
		if c.Stance, err = parseStance(lx, stance); err != nil {
			errs = append(errs, r.Errorf("stance: %w", err))
			continue
		}
		if c.From, err = parseDate(r.Get("from")); err != nil {
			errs = append(errs, r.Errorf("from: %w", err))
			continue
		}
		if c.To, err = parseDate(r.Get("to")); err != nil {
			errs = append(errs, r.Errorf("to: %w", err))
			continue
		}
		key := c.Area + "\x00" + p.Source
		if line, dup := seen[key]; dup {
			errs = append(errs, r.Errorf("pattern %q already in area %q at line %d", p.Source, c.Area, line))
			continue
		}
		seen[key] = r.Line
		fr.Claims = append(fr.Claims, c)
	}
	return fr, errs
}

// parseStance reads "russia+ us-" or "us-0.5": side ids, each followed by
// its sign and an optional weight.
func parseStance(lx *Lexicon, s string) ([]SideSign, error) {
	var out []SideSign
	seen := map[string]bool{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' }) {
		f = strings.ReplaceAll(f, "−", "-")
		i := strings.IndexAny(f, "+-")
		if i <= 0 {
			return nil, fmt.Errorf("%q: want a side id then + or -, e.g. \"us+\" or \"russia-0.5\"", f)
		}
		side, sign := f[:i], f[i:]
		if _, ok := lx.Side(side); !ok {
			return nil, fmt.Errorf("%q: unknown side %q (see sides.tsv)", f, side)
		}
		if seen[side] {
			return nil, fmt.Errorf("side %q named twice", side)
		}
		seen[side] = true
		v := 1.0
		if len(sign) > 1 {
			w, err := strconv.ParseFloat(sign[1:], 64)
			if err != nil || w <= 0 || w > 1 {
				return nil, fmt.Errorf("%q: weight after the sign must be a number in (0, 1]", f)
			}
			v = w
		}
		if sign[0] == '-' {
			v = -v
		}
		out = append(out, SideSign{Side: side, Sign: v})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("empty")
	}
	return out, nil
}

func checkSlots(lx *Lexicon, elems []PatternElem) error {
	for _, e := range elems {
		if e.Kind == ElemSlot {
			if _, ok := lx.Side(e.Side); !ok {
				return fmt.Errorf("{%s}: unknown side (see sides.tsv)", e.Side)
			}
		}
		for _, alt := range e.Alts {
			if err := checkSlots(lx, alt); err != nil {
				return err
			}
		}
	}
	return nil
}

func loadStanceCues(lx *Lexicon, f File) []error {
	rows, errs := readTable(f, "cue", "kind")
	for _, r := range rows {
		p, err := ParsePattern(r.Get("cue"))
		if err != nil {
			errs = append(errs, r.Errorf("cue: %w", err))
			continue
		}
		if hasSlot(p.Elems) {
			errs = append(errs, r.Errorf("cue: side slots such as {us} belong in frames, not cues"))
			continue
		}
		switch r.Get("kind") {
		case CueNegator:
			lx.StanceCues.Negators = append(lx.StanceCues.Negators, p)
		case CueAffirmation:
			lx.StanceCues.Affirmations = append(lx.StanceCues.Affirmations, p)
		case CueDenial:
			lx.StanceCues.Denials = append(lx.StanceCues.Denials, p)
		case CueOpposition:
			lx.StanceCues.Oppositions = append(lx.StanceCues.Oppositions, p)
		case CueCharacterization:
			lx.StanceCues.Characterizations = append(lx.StanceCues.Characterizations, p)
		default:
			errs = append(errs, r.Errorf("kind %q: want %s, %s, %s, %s or %s", r.Get("kind"), CueNegator, CueAffirmation, CueDenial, CueOpposition, CueCharacterization))
		}
	}
	return errs
}

func hasSlot(elems []PatternElem) bool {
	for _, e := range elems {
		if e.Kind == ElemSlot {
			return true
		}
		for _, alt := range e.Alts {
			if hasSlot(alt) {
				return true
			}
		}
	}
	return false
}

// Pattern is a phrase pattern, matched word by word against a statement
// (case does not matter; punctuation is skipped):
//
//	staging            the word "staging"
//	stag*              any word starting with "stag"
//	staged|staging     either word
//	(carried out|was behind)   either phrase
//	(very)?            an optional word or phrase
//	..                 up to GapWords words of any kind
//	...                up to LongGapWords words of any kind
//	{us}               a mention of an actor of side "us" (actors.tsv), or
//	                   "we", "our", "us" when the speaker is on that side
type Pattern struct {
	Source string
	Elems  []PatternElem
}

// How many words ".." and "..." may skip.
const (
	GapWords     = 6
	LongGapWords = 12
)

// ElemKind is the kind of one pattern element.
type ElemKind int

// Pattern element kinds.
const (
	ElemWord   ElemKind = iota // one exact word
	ElemPrefix                 // a word starting with Word
	ElemGap                    // 0..Max words
	ElemSlot                   // a mention of side Side
	ElemGroup                  // one of Alts
)

// PatternElem is one element of a pattern.
type PatternElem struct {
	Kind     ElemKind
	Word     string
	Side     string
	Max      int
	Alts     [][]PatternElem
	Optional bool
}

// Literal reports whether the element stands for words written in the
// pattern (not a gap or a slot).
func (e PatternElem) Literal() bool { return e.Kind == ElemWord || e.Kind == ElemPrefix }

// ParsePattern parses the pattern syntax described at Pattern.
func ParsePattern(src string) (Pattern, error) {
	p := &patternParser{src: src, lex: lexPattern(src)}
	elems, err := p.sequence(0)
	if err != nil {
		return Pattern{}, err
	}
	if p.pos < len(p.lex) {
		return Pattern{}, fmt.Errorf("unexpected %q", p.lex[p.pos])
	}
	if len(elems) == 0 {
		return Pattern{}, fmt.Errorf("empty pattern")
	}
	if !anyLiteral(elems) {
		return Pattern{}, fmt.Errorf("%q has no words to match, only gaps or slots", src)
	}
	if elems[0].Kind == ElemGap || elems[len(elems)-1].Kind == ElemGap {
		return Pattern{}, fmt.Errorf("%q: a pattern cannot start or end with ..", src)
	}
	return Pattern{Source: strings.TrimSpace(src), Elems: elems}, nil
}

func anyLiteral(elems []PatternElem) bool {
	for _, e := range elems {
		if e.Literal() {
			return true
		}
		for _, a := range e.Alts {
			if anyLiteral(a) {
				return true
			}
		}
	}
	return false
}

// lexPattern splits a pattern into ( ) | ? .. {slot} and words.
func lexPattern(src string) []string {
	var out []string
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '(' || c == ')' || c == '|' || c == '?':
			out = append(out, string(c))
			i++
		case strings.HasPrefix(src[i:], ".."):
			j := i
			for j < len(src) && src[j] == '.' {
				j++
			}
			out = append(out, src[i:j])
			i = j
		case c == '{':
			j := strings.IndexByte(src[i:], '}')
			if j < 0 {
				out = append(out, src[i:])
				return out
			}
			out = append(out, src[i:i+j+1])
			i += j + 1
		default:
			j := i
			for j < len(src) && !strings.ContainsRune(" \t()|?{", rune(src[j])) && !strings.HasPrefix(src[j:], "..") {
				j++
			}
			out = append(out, src[i:j])
			i = j
		}
	}
	return out
}

type patternParser struct {
	src       string
	lex       []string
	pos       int
	lastMulti bool // the last word written tokenised into several
}

// sequence parses elements up to a ")" or "|" (not consumed) or the end.
// Alternatives of single words ("a|b") bind tighter than sequence.
func (p *patternParser) sequence(depth int) ([]PatternElem, error) {
	var out []PatternElem
	for p.pos < len(p.lex) {
		t := p.lex[p.pos]
		switch {
		case t == ")" || t == "|" && depth > 0:
			// Inside ( ), | separates the group's phrases.
			return out, nil
		case t == "|":
			// "a|b": widen the last element into a group of words.
			if len(out) == 0 || p.lastMulti {
				return nil, fmt.Errorf("%q: | joins single words; use ( | ) for phrases", p.src)
			}
			p.pos++
			if p.pos >= len(p.lex) {
				return nil, fmt.Errorf("%q: | at the end", p.src)
			}
			next, err := p.word(p.lex[p.pos])
			if err != nil {
				return nil, err
			}
			p.pos++
			last := &out[len(out)-1]
			if last.Kind != ElemGroup || last.Optional || last.Word != "|" {
				if !last.Literal() {
					return nil, fmt.Errorf("%q: | joins words; use ( | ) for phrases", p.src)
				}
				*last = PatternElem{Kind: ElemGroup, Word: "|", Alts: [][]PatternElem{{*last}}}
			}
			last.Alts = append(last.Alts, []PatternElem{next})
		case t == "(":
			p.pos++
			var alts [][]PatternElem
			for {
				seq, err := p.sequence(depth + 1)
				if err != nil {
					return nil, err
				}
				if len(seq) == 0 {
					return nil, fmt.Errorf("%q: empty alternative in ( )", p.src)
				}
				alts = append(alts, seq)
				if p.pos >= len(p.lex) {
					return nil, fmt.Errorf("%q: ( without )", p.src)
				}
				if p.lex[p.pos] == ")" {
					p.pos++
					break
				}
				p.pos++ // "|"
			}
			out = append(out, PatternElem{Kind: ElemGroup, Alts: alts})
		case t == "?":
			if len(out) == 0 || out[len(out)-1].Kind == ElemGap || out[len(out)-1].Optional || p.lastMulti {
				return nil, fmt.Errorf("%q: ? must follow a word or ( )", p.src)
			}
			out[len(out)-1].Optional = true
			p.pos++
		case t == ".." || t == "...":
			if len(out) > 0 && out[len(out)-1].Kind == ElemGap {
				return nil, fmt.Errorf("%q: two gaps in a row", p.src)
			}
			g := PatternElem{Kind: ElemGap, Max: GapWords}
			if t == "..." {
				g.Max = LongGapWords
			}
			out = append(out, g)
			p.pos++
		case strings.HasPrefix(t, ".."):
			return nil, fmt.Errorf("%q: %q: a gap is written .. (up to %d words) or ... (up to %d)", p.src, t, GapWords, LongGapWords)
		case strings.HasPrefix(t, "{"):
			side := strings.TrimSuffix(strings.TrimPrefix(t, "{"), "}")
			if !strings.HasSuffix(t, "}") || !validID(side) {
				return nil, fmt.Errorf("%q: %q: a slot is a side id in braces, e.g. {us}", p.src, t)
			}
			out = append(out, PatternElem{Kind: ElemSlot, Side: side})
			p.pos++
		default:
			// A written word may tokenise into several ("stage-managed").
			words, err := p.words(t)
			if err != nil {
				return nil, err
			}
			out = append(out, words...)
			p.pos++
			p.lastMulti = len(words) > 1
			continue
		}
		p.lastMulti = false
	}
	return out, nil
}

func (p *patternParser) word(t string) (PatternElem, error) {
	ws, err := p.words(t)
	if err != nil {
		return PatternElem{}, err
	}
	if len(ws) != 1 {
		return PatternElem{}, fmt.Errorf("%q: %q is not one word; use ( | ) for phrases", p.src, t)
	}
	return ws[0], nil
}

func (p *patternParser) words(t string) ([]PatternElem, error) {
	prefix := strings.HasSuffix(t, "*")
	body := strings.TrimSuffix(t, "*")
	if strings.Contains(body, "*") {
		return nil, fmt.Errorf("%q: * may only end a word", p.src)
	}
	toks := Tokenize(body)
	if len(toks) == 0 {
		return nil, fmt.Errorf("%q: %q has no letters or digits", p.src, t)
	}
	out := make([]PatternElem, len(toks))
	for i, tk := range toks {
		out[i] = PatternElem{Kind: ElemWord, Word: tk.Norm}
	}
	if prefix {
		last := &out[len(out)-1]
		if len([]rune(last.Word)) < 3 {
			return nil, fmt.Errorf("%q: %q: a prefix needs at least 3 letters", p.src, t)
		}
		last.Kind = ElemPrefix
	}
	return out, nil
}

// FrameSides lists the sides a frame's claims take a stance on, sorted.
func (f Frame) FrameSides() []string {
	set := map[string]bool{}
	for _, c := range f.Claims {
		for _, s := range c.Stance {
			set[s.Side] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// headerOf returns a table's column names, lower-cased, and the header's line.
func headerOf(f File) ([]string, int) {
	for i, line := range strings.Split(string(f.Data), "\n") {
		line = strings.TrimSpace(strings.TrimRight(line, "\r"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var cols []string
		for _, c := range strings.Split(line, "\t") {
			cols = append(cols, strings.ToLower(strings.TrimSpace(c)))
		}
		return cols, i + 1
	}
	return nil, 0
}
