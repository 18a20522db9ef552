package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

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

// SaveSourceStates replaces the saved states of the given sources (each
// SourceID non-empty), all in one transaction: none is saved when one
// fails. Times are kept in UTC at microsecond precision.
func (s *Store) SaveSourceStates(ctx context.Context, states ...news.SourceState) error {
	for _, st := range states {
		if st.SourceID == "" {
			return fmt.Errorf("save source state: empty source id")
		}
	}
	save := func(stmt *sql.Stmt, st news.SourceState) error {
		_, err := stmt.ExecContext(ctx,
			st.SourceID, st.ETag, st.LastModified, nullTime(st.LastFetch), nullTime(st.LastSuccess), st.LastError,
			st.Failures, nullTime(st.NextFetch), st.Attribution.Required, st.Attribution.Link, st.Attribution.Notice)
		if err != nil {
			return fmt.Errorf("save source state %s: %w", st.SourceID, err)
		}
		return nil
	}
	if len(states) == 1 {
		return save(s.ws.saveSourceState, states[0])
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save source states: %w", err)
	}
	defer tx.Rollback()
	stmt := tx.StmtContext(ctx, s.ws.saveSourceState)
	for _, st := range states {
		if err := save(stmt, st); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save source states: %w", err)
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
