// Package speakers turns the words that name a speaker into a canonical
// speaker: display name, stable id, role and side.
//
// Within an article a surname takes the full name the article gave earlier
// or later ("Lavrov" → "Sergey Lavrov"); a pronoun takes its antecedent as
// found by the extractor; across articles the lexicon's actors give one id
// and name to all their aliases, and anyone else gets a slug of the name, so
// the same person has the same speaker_id run after run.
package speakers

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stance-news/stance/internal/fold"
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/article"
	"github.com/stance-news/stance/pipeline/quotes"
)

// Speaker is a resolved speaker.
type Speaker struct {
	ID          string // stable across articles and runs; "" when unknown
	Name        string // canonical display name; "" when unknown
	Mention     string // the words that name the speaker here
	Role        string
	Affiliation string // side id or ""
	// Kind is the lexicon actor's kind (person, institution, country,
	// group), "source" for an unnamed source ("a senior official"), or ""
	// for a name the lexicon does not know.
	Kind string
}

// Resolver resolves mentions against the lexicon's actors. Immutable.
type Resolver struct {
	actors []lexicon.Actor
	byName map[string]int // lower-cased name or alias → actor index
	// lastNameWords: the last word of every key of byName. Most mentions
	// end in a word that ends no name ("a senior official", "Mr Blair"):
	// then neither the mention nor any of its tails is in byName, and
	// lookup skips those look-ups (a quarter of the stage).
	lastNameWords map[string]bool
	// bySurname: last word of a person's name → actor index, when only one
	// person in the lexicon has it.
	bySurname map[string]int
	titles    []lexicon.Title // longest first
	// sided: the titles with a side, lower-cased once, in the same order.
	sided []sidedTitle
	// sidedByFirst: for each byte, the indexes into sided of the titles
	// that start with it, so that titleSide reads its text once instead of
	// searching it for every title. firstEmptySided is the first empty
	// title's index (every text contains it), or len(sided).
	sidedByFirst    [256][]int
	firstEmptySided int
	// bodies: the names and aliases of institutions and countries with a
	// side, as written ("State Department", "White House", "US"), longest
	// first, without those that are also a city or state ("Washington",
	// "Moscow": "a Washington lawyer" speaks for no government).
	bodies []sidedBody
	// bodyFirst: the bodies by their first word (up to the first space),
	// as indexes into bodies in its order. A body is named in a source
	// only where its first word is one of the source's space-separated
	// words; bodySide looks at those bodies, not at all of them.
	bodyFirst map[string][]int32
	given     lexicon.GivenNames
	// everyMention splits and looks up every mention, repeats too, instead
	// of each once per article (tests compare the two)
	everyMention bool
}

type sidedTitle struct {
	lower []byte
	side  string
}

// sidedBody is an institution's or a country's name; a country names a
// government only before a word for its officials ("US officials", not
// "a US firm").
type sidedBody struct {
	name, side string
	country    bool
}

// New indexes the lexicon's actors.
func New(lx *lexicon.Lexicon) *Resolver {
	r := &Resolver{actors: lx.Actors, byName: map[string]int{}, bySurname: map[string]int{}, given: lx.GivenNames}
	clash := map[string]bool{}
	for i, a := range lx.Actors {
		r.byName[key(a.Name)] = i
		for _, al := range a.Aliases {
			r.byName[key(al)] = i
		}
		if a.Kind == "person" {
			f := strings.Fields(key(a.Name))
			if len(f) > 1 {
				s := f[len(f)-1]
				if _, dup := r.bySurname[s]; dup {
					clash[s] = true
				}
				r.bySurname[s] = i
			}
		}
	}
	for s := range clash {
		delete(r.bySurname, s)
	}
	r.lastNameWords = map[string]bool{}
	for k := range r.byName {
		r.lastNameWords[k[strings.LastIndexByte(k, ' ')+1:]] = true
	}
	r.titles = append(r.titles, lx.Titles...)
	for i := 1; i < len(r.titles); i++ { // insertion sort: longest title first
		for j := i; j > 0 && len(r.titles[j].Title) > len(r.titles[j-1].Title); j-- {
			r.titles[j], r.titles[j-1] = r.titles[j-1], r.titles[j]
		}
	}
	for _, t := range r.titles {
		if t.Side != "" {
			r.sided = append(r.sided, sidedTitle{[]byte(strings.ToLower(t.Title)), t.Side})
		}
	}
	r.firstEmptySided = len(r.sided)
	for i, t := range r.sided {
		if len(t.lower) == 0 {
			r.firstEmptySided = min(r.firstEmptySided, i)
			continue
		}
		r.sidedByFirst[t.lower[0]] = append(r.sidedByFirst[t.lower[0]], i)
	}
	for _, a := range lx.Actors {
		if a.Side == "" || a.Kind != "institution" && a.Kind != "country" {
			continue
		}
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			n = strings.TrimPrefix(n, "the ")
			if k := lx.Places[strings.ToLower(n)]; k == "city" || k == "state" {
				continue
			}
			r.bodies = append(r.bodies, sidedBody{n, a.Side, a.Kind == "country"})
		}
	}
	slices.SortStableFunc(r.bodies, func(a, b sidedBody) int { return len(b.name) - len(a.name) })
	r.bodyFirst = map[string][]int32{}
	for i, b := range r.bodies {
		first, _, _ := strings.Cut(b.name, " ")
		r.bodyFirst[first] = append(r.bodyFirst[first], int32(i))
	}
	return r
}

// key normalises a name for lookup: lower case, curly apostrophes straight,
// a leading "the" dropped, spaces collapsed.
func key(s string) string {
	if k, ok := asciiKey(s); ok {
		return k
	}
	return slowKey(s)
}

func slowKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "’", "'")
	s = strings.TrimPrefix(s, "the ")
	return strings.Join(strings.Fields(s), " ")
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "i": true, "we": true, "you": true}

// isPronoun is inLower(pronouns, m), without lower-casing and hashing the
// long mentions that most are. strings.ToLower maps rune to rune, so a
// pronoun of n ASCII letters comes only from n runes, 4n bytes at most.
func isPronoun(m string) bool {
	return len(m) <= 4*len("they") && inLower(pronouns, m)
}

// Resolve returns one Speaker per quote, in the same order.
func (r *Resolver) Resolve(a *article.Article, qs []quotes.Quote) []Speaker {
	out := make([]Speaker, len(qs))
	memo := splitsPool.Get().(*splits)
	defer memo.release()
	// full names the article uses, by surname, for "Lavrov" → "Sergey Lavrov"
	var full map[string]string
	// every mention's name without its title, which namesInText reads again
	var namesBuf [32]string
	names := namesBuf[:0]
	// a mention met before adds nothing to names or full: it is split once
	var seenBuf [32]string
	seen := seenBuf[:0]
	// full names of speakers with the title before them, in article order
	var spokenTitles [][2]string
	var seenApsBuf [16][2]string
	seenAps := seenApsBuf[:0] // speakers and descriptions read for spokenTitles
	for _, q := range qs {
		for _, m := range [2]string{q.Speaker.Text, q.Antecedent.Text} {
			if !r.everyMention && slices.Contains(seen, m) {
				continue
			}
			seen = append(seen, m)
			name, title := memo.splitName(r, m)
			names = append(names, name)
			if strings.Count(name, " ") >= 1 && isName(name) {
				if full == nil {
					full = map[string]string{}
				}
				s := lastWord(name)
				if prev, ok := full[s]; !ok || len(name) > len(prev) {
					full[s] = name
				}
				if t := spokenTitle(title); t != "" && !courtesy(t) && !articleOnly(t) {
					spokenTitles = append(spokenTitles, [2]string{withoutPatronymic(name), t})
				}
			}
		}
		// and the description set off beside a full name: "Germany's
		// foreign minister, Anna Lindqvist, called …" then "Lindqvist told"
		if q.Appositive == "" || !r.everyMention && slices.Contains(seenAps, [2]string{q.Speaker.Text, q.Appositive}) {
			continue // (an article repeats its speakers and their descriptions)
		}
		seenAps = append(seenAps, [2]string{q.Speaker.Text, q.Appositive})
		if ap := withoutAge(q.Appositive); describesPerson(ap) && headsOffice(ap) {
			if name, _ := memo.splitName(r, q.Speaker.Text); strings.Count(name, " ") >= 1 && isName(name) {
				spokenTitles = append(spokenTitles, [2]string{withoutPatronymic(name), withoutArticle(ap)})
			}
		}
	}
	var titles map[string]string
	full, titles = r.namesInText(memo, a.Text, names, full)
	// An article names the same speakers again and again ("Lavrov said",
	// "he" standing for Lavrov), and a lookup depends only on the mention,
	// the date and full: each mention is looked up once.
	var lookedBuf [16]lookedUp
	looked := lookedBuf[:0]
	for i, q := range qs {
		m := strings.TrimSpace(q.Speaker.Text)
		if m == "" {
			continue
		}
		target := m
		if isPronoun(m) {
			target = strings.TrimSpace(q.Antecedent.Text)
			if target == "" {
				out[i] = Speaker{Mention: m}
				continue
			}
		}
		var sp Speaker
		if k := slices.IndexFunc(looked, func(l lookedUp) bool { return l.target == target }); k >= 0 && !r.everyMention {
			sp = looked[k].sp
		} else {
			sp = r.lookup(memo, target, a.Published, full)
			looked = append(looked, lookedUp{target, sp})
		}
		sp.Role = cleanRole(sp.Role)
		if t := titles[lastWord(sp.Name)]; sp.Role == "" && t != "" && sp.Kind == "" {
			// the title the article gave the full name ("US Secretary of
			// State Laura Whitfield … Whitfield said")
			sp.Role = possessor(t)
			if sp.Affiliation == "" {
				sp.Affiliation = r.titleSide(t)
			}
		}
		if ap := withoutAge(q.Appositive); sp.Role == "" && ap != "" && describesPerson(ap) {
			sp.Role = withoutArticle(ap)
			if sp.Affiliation == "" {
				sp.Affiliation = r.titleSide(q.Appositive)
			}
		}
		if sp.Role == "" && sp.Kind == "" {
			// the title a speaker's full mention gave ("Kremlin spokesman
			// Dmitry Volkov told reporters …") is the role of the later
			// mentions that name the same person ("“…,” Volkov said"), when
			// their own sentence gives none
			for _, nt := range spokenTitles {
				if nt[0] == sp.Name {
					sp.Role = possessor(nt[1])
					if sp.Affiliation == "" {
						sp.Affiliation = r.titleSide(nt[1])
					}
					break
				}
			}
		}
		sp.Mention = m
		out[i] = sp
	}
	r.describedSpeakers(qs, out)
	for i := range out {
		out[i].Role = cleanRole(out[i].Role) // titles and appositives too
	}
	return out
}

