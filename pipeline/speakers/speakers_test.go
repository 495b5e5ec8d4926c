package speakers_test

import (
	"strings"
	"testing"

	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/article"
	"github.com/stance-news/stance/pipeline/quotes"
	"github.com/stance-news/stance/pipeline/speakers"
)

// A surname speaker takes the full name, title and side the article gives
// that person anywhere, also in a sentence that reports no speech; a
// surname the article gives two people stays a surname ("Team Verin" is no
// second Verin, nor "Secretary Whitfield" a second Whitfield, nor the
// question "Will Whitfield sign?").
func TestSurnameFromWholeArticle(t *testing.T) {
	text := "Port talks resume\n\n" +
		"US Secretary of State Laura Whitfield and Russian Foreign Minister Anatoly Verin met in Geneva on Monday.\n\n" +
		"Whitfield said the talks were useful. Verin said little. Reporters later asked Secretary Whitfield about the ships. Will Whitfield sign?\n\n" +
		"Ships owned by Anna Berg and Tomas Berg left the port. Berg said nothing.\n\n" +
		"Observers said that Team Verin was pleased.\n\n" +
		"Ferry owner Jane Holm spoke first, and the crowd then cheered for Bjarke Holm. Holm said nothing."
	a := article.Article{Text: text, Paragraphs: article.SplitParagraphs(text)}
	lx, err := lexicon.Load("")
	if err != nil {
		t.Fatal(err)
	}
	mention := func(w string, nth int) quotes.Mention {
		i := -1
		for k := 0; k <= nth; k++ {
			i += 1 + strings.Index(text[i+1:], w)
		}
		return quotes.Mention{Text: w, Span: article.Span{Start: i, End: i + len(w)}}
	}
	qs := []quotes.Quote{
		{Kind: quotes.Indirect, Speaker: mention("Whitfield", 1)},
		{Kind: quotes.Indirect, Speaker: mention("Verin", 1)},
		{Kind: quotes.Indirect, Speaker: mention("Berg", 2)},
		{Kind: quotes.Indirect, Speaker: mention("Holm", 2)},
	}
	got := speakers.New(lx).Resolve(&a, qs)
	for i, want := range []struct{ name, role, side string }{
		{"Laura Whitfield", "US Secretary of State", "us"},
		{"Anatoly Verin", "Russian Foreign Minister", "russia"},
		{"Berg", "", ""},
		{"Holm", "", ""}, // Bjarke, a given name the list lacks, is a second Holm all the same
	} {
		if g := got[i]; g.Name != want.name || g.Role != want.role || g.Affiliation != want.side {
			t.Errorf("%s: got %q role %q side %q, want %q role %q side %q", qs[i].Speaker.Text, g.Name, g.Role, g.Affiliation, want.name, want.role, want.side)
		}
	}
}

// Someone described by whom they work for ("a spokesman for Anna Berg", "an
// aide to the mayor") is an unnamed source kept as written, not the person
// named after "for" or "to"; a title before a name still gives the name.
func TestDescribedSourceKeptAsSuch(t *testing.T) {
	text := "A spokesman for Anna Berg said little. An aide to Tomas Berg said less. Port director Anders Lund said nothing. A spokeswoman for the Pentagon said the same."
	qs, got := resolveMentions(t, text, "A spokesman for Anna Berg", "An aide to Tomas Berg", "Port director Anders Lund", "A spokeswoman for the Pentagon")
	wantNames(t, qs, got, "A spokesman for Anna Berg", "An aide to Tomas Berg", "Anders Lund", "Pentagon") // a lexicon institution still resolves
}

// "the" before a named body ("the Bergen Post reports") is no role: the
// role column holds titles and descriptions, not a lone article.
func TestArticleIsNoRole(t *testing.T) {
	text := "On Monday the Bergen Post reported the vote. Harbour master Tomas Eng said nothing."
	qs, got := resolveMentions(t, text, "the Bergen Post", "Harbour master Tomas Eng")
	for i, want := range []struct{ name, role string }{{"Bergen Post", ""}, {"Tomas Eng", "Harbour master"}} {
		if got[i].Name != want.name || got[i].Role != want.role {
			t.Errorf("%q: got %q role %q, want %q role %q", qs[i].Speaker.Text, got[i].Name, got[i].Role, want.name, want.role)
		}
	}
}

