package quotes

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stance-news/stance/internal/swar"
	"github.com/stance-news/stance/pipeline/article"
)

// This file turns one paragraph into tokens, pairs its quotation marks and
// splits it into sentences, all in byte offsets into the article text.

type tokKind uint8

const (
	tWord  tokKind = iota
	tPunct         // any other visible character, one token each
	tOpen          // an opening quotation mark that was paired (or runs to the paragraph end)
	tClose         // the closing mark of a pair
)

type tok struct {
	s, e int // byte offsets into the article text
	kind tokKind
	cap  bool      // word starting with an upper-case letter
	q    int32     // index into the paragraph's quotes of the quote holding this token, -1 outside
	cls  wordClass // closed word classes of the lower-cased word
	cue  int32     // 1 + index into Extractor.cueLists of cues starting with this word; 0 none
}

// qspan is one quotation in a paragraph.
type qspan struct {
	open, close int  // byte offsets of the marks; close -1 when the quote runs to the paragraph end
	cs, ce      int  // the words inside, without the marks
	ot, ct      int  // token indexes of the marks; ct -1 when unclosed
	title       bool // the marks set off a title, not words spoken (showTitle)
}

func isOpenQuote(r rune) bool  { return r == '“' || r == '«' || r == '„' }
func isCloseQuote(r rune) bool { return r == '”' || r == '»' }

// pairQuotes finds the quotations in text[p0:p1], one paragraph. Curly marks
// pair by direction; a straight mark opens when it stands before a word and
// closes after one. Single quotation marks only nest inside double ones and
// are left alone. An opening mark with no closing one in the paragraph runs to
// the paragraph's end only when it opens the paragraph (a quote continued in
// the next paragraph repeats its opening mark and omits the closing one);
// anywhere else it is dropped, so a stray mark never swallows text.
func pairQuotes(text string, p0, p1 int, out []qspan) []qspan {
	return pairQuotesIn(text, p0, p1, out, false, false)
}

// singleQuoteStyle: the article quotes with single marks (‘…’ or '…'), as
// British and Australian papers do, so those pair and double ones nest
// inside them. It does when it has no double marks and two or more single
// pairs: curly opening marks, or straight ones before a word after a space
// with a closing one after a word later in the paragraph ("'This is a
// provocation,' she said"; not "'bot nets"). One pair alone is often a
// headline's ("Cooper upset ‘American Sniper’ fans"), and an article with
// double marks too uses its single ones for terms and titles.
func singleQuoteStyle(text string) bool {
	// (two apostrophes stand for a double mark in some wire feeds)
	if strings.Contains(text, "“") || strings.IndexByte(text, '"') >= 0 || strings.Contains(text, "«") || strings.Contains(text, "''") {
		return false
	}
	singles := strings.Count(text, "‘")
	for i := strings.IndexByte(text, '\''); i >= 0 && singles < 2; {
		next := i + 1
		if (i == 0 || text[i-1] == ' ' || text[i-1] == '\n') && opensWord(text, i+1, len(text)) {
			if j := closingStraight(text, i+1); j > 0 {
				singles++
				next = j + 1
			}
		}
		k := strings.IndexByte(text[next:], '\'')
		if k < 0 {
			break
		}
		i = next + k
	}
	return singles >= 2
}

// closingStraight is the index of the straight mark closing a quotation
// opened before text[i:], in the same paragraph: after a word or its
// punctuation, before a space, punctuation or the end; -1 if none.
func closingStraight(text string, i int) int {
	for j := i; j < len(text); j++ {
		switch c := text[j]; {
		case c == '\n':
			return -1
		case c == '\'' && j > i:
			p := text[j-1]
			if !(isWordByte(p) || p == '.' || p == ',' || p == '!' || p == '?') {
				continue
			}
			if j+1 == len(text) || text[j+1] == ' ' || text[j+1] == '\n' || strings.IndexByte(".,;:!?)", text[j+1]) >= 0 {
				return j
			}
		}
	}
	return -1
}

