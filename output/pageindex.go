package output

import (
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

// parquet-go keeps every row group's page index (min and max per page)
// until the file is closed. For a byte-array column it stores each page's
// min and max whole in one buffer and writes only a 16-byte prefix of each,
// but the prefixes are slices of that buffer, so the whole values stay
// alive: two article texts per 256 KiB page, about 1.7% of all the text a
// partition holds, which grows with the input and sets the commit's peak
// (docs/performance-log.md, section G). compactSchema gives the writer the
// same schema with byte-array columns whose page index keeps only the
// prefixes it writes: the file is byte for byte the same.

// compactSchema returns T's schema with compacting page indexers.
func compactSchema[T any]() *parquet.Schema {
	s := parquet.SchemaOf(new(T))
	return parquet.NewSchema(s.Name(), compactNode{s})
}

// compactNode is a schema node whose byte-array leaves index compactly.
type compactNode struct{ parquet.Node }

func (n compactNode) Type() parquet.Type { return compactType(n.Node) }

func (n compactNode) Fields() []parquet.Field { return compactFields(n.Node.Fields()) }

type compactField struct{ parquet.Field }

func (f compactField) Type() parquet.Type { return compactType(f.Field) }

func (f compactField) Fields() []parquet.Field { return compactFields(f.Field.Fields()) }

func compactFields(fields []parquet.Field) []parquet.Field {
	out := make([]parquet.Field, len(fields))
	for i, f := range fields {
		out[i] = compactField{f}
	}
	return out
}

func compactType(n parquet.Node) parquet.Type {
	t := n.Type()
	if n.Leaf() && t.Kind() == parquet.ByteArray {
		return compactIndexType{t}
	}
	return t
}

type compactIndexType struct{ parquet.Type }

func (t compactIndexType) NewColumnIndexer(sizeLimit int) parquet.ColumnIndexer {
	return compactIndexer{t.Type.NewColumnIndexer(sizeLimit)}
}

type compactIndexer struct{ parquet.ColumnIndexer }

func (c compactIndexer) ColumnIndex() format.ColumnIndex {
	ci := c.ColumnIndexer.ColumnIndex()
	ci.MinValues = compactValues(ci.MinValues)
	ci.MaxValues = compactValues(ci.MaxValues)
	return ci
}

// compactValues copies values into one buffer of their own length.
func compactValues(values [][]byte) [][]byte {
	n := 0
	for _, v := range values {
		n += len(v)
	}
	buf := make([]byte, 0, n)
	out := make([][]byte, len(values))
	for i, v := range values {
		start := len(buf)
		buf = append(buf, v...)
		out[i] = buf[start:len(buf):len(buf)]
	}
	return out
}
