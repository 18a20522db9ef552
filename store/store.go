// Package store keeps syndic's items, their sections and quotes, and the
// crawl state of each source, in an embedded SQLite database (modernc.org/sqlite,
// no cgo) or, for several processes, in PostgreSQL (pgx).
//
// The aggregator writes with SaveItems and SaveSourceStates; the publisher
// reads with SectionItemsBefore, SourceItems, SectionVersion, Version,
// SearchItems and Quotes. A Store is safe for concurrent use.
//
// Files: store.go opens and closes a store; save.go writes items (and
// dedup.go tells which stored item an incoming one is); items.go reads
// them, pages.go page by page, search.go by words and quotes; columns.go is
// how values are kept in columns; sources.go is the crawl state of sources
// and leases.go the sharing of the crawl between processes; settings.go,
// reroute.go and migrate.go what their names say. queries.go is the SQL both
// backends share, sqlite.go and postgres.go what is each one's own.
//
// Design:
//
//   - Items are deduplicated per source by a dedup key derived once, on
//     insert (the GUID; else the canonical link; else title and published
//     date), and by canonical link; see SaveItems and dedup.go. An edit is
//     detected by a content hash, so resaving an unchanged feed writes nothing.
//   - Two pools on one file: a writer with a single connection (BEGIN
//     IMMEDIATE, so a transaction never has to upgrade its lock; writers queue
//     in Go rather than in busy_timeout) and a pool of query_only readers,
//     which WAL lets run beside the writer on their own snapshots.
//   - WAL with synchronous=NORMAL: a commit survives the process being killed;
//     only a power cut can lose the last commits (never corrupt), and source
//     state rolls back with them, so the next crawl fetches them again.
//   - The WAL is folded into the database off the writer's path: after
//     saves, at most every 100ms, a PASSIVE checkpoint runs on a reader
//     connection beside the next writes, so the writer seldom meets SQLite's
//     automatic checkpoint (wal_autocheckpoint=10000 pages, a backstop),
//     which runs inside its commit. A periodic TRUNCATE checkpoint, which
//     readers cannot starve for long, shrinks the WAL (journal_size_limit=64
//     MiB bounds what checkpoints leave).
//   - The SQL both backends read alike is written once (queries.go), with
//     $1, $2, ... placeholders that both drivers bind; what differs lives in
//     sqlite.go and migrations/, and in postgres.go and migrations_pg/. The
//     rest is backend-neutral database/sql code, and every behaviour test
//     runs on both backends (forBackends).
//   - On PostgreSQL, SaveItems of one source take turns through an advisory
//     lock, so crawlers in several processes never store an item twice;
//     readers use REPEATABLE READ so that one read sees one snapshot, and
//     leases.go shares the crawl between processes.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"
)

// ErrNotFound is returned (wrapped) when a requested record does not exist.
var ErrNotFound = errors.New("not found")

// Option configures Open.
type Option func(*options)

type options struct {
	now             func() time.Time
	checkpointEvery time.Duration
}

// WithClock makes the store read the time (for FetchedAt and section change
// times) from now instead of time.Now.
func WithClock(now func() time.Time) Option {
	return func(o *options) { o.now = now }
}

// WithCheckpointInterval sets how often a background TRUNCATE checkpoint
// folds the WAL back into the database (default 5 minutes; 0 disables it,
// leaving SQLite's automatic checkpoints only).
func WithCheckpointInterval(d time.Duration) Option {
	return func(o *options) { o.checkpointEvery = d }
}

// Store is syndic's database. Create it with Open; it is safe for concurrent use.
type Store struct {
	w, r *sql.DB // w: writes (SQLite: one connection); r: read pool
	q    *queries
	pg   bool // PostgreSQL
	ws   writeStmts
	now  func() time.Time

	speakerMu    sync.Mutex
	speakerRules SpeakerRules // see SetSpeakerRules
	readName     func(string) []string
	registryOf   registryKey // what cachedRegistry was read at
	cachedReg    *Registry   // nil when none, or stale
	regGen       int64       // counts what makes cachedReg stale in this process

	group     saveGroup     // SQLite: calls of SaveItems waiting for the writer (group.go)
	saved     chan struct{} // SQLite: a save committed since the last checkpoint (capacity 1)
	ckptMu    sync.Mutex    // one checkpoint at a time: TRUNCATE would find a PASSIVE one busy
	stop      chan struct{}
	done      chan struct{}
	closeOnce sync.Once
	closeErr  error
}