// cleanRole drops what opened the sentence before a title ("And Chancellor",
// "On Tuesday Labour chairman", "In November the"): a connective, a phrase
// of time, a trailing "the"; a courtesy title alone is no role ("However
// Mr" → "").
func cleanRole(role string) string {
	if role == "" {
		return "" // (most speakers have no role)
	}
	for role != "" {
		w, rest, _ := strings.Cut(role, " ")
		switch {
		case inLower(sentenceOpeners, w):
			role = rest
			continue
		case inLower(timeOpeners, w):
			if n, after, _ := strings.Cut(rest, " "); inLower(timeWords, n) {
				role = after
				continue
			}
			if after, ok := strings.CutPrefix(rest, "the time "); ok {
				role = after
				continue
			}
			if after, ok := strings.CutPrefix(rest, "a statement "); ok {
				role = after
				continue
			}
		}
		break
	}
	if role == "the" || role == "The" {
		return ""
	}
	role = strings.TrimSuffix(role, " the")
	// "A spokesman for [the Home Office]", "the report by [the FCC]": the
	// body is the speaker, the person or text its role
	for _, p := range [...]string{" for", " of", " by", " in", " from", " at", " with"} {
		if r, ok := strings.CutSuffix(role, p); ok && strings.Contains(r, " ") {
			role = withoutArticle(r)
			break
		}
	}
	if courtesy(role) {
		return ""
	}
	return role
}

// timeOpeners open a phrase of time before a sentence's subject, timeWords
// follow them: "On Tuesday", "Last month", "In November".
var timeOpeners = map[string]bool{"on": true, "in": true, "at": true, "last": true, "earlier": true, "later": true, "this": true}

var timeWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "week": true, "month": true, "year": true, "night": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true, "today": true,
	"yesterday": true, "weekend": true, "morning": true, "evening": true, "afternoon": true}

// describedSpeakers gives a definite description of a person ("the prime
// minister said", "the foreign minister") the speaker the article names with
// that title ("Prime Minister Tony Blair", "Sergey Lavrov", Foreign
// Minister of Russia), when exactly one speaker of the article holds it.
// News writing names a person once and then refers back by office.
func (r *Resolver) describedSpeakers(qs []quotes.Quote, out []Speaker) {
	for i := range out {
		if out[i].Kind != "source" {
			continue
		}
		target := qs[i].Speaker.Text
		if isPronoun(target) {
			target = qs[i].Antecedent.Text
		}
		desc, ok := definiteOffice(target)
		if !ok {
			if body, ok := definiteBody(target); ok {
				r.describedBody(i, body, out)
			} else if head, ok := definiteSource(target); ok {
				describedSource(i, head, out)
			}
			continue
		}
		found := -1
		for j := range out {
			o := &out[j]
			if o.Name == "" || o.Role == "" || o.Kind == "source" || o.Kind == "institution" || o.Kind == "country" || o.Kind == "group" {
				continue
			}
			if !holdsOffice(strings.ToLower(o.Role), desc) {
				continue
			}
			if found >= 0 && out[found].Name != o.Name {
				found = -2 // two people hold it: leave the description
				break
			}
			found = j
		}
		if found >= 0 {
			mention := out[i].Mention
			out[i] = out[found]
			out[i].Mention = mention
		}
	}
}

// bodyName: a person's name the title words cut ("Stephen King"), or
// capitalised words with the joiners of a body's name between
// them ("The Ministry of Commerce", "Department of Trade and Industry"),
// not a description ("A senior official", "The Veritas leader").
func (r *Resolver) bodyName(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "The "), "the ") // "the Associated Press"
	n, last := 0, ""
	person, body, office := false, false, false
	for w := range strings.FieldsSeq(s) { // (Fields would allocate the list)
		if n == 0 && !upperWord(w) || !upperWord(w) && w != "of" && w != "the" && w != "and" && w != "for" && w != "&" {
			return false
		}
		if n == 0 {
			// "Stephen King", "Ms King": a person, whose surname may be an office
			_, person = lowerGet(r.given, w)
			person = person || courtesy(w)
		}
		body = body || inLower(bodyHeads, w)
		office = office || postNominals[w] || inLower(offices, w) || strings.EqualFold(w, "justice")
		n, last = n+1, w
	}
	// a person's office, not a body's ("the Salford MP", "the Lord Chief
	// Justice"; but "the Department of Justice")
	return n >= 2 && upperWord(last) && (person || body || !office)
}

// describedBody gives out[i], a definite description of a body ("the
// ministry said"), the nearest body speaker before it whose name has that
// head noun capitalised ("the Russian Foreign Ministry", "the Ministry of
// Commerce"): news writing names a body once, then refers back to it.
func (r *Resolver) describedBody(i int, head string, out []Speaker) {
	for j := i - 1; j >= 0; j-- { // statements come in text order
		o := &out[j]
		if o.Name == "" || o.Kind == "person" || o.Kind == "country" || o.Kind == "group" {
			continue
		}
		if slices.ContainsFunc(strings.Fields(o.Name), func(w string) bool { return strings.EqualFold(w, head) && upperWord(w) }) {
			mention := out[i].Mention
			out[i] = *o
			out[i].Mention = mention
			return
		}
	}
}

// describedSource gives out[i], "the official" or "the diplomat", the
// nearest unnamed source before it described with that noun ("a senior
// State Department official"): news writing describes an anonymous source
// once, then refers back to it with the noun alone.
func describedSource(i int, head string, out []Speaker) {
	for j := i - 1; j >= 0; j-- {
		o := &out[j]
		if o.Kind != "source" || o.Name == "" {
			continue
		}
		if strings.EqualFold(lastWord(o.Name), head) && strings.Contains(o.Name, " ") {
			mention := out[i].Mention
			out[i] = *o
			out[i].Mention = mention
		}
		return // only the nearest source: another one in between is someone else
	}
}

// definiteSource: "the official" → "official"; "the" and one noun for an
// anonymous source.
func definiteSource(m string) (string, bool) {
	rest, ok := afterThe(m)
	return rest, ok && sourceNouns[rest]
}

// afterThe is m after a leading "the" or "The".
func afterThe(m string) (string, bool) {
	if rest, ok := strings.CutPrefix(m, "the "); ok {
		return rest, true
	}
	return strings.CutPrefix(m, "The ")
}

var sourceNouns = map[string]bool{"official": true, "diplomat": true, "source": true, "aide": true,
	"officer": true, "negotiator": true, "adviser": true, "advisor": true, "analyst": true, "lawmaker": true}

// definiteBody: "the ministry" → "ministry"; "the" and a body's head noun
// the names of bodies carry (not "the company": few names say "Company").
func definiteBody(m string) (string, bool) {
	rest, ok := afterThe(m)
	return rest, ok && namedBodyHeads[rest]
}

var namedBodyHeads = map[string]bool{"ministry": true, "department": true, "commission": true, "council": true,
	"agency": true, "committee": true, "court": true, "bank": true, "office": true, "embassy": true,
	"parliament": true, "senate": true, "assembly": true, "foundation": true, "institute": true, "union": true}

// definiteOffice: "the prime minister" → "prime minister"; only "the" and
// lower-case words, at most four.
func definiteOffice(m string) (string, bool) {
	rest, ok := afterThe(m)
	if !ok || rest == "" || strings.Count(rest, " ") > 3 || !offices[lastWord(rest)] {
		return "", false
	}
	for i := 0; i < len(rest); i++ {
		if c := rest[i]; !(c >= 'a' && c <= 'z' || c == ' ' || c == '-') {
			return "", false
		}
	}
	return rest, true
}

// holdsOffice: the lower-cased role is the office desc names ("prime
// minister"; "us secretary of state" for "secretary of state"; "foreign
// minister of russia" for "foreign minister").
// A deputy or shadow of the office does not hold it: "shadow home
// secretary" is not "the home secretary", nor "Deputy Mayor" "the mayor".
func holdsOffice(role, desc string) bool {
	if role == desc || strings.HasPrefix(role, desc+" of ") {
		return true
	}
	before, ok := strings.CutSuffix(role, " "+desc)
	return ok && !notTheOffice[lastWord(before)]
}

