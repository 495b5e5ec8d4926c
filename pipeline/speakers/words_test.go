package speakers

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stance-news/stance/lexicon"
)

// The allocation-free helpers must agree with the strings functions and key
// they stand in for.
func FuzzWordsAgree(f *testing.F) {
	for _, s := range []string{"US Secretary of State Rex Tillerson", " the  Kremlin ", "THE White House", "the\tKremlin",
		"a\u00a0b", "Putin’s aide", "x\vy", "", "  ", "\xff \xfe", "Bashar al-Assad", "A Clinton supporter",
		"organizing director Kendall Fells", "x\u2003y\u0085 z", "İt", "\u212a", "He", "Putin (“Vlad”), a:b;",
		"Administration\x01officials said", "for her part", " for his\tpart ", "for\u00a0her part", "forty for her part", "the IMF report", "A Justice Department memo", "the Pentagon's statement", "REPORT", "a REPORT", "50 Cent", "al-Assad Bashar", "Jean de la Fontaine", "Secretary-General\u00a0António Guterres", "abcdefgh ijklmnop\tqrstuvwx\n", "12345678\x7f9 a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sp := fieldSpans(s, nil)
		fields := strings.Fields(s)
		if len(sp) != len(fields) {
			t.Fatalf("fieldSpans(%q): %d words, Fields %d", s, len(sp), len(fields))
		}
		for lo := 0; lo <= len(fields); lo++ {
			for hi := lo; hi <= len(fields); hi++ {
				if got, want := joinSpans(s, sp, lo, hi), strings.Join(fields[lo:hi], " "); got != want {
					t.Fatalf("join(%q, %d, %d) = %q, want %q", s, lo, hi, got, want)
				}
			}
		}
		for n := 0; n <= 4; n++ {
			w := make([]string, n)
			more := lastWords(s, w)
			if want := len(fields) > n; more != want {
				t.Fatalf("lastWords(%q, %d) = %v, want %v", s, n, more, want)
			}
			if len(fields) >= n && !slices.Equal(w, fields[len(fields)-n:]) {
				t.Fatalf("lastWords(%q, %d) read %q, Fields ends %q", s, n, w, fields[len(fields)-n:])
			}
		}
		lastField := ""
		if len(fields) > 0 {
			lastField = fields[len(fields)-1]
		}
		if got := finalWord(s); got != lastField {
			t.Fatalf("finalWord(%q) = %q, Fields ends %q", s, got, lastField)
		}
		if b, ok := appendASCIIKey(nil, s); ok && string(b) != key(s) {
			t.Fatalf("appendASCIIKey(%q) = %q, key %q", s, b, key(s))
		}
		m := map[string]int{key(s): 1}
		if i, ok := index(m, s); !ok || i != 1 {
			t.Fatalf("index(%q) missed key %q", s, key(s))
		}
		for _, w := range fields {
			if isTitleWord(w) != titleWords[strings.ToLower(w)] {
				t.Fatalf("isTitleWord(%q)", w)
			}
			if breaksName(w) != strings.ContainsAny(w, ",;:()“”\"") {
				t.Fatalf("breaksName(%q)", w)
			}
		}
		if got, want := isName(s), isNameByFields(s); got != want {
			t.Fatalf("isName(%q) = %v, by strings.Fields %v", s, got, want)
		}
		if got, want := describesPerson(s), describesPersonByFields(s); got != want {
			t.Fatalf("describesPerson(%q) = %v, splitting every appositive %v", s, got, want)
		}
		if got, want := textAuthor(s), textAuthorAllWords(s); got != want {
			t.Fatalf("textAuthor(%q) = %q, splitting every mention %q", s, got, want)
		}
		if inLower(pronouns, s) != pronouns[strings.ToLower(s)] {
			t.Fatalf("inLower(pronouns, %q)", s)
		}
		if isPronoun(s) != pronouns[strings.ToLower(s)] {
			t.Fatalf("isPronoun(%q)", s)
		}
		if b, ok := appendLowerASCII(nil, s); ok && string(b) != strings.ToLower(s) {
			t.Fatalf("appendLowerASCII(%q) = %q", s, b)
		}
	})
}

