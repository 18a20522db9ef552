package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// This file holds everything specific to PostgreSQL: the connection pools
// and the SQL text. The logic in store.go is shared with SQLite.

//go:embed migrations_pg/*.sql
var postgresMigrations embed.FS

// IsPostgres reports whether database names a PostgreSQL database (a
// postgres:// or postgresql:// URL) rather than a SQLite file.
func IsPostgres(database string) bool {
	lower := strings.ToLower(database)
	return strings.HasPrefix(lower, "postgres://") || strings.HasPrefix(lower, "postgresql://")
}

// Redact returns database with any password in it replaced by "xxxxx", for
// logs and error messages.
func Redact(database string) string {
	if !IsPostgres(database) {
		return database
	}
	u, err := url.Parse(database)
	if err != nil {
		return "postgres://(unparsable URL)"
	}
	if q := u.Query(); q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// openPostgres opens two pools on the database at dsn: writers in READ
// COMMITTED with asynchronous commits (each SaveItems serialises on its
// source with an advisory lock),
// and readers in read-only REPEATABLE READ transactions, so that a read of
// items and then of their sections and quotes sees one snapshot, as a
// SQLite reader does. Any parameter of dsn that is not a connection setting
// (say search_path=syndic) is sent to the server as a run-time parameter.
func openPostgres(ctx context.Context, dsn string) (w, r *sql.DB, err error) {
	open := func(reader bool) (*sql.DB, error) {
		cfg, err := pgx.ParseConfig(dsn)
		if err != nil {
			return nil, fmt.Errorf("parse database url %s: %w", Redact(dsn), err)
		}
		if cfg.RuntimeParams == nil {
			cfg.RuntimeParams = map[string]string{}
		}
		for k, v := range map[string]string{
			"application_name": "syndic",
			// Every query is a short index read or write; compiling one
			// (JIT) costs more than it saves.
			"jit": "off",
		} {
			if _, ok := cfg.RuntimeParams[k]; !ok {
				cfg.RuntimeParams[k] = v
			}
		}
		if reader {
			cfg.RuntimeParams["default_transaction_read_only"] = "on"
			cfg.RuntimeParams["default_transaction_isolation"] = "repeatable read"
		} else if _, ok := cfg.RuntimeParams["synchronous_commit"]; !ok {
			// As SQLite's synchronous=NORMAL: a commit survives syndic
			// being killed (the server has it), and only a crash of the
			// server itself can lose the last commits (at most about
			// 3 × wal_writer_delay), in order, never corrupting anything;
			// source state, committed after the items it hides, goes
			// with them, so the next crawl fetches them again. It spares
			// a WAL flush per commit, and a crawl commits several times.
			// Pass synchronous_commit=on in the URL to choose otherwise.
			cfg.RuntimeParams["synchronous_commit"] = "off"
		}
		return stdlib.OpenDB(*cfg), nil
	}
	if w, err = open(false); err != nil {
		return nil, nil, err
	}
	// Enough for every crawl in flight to hold a host turn and save at
	// once; all kept open, since a new connection costs the server a
	// process.
	w.SetMaxOpenConns(16)
	w.SetMaxIdleConns(16)
	w.SetConnMaxIdleTime(5 * time.Minute)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, nil, fmt.Errorf("connect to %s: %w", Redact(dsn), err)
	}
	if r, err = open(true); err != nil {
		w.Close()
		return nil, nil, err
	}
	n := max(8, 2*runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	r.SetConnMaxIdleTime(5 * time.Minute)
	return w, r, nil
}

// dbMicros is the database's clock in microseconds since the epoch.
const dbMicros = `(extract(epoch FROM clock_timestamp()) * 1000000)::bigint`

// postgresQueries is the PostgreSQL text of every query of store.go; see
// queries for what each takes and returns.
var postgresQueries = queries{
	searchArg: tsQuery,

	createMigrations: `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT    NOT NULL,
		applied_at BIGINT  NOT NULL)`,
	// Migrations of one schema run one process at a time: CREATE TABLE IF
	// NOT EXISTS itself races in PostgreSQL.
	migrationLock:    `SELECT pg_advisory_xact_lock(hashtext('syndic migrate ' || current_schema()))`,
	appliedMigration: `SELECT 1 FROM schema_migrations WHERE version = $1`,
	recordMigration:  `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
	reindexItems:     `SELECT id, title, summary, content FROM items WHERE id > $1 ORDER BY id LIMIT $2`,
	reindexQuotes:    `SELECT item_id, seq, text FROM quotes WHERE item_id > $1 AND item_id <= $2`,
	setQuoteKeys:     `UPDATE quotes SET text_keys = $1 WHERE item_id = $2 AND seq = $3`,

	// Two processes saving one source take turns, so that neither inserts
	// an item the other is inserting (see SaveItems); different sources
	// save in parallel. Held until the transaction ends.
	lockSource: `SELECT pg_advisory_xact_lock(1937006947, hashtext($1))`,

	itemByKey:   `SELECT id, fetched_at, content_hash FROM items WHERE source_id = $1 AND dedup_key = $2`,
	itemsByLink: `SELECT id, fetched_at, content_hash FROM items WHERE source_id = $1 AND canonical_link = $2 AND canonical_link <> '' LIMIT 2`,
	insertItem: `INSERT INTO items (source_id, dedup_key, guid, link, canonical_link, title, summary, content,
		authors, categories, section, published, updated, image, lang, via,
		attr_required, attr_link, attr_notice, fetched_at, sort_time, changed_at, content_hash, published_offset, enclosures)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25) RETURNING id`,
	updateItem: `UPDATE items SET guid = $1, link = $2, canonical_link = $3, title = $4, summary = $5, content = $6,
		authors = $7, categories = $8, section = $9, published = $10, updated = $11, image = $12, lang = $13, via = $14,
		attr_required = $15, attr_link = $16, attr_notice = $17, sort_time = $18, changed_at = $19, content_hash = $20,
		published_offset = $21, enclosures = $22, edited_at = coalesce($23, edited_at) WHERE id = $24`,
	itemSections:   `SELECT section FROM item_sections WHERE item_id = $1`,
	deleteSections: `DELETE FROM item_sections WHERE item_id = $1`,
	insertSection:  `INSERT INTO item_sections (item_id, section, sort_time) VALUES ($1, $2, $3)`,
	deleteQuotes:   `DELETE FROM quotes WHERE item_id = $1`,
	insertQuote:    `INSERT INTO quotes (item_id, seq, position, speaker, role, verb, direct, text, speaker_fold, text_keys) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
	deleteFTS:      `DELETE FROM items_fts WHERE item_id = $1`,
	// The keys are lexemes as they are, not parsed again.
	insertFTS: `INSERT INTO items_fts (item_id, tsv) VALUES ($1, array_to_tsvector(string_to_array($2::text, ' ')))`,
	// $1 is the keys of the words typed as a tsquery (tsQuery).
	searchItems: `SELECT ` + prefixed("i.", itemColumns) + ` FROM items_fts f JOIN items i ON i.id = f.item_id
		WHERE f.tsv @@ $1::tsquery
		ORDER BY i.sort_time DESC, i.id DESC LIMIT $2`,
	searchQuotes: `SELECT q.item_id, q.seq, q.position, q.speaker, q.role, q.verb, q.direct, q.text FROM quotes q
		JOIN items i ON i.id = q.item_id
		WHERE ($1::text = '' OR q.speaker_fold LIKE '%' || $1::text || '%' ESCAPE '\')
		  AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements($2::jsonb) w WHERE NOT EXISTS (
		      SELECT 1 FROM jsonb_array_elements_text(w.value) k WHERE strpos(q.text_keys, ' ' || k.value || ' ') > 0))
		  AND i.sort_time >= $3
		ORDER BY i.sort_time DESC, q.item_id DESC, q.seq LIMIT $4`,
	speakers: `SELECT speaker, count(*) AS n FROM quotes WHERE speaker <> '' GROUP BY speaker ORDER BY n DESC, speaker LIMIT $1`,
	bumpSection: `INSERT INTO section_versions (section, version, changed_at) VALUES ($1, 1, $2)
		ON CONFLICT (section) DO UPDATE SET version = section_versions.version + 1, changed_at = excluded.changed_at`,
	// A section never changed is dated by the store's creation (its first
	// migration), so that an empty feed has a real date.
	sectionVersion: `SELECT coalesce(max(version), 0)::bigint, coalesce(max(changed_at), (SELECT min(applied_at) FROM schema_migrations), 0)
		FROM section_versions WHERE section = $1`,
	// An index-only range read of item_sections_newest in order, stopping
	// after limit rows, then one primary-key lookup per item (see
	// TestPostgresQueryPlans).
	sectionItems: `SELECT ` + prefixed("i.", itemColumns) + `
		FROM item_sections s JOIN items i ON i.id = s.item_id
		WHERE s.section = $1
		ORDER BY s.sort_time DESC, s.item_id DESC
		LIMIT $2`,
	itemByID:    `SELECT ` + itemColumns + ` FROM items WHERE id = $1`,
	itemsAfter:  `SELECT ` + itemColumns + ` FROM items WHERE id > $1 ORDER BY id LIMIT $2`,
	setItemHash: `UPDATE items SET content_hash = $1 WHERE id = $2`,
	setting:     `SELECT value FROM settings WHERE key = $1`,
	saveSetting: `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
	sectionsByIDs: `SELECT item_id, section FROM item_sections
		WHERE item_id = ANY (ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::bigint)) ORDER BY item_id, section`,
	quotesByIDs: `SELECT item_id, position, speaker, role, verb, direct, text FROM quotes
		WHERE item_id = ANY (ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::bigint)) ORDER BY item_id, seq`,
	keyedID:      `SELECT id FROM items WHERE source_id = $1 AND dedup_key IN ($2, $3) ORDER BY dedup_key = $4 DESC LIMIT 1`,
	countItems:   `SELECT count(*) FROM items`,
	sourceState:  `SELECT ` + sourceStateColumns + ` FROM source_states WHERE source_id = $1`,
	sourceStates: `SELECT ` + sourceStateColumns + ` FROM source_states ORDER BY source_id`,
	saveSourceState: `INSERT INTO source_states (` + sourceStateColumns + `)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
		ON CONFLICT (source_id) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
		last_fetch = excluded.last_fetch, last_success = excluded.last_success, last_error = excluded.last_error,
		failures = excluded.failures, next_fetch = excluded.next_fetch, attr_required = excluded.attr_required,
		attr_link = excluded.attr_link, attr_notice = excluded.attr_notice`,

	// Range reads of item_sections_newest and items_source_newest in
	// order, bounded by the cursor (see TestPostgresQueryPlans).
	sectionBefore: `SELECT ` + prefixed("i.", itemColumns) + `
		FROM item_sections s JOIN items i ON i.id = s.item_id
		WHERE s.section = $1 AND s.sort_time <= $2 AND (s.sort_time < $3 OR s.item_id < $4)
		ORDER BY s.sort_time DESC, s.item_id DESC
		LIMIT $5`,
	sourceBefore: `SELECT ` + itemColumns + `
		FROM items
		WHERE source_id = $1 AND sort_time <= $2 AND (sort_time < $3 OR id < $4)
			AND EXISTS (SELECT 1 FROM item_sections s WHERE s.item_id = items.id)
		ORDER BY sort_time DESC, id DESC
		LIMIT $5`,
	version: `SELECT coalesce(sum(version), 0)::bigint, coalesce(max(changed_at), (SELECT min(applied_at) FROM schema_migrations), 0) FROM section_versions`,
}
