package quotes

import "strings"

// Closed word classes of English that the attribution rules lean on. These
// are grammar, not reporting vocabulary (which is data, in cues.tsv).

// subjectPronouns can be the subject of a reporting verb.
var subjectPronouns = set("he", "she", "they", "it", "i", "we", "you")

// auxiliaries and adverbs that sit between a subject and its verb:
// "has said", "later told", "had previously warned".
var between = set("has", "have", "had", "also", "later", "earlier", "previously", "then", "again", "once", "would", "will",
	"could", "may", "might", "did", "does", "do", "not", "never", "still", "already", "first", "last", "further", "even",
	"just", "only", "often", "long", "since", "is", "was", "were", "are", "been", "being", "be", "now", "ago", "today",
	"yesterday", "tonight", "recently", "reportedly", "repeatedly", "publicly", "privately", "separately", "initially",
	"similarly", "flatly", "openly", "explicitly", "simply", "actually", "ultimately", "specifically", "bluntly",
	"quickly", "immediately", "frequently", "consistently", "subsequently", "in", "on", "at", "this", "week", "morning", "afternoon",
	"evening", "night", "month", "year", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"however", "meanwhile", "though", "too", "instead", "nonetheless", "nevertheless", "therefore", "thus", "likewise",
	"should", "can", "must", "cannot", "always", "usually", "sometimes", "afterwards", "afterward", "soon", "otherwise")

// questionAux open a question with the subject after them: "Did the mayor
// agree?"
var questionAux = set("was", "were", "is", "are", "did", "does", "do", "has", "have", "had", "will", "would", "can",
	"could", "should")

// negatedAux are auxiliaries with "not" run in ("wouldn't say"): part of the
// verb group between a subject and its verb, never of a name. Both
// apostrophes are listed, as news text prints either.
var negatedAux = apostrophes("wouldn't", "won't", "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't",
	"isn't", "wasn't", "weren't", "aren't", "can't", "couldn't", "shouldn't", "mustn't")

// irregularPast are common past-tense verbs without -ed: after a lone
// capitalised word they show it is a name ("Mosman saw …").
var irregularPast = set("saw", "took", "made", "went", "gave", "got", "came", "met", "left", "kept", "held", "ran",
	"won", "lost", "sent", "spent", "brought", "bought", "thought", "felt", "found", "knew", "led", "stood", "wrote",
	"spoke", "began", "became", "put", "set", "let", "told", "said", "heard", "paid", "sat", "rose", "fell", "drew",
	"chose", "broke", "built", "caught", "taught", "fought", "sought", "meant", "read", "struck", "threw", "took",
	"understood", "withdrew", "wore", "ate", "drove", "flew", "forgot", "grew", "hid", "hit", "hung", "laid", "lay",
	"quit", "rode", "rang", "shook", "shot", "shut", "sold", "stole", "swore", "tore", "woke", "cast", "dealt")

// statementNouns are texts a person or body issues, whose words a quote
// after the sentence gives: "X released a statement. “…”"
var statementNouns = set("statement", "letter", "memo", "message", "tweet", "email", "e-mail", "note", "op-ed",
	"editorial", "release", "post", "announcement", "document", "filing", "readout", "transcript", "communique")

// saidNouns name something a person said, after the quoted words and the
// speaker's possessive: "Romney's “47 percent” comment".
var saidNouns = set("promise", "pledge", "comment", "comments", "remark", "remarks", "slogan", "claim", "vow",
	"mantra", "quip", "line", "phrase", "catchphrase", "warning", "assertion", "declaration", "refrain", "boast",
	"motto", "insult", "retort", "jab", "joke", "question", "answer", "rallying", "battle", "call")

// pronounContractions are subject pronouns with a verb run in ("he's
// committed", "she'd said"): the subject is the pronoun.
var pronounContractions = apostrophes("he's", "she's", "he'd", "she'd", "he'll", "she'll",
	"they're", "they'd", "they'll", "they've", "i'm", "i'd", "i'll", "i've", "we're", "we'd", "we'll", "we've",
	"you're", "you'd", "you'll", "you've")

// presenters bring someone on stage: "there's Axelrod".
var presenters = set(apostrophes("there's", "here's")...)

// joiners open a second clause with its own subject: "while Clinton hosted".
var joiners = set("while", "whereas", "but")

// negations: a verb after them is denied, not done.
var negations = set(append(negatedAux, "not", "never")...)

// beForms make "by X" after a participle the passive's agent.
var beForms = set("was", "were", "is", "are", "been", "being", "be")

