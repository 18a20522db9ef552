package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// crashChildEnv names the config a re-executed test binary runs
// `syndic run` with, until it is killed.
const crashChildEnv = "SYNDIC_RUN_CRASH_CHILD"

// crashUpstream serves nSources feeds of perFeed items over nHosts loopback
// servers (each its own host, so crawls run in parallel), and each item's
// article page a little slowly, so that a crawl writes for a while. It
// counts the requests for each feed.
type crashUpstream struct {
	servers []*httptest.Server
	mu      sync.Mutex
	feeds   map[string]int // feed path → requests
}

func newCrashUpstream(t *testing.T, nHosts, perFeed int) *crashUpstream {
	u := &crashUpstream{feeds: map[string]int{}}
	for range nHosts {
		var srv *httptest.Server
		srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch {
			case r.URL.Path == "/robots.txt":
				http.NotFound(w, r)
			case strings.HasPrefix(r.URL.Path, "/feed/"):
				u.mu.Lock()
				u.feeds[r.URL.Path]++
				u.mu.Unlock()
				writeSyntheticFeed(w, srv.URL, strings.TrimPrefix(r.URL.Path, "/feed/"), perFeed)
			case strings.HasPrefix(r.URL.Path, "/a/"):
				time.Sleep(time.Duration(5+rand.IntN(10)) * time.Millisecond)
				writeSyntheticArticle(w, r.URL.Path)
			default:
				http.NotFound(w, r)
			}
		}))
		t.Cleanup(srv.Close)
		u.servers = append(u.servers, srv)
	}
	return u
}

func (u *crashUpstream) requests() map[string]int {
	u.mu.Lock()
	defer u.mu.Unlock()
	out := make(map[string]int, len(u.feeds))
	for k, v := range u.feeds {
		out[k] = v
	}
	return out
}

// TestRunSurvivesSIGKILL runs `syndic run` in a child process crawling a
// loopback upstream, SIGKILLs it at random moments, and after each kill
// checks the database: integrity_check ok, no item lost (the set of stored
// items only grows), no duplicate, and the schedule resumed (a source
// crawled before the kill is not fetched again before it is due). A last
// run, stopped gracefully, finds every item.
func TestRunSurvivesSIGKILL(t *testing.T) {
	if cfg := os.Getenv(crashChildEnv); cfg != "" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		os.WriteFile(cfg+".ready", nil, 0o644) // SIGTERM now stops it gracefully
		if err := run(ctx, []string{"run", "--config", cfg}, strings.NewReader(""), io.Discard, io.Discard); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(3)
		}
		os.Exit(0)
	}
	if testing.Short() {
		t.Skip("starts child processes")
	}
	const nHosts, nSources, perFeed = 6, 60, 15
	up := newCrashUpstream(t, nHosts, perFeed)
	dir := t.TempDir()
	db := filepath.Join(dir, "crash.db")
	var b strings.Builder
	fmt.Fprintf(&b, "database: %s\nlisten: 127.0.0.1:0\nfetch: {host_spacing: 0s}\nsections: [{id: all}]\nsources:\n", db)
	for i := range nSources {
		fmt.Fprintf(&b, "  - {id: s%02d, url: \"%s/feed/s%02d\", sections: [all], allow_private: true, interval: 30m}\n", i, up.servers[i%nHosts].URL, i)
	}
	cfgPath := filepath.Join(dir, "feeds.yaml")
	if err := os.WriteFile(cfgPath, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	start := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRunSurvivesSIGKILL$")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+cfgPath)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}

	stored := map[string]bool{} // source/guid of every item seen stored
	crawled := map[string]bool{}
	rounds := 0
	for round := range 10 {
		before := up.requests()
		cmd := start()
		time.Sleep(time.Duration(100+rand.IntN(1400)) * time.Millisecond)
		cmd.Process.Kill() // SIGKILL
		cmd.Wait()
		rounds++

		// The schedule resumed: no source crawled to the end in an
		// earlier round was fetched again in this one.
		after := up.requests()
		for id := range crawled {
			path := "/feed/" + id
			if after[path] != before[path] {
				t.Errorf("round %d: %s was fetched again before it was due", round, id)
			}
		}
		items, done := checkDB(t, db, round)
		for k := range stored {
			if !items[k] {
				t.Fatalf("round %d: item %s lost", round, k)
			}
		}
		stored = items
		for id := range done {
			crawled[id] = true
		}
		t.Logf("round %d: %d items, %d of %d sources crawled", round, len(stored), len(crawled), nSources)
		if len(crawled) == nSources {
			break
		}
	}
	if len(crawled) == nSources {
		t.Logf("every source was crawled within %d killed runs", rounds)
	}

	// A last run to the end, stopped with SIGTERM: every item is there once.
	os.Remove(cfgPath + ".ready")
	cmd := start()
	deadline := time.Now().Add(60 * time.Second)
	for {
		items, done := checkDB(t, db, -1)
		if len(done) == nSources {
			if len(items) != nSources*perFeed {
				t.Errorf("%d items stored, want %d", len(items), nSources*perFeed)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the last run did not finish: %d of %d sources crawled", len(done), nSources)
		}
		time.Sleep(200 * time.Millisecond)
	}
	for i := 0; i < 500; i++ {
		if _, err := os.Stat(cfgPath + ".ready"); err == nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Errorf("graceful stop: %v", err)
	}
	// Closed gracefully, the store folded its WAL into the database.
	if fi, err := os.Stat(db + "-wal"); err == nil && fi.Size() > 0 {
		t.Errorf("WAL left at %d bytes after a graceful stop", fi.Size())
	}
	checkDB(t, db, -1)
}

// checkDB opens the database as a restarted syndic would and checks it:
// integrity_check ok, no item twice. It returns the stored items (source/guid)
// and the sources whose crawl completed.
func checkDB(t *testing.T, path string, round int) (items, done map[string]bool) {
	t.Helper()
	items, done = map[string]bool{}, map[string]bool{}
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return items, done // killed before the store was created
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var integrity string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("round %d: integrity_check = %q, %v", round, integrity, err)
	}
	var hasItems int
	db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'items'`).Scan(&hasItems)
	if hasItems == 0 {
		return items, done // killed before the migration committed
	}
	for _, q := range []string{
		`SELECT count(*) FROM (SELECT 1 FROM items GROUP BY source_id, guid HAVING count(*) > 1)`,
		`SELECT count(*) FROM (SELECT 1 FROM items GROUP BY source_id, link HAVING count(*) > 1)`,
		`SELECT count(*) FROM (SELECT 1 FROM item_sections GROUP BY item_id, section HAVING count(*) > 1)`,
	} {
		var dups int
		if err := db.QueryRow(q).Scan(&dups); err != nil || dups != 0 {
			t.Fatalf("round %d: %s: %d, %v", round, q, dups, err)
		}
	}
	// Items and crawl states from one snapshot: read apart, a crawl that
	// commits between the two reads shows as done with its items missing.
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	rows, err := tx.Query(`SELECT source_id, guid FROM items`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var src, guid string
		rows.Scan(&src, &guid)
		items[src+"/"+guid] = true
	}
	rows.Close()
	rows, err = tx.Query(`SELECT source_id FROM source_states WHERE last_success IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		rows.Scan(&id)
		done[id] = true
	}
	rows.Close()
	return items, done
}
