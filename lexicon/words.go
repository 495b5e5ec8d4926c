package lexicon

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/stance-news/stance/internal/swar"
)

// Token is one word of a text, as the phrase patterns of frames see it.
type Token struct {
	Norm       string // lower case; possessive 's and acronym dots removed
	Raw        string // as written
	Start, End int    // byte offsets into the text
	// Break is the strongest punctuation between the previous word and this
	// one: 0 none, ',' a clause break (, ; : dash or bracket), '.' a sentence
	// break (. ? ! or a paragraph break).
	Break byte
}

// Tokenize splits text into words. Hyphenated words are split ("al-Assad" is
// "al" "assad"), so patterns and statements are tokenised alike; "U.S." is
// one word "us" whose Raw keeps the capitals, which tells it from the pronoun.
func Tokenize(text string) []Token {
	return AppendTokens(make([]Token, 0, len(text)/6+1), text)
}

// AppendTokens appends the words of text to out, as Tokenize splits them,
// so that a caller may reuse one slice for many texts.
func AppendTokens(out []Token, text string) []Token {
	return appendTokens(out, text, nil)
}

// AppendTokensIn is AppendTokens for tokens that are dropped before *norms
// is reused: the lower-cased words that Normalize would allocate (a word
// with a capital or a dot, one in five of news text) are written to
// *norms, and their Norm point into it. The caller must not keep a Norm
// past the next call with *norms cut back to [:0].
func AppendTokensIn(out []Token, text string, norms *[]byte) []Token {
	return appendTokens(out, text, norms)
}

func appendTokens(out []Token, text string, norms *[]byte) []Token {
	var brk byte
	i := 0
	for i < len(text) {
		// spaces and ASCII punctuation between words, without decoding
		if c := text[i]; c < utf8.RuneSelf && !asciiWord[c] {
			switch c {
			case '.', '?', '!':
				brk = '.'
			case '\n':
				if strings.HasPrefix(text[i+1:], "\n") {
					brk = '.'
				}
			case ',', ';', ':', '(', ')':
				if brk == 0 {
					brk = ','
				}
			}
			i++
			continue
		}
		// (an ASCII byte here is part of a word: the rest were taken
		// above, so only a non-ASCII one is decoded and tested)
		if text[i] >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				if (r == '—' || r == '–') && brk == 0 {
					brk = ','
				}
				i += n
				continue
			}
		}
		start := i
		// plain stays true while the word is ASCII letters and digits only,
		// and every byte's bit 0x20 (clear in A–Z alone of those) is kept
		// in lower: a word both says is its own normal form, without
		// scanning it again.
		plain, lower := true, byte(0x20)
		for i < len(text) {
			// ASCII letters and digits eight at a time, up to the first
			// other byte (most words end inside their first eight bytes)
			for i+8 <= len(text) {
				x := swar.Load8(text, i)
				k := bits.TrailingZeros64(swar.NotAlnum(x)) >> 3
				if capitals(x, k) {
					lower = 0
				}
				i += k
				if k < 8 {
					break
				}
			}
			if i >= len(text) {
				break
			}
			c := text[i]
			if c < utf8.RuneSelf && asciiWord[c] {
				lower &= c
				i++
				continue
			}
			if c < utf8.RuneSelf && c != '\'' && c != '.' {
				break // a space or punctuation ends the word
			}
			plain = false
			r, n := decodeRune(text, i)
			if isWordRune(r) {
				i += n
				continue
			}
			// An apostrophe inside a word (didn't, Syria’s) or a dot inside
			// an acronym (U.S.) belongs to it.
			if r == '\'' || r == '’' || r == '.' {
				if r2, _ := utf8.DecodeRuneInString(text[i+n:]); i+n < len(text) && isWordRune(r2) && (r != '.' || isAcronymDot(text, start, i)) {
					i += n
					continue
				}
				if r == '.' && i-start <= 3 && isAcronymDot(text, start, i) {
					i += n // the final dot of "U.S."
				}
			}
			break
		}
		raw := text[start:i]
		var norm string
		switch {
		case plain && lower != 0:
			norm = raw
		case norms == nil:
			norm = Normalize(raw)
		case plain:
			// ASCII letters and digits with a capital: no dot, apostrophe
			// or other letter for normalizeIn to look for, only
			// capitals to lower
			norm = lowerPlainIn(raw, norms)
		default:
			norm = normalizeIn(raw, norms)
		}
		out = append(out, Token{Norm: norm, Raw: raw, Start: start, End: i, Break: brk})
		brk = 0
	}
	return out
}

// decodeRune is utf8.DecodeRuneInString(text[i:]) with the common ASCII
// case inline: tokenizing is in the hot path of every statement.
func decodeRune(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// Normalize is the form words are compared in.
func Normalize(w string) string {
	if isPlainLower(w) {
		return w // most words: nothing to change, nothing to allocate
	}
	w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	if strings.Contains(w, ".") {
		w = strings.ReplaceAll(w, ".", "")
	}
	if strings.HasSuffix(w, "'s") && len(w) > 2 {
		w = w[:len(w)-2]
	} else if strings.HasSuffix(w, "'") && len(w) > 1 {
		w = w[:len(w)-1]
	}
	return w
}

// lowerPlainIn is normalizeIn for a word of ASCII letters and digits only:
// its lower case, written to *buf.
func lowerPlainIn(w string, buf *[]byte) string {
	start := len(*buf)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		*buf = append(*buf, c)
	}
	n := (*buf)[start:]
	return unsafe.String(&n[0], len(n))
}

// normalizeIn is Normalize, writing an ASCII word's changed form to *buf
// rather than a new string. Strings made before *buf grew keep pointing
// into its old array, which nothing writes to any more.
func normalizeIn(w string, buf *[]byte) string {
	if isPlainLower(w) {
		return w
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return Normalize(w) // ’ and non-ASCII letters: rare
		}
	}
	start := len(*buf)
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		*buf = append(*buf, c)
	}
	n := (*buf)[start:]
	if len(n) > 2 && n[len(n)-2] == '\'' && n[len(n)-1] == 's' {
		n = n[:len(n)-2]
	} else if len(n) > 1 && n[len(n)-1] == '\'' {
		n = n[:len(n)-1]
	}
	if len(n) == 0 {
		return ""
	}
	return unsafe.String(&n[0], len(n))
}

// isPlainLower reports whether w is ASCII without capitals, dots or
// apostrophes, which Normalize leaves as it is.
func isPlainLower(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || c == '.' || c == '\'' {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// capitals reports whether one of the first k bytes of x, all ASCII letters
// or digits, is a capital: of those, only A–Z have bit 0x20 clear.
func capitals(x uint64, k int) bool {
	keep := ^uint64(0) >> (64 - 8*k) // the first k bytes (none when k is 0)
	return ^x&keep&(0x20*swar.Ones) != 0
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// isAcronymDot reports whether the word so far is single letters joined by
// dots (U.S, U.N), so the dot at end belongs to the word. (It is asked at
// every dot after a word, and strings.Split allocated a list each time.)
func isAcronymDot(text string, start, end int) bool {
	w := text[start:end]
	for {
		part, rest, more := strings.Cut(w, ".")
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
		if !more {
			return true
		}
		w = rest
	}
}
