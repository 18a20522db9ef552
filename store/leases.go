package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Work sharing between crawler processes on one PostgreSQL database (see
// migrations_pg/0002_leases.sql).
//
// A crawler names itself with an owner string, unique per process, and
// lists the sources it crawls (RegisterSources). ClaimSources leases it due sources no one
// else holds (SELECT ... FOR UPDATE SKIP LOCKED, so two crawlers claiming
// at once never get the same source), RenewLeases keeps them while it
// crawls, and ReleaseSource hands each back with its next due time. A
// lease runs on the database's clock and lapses ttl after its last renewal,
// so the sources of a crawler that was killed are claimed again by the
// others. Due times are the crawlers' own clock.
//
// HostTurn makes requests to one host take turns across processes.
//
// On SQLite, which one process owns, these return ErrNotShared; the
// crawler schedules in memory instead.

// ErrNotShared is returned by the work-sharing calls on a database that
// belongs to one process (SQLite).
var ErrNotShared = errors.New("not a shared database (work sharing needs PostgreSQL)")

// ErrLeaseLost is returned (wrapped) by ReleaseSource when the lease had
// lapsed and another crawler had claimed the source meanwhile.
var ErrLeaseLost = errors.New("lease lost")

var leaseQueries = struct {
	setKnown, addSet, register, claim, renew, release, nextDue, hostLock, hostLast, hostDone string
}{
	setKnown: `SELECT 1 FROM source_sets WHERE set_id = $1 LIMIT 1`,
	addSet: `INSERT INTO source_sets (set_id, source_id) SELECT $1, id FROM unnest($2::text[]) AS id
		ON CONFLICT DO NOTHING`,
	// Sources new to the schedule are due when their stored state says,
	// or at once.
	register: `INSERT INTO source_leases (source_id, due_at)
		SELECT id, coalesce(st.next_fetch, 0) FROM unnest($1::text[]) AS id
		LEFT JOIN source_states st ON st.source_id = id
		ON CONFLICT (source_id) DO NOTHING`,
	// A range read of source_leases_due from the longest due, stopping
	// after $3 rows that are free, in the set and not being claimed by
	// another crawler at this moment.
	claim: `WITH due AS (
			SELECT l.source_id FROM source_leases l
			WHERE l.due_at <= $2 AND (l.owner = '' OR l.expires_at < ` + dbMicros + `)
				AND EXISTS (SELECT 1 FROM source_sets s WHERE s.set_id = $1 AND s.source_id = l.source_id)
			ORDER BY l.due_at, l.source_id
			LIMIT $3
			FOR UPDATE OF l SKIP LOCKED)
		UPDATE source_leases l SET owner = $4, expires_at = ` + dbMicros + ` + $5
		FROM due WHERE l.source_id = due.source_id
		RETURNING l.source_id, l.due_at`,
	renew: `UPDATE source_leases SET expires_at = ` + dbMicros + ` + $3
		WHERE owner = $1 AND source_id = ANY ($2::text[])
		RETURNING source_id`,
	release: `UPDATE source_leases SET owner = '', expires_at = 0, due_at = $3 WHERE source_id = $2 AND owner = $1`,
	// The first free source of the set in source_leases_due, and the
	// sources held by other crawlers (source_leases_held): one of those is
	// due, at the earliest, when its lease lapses, $2 + (expires_at - now)
	// on the crawler's clock.
	nextDue: `SELECT least(
			(SELECT l.due_at FROM source_leases l
				WHERE l.owner = '' AND EXISTS (SELECT 1 FROM source_sets s WHERE s.set_id = $1 AND s.source_id = l.source_id)
				ORDER BY l.due_at, l.source_id LIMIT 1),
			(SELECT min(greatest(l.due_at, $2 + l.expires_at - ` + dbMicros + `)) FROM source_leases l
				WHERE l.owner <> '' AND l.owner <> $3
					AND EXISTS (SELECT 1 FROM source_sets s WHERE s.set_id = $1 AND s.source_id = l.source_id)))`,
	hostLock: `SELECT pg_advisory_xact_lock(1752461172, hashtext($1))`,
	hostLast: `SELECT ` + dbMicros + ` - last_end FROM host_turns WHERE host = $1`,
	hostDone: `INSERT INTO host_turns (host, last_end) VALUES ($1, ` + dbMicros + `)
		ON CONFLICT (host) DO UPDATE SET last_end = excluded.last_end`,
}

// RegisterSources adds the sources of ids that the shared schedule does not
// list yet, due at their stored NextFetch (or at once when never crawled),
// and returns the name of the set of ids, which ClaimSources and NextDue
// take. Sources already listed keep their schedule.
func (s *Store) RegisterSources(ctx context.Context, ids []string) (set string, err error) {
	if !s.pg {
		return "", fmt.Errorf("register sources: %w", ErrNotShared)
	}
	sorted := slices.Sorted(slices.Values(ids))
	sorted = slices.Compact(sorted)
	h := sha256.New()
	for _, id := range sorted {
		h.Write([]byte(id))
		h.Write([]byte{0})
	}
	set = hex.EncodeToString(h.Sum(nil)[:16])
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return "", fmt.Errorf("register sources: %w", err)
	}
	defer tx.Rollback()
	var one int
	switch err := tx.QueryRowContext(ctx, leaseQueries.setKnown, set).Scan(&one); {
	case errors.Is(err, sql.ErrNoRows):
		if _, err := tx.ExecContext(ctx, leaseQueries.addSet, set, sorted); err != nil {
			return "", fmt.Errorf("register sources: %w", err)
		}
	case err != nil:
		return "", fmt.Errorf("register sources: %w", err)
	}
	if _, err := tx.ExecContext(ctx, leaseQueries.register, sorted); err != nil {
		return "", fmt.Errorf("register sources: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return "", fmt.Errorf("register sources: %w", err)
	}
	return set, nil
}

// ClaimSources leases to owner at most n of the sources of set (see
// RegisterSources) that are due at now and that no crawler holds (or whose
// lease lapsed), for ttl, and returns them, the longest due first. A source
// is never leased to two owners at once.
func (s *Store) ClaimSources(ctx context.Context, owner, set string, now time.Time, n int, ttl time.Duration) ([]string, error) {
	if !s.pg {
		return nil, fmt.Errorf("claim sources: %w", ErrNotShared)
	}
	if n < 1 {
		return nil, nil
	}
	rows, err := s.w.QueryContext(ctx, leaseQueries.claim, set, now.UnixMicro(), n, owner, ttl.Microseconds())
	if err != nil {
		return nil, fmt.Errorf("claim sources: %w", err)
	}
	defer rows.Close()
	type claimed struct {
		id  string
		due int64
	}
	var got []claimed
	for rows.Next() {
		var c claimed
		if err := rows.Scan(&c.id, &c.due); err != nil {
			return nil, fmt.Errorf("claim sources: %w", err)
		}
		got = append(got, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("claim sources: %w", err)
	}
	slices.SortFunc(got, func(a, b claimed) int {
		return cmp.Or(cmp.Compare(a.due, b.due), cmp.Compare(a.id, b.id))
	})
	out := make([]string, len(got))
	for i, c := range got {
		out[i] = c.id
	}
	return out, nil
}

// RenewLeases extends owner's leases on ids to ttl from now and returns the
// ids it still held (a lease that lapsed may have gone to another crawler).
func (s *Store) RenewLeases(ctx context.Context, owner string, ids []string, ttl time.Duration) ([]string, error) {
	if !s.pg {
		return nil, fmt.Errorf("renew leases: %w", ErrNotShared)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := s.w.QueryContext(ctx, leaseQueries.renew, owner, ids, ttl.Microseconds())
	if err != nil {
		return nil, fmt.Errorf("renew leases: %w", err)
	}
	defer rows.Close()
	var kept []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("renew leases: %w", err)
		}
		kept = append(kept, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("renew leases: %w", err)
	}
	return kept, nil
}

// ReleaseSource ends owner's lease on the source and makes it due at next.
// It returns an error wrapping ErrLeaseLost, and changes nothing, when
// owner no longer held it.
func (s *Store) ReleaseSource(ctx context.Context, owner, id string, next time.Time) error {
	if !s.pg {
		return fmt.Errorf("release source %s: %w", id, ErrNotShared)
	}
	res, err := s.w.ExecContext(ctx, leaseQueries.release, owner, id, next.UnixMicro())
	if err != nil {
		return fmt.Errorf("release source %s: %w", id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("release source %s: %w", id, ErrLeaseLost)
	}
	return nil
}

// NextDue returns when the earliest of the sources of set that owner does
// not hold falls due (for one another crawler holds: when its lease lapses,
// at the earliest), on the clock of now; the zero time when there is none.
func (s *Store) NextDue(ctx context.Context, owner, set string, now time.Time) (time.Time, error) {
	if !s.pg {
		return time.Time{}, fmt.Errorf("read next due source: %w", ErrNotShared)
	}
	var next sql.NullInt64
	if err := s.w.QueryRowContext(ctx, leaseQueries.nextDue, set, now.UnixMicro(), owner).Scan(&next); err != nil {
		return time.Time{}, fmt.Errorf("read next due source: %w", err)
	}
	return fromNull(next), nil
}

// hostDoneTimeout bounds recording the end of a host turn.
const hostDoneTimeout = 5 * time.Second

// HostTurn waits until no other process sharing the database is requesting
// host (a host:port), then returns how long ago the last request to it
// ended in any process (on the database's clock; negative when none is
// recorded) and done, to be called once when this turn's requests are over:
// it records their end and lets the next process in. The turn also ends,
// unrecorded, when ctx is done or the process dies.
func (s *Store) HostTurn(ctx context.Context, host string) (since time.Duration, done func(), err error) {
	if !s.pg {
		return 0, nil, fmt.Errorf("wait for host %s: %w", host, ErrNotShared)
	}
	// The lock is the transaction's: it is released at commit, rollback
	// or disconnection, whatever happens to this process.
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, nil, fmt.Errorf("wait for host %s: %w", host, err)
	}
	if _, err := tx.ExecContext(ctx, leaseQueries.hostLock, host); err != nil {
		tx.Rollback()
		return 0, nil, fmt.Errorf("wait for host %s: %w", host, err)
	}
	var ago int64
	switch err := tx.QueryRowContext(ctx, leaseQueries.hostLast, host).Scan(&ago); {
	case err == nil:
		since = time.Duration(ago) * time.Microsecond
	case errors.Is(err, sql.ErrNoRows):
		since = -1
	default:
		tx.Rollback()
		return 0, nil, fmt.Errorf("wait for host %s: %w", host, err)
	}
	done = func() {
		dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), hostDoneTimeout)
		defer cancel()
		// A failure leaves the end unrecorded: the next process does not
		// wait for the spacing once. The lock goes with the transaction.
		if _, err := tx.ExecContext(dctx, leaseQueries.hostDone, host); err != nil {
			tx.Rollback()
			return
		}
		tx.Commit()
	}
	return since, done, nil
}
