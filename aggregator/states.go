package aggregator

import (
	"context"
	"sync"

	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
)

// stateWriter writes the source states of a crawl pass behind its crawls:
// a crawl hands its state over and goes on, and one goroutine commits the
// states waiting, up to maxStateBatch in a transaction. Committing each
// state alone cost a 304 pass half its time; a crash costs at most the
// states not yet written, so that those sources are fetched again with
// their older validators, never an item (items are saved before their
// crawl ends).
type stateWriter struct {
	ctx   context.Context
	store stateSaver
	wake  chan struct{}
	done  chan struct{}

	mu      sync.Mutex
	waiting []news.SourceState
	closed  bool
	failed  map[string]error // by source ID
}

// stateSaver is the part of Store a stateWriter writes to.
type stateSaver interface {
	SaveSourceStates(ctx context.Context, states ...news.SourceState) error
}

// maxStateBatch is how many source states are committed together at most.
const maxStateBatch = 500

func newStateWriter(ctx context.Context, st stateSaver) *stateWriter {
	w := &stateWriter{ctx: ctx, store: st, wake: make(chan struct{}, 1), done: make(chan struct{}), failed: map[string]error{}}
	go w.run()
	return w
}

// save hands a state to the writer; it never fails (failures are
// reported by close).
func (w *stateWriter) save(st news.SourceState) error {
	w.mu.Lock()
	w.waiting = append(w.waiting, st)
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
	return nil
}

// close writes the states still waiting and returns the errors of those
// that could not be written, by source ID.
func (w *stateWriter) close() map[string]error {
	w.mu.Lock()
	w.closed = true
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
	<-w.done
	return w.failed
}

func (w *stateWriter) run() {
	defer close(w.done)
	for range w.wake {
		for {
			w.mu.Lock()
			batch := w.waiting[:min(len(w.waiting), maxStateBatch)]
			w.waiting = w.waiting[len(batch):]
			closed := w.closed && len(w.waiting) == 0
			w.mu.Unlock()
			if len(batch) > 0 {
				w.write(batch)
			}
			if closed {
				return
			}
			if len(batch) == 0 {
				break
			}
		}
	}
}

// write commits batch, or each of its states alone when that fails, so
// that one bad state costs no other. When the database is unreachable the
// states are not tried again one by one: each would fail the same way.
func (w *stateWriter) write(batch []news.SourceState) {
	var err error
	if len(batch) > 1 {
		if err = w.store.SaveSourceStates(w.ctx, batch...); err == nil {
			return
		}
	}
	for _, st := range batch {
		if err == nil || !store.Unavailable(err) {
			err = w.store.SaveSourceStates(w.ctx, st)
		}
		if err != nil {
			w.failed[st.SourceID] = err
		}
	}
}
