package output

import (
	"os"
	"path/filepath"
	"sort"
	"time"
	"unicode"
	"unicode/utf8"
)

// speakerAgg accumulates one speaker over the whole dataset.
type speakerAgg struct {
	names, affiliations, mentions map[string]int
	role                          string
	roleAt                        time.Time
	articles                      map[string]bool
	quotes                        int64
	first, last                   *time.Time
	toneSum                       float64
	usSum, ruSum                  float64
	usN, ruN                      int64
}

// writeSpeakers rebuilds the speakers table from every quotes partition, so
// it always agrees with the quotes table, whatever runs came before.
func (w *Writer) writeSpeakers() error {
	files, err := filepath.Glob(filepath.Join(w.out, QuotesTable, "date=*", "*.parquet"))
	if err != nil {
		return err
	}
	aggs := map[string]*speakerAgg{}
	for _, path := range files {
		rr, err := openRows[Quote](path)
		if err != nil {
			return err
		}
		for {
			q, ok, err := rr.next(nil)
			if err != nil {
				rr.close()
				return err
			}
			if !ok {
				break
			}
			if q.SpeakerID != "" {
				addQuote(aggs, &q)
			}
		}
		rr.close()
	}
	rows := make([]Speaker, 0, len(aggs))
	for id, a := range aggs {
		rows = append(rows, a.row(id))
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].SpeakerID < rows[j].SpeakerID })

	staged := filepath.Join(w.stage, "speakers.parquet")
	f, err := os.Create(staged)
	if err != nil {
		return err
	}
	defer f.Close()
	pw := newWriter[Speaker](f, w.meta, w.RowGroupRows)
	if _, err := pw.Write(rows); err != nil {
		return err
	}
	if err := pw.Close(); err != nil {
		return err
	}
	if err := finishFile(f); err != nil {
		return err
	}
	return move{staged: staged, target: filepath.Join(w.out, SpeakersTable, "speakers.parquet")}.apply()
}

func addQuote(aggs map[string]*speakerAgg, q *Quote) {
	a := aggs[q.SpeakerID]
	if a == nil {
		a = &speakerAgg{names: map[string]int{}, affiliations: map[string]int{}, mentions: map[string]int{}, articles: map[string]bool{}}
		aggs[q.SpeakerID] = a
	}
	a.names[q.Speaker]++
	if q.SpeakerAffiliation != "" {
		a.affiliations[q.SpeakerAffiliation]++
	}
	// Aliases are the names the speaker went by; pronouns and common nouns
	// ("he", "officials") are not names.
	if r, _ := utf8.DecodeRuneInString(q.SpeakerMention); unicode.IsUpper(r) {
		a.mentions[q.SpeakerMention]++
	}
	a.articles[q.ArticleID] = true
	a.quotes++
	a.toneSum += q.Tone
	if q.StanceUS != nil {
		a.usSum += *q.StanceUS
		a.usN++
	}
	if q.StanceRussia != nil {
		a.ruSum += *q.StanceRussia
		a.ruN++
	}
	if p := q.Published; p != nil {
		if a.first == nil || p.Before(*a.first) {
			t := *p
			a.first = &t
		}
		if a.last == nil || p.After(*a.last) {
			t := *p
			a.last = &t
		}
		if q.SpeakerRole != "" && !p.Before(a.roleAt) {
			a.role, a.roleAt = q.SpeakerRole, *p
		}
	} else if q.SpeakerRole != "" && a.role == "" {
		a.role = q.SpeakerRole
	}
}

func (a *speakerAgg) row(id string) Speaker {
	s := Speaker{
		SpeakerID:     id,
		Speaker:       mostCommon(a.names),
		Role:          a.role,
		Affiliation:   mostCommon(a.affiliations),
		NQuotes:       a.quotes,
		NArticles:     int64(len(a.articles)),
		FirstSeen:     a.first,
		LastSeen:      a.last,
		MeanTone:      a.toneSum / float64(a.quotes),
		NStanceUS:     a.usN,
		NStanceRussia: a.ruN,
	}
	for m := range a.mentions {
		if m != s.Speaker {
			s.Aliases = append(s.Aliases, m)
		}
	}
	sort.Strings(s.Aliases)
	if s.Aliases == nil {
		s.Aliases = []string{}
	}
	if a.usN > 0 {
		v := a.usSum / float64(a.usN)
		s.MeanStanceUS = &v
	}
	if a.ruN > 0 {
		v := a.ruSum / float64(a.ruN)
		s.MeanStanceRussia = &v
	}
	return s
}

// mostCommon returns the most frequent key, the smallest on ties, so the
// result does not depend on map order.
func mostCommon(m map[string]int) string {
	best, n := "", 0
	for k, c := range m {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	return best
}