// Open opens the database named by database and brings its schema up to
// date: a PostgreSQL database when it is a postgres:// or postgresql:// URL
// (see IsPostgres), else a SQLite file.
//
// A SQLite path is a file name or a "file:" URI whose own parameters (say
// _pragma=synchronous(FULL)) win over the defaults; the file is created if
// needed. An in-memory database is not supported: the writer and the
// readers use separate connections to one file.
//
// A PostgreSQL URL is a libpq-style URL; the database must exist. Other
// query parameters are sent as run-time parameters, so search_path=NAME
// keeps syndic's tables in the schema NAME (which must exist). Several
// processes may open one PostgreSQL database and write to it at once.
func Open(ctx context.Context, database string, opts ...Option) (*Store, error) {
	o := options{now: time.Now, checkpointEvery: 5 * time.Minute}
	for _, f := range opts {
		f(&o)
	}
	var (
		w, r *sql.DB
		err  error
		q    = sqliteQueries
		mfs  = sqliteMigrations
		mdir = "migrations"
		pg   = IsPostgres(database)
	)
	if pg {
		w, r, err = openPostgres(ctx, database)
		q, mfs, mdir = postgresQueries, postgresMigrations, "migrations_pg"
		o.checkpointEvery = 0
	} else {
		w, r, err = openSQLite(ctx, database)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", Redact(database), err)
	}
	s := &Store{w: w, r: r, q: q, pg: pg, now: o.now, stop: make(chan struct{}), done: make(chan struct{})}
	if !pg {
		s.saved = make(chan struct{}, 1)
	}
	ms, err := loadMigrations(mfs, mdir)
	if err == nil {
		err = migrate(ctx, w, s.q, ms, s.clock().UnixMicro())
	}
	if err == nil {
		s.ws, err = prepareWrites(ctx, w, s.q)
	}
	if err == nil {
		s.ws.sourceState, err = r.PrepareContext(ctx, s.q.sourceState)
		if err == nil && !s.pg {
			s.ws.heldItems, err = r.PrepareContext(ctx, s.q.itemsByKeys)
		}
		if err != nil {
			s.ws.close()
			err = fmt.Errorf("prepare statement: %w", err)
		}
	}
	if err != nil {
		r.Close()
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", Redact(database), err)
	}
	go s.checkpointLoop(o.checkpointEvery)
	return s, nil
}

// Shared reports whether the database may be shared by several processes
// (PostgreSQL): crawlers then take turns through source leases and host
// turns (see ClaimSources and HostTurn). A SQLite store belongs to one
// process.
func (s *Store) Shared() bool { return s.pg }

// Close stops the background checkpoints, folds the WAL into the database and
// closes it. Calls after the first return the first call's result.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		close(s.stop)
		<-s.done
		_, err := s.Checkpoint(context.Background())
		s.closeErr = errors.Join(err, s.ws.close(), s.r.Close(), s.w.Close())
	})
	return s.closeErr
}

// checkpointWait bounds how long Checkpoint waits for readers of older
// snapshots; writers queue behind it meanwhile.
const checkpointWait = 200 * time.Millisecond

// Checkpoint copies the WAL into the database file and truncates it. It
// waits for readers of older snapshots for at most 200ms of busy-handler
// sleep (writers queue behind it meanwhile); busy reports that it could not
// finish in that time, which is not an error: the next checkpoint catches up.
// On PostgreSQL, whose server manages its own log, it does nothing.
func (s *Store) Checkpoint(ctx context.Context) (busy bool, err error) {
	if s.pg {
		return false, nil
	}
	s.ckptMu.Lock()
	defer s.ckptMu.Unlock()
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return false, fmt.Errorf("checkpoint wal: %w", err)
	}
	defer conn.Close()
	busy, err = sqliteCheckpoint(ctx, conn, checkpointWait)
	if err != nil {
		return false, fmt.Errorf("checkpoint wal: %w", err)
	}
	return busy, nil
}

// checkpointLoop runs the background checkpoints until Close: a PASSIVE one
// after saves (see committed), and a TRUNCATE one every every (none when 0).
func (s *Store) checkpointLoop(every time.Duration) {
	defer close(s.done)
	var tick <-chan time.Time
	if every > 0 {
		t := time.NewTicker(every)
		defer t.Stop()
		tick = t.C
	}
	// A failed or busy checkpoint is retried at the next save or tick, and
	// SQLite's automatic checkpoints go on meanwhile; there is no caller to
	// report to.
	for {
		select {
		case <-s.stop:
			return
		case <-s.saved:
			// PASSIVE copies what no reader still needs and waits for
			// no one; a reader connection may run it, since it changes
			// no content. The writer goes on meanwhile.
			s.ckptMu.Lock()
			_, _ = s.r.ExecContext(context.Background(), `PRAGMA wal_checkpoint(PASSIVE)`)
			s.ckptMu.Unlock()
			// Saves meanwhile wait for the next one: one checkpoint
			// of several saves' frames writes a page they share once.
			select {
			case <-s.stop:
				return
			case <-time.After(passivePause):
			}
		case <-tick:
			_, _ = s.Checkpoint(context.Background())
		}
	}
}

// passivePause is the least time between two PASSIVE checkpoints.
const passivePause = 100 * time.Millisecond

// committed tells the checkpoint loop that a save committed (SQLite only;
// it never blocks).
func (s *Store) committed() {
	select {
	case s.saved <- struct{}{}:
	default:
	}
}

// clock is the current time as stored: UTC, microseconds.
func (s *Store) clock() time.Time { return roundTime(s.now()) }
