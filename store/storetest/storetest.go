// Package storetest gives each test a PostgreSQL database of its own: a
// fresh schema of the database named by $SYNDIC_TEST_POSTGRES, so that
// tests and packages running in parallel never see each other's rows.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// Env names the variable holding the URL of the PostgreSQL database tests
// may use, such as postgres://postgres@127.0.0.1:5432/test?sslmode=disable.
const Env = "SYNDIC_TEST_POSTGRES"

// Enabled reports whether $SYNDIC_TEST_POSTGRES is set.
func Enabled() bool { return os.Getenv(Env) != "" }

// Postgres creates an empty schema in the database named by
// $SYNDIC_TEST_POSTGRES and returns a URL whose connections use it
// (search_path); the schema is dropped when the test ends. It skips the
// test when the variable is unset, and fails it when the database cannot
// be reached.
func Postgres(t testing.TB) string {
	t.Helper()
	base := os.Getenv(Env)
	if base == "" {
		t.Skipf("%s is not set: no PostgreSQL to test against", Env)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "test_" + hex.EncodeToString(b[:])
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open %s: %v", Env, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := db.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		db.Close()
		t.Fatalf("create schema in %s: %v", Env, err)
	}
	t.Cleanup(func() {
		defer db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := db.ExecContext(ctx, `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