var notTheOffice = map[string]bool{"shadow": true, "deputy": true, "vice": true, "former": true, "ex": true,
	"acting": true, "assistant": true, "under": true, "junior": true, "associate": true, "interim": true}

// offices head the descriptions describedSpeakers reads: a person's office,
// not a body ("the company", "the bank") nor a bare role ("the winner").
var offices = map[string]bool{"president": true, "minister": true, "secretary": true, "chancellor": true,
	"mayor": true, "judge": true, "governor": true, "senator": true, "ambassador": true, "envoy": true,
	"premier": true, "leader": true, "chairman": true, "chairwoman": true, "commissioner": true,
	"spokesman": true, "spokeswoman": true, "prosecutor": true, "king": true, "queen": true, "pope": true}

// splits holds splitName's answers for one article. The speakers' mentions
// are split to gather the article's names and again when each is looked up
// ("Mr Blair" both times), and a name in the text is read again at each
// mention of its surname.
type splits struct{ list []splitAnswer }

type splitAnswer struct{ m, name, title string }

// splitsPool keeps the lists between articles.
var splitsPool = sync.Pool{New: func() any { return new(splits) }}

// splitName is r.splitName(m), split once per article (every time with
// everyMention).
func (s *splits) splitName(r *Resolver, m string) (name, title string) {
	if r.everyMention {
		return r.splitName(m)
	}
	for i := range s.list {
		if s.list[i].m == m {
			return s.list[i].name, s.list[i].title
		}
	}
	name, title = r.splitName(m)
	s.list = append(s.list, splitAnswer{m, name, title})
	return name, title
}

// release empties the list (it holds the article's text) for the next
// article.
func (s *splits) release() {
	clear(s.list)
	s.list = s.list[:0]
	splitsPool.Put(s)
}

type lookedUp struct {
	target string
	sp     Speaker
}

// namesInText completes full with the names of people the article names
// only outside attributions: news writing gives a person's full name at the
// first mention, often in a sentence that reports no speech ("Port director
// Anders Lund and union organiser Petra Halvorsen met on Monday"), and the
// surname after that ("Lund said"). For each surname a speaker is named by
// alone, the text is searched for capitalised words before it that start
// with a known given name or follow a title ("director", "Sen."). A surname
// the article gives two different people (Bill and Hillary Clinton) is left
// alone.
//
// names are the speakers' and antecedents' names without their titles.
func (r *Resolver) namesInText(memo *splits, text string, names []string, full map[string]string) (map[string]string, map[string]string) {
	var need []string
	for _, name := range names {
		if name == "" || strings.Contains(name, " ") || !isName(name) || len(name) < 2 {
			continue
		}
		if _, ok := full[name]; ok || isPronoun(name) {
			continue
		}
		if _, ok := index(r.byName, name); ok {
			continue // a lexicon actor or alias: "Moscow", "Trump"
		}
		dup := false
		for _, n := range need {
			dup = dup || n == name
		}
		if !dup {
			need = append(need, name)
		}
	}
	var titles map[string]string
	for _, sur := range need {
		found, title, other := "", "", ""
		for off := 0; off < len(text); {
			k := strings.Index(text[off:], sur)
			if k < 0 {
				break
			}
			k += off
			off = k + len(sur)
			if k < 2 || text[k-1] != ' ' || off < len(text) && isNameByte(text[off]) {
				continue
			}
			name, t, ok := r.nameBefore(memo, text, k, sur)
			if !ok {
				if name, ok = r.nameAfter(text, k, sur); ok {
					t = titleRunBefore(text, k)
				}
			}
			if !ok {
				if g := otherGiven(text, k); g != "" && other == "" {
					other = g
				}
				continue
			}
			if found != "" && found != name {
				found = ""
				break // two people of that surname
			}
			found = name
			if title == "" {
				title = t
			}
		}
		// "Bernie Sanders" beside "Jane Sanders": a given name the list
		// lacks still shows a second person of that surname
		if other != "" && found != "" && !strings.HasPrefix(found, other+" ") {
			found = ""
		}
		if found != "" {
			if full == nil {
				full = map[string]string{}
			}
			full[sur] = found
			if title != "" && !courtesy(title) {
				if titles == nil {
					titles = map[string]string{}
				}
				titles[sur] = title
				// (a family name written first: the resolved name ends in
				// the given name, "Lin Xiaoyan")
				titles[lastWord(found)] = title
			}
		}
	}
	return full, titles
}

// nameBefore reads the capitalised words before the surname at text[k:] (up
// to three, on one line) and returns "Given ... Surname" when the first is
// a known given name or a title comes before the name.
func (r *Resolver) nameBefore(memo *splits, text string, k int, sur string) (string, string, bool) {
	start := k
	words := 0
	for words < 7 {
		i, ok := wordBefore(text, start)
		if !ok {
			break
		}
		w := text[i : start-1]
		c, _ := utf8.DecodeRuneInString(w)
		if breaksName(w) || endsSentence(w) {
			break
		}
		// "Secretary of State": "of" joins a title's capitalised words
		if !unicode.IsUpper(c) && !(w == "of" && words > 0 && i > 1 && text[i-1] == ' ' && startsUpperBefore(text, i-1)) {
			break
		}
		start = i
		words++
	}
	if words == 0 {
		return "", "", false
	}
	name, title := memo.splitName(r, text[start:k+len(sur)])
	if !strings.Contains(name, " ") || !isName(name) {
		return "", "", false
	}
	// a word that only opens the sentence is no part of the title: "So Labor
	// Secretary Thomas Perez …" is Labor Secretary
	if w, rest, ok := strings.Cut(title, " "); ok && sentenceOpeners[strings.ToLower(w)] {
		title = rest
	}
	if strings.Count(name, " ") > 2 {
		// four capitalised words or more are a headline's title case ("Poll:
		// Bernie Sanders Burns Hillary Clinton"): the name is the longest
		// run of two or three words at the end that opens with a given name
		name, title = r.nameAtEnd(name), ""
		if name == "" {
			return "", "", false
		}
	}
	first := strings.ToLower(name[:strings.IndexByte(name, ' ')])
	if title == "" && first == "will" && startsQuestion(text, start, k+len(sur)) {
		return "", "", false // "Will Sanders endorse her?": the auxiliary, not a given name
	}
	if _, ok := r.given[first]; ok || title != "" || r.titleBefore(text, start) || setOffAfterNoun(text, start, k+len(sur)) {
		return name, title, true
	}
	return "", "", false
}

// setOffAfterNoun: the name text[start:end] is set off by commas right
// after a lower-case noun, as a description's apposition: "his Turkish
// counterpart, Kemal Aydin, said". The name is a person's whatever the
// given name, which the name lists may not know.
func setOffAfterNoun(text string, start, end int) bool {
	if start < 3 || end >= len(text) || text[end] != ',' || text[start-2:start] != ", " {
		return false
	}
	c := text[start-3]
	return c >= 'a' && c <= 'z'
}

// nameAfter reads a name written family name first, as Chinese and Korean
// names are ("Foreign Ministry spokeswoman Lin Xiaoyan", "Foreign Minister
// Zhou Weiming"), for the lone family name at text[k:]: a title word right
// before it and one capitalised word after it that is no known given name,
// title, day or month, the name ending there. It returns the full name.
func (r *Resolver) nameAfter(text string, k int, sur string) (string, bool) {
	// (a head of a title, not a word that qualifies one: "the former
	// Soviet Republic" names no one)
	if !r.titleBefore(text, k) || titleModifiers[strings.ToLower(lastWord(strings.TrimRight(text[:k], " ")))] {
		return "", false
	}
	i := k + len(sur)
	if i+1 >= len(text) || text[i] != ' ' {
		return "", false
	}
	j := i + 1
	for j < len(text) && (isNameByte(text[j]) || text[j] >= utf8.RuneSelf) {
		j++
	}
	w := text[i+1 : j]
	if len(w) < 2 || !upperWord(w) || isTitleWord(w) || isAcronym(w) || monthOrDay(w) {
		return "", false
	}
	if _, known := lowerGet(r.given, w); known {
		return "", false // "Secretary Kerry John …": another name's given name
	}
	// the name ends after that word: punctuation or a lower-case word
	if j+1 < len(text) && text[j] == ' ' && (upperWord(text[j+1:]) || text[j+1] >= utf8.RuneSelf) {
		return "", false
	}
	return text[k:j], true
}

// titleModifiers are title words that qualify the office after them and
// never head a title of their own.
var titleModifiers = map[string]bool{"former": true, "vice": true, "deputy": true, "foreign": true, "defense": true, "state": true,
	"press": true, "house": true, "senate": true, "majority": true, "minority": true, "white": true, "democratic": true,
	"republican": true, "gop": true, "u.s.": true, "us": true, "russian": true, "american": true, "prime": true, "campaign": true}

// wordBefore is where the word ends at text[:k-1] starts, when a single
// space stands before text[k:] and the word is on the same line: the word
// is text[i:k-1].
func wordBefore(text string, k int) (i int, ok bool) {
	j := k - 1 // the space before
	if j < 1 || text[j] != ' ' {
		return 0, false
	}
	i = j
	for i > 0 && text[i-1] != ' ' && text[i-1] != '\n' {
		i--
	}
	return i, i < j
}

