// Package speakers turns the words that name a speaker into a canonical
// speaker: display name, stable id, role and side.
package speakers

import (
	"strings"
	"time"

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
}

// Resolver resolves mentions against the lexicon's actors. Immutable.
type Resolver struct {
	actors []lexicon.Actor
	byName map[string]int // lower-cased name or alias → actor index
}

// New indexes the lexicon's actors.
func New(lx *lexicon.Lexicon) *Resolver {
	r := &Resolver{actors: lx.Actors, byName: map[string]int{}}
	for i, a := range lx.Actors {
		r.byName[strings.ToLower(a.Name)] = i
		for _, al := range a.Aliases {
			r.byName[strings.ToLower(al)] = i
		}
	}
	return r
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true}

// Resolve returns one Speaker per quote, in the same order. A pronoun takes
// the most recent named speaker before it.
func (r *Resolver) Resolve(a *article.Article, qs []quotes.Quote) []Speaker {
	out := make([]Speaker, len(qs))
	var last Speaker
	for i, q := range qs {
		m := strings.TrimSpace(q.Speaker.Text)
		if m == "" {
			continue
		}
		var sp Speaker
		if pronouns[strings.ToLower(m)] {
			sp = last
		} else {
			sp = r.lookup(m, a.Published)
			last = sp
		}
		sp.Mention = m
		out[i] = sp
	}
	return out
}

func (r *Resolver) lookup(mention string, at time.Time) Speaker {
	key := strings.ToLower(mention)
	if i, ok := r.byName[key]; ok {
		return r.fromActor(r.actors[i], at)
	}
	// A name with a title before it: "Foreign Minister Sergey Lavrov".
	words := strings.Fields(mention)
	for k := 1; k < len(words); k++ {
		if i, ok := r.byName[strings.ToLower(strings.Join(words[k:], " "))]; ok {
			return r.fromActor(r.actors[i], at)
		}
	}
	return Speaker{ID: Slug(mention), Name: mention}
}

func (r *Resolver) fromActor(a lexicon.Actor, at time.Time) Speaker {
	sp := Speaker{ID: a.ID, Name: a.Name, Affiliation: a.Side}
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
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(name) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c > 127 && c != '’' {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