// A lone surname the lexicon knows names its actor only when no other given
// name stands before it: "Eric Trump" is not Donald Trump, while "And Trump"
// (an opening word) and "President Donald Trump" are.
func TestOtherGivenNameIsAnotherPerson(t *testing.T) {
	text := "Eric Trump spoke first. And Trump replied. President Donald Trump left. Paul Flynn, a councillor, said nothing."
	qs, got := resolveMentions(t, text, "Eric Trump", "And Trump", "President Donald Trump", "Paul Flynn")
	wantNames(t, qs, got, "Eric Trump", "Donald Trump", "Donald Trump", "Paul Flynn")
}

// A given name that tells no sex, or that the one-sex list is too rare
// for, still marks another person of a known surname and finds the full
// name of a lone surname; a headline's run of capitalised words yields
// the name at its end.
func TestGivenNamesOfNoSex(t *testing.T) {
	text := "Melania Trump spoke after her husband. Crowds cheered Bernie Sanders in Iowa. Poll: Voters Still Back Ingrid Halse. Sanders waved. Halse smiled."
	qs, got := resolveMentions(t, text, "Melania Trump", "Sanders", "Halse")
	wantNames(t, qs, got, "Melania Trump", "Bernie Sanders", "Ingrid Halse")
}

// An appositive becomes the role when it describes the person, not when it
// is a clause or narration set off beside the name.
func TestAppositiveRoleDescribesPerson(t *testing.T) {
	lx, err := lexicon.Load("")
	if err != nil {
		t.Fatal(err)
	}
	text := "Text."
	a := article.Article{Text: text, Paragraphs: article.SplitParagraphs(text)}
	for _, c := range []struct{ ap, role string }{
		{"the harbour board's chairwoman", "harbour board's chairwoman"},
		{"managing director of Nordfrakt", "managing director of Nordfrakt"},
		{"spokesman for North Coast Says No", "spokesman for North Coast Says No"},
		{"whose union plans a march on Friday", ""},
		{"who has run the port since 2009", ""},
		{"in a brief interview on Saturday", ""},
		{"speaking to reporters in Bergen", ""},
		{"Lund said", ""},
		{"45", ""},
		{"for her part", ""},
		{"52, a teacher from the north village", "teacher from the north village"},
		{"30, of Tromsø", ""},
		{"an economist at Nordbank", "economist at Nordbank"},
		{"shortly after signing the deal", ""},
		{"however", ""},   // "Analysts, however, said"
		{"meanwhile", ""}, // "Volkswagen, meanwhile, said"
	} {
		qs := []quotes.Quote{{Kind: quotes.Direct, Speaker: quotes.Mention{Text: "Kari Moen"}, Appositive: c.ap}}
		if got := speakers.New(lx).Resolve(&a, qs)[0].Role; got != c.role {
			t.Errorf("appositive %q: role %q, want %q", c.ap, got, c.role)
		}
	}
}

// A described text whose participle lost its agent is named by the text
// alone; people described by a participle keep it.
func TestSourceWithoutParticiple(t *testing.T) {
	text := "The claim appeared in a harbour board report published last week and among those surveyed."
	qs, got := resolveMentions(t, text, "a harbour board report published", "those surveyed")
	wantNames(t, qs, got, "a harbour board report", "those surveyed")
}