// titleRunBefore: the title right before text[k:], its words capitalised
// or title words ("Chinese Foreign Minister", "Foreign Ministry
// spokeswoman"), without a sentence opener; "" if none.
func titleRunBefore(text string, k int) string {
	start := k
	for words := 0; words < 6; words++ {
		i, ok := wordBefore(text, start)
		if !ok {
			break
		}
		if w := text[i : start-1]; breaksName(w) || endsSentence(w) || !upperWord(w) && !isTitleWord(w) {
			break
		}
		start = i
	}
	title := strings.TrimSpace(text[start:k])
	if w, rest, ok := strings.Cut(title, " "); ok && sentenceOpeners[strings.ToLower(w)] {
		title = rest
	}
	return title
}

// monthOrDay: a capitalised word naming a month or a day of the week.
func monthOrDay(w string) bool {
	switch w {
	case "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday":
		return true
	}
	return false
}

// headsOffice: the description's head, its last word before a preposition,
// names an office or occupation ("Germany's foreign minister", "researcher
// at a Vienna think tank"), so it can stand as a role wherever the person is
// named again; not "third" or a clause read as a description.
func headsOffice(ap string) bool {
	head := ""
	for w := range strings.FieldsSeq(ap) {
		switch strings.ToLower(w) {
		case "of", "at", "for", "to", "in", "with", "on", "from", "who", "whose", "and":
			return officeWord(head)
		}
		head = w
	}
	return officeWord(head)
}

func officeWord(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, ",.;"))
	if titleWords[w] || occupations[w] {
		return true
	}
	for _, suf := range [...]string{"er", "or", "ist", "man", "woman", "ent", "ant", "ian", "ee"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// withoutArticle: a role without the article opening its description,
// also capitalised where the description opens the sentence ("A spokesman
// for the European Commission, Pieter de Groot, said").
func withoutArticle(ap string) string {
	for _, a := range [...]string{"the ", "a ", "an ", "The ", "A ", "An "} {
		if r, ok := strings.CutPrefix(ap, a); ok {
			return strings.TrimSpace(r)
		}
	}
	return strings.TrimSpace(ap)
}

// spokenTitle: the title of a speaker's full mention as the role of the
// surname's later mentions, without a sentence opener ("And Sen."); "" for
// a title cut off inside a phrase ("A representative for the Ivanka Trump
// brand") or one that names another person ("Mr. Rubio and Senator").
func spokenTitle(title string) string {
	if w, rest, ok := strings.Cut(title, " "); ok && sentenceOpeners[strings.ToLower(w)] {
		title = rest
	}
	last := strings.ToLower(lastWord(title))
	if forSomeone(title) || determiners[last] || last == "and" || last == "or" || last == "by" {
		return ""
	}
	for rest := title; ; {
		_, after, ok := strings.Cut(rest, " and ")
		if !ok {
			return title
		}
		if upperWord(after) {
			return "" // "Mr. Rubio and Senator Ted Cruz": two people
		}
		rest = after
	}
}

// sentenceOpeners link a sentence to the one before; capitalised only where
// they open it, they are no part of a title after them.
var sentenceOpeners = map[string]bool{"so": true, "and": true, "but": true, "then": true, "now": true, "meanwhile": true,
	"also": true, "yet": true, "still": true, "even": true, "when": true, "while": true, "if": true, "as": true, "after": true,
	"before": true, "since": true, "because": true, "though": true, "although": true, "or": true, "however": true}

// textReleasedBy: in a mention naming a text and who put it out ("A readout
// of the call released by the White House"), the words after "by"; else "".
func textReleasedBy(m string) string {
	for _, p := range [...]string{" released by ", " issued by ", " published by ", " posted by ", " distributed by ", " circulated by ", " provided by ",
		" filed by ", " signed by ", " written by ", " sent by ", " submitted by "} {
		i := strings.Index(m, p)
		if i < 0 {
			continue
		}
		for w := range strings.FieldsSeq(m[:i]) {
			if textNouns[strings.ToLower(w)] || strings.EqualFold(w, "readout") || strings.EqualFold(w, "communique") {
				return strings.TrimSpace(m[i+len(p):])
			}
		}
	}
	return ""
}

// textAuthor: in a mention that is a text and, before it, the capitalised
// name of who put it out ("the IMF report", "A Justice Department memo",
// "the Pentagon's statement", "Hoff's letter"), that name; else "". A
// lone word must be an acronym or a possessive: "the Iraq report" is
// about Iraq, "a Tuesday statement" is dated.
func textAuthor(m string) string {
	if !inLower(authoredTextNouns, finalWord(m)) {
		return "" // (most mentions: no list of their words)
	}
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
		return "" // "the Iraq report" is about Iraq
	}
	return strings.Join(name, " ")
}

// authoredTextNouns are texts a body puts out in its own name.
var authoredTextNouns = map[string]bool{"report": true, "statement": true, "study": true, "memo": true, "letter": true,
	"document": true, "analysis": true, "review": true, "survey": true, "readout": true, "transcript": true, "communique": true,
	"assessment": true, "filing": true, "release": true}

// withoutParticiple: a text described by a participle whose agent the
// mention lost ("a court document filed [by …]", "a report published",
// "the average of recent polls compiled") is named by the text alone.
// ("those surveyed", "some delegates attending" are people: kept.)
func withoutParticiple(src string) string {
	i := strings.LastIndexByte(src, ' ')
	if i < 0 || !strings.HasSuffix(src, "ed") {
		return src
	}
	head := src[:i]
	if j := strings.LastIndexByte(head, ' '); j >= 0 {
		head = head[j+1:]
	}
	if !textNouns[strings.ToLower(head)] {
		return src
	}
	return src[:i]
}

var textNouns = map[string]bool{"report": true, "reports": true, "document": true, "documents": true, "study": true,
	"survey": true, "poll": true, "polls": true, "analysis": true, "statement": true, "letter": true, "memo": true,
	"complaint": true, "filing": true, "figures": true, "data": true, "results": true, "estimates": true,
	"order": true, "ad": true, "advert": true, "copy": true, "disclosures": true, "round-up": true, "paper": true,
	"review": true, "records": true, "email": true, "emails": true, "video": true, "transcript": true}

// withoutAge drops an age opening an appositive: "52, a teacher from the
// north village" is a teacher from the north village.
func withoutAge(ap string) string {
	age, rest, ok := strings.Cut(ap, ", ")
	if !ok || age == "" || strings.Trim(age, "0123456789") != "" {
		return ap
	}
	return rest
}

// describesPerson: an appositive that can stand as a role ("the UN envoy",
// "chairman of the board", "for the Liberal Democrats"), not a clause or
// narration set off beside the name: "who is running for reelection",
// "whose campaign plans a march", "in a brief interview on Saturday",
// "leading narrowly in Iowa polls", "Cruz said".
func describesPerson(ap string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(ap), " ")
	if first == "" || first[0] >= '0' && first[0] <= '9' {
		return false // "Tom Sandvik, 45,": an age
	}
	// (split into words only when it may open with "for": appositives are
	// long, and few do)
	if strings.HasPrefix(first, "for") && forOnePart(ap) {
		return false // "Halvorsen, for her part, said"
	}
	if inLower(narrationOpeners, first) || len(first) > 4 && strings.HasSuffix(first, "ing") && !inLower(titleParticiples, first) {
		return false
	}
	for w := range strings.FieldsSeq(ap) {
		if sayingVerbs[strings.TrimRight(w, ",.")] {
			return false // lower case: "spokesman for North East Says No" is a name
		}
	}
	return true
}

// forOnePart: ap is "for" and two words, the second "part" ("for her part").
func forOnePart(ap string) bool {
	var buf [8][2]int
	f := fieldSpans(ap, buf[:0])
	return len(f) == 3 && ap[f[0][0]:f[0][1]] == "for" && ap[f[2][0]:f[2][1]] == "part"
}

var (
	narrationOpeners = map[string]bool{"who": true, "whom": true, "whose": true, "which": true, "that": true,
		"when": true, "where": true, "while": true, "as": true, "after": true, "before": true, "during": true,
		"in": true, "on": true, "of": true, "from": true, "later": true, "then": true, "again": true, "also": true, "once": true,
		"shortly": true, "just": true, "soon": true, "moments": true, "minutes": true, "hours": true, "days": true,
		// sentence adverbs set off by commas: "Analysts, however, said"
		"however": true, "meanwhile": true, "though": true, "too": true, "instead": true, "therefore": true,
		"nevertheless": true, "nonetheless": true, "moreover": true, "furthermore": true, "indeed": true,
		"likewise": true, "similarly": true, "meantime": true, "too,": true}
	// "managing director", "leading plaintiff": a participle that opens a title
	titleParticiples = map[string]bool{"managing": true, "leading": true, "acting": true, "presiding": true,
		"ranking": true, "founding": true, "visiting": true, "outgoing": true, "incoming": true, "reigning": true,
		"sitting": true, "consulting": true, "marketing": true, "supervising": true, "operating": true,
		"publishing": true, "commanding": true, "governing": true, "polling": true, "reporting": true}
	sayingVerbs = map[string]bool{"said": true, "says": true, "told": true, "tells": true, "added": true, "adds": true,
		"wrote": true, "writes": true, "asked": true, "asks": true}
)

