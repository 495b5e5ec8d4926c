package output

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

func TestParallel(t *testing.T) {
	var sum atomic.Int64
	if err := parallel(context.Background(), 3, 100, func(i int) error { sum.Add(int64(i)); return nil }); err != nil {
		t.Fatal(err)
	}
	if sum.Load() != 4950 {
		t.Errorf("jobs ran to a sum of %d, want 4950", sum.Load())
	}

	boom := errors.New("boom")
	var ran atomic.Int64
	err := parallel(context.Background(), 1, 100, func(i int) error {
		ran.Add(1)
		if i == 10 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || ran.Load() != 11 {
		t.Errorf("err %v after %d jobs; want boom after 11 (no job starts after an error)", err, ran.Load())
	}

	ctx, cancel := context.WithCancel(context.Background())
	ran.Store(0)
	// Counted once cancel has returned: the other worker may have taken
	// one more job before it, but none may start after. (Counting from
	// the fifth job instead fails when the scheduler lets the other worker
	// run on between that job's count and its cancel, as under -race.)
	var atCancel atomic.Int64
	err = parallel(ctx, 2, 100, func(i int) error {
		if ran.Add(1) == 5 {
			cancel()
			atCancel.Store(ran.Load())
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || ran.Load() > atCancel.Load()+1 {
		t.Errorf("err %v after %d jobs, %d when cancelled; want context.Canceled and at most one job more", err, ran.Load(), atCancel.Load())
	}
}