// textAuthorAllWords is textAuthor splitting every mention into words
// before asking whether its last word names a text.
func textAuthorAllWords(m string) string {
	words := strings.Fields(m)
	if len(words) < 2 || !authoredTextNouns[strings.ToLower(words[len(words)-1])] {
		return ""
	}
	name := words[:len(words)-1]
	if determiner := strings.ToLower(name[0]); determiner == "the" || determiner == "a" || determiner == "an" {
		name = name[1:]
	}
	if len(name) == 0 {
		return ""
	}
	last := name[len(name)-1]
	owner := strings.TrimSuffix(strings.TrimSuffix(last, "'s"), "’s")
	name[len(name)-1] = owner
	for _, w := range name {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || monthOrDay(w) {
			return ""
		}
	}
	if len(name) == 1 && !isAcronym(name[0]) && owner == last {
		return ""
	}
	return strings.Join(name, " ")
}

// isNameByFields is isName as written for any text: every word of
// strings.Fields capitalised by unicode.IsUpper.
func isNameByFields(s string) bool {
	if s == "" {
		return false
	}
	for i, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !isParticle(w) && !(i == 0 && isNumber(w) && len(w) < len(s)) {
			return false
		}
	}
	return true
}

// describesPersonByFields is describesPerson splitting every appositive
// into words for its "for her part" test.
func describesPersonByFields(ap string) bool {
	if f := strings.Fields(ap); len(f) == 3 && f[0] == "for" && f[2] == "part" {
		first, _, _ := strings.Cut(strings.TrimSpace(ap), " ")
		if first != "" && !(first[0] >= '0' && first[0] <= '9') {
			return false
		}
	}
	return describesPerson(ap) // (the rest as it is)
}

// indexQuoteMark finds what strings.IndexAny finds, broken UTF-8 included.
func TestIndexQuoteMark(t *testing.T) {
	for _, s := range []string{"", `"`, "“", "”", `a "b" c`, "a “b” c", "“a\" b", "a\"“", "\xe2“", "\xe2\x80“x",
		"\x80\x9c“", "x\xe2\x80\x9c", "Sen. Bob “Skip” Jones", "no marks at all", "’‘ “"} {
		checkIndexQuoteMark(t, s)
	}
}

func FuzzIndexQuoteMark(f *testing.F) {
	f.Add("a “b” c")
	f.Add("\xe2\x80“\"")
	f.Fuzz(checkIndexQuoteMark)
}

func checkIndexQuoteMark(t *testing.T, s string) {
	for _, curly := range []string{"“", "”"} {
		if got, want := indexQuoteMark(s, curly), strings.IndexAny(s, `"`+curly); got != want {
			t.Fatalf("indexQuoteMark(%q, %q) = %d, IndexAny %d", s, curly, got, want)
		}
	}
}

// Slug's ASCII path gives what the rune-by-rune path gives.
func TestSlugASCII(t *testing.T) {
	for _, name := range []string{"Sergey Lavrov", "Rex W. Tillerson", "O'Neill", "Beto O’Rourke", "  Lead  space ", "A--B", "x-",
		"-x", "ALL CAPS", "Mr. Smith Jr.", "99 Problems", "", "'", "a'b c", "Zoë Saldana", "Ünïcode"} {
		if got, want := Slug(name), slugRunes(name); got != want {
			t.Errorf("Slug(%q) = %q, slugRunes %q", name, got, want)
		}
	}
}

func FuzzSlug(f *testing.F) {
	f.Add("Sergey V. Lavrov")
	f.Fuzz(func(t *testing.T, name string) {
		if got, want := Slug(name), slugRunes(name); got != want {
			t.Fatalf("Slug(%q) = %q, slugRunes %q", name, got, want)
		}
	})
}

// isPronoun's length bound holds for every pronoun: none is longer than
// "they".
func TestPronounsFitTheBound(t *testing.T) {
	for p := range pronouns {
		if len(p) > len("they") {
			t.Errorf("pronoun %q is longer than isPronoun's bound", p)
		}
	}
	for _, m := range []string{"He", "THEY", "İt", "\u0130", "you"} {
		if !isPronoun(m) {
			t.Errorf("isPronoun(%q) is false", m)
		}
	}
}

