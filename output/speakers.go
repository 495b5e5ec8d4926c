package output

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// speakerAgg accumulates one speaker over the whole dataset.
type speakerAgg struct {
	names, affiliations, mentions, kinds map[string]int
	role                                 string
	roleAt                               time.Time
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

// The speakers table is rebuilt from every quotes partition as it will be
// after this commit (this run's rows for the partitions it rewrites, the
// dataset's file for the others), so it always agrees with the quotes table
// whatever runs came before. Partitions are summed in date order whichever
// folder holds them, so that sums and ties come out the same as in a run
// that wrote them all.

// speakerSource is one quotes file, or, for a partition this commit
// writes, the rows as they are written (fed by mergePartition), so they are
// not read back.
type speakerSource struct {
	path string
	feed chan []speakerQuote // closed when the partition is written
}

// speakerSources lists the quotes files after this commit in date order (a
// partition's files in row order); written maps the partitions this commit
// writes to their feeds, which stand for their files.
func (w *Writer) speakerSources(written map[string]chan []speakerQuote) ([]speakerSource, error) {
	files, err := filepath.Glob(filepath.Join(w.out, QuotesTable, "date=*", "*.parquet"))
	if err != nil {
		return nil, err
	}
	// Keys sort as the sources are summed: by partition, then file.
	byKey := map[string]speakerSource{}
	for _, f := range files {
		part := filepath.Base(filepath.Dir(f))
		if _, ok := written[part]; !ok {
			byKey[part+"/"+filepath.Base(f)] = speakerSource{path: f}
		}
	}
	for part, feed := range written {
		byKey[part+"/"] = speakerSource{feed: feed}
	}
	keys := slices.Sorted(maps.Keys(byKey))
	srcs := make([]speakerSource, len(keys))
	for i, k := range keys {
		srcs[i] = byKey[k]
	}
	return srcs, nil
}

// quotesSource is what the speakers table is summed from in one quotes
// partition: its rows, and the run that wrote its files (a commit rewrites
// a partition whole, so all its files carry that run's id).
type quotesSource struct {
	part, runIDs string // runIDs: every run id of the partition's files, sorted
	rows         int64
}

// quotesSourcesKey is the speakers file's metadata key for sourcesDigest.
const quotesSourcesKey = "stance.quotes_sources"

// sourcesDigest identifies a list of sources whatever its order; partitions
// without rows sum to nothing and are left out.
func sourcesDigest(srcs []quotesSource) string {
	srcs = slices.Clone(srcs)
	slices.SortFunc(srcs, func(a, b quotesSource) int { return strings.Compare(a.part, b.part) })
	h := sha256.New()
	for _, s := range srcs {
		if s.rows > 0 {
			fmt.Fprintf(h, "%s\x00%s\x00%d\n", s.part, s.runIDs, s.rows)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// untouchedQuotes reads, from the files' footers, the sources of the quotes
// partitions this commit does not write.
func (w *Writer) untouchedQuotes(written map[string]chan []speakerQuote) ([]quotesSource, error) {
	files, err := filepath.Glob(filepath.Join(w.out, QuotesTable, "date=*", "*.parquet"))
	if err != nil {
		return nil, err
	}
	byPart := map[string]*quotesSource{}
	runs := map[string][]string{}
	for _, path := range files {
		part := filepath.Base(filepath.Dir(path))
		if _, ok := written[part]; ok {
			continue
		}
		f, pf, err := openParquet(path)
		if err != nil {
			return nil, err
		}
		run, _ := pf.Lookup("stance.run_id")
		rows := pf.NumRows()
		f.Close()
		if byPart[part] == nil {
			byPart[part] = &quotesSource{part: part}
		}
		byPart[part].rows += rows
		if rows > 0 && !slices.Contains(runs[part], run) {
			runs[part] = append(runs[part], run)
		}
	}
	out := make([]quotesSource, 0, len(byPart))
	for part, s := range byPart {
		slices.Sort(runs[part])
		s.runIDs = strings.Join(runs[part], ",")
		out = append(out, *s)
	}
	return out, nil
}

// speakersSummedFrom reports whether the dataset's speakers table was
// summed from the quotes digest names, by this version of the program with
// this lexicon: it is then the table a new sum would give.
func (w *Writer) speakersSummedFrom(digest string) bool {
	f, pf, err := openParquet(filepath.Join(w.out, SpeakersTable, "speakers.parquet"))
	if err != nil {
		return false
	}
	defer f.Close()
	for key, want := range map[string]string{"stance.version": w.meta.Version, "stance.lexicon_version": w.meta.LexiconVersion, quotesSourcesKey: digest} {
		if got, ok := pf.Lookup(key); !ok || got != want {
			return false
		}
	}
	return true
}

// writeSpeakers writes the speakers table from the sums over all quotes;
// sources is their sourcesDigest.
func (w *Writer) writeSpeakers(aggs map[string]*speakerAgg, sources string) (op, error) {
	rows := make([]Speaker, 0, len(aggs))
	for id, a := range aggs {
		rows = append(rows, a.row(id))
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].SpeakerID < rows[j].SpeakerID })

	rel := filepath.Join(SpeakersTable, "speakers.parquet")
	// An empty table is still a file, so that readers globbing the folder
	// find a table with no rows rather than an error.
	meta := w.meta
	meta.QuotesSources = sources
	if err := writeParquet(filepath.Join(w.stage, rel), meta, rows, w.Workers); err != nil {
		return op{}, err
	}
	return op{Staged: rel, Target: rel}, nil
}

// sumSpeakers sums every quote with a speaker id, source by source in order.
// Decoding files is most of the work, so up to workers files are decoded at
// once, in chunks handed over in order: the sums come out exactly as from
// one reader. Fed sources come from the partition writers; stop ends the
// wait for them when the commit gives up. keep, if not nil, picks the
// files' quotes by publication time (fed rows are all summed).
func sumSpeakers(srcs []speakerSource, workers int, stop <-chan struct{}, keep func(*time.Time) bool) (map[string]*speakerAgg, error) {
	type chunk struct {
		rows []speakerQuote
		err  error
	}
	const chunkRows = 1024
	done := make(chan struct{})
	var wg sync.WaitGroup
	defer wg.Wait()
	defer close(done)
	chunks := make([]chan chunk, len(srcs))
	for i, src := range srcs {
		if src.feed == nil {
			chunks[i] = make(chan chunk, 4)
		}
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
		rr, err := openRows[speakerQuote](srcs[i].path)
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
			if q.SpeakerID == "" || keep != nil && !keep(q.Published) {
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
		for i, src := range srcs {
			if src.feed != nil {
				continue
			}
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
	aggs := map[string]*speakerAgg{}
	for i, src := range srcs {
		if src.feed != nil {
			for {
				var rows []speakerQuote
				var ok bool
				select {
				case rows, ok = <-src.feed:
				case <-stop:
					return nil, errors.New("speakers: commit stopped")
				}
				if !ok {
					break
				}
				for k := range rows {
					addQuote(aggs, &rows[k])
				}
			}
			continue
		}
		for c := range chunks[i] {
			if c.err != nil {
				return nil, c.err
			}
			for k := range c.rows {
				addQuote(aggs, &c.rows[k])
			}
		}
	}
	return aggs, nil
}

// speakerFeed turns the quotes rows a partition writer writes into the
// speaker columns, as a read of the written file would give them, and
// sends them on feed until the summing stops (gone). It counts every row
// in counted, with a speaker or not.
//
// The rows' strings point into the spill's blocks, one string per article;
// the sums keep names as map keys, which would keep whole blocks alive, so
// the strings are copied, each distinct one once.
func speakerFeed(feed chan<- []speakerQuote, gone <-chan struct{}, counted *int64) func([]Quote) {
	stopped := false
	// Names, roles and sides repeat across articles and share one copy;
	// an article id comes once, on consecutive rows, so it is kept apart
	// and the map holds up to 32,768 names (about 2 MB; cleared when full:
	// a name seen again after that costs one more copy). 50 MB of news have
	// at most 17,000 distinct names, ids, mentions and roles: with room for
	// 4,096 the map was cleared again and again, and copying names back
	// into it was a sixth of the speakers' sums.
	seen := map[string]string{}
	own := func(s string) string {
		if c, ok := seen[s]; ok {
			return c
		}
		if len(seen) >= 1<<15 {
			clear(seen)
		}
		c := strings.Clone(s)
		seen[c] = c
		return c
	}
	lastArticle := ""
	ownArticle := func(s string) string {
		if s != lastArticle {
			lastArticle = strings.Clone(s)
		}
		return lastArticle
	}
	return func(qs []Quote) {
		*counted += int64(len(qs))
		if stopped {
			return
		}
		n := 0
		for i := range qs {
			if qs[i].SpeakerID != "" {
				n++
			}
		}
		if n == 0 {
			return
		}
		rows := make([]speakerQuote, 0, n) // grown by appends, it was half of what the feed allocated
		for i := range qs {
			q := &qs[i]
			if q.SpeakerID == "" {
				continue
			}
			sq := speakerQuote{ArticleID: ownArticle(q.ArticleID), Speaker: own(q.Speaker), SpeakerID: own(q.SpeakerID),
				SpeakerMention: own(q.SpeakerMention), SpeakerRole: own(q.SpeakerRole), SpeakerAffiliation: own(q.SpeakerAffiliation), SpeakerKind: own(q.SpeakerKind),
				Tone: q.Tone, StanceUS: q.StanceUS, StanceRussia: q.StanceRussia}
			if len(q.StanceSides) > 0 {
				sq.StanceSides = make([]string, len(q.StanceSides))
				for k, v := range q.StanceSides {
					sq.StanceSides[k] = own(v)
				}
			}
			if q.Published != nil {
				// The table stores microseconds.
				t := q.Published.Truncate(time.Microsecond)
				sq.Published = &t
			}
			rows = append(rows, sq)
		}
		select {
		case feed <- rows:
		case <-gone:
			stopped = true
		}
	}
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
	SpeakerKind        string     `parquet:"speaker_kind"` // empty in quotes written before it existed
	Tone               float64    `parquet:"tone"`
	StanceUS           *float64   `parquet:"stance_us,optional"`
	StanceRussia       *float64   `parquet:"stance_russia,optional"`
	StanceSides        []string   `parquet:"stance_sides,list"`
}

// capitalisedPronouns are the subject pronouns as a sentence opens with
// them ("US" and "IT" are names, so the match is exact).
var capitalisedPronouns = map[string]bool{"He": true, "She": true, "It": true, "They": true, "We": true, "I": true, "You": true}

func addQuote(aggs map[string]*speakerAgg, q *speakerQuote) {
	a := aggs[q.SpeakerID]
	if a == nil {
		a = &speakerAgg{names: map[string]int{}, affiliations: map[string]int{}, mentions: map[string]int{}, kinds: map[string]int{}}
		aggs[q.SpeakerID] = a
	}
	a.names[q.Speaker]++
	if q.SpeakerAffiliation != "" {
		a.affiliations[q.SpeakerAffiliation]++
	}
	if q.SpeakerKind != "" {
		a.kinds[q.SpeakerKind]++
	}
	// Aliases are the names the speaker went by; pronouns and common nouns
	// ("he", "officials") are not names, capitalised or not: a sentence
	// opening with "He said" capitalises the pronoun.
	if r, _ := utf8.DecodeRuneInString(q.SpeakerMention); unicode.IsUpper(r) && !capitalisedPronouns[q.SpeakerMention] {
		if m := aliasForm(oneLine(q.SpeakerMention)); m != "" {
			a.mentions[m]++
		}
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
		// A malformed entry is skipped rather than failing the run: the
		// quotes table keeps it for anyone who wants to look.
		values, _ := ParseStanceSides(q.StanceSides)
		for side, v := range values {
			a.addSide(side, v)
		}
	} else {
		// Quotes written before stance_sides existed carry the two fixed
		// columns only (a quote written since has both or neither).
		if q.StanceUS != nil {
			a.addSide("us", *q.StanceUS)
		}
		if q.StanceRussia != nil {
			a.addSide("russia", *q.StanceRussia)
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

func (a *speakerAgg) addSide(side string, v float64) {
	if a.sideSum == nil {
		a.sideSum, a.sideN = map[string]float64{}, map[string]int64{}
	}
	a.sideSum[side] += v
	a.sideN[side]++
}

// aliasForm is a mention as a name: without a connective that opened its
// sentence ("And Chancellor Gordon Brown") or a possessive ending ("Gordon
// Brown's"), which are the same name again.
func aliasForm(m string) string {
	if w, rest, ok := strings.Cut(m, " "); ok && aliasOpeners[w] {
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
			m = rest
		}
	}
	for _, suf := range [...]string{"'s", "’s"} {
		if n, ok := strings.CutSuffix(m, suf); ok {
			return n
		}
	}
	return m
}

var aliasOpeners = map[string]bool{"And": true, "But": true, "So": true, "Yet": true, "Then": true, "Now": true,
	"Also": true, "Even": true, "Meanwhile": true, "However": true, "Said": true, "Says": true}

// oneLine writes a name as one line with single spaces: the mention is the
// article's words as they stand, and a hard-wrapped text breaks "Anne\nLund"
// across lines, which is the name "Anne Lund" again, not another alias.
func oneLine(m string) string {
	for i := 0; i < len(m); i++ {
		if c := m[i]; c == '\n' || c == '\r' || c == '\t' || c >= utf8.RuneSelf || (c == ' ' && i+1 < len(m) && m[i+1] == ' ') {
			return strings.Join(strings.Fields(m), " ")
		}
	}
	return m
}

func (a *speakerAgg) row(id string) Speaker {
	s := Speaker{
		SpeakerID:     id,
		Speaker:       mostCommon(a.names),
		Role:          a.role,
		Affiliation:   mostCommon(a.affiliations),
		Kind:          mostCommon(a.kinds),
		NQuotes:       a.quotes,
		NArticles:     a.nArticles,
		FirstSeen:     a.first,
		LastSeen:      a.last,
		MeanTone:      a.toneSum / float64(a.quotes),
		NStanceUS:     a.usN,
		NStanceRussia: a.ruN,
	}
	for m := range a.mentions {
		// "Analysts" opening a sentence is the speaker "analysts" again.
		if !strings.EqualFold(m, s.Speaker) {
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
	s.NStanceSides = make([]string, 0, len(a.sideN))
	for side, n := range a.sideN {
		s.NStanceSides = append(s.NStanceSides, side+"="+strconv.FormatInt(n, 10))
	}
	s.MeanStanceSides = FormatStanceSides(a.sideMeans())
	sort.Strings(s.NStanceSides)
	return s
}

// sideMeans is the mean stance toward each side with evidence, unrounded.
func (a *speakerAgg) sideMeans() map[string]float64 {
	means := make(map[string]float64, len(a.sideN))
	for side, n := range a.sideN {
		means[side] = a.sideSum[side] / float64(n)
	}
	return means
}

// SpeakerSums is a speaker's row of the speakers table with the stance
// toward each side unrounded, for callers that format the means their way.
type SpeakerSums struct {
	Speaker
	SideMeans map[string]float64
	SideN     map[string]int64 // how many quotes each mean is over
}

// ReadSpeakerSums sums the dataset's quotes table per speaker as the
// speakers table does, over the quotes whose publication time keep accepts
// (nil keeps all): with keep nil the rows are the speakers table's. The
// rows come in no particular order.
func ReadSpeakerSums(out string, keep func(published *time.Time) bool) ([]SpeakerSums, error) {
	files, err := filepath.Glob(filepath.Join(out, QuotesTable, "date=*", "*.parquet"))
	if err != nil {
		return nil, err
	}
	// In the order the writer sums them: by partition, then file.
	sort.Strings(files)
	srcs := make([]speakerSource, len(files))
	for i, f := range files {
		srcs[i] = speakerSource{path: f}
	}
	aggs, err := sumSpeakers(srcs, runtime.GOMAXPROCS(0), nil, keep)
	if err != nil {
		return nil, err
	}
	rows := make([]SpeakerSums, 0, len(aggs))
	for id, a := range aggs {
		rows = append(rows, SpeakerSums{Speaker: a.row(id), SideMeans: a.sideMeans(), SideN: a.sideN})
	}
	return rows, nil
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
