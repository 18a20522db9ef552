package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var sqliteMigrations embed.FS

// migration is one numbered .sql file. Files are append-only: a shipped
// migration is never edited, a change is a new file.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads NNNN_name.sql files from dir of fsys, ordered by number.
func loadMigrations(fsys fs.FS, dir string) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms []migration
	seen := make(map[int]string)
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("read migrations: %s: name must be NNNN_name.sql", name)
		}
		if prev, dup := seen[v]; dup {
			return nil, fmt.Errorf("read migrations: %s and %s share number %d", prev, name, v)
		}
		seen[v] = name
		b, err := fs.ReadFile(fsys, dir+"/"+name)
		if err != nil {
			return nil, fmt.Errorf("read migrations: %w", err)
		}
		ms = append(ms, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// goSteps are the parts of migrations that SQL cannot do, keyed by the file
// they follow; each runs in that migration's transaction, after its SQL.
var goSteps = map[string]func(context.Context, *sql.Tx, *queries) error{
	"0005_search_stems.sql": reindexSearch, // SQLite
	"0004_search_stems.sql": reindexSearch, // PostgreSQL
	"0009_speakers.sql":     reindexSearch, // SQLite: the index gains bylines
	"0008_speakers.sql":     reindexSearch, // PostgreSQL
}

// migrate applies, in order, each migration not yet recorded in
// schema_migrations, each in its own write transaction together with its
// record. Reopening an up-to-date database changes nothing; two processes
// opening the same database at once apply each migration once.
func migrate(ctx context.Context, db *sql.DB, q *queries, ms []migration, now int64) error {
	// In a write transaction from the start (the writer's BEGIN IMMEDIATE):
	// CREATE TABLE IF NOT EXISTS reads the schema before it writes, and a
	// lock upgrade is answered SQLITE_BUSY without waiting.
	tx, err := beginMigration(ctx, db, q)
	if err == nil {
		if _, err = tx.ExecContext(ctx, q.createMigrations); err == nil {
			err = tx.Commit()
		} else {
			tx.Rollback()
		}
	}
	if err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	for _, m := range ms {
		if err := applyMigration(ctx, db, q, m, now); err != nil {
			return err
		}
	}
	return nil
}

// beginMigration begins a write transaction and, on a backend that needs
// it, waits for other processes' migrations to end.
func beginMigration(ctx context.Context, db *sql.DB, q *queries) (*sql.Tx, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil || q.migrationLock == "" {
		return tx, err
	}
	if _, err := tx.ExecContext(ctx, q.migrationLock); err != nil {
		tx.Rollback()
		return nil, err
	}
	return tx, nil
}

func applyMigration(ctx context.Context, db *sql.DB, q *queries, m migration, now int64) error {
	tx, err := beginMigration(ctx, db, q)
	if err != nil {
		return fmt.Errorf("apply migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	var one int
	switch err := tx.QueryRowContext(ctx, q.appliedMigration, m.version).Scan(&one); {
	case err == nil:
		return nil // already applied
	case errors.Is(err, sql.ErrNoRows):
	default:
		return fmt.Errorf("apply migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("apply migration %s: %w", m.name, err)
	}
	if step := goSteps[m.name]; step != nil {
		if err := step(ctx, tx, q); err != nil {
			return fmt.Errorf("apply migration %s: %w", m.name, err)
		}
	}
	if _, err := tx.ExecContext(ctx, q.recordMigration, m.version, m.name, now); err != nil {
		return fmt.Errorf("apply migration %s: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("apply migration %s: %w", m.name, err)
	}
	return nil
}