// TestBodySideByFirstWord: bodySide, which tries only the bodies whose first
// word the source has, gives what trying every body gives, for sources
// naming each body of the lexicon in the ways news text does, two of them
// at once, and with odd spacing.
func TestBodySideByFirstWord(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := New(lx)
	every := func(src string) string { // bodySide before the index
		for _, b := range r.bodies {
			i := wordIndex(src, b.name)
			if i < 0 {
				continue
			}
			before, after := strings.Fields(src[:i]), strings.Fields(src[i+len(b.name):])
			if b.country && (len(after) == 0 || !officialNouns[after[len(after)-1]]) {
				continue
			}
			if len(before) > 0 {
				before[0] = strings.ToLower(before[0])
			}
			if len(after) > 0 && allLower(after, true) && allLower(before, false) {
				return b.side
			}
		}
		return ""
	}
	templates := []string{"a senior %s official", "%s officials", "the %s", "a %s-based analyst", "A %s aide",
		"two aides and a %s official", "%s  officials", " %s official ", "an official of the %s", "%s"}
	sided := 0
	for k, b := range r.bodies {
		other := r.bodies[(k*7+3)%len(r.bodies)].name
		for _, tmpl := range append(templates, "a %s and "+other+" official", "a "+other+" and %s official") {
			src := fmt.Sprintf(tmpl, b.name)
			got, want := r.bodySide(src), every(src)
			if got != want {
				t.Fatalf("bodySide(%q) = %q, trying every body gives %q", src, got, want)
			}
			if got != "" {
				sided++
			}
		}
	}
	if sided == 0 {
		t.Fatal("no source speaks for a body: the comparison shows nothing")
	}
	t.Logf("%d bodies, %d sources with a side", len(r.bodies), sided)
}

// titleSideBySearch is titleSide as it was before sidedByFirst: the text
// searched for each sided title in turn, longest first.
func titleSideBySearch(r *Resolver, text string) string {
	lt := strings.ToLower(text)
	for _, t := range r.sided {
		if strings.Contains(lt, string(t.lower)) {
			return t.side
		}
	}
	return ""
}

// TestTitleSideAgreesWithSearch: titleSide, which reads its text once,
// finds the title searching for each in turn finds: every sided title of
// the lexicon alone, inside other words, beside another title (the longer
// one wins), in other cases, and in no text at all.
func TestTitleSideAgreesWithSearch(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := New(lx)
	if len(r.sided) < 2 {
		t.Fatalf("%d sided titles: the comparison shows nothing", len(r.sided))
	}
	templates := []string{"%s", "the %s", "former %s Ivan Petrov", "%ss", "a bus%s", "%s and %s", "ÉLITE %s",
		"a senior official", "", "s", "u"}
	sided := 0
	for k, st := range r.sided {
		other := string(r.sided[(k*5+1)%len(r.sided)].lower)
		for _, title := range []string{string(st.lower), strings.ToUpper(string(st.lower)), other + " " + string(st.lower),
			string(st.lower[:len(st.lower)-1])} {
			for _, tmpl := range templates {
				text := strings.ReplaceAll(tmpl, "%s", title)
				got, want := r.titleSide(text), titleSideBySearch(r, text)
				if got != want {
					t.Fatalf("titleSide(%q) = %q, searching gives %q", text, got, want)
				}
				if got != "" {
					sided++
				}
			}
		}
	}
	if sided == 0 {
		t.Fatal("no text has a side: the comparison shows nothing")
	}
}

func FuzzTitleSide(f *testing.F) {
	lx, err := lexicon.Default()
	if err != nil {
		f.Fatal(err)
	}
	r := New(lx)
	for _, s := range []string{"US Secretary of State Rex Tillerson", "Russian Foreign Minister", "a Kremlin spokesman",
		"White House press secretary", "", "İ US President", "\xff us envoy to the un"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := r.titleSide(s), titleSideBySearch(r, s); got != want {
			t.Fatalf("titleSide(%q) = %q, searching gives %q", s, got, want)
		}
	})
}

// TestASCIISpace checks every byte against the six ASCII spaces of
// unicode.IsSpace.
func TestASCIISpace(t *testing.T) {
	for c := 0; c < 256; c++ {
		want := c < utf8.RuneSelf && unicode.IsSpace(rune(c))
		if got := asciiSpace(byte(c)); got != want {
			t.Errorf("asciiSpace(%#02x) = %v, want %v", c, got, want)
		}
	}
}
