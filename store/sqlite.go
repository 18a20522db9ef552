package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"time"

	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// This file holds everything specific to SQLite: the DSN, the pools, the
// checkpoints and the SQL only SQLite writes so (sqliteDialect); the SQL
// both backends share is in queries.go.

// sqlitePragmas are set on every connection, unless the caller's DSN already
// names the same pragma.
//
// synchronous=NORMAL: in WAL mode a commit is durable once it is in the WAL
// file, which survives the process being killed (the OS keeps the written
// pages); only a power cut or kernel crash can roll back the last commits, and
// never corrupts the file. Source state lives in the same database, so such a
// rollback also rolls back the ETag that would have hidden those items, and
// the next crawl fetches them again. FULL would fsync the WAL on every commit
// for no gain to this program. Pass _pragma=synchronous(FULL) to choose it.
var sqlitePragmas = []struct{ name, value string }{
	{"busy_timeout", "5000"},
	{"foreign_keys", "ON"},
	{"synchronous", "NORMAL"},
	{"cache_size", "-16000"}, // KiB per connection
	{"temp_store", "MEMORY"},
}

// writerPragmas are set on the writer connection only. journal_size_limit
// (bytes) bounds the WAL left after a checkpoint. The background
// checkpoints fold the WAL into the database (Store.checkpointLoop);
// wal_autocheckpoint (pages) is only their backstop, for when they fall
// behind: SQLite runs it inside the writer's commit, and at its default of
// 1000 pages it cost the writer about a fifth of its saves. page_size
// applies to a new file only: 8 KiB pages hold three items of 2.5 KB where
// 4 KiB pages hold one, and halve the writes of a commit.
var writerPragmas = []struct{ name, value string }{
	{"page_size", "8192"},
	{"wal_autocheckpoint", "10000"},
	{"journal_size_limit", "67108864"},
}

// sqliteDSN adds the driver parameters syndic needs to path, a file name or a
// "file:" URI that may carry its own parameters (which win over these).
func sqliteDSN(path string, writer bool) (string, error) {
	if path == "" {
		return "", fmt.Errorf("empty database path")
	}
	base, rawQuery, _ := strings.Cut(path, "?")
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return "", fmt.Errorf("parse dsn %q: %w", path, err)
	}
	if base == ":memory:" || base == "file::memory:" || q.Get("mode") == "memory" {
		return "", fmt.Errorf("in-memory database %q: the store needs a file", path)
	}
	given := make(map[string]bool)
	for _, p := range q["_pragma"] {
		name, _, _ := strings.Cut(p, "(")
		name, _, _ = strings.Cut(name, "=")
		given[strings.ToLower(strings.TrimSpace(name))] = true
	}
	add := func(name, value string) {
		if !given[name] {
			q.Add("_pragma", name+"("+value+")")
		}
	}
	for _, p := range sqlitePragmas {
		add(p.name, p.value)
	}
	if writer {
		for _, p := range writerPragmas {
			add(p.name, p.value)
		}
		// The WAL journal (persistent in the file) comes as the driver's
		// own key, which it applies after the _pragma list: it runs that
		// list in alphabetical order, and once a new file is in WAL mode
		// its page size can no longer change.
		if !given["journal_mode"] && !q.Has("_journal_mode") && !q.Has("_journal") {
			q.Set("_journal_mode", "WAL")
		}
		q.Set("_txlock", "immediate")
	} else {
		// Readers never write: a bug that tries fails instead of waiting
		// for the writer's lock.
		add("query_only", "1")
		q.Del("_txlock")
	}
	return base + "?" + q.Encode(), nil
}

