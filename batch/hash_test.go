package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
	"time"

	"github.com/stance-news/stance/pipeline/article"
)

// TestContentHashBytes: the hash covers "len:field" for title, URL, both
// dates (RFC 3339, UTC) and text, as written into datasets since the first
// release; an incremental run compares it with the stored one, so any other
// byte would make every known article look changed.
func TestContentHashBytes(t *testing.T) {
	a := &article.Article{
		Title:     "Ministers “agree” on ferries",
		URL:       "https://example.org/a?id=7",
		Published: time.Date(2017, 4, 12, 9, 30, 0, 0, time.FixedZone("MSK", 3*3600)),
		Text:      "The ferry union said on Tuesday that talks had failed.\n\n“We will not be moved,” Dahl said.",
	}
	want := sha256.Sum256([]byte("32:Ministers “agree” on ferries" + "26:https://example.org/a?id=7" +
		"20:2017-04-12T06:30:00Z" + "20:0001-01-01T00:00:00Z" + "94:" + a.Text))
	if len(a.Title) != 32 || len(a.Text) != 94 {
		t.Fatalf("fixture lengths changed: title %d, text %d", len(a.Title), len(a.Text))
	}
	if got := ContentHash(a); got != hex.EncodeToString(want[:]) {
		t.Errorf("ContentHash = %s, want %s", got, hex.EncodeToString(want[:]))
	}
}
