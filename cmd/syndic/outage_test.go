package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/syndic/syndic/store"
)

// crawl --once while another process holds the database's write lock
// says "database unreachable" once, not once per source, fails, and
// records no failure: the next pass stores every source, none flagged.
func TestCrawlOnceSaysDatabaseUnreachableOnce(t *testing.T) {
	feed, err := os.ReadFile("../../testdata/feeds/feeder_suspilne_ukrnet_fulltext.xml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	holder, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	var conn *sql.Conn
	var lock sync.Once
	var locked atomic.Bool
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if locked.Load() {
			// Once the database is open, another process takes its write lock.
			lock.Do(func() {
				var err error
				if conn, err = holder.Conn(context.Background()); err == nil {
					_, err = conn.ExecContext(context.Background(), "BEGIN IMMEDIATE")
				}
				if err != nil {
					t.Error(err)
				}
			})
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	}))
	defer up.Close()
	var b strings.Builder
	fmt.Fprintf(&b, "database: %s\nsections: [{id: all}]\nsources:\n", db)
	const n = 6
	for i := range n {
		fmt.Fprintf(&b, "  - {id: s%d, url: \"%s/feed/%d\", sections: [all], allow_private: true, max_items: 3}\n", i, up.URL, i)
	}
	cfg := filepath.Join(dir, "feeds.yaml")
	if err := os.WriteFile(cfg, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	locked.Store(true)
	out, errOut, err := runCmd(t, "crawl", "--once", "--config", cfg, "--db", "file:"+db+"?_pragma=busy_timeout(50)")
	if conn != nil {
		conn.ExecContext(context.Background(), "ROLLBACK")
		conn.Close()
	}
	all := out + errOut
	if err != nil {
		all += err.Error()
	}
	if exitCode(err) != 1 || strings.Count(all, "database unreachable") != 1 {
		t.Errorf("locked database: exit %d, %d times \"database unreachable\":\n%s", exitCode(err), strings.Count(all, "database unreachable"), all)
	}
	if !strings.Contains(err.Error(), "not crawled or not stored") {
		t.Errorf("error %v", err)
	}

	out, _, err = runCmd(t, "crawl", "--once", "--config", cfg)
	if err != nil || !strings.Contains(out, fmt.Sprintf("%d sources:", n)) || !strings.Contains(out, ", 0 failed") {
		t.Fatalf("database back: %v\n%s", err, out)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	states, err := st.SourceStates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range states {
		if s.Failures != 0 || s.LastSuccess.IsZero() {
			t.Errorf("%s: failures %d, last success %s", s.SourceID, s.Failures, s.LastSuccess)
		}
	}
	if len(states) != n {
		t.Errorf("%d source states, want %d", len(states), n)
	}
}
