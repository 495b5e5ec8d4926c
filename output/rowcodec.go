package output

import (
	"encoding/binary"
	"errors"
	"math"
	"time"
)

// The spill stores rows in a compact binary form: JSON cost more CPU than
// writing the Parquet files. Every field is written in struct order;
// TestRowCodecRoundTrip fills every field of each row type through
// reflection, so a field added to Quote or Article but not here fails it.

func appendQuote(b []byte, q *Quote) []byte {
	b = appendString(b, q.QuoteID)
	b = appendString(b, q.ArticleID)
	b = appendTimePtr(b, q.Published)
	b = binary.AppendVarint(b, int64(q.Paragraph))
	b = binary.AppendVarint(b, int64(q.CharStart))
	b = binary.AppendVarint(b, int64(q.CharEnd))
	b = appendString(b, q.Text)
	b = appendString(b, q.Kind)
	b = appendString(b, q.Cue)
	b = appendString(b, q.Speaker)
	b = appendString(b, q.SpeakerID)
	b = appendString(b, q.SpeakerMention)
	b = appendString(b, q.SpeakerRole)
	b = appendString(b, q.SpeakerAffiliation)
	b = appendString(b, q.SpeakerKind)
	b = appendString(b, q.Attribution)
	b = appendFloat(b, q.Confidence)
	b = appendFloat(b, q.Tone)
	b = appendFloat(b, q.ToneLexicon)
	b = appendFloat(b, q.ToneNB)
	b = appendString(b, q.ToneLabel)
	b = appendFloatPtr(b, q.StanceUS)
	b = appendFloatPtr(b, q.StanceRussia)
	b = appendStrings(b, q.StanceEvidence)
	b = appendStrings(b, q.StanceSides)
	b = appendString(b, q.LexiconVersion)
	b = appendString(b, q.RunID)
	return b
}

func (d *rowDecoder) quote(q *Quote) {
	q.QuoteID = d.string()
	q.ArticleID = d.string()
	q.Published = d.timePtr()
	q.Paragraph = int32(d.varint())
	q.CharStart = int32(d.varint())
	q.CharEnd = int32(d.varint())
	q.Text = d.string()
	q.Kind = d.string()
	q.Cue = d.string()
	q.Speaker = d.string()
	q.SpeakerID = d.string()
	q.SpeakerMention = d.string()
	q.SpeakerRole = d.string()
	q.SpeakerAffiliation = d.string()
	q.SpeakerKind = d.string()
	q.Attribution = d.string()
	q.Confidence = d.float()
	q.Tone = d.float()
	q.ToneLexicon = d.float()
	q.ToneNB = d.float()
	q.ToneLabel = d.string()
	q.StanceUS = d.floatPtr()
	q.StanceRussia = d.floatPtr()
	q.StanceEvidence = d.strings()
	q.StanceSides = d.strings()
	q.LexiconVersion = d.string()
	q.RunID = d.string()
}

func appendArticle(b []byte, a *Article) []byte {
	b = appendString(b, a.ArticleID)
	b = appendString(b, a.Source)
	b = appendString(b, a.URL)
	b = appendString(b, a.Title)
	b = appendTimePtr(b, a.Published)
	b = appendTimePtr(b, a.Updated)
	b = appendString(b, a.Text)
	b = appendString(b, a.ContentSHA256)
	b = binary.AppendVarint(b, int64(a.NParagraphs))
	b = binary.AppendVarint(b, int64(a.NQuotes))
	b = appendString(b, a.Status)
	b = appendString(b, a.Error)
	b = appendString(b, a.Version)
	b = appendString(b, a.LexiconVersion)
	b = appendString(b, a.RunID)
	return b
}

func (d *rowDecoder) article(a *Article) {
	a.ArticleID = d.string()
	a.Source = d.string()
	a.URL = d.string()
	a.Title = d.string()
	a.Published = d.timePtr()
	a.Updated = d.timePtr()
	a.Text = d.string()
	a.ContentSHA256 = d.string()
	a.NParagraphs = int32(d.varint())
	a.NQuotes = int32(d.varint())
	a.Status = d.string()
	a.Error = d.string()
	a.Version = d.string()
	a.LexiconVersion = d.string()
	a.RunID = d.string()
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendStrings writes the count plus one, so that nil (0) and empty (1)
// lists come back as they went in.
func appendStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return binary.AppendUvarint(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(len(ss))+1)
	for _, s := range ss {
		b = appendString(b, s)
	}
	return b
}

func appendFloat(b []byte, f float64) []byte {
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
}

func appendFloatPtr(b []byte, f *float64) []byte {
	if f == nil {
		return append(b, 0)
	}
	return appendFloat(append(b, 1), *f)
}

// appendTimePtr keeps the instant (seconds and nanoseconds); rows hold UTC
// times, and the tables store microseconds anyway.
func appendTimePtr(b []byte, t *time.Time) []byte {
	if t == nil {
		return append(b, 0)
	}
	b = binary.AppendVarint(append(b, 1), t.Unix())
	return binary.AppendUvarint(b, uint64(t.Nanosecond()))
}

// rowDecoder reads rows back from one spill block. Strings are slices of
// the block, converted to a string once, so a block costs one allocation for
// all its text. The first error sticks and the rest of the block reads as
// zero values.
type rowDecoder struct {
	s   string
	err error
}

var errSpillCorrupt = errors.New("spill block is corrupt")

func (d *rowDecoder) fail() {
	if d.err == nil {
		d.err = errSpillCorrupt
	}
	d.s = ""
}

func (d *rowDecoder) uvarint() uint64 {
	v, n := uvarintString(d.s)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.s = d.s[n:]
	return v
}

func (d *rowDecoder) varint() int64 {
	u := d.uvarint()
	v := int64(u >> 1) // zig-zag, as binary.AppendVarint writes it
	if u&1 != 0 {
		v = ^v
	}
	return v
}

func (d *rowDecoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.s)) {
		d.fail()
		return ""
	}
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

func (d *rowDecoder) strings() []string {
	n := d.uvarint()
	if n == 0 {
		return nil
	}
	if n-1 > uint64(len(d.s)) { // every string takes at least a byte
		d.fail()
		return nil
	}
	ss := make([]string, n-1)
	for i := range ss {
		ss[i] = d.string()
	}
	return ss
}

func (d *rowDecoder) float() float64 {
	if len(d.s) < 8 {
		d.fail()
		return 0
	}
	var u uint64
	for i := 7; i >= 0; i-- {
		u = u<<8 | uint64(d.s[i])
	}
	d.s = d.s[8:]
	return math.Float64frombits(u)
}

func (d *rowDecoder) present() bool {
	if len(d.s) == 0 {
		d.fail()
		return false
	}
	p := d.s[0]
	d.s = d.s[1:]
	if p > 1 {
		d.fail()
	}
	return p == 1
}

func (d *rowDecoder) floatPtr() *float64 {
	if !d.present() {
		return nil
	}
	f := d.float()
	return &f
}

func (d *rowDecoder) timePtr() *time.Time {
	if !d.present() {
		return nil
	}
	sec := d.varint()
	nsec := d.uvarint()
	t := time.Unix(sec, int64(nsec)).UTC()
	return &t
}

// uvarintString is binary.Uvarint over a string, which saves copying the
// block to bytes.
func uvarintString(s string) (uint64, int) {
	var x uint64
	var shift uint
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		c := s[i]
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				return 0, -1
			}
			return x | uint64(c)<<shift, i + 1
		}
		x |= uint64(c&0x7f) << shift
		shift += 7
	}
	return 0, 0
}
