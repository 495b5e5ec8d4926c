// Package batchtest writes test inputs for the batch job: generated news
// articles with attributed quotes, and hostile inputs that must be
// quarantined or survived. Everything is generated from a seed, so tests
// need no copied articles and fail the same way twice.
package batchtest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

var (
	speakers = []string{"Maria Ortega", "Viktor Halvorsen", "Amina Diallo", "Tomasz Wrona",
		"Grace Okafor", "Henrik Lund", "Leila Haddad", "Pavel Sorokin", "Julia Brandt", "Omar Siddiqui"}
	roles    = []string{"the foreign minister", "a senior official", "the spokeswoman", "the ambassador", "the senator"}
	subjects = []string{"the talks", "the sanctions", "the ceasefire", "the new treaty", "the border crossing",
		"the summit", "the grain deal", "the inspection regime", "the trade agreement", "the election"}
	verbs  = []string{"said", "told reporters", "added", "said on Tuesday", "wrote in a statement"}
	claims = []string{"will not succeed without trust", "is a step forward for everyone", "was a grave mistake",
		"remains our priority", "cannot be accepted in its current form", "should have happened years ago",
		"is good news for ordinary people", "puts the whole region at risk", "was negotiated in good faith"}
	fillers = []string{"Negotiators met again in the capital on Monday.", "Markets reacted calmly to the news.",
		"Details of the plan were not released.", "The meeting lasted more than four hours.",
		"Several delegations left before the final session.", "Observers expect a vote next month."}
)

// Article is one generated article.
type Article struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Published time.Time `json:"-"`
	URL       string    `json:"url"`
	Text      string    `json:"text"`
}

// Generate returns n articles with ids art-0000…, spread over `days`
// publication dates (0: undated), each with a few attributed quotes.
func Generate(seed uint64, n, days int) []Article {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	base := time.Date(2017, 4, 10, 9, 0, 0, 0, time.UTC)
	out := make([]Article, n)
	for i := range out {
		a := &out[i]
		a.ID = fmt.Sprintf("art-%04d", i)
		subj := pick(r, subjects)
		a.Title = fmt.Sprintf("Leaders disagree over %s", strings.TrimPrefix(subj, "the "))
		a.URL = "https://news.example/" + a.ID
		if days > 0 {
			a.Published = base.Add(time.Duration(r.IntN(days))*24*time.Hour + time.Duration(r.IntN(600))*time.Minute)
		}
		var paras []string
		for p := 0; p < 3+r.IntN(6); p++ {
			sp := pick(r, speakers)
			claim := fmt.Sprintf("%s %s", capitalize(subj), pick(r, claims))
			switch r.IntN(4) {
			case 0:
				paras = append(paras, fmt.Sprintf("“%s,” %s %s.", claim, sp, pick(r, verbs)))
			case 1:
				paras = append(paras, fmt.Sprintf("%s, %s, said: “%s.”", sp, pick(r, roles), claim))
			case 2:
				paras = append(paras, fmt.Sprintf("\"%s,\" said %s. %s", claim, sp, pick(r, fillers)))
			default:
				paras = append(paras, pick(r, fillers)+" "+pick(r, fillers))
			}
		}
		a.Text = strings.Join(paras, "\n\n")
	}
	return out
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// JSONLine is the article as one JSONL record.
func (a Article) JSONLine() []byte {
	rec := map[string]string{"id": a.ID, "title": a.Title, "url": a.URL, "text": a.Text}
	if !a.Published.IsZero() {
		rec["published"] = a.Published.Format(time.RFC3339)
	}
	b, err := json.Marshal(rec)
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

// TextFile is the article in the plain-text shape (headline, "Posted at"
// line, paragraphs).
func (a Article) TextFile() []byte {
	var b strings.Builder
	b.WriteString(a.Title + "\n\n")
	if !a.Published.IsZero() {
		b.WriteString("Posted at " + a.Published.Format("3:04 PM, Jan 2, 2006") + "\n\n")
	}
	b.WriteString(a.Text + "\n")
	return []byte(b.String())
}

// WriteJSONL writes articles as one JSONL file.
func WriteJSONL(path string, arts []Article) error {
	var b []byte
	for _, a := range arts {
		b = append(b, a.JSONLine()...)
	}
	return writeFile(path, b)
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
