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
	oldPath, newPath := filepath.Join(dir, "old.parquet"), filepath.Join(dir, "new.parquet")
	writeRows(t, oldPath, []oldQuote{{ArticleID: "a", Speaker: "Anne Lund", SpeakerID: "anne-lund", Tone: 0.5}})
	writeRows(t, newPath, []Quote{{ArticleID: "a", Speaker: "Anne Lund", SpeakerID: "anne-lund", SpeakerKind: "named", RunID: "r"}})
	for _, c := range []struct {
		path string
		want string
	}{
		{oldPath, ""},
		{newPath, "named"},
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

func writeRows[T any](t *testing.T, path string, rows []T) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := parquet.NewGenericWriter[T](f)
	if _, err := w.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