// opensWord: text[i:] starts a word of two letters or more, as a quotation
// does after its opening mark, where an elision's apostrophe comes before
// one letter ("'s", "'t") or digits ("'90s").
func opensWord(text string, i, p1 int) bool {
	if i+1 >= p1 {
		return false
	}
	r, n := utf8.DecodeRuneInString(text[i:p1])
	r2, _ := utf8.DecodeRuneInString(text[i+n : p1])
	return unicode.IsLetter(r) && unicode.IsLetter(r2)
}

// closesSingle: the single closing mark or apostrophe at i, after a word,
// ends a quotation rather than a possessive plural ("the ministers’ plan"):
// not before a letter, and after "s" only before punctuation, the end, or a
// word that cannot follow a possessive ("‘tyrants’ and").
func closesSingle(text string, p0, p1, i, n int) bool {
	before := prevRune(text, p0, i)
	if unicode.IsSpace(before) {
		return false
	}
	after, _ := utf8.DecodeRuneInString(text[i+n : p1])
	if i+n < p1 && (unicode.IsLetter(after) || unicode.IsDigit(after)) {
		return false // "don’t", "Peskov’s"
	}
	if before != 's' || i+n >= p1 || !unicode.IsSpace(after) {
		return true
	}
	k := i + n + 1
	j := k
	for j < p1 && text[j] >= 'a' && text[j] <= 'z' {
		j++
	}
	return notAfterPossessive[text[k:j]]
}

var notAfterPossessive = map[string]bool{"and": true, "or": true, "but": true, "to": true, "in": true,
	"of": true, "as": true, "at": true, "for": true, "with": true, "by": true, "on": true, "from": true,
	"is": true, "was": true, "were": true, "are": true, "said": true, "says": true, "he": true, "she": true,
	"they": true, "it": true, "that": true, "which": true, "who": true, "the": true, "a": true, "an": true}

// pairQuotesIn is pairQuotes for a paragraph whose next paragraph opens
// with a quotation mark when continued is set: then an opening mark with no
// closing one that starts a sentence also runs to the paragraph's end ("…,”
// Eng says. “Now there are 12. ¶ “Nobody wants …”": the quote goes on in
// the next paragraph).
func pairQuotesIn(text string, p0, p1 int, out []qspan, continued, single bool) []qspan {
	open := -1
	openLen := 0
	for i := p0; i < p1; {
		if i = nextMarkByte(text, i, p1); i >= p1 {
			break
		}
		c := text[i]
		r, n := utf8.DecodeRuneInString(text[i:p1])
		if c == '\'' && !single {
			// two apostrophes stand for a double mark in some wire feeds
			if i+1 >= p1 || text[i+1] != '\'' {
				i++
				continue
			}
			r, n = '"', 2
		}
		var isOpen, isClose bool
		switch {
		case single && c == '\'' && i+1 < p1 && text[i+1] == '\'':
			i += 2 // a double mark, nested
			continue
		case single && r == '‘':
			isOpen = true
		case single && (r == '’' || c == '\''):
			if open < 0 {
				// an opening straight mark stands before a word, after a
				// space, a bracket or a dash
				before := prevRune(text, p0, i)
				isOpen = c == '\'' && (i == p0 || unicode.IsSpace(before) || isOpenBracket(before) || before == '—' || before == '–') &&
					opensWord(text, i+n, p1)
			} else {
				isClose = closesSingle(text, p0, p1, i, n)
			}
		case single:
			// ‘…’ and '…' pair; double marks nest inside them
			i += n
			continue
		case r == '"':
			before := prevRune(text, p0, i)
			after, _ := utf8.DecodeRuneInString(text[i+n : p1])
			leftEdge := i == p0 || unicode.IsSpace(before) || isOpenBracket(before) || before == '—' || before == '–'
			rightEdge := i+n >= p1 || unicode.IsSpace(after) || unicode.IsPunct(after) && after != '\'' && after != '‘' && after != '(' && after != '['
			if open < 0 {
				isOpen = !rightEdge || leftEdge
			} else {
				isClose = !leftEdge || rightEdge
			}
		case isOpenQuote(r):
			before := prevRune(text, p0, i)
			after, _ := utf8.DecodeRuneInString(text[i+n : p1])
			if open >= 0 && !unicode.IsSpace(before) && (i+n >= p1 || unicode.IsSpace(after) || unicode.IsPunct(after)) {
				// an opening mark typed where the closing one belongs:
				// “It's unusual,“ said …
				isClose = true
				break
			}
			if open >= 0 {
				// A second opening mark inside an open quote: the first was
				// unbalanced; start over here.
				open = -1
			}
			isOpen = true
		case isCloseQuote(r):
			isClose = open >= 0
			if open < 0 {
				// a closing mark typed where the opening one belongs
				before := prevRune(text, p0, i)
				after, _ := utf8.DecodeRuneInString(text[i+n : p1])
				// (also after an invisible direction mark, "\u202a”Sorry",
				// and before an ellipsis, "” … in the case of")
				isOpen = (i == p0 || unicode.IsSpace(before) || unicode.Is(unicode.Cf, before)) && i+n < p1 && (unicode.IsLetter(after) || unicode.IsDigit(after) || opensWithEllipsis(text[i+n:p1]))
			}
		default:
			i += n
			continue
		}
		if isOpen && open < 0 {
			open, openLen = i, n
		} else if isClose && open >= 0 {
			if i > open+openLen {
				out = append(out, qspan{open: open, close: i, cs: open + openLen, ce: i, ct: -1})
			}
			open = -1
		}
		i += n
	}
	if open >= 0 && (open == p0 || continued && opensSentence(text, p0, open)) {
		end := p1
		for end > open+openLen && (text[end-1] == ' ' || text[end-1] == '\n' || text[end-1] == '\t') {
			end--
		}
		if end > open+openLen {
			out = append(out, qspan{open: open, close: -1, cs: open + openLen, ce: end, ct: -1})
		}
	}
	return out
}

