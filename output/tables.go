// Package output writes the analysis as a Parquet dataset: four tables, each a
// folder that DuckDB, Polars and pyarrow open as one table. It knows nothing
// about how rows were computed.
package output

import "time"

// Table folder names under the output root.
const (
	QuotesTable   = "quotes"
	ArticlesTable = "articles"
	SpeakersTable = "speakers"
	RunsTable     = "runs"
)

// Quote is one row of the quotes table. Field tags follow what DuckDB and
// Polars read without fuss: timestamps in microseconds, nullable values as
// pointers, lists tagged list, repeated strings dictionary-encoded.
type Quote struct {
	QuoteID            string     `parquet:"quote_id" json:"quote_id"`
	ArticleID          string     `parquet:"article_id,dict" json:"article_id"`
	Published          *time.Time `parquet:"published,optional,timestamp(microsecond)" json:"published,omitempty"`
	Paragraph          int32      `parquet:"paragraph" json:"paragraph"`
	CharStart          int32      `parquet:"char_start" json:"char_start"`
	CharEnd            int32      `parquet:"char_end" json:"char_end"`
	Text               string     `parquet:"text" json:"text"`
	Kind               string     `parquet:"kind,dict" json:"kind"`
	Cue                string     `parquet:"cue,dict" json:"cue"`
	Speaker            string     `parquet:"speaker,dict" json:"speaker"`
	SpeakerID          string     `parquet:"speaker_id,dict" json:"speaker_id"`
	SpeakerMention     string     `parquet:"speaker_mention,dict" json:"speaker_mention"`
	SpeakerRole        string     `parquet:"speaker_role,dict" json:"speaker_role"`
	SpeakerAffiliation string     `parquet:"speaker_affiliation,dict" json:"speaker_affiliation"`
	SpeakerKind        string     `parquet:"speaker_kind,dict" json:"speaker_kind"`
	Attribution        string     `parquet:"attribution,dict" json:"attribution"`
	Confidence         float64    `parquet:"confidence" json:"confidence"`
	Tone               float64    `parquet:"tone" json:"tone"`
	ToneLexicon        float64    `parquet:"tone_lexicon" json:"tone_lexicon"`
	ToneNB             float64    `parquet:"tone_nb" json:"tone_nb"`
	ToneLabel          string     `parquet:"tone_label,dict" json:"tone_label"`
	StanceUS           *float64   `parquet:"stance_us,optional" json:"stance_us,omitempty"`
	StanceRussia       *float64   `parquet:"stance_russia,optional" json:"stance_russia,omitempty"`
	StanceEvidence     []string   `parquet:"stance_evidence,list" json:"stance_evidence"`
	StanceSides        []string   `parquet:"stance_sides,list" json:"stance_sides"` // "side=value" for every side with evidence, any frame
	LexiconVersion     string     `parquet:"lexicon_version,dict" json:"lexicon_version"`
	RunID              string     `parquet:"run_id,dict" json:"run_id"`
}

// Article is one row of the articles table: every input article, analysed or
// quarantined, so that no input goes unrecorded.
type Article struct {
	ArticleID      string     `parquet:"article_id" json:"article_id"`
	Source         string     `parquet:"source" json:"source"`
	URL            string     `parquet:"url" json:"url"`
	Title          string     `parquet:"title" json:"title"`
	Published      *time.Time `parquet:"published,optional,timestamp(microsecond)" json:"published,omitempty"`
	Updated        *time.Time `parquet:"updated,optional,timestamp(microsecond)" json:"updated,omitempty"`
	Text           string     `parquet:"text" json:"text"`
	ContentSHA256  string     `parquet:"content_sha256" json:"content_sha256"`
	NParagraphs    int32      `parquet:"n_paragraphs" json:"n_paragraphs"`
	NQuotes        int32      `parquet:"n_quotes" json:"n_quotes"`
	Status         string     `parquet:"status,dict" json:"status"`
	Error          string     `parquet:"error" json:"error"`
	Version        string     `parquet:"version,dict" json:"version"`
	LexiconVersion string     `parquet:"lexicon_version,dict" json:"lexicon_version"`
	RunID          string     `parquet:"run_id,dict" json:"run_id"`
}

// Article statuses.
const (
	StatusOK          = "ok"
	StatusQuarantined = "quarantined"
)

// Speaker is one row of the speakers table, aggregated over the whole dataset.
type Speaker struct {
	SpeakerID        string     `parquet:"speaker_id"`
	Speaker          string     `parquet:"speaker"`
	Aliases          []string   `parquet:"aliases,list"`
	Role             string     `parquet:"role"`
	Affiliation      string     `parquet:"affiliation,dict"`
	Kind             string     `parquet:"kind,dict"` // most frequent speaker_kind
	NQuotes          int64      `parquet:"n_quotes"`
	NArticles        int64      `parquet:"n_articles"`
	FirstSeen        *time.Time `parquet:"first_seen,optional,timestamp(microsecond)"`
	LastSeen         *time.Time `parquet:"last_seen,optional,timestamp(microsecond)"`
	MeanTone         float64    `parquet:"mean_tone"`
	MeanStanceUS     *float64   `parquet:"mean_stance_us,optional"`
	NStanceUS        int64      `parquet:"n_stance_us"`
	MeanStanceRussia *float64   `parquet:"mean_stance_russia,optional"`
	NStanceRussia    int64      `parquet:"n_stance_russia"`
	MeanStanceSides  []string   `parquet:"mean_stance_sides,list"` // "side=mean" for every side with evidence, user frames' included
	NStanceSides     []string   `parquet:"n_stance_sides,list"`    // "side=n": how many statements each mean is over
}

// Run is one row of the runs table.
type Run struct {
	RunID               string    `parquet:"run_id"`
	StartedAt           time.Time `parquet:"started_at,timestamp(microsecond)"`
	FinishedAt          time.Time `parquet:"finished_at,timestamp(microsecond)"`
	Version             string    `parquet:"version"`
	LexiconVersion      string    `parquet:"lexicon_version"`
	Inputs              []string  `parquet:"inputs,list"`
	ArticlesOK          int64     `parquet:"articles_ok"`
	ArticlesUnchanged   int64     `parquet:"articles_unchanged"`
	ArticlesQuarantined int64     `parquet:"articles_quarantined"`
	Quotes              int64     `parquet:"quotes"`
	Status              string    `parquet:"status"`
}