// endsSentence: w closes the sentence before a name ("… Elena Dementieva.
// But Dechy …"), unlike a title's or an initial's period ("Sen.", "J.",
// "U.S.").
func endsSentence(w string) bool {
	if strings.HasSuffix(w, "?") || strings.HasSuffix(w, "!") {
		return true
	}
	body, ok := strings.CutSuffix(w, ".")
	return ok && len(body) > 1 && !strings.Contains(body, ".") && !isTitleWord(w) && !isTitleWord(body)
}

// nameAtEnd is the last three or two words of name when they open with a
// given name of one sex, or "". (Names of no sex are often surnames too:
// "Hillary Clinton Says EgyptAir …" is not "Clinton Says EgyptAir".)
func (r *Resolver) nameAtEnd(name string) string {
	for n := 3; n >= 2; n-- {
		i := len(name)
		for range n {
			i = strings.LastIndexByte(name[:i], ' ')
		}
		tail := name[i+1:]
		first, rest, _ := strings.Cut(tail, " ")
		if g, ok := r.given[strings.ToLower(first)]; !ok || g == lexicon.Unknown {
			continue
		}
		// of three words, the middle one a given name or an initial
		// ("Jean Pierre Meersseman", "Richard J. Durbin"), not "Clinton
		// Says EgyptAir"
		if middle, _, _ := strings.Cut(rest, " "); n == 3 && !(len(middle) == 2 && middle[1] == '.') {
			if _, ok := r.given[strings.ToLower(middle)]; !ok {
				continue
			}
		}
		return tail
	}
	return ""
}

// startsQuestion: text[start:] opens a sentence that ends in a question
// mark (the first end of a sentence after end is '?').
func startsQuestion(text string, start, end int) bool {
	if start > 0 && text[start-1] != '\n' && !(start > 1 && text[start-1] == ' ' && strings.IndexByte(".?!", text[start-2]) >= 0) {
		return false
	}
	i := strings.IndexAny(text[end:], ".?!\n")
	return i >= 0 && text[end+i] == '?'
}

// otherGiven is the capitalised word right before the surname at text[k:]
// when it stands inside a sentence ("said Bernie Sanders", "with Bernie
// Sanders"): a given name, whether or not the name list knows it. At a
// sentence's start ("The Sanders campaign") it is not read.
func otherGiven(text string, k int) string {
	j := k - 1
	if j < 1 || text[j] != ' ' {
		return ""
	}
	i := j
	for i > 0 && isNameByte(text[i-1]) {
		i--
	}
	if i == j || i < 2 || text[i-1] != ' ' || !upperWord(text[i:j]) {
		return ""
	}
	// the word before must be lower-case, or end in a comma
	p := i - 1
	for p > 0 && text[p-1] != ' ' && text[p-1] != '\n' {
		p--
	}
	if c, end := text[p], text[i-2]; !(c >= 'a' && c <= 'z') || !(end >= 'a' && end <= 'z' || end == ',') {
		return "" // after a capitalised word, a title's period or a sentence's end
	}
	w := text[i:j]
	if isTitleWord(w) || isTitleWord(strings.TrimSuffix(w, "s")) || isAcronym(w) || w == "Team" {
		return "" // "with Judge Curiel", "Senators Rubio and Cruz", "that Team Clinton"
	}
	return w
}

// startsUpperBefore: the word ending at text[:j] starts with a capital.
func startsUpperBefore(text string, j int) bool {
	i := j
	for i > 0 && text[i-1] != ' ' && text[i-1] != '\n' {
		i--
	}
	c, _ := utf8.DecodeRuneInString(text[i:j])
	return i < j && unicode.IsUpper(c)
}

// titleBefore: the lower-case word before text[start:] is a title word
// ("port director Anders Lund").
func (r *Resolver) titleBefore(text string, start int) bool {
	j := start - 1
	if j < 1 || text[j] != ' ' {
		return false
	}
	i := j
	for i > 0 && text[i-1] != ' ' && text[i-1] != '\n' {
		i--
	}
	return isTitleWord(text[i:j])
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

func (r *Resolver) lookup(memo *splits, mention string, at time.Time, full map[string]string) Speaker {
	mention = cutAfterName(cleanMention(mention))
	last := finalWord(mention)
	named := r.endsName(last) // the mention or one of its tails
	if named {
		if i, ok := index(r.byName, mention); ok {
			return r.fromActor(r.actors[i], at)
		}
	}
	// a name with a title or description before it: "Russian Foreign
	// Minister Sergey Lavrov", "Putin’s spokesman Dmitry Peskov"
	var buf [16][2]int
	spans := fieldSpans(mention, buf[:0])
	name, title := memo.splitName(r, mention)
	// "a critic of the Kremlin" is a described source, not the Kremlin
	var nameBuf [16][2]int
	about := name != "" && talksAbout(mention, spans, len(spans)-len(fieldSpans(name, nameBuf[:0])))
	// (the name is mostly the mention's last words: its last word is then
	// known to end a name or not)
	nameNamed := named
	if nl := finalWord(name); nl != last {
		nameNamed = r.endsName(nl)
	}
	if !about && nameNamed {
		if i, ok := index(r.byName, name); ok {
			return r.fromActor(r.actors[i], at)
		}
	}
	for j := 1; named && j < len(spans); j++ {
		if talksAbout(mention, spans, j) {
			break // nor any shorter tail: "… of Donald Trump" is not "Trump" either
		}
		i, ok := index(r.byName, joinSpans(mention, spans, j, len(spans)))
		if !ok {
			continue
		}
		// "Labour's Paul Flynn" is not the lexicon's Michael Flynn: a lone
		// surname after a given name the actor does not have is someone else
		if j == len(spans)-1 && r.otherGivenName(mention[spans[j-1][0]:spans[j-1][1]], r.actors[i]) {
			continue
		}
		return r.fromActor(r.actors[i], at)
	}
	// "the authors of the “Growth and Opportunity Project”": a quoted
	// title ends a described source; its capitalised words are no name
	titled := strings.HasSuffix(mention, "”") || strings.HasSuffix(mention, `"`)
	if name != "" && isName(name) && !forSomeone(title) && !about && !titled {
		if surnameOnly(name) {
			if f, ok := full[lastWord(name)]; ok && (strings.HasSuffix(f, name) || strings.HasPrefix(f, name+" ")) {
				name = f
				if i, ok := index(r.byName, f); ok {
					return r.fromActor(r.actors[i], at)
				}
			}
		}
		if i, ok := index(r.bySurname, lastWord(name)); ok {
			// only a lexicon person with that surname; a different first name
			// is a different person
			if !strings.Contains(name, " ") {
				return r.fromActor(r.actors[i], at)
			}
		}
		name = withoutPatronymic(name)
		sp := Speaker{ID: Slug(name), Name: name, Kind: ""}
		if title != "" && !courtesy(title) && !articleOnly(title) {
			sp.Role = possessor(title)
			sp.Affiliation = r.titleSide(title)
		}
		return sp
	}
	// "a readout of the call released by the White House", "a transcript
	// published by the ministry": the text speaks for whoever put it out
	if agent := textReleasedBy(mention); agent != "" {
		return r.lookup(memo, agent, at, full)
	}
	// "the IMF report", "a White House statement", "the Pentagon's
	// statement": a text named by the body that put it out speaks for it
	if author := textAuthor(mention); author != "" {
		return r.lookup(memo, author, at, full)
	}
	// an unnamed or described source: "a senior official", "aides"
	src := withoutParticiple(strings.TrimSpace(mention))
	sp := Speaker{ID: Slug(src), Name: src, Kind: "source"}
	if r.bodyName(src) {
		sp.Kind = "" // "The Ministry of Commerce": a name, with its joiners
	}
	sp.Affiliation = r.titleSide(src)
	if sp.Affiliation == "" {
		sp.Affiliation = r.bodySide(src)
	}
	if sp.Affiliation == "" {
		sp.Affiliation = r.possessorBodySide(src)
	}
	return sp
}

// mayBeName: the last word of s ends a name or alias of the lexicon, or s
// has no words; otherwise s is not a key of byName.
func (r *Resolver) mayBeName(s string) bool { return r.endsName(finalWord(s)) }

// endsName: w, the last word of a text, ends a name or alias of the
// lexicon, or is "" (a text without words).
func (r *Resolver) endsName(w string) bool {
	if w == "" {
		return true
	}
	_, ok := index(r.lastNameWords, w)
	return ok
}

// finalWord is the last word of s, "" when s has none.
func finalWord(s string) string {
	var last [1]string
	lastWords(s, last[:])
	return last[0]
}

// bodySide: the side of an institution or country a described source
// speaks for, named before its noun ("a senior State Department official",
// "a White House aide", "US officials"; a mention ending in the body's name,
// "a spokeswoman for the Pentagon", is the body itself, see lookup). Named
// anywhere else it is what the source talks about ("two aides and a State
// Department official"), and a word joined to it is another word ("a
// Moscow-based analyst"). A country
// speaks through its officials only: "US officials", "a US diplomat", not
// "a US firm" or "the US dollar".
func (r *Resolver) bodySide(src string) string {
	// wordIndex finds a body only with a space or the source's end after
	// its first word and a space or the start before it: that word is then
	// one of the source's words between spaces. The bodies whose first
	// word is are tried in their order (longest first), as all were.
	var buf [16]int32
	cands := buf[:0]
	for rest := src; ; {
		w, tail, more := strings.Cut(rest, " ")
		cands = append(cands, r.bodyFirst[w]...)
		if !more {
			break
		}
		rest = tail
	}
	slices.Sort(cands)
	for k, c := range cands {
		if k > 0 && c == cands[k-1] {
			continue // a word the source repeats
		}
		b := r.bodies[c]
		i := wordIndex(src, b.name)
		if i < 0 {
			continue
		}
		before, after := strings.Fields(src[:i]), strings.Fields(src[i+len(b.name):])
		if b.country && (len(after) == 0 || !officialNouns[after[len(after)-1]]) {
			continue
		}
		if len(before) > 0 {
			before[0] = strings.ToLower(before[0]) // "A White House aide" opening a sentence
		}
		if len(after) > 0 && allLower(after, true) && allLower(before, false) {
			return b.side // "a senior State Department official"
		}
	}
	return ""
}

// talksAbout: the actor named from spans[j] on is what the source before it
// is about, not whom it speaks for: "a critic of the Kremlin", "an expert on
// the White House", "the ex-wife of Alan Grayson" (but "a spokesman for the
// Pentagon", "an official of the Kremlin" speak for them, and "Secretary of
// State John Kerry" is a title).
func talksAbout(mention string, spans [][2]int, j int) bool {
	// (the words compared and looked up without lower-cased copies)
	word := func(k int) string { return mention[spans[k][0]:spans[k][1]] }
	k := j - 1
	if k >= 0 && fold.LowerIs(word(k), "the") {
		k--
	}
	if k < 1 || !inLower(aboutWords, word(k)) {
		return false
	}
	// a capitalised head is a title: "Secretary of State John Kerry"
	head := word(k - 1)
	return head[0] >= 'a' && head[0] <= 'z' && !(fold.LowerIs(word(k), "of") && inLower(officialNouns, head))
}

// aboutWords join a source to what it talks about.
var aboutWords = map[string]bool{"of": true, "on": true, "about": true, "against": true, "over": true,
	"toward": true, "towards": true, "into": true}

// officialNouns speak for a government.
var officialNouns = map[string]bool{"official": true, "officials": true, "government": true, "administration": true,
	"diplomat": true, "diplomats": true, "envoy": true, "ambassador": true, "negotiator": true, "negotiators": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "minister": true, "ministry": true,
	"authorities": true, "military": true, "commander": true, "commanders": true}

// allLower: every word lower case and none a preposition, conjunction or
// relative word (the words of a noun phrase before its head or of the head
// itself); nouns also without digits.
func allLower(words []string, nouns bool) bool {
	for _, w := range words {
		if w == "" || w[0] < 'a' || w[0] > 'z' || notInPhrase[w] || nouns && strings.ContainsAny(w, "0123456789") {
			return false
		}
	}
	return true
}

var notInPhrase = map[string]bool{"of": true, "to": true, "for": true, "at": true, "from": true, "with": true, "by": true,
	"in": true, "on": true, "against": true, "about": true, "and": true, "or": true, "who": true, "which": true, "that": true}

// wordIndex is the index of w in s where it stands as whole words: space,
// start or end around it (not "Moscow-based", not "USA").
func wordIndex(s, w string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		j := i + len(w)
		if (i == 0 || s[i-1] == ' ') && (j == len(s) || s[j] == ' ') {
			return i
		}
		off = i + 1
	}
}

