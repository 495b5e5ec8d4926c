package output

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"
)

// fillAll sets every field of a row to a distinct non-zero value, so that a
// field the codec forgets comes back different.
func fillAll(t *testing.T, v reflect.Value) {
	t.Helper()
	for i := range v.NumField() {
		f := v.Field(i)
		name := v.Type().Field(i).Name
		switch f.Interface().(type) {
		case string:
			f.SetString(name + " ünïcode \n\"value\"")
		case int32, int64:
			f.SetInt(int64(-1000 - i))
		case float64:
			f.SetFloat(float64(i) + 0.25)
		case *float64:
			x := -float64(i) / 3
			f.Set(reflect.ValueOf(&x))
		case *time.Time:
			x := time.Date(2017, 4, 12, 10, i, 7, 123456789, time.UTC)
			f.Set(reflect.ValueOf(&x))
		case []string:
			f.Set(reflect.ValueOf([]string{name + "-a", "", name + "-b"}))
		default:
			t.Fatalf("field %s has type %s, which the row codec test does not fill: teach rowcodec.go and this test", name, f.Type())
		}
	}
}

func TestRowCodecRoundTrip(t *testing.T) {
	var q Quote
	fillAll(t, reflect.ValueOf(&q).Elem())
	var a Article
	fillAll(t, reflect.ValueOf(&a).Elem())

	// A second row with every nullable field empty, empty and nil lists,
	// and a negative zero (the literal -0.0 is a positive zero in Go).
	q2 := Quote{QuoteID: "q2", StanceEvidence: []string{}, StanceSides: nil, Confidence: math.Copysign(0, -1)}
	b := appendQuote(appendQuote(nil, &q), &q2)
	d := rowDecoder{s: string(b)}
	var got, got2 Quote
	d.quote(&got)
	d.quote(&got2)
	if d.err != nil || d.s != "" {
		t.Fatalf("decode: err %v, %d bytes left", d.err, len(d.s))
	}
	if !reflect.DeepEqual(got, q) {
		t.Errorf("quote round trip:\n got %+v\nwant %+v", got, q)
	}
	// DeepEqual compares floats with ==, for which -0 equals 0.
	if !reflect.DeepEqual(got2, q2) || !math.Signbit(got2.Confidence) {
		t.Errorf("quote with empty fields round trip:\n got %+v\nwant %+v", got2, q2)
	}

	d = rowDecoder{s: string(appendArticle(nil, &a))}
	var gotA Article
	d.article(&gotA)
	if d.err != nil || d.s != "" {
		t.Fatalf("decode: err %v, %d bytes left", d.err, len(d.s))
	}
	if !reflect.DeepEqual(gotA, a) {
		t.Errorf("article round trip:\n got %+v\nwant %+v", gotA, a)
	}
}

// A truncated block is an error, never a panic or a made-up row.
func TestRowCodecTruncated(t *testing.T) {
	var q Quote
	fillAll(t, reflect.ValueOf(&q).Elem())
	b := appendQuote(nil, &q)
	for n := range len(b) {
		d := rowDecoder{s: string(b[:n])}
		var got Quote
		d.quote(&got)
		if !errors.Is(d.err, errSpillCorrupt) {
			t.Fatalf("block cut to %d of %d bytes decoded without error", n, len(b))
		}
	}
}

func BenchmarkSpillCodec(b *testing.B) {
	q := Quote{QuoteID: "0123456789abcdef", ArticleID: "bbc/politics/123#4", Text: "We will not be drawn into a war of words with Moscow over this, the minister said",
		Kind: "direct", Cue: "said", Speaker: "Jane Doe", SpeakerID: "jane-doe", SpeakerMention: "Ms Doe", Attribution: "after",
		Confidence: 0.9, Tone: -0.3, ToneLabel: "negative", StanceEvidence: []string{"claim x"}, StanceSides: []string{"us=-0.5"},
		LexiconVersion: "abc123", RunID: "20171231T000000Z-deadbeef"}
	rows := make([]Quote, 8)
	for i := range rows {
		rows[i] = q
		rows[i].QuoteID = fmt.Sprint(i)
	}
	var buf []byte
	out := make([]Quote, len(rows))
	b.ReportAllocs()
	for b.Loop() {
		buf = buf[:0]
		for i := range rows {
			buf = appendQuote(buf, &rows[i])
		}
		d := rowDecoder{s: string(buf)}
		for i := range out {
			d.quote(&out[i])
		}
	}
	b.SetBytes(int64(len(buf)))
}