// opensSentence: the mark at i starts a sentence, after a full stop,
// question or exclamation mark, or a colon.
func opensSentence(text string, p0, i int) bool {
	j := i
	for j > p0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	return j < i && j > p0 && (text[j-1] == '.' || text[j-1] == '?' || text[j-1] == '!' || text[j-1] == ':')
}

// opensWithQuoteMark: the paragraph's first visible character is a double
// quotation mark (curly, straight, guillemet or two apostrophes).
func opensWithQuoteMark(text string, p article.Span, single bool) bool {
	i := p.Start
	for i < p.End && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r') {
		i++
	}
	if i >= p.End {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:p.End])
	if single {
		return r == '‘' || text[i] == '\'' && i+1 < p.End && text[i+1] != '\''
	}
	if text[i] == '"' || i+1 < p.End && text[i] == '\'' && text[i+1] == '\'' {
		return true
	}
	return isOpenQuote(r)
}

// nextMarkByte returns the index of the first byte from i on (before p1)
// that can start a quotation mark: a straight double quote or apostrophe,
// or the first byte of the UTF-8 curly marks (0xE2) and guillemets (0xC2);
// p1 when there is none.
// Most of a paragraph is none of these, so it is read eight bytes at a
// time, and eight bytes are passed over when none of them is from 0x22 to
// 0x27 (the double quote to the apostrophe) or 0x80 and above: one range
// test, where a test for each of the four bytes cost twice the
// instructions. The few other bytes it stops at (# $ % & and the rest of
// UTF-8) are told apart one by one.
func nextMarkByte(text string, i, p1 int) int {
	for i+8 <= p1 {
		v := swar.Load8(text, i)
		low7 := v &^ swar.Highs
		maybe := ((low7+(0x80-'"')*swar.Ones)&^(low7+(0x80-'\''-1)*swar.Ones) | v) & swar.Highs
		if maybe == 0 {
			i += 8
			continue
		}
		i += bits.TrailingZeros64(maybe) >> 3
		if isMarkByte(text[i]) {
			return i
		}
		i++
	}
	for ; i < p1; i++ {
		if isMarkByte(text[i]) {
			return i
		}
	}
	return p1
}

func isMarkByte(c byte) bool { return c == '"' || c == 0xE2 || c == 0xC2 || c == '\'' }