func apostrophes(words ...string) []string {
	out := make([]string, 0, 2*len(words))
	for _, w := range words {
		out = append(out, w, strings.ReplaceAll(w, "'", "’"))
	}
	return out
}

// npStop ends a noun phrase read backwards from a verb or forwards after one:
// clause words and prepositions that do not sit inside a speaker's name or
// title.
var npStop = set("that", "which", "who", "whom", "whose", "and", "but", "or", "nor", "as", "when", "while", "whereas",
	"because", "if", "after", "before", "since", "so", "than", "where", "though", "although", "whether", "until",
	"unless", "in", "on", "during", "with", "from", "by", "into", "about", "over", "under", "against", "between",
	"through", "without", "within", "among", "amid", "like", "despite", "toward", "towards", "upon", "via", "across",
	"around", "alongside", "unlike", "besides", "beyond", "behind", "regarding", "concerning", "following", "considering", "what", "how", "why", "not", "is", "was", "were", "are", "be", "been", "has", "have", "had", "would",
	"will", "could", "should", "can", "may", "might", "must", "did", "does", "do", "also", "yet", "then", "there",
	"here", "once", "even", "just", "only", "never", "still", "already", "too", "very", "more", "most", "all", "both",
	"earlier", "later", "further", "again", "today", "yesterday", "tonight", "now", "when", "said", "says", "say", "told", "ago", "last",
	"this", "next", "week", "it", "he", "she", "they", "we", "i", "you", "him", "her", "them", "us", "me", "to", "at", "for", "of")

// npInner may sit inside a speaker's noun phrase between its words:
// "Secretary of State", "a spokesman for the Pentagon", "professor at Yale".
var npInner = set("of", "for", "at", "to", "the", "and", "de", "la", "van", "von", "al", "bin", "del", "da", "le")

// determiners start a noun phrase naming a speaker: "the official",
// "a senior aide", "two people familiar with".
var determiners = set("the", "a", "an", "one", "another", "two", "three", "four", "several", "some", "many", "most",
	"other", "his", "her", "their", "its", "our", "this", "these", "those", "both", "each", "every", "no")

// clauseOpeners start a clause; a subject may follow them.
var clauseOpeners = set("and", "but", "as", "while", "whereas", "because", "although", "though", "when", "after",
	"before", "since", "so", "if", "yet", "where")

// notSpeakers are capitalised labels before a colon that introduce text rather
// than name who said it.
var notSpeakers = set("update", "updated", "watch", "read", "related", "note", "editor", "editors", "photo", "video",
	"source", "sources", "see", "correction", "more", "also", "advertisement", "click", "listen", "subscribe",
	"follow", "disclosure", "clarification", "q", "a", "question", "answer", "breaking", "exclusive", "warning",
	"spoiler", "poll", "transcript", "credit", "image", "caption", "tags", "share", "topics", "full", "the", "here",
	"why", "what", "how", "who", "when", "where", "bottom", "line", "pictured", "above", "below", "then", "now", "today",
	"background", "context", "analysis", "opinion", "fact", "facts", "summary", "step", "part", "chapter", "title",
	"headline", "subject", "re", "fw", "fwd", "ps", "p.s", "bonus", "lesson", "rule", "example", "reason", "reasons",
	"result", "problem", "answer", "verdict", "rating", "ratings", "score")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// personNouns head descriptions of a single person: "the senator", "a
// senior official". "He" or "she" may stand for them; "the district" not.
var personNouns = set("official", "spokesman", "spokeswoman", "spokesperson", "senator", "candidate", "president",
	"governor", "source", "aide", "adviser", "advisor", "strategist", "lawmaker", "congressman", "congresswoman",
	"representative", "secretary", "minister", "ambassador", "envoy", "diplomat", "officer", "director", "chairman",
	"chairwoman", "leader", "nominee", "businessman", "businesswoman", "billionaire", "mogul", "man", "woman", "mayor",
	"judge", "lawyer", "attorney", "prosecutor", "professor", "analyst", "expert", "economist", "pollster", "host",
	"anchor", "reporter", "correspondent", "columnist", "author", "writer", "editor", "voter", "supporter", "activist",
	"manager", "chief", "executive", "founder", "veteran", "father", "mother", "son", "daughter", "wife", "husband",
	"front-runner", "frontrunner", "contender", "rival", "challenger", "incumbent", "speaker", "delegate", "member",
	"resident", "student", "doctor", "general", "commander", "soldier", "witness", "friend", "president-elect",
	"vice", "counsel", "consultant", "operative", "donor", "organizer", "volunteer", "staffer", "employee", "worker",
	"ally", "co-host", "cohost", "hopeful", "lobbyist", "historian", "scholar", "researcher", "fellow", "surrogate", "backer", "critic",
	"pastor", "priest", "rabbi", "imam", "bishop", "actor", "actress", "singer", "star", "comedian", "celebrity")

