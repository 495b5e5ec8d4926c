package batch

import (
	"encoding/binary"
	"fmt"
	"maps"
	"os"
	"slices"

	"github.com/stance-news/stance/internal/sortedrun"
)

// place is where an article was read: the index of its file in the run's
// list of paths, and its line.
type place struct{ file, line int32 }

// seenIDs remembers the id of every article a run reads and where it was
// first read, for the duplicate check. The latest ids are in a map; every
// seenChunk of them the map is sorted and written to a scratch file as a
// run of a sortedrun.Index, of which memory keeps a Bloom filter and every
// seenStride-th id. So a run over millions of articles holds a few bytes
// per article, not the id and a map entry; an id the filter does not rule
// out (the duplicates, and about one in a thousand others) costs one read
// of a few kilobytes per run.
type seenIDs struct {
	recent map[string]place
	chunk  int
	runs   *sortedrun.Index
}

// seenChunk is how many ids wait in memory before they are written as a
// run: 65,536 articles are about 150 MB of news text. (Tests lower it.)
var seenChunk = 1 << 16

// seenStride: one id in this many stays in memory to find a run's records.
const seenStride = 64

func newSeenIDs(newFile func() (*os.File, error)) *seenIDs {
	return &seenIDs{recent: map[string]place{}, chunk: seenChunk, runs: sortedrun.NewIndex(newFile, 8, seenStride)}
}

// get returns where id was first read, if it was.
func (s *seenIDs) get(id string) (place, bool, error) {
	if p, ok := s.recent[id]; ok {
		return p, true, nil
	}
	var rec [8]byte
	ok, err := s.runs.Get(id, rec[:])
	if err != nil || !ok {
		return place{}, false, wrapSeen(err)
	}
	return place{int32(binary.LittleEndian.Uint32(rec[:])), int32(binary.LittleEndian.Uint32(rec[4:]))}, true, nil
}

// add records id, which get did not find, as read at p.
func (s *seenIDs) add(id string, p place) error {
	s.recent[id] = p
	if len(s.recent) >= s.chunk {
		return wrapSeen(s.writeRun())
	}
	return nil
}

// writeRun moves the ids in memory to a sorted run on disk.
func (s *seenIDs) writeRun() error {
	ids := slices.Sorted(maps.Keys(s.recent))
	s.runs.StartRun(len(ids))
	var rec [8]byte
	for _, id := range ids {
		p := s.recent[id]
		binary.LittleEndian.PutUint32(rec[:], uint32(p.file))
		binary.LittleEndian.PutUint32(rec[4:], uint32(p.line))
		if err := s.runs.Add(id, rec[:]); err != nil {
			return err
		}
	}
	if err := s.runs.EndRun(); err != nil {
		return err
	}
	s.recent = map[string]place{} // not cleared: a cleared map keeps its size
	return nil
}

func wrapSeen(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("article ids read so far: %w", err)
}

// close releases the scratch file (it lives in the run's staging folder,
// removed with it).
func (s *seenIDs) close() {
	s.runs.Close()
}