// A possessive before a given name is the person's party, country or
// employer: the name without it, the possessor as role. Without a given name
// after it the possessive is part of a body's name. The surname alone then
// finds the full name in the text ("Dahl" after "Norway's Ingrid Dahl").
func TestPossessiveBeforeNameIsNoPart(t *testing.T) {
	text := "Labour's Paul Flynn spoke. Norway's Ingrid Dahl agreed. It was organised by the Women's March. Moody's Investors Service wrote. Later Dahl left."
	qs, got := resolveMentions(t, text, "Labour's Paul Flynn", "Norway's Ingrid Dahl", "the Women's March", "Moody's Investors Service")
	for i, want := range []struct{ name, role string }{
		{"Paul Flynn", "Labour"}, {"Ingrid Dahl", "Norway"}, {"Women's March", ""}, {"Moody's Investors Service", ""},
	} {
		if got[i].Name != want.name || got[i].Role != want.role {
			t.Errorf("%q: got %q (role %q), want %q (role %q)", qs[i].Speaker.Text, got[i].Name, got[i].Role, want.name, want.role)
		}
	}
	_, got = resolveMentions(t, text, "Dahl")
	if got[0].Name != "Ingrid Dahl" || got[0].Role != "Norway" {
		t.Errorf("%q: got %q (role %q), want %q (role %q)", "Dahl", got[0].Name, got[0].Role, "Ingrid Dahl", "Norway")
	}
}

// The words before a surname are read back only within its sentence: a
// full name ending the sentence before is someone else.
func TestNameBeforeStopsAtSentenceEnd(t *testing.T) {
	text := "The draw paired Ingrid Moe with Norway's Kari Lunde. But Moe was angry. The club hired Olav Berg. Strand said it was a mistake. Sen. Eva Strand agreed."
	qs, got := resolveMentions(t, text, "Moe", "Strand")
	wantNames(t, qs, got, "Ingrid Moe", "Eva Strand")
}

// resolveMentions resolves each mention, found at its first place in text,
// as the speaker of a reported statement.
func resolveMentions(t *testing.T, text string, mentions ...string) ([]quotes.Quote, []speakers.Speaker) {
	t.Helper()
	lx, err := lexicon.Load("")
	if err != nil {
		t.Fatal(err)
	}
	a := article.Article{Text: text, Paragraphs: article.SplitParagraphs(text)}
	var qs []quotes.Quote
	for _, m := range mentions {
		i := strings.Index(text, m)
		qs = append(qs, quotes.Quote{Kind: quotes.Indirect, Speaker: quotes.Mention{Text: m, Span: article.Span{Start: i, End: i + len(m)}}})
	}
	return qs, speakers.New(lx).Resolve(&a, qs)
}

// Names that open with a number, initials or a short acronym keep them; an
// acronym before a full name or after a title is the title's; a word that
// opens the sentence is no part of a title read back before a name.
func TestNumbersInitialsAndAcronymsInNames(t *testing.T) {
	text := "Rapper 50 Cent left the label. Rep. G.K. Holm voted no. The magazine PC Nord praised the ferry. Former AG Vik spoke. So Harbour Director Nils Brun went home. Brun said it was over."
	qs, got := resolveMentions(t, text, "Rapper 50 Cent", "Rep. G.K. Holm", "The magazine PC Nord", "Former AG Vik", "Brun")
	for i, want := range []struct{ name, role string }{
		{"50 Cent", "Rapper"}, {"G.K. Holm", "Rep."}, {"PC Nord", "The magazine"}, {"Vik", "Former AG"}, {"Nils Brun", "Harbour Director"},
	} {
		if got[i].Name != want.name || got[i].Role != want.role {
			t.Errorf("%q: got %q (role %q), want %q (role %q)", qs[i].Speaker.Text, got[i].Name, got[i].Role, want.name, want.role)
		}
	}
}

// A described source takes the side of the government body named before its
// noun; a country only through its officials; a body elsewhere in the
// description, a word joined to it, or a city is no affiliation.
func TestDescribedSourceSpeaksForItsBody(t *testing.T) {
	mentions := map[string]string{
		"A senior State Department official":        "us",
		"a White House aide":                        "us",
		"Pentagon officials":                        "us",
		"US officials":                              "us",
		"A US firm":                                 "",
		"A Washington lawyer":                       "",
		"A State Department-funded researcher":      "",
		"two aides and a State Department official": "",
	}
	var text strings.Builder
	var ms []string
	for m := range mentions {
		text.WriteString(m + " said so. ")
		ms = append(ms, m)
	}
	qs, got := resolveMentions(t, text.String(), ms...)
	for i, q := range qs {
		if want := mentions[q.Speaker.Text]; got[i].Affiliation != want || got[i].Kind != "source" {
			t.Errorf("%q: affiliation %q (kind %q), want %q", q.Speaker.Text, got[i].Affiliation, got[i].Kind, want)
		}
	}
}

