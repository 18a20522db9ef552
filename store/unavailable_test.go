package store

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"testing"
)

// Unavailable tells the database's state (a refused connection, a write
// lock held elsewhere) from errors of the query, on real errors of both
// drivers; Ping says whether the database answers.
func TestUnavailable(t *testing.T) {
	ctx := context.Background()
	// PostgreSQL where none listens: a port just closed.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	if _, err := Open(ctx, "postgres://postgres@"+addr+"/x?sslmode=disable&connect_timeout=5"); !Unavailable(err) {
		t.Errorf("no server: Unavailable(%v) = false", err)
	}

	forBackends(t, func(t *testing.T) {
		db := testDatabase(t)
		s, err := Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.Ping(ctx); err != nil {
			t.Fatalf("Ping: %v", err)
		}
		_, err = s.w.ExecContext(ctx, "INSERT INTO no_such_table VALUES (1)")
		if err == nil || Unavailable(err) {
			t.Errorf("query error: Unavailable(%v) = true", err)
		}
		if Unavailable(fmt.Errorf("read: %w", ErrNotFound)) || Unavailable(nil) {
			t.Error("not found or nil: Unavailable")
		}
		if !s.pg {
			// Another process holds the write lock; this one does not wait.
			holder, err := sql.Open("sqlite", db)
			if err != nil {
				t.Fatal(err)
			}
			defer holder.Close()
			conn, err := holder.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
				t.Fatal(err)
			}
			defer conn.ExecContext(ctx, "ROLLBACK")
			other, err := sql.Open("sqlite", db+"?_pragma=busy_timeout(0)")
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			_, err = other.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES ('k', 'v')")
			if !Unavailable(err) {
				t.Errorf("write lock held: Unavailable(%v) = false", err)
			}
		}
		s.Close()
		if err := s.Ping(ctx); err == nil {
			t.Error("Ping of a closed store: nil")
		}
	})
}
