package store

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/syndic/syndic/store/storetest"
)

// Every behaviour test runs once per backend, as the subtests sqlite and
// postgres (go test -run 'TestSaveItemsDedup/postgres'). The postgres half
// skips unless SYNDIC_TEST_POSTGRES names a database (see storetest).
func forBackends(t *testing.T, test func(t *testing.T)) {
	for _, b := range []string{"sqlite", "postgres"} {
		t.Run(b, func(t *testing.T) {
			if b == "postgres" && !storetest.Enabled() {
				t.Skipf("%s is not set", storetest.Env)
			}
			test(t)
		})
	}
}

// benchBackends is forBackends for benchmarks.
func benchBackends(b *testing.B, bench func(b *testing.B)) {
	for _, backend := range []string{"sqlite", "postgres"} {
		b.Run(backend, func(b *testing.B) {
			if backend == "postgres" && !storetest.Enabled() {
				b.Skipf("%s is not set", storetest.Env)
			}
			bench(b)
		})
	}
}

// onPostgres reports whether t (or the subtest of t) runs on PostgreSQL:
// its name is Test.../postgres/...
func onPostgres(t testing.TB) bool {
	parts := strings.Split(t.Name(), "/")
	return len(parts) > 1 && parts[1] == "postgres"
}

// testDatabase returns a new, empty database for the test's backend: a
// SQLite file in a temporary directory or a fresh PostgreSQL schema.
func testDatabase(t testing.TB) string {
	t.Helper()
	if onPostgres(t) {
		return storetest.Postgres(t)
	}
	return filepath.Join(t.TempDir(), "syndic.db")
}

// placeholders is the number of parameters of query: its highest $N.
func placeholders(query string) int {
	n := 0
	for _, m := range regexp.MustCompile(`\$([0-9]+)`).FindAllStringSubmatch(query, -1) {
		k, _ := strconv.Atoi(m[1])
		n = max(n, k)
	}
	return n
}

// postgresPlan returns the EXPLAIN output of query with sequential scans
// and sorts disfavoured, so that the plan shows which indexes can serve it
// even on the few rows of a test.
func postgresPlan(t testing.TB, s *Store, query string, args ...any) string {
	t.Helper()
	return postgresPlanWith(t, s, []string{"enable_seqscan", "enable_sort"}, query, args...)
}

// postgresPlanWith returns the EXPLAIN output of query with the planner
// settings off disfavoured.
func postgresPlanWith(t testing.TB, s *Store, off []string, query string, args ...any) string {
	t.Helper()
	tx, err := s.r.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for _, setting := range off {
		set := "SET LOCAL " + setting + " = off"
		if _, err := tx.Exec(set); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := tx.Query("EXPLAIN "+query, args...)
	if err != nil {
		t.Fatalf("explain: %v", err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		b.WriteString(line + "\n")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
