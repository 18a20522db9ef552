package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"github.com/syndic/syndic/news"
)

// SourceState returns the saved state of a source, or the zero SourceState
// (and no error) when none was ever saved.
func (s *Store) SourceState(ctx context.Context, sourceID string) (news.SourceState, error) {
	st, err := scanSourceState(s.ws.sourceState.QueryRowContext(ctx, sourceID))
	if errors.Is(err, sql.ErrNoRows) {
		return news.SourceState{}, nil
	}
	if err != nil {
		return news.SourceState{}, fmt.Errorf("read source state %s: %w", sourceID, err)
	}
	return st, nil
}

// SourceStates returns the saved state of every source, ordered by source ID.
func (s *Store) SourceStates(ctx context.Context) ([]news.SourceState, error) {
	rows, err := s.r.QueryContext(ctx, s.q.sourceStates)
	if err != nil {
		return nil, fmt.Errorf("read source states: %w", err)
	}
	defer rows.Close()
	var out []news.SourceState
	for rows.Next() {
		st, err := scanSourceState(rows)
		if err != nil {
			return nil, fmt.Errorf("read source states: %w", err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read source states: %w", err)
	}
	return out, nil
}

// SaveSourceState replaces the saved state of st.SourceID (non-empty). Times
// are kept in UTC at microsecond precision. It returns once the state is
// committed; the states that concurrent crawls save meanwhile are
// committed in one transaction (a crawl of a feed answering 304 writes
// nothing else), each alone again if that fails.
func (s *Store) SaveSourceState(ctx context.Context, st news.SourceState) error {
	if st.SourceID == "" {
		return fmt.Errorf("save source state: empty source id")
	}
	w := stateWrite{st: st, done: make(chan error, 1)}
	q := &s.states
	q.mu.Lock()
	q.waiting = append(q.waiting, w)
	lead := !q.writing
	q.writing = true
	q.mu.Unlock()
	if lead {
		s.writeStates(context.WithoutCancel(ctx))
	}
	select {
	case err := <-w.done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("save source state %s: %w", st.SourceID, ctx.Err())
	}
}

// stateQueue holds the source states waiting to be written, and whether a
// caller is writing them.
type stateQueue struct {
	mu      sync.Mutex
	waiting []stateWrite
	writing bool
}

type stateWrite struct {
	st   news.SourceState
	done chan error
}

// writeStates commits the states waiting, then hands the states that came
// meanwhile to another goroutine, so that no caller waits for more than
// one batch besides its own.
func (s *Store) writeStates(ctx context.Context) {
	q := &s.states
	q.mu.Lock()
	batch := q.waiting
	q.waiting = nil
	q.mu.Unlock()
	if err := s.saveStates(ctx, batch); err != nil {
		for _, w := range batch { // each alone: one bad state fails no other
			w.done <- s.saveStates(ctx, []stateWrite{w})
		}
	} else {
		for _, w := range batch {
			w.done <- nil
		}
	}
	q.mu.Lock()
	more := len(q.waiting) > 0
	q.writing = more
	q.mu.Unlock()
	if more {
		go s.writeStates(ctx)
	}
}

func (s *Store) saveStates(ctx context.Context, batch []stateWrite) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save source state: %w", err)
	}
	defer tx.Rollback()
	stmt := tx.StmtContext(ctx, s.ws.saveSourceState)
	for _, w := range batch {
		st := w.st
		_, err := stmt.ExecContext(ctx,
			st.SourceID, st.ETag, st.LastModified, nullTime(st.LastFetch), nullTime(st.LastSuccess), st.LastError,
			st.Failures, nullTime(st.NextFetch), st.Attribution.Required, st.Attribution.Link, st.Attribution.Notice)
		if err != nil {
			return fmt.Errorf("save source state %s: %w", st.SourceID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save source state: commit: %w", err)
	}
	return nil
}

type scanner interface{ Scan(dest ...any) error }

func scanSourceState(r scanner) (news.SourceState, error) {
	var st news.SourceState
	var fetch, success, next sql.NullInt64
	err := r.Scan(&st.SourceID, &st.ETag, &st.LastModified, &fetch, &success, &st.LastError,
		&st.Failures, &next, &st.Attribution.Required, &st.Attribution.Link, &st.Attribution.Notice)
	st.LastFetch, st.LastSuccess, st.NextFetch = fromNull(fetch), fromNull(success), fromNull(next)
	return st, err
}