func prevRune(text string, lo, i int) rune {
	if i <= lo {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(text[lo:i])
	return r
}

func isOpenBracket(r rune) bool { return r == '(' || r == '[' || r == '{' }

// tokenize splits text[p0:p1] into words and punctuation, marking quotation
// marks that belong to qs and which quote each token sits in.
func tokenize(text string, p0, p1 int, qs []qspan, out []tok) []tok {
	qi := 0 // next quote whose open mark is ahead
	cur := int32(-1)
	curEnd := -1
	i := p0
	for i < p1 {
		c := text[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			i++
			continue
		}
		if cur >= 0 && i >= curEnd && qs[cur].close < 0 {
			cur = -1
		}
		// quotation marks of a pair
		if qi < len(qs) && i == qs[qi].open {
			n := qs[qi].cs - qs[qi].open
			qs[qi].ot = len(out)
			out = append(out, tok{s: i, e: i + n, kind: tOpen, q: int32(qi)})
			cur, curEnd = int32(qi), qs[qi].ce
			qi++
			i += n
			continue
		}
		if cur >= 0 && i == qs[cur].close {
			_, n := utf8.DecodeRuneInString(text[i:p1])
			if text[i] == '\'' && i+1 < p1 && text[i+1] == '\'' {
				n = 2 // two apostrophes for a double mark
			}
			qs[cur].ct = len(out)
			out = append(out, tok{s: i, e: i + n, kind: tClose, q: cur})
			cur = -1
			i += n
			continue
		}
		if c < utf8.RuneSelf {
			if isWordByte(c) {
				// The common word, ASCII letters and digits ending within
				// the eight bytes at i before a space or a mark that joins
				// nothing, is found here: a call of wordEnd for every word
				// made the loop save and reload its state around it.
				if i+8 <= p1 {
					if stop := swar.NotAlnum(swar.Load8(text, i)); stop != 0 {
						j := i + bits.TrailingZeros64(stop)>>3
						if text[j] == ' ' {
							out = appendTok(out, i, j, tWord, c >= 'A' && c <= 'Z', cur)
							i = j + 1 // and the space after it
							continue
						}
						if endsWord(text, j, p1) {
							out = appendTok(out, i, j, tWord, c >= 'A' && c <= 'Z', cur)
							i = j
							continue
						}
					}
				}
				j := wordEnd(text, i, p1)
				out = appendTok(out, i, j, tWord, c >= 'A' && c <= 'Z', cur)
				i = j
				continue
			}
			out = appendTok(out, i, i+1, tPunct, false, cur)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:p1])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j := wordEnd(text, i, p1)
			out = appendTok(out, i, j, tWord, unicode.IsUpper(r), cur)
			i = j
			continue
		}
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		out = appendTok(out, i, i+n, tPunct, false, cur)
		i += n
	}
	return out
}

// endsWord: the ASCII byte at j, after a word's letters and digits, ends
// the word as wordEnd would decide: it is no mark that can join two words
// ("don't", "al-Assad", "U.S.", "AT&T", "1,000"), or one with no letter or
// digit after it. false when wordEnd must decide (a byte beyond ASCII).
func endsWord(text string, j, p1 int) bool {
	c := text[j]
	if c >= utf8.RuneSelf {
		return false
	}
	if !wordJoiners[c] || j+1 >= p1 {
		return true
	}
	next := text[j+1]
	return next < utf8.RuneSelf && !isWordByte(next)
}

// wordJoiners may join the words on either side of them (wordEnd).
var wordJoiners = [256]bool{'\'': true, '-': true, '.': true, '&': true, ',': true}

// appendTok appends a token field by field. A composite literal is built
// on the stack with stores of each field's width and then copied with
// 16-byte loads, which cannot be forwarded from those stores: perf put two
// fifths of tokenize's samples on that copy.
func appendTok(out []tok, s, e int, kind tokKind, capital bool, q int32) []tok {
	out = append(out, tok{})
	t := &out[len(out)-1]
	t.s, t.e, t.kind, t.cap, t.q = s, e, kind, capital, q
	return out
}

// isWordByte: an ASCII letter or digit, from a table rather than three
// ranges tested in turn (a capital, a digit or any other byte took two or
// three of them; tokenize and wordEnd ask for every byte they pass).
func isWordByte(c byte) bool { return wordBytes[c] }

var wordBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// wordEnd returns the end of the word starting at i: letters and digits,
// joined by an apostrophe, hyphen, period or comma (in numbers) when a letter
// or digit follows.
func wordEnd(text string, i, p1 int) int {
	for i < p1 {
		// letters and digits eight at a time, up to the first other byte
		for i+8 <= p1 {
			if stop := swar.NotAlnum(swar.Load8(text, i)); stop != 0 {
				i += bits.TrailingZeros64(stop) >> 3
				break
			}
			i += 8
		}
		if i >= p1 {
			break
		}
		c := text[i]
		if c < utf8.RuneSelf {
			if isWordByte(c) {
				i++
				continue
			}
			if (c == '\'' || c == '-' || c == '.' || c == '&') && i+1 < p1 && isWordStart(text, i+1, p1) {
				i++
				continue
			}
			if c == ',' && i+1 < p1 && text[i+1] >= '0' && text[i+1] <= '9' && i > 0 && text[i-1] >= '0' && text[i-1] <= '9' {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(text[i:p1])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			i += n
			continue
		}
		if r == '’' && i+n < p1 && isWordStart(text, i+n, p1) {
			i += n
			continue
		}
		if mojibakeTail(text, i, r) {
			i += n
			continue
		}
		return i
	}
	return i
}

// mojibakeTail: r at i is the second half of a letter whose UTF-8 bytes were
// read as Latin-1 ("PeÃ±a" for "Peña", "JesÃºs"): a character of U+0080–U+00BF
// right after "Ã" or "Â", also written as A and a combining tilde or
// circumflex. It stays in the word, so the name is not cut there.
func mojibakeTail(text string, i int, r rune) bool {
	if r < 0x80 || r > 0xBF || i < 2 {
		return false
	}
	p, n := utf8.DecodeLastRuneInString(text[:i])
	if (p == '\u0303' || p == '\u0302') && i-n > 0 {
		return text[i-n-1] == 'A'
	}
	return p == 'Ã' || p == 'Â'
}

func isWordStart(text string, i, p1 int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		return isWordByte(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:p1])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// sentences splits the tokens into sentences: after . ! ? (and any closing
// marks or brackets after them) when the next token starts a sentence. Quotes
// are not split, so a quote and its attribution stay in one sentence; a period
// after an abbreviation or an initial does not end a sentence. stops lists
// the tokens . ! ? outside quotes, closes the closing marks, each in order
// (classify). quoted is false when the paragraph has no quotation (so no
// closing mark to split after, see splitAfterQuotes).
func sentences(text string, toks []tok, stops, closes []int32, out [][2]int, quoted bool) [][2]int {
	start := 0
	for _, k := range stops {
		i := int(k)
		if i < start {
			continue // among the closing marks of the sentence just ended
		}
		t := toks[i]
		c := text[t.s]
		if c == '.' && abbrevPeriod(text, toks, i) {
			continue
		}
		j := i + 1
		for j < len(toks) && (toks[j].kind == tClose || toks[j].kind == tPunct && isCloser(text[toks[j].s:toks[j].e])) {
			j++
		}
		if j < len(toks) && !startsSentence(text, toks[j]) {
			continue
		}
		out = append(out, [2]int{start, j})
		start = j
	}
	// closing a quote that ends in . ! ? also ends the sentence when a new
	// one starts right after it
	if start < len(toks) {
		out = append(out, [2]int{start, len(toks)})
	}
	if !quoted {
		return out // no closing mark to split after (most paragraphs)
	}
	return splitAfterQuotes(text, toks, closes, out)
}

// splitAfterQuotes ends a sentence after a closing mark preceded by . ? ! when
// a capitalised word or a new quote follows: “We will win.” Trump then left.
//
// The sentences found are appended after ss in its own array and then moved
// to its start, so that the run's sentence buffer is reused, not replaced,
// for each paragraph. closes lists the closing marks' tokens in order: a
// paragraph's quotes are few, its tokens many.
func splitAfterQuotes(text string, toks []tok, closes []int32, ss [][2]int) [][2]int {
	n := len(ss)
	out := ss[n:]
	next := 0 // the next closing mark in closes
	for _, s := range ss[:n] {
		start := s[0]
		for next < len(closes) && int(closes[next]) < s[0] {
			next++
		}
		for ; next < len(closes) && int(closes[next]) < s[1]-1; next++ {
			i := int(closes[next])
			if i == 0 {
				continue
			}
			p := toks[i-1]
			if p.kind != tPunct {
				continue
			}
			c := text[p.s]
			if c != '.' && c != '!' && c != '?' {
				continue
			}
			n := toks[i+1]
			if n.kind == tOpen || n.kind == tWord && n.cap && !isPronounCap(text[n.s:n.e]) {
				out = append(out, [2]int{start, i + 1})
				start = i + 1
			}
		}
		out = append(out, [2]int{start, s[1]})
	}
	return append(ss[:0], out...)
}

// isPronounCap: "“We lost.” He said" keeps the attribution with its quote.
func isPronounCap(w string) bool {
	switch w {
	case "He", "She", "They", "It", "I", "We":
		return true
	}
	return false
}

func isCloser(s string) bool {
	return s == ")" || s == "]" || s == "’" || s == "'" || s == "\""
}

func startsSentence(text string, t tok) bool {
	switch t.kind {
	case tOpen:
		return true
	case tWord:
		c := text[t.s]
		return t.cap || c >= '0' && c <= '9'
	}
	s := text[t.s:t.e]
	return s == "(" || s == "[" || s == "‘" || s == "—" || s == "–"
}

// abbrevPeriod: the period toks[i] belongs to the short form before it
// and does not end the sentence: "Sen.", "George W. Bush", "the U.S.
// embassy", but not "… in the U.S. He said".
func abbrevPeriod(text string, toks []tok, i int) bool {
	if i == 0 || toks[i-1].kind != tWord || toks[i-1].e != toks[i].s {
		return false
	}
	w := text[toks[i-1].s:toks[i-1].e]
	return isAbbrev(w) && !(endsName(w) && i+1 < len(toks) && opensOnly(text, toks[i+1]))
}

// endsName: a short form that can end a name and so a sentence ("Jr.",
// "Inc.", "U.S."), unlike a title or an initial, which a name follows.
func endsName(w string) bool {
	return nameSuffixes[w] || len(w) <= 6 && !isDigit(w[0]) && strings.IndexByte(w, '.') > 0
}

// opensOnly: t is a capitalised word that opens a sentence and no name:
// "… in the U.S. He said", "… Martin Luther King Jr. The march".
func opensOnly(text string, t tok) bool {
	if t.kind != tWord || !t.cap {
		return false
	}
	switch text[t.s:t.e] {
	case "He", "She", "They", "We", "It", "The", "But", "This":
		return true
	}
	return false
}

// abbrevs are titles, months, states and other short forms written with a
// period that does not end the sentence.
var abbrevs = set("Mr", "Mrs", "Ms", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Cmdr", "Adm",
	"Maj", "Pres", "Prof", "Rev", "Hon", "St", "Jr", "Sr", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
	"Inc", "Corp", "Co", "Ltd", "No", "vs", "v", "Ft", "Mt", "Del", "Msgr", "Fr", "Cpl", "Pvt", "Ald", "Amb", "Sec", "Supt", "Gens", "Atty", "Lt.Gen", "Ariz", "Calif", "Colo", "Conn", "Fla", "Ga",
	"Ill", "Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn",
	"Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "al", "etc", "approx", "est", "Dept", "Univ", "Assn", "Bros")

// longestAbbrev is the length of abbrevs' longest entry.
var longestAbbrev = func() (n int) {
	for w := range abbrevs {
		n = max(n, len(w))
	}
	return n
}()

// isAbbrev: a title or short form whose period is not a sentence end, an
// initial ("George W. Bush"), or a dotted short form ("U.S.").
func isAbbrev(w string) bool {
	// (the length first: sentences asks about the word before every
	// period, most of them longer than any entry, and a map look-up
	// hashes the word)
	if len(w) <= longestAbbrev && abbrevs[w] {
		return true
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	// (a number's decimal point is no short form: "rose to 29.4bn. The …"
	// ends its sentence)
	if len(w) == 0 || isDigit(w[0]) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] == '.' {
			return len(w) <= 6
		}
	}
	return false
}

// opensWithEllipsis: s starts with an ellipsis, maybe after a space, then a
// word: "… in the case of", the words a quote picks up in the middle.
func opensWithEllipsis(s string) bool {
	s = strings.TrimPrefix(s, " ")
	if !strings.HasPrefix(s, "…") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(s[len("…"):], " "))
	return unicode.IsLetter(r)
}
