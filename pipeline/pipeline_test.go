package pipeline_test

import (
	"context"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stance-news/stance/internal/testdir"
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline"
	"github.com/stance-news/stance/pipeline/article"
	"github.com/stance-news/stance/pipeline/source"
)

// sharedArticles reads the seed article and PolNeAR's dev set from
// ../shared beside the checkout, skipping when they are not there.
func sharedArticles(t *testing.T) []article.Article {
	t.Helper()
	inputs := []string{
		testdir.SharedFile(t, "corpus", "seed", "putin-tillerson-2017-04-12.txt"),
		testdir.SharedFile(t, "data", "polnear_dev.jsonl.gz"),
	}
	var arts []article.Article
	err := source.Read(context.Background(), inputs, source.Options{}, func(it source.Item) error {
		if it.Err != nil {
			t.Errorf("%v", it.Err)
			return nil
		}
		arts = append(arts, it.Article)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// Analyze must be a pure function of the article: one Analyzer shared by
// goroutines, fed the articles in any order, gives each article the rows it
// gets alone. Run under -race (.ci/run does), this also proves the stages
// keep no shared mutable state.
func TestAnalyzeIsPureAndSafeForConcurrentUse(t *testing.T) {
	arts := sharedArticles(t)
	an := newAnalyzer(t)
	want := make([][]pipeline.Statement, len(arts))
	total := 0
	for i := range arts {
		want[i] = an.Analyze(&arts[i])
		total += len(want[i])
	}
	if total < 1000 {
		t.Fatalf("only %d statements in %d articles: the comparison would prove little", total, len(arts))
	}

	order := rand.New(rand.NewPCG(1, 2)).Perm(len(arts))
	got := make([][]pipeline.Statement, len(arts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				got[i] = an.Analyze(&arts[i])
			}
		}()
	}
	for _, i := range order {
		next <- i
	}
	close(next)
	wg.Wait()

	for i := range arts {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("article %s: rows differ when analysed concurrently in another order", arts[i].ID)
		}
	}
}

// Every row locates its words: char offsets are code points into the
// article text, and the text column is exactly that stretch.
func TestStatementsLocateTheirText(t *testing.T) {
	arts := sharedArticles(t)
	an := newAnalyzer(t)
	ids := map[string]string{}
	for i := range arts {
		a := &arts[i]
		runes := []rune(a.Text)
		for _, s := range an.Analyze(a) {
			if s.CharStart < 0 || s.CharEnd > len(runes) || s.CharStart >= s.CharEnd {
				t.Fatalf("%s: offsets [%d,%d) outside a text of %d code points", a.ID, s.CharStart, s.CharEnd, len(runes))
			}
			if got := string(runes[s.CharStart:s.CharEnd]); got != s.Text {
				t.Fatalf("%s [%d,%d): text %q, but the article has %q there", a.ID, s.CharStart, s.CharEnd, s.Text, got)
			}
			if !utf8.ValidString(s.Speaker) || !utf8.ValidString(s.Text) {
				t.Fatalf("%s: invalid UTF-8 in a row", a.ID)
			}
			if prev, dup := ids[s.QuoteID]; dup {
				t.Fatalf("quote id %s given twice (%s and %s)", s.QuoteID, prev, a.ID)
			}
			ids[s.QuoteID] = a.ID
		}
	}
}

// Extraction has read the same words as two statements ("…, Danish media
// reports say": "Danish media" with the verb "reports", and "Danish media
// reports" with "say", until adcedc7; "…, according to press reports" until
// f4d33b3). The table must hold each statement once: analysts count rows,
// and join and deduplicate on quote_id. TestSpanTakenBefore checks the
// guard itself.
func TestOneStatementPerSpan(t *testing.T) {
	text := "Harbour deal\n\n" +
		"The Nordhavn port authority is poised to sell its northern quay to a Danish shipping group, Danish media reports say.\n\n" +
		"Trade at the harbour fell by a third last year, according to local media reports.\n"
	a, err := article.ParseText("harbour-deal", "harbour-deal.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	sts := newAnalyzer(t).Analyze(&a)
	seen := map[string]pipeline.Statement{}
	for _, s := range sts {
		if prev, dup := seen[s.QuoteID]; dup {
			t.Errorf("[%d,%d) %q is two rows: speaker %q (%s) and %q (%s)", s.CharStart, s.CharEnd, s.Text, prev.Speaker, prev.Attribution, s.Speaker, s.Attribution)
		}
		seen[s.QuoteID] = s
	}
	for _, words := range []string{"The Nordhavn port authority is poised", "Trade at the harbour fell"} {
		found := false
		for _, s := range sts {
			found = found || strings.HasPrefix(s.Text, words)
		}
		if !found {
			t.Errorf("no statement starting %q: one row per statement, not none", words)
		}
	}
}

// speaker_kind tells an analyst what kind of source speaks: an actor of the
// lexicon by its kind, an unnamed source, or a name the lexicon lacks.
func TestSpeakerKind(t *testing.T) {
	text := "Harbour talks\n\n" +
		"The Kremlin said the talks would go on. A senior official said the talks had stalled. Port director Anders Lund said the quay would reopen.\n"
	a, err := article.ParseText("harbour-talks", "harbour-talks.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Kremlin": "institution", "A senior official": "source", "Anders Lund": "named"}
	got := map[string]string{}
	for _, s := range newAnalyzer(t).Analyze(&a) {
		got[s.Speaker] = s.SpeakerKind
	}
	for sp, kind := range want {
		if got[sp] != kind {
			t.Errorf("%s: speaker_kind %q, want %q (all: %v)", sp, got[sp], kind, got)
		}
	}
}

func newAnalyzer(t *testing.T) *pipeline.Analyzer {
	t.Helper()
	lx, err := lexicon.Load("")
	if err != nil {
		t.Fatal(err)
	}
	an, err := pipeline.New(lx)
	if err != nil {
		t.Fatal(err)
	}
	return an
}

// TestQuoteIDIsStable pins quote ids to the bytes they hash ("id\x00start\x00end",
// SHA-256, first 8 bytes in hex): incremental runs and users join on them, so
// a faster QuoteID must give the same strings. The long id does not fit the
// stack buffer QuoteID starts with.
func TestQuoteIDIsStable(t *testing.T) {
	for _, c := range []struct {
		article    string
		start, end int
		want       string
	}{
		{"bbc-business-001", 0, 57, "f5f050825cc66e4a"},
		{strings.Repeat("x", 200), 12345, 67890, "6671b7505fb62626"},
		{"", 0, 0, "38c8a95155e01964"},
	} {
		if got := pipeline.QuoteID(c.article, c.start, c.end); got != c.want {
			t.Errorf("QuoteID(%.20q, %d, %d) = %s, want %s", c.article, c.start, c.end, got, c.want)
		}
	}
}