// otherGivenName: w, right before a surname the lexicon knows, is a given
// name of the name list that is not among the actor's names ("And Trump",
// "Meanwhile Trump" still name the actor).
func (r *Resolver) otherGivenName(w string, a lexicon.Actor) bool {
	if _, ok := r.given[strings.ToLower(w)]; !ok {
		return false
	}
	for n := range strings.FieldsSeq(a.Name) {
		if n == w {
			return false
		}
	}
	for _, alias := range a.Aliases {
		for n := range strings.FieldsSeq(alias) {
			if n == w {
				return false
			}
		}
	}
	return true
}

// forSomeone: a title that is a described person working for or close to
// the name after it ("a spokesman for Bernie Sanders", "an aide to Hillary
// Clinton", "the lawyer for Trump University"): an unnamed source, not the
// named one. ("Secretary of State John Kerry" opens with no determiner.)
func forSomeone(title string) bool {
	first, rest, ok := strings.Cut(strings.TrimSpace(title), " ")
	if !ok || !inLower(describers, first) {
		return false
	}
	last := rest
	if i := strings.LastIndexByte(rest, ' '); i >= 0 {
		last = rest[i+1:]
	}
	return last == "for" || last == "to" || last == "with" || last == "at"
}

var describers = map[string]bool{"a": true, "an": true, "the": true, "one": true, "another": true, "two": true,
	"three": true, "several": true, "some": true}

// countedPart: words before "of" that count a part of a group.
var countedPart = map[string]bool{"most": true, "many": true, "some": true, "several": true, "all": true, "both": true,
	"few": true, "a few": true, "half": true, "majority": true, "a majority": true, "one": true, "two": true, "three": true,
	"four": true, "five": true, "none": true, "each": true, "dozens": true, "hundreds": true, "thousands": true}

// cutAfterName keeps the name of "Robert Antonacci of the New York
// delegation" or "Jane Roe, a lawyer": the words after a name that are
// joined by a preposition or comma describe the person.
func cutAfterName(m string) string {
	// (not "Fight for $15 organizing director Kendall Fells": a lower-case
	// title word and a full name end the mention, so the name is there)
	var w [3]string
	if lastWords(m, w[:]) && upperWord(w[2]) && upperWord(w[1]) && !upperWord(w[0]) && !nameJoiners[w[0]] {
		return m
	}
	for _, sep := range []string{" of ", " from ", " at ", " for ", " with ", ", "} {
		i := strings.Index(m, sep)
		if i <= 0 {
			continue
		}
		if sep == " of " && countedPart[strings.ToLower(m[:i])] {
			break // "Most of their members", "Two of his aides": a part of a group, no name
		}
		name, _ := splitTitle(m[:i])
		if name != "" && (strings.Contains(name, " ") || !isTitleWord(name)) && strings.HasSuffix(m[:i], name) {
			return m[:i]
		}
	}
	return m
}

// cleanMention drops a possessive, a trailing parenthetical, a reflexive
// ("Cruz himself") and a nickname quoted inside the name (Juan "Chico"
// Manriquez → Juan Manriquez).
func cleanMention(m string) string {
	m = strings.TrimSpace(m)
	if i := indexQuoteMark(m, "“"); i > 0 && m[i-1] == ' ' {
		rest := m[i:]
		_, w := utf8.DecodeRuneInString(rest)
		if j := indexQuoteMark(rest[w:], "”"); j > 0 && j < 30 {
			_, cw := utf8.DecodeRuneInString(rest[w+j:])
			if end := i + w + j + cw; end < len(m) && m[end] == ' ' {
				m = m[:i] + m[end+1:]
			}
		}
	}
	if i := strings.IndexByte(m, '('); i > 0 {
		m = strings.TrimSpace(m[:i])
	}
	m = strings.TrimSuffix(strings.TrimSuffix(m, "’s"), "'s")
	// "Cruz himself said": the reflexive stresses the name, it is no part of it
	for _, r := range []string{" himself", " herself", " themselves"} {
		m = strings.TrimSuffix(m, r)
	}
	return m
}

// indexQuoteMark is strings.IndexAny(s, `"`+curly): the first straight
// double quote or curly mark. IndexAny with a non-ASCII character in its set
// looks every character of s up in the set, the slowest part of speaker
// resolution; two byte searches find the same index (a curly mark's UTF-8
// bytes cannot start inside another character).
func indexQuoteMark(s, curly string) int {
	i := strings.IndexByte(s, '"')
	within := s
	if i >= 0 {
		within = s[:i]
	}
	if j := strings.Index(within, curly); j >= 0 {
		return j
	}
	return i
}

// titleWords head or sit in titles before a name; they never start a name.
var titleWords = map[string]bool{"president": true, "secretary": true, "minister": true, "sen": true, "sen.": true,
	"senator": true, "rep": true, "rep.": true, "representative": true, "gov": true, "gov.": true, "governor": true,
	"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true, "dr": true, "dr.": true,
	"gen": true, "gen.": true, "general": true, "mayor": true, "judge": true, "justice": true, "ambassador": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "chairman": true, "chairwoman": true,
	"leader": true, "director": true, "chief": true, "prime": true, "foreign": true, "defense": true, "state": true,
	"former": true, "vice": true, "deputy": true, "press": true, "house": true, "senate": true, "majority": true,
	"minority": true, "speaker": true, "attorney": true, "lt": true, "lt.": true, "col": true, "col.": true,
	"adm": true, "adm.": true, "sgt": true, "capt": true, "candidate": true, "nominee": true, "gop": true,
	"democratic": true, "republican": true, "u.s.": true, "us": true, "russian": true, "american": true, "white": true,
	"campaign": true, "manager": true, "pollster": true, "adviser": true, "advisor": true, "aide": true, "official": true,
	"host": true, "anchor": true, "correspondent": true, "reporter": true, "analyst": true, "professor": true,
	"ceo": true, "founder": true, "pope": true, "king": true, "queen": true, "prince": true, "sheriff": true,
	"commissioner": true, "councilman": true, "councilwoman": true, "congressman": true, "congresswoman": true,
	"mogul": true, "billionaire": true, "businessman": true, "strategist": true, "consultant": true, "economist": true,
	"chancellor": true, "envoy": true, "counsel": true, "general's": true, "department": true, "ministry": true,
	// hyphenated offices, common in international news: "UN Secretary-General Antonio Guterres"
	"secretary-general": true, "director-general": true, "attorney-general": true, "governor-general": true,
	"solicitor-general": true, "president-elect": true, "vice-president": true, "vice-chairman": true,
	// British and parliamentary titles: "Tory MP Michael Mates", "Labour MEP Claude Moraes"
	"mp": true, "mep": true, "msp": true, "lawmaker": true, "legislator": true,
	"diplomat": true, "negotiator": true,
	"commander": true, "colonel": true}

