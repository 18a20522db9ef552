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

// This file holds everything specific to SQLite: the DSN, the pools and the
// SQL text. A PostgreSQL backend supplies its own openPostgres and queries
// value; the logic in store.go is shared.

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

// writerPragmas are set on the writer connection only. journal_mode is
// persistent in the file; wal_autocheckpoint (pages) and journal_size_limit
// (bytes) keep the WAL bounded between the periodic TRUNCATE checkpoints.
var writerPragmas = []struct{ name, value string }{
	{"journal_mode", "WAL"},
	{"wal_autocheckpoint", "1000"},
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

// queries is the SQL of one backend. Placeholders are the backend's own;
// lists of ids are passed as one JSON array parameter.
type queries struct {
	// searchArg turns the keys of the words a person typed (queryKeys)
	// into the parameter of searchItems.
	searchArg func(words [][]string) any

	// migrations
	createMigrations string
	migrationLock    string // "" or a statement that makes migrations take turns
	appliedMigration string // version -> 1 row if applied
	recordMigration  string // version, name, applied_at
	reindexItems     string // after id, limit -> id, title, summary, content, by id
	reindexQuotes    string // after item id, up to item id -> item_id, seq, text
	setQuoteKeys     string // text keys, item_id, seq

	// items
	lockSource      string // "" or source_id: the statement SaveItems begins with
	itemByKey       string // source_id, dedup_key -> id, fetched_at, content_hash
	itemsByLink     string // source_id, canonical_link -> at most 2 rows of id, fetched_at, content_hash
	insertItem      string // item columns -> id
	updateItem      string // item columns, id
	itemSections    string // item_id -> section
	deleteSections  string // item_id
	insertSection   string // item_id, section, sort_time
	deleteQuotes    string // item_id
	insertQuote     string // item_id, seq, position, speaker, role, verb, direct, text, speaker fold, text keys (quoteKeys)
	bumpSection     string // section, changed_at
	sectionVersion  string // section -> version, changed_at
	sectionItems    string // section, limit -> item columns
	itemByID        string // id -> item columns
	sectionsByIDs   string // JSON ids -> item_id, section
	quotesByIDs     string // JSON ids -> item_id, position, speaker, role, verb, direct, text
	keyedID         string // source_id, key1, key2 -> id of 1 row if any
	countItems      string
	itemsAfter      string // id, limit -> item columns, by id
	deleteFTS       string // id
	insertFTS       string // id, keys (indexKeys)
	searchItems     string // searchArg, limit -> item columns
	searchQuotes    string // speaker fold (LIKE-escaped), text keys (queryKeys as JSON), since, limit -> quote columns
	speakers        string // limit -> speaker, count
	setItemHash     string // content_hash, id
	setting         string // key -> value
	saveSetting     string // key, value
	sourceState     string // source_id -> state columns
	sourceStates    string // -> state columns, ordered by source_id
	saveSourceState string // state columns

	// paged reads (pages.go)
	sectionBefore string // section, t, t, id, limit: sort_time <= t bounds the index range
	sourceBefore  string // source_id, t, t, id, limit
	version       string // -> sum of versions, latest change
}

// itemColumns are read and written in this order by scanItem and itemArgs.
const itemColumns = `id, source_id, guid, link, title, summary, content, authors, categories, section,
	published, updated, image, lang, via, attr_required, attr_link, attr_notice, fetched_at, published_offset,
	dedup_key, enclosures, edited_at`

const sourceStateColumns = `source_id, etag, last_modified, last_fetch, last_success, last_error,
	failures, next_fetch, attr_required, attr_link, attr_notice`

var sqliteQueries = queries{
	searchArg: ftsQuery,

	createMigrations: `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT    NOT NULL,
		applied_at INTEGER NOT NULL)`,
	appliedMigration: `SELECT 1 FROM schema_migrations WHERE version = ?`,
	recordMigration:  `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
	reindexItems:     `SELECT id, title, summary, content FROM items WHERE id > ? ORDER BY id LIMIT ?`,
	reindexQuotes:    `SELECT item_id, seq, text FROM quotes WHERE item_id > ? AND item_id <= ?`,
	setQuoteKeys:     `UPDATE quotes SET text_keys = ? WHERE item_id = ? AND seq = ?`,

	itemByKey:   `SELECT id, fetched_at, content_hash FROM items WHERE source_id = ? AND dedup_key = ?`,
	itemsByLink: `SELECT id, fetched_at, content_hash FROM items WHERE source_id = ? AND canonical_link = ? AND canonical_link <> '' LIMIT 2`,
	insertItem: `INSERT INTO items (source_id, dedup_key, guid, link, canonical_link, title, summary, content,
		authors, categories, section, published, updated, image, lang, via,
		attr_required, attr_link, attr_notice, fetched_at, sort_time, changed_at, content_hash, published_offset, enclosures)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
	updateItem: `UPDATE items SET guid = ?, link = ?, canonical_link = ?, title = ?, summary = ?, content = ?,
		authors = ?, categories = ?, section = ?, published = ?, updated = ?, image = ?, lang = ?, via = ?,
		attr_required = ?, attr_link = ?, attr_notice = ?, sort_time = ?, changed_at = ?, content_hash = ?,
		published_offset = ?, enclosures = ?, edited_at = coalesce(?, edited_at) WHERE id = ?`,
	itemSections:   `SELECT section FROM item_sections WHERE item_id = ?`,
	deleteSections: `DELETE FROM item_sections WHERE item_id = ?`,
	insertSection:  `INSERT INTO item_sections (item_id, section, sort_time) VALUES (?, ?, ?)`,
	deleteQuotes:   `DELETE FROM quotes WHERE item_id = ?`,
	insertQuote:    `INSERT INTO quotes (item_id, seq, position, speaker, role, verb, direct, text, speaker_fold, text_keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	deleteFTS:      `DELETE FROM items_fts WHERE rowid = ?`,
	insertFTS:      `INSERT INTO items_fts (rowid, keys) VALUES (?, ?)`,
	searchItems: `SELECT ` + prefixed("items.", itemColumns) + ` FROM items_fts JOIN items ON items.id = items_fts.rowid
		WHERE items_fts MATCH ? ORDER BY items.sort_time DESC, items.id DESC LIMIT ?`,
	searchQuotes: `SELECT q.item_id, q.seq, q.position, q.speaker, q.role, q.verb, q.direct, q.text FROM quotes q
		JOIN items i ON i.id = q.item_id
		WHERE (?1 = '' OR q.speaker_fold LIKE '%' || ?1 || '%' ESCAPE '\')
		  AND NOT EXISTS (SELECT 1 FROM json_each(?2) w WHERE NOT EXISTS (
		      SELECT 1 FROM json_each(w.value) k WHERE instr(q.text_keys, ' ' || k.value || ' ') > 0))
		  AND i.sort_time >= ?3
		ORDER BY i.sort_time DESC, q.item_id DESC, q.seq LIMIT ?4`,
	speakers: `SELECT speaker, count(*) AS n FROM quotes WHERE speaker <> '' GROUP BY speaker ORDER BY n DESC, speaker LIMIT ?`,
	bumpSection: `INSERT INTO section_versions (section, version, changed_at) VALUES (?, 1, ?)
		ON CONFLICT (section) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at`,
	// A section never changed is dated by the store's creation (its first
	// migration), so that an empty feed has a real date.
	sectionVersion: `SELECT coalesce(max(version), 0), coalesce(max(changed_at), (SELECT min(applied_at) FROM schema_migrations), 0)
		FROM section_versions WHERE section = ?`,
	// Served by item_sections_newest: a range read of the section's index
	// entries in order, stopping after limit rows, then one primary-key
	// lookup per item (see TestSectionItemsQueryPlan).
	sectionItems: `SELECT ` + prefixed("i.", itemColumns) + `
		FROM item_sections s JOIN items i ON i.id = s.item_id
		WHERE s.section = ?
		ORDER BY s.sort_time DESC, s.item_id DESC
		LIMIT ?`,
	itemByID:    `SELECT ` + itemColumns + ` FROM items WHERE id = ?`,
	itemsAfter:  `SELECT ` + itemColumns + ` FROM items WHERE id > ? ORDER BY id LIMIT ?`,
	setItemHash: `UPDATE items SET content_hash = ? WHERE id = ?`,
	setting:     `SELECT value FROM settings WHERE key = ?`,
	saveSetting: `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
	sectionsByIDs: `SELECT item_id, section FROM item_sections
		WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY item_id, section`,
	quotesByIDs: `SELECT item_id, position, speaker, role, verb, direct, text FROM quotes
		WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY item_id, seq`,
	keyedID:      `SELECT id FROM items WHERE source_id = ? AND dedup_key IN (?, ?) ORDER BY dedup_key = ? DESC LIMIT 1`,
	countItems:   `SELECT count(*) FROM items`,
	sourceState:  `SELECT ` + sourceStateColumns + ` FROM source_states WHERE source_id = ?`,
	sourceStates: `SELECT ` + sourceStateColumns + ` FROM source_states ORDER BY source_id`,
	saveSourceState: `INSERT INTO source_states (` + sourceStateColumns + `)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (source_id) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
		last_fetch = excluded.last_fetch, last_success = excluded.last_success, last_error = excluded.last_error,
		failures = excluded.failures, next_fetch = excluded.next_fetch, attr_required = excluded.attr_required,
		attr_link = excluded.attr_link, attr_notice = excluded.attr_notice`,

	// Both item reads are one range read of an index in order; see
	// TestPageQueryPlans.
	sectionBefore: `SELECT ` + prefixed("i.", itemColumns) + `
		FROM item_sections s JOIN items i ON i.id = s.item_id
		WHERE s.section = ? AND s.sort_time <= ? AND (s.sort_time < ? OR s.item_id < ?)
		ORDER BY s.sort_time DESC, s.item_id DESC
		LIMIT ?`,
	sourceBefore: `SELECT ` + itemColumns + `
		FROM items
		WHERE source_id = ? AND sort_time <= ? AND (sort_time < ? OR id < ?)
			AND EXISTS (SELECT 1 FROM item_sections s WHERE s.item_id = items.id)
		ORDER BY sort_time DESC, id DESC
		LIMIT ?`,
	version: `SELECT coalesce(sum(version), 0), coalesce(max(changed_at), (SELECT min(applied_at) FROM schema_migrations), 0) FROM section_versions`,
}

// prefixed qualifies every column of a comma-separated list with p.
func prefixed(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}
