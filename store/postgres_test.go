package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store/storetest"
)

func TestIsPostgres(t *testing.T) {
	for db, want := range map[string]bool{
		"postgres://u@h/db": true, "postgresql://h/db?sslmode=disable": true, "POSTGRES://h/db": true,
		"syndic.db": false, "file:syndic.db?mode=rwc": false, "/var/lib/postgres/syndic.db": false, "": false,
	} {
		if got := IsPostgres(db); got != want {
			t.Errorf("IsPostgres(%q) = %v", db, got)
		}
	}
	for in, want := range map[string]string{
		"postgres://syndic:secret@db:5432/syndic":            "postgres://syndic:xxxxx@db:5432/syndic",
		"postgres://db/syndic?user=syndic&password=secret":   "postgres://db/syndic?password=xxxxx&user=syndic",
		"postgres://syndic@127.0.0.1/syndic?sslmode=disable": "postgres://syndic@127.0.0.1/syndic?sslmode=disable",
		"syndic.db": "syndic.db",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPostgresQueryPlans pins the plans that keep the hot queries
// independent of the number of items: "newest 50 of a section" is an
// index-only range scan of item_sections_newest in order (no sort) and a
// primary-key lookup per item; the writer's lookups use indexes; search
// can use the GIN index.
func TestPostgresQueryPlans(t *testing.T) {
	s := openAt(t, storetest.Postgres(t))
	save(t, s, fullItem())
	for b := range 4 {
		var batch []news.Item
		for i := range 500 {
			batch = append(batch, smallItem(fmt.Sprintf("src%d", b), i))
		}
		save(t, s, batch...)
	}
	if _, err := s.r.Exec(`ANALYZE`); err != nil {
		t.Fatal(err)
	}
	plan := postgresPlan(t, s, s.q.sectionBefore, "world", int64(1<<62), int64(1<<62), int64(1<<62), 50)
	t.Logf("section plan:\n%s", plan)
	if !containsAll(plan, "Index Only Scan using item_sections_newest", "Index Scan using items_pkey") {
		t.Errorf("section query does not use item_sections_newest and the items key:\n%s", plan)
	}
	if strings.Contains(plan, "Sort") || strings.Contains(plan, "Seq Scan") {
		t.Errorf("section query sorts or scans:\n%s", plan)
	}
	for name, q := range map[string]struct {
		query string
		args  []any
	}{
		"itemByKey":     {s.q.itemByKey, []any{"x", "x"}},
		"itemsByLink":   {s.q.itemsByLink, []any{"x", "x"}},
		"itemsByKeys":   {s.q.itemsByKeys, []any{"x", `["x"]`}},
		"itemsByLinks":  {s.q.itemsByLinks, []any{"x", `["x"]`}},
		"itemsByIDs":    {s.q.itemsByIDs, []any{"[1,2]"}},
		"sectionsByIDs": {s.q.sectionsByIDs, []any{"[1,2]"}},
		"quotesByIDs":   {s.q.quotesByIDs, []any{"[1,2]"}},
	} {
		plan := postgresPlan(t, s, q.query, q.args...)
		if strings.Contains(plan, "Seq Scan") {
			t.Errorf("%s scans a table:\n%s", name, plan)
		}
	}
	for name, q := range map[string]struct {
		query, index string
	}{
		"sectionBefore": {s.q.sectionBefore, "Index Only Scan using item_sections_newest"},
		"sourceBefore":  {s.q.sourceBefore, "Index Scan using items_source_newest"},
	} {
		plan := postgresPlan(t, s, q.query, "world", int64(1<<62), int64(1<<62), int64(1<<62), 50)
		if !strings.Contains(plan, q.index) || strings.Contains(plan, "Sort") || strings.Contains(plan, "Seq Scan") {
			t.Errorf("%s does not read %s in order:\n%s", name, q.index, plan)
		}
	}
	// Search with neither scans nor ordered index scans: the GIN index must
	// answer the query as written (the words' query computed once).
	plan = postgresPlanWith(t, s, []string{"enable_seqscan", "enable_indexscan"}, s.q.searchBefore, tsQuery(queryKeys("санкции")),
		int64(1<<62), int64(1<<62), int64(1<<62), 10)
	if !strings.Contains(plan, "Bitmap Index Scan on items_fts_tsv") {
		t.Errorf("search cannot use the GIN index:\n%s", plan)
	}
}

// TestPostgresRejects: a bad URL or an unreachable server is an error,
// never a SQLite file named after the URL.
func TestPostgresRejects(t *testing.T) {
	ctx := context.Background()
	for _, db := range []string{"postgres://syndic:secret@127.0.0.1:1/none?connect_timeout=2", "postgres://syndic:secret@%zz/x"} {
		if s, err := Open(ctx, db); err == nil {
			s.Close()
			t.Errorf("Open(%q): no error", db)
		} else if strings.Contains(err.Error(), "secret") {
			t.Errorf("error shows the password: %v", err)
		}
	}
}