// A source described by whom it is about is not that actor: "a critic of
// the Kremlin" does not speak for the Kremlin, nor "the former wife of
// Anders Lund" for him; "an official of the Kremlin" and "a spokeswoman for
// the Pentagon" do.
func TestSourceAboutAnActorIsNotTheActor(t *testing.T) {
	text := "A critic of the Kremlin said little. The former wife of Donald Trump said less. An official of the Kremlin said more. A spokeswoman for the Pentagon said the same. An expert on the White House said nothing."
	qs, got := resolveMentions(t, text, "A critic of the Kremlin", "The former wife of Donald Trump", "An official of the Kremlin", "A spokeswoman for the Pentagon", "An expert on the White House")
	wantNames(t, qs, got, "A critic of the Kremlin", "The former wife of Donald Trump", "Kremlin", "Pentagon", "An expert on the White House")
}

// A title with "of" before a name is no description of someone else.
func TestTitleWithOfBeforeName(t *testing.T) {
	text := "Secretary of State John F. Kerry said little."
	qs, got := resolveMentions(t, text, "Secretary of State John F. Kerry")
	if got[0].Name != "John Kerry" {
		t.Errorf("%q: got %q, want John Kerry", qs[0].Speaker.Text, got[0].Name)
	}
}

// An office named after "of" belongs to the title, not to the name, whether
// or not the name list knows the given name (and a middle initial stays).
func TestOfficeAfterOfIsTitle(t *testing.T) {
	text := "Deputy Chief of Staff Katie Walsh said little. White House Chief of Staff Reince Priebus said more. Secretary of Homeland Security John F. Kelly said less. Director of National Intelligence Dan R. Coats said nothing."
	qs, got := resolveMentions(t, text, "Deputy Chief of Staff Katie Walsh", "White House Chief of Staff Reince Priebus", "Secretary of Homeland Security John F. Kelly", "Director of National Intelligence Dan R. Coats")
	wantNames(t, qs, got, "Katie Walsh", "Reince Priebus", "John F. Kelly", "Dan R. Coats")
	if got[1].Role != "White House Chief of Staff" {
		t.Errorf("role %q, want White House Chief of Staff", got[1].Role)
	}
}

// wantNames checks the speaker names resolved for qs, in order.
func wantNames(t *testing.T, qs []quotes.Quote, got []speakers.Speaker, want ...string) {
	t.Helper()
	for i, w := range want {
		if got[i].Name != w {
			t.Errorf("%q: got %q (side %q), want %q", qs[i].Speaker.Text, got[i].Name, got[i].Affiliation, w)
		}
	}
}

// Offices written with a hyphen, British parliamentary titles before or
// after the name, and occupations heading a sentence are the role, not part
// of the name, so the person keeps one speaker_id across articles.
func TestTitlesAndOccupationsBeforeName(t *testing.T) {
	text := "UN Secretary-General Antonio Guterres spoke. Tory MP Michael Mates spoke. Tory frontbencher Andrew Tyrie MP spoke. Lawyer Louise Christian spoke. Striker Wayne Rooney spoke."
	qs, got := resolveMentions(t, text, "UN Secretary-General Antonio Guterres", "Tory MP Michael Mates", "Tory frontbencher Andrew Tyrie MP", "Lawyer Louise Christian", "Striker Wayne Rooney")
	wantNames(t, qs, got, "Antonio Guterres", "Michael Mates", "Andrew Tyrie", "Louise Christian", "Wayne Rooney")
	wantRoles(t, got, "UN Secretary-General", "Tory MP", "Tory frontbencher MP", "Lawyer", "Striker")
}

// wantRoles checks the role of each speaker in order.
func wantRoles(t *testing.T, got []speakers.Speaker, roles ...string) {
	t.Helper()
	for i, role := range roles {
		if got[i].Role != role {
			t.Errorf("%s: role %q, want %q", got[i].Name, got[i].Role, role)
		}
	}
}

