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
// and the SQL only PostgreSQL writes so (postgresDialect); the SQL both
// backends share is in queries.go.

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

// postgresDialect is the SQL only PostgreSQL reads so: tsvector, jsonb and
// the advisory locks that make processes sharing the database take turns.
var postgresDialect = dialect{
	searchArg: tsQuery,
	numbered:  true,

	// Migrations of one schema run one process at a time: CREATE TABLE IF
	// NOT EXISTS itself races in PostgreSQL.
	migrationLock: `SELECT pg_advisory_xact_lock(hashtext('syndic migrate ' || current_schema()))`,
	// Two processes saving one source take turns, so that neither inserts
	// an item the other is inserting (see SaveItems); different sources
	// save in parallel. Held until the transaction ends.
	lockSource: `SELECT pg_advisory_xact_lock(1937006947, hashtext($1))`,

	inIDs:     `= ANY (ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::bigint))`,
	deleteFTS: `DELETE FROM items_fts WHERE item_id = $1`,
	// The keys are lexemes as they are, not parsed again.
	insertFTS: `INSERT INTO items_fts (item_id, tsv) VALUES ($1, array_to_tsvector(string_to_array($2::text, ' ')))`,
	inTexts:   `= ANY (ARRAY(SELECT jsonb_array_elements_text($2::jsonb)))`,
	// The keys are lexemes as they are, not parsed again.
	ftsHead: `INSERT INTO items_fts (item_id, tsv) VALUES `,
	ftsRow:  `(?, array_to_tsvector(string_to_array(?::text, ' ')))`,
	// $1 is the keys of the words typed as a tsquery (tsQuery).
	searchBefore: `SELECT ` + prefixed("i.", itemColumns) + ` FROM items_fts f JOIN items i ON i.id = f.item_id
		WHERE f.tsv @@ $1::tsquery AND (i.sort_time < $2 OR i.sort_time = $3 AND i.id < $4)
		ORDER BY i.sort_time DESC, i.id DESC LIMIT $5`,
	searchQuotes: `SELECT q.item_id, q.seq, q.position, q.speaker, q.role, q.verb, q.direct, q.text FROM quotes q
		JOIN items i ON i.id = q.item_id
		WHERE ($1::text = '[]' OR q.speaker IN (SELECT jsonb_array_elements_text($1::jsonb)))
		  AND ($9::text = '[]' OR q.speaker || chr(31) || q.role NOT IN (SELECT jsonb_array_elements_text($9::jsonb)))
		  AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements($2::jsonb) w WHERE NOT EXISTS (
		      SELECT 1 FROM jsonb_array_elements_text(w.value) k WHERE strpos(q.text_keys, ' ' || k.value || ' ') > 0))
		  AND i.sort_time >= $3 AND i.sort_time < $4
		  AND (i.sort_time < $5::bigint OR i.sort_time = $5::bigint AND (q.item_id < $6::bigint OR q.item_id = $6::bigint AND q.seq > $7::int))
		ORDER BY i.sort_time DESC, q.item_id DESC, q.seq LIMIT $8`,
}
