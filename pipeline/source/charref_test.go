package source

import (
	"context"
	"strings"
	"testing"
)

// Feeds scraped from web pages carry HTML character references; read as
// they are, "F&#244;n" is two words and "&ldquo;" opens no quotation. Both
// a JSONL record (text and title) and a .txt file are read decoded; text
// with an ampersand that is no reference ("AT&T", "Q&A") stays as it is.
func TestCharacterReferencesAreDecoded(t *testing.T) {
	line := `{"id": "a1", "title": "Fine for Bryn F&#244;n", "text": "&ldquo;We will appeal,&rdquo; said Bryn F&#244;n of AT&T &amp; Q&A.\n\nThe communiqu&#233; was signed."}` + "\n"
	var items []Item
	err := readJSONL(context.Background(), File{Path: "in/feed.jsonl", Root: "in"}, strings.NewReader(line),
		Options{MaxArticleBytes: 1 << 20}, func(it Item) error { items = append(items, it); return nil })
	if err != nil || len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items %v, error %v", items, err)
	}
	a := items[0].Article
	if want := "“We will appeal,” said Bryn Fôn of AT&T & Q&A.\n\nThe communiqué was signed."; a.Text != want {
		t.Errorf("text %q, want %q", a.Text, want)
	}
	if a.Title != "Fine for Bryn Fôn" {
		t.Errorf("title %q", a.Title)
	}
	if len(a.Paragraphs) != 2 || a.Paragraph(1) != "The communiqué was signed." {
		t.Errorf("paragraphs %v of %q", a.Paragraphs, a.Text)
	}

	it := readText(File{Path: "in/story.txt", Root: "in"}, strings.NewReader("Fine for Bryn F&#244;n\n\n&ldquo;We will appeal,&rdquo; he said.\n"),
		Options{MaxArticleBytes: 1 << 20})
	if it.Err != nil || it.Article.Title != "Fine for Bryn Fôn" || !strings.Contains(it.Article.Text, "“We will appeal,” he said.") {
		t.Errorf("txt: title %q, text %q, error %v", it.Article.Title, it.Article.Text, it.Err)
	}
}