// An occupation opens a name of a thing unless a given name follows; a
// constituency after "for" is no person; a description ending in "MP" keeps
// its words.
func TestTitleWordsThatAreNoTitle(t *testing.T) {
	text := "Fairford Coach Action spoke. The MP for Sittingbourne and Sheppey spoke. The Salford MP spoke. Julie Bishop spoke."
	qs, got := resolveMentions(t, text, "Fairford Coach Action", "The MP for Sittingbourne and Sheppey", "The Salford MP", "Julie Bishop")
	wantNames(t, qs, got, "Fairford Coach Action", "The MP for Sittingbourne and Sheppey", "The Salford MP", "Julie Bishop")
}

// Names with particles ("Pieter de Groot", "Ursula von der Leyen") keep
// their given names, and the surname with its particles names the same
// person later; the title of a speaker's full mention is the role of the
// surname's later mentions, unless it names someone else too ("Mr. Lund and
// Senator Tom Vik"); a description opening the sentence gives its role
// without the capitalised article.
func TestParticlesAndRolesOfLaterMentions(t *testing.T) {
	text := "Kremlin spokesman Dmitry Volkov told reporters little. Commission President Ursula von der Leyen and the lawyer Pieter de Groot spoke. Mr. Lund and Senator Tom Vik left.\n\n" +
		"Later de Groot said more, von der Leyen said less, Vik said nothing and Volkov said it all. A harbour official, Jon Lie, agreed."
	qs, got := resolveMentions(t, text, "Kremlin spokesman Dmitry Volkov", "Commission President Ursula von der Leyen", "lawyer Pieter de Groot", "Mr. Lund and Senator Tom Vik",
		"de Groot", "von der Leyen", "Vik said", "Volkov said", "Jon Lie")
	qs[6].Speaker.Text, qs[7].Speaker.Text = "Vik", "Volkov"
	qs[8].Appositive = "A harbour official"
	got = speakers.New(mustLexicon(t)).Resolve(&article.Article{Text: text, Paragraphs: article.SplitParagraphs(text)}, qs)
	wantNames(t, qs, got, "Dmitry Volkov", "Ursula von der Leyen", "Pieter de Groot", "Tom Vik", "Pieter de Groot", "Ursula von der Leyen", "Tom Vik", "Dmitry Volkov", "Jon Lie")
	for i, role := range []string{"Kremlin spokesman", "Commission President", "lawyer", "", "lawyer", "Commission President", "", "Kremlin spokesman", "harbour official"} {
		if i == 3 {
			continue // the full mention's own title is what splitting gives
		}
		if got[i].Role != role {
			t.Errorf("%q: role %q, want %q", qs[i].Speaker.Text, got[i].Role, role)
		}
	}
	if got[7].Affiliation != "russia" {
		t.Errorf("Volkov: side %q, want russia (from the Kremlin spokesman's title)", got[7].Affiliation)
	}
}

func mustLexicon(t *testing.T) *lexicon.Lexicon {
	t.Helper()
	lx, err := lexicon.Load("")
	if err != nil {
		t.Fatal(err)
	}
	return lx
}

// A family name written first ("Foreign Ministry spokeswoman Lin Xiaoyan"
// … "Lin said") names the full name after a title; a name set off after a
// lower-case noun ("his Turkish counterpart, Kemal Aydin,") is a person's
// whatever its given name; "the former Soviet Republic" names no one.
func TestFamilyNameFirstAndSetOffNames(t *testing.T) {
	text := "Foreign Ministry spokeswoman Lin Xiaoyan spoke on Friday. Foreign Minister Zhou Weiming met Helen Marsh, and his Turkish counterpart, Kemal Aydin, met Orlov. " +
		"Ships sail to the former Soviet Republic. Later Lin said no, Zhou said yes, Aydin said maybe and Soviet said nothing."
	qs, got := resolveMentions(t, text, "Lin said", "Zhou said", "Aydin said", "Soviet said")
	for i, m := range []string{"Lin", "Zhou", "Aydin", "Soviet"} {
		qs[i].Speaker.Text = m
	}
	got = speakers.New(mustLexicon(t)).Resolve(&article.Article{Text: text, Paragraphs: article.SplitParagraphs(text)}, qs)
	wantNames(t, qs, got, "Lin Xiaoyan", "Zhou Weiming", "Kemal Aydin", "Soviet")
	for i, role := range []string{"Foreign Ministry spokeswoman", "Foreign Minister"} {
		if got[i].Role != role {
			t.Errorf("%q: role %q, want %q (the title before the family name)", qs[i].Speaker.Text, got[i].Role, role)
		}
	}
}

