package lexicon

import (
	"fmt"
	"strings"
	"time"
)

// Side is a party whose position statements are scored against (sides.tsv).
type Side struct {
	ID   string // "us", "russia"
	Name string
}

// Actor is a person or institution that speaks or is spoken of (actors.tsv),
// with the roles it held over time (roles.tsv).
type Actor struct {
	ID      string   // stable id, used as speaker_id
	Name    string   // canonical display name
	Kind    string   // person, institution, country, group
	Side    string   // side id, "" when unaffiliated
	Aliases []string // other names: surname, "the Kremlin", "Moscow"
	Roles   []Role
}

// Role is a title an actor held, with optional bounds (zero: open).
type Role struct {
	Title    string
	From, To time.Time
	Side     string // side while holding the role, "" to keep the actor's
}

// Held reports whether the role was held at t; a zero t matches any role.
func (r Role) Held(t time.Time) bool {
	if t.IsZero() {
		return true
	}
	return (r.From.IsZero() || !t.Before(r.From)) && (r.To.IsZero() || !t.After(r.To))
}

// RoleAt returns the actor's role at t: the latest-starting role held then,
// or the zero Role.
func (a Actor) RoleAt(t time.Time) Role {
	var best Role
	for _, r := range a.Roles {
		if r.Held(t) && (best.Title == "" || r.From.After(best.From)) {
			best = r
		}
	}
	return best
}

// Title is a generic role title that affiliates whoever holds it, named or
// not: "Russian Foreign Minister", "White House press secretary" (titles.tsv).
type Title struct {
	Title string
	Side  string
}

// Side returns the side with that id.
func (lx *Lexicon) Side(id string) (Side, bool) {
	for _, s := range lx.Sides {
		if s.ID == id {
			return s, true
		}
	}
	return Side{}, false
}

func loadSides(lx *Lexicon) []error {
	f, ok := lx.file("sides.tsv")
	if !ok {
		return nil
	}
	rows, errs := readTable(f, "id", "name")
	seen := map[string]bool{}
	for _, r := range rows {
		id := r.Get("id")
		if !validID(id) {
			errs = append(errs, r.Errorf("side id %q: use lower-case letters, digits and - only", id))
			continue
		}
		if seen[id] {
			errs = append(errs, r.Errorf("side %q defined twice", id))
			continue
		}
		seen[id] = true
		lx.Sides = append(lx.Sides, Side{ID: id, Name: r.Get("name")})
	}
	return errs
}

func loadActors(lx *Lexicon) []error {
	var errs []error
	index := map[string]int{}
	for _, f := range lx.Files {
		if f.Name != "actors.tsv" && !(strings.HasPrefix(f.Name, "actors/") && strings.HasSuffix(f.Name, ".tsv")) {
			continue
		}
		rows, e := readTable(f, "id", "name")
		errs = append(errs, e...)
		for _, r := range rows {
			a := Actor{ID: r.Get("id"), Name: r.Get("name"), Kind: r.Get("kind"), Side: r.Get("side"), Aliases: r.List("aliases")}
			if !validID(a.ID) {
				errs = append(errs, r.Errorf("actor id %q: use lower-case letters, digits and - only", a.ID))
				continue
			}
			if a.Side != "" {
				if _, ok := lx.Side(a.Side); !ok {
					errs = append(errs, r.Errorf("actor %q: unknown side %q (see sides.tsv)", a.ID, a.Side))
					continue
				}
			}
			if _, dup := index[a.ID]; dup {
				errs = append(errs, r.Errorf("actor %q defined twice", a.ID))
				continue
			}
			index[a.ID] = len(lx.Actors)
			lx.Actors = append(lx.Actors, a)
		}
	}
	if f, ok := lx.file("roles.tsv"); ok {
		rows, e := readTable(f, "actor", "role")
		errs = append(errs, e...)
		for _, r := range rows {
			i, ok := index[r.Get("actor")]
			if !ok {
				errs = append(errs, r.Errorf("unknown actor %q (see actors.tsv)", r.Get("actor")))
				continue
			}
			role := Role{Title: r.Get("role"), Side: r.Get("side")}
			var err error
			if role.From, err = parseDate(r.Get("from")); err != nil {
				errs = append(errs, r.Errorf("from: %w", err))
				continue
			}
			if role.To, err = parseDate(r.Get("to")); err != nil {
				errs = append(errs, r.Errorf("to: %w", err))
				continue
			}
			if !role.From.IsZero() && !role.To.IsZero() && role.To.Before(role.From) {
				errs = append(errs, r.Errorf("role ends before it starts"))
				continue
			}
			lx.Actors[i].Roles = append(lx.Actors[i].Roles, role)
		}
	}
	return errs
}

func loadTitles(lx *Lexicon) []error {
	f, ok := lx.file("titles.tsv")
	if !ok {
		return nil
	}
	rows, errs := readTable(f, "title", "side")
	for _, r := range rows {
		t := Title{Title: r.Get("title"), Side: r.Get("side")}
		if _, ok := lx.Side(t.Side); !ok && t.Side != "" {
			errs = append(errs, r.Errorf("unknown side %q (see sides.tsv)", t.Side))
			continue
		}
		lx.Titles = append(lx.Titles, t)
	}
	return errs
}

// parseDate reads a from/to column: empty for open-ended, else YYYY-MM-DD.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		// Not time's own message, which speaks of its layout: "parsing
		// time … as \"2006-01-02\": cannot parse … as \"2006\"".
		return time.Time{}, fmt.Errorf("%q: want a date such as 2017-04-12", s)
	}
	return t, nil
}

func validID(id string) bool {
	if id == "" {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}
