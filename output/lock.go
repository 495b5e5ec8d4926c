package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// ErrLocked means another run holds the dataset.
var ErrLocked = errors.New("another stance run is writing this output folder")

// Lock is an exclusive hold on a dataset folder. It is an flock on a file
// inside the folder, so it dies with its process: no stale locks after a
// crash or kill -9.
type Lock struct{ f *os.File }

// Acquire takes the lock on dataset out without waiting.
func Acquire(out string) (*Lock, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", out, err)
	}
	path := filepath.Join(out, ".stance.lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", out, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%s: %w", out, ErrLocked)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return &Lock{f: f}, nil
}

// Release gives the lock up.
func (l *Lock) Release() error { return l.f.Close() }
