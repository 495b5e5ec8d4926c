package output

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// Quotes written before speaker_kind existed still feed the speakers table:
// the missing column reads as empty, and the new one as written.
func TestSpeakerQuotesReadWithoutKind(t *testing.T) {
	type oldQuote struct {
		ArticleID string  `parquet:"article_id"`
		Speaker   string  `parquet:"speaker"`
		SpeakerID string  `parquet:"speaker_id"`
		Tone      float64 `parquet:"tone"`
	}
	dir := t.TempDir()
	write := func(name string, rows any) string {
		t.Helper()
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		switch rs := rows.(type) {
		case []oldQuote:
			w := parquet.NewGenericWriter[oldQuote](f)
			if _, err := w.Write(rs); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
		case []Quote:
			w := parquet.NewGenericWriter[Quote](f)
			if _, err := w.Write(rs); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct {
		path string
		want string
	}{
		{write("old.parquet", []oldQuote{{ArticleID: "a", Speaker: "Anne Lund", SpeakerID: "anne-lund", Tone: 0.5}}), ""},
		{write("new.parquet", []Quote{{ArticleID: "a", Speaker: "Anne Lund", SpeakerID: "anne-lund", SpeakerKind: "named", RunID: "r"}}), "named"},
	} {
		rr, err := openRows[speakerQuote](c.path)
		if err != nil {
			t.Fatal(err)
		}
		buf := make([]speakerQuote, 4)
		rows, err := rr.r.Read(buf)
		if rows != 1 || err != nil && err.Error() != "EOF" {
			t.Fatalf("%s: read %d rows, %v", c.path, rows, err)
		}
		if buf[0].SpeakerID != "anne-lund" || buf[0].SpeakerKind != c.want {
			t.Errorf("%s: read %+v, want speaker_kind %q", c.path, buf[0], c.want)
		}
		rr.f.Close()
	}
}
