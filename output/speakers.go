package output

import (
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// speakerAgg accumulates one speaker over the whole dataset.
type speakerAgg struct {
	names, affiliations, mentions map[string]int
	role                          string
	roleAt                        time.Time
	// Quotes are read article by article (partitions in order, each
	// sorted by article id), so counting changes of article counts
	// articles without a set of ids per speaker.
	lastArticle  string
	nArticles    int64
	quotes       int64
	first, last  *time.Time
	toneSum      float64
	usSum, ruSum float64
	usN, ruN     int64
	// Every side in stance_sides, user frames' included.
	sideSum map[string]float64
	sideN   map[string]int64
}

// writeSpeakers rebuilds the speakers table from every quotes partition as
// it will be after this commit (the staged file for partitions this run
// rewrites, the dataset's file for the others), so it always agrees with the
// quotes table whatever runs came before.
func (w *Writer) writeSpeakers(staged map[string]string) (op, error) {
	files, err := filepath.Glob(filepath.Join(w.out, QuotesTable, "date=*", "*.parquet"))
	if err != nil {
		return op{}, err
	}
	// Read partitions in date order whichever folder holds them, so that
	// sums and ties come out the same as in a run that wrote them all.
	byPart := map[string]string{}
	for _, f := range files {
		byPart[filepath.Base(filepath.Dir(f))] = f
	}
	for part, rel := range staged {
		if rel == "" {
			delete(byPart, part)
		} else {
			byPart[part] = filepath.Join(w.stage, rel)
		}
	}
	parts := make([]string, 0, len(byPart))
	for p := range byPart {
		parts = append(parts, p)
	}
	sort.Strings(parts)
	paths := make([]string, len(parts))
	for i, p := range parts {
		paths[i] = byPart[p]
	}
	aggs := map[string]*speakerAgg{}
	workers := w.Workers
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	err = speakerQuotes(paths, workers, func(q *speakerQuote) { addQuote(aggs, q) })
	if err != nil {
		return op{}, err
	}
	rows := make([]Speaker, 0, len(aggs))
	for id, a := range aggs {
		rows = append(rows, a.row(id))
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].SpeakerID < rows[j].SpeakerID })

	rel := filepath.Join(SpeakersTable, "speakers.parquet")
	// An empty table is still a file, so that readers globbing the folder
	// find a table with no rows rather than an error.
	if err := writeParquet(filepath.Join(w.stage, rel), w.meta, rows); err != nil {
		return op{}, err
	}
	return op{Staged: rel, Target: rel}, nil
}

// speakerQuotes calls each for every quote with a speaker id in the files,
// in file order. Decoding the files is most of the work, so up to workers
// files are decoded at once, in chunks handed over in order: the sums come
// out exactly as from one reader.
func speakerQuotes(paths []string, workers int, each func(*speakerQuote)) error {
	type chunk struct {
		rows []speakerQuote
		err  error
	}
	const chunkRows = 1024
	done := make(chan struct{})
	var wg sync.WaitGroup
	defer wg.Wait()
	defer close(done)
	chunks := make([]chan chunk, len(paths))
	for i := range chunks {
		chunks[i] = make(chan chunk, 4)
	}
	send := func(i int, c chunk) bool {
		select {
		case chunks[i] <- c:
			return true
		case <-done:
			return false
		}
	}
	decode := func(i int) {
		defer close(chunks[i])
		rr, err := openRows[speakerQuote](paths[i])
		if err != nil {
			send(i, chunk{err: err})
			return
		}
		defer rr.close()
		rows := make([]speakerQuote, 0, chunkRows)
		for {
			q, ok, err := rr.next(nil)
			if err != nil {
				send(i, chunk{err: err})
				return
			}
			if !ok {
				break
			}
			if q.SpeakerID == "" {
				continue
			}
			if rows = append(rows, q); len(rows) == chunkRows {
				if !send(i, chunk{rows: rows}) {
					return
				}
				rows = make([]speakerQuote, 0, chunkRows)
			}
		}
		if len(rows) > 0 {
			send(i, chunk{rows: rows})
		}
	}
	// Files start in order, each when a slot is free, so the file being
	// summed has always started: no deadlock whatever the buffers hold.
	slots := make(chan struct{}, workers)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range paths {
			select {
			case slots <- struct{}{}:
			case <-done:
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-slots }()
				decode(i)
			}()
		}
	}()
	for i := range paths {
		for c := range chunks[i] {
			if c.err != nil {
				return c.err
			}
			for k := range c.rows {
				each(&c.rows[k])
			}
		}
	}
	return nil
}

// speakerQuote is the part of a quotes row the speakers table is built
// from: reading only these columns skips the texts and the evidence.
type speakerQuote struct {
	ArticleID          string     `parquet:"article_id"`
	Published          *time.Time `parquet:"published,optional,timestamp(microsecond)"`
	Speaker            string     `parquet:"speaker"`
	SpeakerID          string     `parquet:"speaker_id"`
	SpeakerMention     string     `parquet:"speaker_mention"`
	SpeakerRole        string     `parquet:"speaker_role"`
	SpeakerAffiliation string     `parquet:"speaker_affiliation"`
	Tone               float64    `parquet:"tone"`
	StanceUS           *float64   `parquet:"stance_us,optional"`
	StanceRussia       *float64   `parquet:"stance_russia,optional"`
	StanceSides        []string   `parquet:"stance_sides,list"`
}

func addQuote(aggs map[string]*speakerAgg, q *speakerQuote) {
	a := aggs[q.SpeakerID]
	if a == nil {
		a = &speakerAgg{names: map[string]int{}, affiliations: map[string]int{}, mentions: map[string]int{}}
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
	if q.ArticleID != a.lastArticle || a.nArticles == 0 {
		a.lastArticle = q.ArticleID
		a.nArticles++
	}
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
	if len(q.StanceSides) > 0 {
		if a.sideSum == nil {
			a.sideSum, a.sideN = map[string]float64{}, map[string]int64{}
		}
		// A malformed entry is skipped rather than failing the run: the
		// quotes table keeps it for anyone who wants to look.
		values, _ := ParseStanceSides(q.StanceSides)
		for side, v := range values {
			a.sideSum[side] += v
			a.sideN[side]++
		}
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
		NArticles:     a.nArticles,
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
	means := make(map[string]float64, len(a.sideN))
	s.NStanceSides = make([]string, 0, len(a.sideN))
	for side, n := range a.sideN {
		means[side] = a.sideSum[side] / float64(n)
		s.NStanceSides = append(s.NStanceSides, side+"="+strconv.FormatInt(n, 10))
	}
	s.MeanStanceSides = FormatStanceSides(means)
	sort.Strings(s.NStanceSides)
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