// occupations stand before a name as a capitalised title at a sentence's
// start ("Lawyer Louise Christian said", "Striker Wayne Rooney said"). They
// are titles only before a known given name: they also open names of
// things ("Fairford Coach Action", "Editor & Publisher").
var occupations = map[string]bool{"lawyer": true, "producer": true, "coach": true, "striker": true,
	"midfielder": true, "defender": true, "goalkeeper": true, "fly-half": true, "winger": true, "captain": true,
	"skipper": true, "boss": true, "singer": true, "actor": true, "actress": true, "author": true, "novelist": true,
	"presenter": true, "broadcaster": true, "journalist": true, "editor": true, "columnist": true,
	"scientist": true, "researcher": true, "campaigner": true, "activist": true}

// postNominals follow a name as its office: "Andrew Tyrie MP".
var postNominals = map[string]bool{"MP": true, "MEP": true, "MSP": true}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "another": true}

// splitTitle splits "US Secretary of State Rex Tillerson" into the name
// "Rex Tillerson" and the title before it. The name is the trailing run of
// capitalised words that are not title words.
// splitName is splitTitle, and a possessive before a given name of the
// name list goes with the title: "Labour's Paul Flynn" and "Norway's Ingrid
// Dahl" are Paul Flynn of Labour and Ingrid Dahl of Norway. (Not "Moody's
// Investors Service" or "the Women's March": no given name follows.)
func (r *Resolver) splitName(m string) (name, title string) {
	name, title = r.splitTitled(m)
	if n, t, ok := bodyOf(name, title); ok {
		return n, t
	}
	before, ok := strings.CutSuffix(title, " and")
	if !ok {
		before, ok = strings.CutSuffix(title, " &")
	}
	if !ok {
		before, ok = strings.CutSuffix(title, " and the") // "Portugal and the Czech Republic"
	}
	if !ok {
		return name, title
	}
	// "The Securities and Exchange Commission", "Nokia and Microsoft",
	// "Princes William and Harry": capitalised words on both sides of
	// "and" are one name, or those named speaking together
	for w := range strings.FieldsSeq(before) {
		if !upperWord(w) && w != "the" && w != "of" && w != "&" {
			return name, "" // "a late Steven Gerrard strike and Benitez": the name, no role
		}
	}
	first, _, _ := strings.Cut(name, " ")
	if _, given := r.given[strings.ToLower(first)]; given && strings.Contains(name, " ") {
		return name, "" // "Jonathan Wolpaw and Dennis McFarlane": the last person named
	}
	return title + " " + name, ""
}

// bodyOf joins a body's name cut at "of" ("the Ministry of Commerce", "The
// US Department of Energy", "Iraq's Ministry of Communications"): the
// capitalised words before "of" end in a body's head noun, so the name is
// theirs with what follows, and the words before them the title.
func bodyOf(name, title string) (string, string, bool) {
	// (the name's space tested first and looked up without a lower-cased
	// copy: most names are of two words)
	if !strings.Contains(name, " ") && inLower(bodyHeads, name) && title != "" && upperWord(lastWord(title)) {
		// "the Nordic Press Agency": a title word ("Press") cut the body's
		// name before its head noun; its capitalised words go with it
		words := strings.Fields(title)
		i := len(words)
		for i > 0 && upperWord(words[i-1]) && !isPossessive(words[i-1]) && words[i-1] != "The" && words[i-1] != "A" {
			i--
		}
		return strings.Join(words[i:], " ") + " " + name, strings.Join(words[:i], " "), true
	}
	head, of := title, " of"
	if h, ok := strings.CutSuffix(title, " of"); ok {
		head = h
	} else if h, ok := strings.CutSuffix(title, " of the"); ok {
		head, of = h, " of the"
	} else {
		return name, title, false
	}
	words := strings.Fields(head)
	if len(words) == 0 || !bodyHeads[strings.ToLower(words[len(words)-1])] || !upperWord(words[len(words)-1]) {
		return name, title, false
	}
	i := len(words) - 1
	for i > 0 && upperWord(words[i-1]) && !isPossessive(words[i-1]) && words[i-1] != "The" && words[i-1] != "A" {
		i--
	}
	body := strings.Join(words[i:], " ") + of + " " + name
	return body, strings.Join(words[:i], " "), true
}

var bodyHeads = map[string]bool{"ministry": true, "department": true, "university": true, "bank": true,
	"office": true, "council": true, "institute": true, "college": true, "commission": true, "house": true,
	"board": true, "agency": true, "bureau": true, "school": true, "academy": true, "court": true,
	"chamber": true, "society": true, "federation": true, "association": true, "union": true, "league": true,
	"church": true, "museum": true, "foundation": true, "fund": true, "centre": true, "center": true,
	"committee": true, "republic": true, "kingdom": true, "institution": true, "organisation": true,
	"organization": true, "confederation": true, "corporation": true}

// splitTitled is splitName before a title ending in "and" is read.
func (r *Resolver) splitTitled(m string) (name, title string) {
	name, title = splitTitle(m)
	name, title = r.officeAfterOf(name, title)
	for {
		w, rest, ok := strings.Cut(name, " ")
		if !ok || !inLower(occupations, w) || !strings.Contains(rest, " ") {
			break
		}
		first, _, _ := strings.Cut(rest, " ")
		if _, given := r.given[strings.ToLower(first)]; !given {
			break
		}
		if title != "" {
			title += " "
		}
		title, name = title+w, rest
	}
	for {
		w, rest, ok := strings.Cut(name, " ")
		if !ok || !isPossessive(w) {
			return name, title
		}
		first, _, ok := strings.Cut(rest, " ")
		if _, given := r.given[strings.ToLower(first)]; !ok || !given {
			return name, title
		}
		if title != "" {
			title += " "
		}
		title, name = title+w, rest
	}
}

// officeAfterOf moves the capitalised words naming an office's domain from
// the name to the title when the title ends in "of": "Chief of Staff Reince
// Priebus", "Secretary of Homeland Security John Kelly", "Mayor of London
// Sadiq Khan". Such a name starts at a known given name after its first
// word, or else is its last two words (three with a middle initial), the
// usual length of a name in news copy. Two words after "of" are left alone:
// they may be the whole name.
func (r *Resolver) officeAfterOf(name, title string) (string, string) {
	// a capitalised office before "of" ("Chief of", "Secretary of"), not a
	// description ("a member of Cherie Blair's Matrix Chambers")
	office, ok := strings.CutSuffix(title, " of")
	if !ok {
		office, ok = strings.CutSuffix(title, " of the") // "Chairman of the Environmental Audit Committee Peter Ainsworth"
	}
	if !ok || !upperWord(lastWord(office)) {
		return name, title
	}
	words := strings.Fields(name)
	if len(words) < 3 || slices.ContainsFunc(words, isPossessive) {
		return name, title
	}
	cut := -1
	for j := 1; j < len(words)-1 && cut < 0; j++ {
		if g, ok := r.given[strings.ToLower(words[j])]; ok && g != lexicon.Unknown {
			cut = j
		}
	}
	if cut < 0 {
		cut = len(words) - 2
		if cut > 1 && isInitial(words[cut]) {
			cut--
		}
	}
	return strings.Join(words[cut:], " "), title + " " + strings.Join(words[:cut], " ")
}

// isInitial: a middle initial such as "F." or "R".
func isInitial(w string) bool {
	return len(w) == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '.'
}

func isPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’")
}

// possessor: a role that ends in a possessive ("Labour's", "the BBC's",
// "Ernst and Young's") is the body the person belongs to ("Labour").
func possessor(role string) string {
	if !isPossessive(role) {
		return role
	}
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if r, ok := strings.CutSuffix(role, suf); ok {
			return strings.TrimPrefix(r, "the ")
		}
	}
	return role
}