// Capitalised words joined by "and" are one name or bodies speaking
// together, never a name with the first half as its role; two people named
// together give the last, with no role; a wrong mention keeps its name.
func TestNamesJoinedByAnd(t *testing.T) {
	text := "The Securities and Exchange Commission spoke. Nordfrakt and Vestlink spoke. Kari Moen and Anders Lund spoke. A late Moen strike and Lund spoke."
	qs, got := resolveMentions(t, text, "The Securities and Exchange Commission", "Nordfrakt and Vestlink", "Kari Moen and Anders Lund", "a late Moen strike and Lund")
	wantNames(t, qs, got, "The Securities and Exchange Commission", "Nordfrakt and Vestlink", "Anders Lund", "Anders Lund")
	for _, s := range got {
		if s.Role != "" {
			t.Errorf("%s: role %q, want none", s.Name, s.Role)
		}
	}
}

// A definite description of an office ("the prime minister") is the one
// speaker the article names with it; not a shadow or deputy of the office,
// and not when two speakers hold it.
func TestOfficeDescriptionNamesItsHolder(t *testing.T) {
	text := "Prime Minister Kari Moen spoke. Shadow home secretary Anders Lund spoke. The prime minister spoke. The home secretary spoke."
	qs, got := resolveMentions(t, text, "Prime Minister Kari Moen", "Shadow home secretary Anders Lund", "The prime minister", "The home secretary")
	wantNames(t, qs, got, "Kari Moen", "Anders Lund", "Kari Moen", "The home secretary")
	if got[2].Mention != "The prime minister" {
		t.Errorf("mention %q, want the words written", got[2].Mention)
	}
}

// A body named with "of" is one name ("the Ministry of Commerce"), and a
// role keeps no sentence opener, phrase of time, courtesy title alone, or
// the words tying a spokesman to the body that speaks.
func TestBodyNamesAndCleanRoles(t *testing.T) {
	text := "The Ministry of Fisheries spoke. On Tuesday Labour chairman Kari Moen spoke. Meanwhile Ms Moen spoke. A spokesman for the Harbour Board spoke."
	qs, got := resolveMentions(t, text, "The Ministry of Fisheries", "On Tuesday Labour chairman Kari Moen", "Meanwhile Ms Moen", "A spokesman for the Harbour Board")
	wantNames(t, qs, got, "The Ministry of Fisheries", "Kari Moen", "Kari Moen", "Harbour Board")
	wantRoles(t, got, "", "Labour chairman", "Labour chairman", "spokesman")
}

// The description set off beside a full name ("Germany's foreign minister,
// Anna Lindqvist, called …") is the role of the surname's later mentions.
func TestAppositiveIsRoleOfLaterMentions(t *testing.T) {
	text := "Germany's foreign minister, Anna Lindqvist, called the outcome disappointing. Lindqvist told reporters more."
	qs, _ := resolveMentions(t, text, "Anna Lindqvist", "Lindqvist told")
	qs[0].Appositive = "Germany's foreign minister"
	qs[1].Speaker.Text = "Lindqvist"
	got := speakers.New(mustLexicon(t)).Resolve(&article.Article{Text: text, Paragraphs: article.SplitParagraphs(text)}, qs)
	for i := range qs {
		if got[i].Name != "Anna Lindqvist" || got[i].Role != "Germany's foreign minister" {
			t.Errorf("%q: got %q role %q, want Anna Lindqvist role %q", qs[i].Speaker.Text, got[i].Name, got[i].Role, "Germany's foreign minister")
		}
	}
}

// A Russian patronymic is dropped from the speaker's name and id, so the
// person is one speaker whether or not an article gives it; other middle
// names stay.
func TestPatronymicDropped(t *testing.T) {
	text := "Deputy Foreign Minister Sergei Alexandrovich Ryabkin spoke. Maria Ivanovna Zorina wrote. Ali Reza Karimi agreed. Later Ryabkin said no."
	qs, got := resolveMentions(t, text, "Deputy Foreign Minister Sergei Alexandrovich Ryabkin", "Maria Ivanovna Zorina", "Ali Reza Karimi", "Ryabkin said")
	qs[3].Speaker.Text = "Ryabkin"
	got = speakers.New(mustLexicon(t)).Resolve(&article.Article{Text: text, Paragraphs: article.SplitParagraphs(text)}, qs)
	wantNames(t, qs, got, "Sergei Ryabkin", "Maria Zorina", "Ali Reza Karimi", "Sergei Ryabkin")
	if got[3].Role != "Deputy Foreign Minister" {
		t.Errorf("Ryabkin: role %q, want the full mention's Deputy Foreign Minister", got[3].Role)
	}
	if got[0].ID != "sergei-ryabkin" || got[3].ID != got[0].ID {
		t.Errorf("ids %q and %q, want sergei-ryabkin for both", got[0].ID, got[3].ID)
	}
}

// A government body named with its country's possessive ("Russia's Defence
// Ministry") takes that country's side; a country without a side gives none.
func TestPossessiveCountryBodySide(t *testing.T) {
	text := "Russia's Defence Ministry said little. Norway's Foreign Ministry said less."
	qs, got := resolveMentions(t, text, "Russia's Defence Ministry", "Norway's Foreign Ministry")
	for i, side := range []string{"russia", ""} {
		if got[i].Affiliation != side {
			t.Errorf("%q: side %q, want %q", qs[i].Speaker.Text, got[i].Affiliation, side)
		}
	}
}

// "The ministry said" is the nearest ministry named as a speaker before it;
// a body's name with its joiners is a name, not an unnamed source.
func TestBodyDescriptionNamesTheBody(t *testing.T) {
	text := "The Foreign Ministry of Nordland spoke. The ministry spoke. The Ministry of Fisheries spoke. The ministry spoke again. A senior official spoke. So did the Nordic Press Agency, the Bergen North MP and the Department of Justice."
	qs, got := resolveMentions(t, text, "The Foreign Ministry of Nordland", "The ministry", "The Ministry of Fisheries", "The ministry", "A senior official", "the Nordic Press Agency", "the Bergen North MP", "the Department of Justice")
	wantNames(t, qs, got, "The Foreign Ministry of Nordland", "The Foreign Ministry of Nordland", "The Ministry of Fisheries", "The Ministry of Fisheries", "A senior official", "Nordic Press Agency", "the Bergen North MP", "the Department of Justice")
	for i, kind := range []string{"", "", "", "", "source", "", "source", ""} {
		if got[i].Kind != kind {
			t.Errorf("%s: kind %q, want %q", got[i].Name, got[i].Kind, kind)
		}
	}
}

// "The official said" is the anonymous source described just before it
// ("a senior State Department official"), not when another source spoke
// in between.
func TestSourceDescriptionNamesTheSource(t *testing.T) {
	text := "A senior ministry official spoke. The official spoke again. Two diplomats spoke. The official spoke last."
	qs, got := resolveMentions(t, text, "A senior ministry official", "The official", "Two diplomats", "The official")
	wantNames(t, qs, got, "A senior ministry official", "A senior ministry official", "Two diplomats", "The official")
}

// A text named by the body or person that put it out speaks for them ("the
// IMF report", "a Harbour Board statement", "Mr Dahl's letter"); a text
// named by what it is about, or by its date, stays a described source.
func TestTextSpeaksForItsAuthor(t *testing.T) {
	text := "The IMF report spoke. A Harbour Board statement spoke. Ingrid Dahl wrote. Ms Dahl's letter spoke. The Iraq report spoke. A Tuesday statement spoke. The harbour report spoke."
	qs, got := resolveMentions(t, text, "The IMF report", "A Harbour Board statement", "Ingrid Dahl", "Ms Dahl's letter", "The Iraq report", "A Tuesday statement", "The harbour report")
	wantNames(t, qs, got, "IMF", "Harbour Board", "Ingrid Dahl", "Ingrid Dahl", "The Iraq report", "A Tuesday statement", "The harbour report")
}