// bodyNouns end a name used as a modifier for the people around that
// person: "the Sanders campaign", "the Obama administration".
var bodyNouns = set("campaign", "administration")

// nounMarkers make the next word a noun: "the comments", "his remarks".
var nounMarkers = set("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those", "this")

// tailStarts may open the short phrase after "…, X said": "in a statement",
// "on Monday", "after the vote".
var tailStarts = set("in", "on", "at", "during", "after", "before", "from", "to", "of", "about", "for", "with", "by",
	"last", "this", "earlier", "later", "yesterday", "today", "tonight", "when", "while", "recently", "previously",
	"also", "then", "again", "afterward", "afterwards", "outside", "inside", "via", "through", "according", "adding",
	"speaking", "referring", "citing", "without", "under", "over", "as", "late", "early", "privately", "publicly")

// objectVerbs take the listener before the reported content: "told reporters
// the plan was dead".
var objectVerbs = set("told", "tells", "tell", "telling", "assured", "assures", "reminded", "reminds", "informed",
	"warned", "warns", "promised", "promises", "urged", "urges")

// wordClass is a bit set of the closed classes above, looked up once per
// token so the rules test bits rather than maps.
type wordClass uint32

const (
	cSubjectPronoun wordClass = 1 << iota
	cBetween
	cNpStop
	cNpInner
	cDeterminer
	cClauseOpener
	cNotSpeaker
	cNounMarker
	cTailStart
	cObjectVerb
	cPersonNoun
	cPlacePrep
	cFemaleName // a given name borne almost only by women (lexicon names/)
	cMaleName   // a given name borne almost only by men
	cPlace      // a one-word place or its adjective (lexicon places.tsv)
	// classes of word lists that rules scan whole sentences for
	cJoiner
	cStatementNoun
	cSaidNoun
	cBodyNoun
	cGenderedNoun // a noun for a person of one sex: "spokeswoman", "wife" (genderedNouns)
	// sets the rules ask about most often, token by token (lowerIn cost a
	// map look-up of a lower-cased copy each time, 130,000 per pass over
	// the BBC corpus)
	cQuantity      // quantityWords
	cNounPrep      // nounPrepositions
	cSubordinator  // subordinators
	cIrregularPast // irregularPast
	cPresenter     // presenters
	cConnective    // connectives
	cCount         // countWords
	cApproximator  // approximators
	cClaimNoun     // claimNouns
)

func classes() map[string]wordClass {
	m := map[string]wordClass{}
	for _, c := range []struct {
		set map[string]bool
		cls wordClass
	}{
		{subjectPronouns, cSubjectPronoun}, {between, cBetween}, {npStop, cNpStop}, {npInner, cNpInner},
		{determiners, cDeterminer}, {clauseOpeners, cClauseOpener}, {notSpeakers, cNotSpeaker},
		{nounMarkers, cNounMarker}, {tailStarts, cTailStart}, {objectVerbs, cObjectVerb}, {personNouns, cPersonNoun}, {placePreps, cPlacePrep},
		{set(negatedAux...), cBetween | cNpStop},
		{set(pronounContractions...), cSubjectPronoun | cNpStop},
		{joiners, cJoiner}, {statementNouns, cStatementNoun}, {saidNouns, cSaidNoun}, {bodyNouns, cBodyNoun},
		{genderedNounWords(), cGenderedNoun},
		{quantityWords, cQuantity}, {nounPrepositions, cNounPrep}, {subordinators, cSubordinator},
		{irregularPast, cIrregularPast}, {presenters, cPresenter}, {connectives, cConnective},
		{countWords, cCount}, {approximators, cApproximator}, {claimNouns, cClaimNoun},
	} {
		for w := range c.set {
			m[w] |= c.cls
		}
	}
	return m
}

// placePreps come before places and bodies rather than people: "in Ohio",
// "from the Pentagon".
var placePreps = set("in", "at", "from", "to", "into", "across", "near", "outside", "inside", "throughout", "of", "on")

// indexApostrophe is strings.IndexAny(s, "'’") without IndexAny's
// rune-by-rune path, which it takes for a set holding a non-ASCII
// character (2% of the extraction): two byte searches find the same index,
// since the curly mark's UTF-8 bytes cannot start inside another character.
func indexApostrophe(s string) int {
	i := strings.IndexByte(s, '\'')
	within := s
	if i >= 0 {
		within = s[:i]
	}
	if j := strings.Index(within, "’"); j >= 0 {
		return j
	}
	return i
}
