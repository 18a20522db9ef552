package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
)

// queryPlan returns the EXPLAIN QUERY PLAN of query, one step a line (on
// PostgreSQL, see postgresPlan).
func queryPlan(t testing.TB, s *Store, query string, args ...any) string {
	t.Helper()
	if s.pg {
		return postgresPlan(t, s, query, args...)
	}
	rows, err := s.r.Query("EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatalf("explain: %v", err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		b.WriteString(detail + "\n")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

// TestSectionItemsQueryPlan pins the plan that makes "newest 50 of a section"
// independent of the number of items: a range search of item_sections_newest
// in index order (no sort, no scan), then items by primary key. The plan is
//
//	SEARCH s USING COVERING INDEX item_sections_newest (section=? AND sort_time<?)
//	SEARCH i USING INTEGER PRIMARY KEY (rowid=?)
func TestSectionItemsQueryPlan(t *testing.T) {
	s := testStore(t)
	plan := queryPlan(t, s, s.q.sectionBefore, "world", int64(math.MaxInt64), int64(math.MaxInt64), int64(math.MaxInt64), 50)
	t.Logf("plan:\n%s", plan)
	if !containsAll(plan, "SEARCH s USING COVERING INDEX item_sections_newest (section=? AND sort_time<?)", "SEARCH i USING INTEGER PRIMARY KEY") {
		t.Errorf("section query does not use item_sections_newest and the items key:\n%s", plan)
	}
	for _, bad := range []string{"SCAN", "TEMP B-TREE"} {
		if strings.Contains(plan, bad) {
			t.Errorf("section query plan has %s:\n%s", bad, plan)
		}
	}
	for name, q := range map[string]string{
		"itemByKey":     s.q.itemByKey,
		"itemsByLink":   s.q.itemsByLink,
		"itemsByKeys":   s.q.itemsByKeys,
		"itemsByLinks":  s.q.itemsByLinks,
		"itemsByIDs":    s.q.itemsByIDs,
		"sectionsByIDs": s.q.sectionsByIDs,
		"quotesByIDs":   s.q.quotesByIDs,
	} {
		args := make([]any, placeholders(q))
		for i := range args {
			args[i] = "x"
		}
		plan := queryPlan(t, s, q, args...)
		if strings.Contains(plan, "SCAN items") || strings.Contains(plan, "SCAN item_sections") || strings.Contains(plan, "SCAN quotes") {
			t.Errorf("%s scans a table:\n%s", name, plan)
		}
	}
}

func TestSQLiteDSN(t *testing.T) {
	tests := []struct {
		path        string
		writer      bool
		has, hasNot []string
	}{
		{"/tmp/x.db", true, []string{"/tmp/x.db?", "_txlock=immediate", "busy_timeout%285000%29", "_journal_mode=WAL", "page_size%288192%29", "synchronous%28NORMAL%29", "foreign_keys%28ON%29"}, []string{"query_only"}},
		{"/tmp/x.db", false, []string{"query_only%281%29", "busy_timeout%285000%29"}, []string{"_txlock", "journal_mode"}},
		{"file:/tmp/x.db?_pragma=synchronous(FULL)&mode=rwc", true, []string{"file:/tmp/x.db?", "synchronous%28FULL%29", "mode=rwc"}, []string{"NORMAL"}},
	}
	for _, tt := range tests {
		dsn, err := sqliteDSN(tt.path, tt.writer)
		if err != nil {
			t.Fatalf("sqliteDSN(%q): %v", tt.path, err)
		}
		for _, h := range tt.has {
			if !strings.Contains(dsn, h) {
				t.Errorf("sqliteDSN(%q, %v) = %q, lacks %q", tt.path, tt.writer, dsn, h)
			}
		}
		for _, h := range tt.hasNot {
			if strings.Contains(dsn, h) {
				t.Errorf("sqliteDSN(%q, %v) = %q, has %q", tt.path, tt.writer, dsn, h)
			}
		}
	}
}

func TestOpenRejects(t *testing.T) {
	for _, path := range []string{"", ":memory:", "file::memory:?cache=shared", "file:x?mode=memory", "file:x?%zz"} {
		if s, err := Open(context.Background(), path); err == nil {
			s.Close()
			t.Errorf("Open(%q): no error", path)
		}
	}
}

func TestPragmasInForce(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	for _, tt := range []struct {
		db      string
		pragma  string
		want    string
		onWrite bool
	}{
		{"writer", "journal_mode", "wal", true},
		{"writer", "page_size", "8192", true},
		{"writer", "synchronous", "1", true},
		{"writer", "foreign_keys", "1", true},
		{"writer", "busy_timeout", "5000", true},
		{"writer", "wal_autocheckpoint", "10000", true},
		{"writer", "journal_size_limit", "67108864", true},
		{"reader", "foreign_keys", "1", false},
		{"reader", "busy_timeout", "5000", false},
		{"reader", "query_only", "1", false},
	} {
		db := s.r
		if tt.onWrite {
			db = s.w
		}
		var got string
		if err := db.QueryRowContext(ctx, "PRAGMA "+tt.pragma).Scan(&got); err != nil {
			t.Fatalf("%s PRAGMA %s: %v", tt.db, tt.pragma, err)
		}
		if got != tt.want {
			t.Errorf("%s PRAGMA %s = %s, want %s", tt.db, tt.pragma, got, tt.want)
		}
	}
}

func TestCheckpointTruncatesWAL(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, filepath.Join(dir, "syndic.db"), WithCheckpointInterval(0))
	for i := range 50 {
		it := fullItem()
		it.GUID = string(rune('a'+i%26)) + strings.Repeat("x", i)
		it.Link = "https://caliber.az/" + it.GUID
		save(t, s, it)
	}
	if busy, err := s.Checkpoint(context.Background()); err != nil || busy {
		t.Fatalf("Checkpoint = busy %v, %v", busy, err)
	}
	fi, err := os.Stat(filepath.Join(dir, "syndic.db-wal"))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() != 0 {
		t.Fatalf("WAL is %d bytes after a TRUNCATE checkpoint", fi.Size())
	}
}

// Saved items reach the database file by the background checkpoint, not
// the writer's: with SQLite's automatic checkpoint and the periodic one
// turned off, the file still grows after saves, while the writer goes on.
func TestSavesCheckpointedInBackground(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "syndic.db")
	s := openAt(t, path+"?_pragma=wal_autocheckpoint(0)", WithCheckpointInterval(0))
	size := func() int64 {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	before := size()
	for i := range 50 {
		it := fullItem()
		it.GUID = fmt.Sprintf("g%d", i)
		it.Link = "https://caliber.az/" + it.GUID
		save(t, s, it)
	}
	deadline := time.Now().Add(10 * time.Second)
	for size() <= before {
		if time.Now().After(deadline) {
			t.Fatalf("database file still %d bytes 10s after 50 saves: nothing checkpointed", before)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// A damaged database file is refused when it is opened, with an error that
// names the file and says it is corrupt, rather than opened and failing on
// every read.
func TestOpenRefusesCorruptFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var items []news.Item
	for i := range 300 {
		items = append(items, crashItem(i, 0, strings.Repeat("Текст статьи. ", 40)))
	}
	if _, err := st.SaveItems(ctx, items); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < 64<<10 {
		t.Fatalf("database is only %d bytes", len(data))
	}
	// Scribble over a page in the middle of the file, as a bad disk would.
	page := 4096 * (len(data) / 4096 / 2)
	for i := page + 8; i < page+4096; i++ {
		data[i] = byte(i * 7)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	st, err = Open(ctx, path)
	if err == nil {
		st.Close()
		t.Fatal("a corrupt database opened")
	}
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), path) {
		t.Errorf("error = %v; want ErrCorrupt naming %s", err, path)
	}
}