func splitTitle(m string) (name, title string) {
	m = cleanMention(m)
	var buf [16][2]int
	sp := fieldSpans(m, buf[:0])
	word := func(i int) string { return m[sp[i][0]:sp[i][1]] }
	n := len(sp)
	if n == 0 {
		return "", ""
	}
	// a post-nominal office goes with the title: "Andrew Tyrie MP" (not a
	// description: "the Salford MP", "A senior Tory MP")
	post := ""
	if first := word(0); n >= 3 && postNominals[word(n-1)] && upperWord(word(n-2)) && !determiners[strings.ToLower(first)] {
		post = word(n - 1)
		n--
	}
	i := n
	for i > 0 {
		w := word(i - 1)
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || isTitleWord(w) {
			break
		}
		i--
	}
	// an article opening the run is no part of the name: "A Clinton supporter"
	for i < n-1 && (word(i) == "A" || word(i) == "An") {
		i++
	}
	// an acronym opening the run belongs to the title: "envoy to the UN Nikki
	// Haley", "Former AG Mukasey"; not initials ("Rep. G.K. Butterfield")
	// nor one that opens a name of two words ("the magazine PC Pro", "UK
	// Coal", "LG Group")
	for i < n-1 && isAcronym(word(i)) && !strings.Contains(word(i), ".") && (i < n-2 || i > 0 && upperWord(word(i-1))) {
		i++
	}
	// a number right before the capitalised words is part of the name: "50
	// Cent", "13 Hours", "The 1975"
	if i > 0 && i < n && isNumber(word(i-1)) {
		i--
	}
	// keep particles and "al-" inside names, and the given names before
	// them: "Bashar al-Assad", "Pieter de Groot", "Ursula von der Leyen"
	for i > 0 && i < n && isParticle(word(i-1)) {
		i--
		for i > 0 && upperWord(word(i-1)) && !isTitleWord(word(i-1)) {
			i--
		}
	}
	// capitalised words after "for" name what the title serves, not a
	// person: "MP for Witney", "the Tory MP for Sleaford and North Hykeham"
	if i == n {
		return "", m
	}
	for j := i - 1; j >= 0; j-- {
		if w := word(j); w == "for" {
			return "", m
		} else if w != "and" && !upperWord(w) {
			break
		}
	}
	name, title = joinSpans(m, sp, i, n), joinSpans(m, sp, 0, i)
	if post != "" {
		title = strings.TrimSpace(title + " " + post)
	}
	return name, title
}

// isNumber: w is digits only ("50", "1975").
func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

func isAcronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) && r != '.' {
			return false
		}
	}
	return true
}

// possessorBodySide: the side of a country or institution whose possessive
// opens the name of one of its government bodies: "Russia's Defence
// Ministry", "China's Foreign Ministry" → the country's side; "" otherwise.
func (r *Resolver) possessorBodySide(name string) string {
	first, _, ok := strings.Cut(name, " ")
	if !ok || !isPossessive(first) || !governmentBodies[strings.ToLower(lastWord(name))] {
		return ""
	}
	if i, ok := index(r.byName, possessor(first)); ok {
		return r.actors[i].Side
	}
	return ""
}

// governmentBodies end the names of a state's bodies that speak for it.
var governmentBodies = map[string]bool{"ministry": true, "government": true, "military": true, "army": true,
	"embassy": true, "cabinet": true, "presidency": true, "navy": true, "office": true, "forces": true}

// withoutPatronymic: a Russian name of three words drops the patronymic in
// the middle ("Sergei Alexandrovich Ryabkin" → "Sergei Ryabkin"), as wire
// copy names the person most often, so the speaker keeps one name and id
// whether or not an article gives it.
func withoutPatronymic(name string) string {
	first, rest, ok := strings.Cut(name, " ")
	if !ok {
		return name
	}
	mid, last, ok := strings.Cut(rest, " ")
	if !ok || strings.Contains(last, " ") || !upperWord(mid) || !upperWord(last) {
		return name
	}
	for _, suf := range [...]string{"ovich", "evich", "ovna", "evna", "ichna", "inichna"} {
		if len(mid) > len(suf)+1 && strings.HasSuffix(mid, suf) {
			return first + " " + last
		}
	}
	return name
}

// surnameOnly: a single word, or a surname with its particles ("de Groot",
// "von der Leyen"), as news copy names someone after the full name.
func surnameOnly(name string) bool {
	rest := name
	for {
		w, after, ok := strings.Cut(rest, " ")
		if !ok {
			return true
		}
		if !isParticle(w) {
			return false
		}
		rest = after
	}
}

func isParticle(w string) bool {
	switch w {
	case "al", "al-", "bin", "de", "van", "von", "der", "la", "le", "da", "del", "di":
		return true
	}
	return false
}

// isName: every word capitalised (a person's or organisation's name).
func isName(s string) bool {
	if s == "" {
		return false
	}
	if isASCII(s) {
		return isNameASCII(s)
	}
	first := true
	for w := range strings.FieldsSeq(s) { // (Fields would allocate the list)
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !isParticle(w) && !(first && isNumber(w) && len(w) < len(s)) {
			return false // (a number may open a name: "50 Cent")
		}
		first = false
	}
	return true
}

// isNameASCII is isName for ASCII s (most names), its words read byte by
// byte: for ASCII the spaces of unicode.IsSpace are asciiSpace's, and the
// capitals of unicode.IsUpper are A–Z.
func isNameASCII(s string) bool {
	first := true
	for i := 0; i < len(s); {
		if asciiSpace(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && !asciiSpace(s[j]) {
			j++
		}
		w := s[i:j]
		if !upperWord(w) && !isParticle(w) && !(first && isNumber(w) && len(w) < len(s)) {
			return false
		}
		first, i = false, j
	}
	return true
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// titleSide is the side of the longest lexicon title the text contains.
func (r *Resolver) titleSide(text string) string {
	var buf [128]byte
	lt, ok := appendLowerASCII(buf[:0], text)
	if !ok {
		lt = []byte(strings.ToLower(text))
	}
	// The first title of sided (the longest) found anywhere in lt: every
	// position is tried against the titles starting with its byte, which
	// finds what searching lt for each title in turn finds.
	best := r.firstEmptySided
	for i, c := range lt {
		for _, k := range r.sidedByFirst[c] {
			if k < best && bytes.HasPrefix(lt[i:], r.sided[k].lower) {
				best = k
			}
		}
	}
	if best < len(r.sided) {
		return r.sided[best].side
	}
	return ""
}

// asciiKey is key for ASCII text, in one pass and without allocating when
// the text is already a key; false for other text.
func asciiKey(s string) (string, bool) {
	if !isASCII(s) {
		return "", false
	}
	s = strings.TrimSpace(s)
	if len(s) >= 4 && s[0]|0x20 == 't' && s[1]|0x20 == 'h' && s[2]|0x20 == 'e' && s[3] == ' ' {
		s = s[4:] // "the " after lower-casing; a "the" before other space stays
	}
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || asciiSpace(c) && (c != ' ' || i == 0 || i == len(s)-1 || s[i-1] == ' ') {
			clean = false
		}
	}
	if clean {
		return s, true
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if asciiSpace(c) {
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b), true
}

// asciiSpace: ' ', '\t', '\n', '\v', '\f' or '\r'. It is asked of every
// byte of the names and mentions the words are read from, nearly all of them
// above ' ', so that is tested first.
func asciiSpace(c byte) bool {
	return c <= ' ' && (c == ' ' || '\t' <= c && c <= '\r')
}

func (r *Resolver) fromActor(a lexicon.Actor, at time.Time) Speaker {
	sp := Speaker{ID: a.ID, Name: a.Name, Affiliation: a.Side, Kind: a.Kind}
	if role := a.RoleAt(at); role.Title != "" {
		sp.Role = role.Title
		if role.Side != "" {
			sp.Affiliation = role.Side
		}
	}
	return sp
}

// Slug makes a stable id from a name: lower case, words joined by "-".
func Slug(name string) string {
	if !isASCII(name) {
		return slugRunes(name)
	}
	// an ASCII name, nearly every one: lower-cased and joined byte by byte
	// into one buffer, where the general path allocates a lower-case copy
	// and grows its builder rune by rune
	var buf [64]byte // (the one allocation is then the id itself)
	b := buf[:0]
	dash := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b = append(b, c)
			dash = false
		case c == '\'':
		case !dash && len(b) > 0:
			b = append(b, '-')
			dash = true
		}
	}
	return strings.TrimSuffix(string(b), "-")
}

// slugRunes is Slug for any name.
func slugRunes(name string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(name) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c > 127 && c != '’' && unicode.IsLetter(c) {
			b.WriteRune(c)
			dash = false
		} else if c == '’' || c == '\'' {
			continue
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// courtesy: "Mr.", "Mrs.", "Ms.", "Miss": a form of address, not a role.
func courtesy(title string) bool {
	switch strings.TrimSuffix(title, ".") {
	case "Mr", "Mrs", "Ms", "Miss":
		return true
	}
	return false
}

// articleOnly: "the" before "the Bergen Post" or "the White House
// Counsel's Office" is no role.
func articleOnly(title string) bool {
	t := strings.TrimSpace(title)
	return fold.LowerIs(t, "the") || fold.LowerIs(t, "a") || fold.LowerIs(t, "an")
}

// nameJoiners join a name to the place or body after it ("of New York").
var nameJoiners = map[string]bool{"of": true, "from": true, "at": true, "for": true, "with": true, "in": true, "and": true, "the": true}

// lastWords fills w with the last len(w) words of s, split as strings.Fields
// splits them, and reports whether another word comes before them. It reads
// back from the end, so a look-up allocates nothing.
func lastWords(s string, w []string) bool {
	if isASCII(s) {
		return lastWordsASCII(s, w)
	}
	for i := len(w) - 1; i >= 0; i-- {
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		if s == "" {
			return false
		}
		start := 0
		if k := strings.LastIndexFunc(s, unicode.IsSpace); k >= 0 {
			_, size := utf8.DecodeRuneInString(s[k:])
			start = k + size
		}
		w[i], s = s[start:], s[:start]
	}
	return strings.TrimRightFunc(s, unicode.IsSpace) != ""
}

// upperWord: w starts with an ASCII capital.
func upperWord(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }
