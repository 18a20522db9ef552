package aggregator

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"testing"

	"github.com/syndic/syndic/news"
)

// heldSaver holds its first write until released, and refuses any write
// that includes the state of refuse.
type heldSaver struct {
	release chan struct{}
	refuse  string

	mu     sync.Mutex
	writes [][]string // the source IDs of each write, refused ones included
	saved  []string
}

func (s *heldSaver) SaveSourceStates(_ context.Context, states ...news.SourceState) error {
	var ids []string
	for _, st := range states {
		ids = append(ids, st.SourceID)
	}
	s.mu.Lock()
	s.writes = append(s.writes, ids)
	first := len(s.writes) == 1
	s.mu.Unlock()
	if first {
		<-s.release
	}
	if slices.Contains(ids, s.refuse) {
		return errors.New("value refused")
	}
	s.mu.Lock()
	s.saved = append(s.saved, ids...)
	s.mu.Unlock()
	return nil
}

// The states handed over while a write is under way are committed
// together; when that fails, each is written alone, so that the one the
// store refuses costs no other, and close reports it.
func TestStateWriterBatches(t *testing.T) {
	s := &heldSaver{release: make(chan struct{}), refuse: "s5"}
	w := newStateWriter(context.Background(), s)
	w.save(news.SourceState{SourceID: "s0"})
	for ; ; runtime.Gosched() { // wait until the writer holds s0
		s.mu.Lock()
		n := len(s.writes)
		s.mu.Unlock()
		if n == 1 {
			break
		}
	}
	for i := 1; i <= 9; i++ {
		w.save(news.SourceState{SourceID: fmt.Sprintf("s%d", i)})
	}
	close(s.release)
	failed := w.close()

	if len(failed) != 1 || failed["s5"] == nil {
		t.Errorf("failed = %v, want s5 alone", failed)
	}
	if len(s.writes) < 2 || len(s.writes[1]) != 9 {
		t.Fatalf("writes %v; want s0, then s1…s9 together", s.writes)
	}
	slices.Sort(s.saved)
	if want := []string{"s0", "s1", "s2", "s3", "s4", "s6", "s7", "s8", "s9"}; !slices.Equal(s.saved, want) {
		t.Errorf("saved %v, want %v", s.saved, want)
	}
}