// openSQLite opens the two pools on one SQLite file: a writer with one
// connection, so that writers queue in Go instead of contending for the
// file lock, and readers that WAL lets run beside it.
func openSQLite(ctx context.Context, path string) (w, r *sql.DB, err error) {
	wdsn, err := sqliteDSN(path, true)
	if err != nil {
		return nil, nil, err
	}
	rdsn, err := sqliteDSN(path, false)
	if err != nil {
		return nil, nil, err
	}
	w, err = sql.Open("sqlite", wdsn)
	if err != nil {
		return nil, nil, fmt.Errorf("open writer: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	// The writer connects first: it switches the file to WAL before any
	// reader opens it. Switching takes an exclusive lock and SQLite does not
	// call the busy handler for it, so two processes opening a new file at
	// once can see SQLITE_BUSY: retry for as long as busy_timeout would wait.
	err = pingRetryBusy(ctx, w, 5*time.Second)
	if err != nil {
		w.Close()
		return nil, nil, fmt.Errorf("open writer: %w", err)
	}
	if err := quickCheck(ctx, w); err != nil {
		w.Close()
		return nil, nil, err
	}
	r, err = sql.Open("sqlite", rdsn)
	if err != nil {
		w.Close()
		return nil, nil, fmt.Errorf("open readers: %w", err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	r.SetConnMaxIdleTime(0)
	r.SetConnMaxLifetime(0)
	return w, r, nil
}

// ErrCorrupt: the database file fails SQLite's integrity check.
var ErrCorrupt = errors.New("database is corrupt")

// quickCheck runs SQLite's quick_check (the b-trees and their records,
// without cross-checking indexes): a damaged file is refused at start-up,
// where an operator sees it, instead of answering 500 on every feed. It
// reads the whole file once (4 s for a 951 MB file of 200,000 items).
func quickCheck(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "PRAGMA quick_check(5)")
	if err != nil {
		if strings.Contains(err.Error(), "malformed") || strings.Contains(err.Error(), "not a database") {
			return fmt.Errorf("quick_check: %w: %v", ErrCorrupt, err)
		}
		return fmt.Errorf("quick_check: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("quick_check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("quick_check: %w: %v", ErrCorrupt, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("quick_check: %w: %s (restore it from a backup, or move it away to start afresh)", ErrCorrupt, strings.Join(problems, "; "))
	}
	return nil
}

// sqliteCheckpoint runs a TRUNCATE checkpoint on the writer connection,
// lowering its busy timeout to wait for readers no longer than wait: under a
// steady stream of readers, TRUNCATE would otherwise hold the writer for the
// whole busy timeout.
func sqliteCheckpoint(ctx context.Context, conn *sql.Conn, wait time.Duration) (busy bool, err error) {
	var old int64
	if err := conn.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&old); err != nil {
		return false, err
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA busy_timeout = %d`, wait.Milliseconds())); err != nil {
		return false, err
	}
	var b, walPages, done int
	err = conn.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&b, &walPages, &done)
	// Restore even if ctx is done: the connection outlives this call.
	if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf(`PRAGMA busy_timeout = %d`, old)); err == nil {
		err = rerr
	}
	return b != 0, err
}

// pingRetryBusy connects db, retrying with backoff while the answer is
// SQLITE_BUSY, for at most limit.
func pingRetryBusy(ctx context.Context, db *sql.DB, limit time.Duration) error {
	wait := 5 * time.Millisecond
	deadline := time.Now().Add(limit)
	for {
		err := db.PingContext(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		wait = min(2*wait, 200*time.Millisecond)
	}
}

// isBusy reports whether err is SQLITE_BUSY (or an extended code of it).
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// sqliteDialect is the SQL only SQLite reads so: FTS5 and json_each.
var sqliteDialect = dialect{
	searchArg: ftsQuery,

	inIDs:     `IN (SELECT value FROM json_each($1))`,
	deleteFTS: `DELETE FROM items_fts WHERE rowid = $1`,
	insertFTS: `INSERT INTO items_fts (rowid, keys) VALUES ($1, $2)`,
	inTexts:   `IN (SELECT value FROM json_each($2))`,
	ftsHead:   `INSERT INTO items_fts (rowid, keys) VALUES `,
	ftsRow:    `(?, ?)`,
	searchBefore: `SELECT ` + prefixed("items.", itemColumns) + ` FROM items_fts JOIN items ON items.id = items_fts.rowid
		WHERE items_fts MATCH $1 AND (items.sort_time < $2 OR items.sort_time = $3 AND items.id < $4)
		ORDER BY items.sort_time DESC, items.id DESC LIMIT $5`,
	searchQuotes: `SELECT q.item_id, q.seq, q.position, q.speaker, q.role, q.verb, q.direct, q.text FROM quotes q
		JOIN items i ON i.id = q.item_id
		WHERE ($1 = '[]' OR q.speaker IN (SELECT value FROM json_each($1)))
		  AND ($9 = '[]' OR q.speaker || char(31) || q.role NOT IN (SELECT value FROM json_each($9)))
		  AND NOT EXISTS (SELECT 1 FROM json_each($2) w WHERE NOT EXISTS (
		      SELECT 1 FROM json_each(w.value) k WHERE instr(q.text_keys, ' ' || k.value || ' ') > 0))
		  AND i.sort_time >= $3 AND i.sort_time < $4
		  AND (i.sort_time < $5 OR i.sort_time = $5 AND (q.item_id < $6 OR q.item_id = $6 AND q.seq > $7))
		ORDER BY i.sort_time DESC, q.item_id DESC, q.seq LIMIT $8`,
}
